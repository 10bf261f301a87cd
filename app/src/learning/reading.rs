//! A lesson as one reader sees it: the catalogue's lesson with the
//! reader's standing in its course, what they completed, their best quiz
//! score and, when asked, a graded attempt of theirs. The lesson page's
//! server function and the server's learner pages (`lesson_text`) both
//! read a lesson through here, so that both see the same.

use crate::catalog::Catalog;
use crate::error::AppError;
use crate::language::Language;
use crate::model::{Access, LessonView, Standing, Viewer};
use crate::state::AppState;

/// `lesson` of `course` in `catalog` for `viewer` (or a visitor), in
/// `reader_language` where it is translated; `attempt` (one of the
/// reader's own attempts at its quiz) adds its graded result. An
/// `access = "enrolled"` course shows only its first lesson to those not
/// enrolled (staff see everything).
pub async fn lesson_for_reader(
    state: &AppState,
    catalog: &Catalog,
    viewer: Option<&Viewer>,
    course: &str,
    lesson: &str,
    reader_language: Language,
    attempt: Option<i64>,
) -> Result<LessonView, AppError> {
    let course = catalog.course(course).ok_or(AppError::NotFound)?;
    let staff = crate::policy::may_preview_course(viewer, &course.instructors);
    let Some(mut view) = course.lesson_view(lesson, reader_language) else {
        return course.withheld_view(lesson, reader_language, staff).ok_or(AppError::NotFound);
    };
    if staff && let Some(found) = course.lesson(lesson) {
        view.problems = found.problems.iter().map(|problem| course.problem_text(problem)).collect();
    }
    let standing = crate::learning::standing_of(&state.db, course, viewer).await?;
    let enrolled = matches!(standing.standing, Standing::Enrolled { .. });
    let is_first = course.lessons().next().is_some_and(|(_, first)| first.id == lesson);
    if course.access == Access::Enrolled && !is_first && !crate::policy::may_read_whole_course(viewer, enrolled) {
        view.locked = true;
        view.html = String::new();
        view.contents = Vec::new();
        view.quiz = None;
    }
    view.completed = standing.completed_lessons.as_ref().is_some_and(|done| done.contains(lesson));
    if let (Some(viewer), true) = (viewer, enrolled && view.quiz.is_some()) {
        view.attempt_key = Some(crate::codes::generate(26));
        let best =
            crate::learning::best_scores(&state.db.reader, viewer.id, &course.id).await.map_err(AppError::internal)?;
        view.best_score = best.get(lesson).copied();
        if let Some(attempt_id) = attempt {
            view.result =
                crate::learning::graded_attempt(&state.db, course, lesson, viewer.id, attempt_id, reader_language)
                    .await?;
        }
    }
    view.standing = standing.standing;
    Ok(view)
}
