use crate::api::admin::IssueResetCode;
use crate::api::learning::CreateCohort;
use crate::api::rules::action_of;
use crate::msg;
use leptos::prelude::*;

use crate::components::{PageTitle, loaded};

use super::param;
use crate::api::learning::{cohort, cohorts};
use crate::components::{Field, IssuedCode, Layout, ProgressBar, StatisticsView, form_errors};
use crate::i18n::{t, t_with};
use crate::model::{CohortPage, CohortSummary, CohortsPage};

/// `/manage/cohorts`: the cohorts someone may see, and (managers) a form
/// to create one.
#[component]
pub fn CohortsListPage() -> impl IntoView {
    loaded(cohorts(), move |page| view! { <Cohorts page/> })
}

#[component]
fn Cohorts(page: CohortsPage) -> impl IntoView {
    let can_create = !page.courses.is_empty();
    let empty = page.cohorts.is_empty();
    view! {
        <PageTitle text=t(msg::COHORTS_TITLE)/>
        <Layout>
            <h1>{t(msg::COHORTS_TITLE)}</h1>
            {if empty {
                view! { <p>{t(msg::COHORTS_NONE)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="cards">
                            <caption>{t(msg::COHORTS_CAPTION)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t(msg::COHORT_NAME)}</th>
                                    <th scope="col">{t(msg::COHORT_COURSE)}</th>
                                    <th scope="col">{t(msg::FIELD_COHORT_CODE)}</th>
                                    <th scope="col">{t(msg::COHORT_DATES)}</th>
                                    <th scope="col">{t(msg::COHORT_MEMBERS)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {page.cohorts.into_iter().map(|cohort| view! { <CohortRow cohort/> }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                    .into_any()
            }}
            {can_create.then(|| view! {
                <NewCohortForm courses=page.courses time_zones=page.time_zones organisations=page.organisations/>
            })}
        </Layout>
    }
}

#[component]
fn CohortRow(cohort: CohortSummary) -> impl IntoView {
    let members = members_of(cohort.members, cohort.capacity);
    view! {
        <tr>
            <th scope="row"><a href=format!("/manage/cohorts/{}", cohort.id)><bdi>{cohort.name}</bdi></a></th>
            <td data-label=t(msg::COHORT_COURSE)><bdi>{cohort.course_title}</bdi></td>
            <td data-label=t(msg::FIELD_COHORT_CODE)><code dir="ltr">{cohort.code}</code></td>
            <td data-label=t(msg::COHORT_DATES)><bdi>{dates(&cohort.starts_on, &cohort.ends_on)}</bdi></td>
            <td data-label=t(msg::COHORT_MEMBERS)>{members}</td>
        </tr>
    }
}

/// "12 / 30": members of the places there are, in the reader's digits.
fn members_of(members: u64, capacity: Option<i32>) -> String {
    let members = crate::format::number(members);
    match capacity {
        Some(capacity) => format!("{members}\u{a0}/\u{a0}{}", crate::format::number(capacity.max(0) as u64)),
        None => members,
    }
}

fn dates(starts: &Option<String>, ends: &Option<String>) -> String {
    match (starts, ends) {
        (None, None) => "–".into(),
        (starts, ends) => {
            let day = |day: &Option<String>| day.as_deref().map(crate::format::date).unwrap_or_default();
            format!("{} – {}", day(starts), day(ends))
        }
    }
}

#[component]
fn NewCohortForm(
    courses: Vec<(String, String)>,
    time_zones: Vec<String>,
    organisations: Vec<(i64, String)>,
) -> impl IntoView {
    let errors = form_errors::<CreateCohort>();
    let chosen_course = errors.value("course_id");
    let chosen_organisation = errors.value("organisation");
    let organisation_field = (!organisations.is_empty()).then(|| {
        view! {
            <div class="field">
                <label for="organisation">{t(msg::ORGANISATION)} " " <span class="hint">{t(msg::FIELD_OPTIONAL)}</span></label>
                <select id="organisation" name="organisation">
                    <option value="">{t(msg::ORGANISATION_NONE)}</option>
                    {organisations
                        .into_iter()
                        .map(|(id, name)| {
                            let selected = id.to_string() == chosen_organisation;
                            view! { <option value=id.to_string() selected=selected>{name}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
        }
    });
    let chosen_zone = errors.value("time_zone");
    let error_of = |field: &str| errors.field(field).map(str::to_string);
    view! {
        <h2 id="new-cohort">{t(msg::COHORT_NEW_TITLE)}</h2>
        <form class="account-form" method="post" action={action_of::<CreateCohort>()}>
            <div class="field">
                <label for="course_id">{t(msg::COHORT_COURSE)}</label>
                {error_of("course_id").map(|e| view! { <p class="field-error" id="course_id-error">{t(&e)}</p> })}
                <select
                    id="course_id"
                    name="course_id"
                    aria-invalid=error_of("course_id").map(|_| "true")
                    aria-describedby=error_of("course_id").map(|_| "course_id-error")
                >
                    {courses
                        .into_iter()
                        .map(|(id, title)| {
                            let selected = id == chosen_course;
                            view! { <option value=id selected=selected>{title}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <Field name="name" label=t(msg::COHORT_NAME) autocomplete="off" value=errors.value("name")
                hint=Some(t(msg::COHORT_NAME_HINT)) error=error_of("name")/>
            {organisation_field}
            <div class="field">
                <label for="time_zone">{t(msg::COHORT_TIME_ZONE)}</label>
                {error_of("time_zone").map(|e| view! { <p class="field-error" id="time_zone-error">{t(&e)}</p> })}
                <select
                    id="time_zone"
                    name="time_zone"
                    dir="ltr"
                    aria-invalid=error_of("time_zone").map(|_| "true")
                    aria-describedby=error_of("time_zone").map(|_| "time_zone-error")
                >
                    {time_zones
                        .into_iter()
                        .map(|zone| {
                            let selected = zone == chosen_zone;
                            view! { <option value=zone.clone() selected=selected>{zone.clone()}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <OptionalField name="starts_on" kind="date" label=t(msg::COHORT_STARTS_ON) value=errors.value("starts_on") error=error_of("starts_on")/>
            <OptionalField name="ends_on" kind="date" label=t(msg::COHORT_ENDS_ON) value=errors.value("ends_on") error=error_of("ends_on")/>
            <OptionalField name="capacity" kind="number" label=t(msg::COHORT_CAPACITY) value=errors.value("capacity") error=error_of("capacity")/>
            <button type="submit">{t(msg::COHORT_CREATE)}</button>
        </form>
    }
}

/// An input that may be left empty.
#[component]
fn OptionalField(
    name: &'static str,
    kind: &'static str,
    label: String,
    value: String,
    error: Option<String>,
) -> impl IntoView {
    let error_id = format!("{name}-error");
    let described_by = error.as_ref().map(|_| error_id.clone());
    view! {
        <div class="field">
            <label for=name>{label} " " <span class="hint">{t(msg::FIELD_OPTIONAL)}</span></label>
            {error.map(|error| view! { <p class="field-error" id=error_id>{t(&error)}</p> })}
            <input type=kind id=name name=name value=value dir="ltr" min=(kind == "number").then_some("1")
                aria-invalid=described_by.is_some().then_some("true") aria-describedby=described_by/>
        </div>
    }
}

/// `/manage/cohorts/{id}`: who is in a cohort and how far each is.
#[component]
pub fn CohortDetailPage() -> impl IntoView {
    let id = param("id").parse::<i64>().unwrap_or(-1);
    loaded(cohort(id), move |page| view! { <CohortDetail page/> })
}

#[component]
fn CohortDetail(page: CohortPage) -> impl IntoView {
    let CohortPage { cohort, members, issued, statistics } = page;
    let share = format!("/join/{}", cohort.code);
    let learners_csv = format!("/manage/cohorts/{}/learners.csv", cohort.id);
    let back = format!("/manage/cohorts/{}", cohort.id);
    view! {
        <PageTitle text=cohort.name.clone()/>
        <Layout wide=true>
            <p><a href="/manage/cohorts">{t(msg::COHORTS_TITLE)}</a></p>
            <h1><bdi>{cohort.name}</bdi></h1>
            {issued.map(|issued| view! { <IssuedCode issued/> })}
            <dl class="profile">
                <dt>{t(msg::COHORT_COURSE)}</dt>
                <dd><a href=format!("/courses/{}", cohort.course_id)><bdi>{cohort.course_title}</bdi></a></dd>
                <dt>{t(msg::FIELD_COHORT_CODE)}</dt>
                <dd dir="ltr"><code>{cohort.code.clone()}</code> " · " <a href=share.clone()>{share.clone()}</a></dd>
                <dt>{t(msg::COHORT_TIME_ZONE)}</dt>
                <dd dir="ltr">{cohort.time_zone}</dd>
                <dt>{t(msg::COHORT_DATES)}</dt>
                <dd>{dates(&cohort.starts_on, &cohort.ends_on)}</dd>
                <dt>{t(msg::COHORT_MEMBERS)}</dt>
                <dd>{members_of(cohort.members, cohort.capacity)}</dd>
            </dl>
            <div class="table-wrap">
                <table class="cards">
                    <caption>{t(msg::COHORT_MEMBERS_CAPTION)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(msg::USERS_NAME)}</th>
                            <th scope="col">{t(msg::FIELD_USERNAME)}</th>
                            <th scope="col">{t(msg::COHORT_JOINED)}</th>
                            <th scope="col">{t(msg::COHORT_PROGRESS)}</th>
                            <th scope="col">{t(msg::USERS_ACTIONS)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {members
                            .into_iter()
                            .map(|member| {
                                let reset_label =
                                    t_with(msg::USERS_ISSUE_CODE_FOR, [("username", member.username.clone().into())]);
                                let still_here = member.left_on.is_none();
                                let reset = still_here.then(|| {
                                    view! {
                                        <form method="post" action={action_of::<IssueResetCode>()}>
                                            <input type="hidden" name="username" value=member.username.clone()/>
                                            <input type="hidden" name="back" value=back.clone()/>
                                            <button type="submit" aria-label=reset_label>{t(msg::USERS_ISSUE_CODE)}</button>
                                        </form>
                                    }
                                });
                                view! {
                                    <tr>
                                        <td data-label=t(msg::USERS_NAME)><bdi>{member.display_name}</bdi></td>
                                        <td data-label=t(msg::FIELD_USERNAME) dir="ltr">{member.username}</td>
                                        <td data-label=t(msg::COHORT_JOINED) dir="ltr">
                                            {crate::format::date(&member.enrolled_on)}
                                            {member.left_on.map(|left| view! { <br/> {t_with(msg::COHORT_LEFT_ON, [("date", crate::format::date(&left).into())])} })}
                                        </td>
                                        <td data-label=t(msg::COHORT_PROGRESS)>
                                            <ProgressBar progress=member.progress/>
                                            {member.completed.then(|| view! { <span class="tick">"✓\u{a0}" {t(msg::COHORT_MEMBER_COMPLETED)}</span> })}
                                        </td>
                                        <td data-label=t(msg::USERS_ACTIONS)>{reset}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="csv"><a href=learners_csv download="">{t(msg::STAT_LEARNERS_CSV)}</a></p>
            <StatisticsView statistics/>
        </Layout>
    }
}
