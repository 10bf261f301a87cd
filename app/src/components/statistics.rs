//! Statistics as people read them: a chart drawn on the server as inline
//! SVG (no script), with a title and a description, and beside it a table
//! of the same numbers for screen readers and for copying; every table
//! links to its CSV.

use crate::msg;
use leptos::prelude::*;

use crate::i18n::{t, t_with};
use crate::model::{Breakdown, Funnel, FunnelRow, Statistics};

/// A count in the reader's digits and separators.
pub fn number(n: u64) -> String {
    crate::format::number(n)
}

/// `n` as a whole percentage of `of` ("–" of nothing).
pub fn percent(n: u64, of: u64) -> String {
    if of == 0 {
        return "–".into();
    }
    crate::format::percent(((n as f64) * 100.0 / (of as f64)).round() as u32)
}

/// "12 (40%)".
fn count_and_rate(n: u64, of: u64) -> String {
    format!("{} ({})", number(n), percent(n, of))
}

fn days(median: Option<f64>) -> String {
    match median {
        Some(days) => t_with(msg::STAT_DAYS, [("days", days.into())]).replace(' ', "\u{a0}"),
        None => "–".into(),
    }
}

/// A horizontal bar chart. Each bar is `(label, value, value as shown)`.
#[component]
pub fn BarChart(id: String, title: String, description: String, bars: Vec<(String, u64, String)>) -> impl IntoView {
    // 320 units wide: on a phone the text stays the size it is drawn at.
    const ROW: usize = 46;
    const WIDTH: u64 = 220;
    let max = bars.iter().map(|(_, value, _)| *value).max().unwrap_or(0).max(1);
    let height = bars.len() * ROW + 4;
    let title_id = format!("{id}-title");
    let description_id = format!("{id}-description");
    let labelled_by = format!("{title_id} {description_id}");
    // Bars grow from where the reader's lines begin: the left in English,
    // the right in Urdu. Positions are explicit (the picture itself is
    // laid out left to right), so both stay inside the picture.
    let rtl = crate::i18n::use_language().direction() == crate::language::Direction::RightToLeft;
    let (edge, anchor) = if rtl { (320, "end") } else { (0, "start") };
    view! {
        <svg class="chart" id=id viewBox=format!("0 0 320 {height}") role="img" aria-labelledby=labelled_by
            preserveAspectRatio="xMinYMin meet" direction="ltr">
            <title id=title_id>{title}</title>
            <desc id=description_id>{description}</desc>
            {bars
                .into_iter()
                .enumerate()
                .map(|(index, (label, value, shown))| {
                    let top = index * ROW;
                    let width = (value * WIDTH / max).max(1);
                    let (bar_x, value_x) = if rtl { (320 - width, 320 - width - 8) } else { (0, width + 8) };
                    view! {
                        <g>
                            <text class="chart-label" x=edge.to_string() y=(top + 14).to_string() text-anchor=anchor>{label}</text>
                            <rect class="chart-bar" x=bar_x.to_string() y=(top + 20).to_string() width=width.to_string() height="20" rx="3"></rect>
                            <text class="chart-value" x=value_x.to_string() y=(top + 35).to_string() text-anchor=anchor>{shown}</text>
                        </g>
                    }
                })
                .collect_view()}
        </svg>
    }
}

/// A link to a table's CSV.
#[component]
fn CsvLink(table: &'static str, query: String) -> impl IntoView {
    let href = if query.is_empty() {
        format!("/manage/statistics/{table}.csv")
    } else {
        format!("/manage/statistics/{table}.csv?{query}")
    };
    view! { <p class="csv"><a href=href download="">{t(msg::STAT_DOWNLOAD_CSV)}</a></p> }
}

