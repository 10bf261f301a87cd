//! `/studio/{course}`: a course's draft: its outline, files and problems,
//! publishing and review, and (administrators) who writes it.

use crate::api::rules::action_of;
use crate::api::studio::{RemoveStudioFile, SaveStudioSettings, studio_course};
use crate::msg;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::outline::{Files, Outline};
use super::publish::{Manage, Publish, Review};
use super::settings::SettingsSection;
use super::{editor_href, is_text};
use crate::components::{Layout, PageTitle, form_errors, loaded};
use crate::i18n::{t, t_with};
use crate::model::{StudioCourse, StudioProblem};
use crate::pages::param;

/// What the address says happened (all of it anyone's to write: shown as
/// text, and only our own messages translated).
#[derive(Clone, Debug, Default)]
struct Outcome {
    published: bool,
    restored: Option<i32>,
    uploaded: Option<String>,
    upload_refused: Option<String>,
    /// The settings were saved.
    settings_saved: bool,
}

#[component]
pub fn StudioCoursePage() -> impl IntoView {
    let course = param("course");
    let query = use_query_map();
    let get = |name: &str| query.with_untracked(|query| query.get(name));
    let bounded = |text: String| text.chars().take(300).collect::<String>();
    let outcome = Outcome {
        published: get("published").is_some(),
        restored: get("restored").and_then(|number| number.parse().ok()),
        uploaded: get("uploaded").map(bounded),
        upload_refused: get("upload_refused").map(|id| {
            let ours = id.starts_with("studio-") && crate::i18n::is_message(&id);
            if ours { t(&id) } else { t(msg::STUDIO_UPLOAD_FAILED) }
        }),
        settings_saved: get("settings").as_deref() == Some("saved"),
    };
    // A lesson learners completed, to remove once confirmed.
    let remove = get("remove").map(bounded);
    loaded(studio_course(course, remove), move |course| view! { <Course course outcome/> })
}

#[component]
fn Course(course: StudioCourse, outcome: Outcome) -> impl IntoView {
    let errors = course.errors();
    let StudioCourse {
        id,
        title,
        language,
        draft_revision,
        modules,
        files,
        instructors,
        review_required,
        proposal,
        review_comment,
        latest_version,
        unpublished_changes,
        problems,
        settings,
        settings_revision,
        may_manage,
        may_publish,
        may_review,
        removing,
    } = course;
    let Outcome { published, restored, uploaded, upload_refused, settings_saved } = outcome;
    // The settings form is far down the page: a refused save says so here.
    let settings_refused = !form_errors::<SaveStudioSettings>().is_empty();
    let (lang, dir) = (language.code(), language.direction().html_dir());
    let show_review = review_required || proposal.is_some() || review_comment.is_some();
    view! {
        <PageTitle text=format!("{title} · {}", t(msg::STUDIO_TITLE))/>
        <Layout>
            <p><a href="/studio">{t(msg::STUDIO_TITLE)}</a></p>
            <h1 lang=lang dir=dir>{title}</h1>
            <p class="meta">
                <code dir="ltr">{id.clone()}</code>
                <a href=format!("/studio/{id}/history")>{t(msg::STUDIO_HISTORY)}</a>
                {latest_version.is_some().then(|| view! { <a href=format!("/courses/{id}")>{t(msg::STUDIO_SEE_PUBLISHED)}</a> })}
                {latest_version.is_some().then(|| view! { " " <a href=format!("/studio/{id}/export.zip") download="">{t(msg::STUDIO_DOWNLOAD_ZIP)}</a> })}
            </p>
            {published.then(|| view! { <p class="note completed" role="status">{t(msg::STUDIO_PUBLISHED)}</p> })}
            {restored.map(|number| view! {
                <p class="note" role="status">{t_with(msg::STUDIO_RESTORED, [("number", number.into())])}</p>
            })}
            {removing.map(|(path, count)| view! { <ConfirmRemove course_id=id.clone() path count/> })}
            {settings_refused.then(|| view! {
                <p class="form-error" role="alert"><a href="#settings">{t(msg::STUDIO_SETTINGS_NOT_SAVED)}</a></p>
            })}
            <Outline course_id=id.clone() modules/>
            <SettingsSection course_id=id.clone() settings revision=settings_revision saved=settings_saved/>
            <Files course_id=id.clone() files uploaded refused=upload_refused/>
            <Problems course_id=id.clone() problems/>
            <Publish course_id=id.clone() revision=draft_revision may_publish review_required errors
                latest_version unpublished_changes/>
            {show_review.then(|| view! {
                <Review course_id=id.clone() proposal comment=review_comment may_review/>
            })}
            {may_manage.then(|| view! { <Manage course_id=id.clone() instructors review_required/> })}
            // Files dropped on the upload form are uploaded.
            <script src=super::studio_script_href() defer></script>
        </Layout>
    }
}

