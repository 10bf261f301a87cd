//! The studio's server functions: thin over `studio`, each asking
//! `policy` first. Forms work without JavaScript: every change answers
//! with a redirect to the page that shows its outcome. Here, what the
//! studio's pages read; writing, publishing and running the studio in
//! their own files.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{LessonView, StudioCourse, StudioEditor, StudioHistory, StudioHome};

#[cfg(feature = "ssr")]
mod support {
    use crate::entities::studio_course;
    use crate::error::AppError;
    use crate::model::{FormErrors, Viewer};
    use crate::state::AppState;

    /// A refused form: `message` on `field`, with what was typed.
    pub fn refused(field: &str, message: &str, values: Vec<(String, String)>) -> AppError {
        AppError::Form(FormErrors { fields: vec![(field.into(), message.into())], values, form: None })
    }

    /// The studio course `id`, if the viewer may write it; else not found
    /// (a course's drafts are not even said to exist to others).
    pub async fn authored(state: &AppState, viewer: &Viewer, id: &str) -> Result<studio_course::Model, AppError> {
        let row = crate::studio::store::course(&state.db.reader, id)
            .await
            .map_err(AppError::internal)?
            .ok_or(AppError::NotFound)?;
        if !crate::policy::may_author(viewer, &crate::studio::store::instructors_of(&row)) {
            return Err(AppError::NotFound);
        }
        Ok(row)
    }

    /// `/studio/{course}/edit?path=…` and more query.
    pub fn editor_address(course: &str, path: &str, query: &str) -> String {
        let path = crate::statistics::reporting::encode(path);
        format!("/studio/{course}/edit?path={path}{query}")
    }

    /// The session's list of texts this person kept aside (for a preview,
    /// a question added, a refused save): only they are shown one by its
    /// name, so that nobody reads another's text by naming it.
    const KEPT_ASIDE: &str = "studio_kept_aside";
    /// How many names a session keeps: the newest.
    const KEPT_ASIDE_MAX: usize = 32;

    async fn session() -> Result<tower_sessions::Session, AppError> {
        leptos_axum::extract::<tower_sessions::Session>().await.map_err(|_| AppError::Unauthorized)
    }

    /// Notes that this person kept the text named `hash` aside.
    pub async fn keep_aside(hash: &str) -> Result<(), AppError> {
        let session = session().await?;
        let mut kept: Vec<String> = session.get(KEPT_ASIDE).await.map_err(AppError::internal)?.unwrap_or_default();
        kept.retain(|kept| kept != hash);
        kept.push(hash.to_string());
        let over = kept.len().saturating_sub(KEPT_ASIDE_MAX);
        kept.drain(..over);
        session.insert(KEPT_ASIDE, kept).await.map_err(AppError::internal)
    }

    /// `hash`, if this person kept that text aside.
    pub async fn kept_aside(hash: Option<String>) -> Result<Option<String>, AppError> {
        let Some(hash) = hash.filter(|hash| hash.len() == 64) else { return Ok(None) };
        let kept: Vec<String> = session().await?.get(KEPT_ASIDE).await.map_err(AppError::internal)?.unwrap_or_default();
        Ok(kept.contains(&hash).then_some(hash))
    }

    /// Makes the published versions live here and on every instance.
    pub async fn go_live(state: &AppState) -> Result<(), AppError> {
        crate::studio::live::serve_published(&state.db, &state.catalog, &state.sources)
            .await
            .map(|_| ())
            .map_err(AppError::internal)
    }
}

#[cfg(feature = "ssr")]
use support::*;

mod publishing;
mod running;
mod writing;

pub use publishing::*;
pub use running::*;
pub use writing::*;

/// `/studio`: the courses the person may write, and the folder courses.
#[server(name = StudioHomePage, endpoint = "studio_home")]
pub async fn studio_home() -> Result<StudioHome, AppError> {
    use crate::model::{FolderCourseCard, StudioCourseCard};
    let viewer = crate::api::rules::signed_in::<StudioHomePage>().await?;
    let state = expect_context::<crate::state::AppState>();
    let rows = crate::studio::store::courses(&state.db.reader).await.map_err(AppError::internal)?;
    let catalog = state.catalog.current();
    let reader_language = crate::i18n::use_language();
    let mut courses = Vec::new();
    for row in &rows {
        if !crate::policy::may_author(&viewer, &crate::studio::store::instructors_of(row)) {
            continue;
        }
        let latest =
            crate::studio::versions::latest(&state.db.reader, &row.course_id).await.map_err(AppError::internal)?;
        let title = catalog
            .course(&row.course_id)
            .map(|course| course.card(reader_language).title)
            .unwrap_or_else(|| row.course_id.clone());
        courses.push(StudioCourseCard {
            id: row.course_id.clone(),
            title,
            published: latest.map(|version| version.number),
            proposed: row.proposed_revision.is_some(),
        });
    }
    let folder_courses = catalog
        .courses()
        .iter()
        .filter(|course| !rows.iter().any(|row| row.course_id == course.id))
        .filter(|course| crate::policy::may_author(&viewer, &course.instructors))
        .map(|course| FolderCourseCard { id: course.id.clone(), title: course.card(reader_language).title })
        .collect();
    Ok(StudioHome { courses, folder_courses, may_create: crate::policy::may_run_studio(&viewer) })
}

