//! Enrolling, completing lessons, submitting quizzes, the learner's
//! dashboard, and cohorts. Each form post answers with a redirect to where
//! the learner should be next, so all of it works without JavaScript.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{CohortPage, CohortsPage, MyCourse};

/// The course, from the catalog being served.
#[cfg(feature = "ssr")]
fn course(id: &str) -> Result<std::sync::Arc<crate::catalog::Course>, AppError> {
    let catalog = expect_context::<crate::state::AppState>().catalog.current();
    catalog.course(id).cloned().ok_or(AppError::NotFound)
}

#[server(endpoint = "enrol")]
pub async fn enrol(course: String) -> Result<(), AppError> {
    let viewer = super::rules::signed_in::<Enrol>().await?;
    let course = self::course(&course)?;
    let state = expect_context::<crate::state::AppState>();
    crate::learning::enrol(&state.db, &course, viewer.id).await?;
    leptos_axum::redirect(&format!("/courses/{}", course.id));
    Ok(())
}

#[server(endpoint = "unenrol")]
pub async fn unenrol(course: String) -> Result<(), AppError> {
    let viewer = super::rules::signed_in::<Unenrol>().await?;
    let course = self::course(&course)?;
    let state = expect_context::<crate::state::AppState>();
    crate::learning::unenrol(&state.db, &course.id, viewer.id).await?;
    leptos_axum::redirect(&format!("/courses/{}", course.id));
    Ok(())
}

/// Marks a lesson complete and goes on to the next lesson (or back to the
/// course when it was the last).
#[server(endpoint = "complete_lesson")]
pub async fn complete_lesson(course: String, lesson: String) -> Result<(), AppError> {
    let viewer = super::rules::signed_in::<CompleteLesson>().await?;
    let course = self::course(&course)?;
    let state = expect_context::<crate::state::AppState>();
    state.completions.complete(course.clone(), &lesson, viewer.id).await?;
    leptos_axum::redirect(&course.address_after(&lesson));
    Ok(())
}

/// Grades a quiz on the server and shows the result on the lesson page.
/// Radio buttons send `single[question]=option`, check boxes
/// `multiple[question:option]=on`.
#[server(endpoint = "submit_quiz")]
pub async fn submit_quiz(
    course: String,
    lesson: String,
    attempt_key: String,
    single: Option<HashMap<String, String>>,
    multiple: Option<HashMap<String, String>>,
) -> Result<(), AppError> {
    let viewer = super::rules::signed_in::<SubmitQuiz>().await?;
    let course = self::course(&course)?;
    let key_ok = (16..=64).contains(&attempt_key.len()) && attempt_key.bytes().all(|b| b.is_ascii_alphanumeric());
    if !key_ok {
        return Err(AppError::BadRequest);
    }
    let mut answers = crate::learning::Answers::new();
    for (question, option) in single.unwrap_or_default() {
        answers.entry(question).or_default().insert(option);
    }
    for key in multiple.unwrap_or_default().into_keys() {
        let Some((question, option)) = key.split_once(':') else { return Err(AppError::BadRequest) };
        answers.entry(question.to_string()).or_default().insert(option.to_string());
    }
    let state = expect_context::<crate::state::AppState>();
    let attempt = crate::learning::submit_quiz(&state.db, &course, &lesson, viewer.id, &attempt_key, &answers).await?;
    leptos_axum::redirect(&format!("/courses/{}/{lesson}?attempt={attempt}#result", course.id));
    Ok(())
}

/// The signed-in learner's courses, with progress and where to continue.
#[server(endpoint = "my_courses")]
pub async fn my_courses() -> Result<Vec<MyCourse>, AppError> {
    let viewer = super::rules::signed_in::<MyCourses>().await?;
    let reader_language = crate::i18n::use_language();
    let state = expect_context::<crate::state::AppState>();
    let catalog = state.catalog.current();
    crate::learning::my_courses(&state.db, &catalog, viewer.id, reader_language).await.map_err(AppError::internal)
}

/// Joins the cohort with `code`, then shows its course.
#[server(endpoint = "join_cohort")]
pub async fn join_cohort(code: String) -> Result<(), AppError> {
    use crate::model::FormErrors;
    let viewer = super::rules::signed_in::<JoinCohort>().await?;
    use crate::accounts::limits::{self, Limit};
    let state = expect_context::<crate::state::AppState>();
    let actor = crate::auth::acting(Some(&viewer)).await;
    let address = limits::address_key(actor.client_address.as_deref().unwrap_or_default());
    let refuse = |message: &str| {
        AppError::Form(FormErrors {
            fields: vec![("code".into(), message.into())],
            values: vec![("code".into(), code.clone())],
            ..FormErrors::default()
        })
    };
    // A try is taken first, and given back unless the code was wrong.
    if limits::take(&state.db, Limit::CohortCode, &address).await.map_err(AppError::internal)?.is_err() {
        return Err(refuse(crate::msg::CODE_THROTTLED));
    }
    let catalog = state.catalog.current();
    match crate::learning::join_cohort(&state.db, &catalog, &code, viewer.id, &actor).await {
        Ok(cohort) => {
            limits::give_back(&state.db.writer, Limit::CohortCode, &address).await.map_err(AppError::internal)?;
            leptos_axum::redirect(&format!("/courses/{}?joined={}", cohort.course_id, cohort.id));
            Ok(())
        }
        Err(error @ crate::learning::CohortError::Database(_)) => Err(error.into()),
        Err(error) => {
            if !matches!(error, crate::learning::CohortError::UnknownCode) {
                limits::give_back(&state.db.writer, Limit::CohortCode, &address).await.map_err(AppError::internal)?;
            }
            Err(refuse(error.message_id()))
        }
    }
}