/// Removing a lesson learners completed: said first, then done on a second
/// press. Their records stay either way.
#[component]
fn ConfirmRemove(course_id: String, path: String, count: u64) -> impl IntoView {
    let keep = format!("/studio/{course_id}#outline");
    view! {
        <section id="remove" class="note" aria-labelledby="remove-heading">
            <h2 id="remove-heading">{t(msg::STUDIO_REMOVE_TITLE)}</h2>
            <p><code dir="ltr">{path.clone()}</code></p>
            <p>{t_with(msg::STUDIO_REMOVE_CONFIRM, [("count", count.into())])}</p>
            <form class="inline-form" method="post" action={action_of::<RemoveStudioFile>()}>
                <input type="hidden" name="course" value=course_id/>
                <input type="hidden" name="path" value=path/>
                <input type="hidden" name="confirmed" value="yes"/>
                <button type="submit" class="danger">{t(msg::STUDIO_REMOVE_CONFIRMED)}</button>
            </form>
            " " <a href=keep>{t(msg::STUDIO_KEEP)}</a>
        </section>
    }
}

/// What `courses check` finds in the draft: errors first, each linked to
/// its line in the editor.
#[component]
fn Problems(course_id: String, problems: Vec<StudioProblem>) -> impl IntoView {
    let mut problems = problems;
    problems.sort_by_key(|problem| !problem.error);
    let errors = problems.iter().filter(|problem| problem.error).count();
    let warnings = problems.len() - errors;
    view! {
        <section id="problems" aria-labelledby="problems-heading">
            <h2 id="problems-heading">{t(msg::STUDIO_PROBLEMS)}</h2>
            {if problems.is_empty() {
                view! { <p>{t(msg::STUDIO_NO_PROBLEMS)}</p> }.into_any()
            } else {
                view! {
                    <p>{t_with(msg::STUDIO_PROBLEMS_COUNT, [("errors", errors.into()), ("warnings", warnings.into())])}</p>
                    <ul class="studio-problems">
                        {problems.into_iter().map(|problem| view! { <ProblemItem course_id=course_id.clone() problem/> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

/// One problem: "path:line: message", linked to the line when the file is
/// one the editor opens.
#[component]
fn ProblemItem(course_id: String, problem: StudioProblem) -> impl IntoView {
    let kind = if problem.error { t(msg::STUDIO_ERROR) } else { t(msg::STUDIO_WARNING) };
    let place = if problem.line > 0 { format!("{}:{}", problem.path, problem.line) } else { problem.path.clone() };
    let link = is_text(&problem.path).then(|| {
        let line = if problem.line > 0 { format!("#line-{}", problem.line) } else { String::new() };
        format!("{}{line}", editor_href(&course_id, &problem.path))
    });
    let place = match link {
        Some(href) => view! { <a href=href><code>{place}</code></a> }.into_any(),
        None => view! { <code>{place}</code> }.into_any(),
    };
    view! {
        <li class:error=problem.error>
            <strong>{kind}</strong> " "
            <span dir="ltr">{place} ": " {problem.message}</span>
        </li>
    }
}