/// `/studio/{course}`.
#[server(name = StudioCoursePage, endpoint = "studio_course")]
pub async fn studio_course(course: String, remove: Option<String>) -> Result<StudioCourse, AppError> {
    let viewer = crate::api::rules::signed_in::<StudioCoursePage>().await?;
    let state = expect_context::<crate::state::AppState>();
    let row = authored(&state, &viewer, &course).await?;
    let instructors = crate::studio::store::instructors_of(&row);
    let mut page =
        crate::studio::views::course_page(&state.db, &state.sources, &row).await.map_err(AppError::internal)?;
    page.may_manage = crate::policy::may_run_studio(&viewer);
    page.may_publish = crate::policy::may_publish_directly(&viewer, &instructors, row.review_required);
    page.may_review = crate::policy::may_review(&viewer, &instructors, row.proposed_by);
    let lesson_of_draft =
        |path: &String| page.modules.iter().flat_map(|module| &module.lessons).any(|l| l.path == *path);
    if let Some(path) = remove.filter(lesson_of_draft) {
        let completed =
            crate::studio::outline::completions_of(&state, &course, &path).await.map_err(AppError::internal)?;
        // Nobody completed it: it is removed without asking, so nothing is asked.
        page.removing = (completed > 0).then_some((path, completed));
    }
    Ok(page)
}

/// One text file of the draft, for its editor: `unsaved` names a text
/// kept for its preview, `yours` the text of a save that was refused
/// because someone saved after it (each only if this person kept it).
#[server(name = StudioEditorPage, endpoint = "studio_editor")]
pub async fn studio_editor(
    course: String,
    path: String,
    unsaved: Option<String>,
    yours: Option<String>,
    saved: Option<String>,
) -> Result<StudioEditor, AppError> {
    let viewer = crate::api::rules::signed_in::<StudioEditorPage>().await?;
    let state = expect_context::<crate::state::AppState>();
    let row = authored(&state, &viewer, &course).await?;
    let opening = crate::studio::editor::Opening {
        path,
        unsaved: kept_aside(unsaved).await?,
        yours: kept_aside(yours).await?,
        saved: saved.is_some(),
    };
    crate::studio::editor::open(&state.db, &state.sources, &row, opening)
        .await
        .map_err(AppError::internal)?
        .ok_or(AppError::NotFound)
}

/// `/studio/{course}/history`, with a comparison of `from` and `to` (`0`:
/// the draft) when both are given.
#[server(name = StudioHistoryPage, endpoint = "studio_history")]
pub async fn studio_history(course: String, from: Option<i32>, to: Option<i32>) -> Result<StudioHistory, AppError> {
    let viewer = crate::api::rules::signed_in::<StudioHistoryPage>().await?;
    let state = expect_context::<crate::state::AppState>();
    let row = authored(&state, &viewer, &course).await?;
    let title = state
        .catalog
        .current()
        .course(&course)
        .map(|found| found.card(crate::i18n::use_language()).title)
        .unwrap_or_else(|| course.clone());
    let diff = from.zip(to).filter(|(from, to)| *from >= 0 && *to >= 0);
    crate::studio::views::history(&state.db, &row, title, diff).await.map_err(AppError::internal)
}

/// A lesson of the draft as learners would get it (`unsaved`: with a text
/// kept for its preview in place of the saved one), its problems shown.
#[server(endpoint = "preview_studio_lesson")]
pub async fn preview_studio_lesson(
    course: String,
    lesson: String,
    path: Option<String>,
    unsaved: Option<String>,
) -> Result<LessonView, AppError> {
    let viewer = crate::api::rules::signed_in::<PreviewStudioLesson>().await?;
    let state = expect_context::<crate::state::AppState>();
    authored(&state, &viewer, &course).await?;
    let reader_language = crate::i18n::use_language();
    let replaced = match (path, kept_aside(unsaved).await?) {
        (Some(path), Some(hash)) => crate::studio::store::blob(&state.db.reader, &hash)
            .await
            .map_err(AppError::internal)?
            .map(|bytes| (path, bytes)),
        _ => None,
    };
    let draft = crate::studio::preview::load_draft(
        &state.db.reader,
        &state.sources.drafts,
        &course,
        replaced,
        state.sources.options.clone(),
    )
    .await
    .map_err(AppError::internal)?;
    let loaded = draft.course.ok_or(AppError::NotFound)?;
    let mut view = match loaded.lesson_view(&lesson, reader_language) {
        Some(view) => view,
        None => loaded.withheld_view(&lesson, reader_language, true).ok_or(AppError::NotFound)?,
    };
    if let Some(found) = loaded.lesson(&lesson) {
        view.problems = found.problems.iter().map(|problem| loaded.problem_text(problem)).collect();
    }
    Ok(view)
}
