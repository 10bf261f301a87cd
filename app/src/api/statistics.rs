//! Statistics for managers (`/manage`, `/manage/courses/{course}`) and
//! instructors (`/teach`). Who sees what is decided here, on the server,
//! before anything is counted: a programme-wide manager sees everything, a
//! manager of one organisation its cohorts only, an instructor the courses
//! that list them, a learner nothing.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{DashboardPage, TeachPage};

/// The manager's dashboard, narrowed by the filters (and, for a manager
/// of one organisation, to it).
#[server(endpoint = "dashboard")]
pub async fn dashboard(
    course: Option<String>,
    cohort: Option<String>,
    organisation: Option<String>,
    from: Option<String>,
    to: Option<String>,
) -> Result<DashboardPage, AppError> {
    let viewer = super::rules::signed_in::<Dashboard>().await?;
    let filters = crate::model::StatisticsFilters { course, cohort, organisation, from, to };
    let reader_language = crate::i18n::use_language();
    let state = expect_context::<crate::state::AppState>();
    crate::statistics::reporting::dashboard_page(&state, &viewer, filters, reader_language).await
}

/// An instructor's courses: funnel, where learners stop, how each quiz
/// question goes, and each learner's progress.
#[server(endpoint = "teach")]
pub async fn teach() -> Result<TeachPage, AppError> {
    let viewer = super::rules::signed_in::<Teach>().await?;
    let reader_language = crate::i18n::use_language();
    let state = expect_context::<crate::state::AppState>();
    let mut page = crate::statistics::reporting::teach_page(&state, &viewer, reader_language).await?;
    page.problems = course_problems(&state.catalog.current(), &viewer);
    Ok(page)
}

/// What the viewer may see of the course files' problems: those of the
/// courses they teach; for administrators, every one (courses left out
/// whole included).
fn course_problems(catalog: &crate::catalog::Catalog, viewer: &crate::model::Viewer) -> Vec<String> {
    if crate::policy::may_see_every_course_problem(viewer) {
        return catalog.problems().iter().map(|problem| catalog.problem_text(problem)).collect();
    }
    catalog
        .courses()
        .iter()
        .filter(|course| crate::policy::may_preview_course(Some(viewer), &course.instructors))
        .flat_map(|course| course.problems.iter().map(|problem| course.problem_text(problem)))
        .collect()
}
