//! `/studio/{course}/history?from=&to=`: every published version, making
//! one the draft again, and what changed between two (`0`: the draft).

use crate::api::rules::action_of;
use crate::api::studio::{RestoreStudioVersion, studio_history};
use crate::msg;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::{Layout, PageTitle, form_errors, loaded};
use crate::i18n::{t, t_with};
use crate::model::{DiffLine, FileDiff, StudioHistory, VersionRow};
use crate::pages::param;

#[component]
pub fn StudioHistoryPage() -> impl IntoView {
    let course = param("course");
    let query = use_query_map();
    let number = |name: &str| query.with_untracked(|query| query.get(name)).and_then(|value| value.parse::<i32>().ok());
    let (from, to) = (number("from"), number("to"));
    loaded(studio_history(course, from, to), move |history| view! { <History history/> })
}

/// "Version 3", or "The draft" for 0.
fn version_name(number: i32) -> String {
    if number == 0 { t(msg::STUDIO_THE_DRAFT) } else { t_with(msg::STUDIO_VERSION, [("number", number.into())]) }
}

#[component]
fn History(history: StudioHistory) -> impl IntoView {
    let StudioHistory { course_id, title, mut versions, diff } = history;
    versions.sort_by_key(|version| std::cmp::Reverse(version.number));
    let errors = form_errors::<RestoreStudioVersion>();
    // Newest first.
    let numbers: Vec<i32> = versions.iter().map(|version| version.number).collect();
    let (from, to) = match &diff {
        Some((from, to, _)) => (*from, *to),
        None => (numbers.first().copied().unwrap_or(0), 0),
    };
    let base = format!("/studio/{course_id}/history");
    let page_title = format!("{} · {title}", t(msg::STUDIO_HISTORY));
    view! {
        <PageTitle text=page_title/>
        <Layout wide=true>
            <p><a href=format!("/studio/{course_id}")><bdi>{title}</bdi></a></p>
            <h1>{t(msg::STUDIO_HISTORY)}</h1>
            {errors.form.clone().map(|message| view! { <p class="form-error" role="alert">{t(&message)}</p> })}
            {if versions.is_empty() {
                view! { <p>{t(msg::STUDIO_NO_VERSIONS)}</p> }.into_any()
            } else {
                let rows = versions
                    .into_iter()
                    .map(|version| {
                        let previous = numbers.iter().copied().find(|number| *number < version.number);
                        view! { <VersionItem course_id=course_id.clone() base=base.clone() version previous/> }
                    })
                    .collect_view();
                view! {
                    <p class="hint">{t(msg::STUDIO_RESTORE_HINT)}</p>
                    <div class="table-wrap">
                        <table class="cards" id="versions">
                            <caption>{t(msg::STUDIO_VERSIONS_CAPTION)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col" class="number">{t(msg::STUDIO_VERSION_NUMBER)}</th>
                                    <th scope="col">{t(msg::STUDIO_WHAT_CHANGED)}</th>
                                    <th scope="col">{t(msg::STUDIO_PUBLISHED_BY)}</th>
                                    <th scope="col">{t(msg::STUDIO_APPROVED_BY)}</th>
                                    <th scope="col">{t(msg::STUDIO_PUBLISHED_AT)}</th>
                                    <th scope="col">{t(msg::USERS_ACTIONS)}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    <CompareForm base=base.clone() numbers=numbers.clone() from to/>
                }
                .into_any()
            }}
            {diff.map(|(from, to, files)| view! { <Diff from to files/> })}
        </Layout>
    }
}

#[component]
fn VersionItem(course_id: String, base: String, version: VersionRow, previous: Option<i32>) -> impl IntoView {
    let VersionRow { number, message, published_by, approved_by, published_at } = version;
    let nobody = || "–".to_string();
    let restore_label = t_with(msg::STUDIO_RESTORE_LABEL, [("number", number.into())]);
    let changes = previous.map(|previous| {
        view! { <a href=format!("{base}?from={previous}&to={number}#diff")>{t(msg::STUDIO_CHANGES_IN_VERSION)}</a> }
    });
    let with_draft = format!("{base}?from={number}&to=0#diff");
    view! {
        <tr>
            <th scope="row" class="number">{number.to_string()}</th>
            <td data-label=t(msg::STUDIO_WHAT_CHANGED)><bdi>{message}</bdi></td>
            <td data-label=t(msg::STUDIO_PUBLISHED_BY) dir="ltr">{published_by.unwrap_or_else(nobody)}</td>
            <td data-label=t(msg::STUDIO_APPROVED_BY) dir="ltr">{approved_by.unwrap_or_else(nobody)}</td>
            <td data-label=t(msg::STUDIO_PUBLISHED_AT)>{crate::format::date_time(&published_at)}</td>
            <td data-label=t(msg::USERS_ACTIONS)>
                <div class="actions">
                    {changes}
                    <a href=with_draft>{t(msg::STUDIO_COMPARE_WITH_DRAFT)}</a>
                    <form method="post" action={action_of::<RestoreStudioVersion>()}>
                        <input type="hidden" name="course" value=course_id/>
                        <input type="hidden" name="number" value=number.to_string()/>
                        <button type="submit" aria-label=restore_label>{t(msg::STUDIO_RESTORE)}</button>
                    </form>
                </div>
            </td>
        </tr>
    }
}

/// Two versions to compare: a plain GET form, so its outcome has an address.
#[component]
fn CompareForm(base: String, numbers: Vec<i32>, from: i32, to: i32) -> impl IntoView {
    let choices = move |chosen: i32| {
        std::iter::once(0)
            .chain(numbers.clone())
            .map(|number| {
                let selected = number == chosen;
                view! { <option value=number.to_string() selected=selected>{version_name(number)}</option> }
            })
            .collect_view()
    };
    let (from_choices, to_choices) = (choices(from), choices(to));
    view! {
        <h2 id="compare">{t(msg::STUDIO_COMPARE_TITLE)}</h2>
        <form class="filters" method="get" action=format!("{base}#diff")>
            <div class="field">
                <label for="from">{t(msg::STUDIO_COMPARE_FROM)}</label>
                <select id="from" name="from">{from_choices}</select>
            </div>
            <div class="field">
                <label for="to">{t(msg::STUDIO_COMPARE_TO)}</label>
                <select id="to" name="to">{to_choices}</select>
            </div>
            <button type="submit">{t(msg::STUDIO_COMPARE)}</button>
        </form>
    }
}

/// What changed between two versions, file by file; each line marked in
/// words and signs as well as colour.
#[component]
fn Diff(from: i32, to: i32, files: Vec<FileDiff>) -> impl IntoView {
    let (from, to) = (version_name(from), version_name(to));
    let heading = t_with(msg::STUDIO_DIFF_TITLE, [("from", from.into()), ("to", to.into())]);
    view! {
        <section id="diff" aria-labelledby="diff-heading">
            <h2 id="diff-heading">{heading}</h2>
            {if files.is_empty() {
                view! { <p>{t(msg::STUDIO_DIFF_NONE)}</p> }.into_any()
            } else {
                files.into_iter().map(|file| view! { <FileChanges file/> }).collect_view().into_any()
            }}
        </section>
    }
}

#[component]
fn FileChanges(file: FileDiff) -> impl IntoView {
    let FileDiff { path, binary, lines } = file;
    let body = if binary {
        view! { <p>{t(msg::STUDIO_DIFF_BINARY)}</p> }.into_any()
    } else {
        let (removed, added) = (t(msg::STUDIO_DIFF_REMOVED), t(msg::STUDIO_DIFF_ADDED));
        view! {
            <ol class="diff" dir="ltr">
                {lines
                    .into_iter()
                    .map(|line| {
                        let (class, marker, said, text) = match line {
                            DiffLine::Same(text) => ("same", "\u{a0}", None, text),
                            DiffLine::Removed(text) => ("removed", "−", Some(removed.clone()), text),
                            DiffLine::Added(text) => ("added", "+", Some(added.clone()), text),
                        };
                        view! {
                            <li class=class>
                                <span class="marker" aria-hidden="true">{marker}</span>
                                {said.map(|said| view! { <span class="visually-hidden">{said}</span> })}
                                <code dir="auto">{text}</code>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <h3><code dir="ltr">{path}</code></h3>
        {body}
    }
}
