//! Reading the course catalog, in the reader's language, with the reader's
//! own progress when they are enrolled.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{CourseCard, CourseOutline, LessonView};
#[cfg(feature = "ssr")]
use crate::model::{SavedCopy, Standing};

#[server(endpoint = "courses")]
pub async fn list_courses() -> Result<Vec<CourseCard>, AppError> {
    super::rules::authorize::<ListCourses>().await?;
    let reader_language = crate::i18n::use_language();
    let catalog = expect_context::<crate::state::AppState>().catalog.current();
    Ok(catalog.courses().iter().map(|course| course.card(reader_language)).collect())
}

#[server(endpoint = "course")]
pub async fn read_course(course: String) -> Result<CourseOutline, AppError> {
    super::rules::authorize::<ReadCourse>().await?;
    let reader_language = crate::i18n::use_language();
    let state = expect_context::<crate::state::AppState>();
    let catalog = state.catalog.current();
    let course = catalog.course(&course).ok_or(AppError::NotFound)?;
    let mut outline = course.outline(reader_language);
    let manifest = format!("/offline/{}/{}/manifest.json", course.id, reader_language.code());
    // The copy saved on a phone: the same for everyone of its kind.
    if let Some(copy) = use_context::<SavedCopy>() {
        outline.standing = Standing::Saved { enrolled: copy.enrolled };
        outline.offline_manifest = Some(manifest);
        return Ok(outline);
    }
    let viewer = crate::auth::current_viewer().await?;
    let standing = crate::learning::standing_of(&state.db, course, viewer.as_ref()).await?;
    let enrolled = matches!(standing.standing, Standing::Enrolled { .. });
    let open = course.access == crate::model::Access::Open;
    if crate::policy::may_save_for_offline(viewer.as_ref(), open, enrolled) {
        outline.offline_manifest = Some(manifest);
    }
    if let Some(completed) = &standing.completed_lessons {
        for (module, progress) in outline.modules.iter_mut().zip(&standing.module_progress) {
            module.progress = Some(*progress);
            for lesson in &mut module.lessons {
                lesson.completed = completed.contains(&lesson.id);
            }
        }
    }
    outline.standing = standing.standing;
    if crate::policy::may_preview_course(viewer.as_ref(), &course.instructors) {
        outline.problems = course.problems.iter().map(|problem| course.problem_text(problem)).collect();
    }
    Ok(outline)
}

/// A lesson. `attempt` (one of the reader's own quiz attempts at this
/// lesson) adds its graded result; an `access = "enrolled"` course shows
/// only its first lesson to those not enrolled (staff see everything).
#[server(endpoint = "lesson")]
pub async fn read_lesson(course: String, lesson: String, attempt: Option<i64>) -> Result<LessonView, AppError> {
    super::rules::authorize::<ReadLesson>().await?;
    let reader_language = crate::i18n::use_language();
    let state = expect_context::<crate::state::AppState>();
    let catalog = state.catalog.current();
    if let Some(copy) = use_context::<SavedCopy>() {
        let course = catalog.course(&course).ok_or(AppError::NotFound)?;
        let mut view = course.lesson_view(&lesson, reader_language).ok_or(AppError::NotFound)?;
        view.standing = Standing::Saved { enrolled: copy.enrolled };
        return Ok(view);
    }
    let viewer = crate::auth::current_viewer().await?;
    let mut view = crate::learning::lesson_for_reader(
        &state,
        &catalog,
        viewer.as_ref(),
        &course,
        &lesson,
        reader_language,
        attempt,
    )
    .await?;
    // A learner's page made for everyone in their place: what is theirs
    // alone is left as holes, and the page says whose place it is for.
    if let (Some(holes), Some(viewer)) = (use_context::<crate::lesson_text::ReaderHoles>(), viewer.as_ref()) {
        holes.made_for(crate::lesson_text::PlaceKey::of(&view, viewer, reader_language, catalog.generation()));
        if view.attempt_key.is_some() {
            view.attempt_key = Some(holes.attempt.clone());
        }
    }
    Ok(view)
}