/// The funnel of a scope: chart, table, and the key figures.
#[component]
fn FunnelSection(funnel: Funnel, query: String) -> impl IntoView {
    let enrolled = funnel.enrolled;
    let steps = [
        (msg::STAT_ENROLLED, funnel.enrolled),
        (msg::STAT_STARTED, funnel.started),
        (msg::STAT_COMPLETED, funnel.completed),
        (msg::STAT_CERTIFIED, funnel.certified),
    ];
    let description = t_with(
        msg::STAT_FUNNEL_DESCRIPTION,
        [
            ("enrolled", funnel.enrolled.into()),
            ("started", funnel.started.into()),
            ("completed", funnel.completed.into()),
            ("certified", funnel.certified.into()),
        ],
    );
    let bars = steps.iter().map(|(id, n)| (t(id), *n, count_and_rate(*n, enrolled))).collect();
    view! {
        <section class="statistics" aria-labelledby="funnel-heading">
            <h2 id="funnel-heading">{t(msg::STAT_FUNNEL_TITLE)}</h2>
            <div class="chart-and-table">
                <BarChart id="funnel-chart".into() title=t(msg::STAT_FUNNEL_TITLE) description bars/>
                <div class="table-wrap">
                    <table class="cards" id="funnel-table">
                        <caption>{t(msg::STAT_FUNNEL_CAPTION)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t(msg::STAT_STEP)}</th>
                                <th scope="col" class="number">{t(msg::STAT_COUNT)}</th>
                                <th scope="col" class="number">{t(msg::STAT_OF_ENROLLED)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {steps
                                .into_iter()
                                .map(|(id, n)| view! {
                                    <tr>
                                        <th scope="row">{t(id)}</th>
                                        <td data-label=t(msg::STAT_COUNT) class="number">{number(n)}</td>
                                        <td data-label=t(msg::STAT_OF_ENROLLED) class="number">{percent(n, enrolled)}</td>
                                    </tr>
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            </div>
            <dl class="figures">
                <div><dt>{t(msg::STAT_LEARNERS)}</dt><dd>{number(funnel.learners)}</dd></div>
                <div><dt>{t(msg::STAT_MEDIAN_DAYS)}</dt><dd>{days(funnel.median_days)}</dd></div>
                <div><dt>{t(msg::STAT_ACTIVE_7)}</dt><dd>{number(funnel.active_7_days)}</dd></div>
                <div><dt>{t(msg::STAT_ACTIVE_30)}</dt><dd>{number(funnel.active_30_days)}</dd></div>
            </dl>
            <CsvLink table="funnel" query/>
        </section>
    }
}

/// A table of funnels, one row per course or cohort.
#[component]
fn FunnelTable(
    id: &'static str,
    heading: String,
    caption: String,
    first_column: String,
    rows: Vec<FunnelRow>,
    query: String,
    #[prop(optional)] chart: bool,
) -> impl IntoView {
    let chart = chart.then(|| {
        let bars = rows
            .iter()
            .map(|row| {
                let rate = (row.funnel.completed * 1000).checked_div(row.funnel.enrolled).unwrap_or(0);
                (row.label.clone(), rate, percent(row.funnel.completed, row.funnel.enrolled))
            })
            .collect();
        view! {
            <BarChart id=format!("{id}-chart") title=t(msg::STAT_COMPLETION_RATE_TITLE)
                description=t(msg::STAT_COMPLETION_RATE_DESCRIPTION) bars/>
        }
    });
    view! {
        <section class="statistics" aria-labelledby=format!("{id}-heading")>
            <h2 id=format!("{id}-heading")>{heading}</h2>
            {chart}
            <div class="table-wrap">
                <table class="cards" id=format!("{id}-table")>
                    <caption>{caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{first_column}</th>
                            <th scope="col" class="number">{t(msg::STAT_ENROLLED)}</th>
                            <th scope="col" class="number">{t(msg::STAT_STARTED)}</th>
                            <th scope="col" class="number">{t(msg::STAT_COMPLETED)}</th>
                            <th scope="col" class="number">{t(msg::STAT_CERTIFIED)}</th>
                            <th scope="col" class="number">{t(msg::STAT_MEDIAN_DAYS)}</th>
                            <th scope="col" class="number">{t(msg::STAT_ACTIVE_30)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|row| {
                                let f = row.funnel;
                                let name = match row.link {
                                    Some(link) => view! { <a href=link><bdi>{row.label}</bdi></a> }.into_any(),
                                    None => view! { <bdi>{row.label}</bdi> }.into_any(),
                                };
                                view! {
                                    <tr>
                                        <th scope="row">{name}</th>
                                        <td data-label=t(msg::STAT_ENROLLED) class="number">{number(f.enrolled)}</td>
                                        <td data-label=t(msg::STAT_STARTED) class="number">{count_and_rate(f.started, f.enrolled)}</td>
                                        <td data-label=t(msg::STAT_COMPLETED) class="number">{count_and_rate(f.completed, f.enrolled)}</td>
                                        <td data-label=t(msg::STAT_CERTIFIED) class="number">{count_and_rate(f.certified, f.enrolled)}</td>
                                        <td data-label=t(msg::STAT_MEDIAN_DAYS) class="number">{days(f.median_days)}</td>
                                        <td data-label=t(msg::STAT_ACTIVE_30) class="number">{number(f.active_30_days)}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <CsvLink table=id query/>
        </section>
    }
}

/// A breakdown by one profile question, small groups hidden.
#[component]
fn BreakdownTable(breakdown: Breakdown, query: String) -> impl IntoView {
    let question = breakdown.question;
    let table: &'static str = question.as_str();
    let left_out = (breakdown.left_out_cohorts > 0).then(|| {
        let counts =
            [("cohorts", breakdown.left_out_cohorts.into()), ("enrolments", breakdown.left_out_enrolments.into())];
        view! { <p class="hint">{t_with(msg::STAT_LEFT_OUT, counts)}</p> }
    });
    let not_shown = t(msg::STAT_NOT_SHOWN);
    let cell = move |n: Option<u64>, partial: bool| match n {
        Some(n) if partial => t_with(msg::STAT_AT_LEAST, [("count", n.into())]),
        Some(n) => number(n),
        None => not_shown.clone(),
    };
    view! {
        <div class="table-wrap">
            <table class="cards" id=format!("breakdown-{table}")>
                <caption>{t_with(msg::STAT_BREAKDOWN_CAPTION, [("question", t(question.message_id()).into())])}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(question.message_id())}</th>
                        <th scope="col" class="number">{t(msg::STAT_ENROLLED)}</th>
                        <th scope="col" class="number">{t(msg::STAT_COMPLETED)}</th>
                    </tr>
                </thead>
                <tbody>
                    {breakdown
                        .rows
                        .into_iter()
                        .map(|row| {
                            let label = match &row.answer {
                                Some(answer) => t(&question.choice_message_id(answer)),
                                None => t(msg::STAT_NOT_STATED),
                            };
                            view! {
                                <tr>
                                    <th scope="row">{label}</th>
                                    <td data-label=t(msg::STAT_ENROLLED) class="number">{cell(row.enrolled, row.partial)}</td>
                                    <td data-label=t(msg::STAT_COMPLETED) class="number">{cell(row.completed, row.partial)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        {left_out}
        <CsvLink table=table query/>
    }
}

/// Every table of a scope's statistics.
#[component]
pub fn StatisticsView(statistics: Statistics) -> impl IntoView {
    let Statistics { total, by_course, by_cohort, breakdowns, breakdowns_withheld, threshold, query } = statistics;
    let courses = (!by_course.is_empty()).then(|| {
        view! {
            <FunnelTable id="courses" heading=t(msg::STAT_BY_COURSE) caption=t(msg::STAT_BY_COURSE_CAPTION)
                first_column=t(msg::COHORT_COURSE) rows=by_course query=query.clone() chart=true/>
        }
    });
    let cohorts = (!by_cohort.is_empty()).then(|| {
        view! {
            <FunnelTable id="cohorts" heading=t(msg::STAT_BY_COHORT) caption=t(msg::STAT_BY_COHORT_CAPTION)
                first_column=t(msg::COHORT_NAME) rows=by_cohort query=query.clone()/>
        }
    });
    view! {
        <FunnelSection funnel=total query=query.clone()/>
        {courses}
        {cohorts}
        {(!breakdowns.is_empty() || breakdowns_withheld.is_some()).then(|| view! {
            <section class="statistics" aria-labelledby="breakdowns-heading">
                <h2 id="breakdowns-heading">{t(msg::STAT_BREAKDOWNS)}</h2>
                {match breakdowns_withheld {
                    Some(reason) => view! { <p class="note">{t(&reason)}</p> }.into_any(),
                    None => view! { <p class="hint">{t_with(msg::STAT_BREAKDOWNS_NOTE, [("threshold", threshold.into())])}</p> }.into_any(),
                }}
                {breakdowns
                    .into_iter()
                    .map(|breakdown| view! { <BreakdownTable breakdown query=query.clone()/> })
                    .collect_view()}
            </section>
        })}
    }
}