/// The cohorts someone may see, and what a new one may be for.
#[server(endpoint = "cohorts")]
pub async fn cohorts() -> Result<CohortsPage, AppError> {
    let viewer = super::rules::signed_in::<Cohorts>().await?;
    let reader_language = crate::i18n::use_language();
    let state = expect_context::<crate::state::AppState>();
    let catalog = state.catalog.current();
    crate::learning::cohorts_page(&state.db, &catalog, &viewer, reader_language).await.map_err(AppError::internal)
}

#[server(endpoint = "create_cohort")]
pub async fn create_cohort(
    course_id: String,
    name: String,
    time_zone: String,
    starts_on: String,
    ends_on: String,
    capacity: String,
    organisation: Option<String>,
) -> Result<(), AppError> {
    use crate::learning::{CohortError, NewCohort};
    use crate::model::FormErrors;
    let viewer = super::rules::signed_in::<CreateCohort>().await?;
    let state = expect_context::<crate::state::AppState>();
    let catalog = state.catalog.current();
    // A manager of one organisation creates cohorts of it; others choose.
    let organisation_id = match (crate::policy::scoped_to(&viewer), organisation.as_deref().map(str::trim)) {
        (Some(own), _) => Some(own),
        (None, None | Some("")) => None,
        (None, Some(text)) => {
            Some(crate::organisations::existing(&state.db, text).await.map_err(|error| match error {
                crate::organisations::OrganisationError::Database(error) => AppError::internal(error),
                _ => AppError::BadRequest,
            })?)
        }
    };
    let form = NewCohort { course_id, name, time_zone, starts_on, ends_on, capacity, organisation_id };
    let actor = crate::auth::acting(Some(&viewer)).await;
    match crate::learning::create_cohort(&state.db, &catalog, &form, &actor).await {
        Ok(cohort) => {
            leptos_axum::redirect(&format!("/manage/cohorts/{}", cohort.id));
            Ok(())
        }
        Err(CohortError::Invalid(field, message)) => Err(AppError::Form(FormErrors {
            fields: vec![(field.into(), message.into())],
            values: vec![
                ("course_id".into(), form.course_id),
                ("name".into(), form.name),
                ("time_zone".into(), form.time_zone),
                ("starts_on".into(), form.starts_on),
                ("ends_on".into(), form.ends_on),
                ("capacity".into(), form.capacity),
                ("organisation".into(), form.organisation_id.map(|id| id.to_string()).unwrap_or_default()),
            ],
            form: None,
        })),
        Err(error) => Err(AppError::internal(error)),
    }
}

/// One cohort and the progress of each of its learners.
#[server(endpoint = "cohort")]
pub async fn cohort(id: i64) -> Result<CohortPage, AppError> {
    let viewer = super::rules::signed_in::<Cohort>().await?;
    let reader_language = crate::i18n::use_language();
    let state = expect_context::<crate::state::AppState>();
    let catalog = state.catalog.current();
    let (cohort, count) = crate::learning::cohort_with_count(&state.db, id)
        .await
        .map_err(AppError::internal)?
        .ok_or(AppError::NotFound)?;
    let course = catalog.course(&cohort.course_id).cloned();
    if !crate::policy::may_see_cohort(&viewer, crate::learning::cohort_facts(&cohort, course.as_deref())) {
        return Err(AppError::Forbidden);
    }
    let filters = crate::model::StatisticsFilters { cohort: Some(cohort.id.to_string()), ..Default::default() };
    let scope = crate::statistics::Scope { cohort: Some(cohort.id), ..Default::default() };
    let mut statistics = crate::statistics::reporting::statistics(&state, &scope, &filters, reader_language).await?;
    if !crate::policy::may_see_breakdowns(&viewer) {
        statistics.breakdowns.clear();
    }
    let members = crate::learning::cohort_members_progress(&state.db, &cohort, course.as_deref())
        .await
        .map_err(AppError::internal)?;
    let issued = super::admin::take_issued_code().await?;
    Ok(CohortPage {
        cohort: crate::learning::cohort_summary(cohort, count, &catalog, reader_language),
        members,
        issued,
        statistics,
    })
}
