//! Offline learning, the server's routes (see `app::offline` for the whole
//! picture): the service worker, each course's manifest and saved copies,
//! and the sync endpoint that takes a phone's outbox.

mod copies;

use std::sync::Arc;
use std::time::Duration;

use app::catalog::CatalogHandle;
use app::db::Db;
use app::language::Language;
use app::model::{Access, Standing};
use app::msg;
use app::offline::events::{MAX_BATCH_BYTES, read_batch};
use app::offline::manifest::Manifest;
use app::offline::script::OFFLINE_SCRIPT;
use app::offline::{BatchError, sync};
use app::state::AppState;
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;
use serde::Deserialize;

pub use copies::Copies;

use crate::guard::{Asking, Requested};

/// `/sw.js`: the service worker. Never kept by a cache: the browser looks
/// for a new one itself, and a new script must reach every phone.
pub async fn service_worker() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")],
        OFFLINE_SCRIPT.worker.clone(),
    )
        .into_response()
}

/// Why the phone's request is refused. The script reads a stable name and
/// shows a message in the learner's language; anything else (a course
/// that is not there, a database that failed while reading who asks) is
/// an [`app::error::AppError`] and answers as everywhere else.
#[derive(Clone, Copy, Debug)]
enum Refused {
    SignIn,
    Unavailable,
    NotJson,
    Malformed,
    TooLarge,
    NotYours,
}

impl Refused {
    fn answer(self, language: Language) -> Response {
        let (status, name, message) = match self {
            Refused::SignIn => (StatusCode::UNAUTHORIZED, "sign-in", msg::OFFLINE_SYNC_SIGN_IN),
            Refused::Unavailable => (StatusCode::SERVICE_UNAVAILABLE, "unavailable", msg::ERROR_INTERNAL_TEXT),
            Refused::NotJson => (StatusCode::UNSUPPORTED_MEDIA_TYPE, "malformed", msg::OFFLINE_SYNC_MALFORMED),
            Refused::Malformed => (StatusCode::BAD_REQUEST, "malformed", msg::OFFLINE_SYNC_MALFORMED),
            Refused::TooLarge => (StatusCode::PAYLOAD_TOO_LARGE, "too-large", msg::OFFLINE_SYNC_TOO_LARGE),
            Refused::NotYours => (StatusCode::FORBIDDEN, "not-yours", msg::OFFLINE_SYNC_NOT_YOURS),
        };
        let message = app::i18n::translate(language, message, None);
        let mut response = (status, Json(serde_json::json!({ "error": name, "message": message }))).into_response();
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        response
    }
}

/// A version no longer served was named: the phone reads the manifest again.
fn course_changed() -> Response {
    (StatusCode::CONFLICT, [(header::CACHE_CONTROL, "no-store")], "the course has changed").into_response()
}

#[derive(Deserialize)]
pub struct Version {
    v: Option<String>,
}

/// `/offline/{course}/{language}/{file}`: the course's manifest
/// (`manifest.json`), or one page of its saved copy, for a signed-in reader
/// who may read the whole course (`policy::may_save_for_offline`).
pub async fn course_file(
    State(state): State<AppState>,
    axum::Extension(copies): axum::Extension<Arc<Copies>>,
    Asking(viewer): Asking,
    Requested(said): Requested,
    Path((course, language, file)): Path<(String, String, String)>,
    Query(version): Query<Version>,
) -> Response {
    let Some(viewer) = viewer else {
        return Refused::SignIn.answer(said);
    };
    let catalog = state.catalog.current();
    let Some(language) = Language::from_code(&language) else {
        return app::error::AppError::NotFound.into_response();
    };
    let (course, enrolled) = match who_may_save(&state, &catalog, &viewer, &course).await {
        Ok(found) => found,
        Err(refused) => return refused,
    };
    // A page of a version no longer served: the manifest is to be read again.
    if version.v.as_deref().is_some_and(|asked| asked != course.content_version) {
        return course_changed();
    }
    let copy = match copies.of(&state, catalog.generation(), &course, language, enrolled).await {
        Ok(copy) => copy,
        Err(error) => {
            tracing::error!(%error, course = course.id, "could not make the course's offline copy");
            return Refused::Unavailable.answer(said);
        }
    };
    if file == "manifest.json" {
        let state_now = match sync::state_in(&state.db, &course, &viewer).await {
            Ok(found) => found,
            Err(error) => return error.into_response(),
        };
        let manifest = Manifest {
            course: course.id.clone(),
            title: course.card(language).title,
            language: language.code(),
            version: copy.version.clone(),
            bytes: copy.files.iter().map(|file| file.bytes).sum(),
            files: copy.files.clone(),
            state: state_now,
        };
        // Carries the reader's progress: theirs only, kept by nobody.
        return ([(header::CACHE_CONTROL, "private, no-store")], Json(manifest)).into_response();
    }
    match copy.pages.get(&file) {
        Some(page) => (
            [(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "private, no-cache")],
            page.clone(),
        )
            .into_response(),
        None => app::error::AppError::NotFound.into_response(),
    }
}

/// The course `course`, if `viewer` may save the whole of it for offline
/// (`policy::may_save_for_offline`), and whether they are enrolled in it.
async fn who_may_save(
    state: &AppState,
    catalog: &app::catalog::Catalog,
    viewer: &app::model::Viewer,
    course: &str,
) -> Result<(Arc<app::catalog::Course>, bool), Response> {
    let Some(course) = catalog.course(course).cloned() else {
        return Err(app::error::AppError::NotFound.into_response());
    };
    let standing = match app::learning::standing_of(&state.db, &course, Some(viewer)).await {
        Ok(standing) => standing,
        Err(error) => return Err(error.into_response()),
    };
    let enrolled = matches!(standing.standing, Standing::Enrolled { .. });
    if !app::policy::may_save_for_offline(Some(viewer), course.access == Access::Open, enrolled) {
        return Err(app::error::AppError::Forbidden.into_response());
    }
    Ok((course, enrolled))
}

/// `POST /offline/{course}/saved?v=<version>`: the signed-in reader is
/// saving this version of the course on their phone, so a quiz they take
/// on it offline is graded against it when it arrives, even after the
/// course has changed. Said by the script before it fetches the files
/// (reading the manifest changes nothing). A version no longer served is
/// refused (409): the phone reads the manifest again.
pub async fn saved(
    State(state): State<AppState>,
    Asking(viewer): Asking,
    Requested(said): Requested,
    Path(course): Path<String>,
    Query(version): Query<Version>,
) -> Response {
    let Some(viewer) = viewer else {
        return Refused::SignIn.answer(said);
    };
    let catalog = state.catalog.current();
    let (course, _) = match who_may_save(&state, &catalog, &viewer, &course).await {
        Ok(found) => found,
        Err(refused) => return refused,
    };
    if version.v.as_deref() != Some(course.content_version.as_str()) {
        return course_changed();
    }
    match app::learning::quiz_versions::remember_saved(&state.db, viewer.id, &course).await {
        Ok(()) => (StatusCode::NO_CONTENT, [(header::CACHE_CONTROL, "no-store")]).into_response(),
        Err(error) => {
            tracing::error!(%error, "could not record a course saved for offline");
            Refused::Unavailable.answer(said)
        }
    }
}

/// `POST /offline/sync`: a batch of the signed-in learner's own events,
/// each recorded exactly once; the answer says, per event, what was
/// recorded and what was refused and why. A batch that cannot be read, is
/// too large or holds someone else's events is refused whole, and nothing
/// of it is stored.
pub async fn sync(
    State(state): State<AppState>,
    Asking(viewer): Asking,
    requested: Requested,
    request: Request<Body>,
) -> Response {
    let Some(viewer) = viewer else {
        return Refused::SignIn.answer(requested.0);
    };
    let language = requested.for_viewer(&viewer);
    // Only the script sends these; a form or another program's guess is refused.
    let kind = request.headers().get(header::CONTENT_TYPE).and_then(|value| value.to_str().ok());
    let essence = kind.and_then(|kind| kind.split(';').next()).map(str::trim);
    if essence != Some("application/json") {
        return Refused::NotJson.answer(language);
    }
    let too_large = || Refused::TooLarge.answer(language);
    let limited = http_body_util::Limited::new(request.into_body(), MAX_BATCH_BYTES);
    let Ok(collected) = limited.collect().await else { return too_large() };
    let batch = match read_batch(&collected.to_bytes()) {
        Ok(batch) => batch,
        Err(BatchError::TooLarge) => return too_large(),
        Err(BatchError::Malformed(why)) => {
            tracing::info!(%why, learner = viewer.id, "an offline batch was refused");
            return Refused::Malformed.answer(language);
        }
    };
    if let Some(event) = batch.events.iter().find(|event| !app::policy::may_record_learning_of(&viewer, event.user)) {
        tracing::warn!(learner = viewer.id, claimed = event.user, "an offline batch named another learner");
        return Refused::NotYours.answer(language);
    }
    metrics::histogram!("learn_offline_batch_size").record(batch.events.len() as f64);
    let catalog = state.catalog.current();
    let outcomes = match sync::receive(&state.db, &state.completions, &catalog, &viewer, &batch).await {
        Ok(outcomes) => outcomes,
        Err(error) => {
            tracing::error!(%error, learner = viewer.id, "an offline batch failed; the phone sends it again");
            return Refused::Unavailable.answer(language);
        }
    };
    for outcome in &outcomes {
        let label = match outcome {
            sync::Outcome::Refused(_) => "refused",
            sync::Outcome::Attempted { attempt, .. } if attempt.repeat => "repeat",
            _ => "accepted",
        };
        metrics::counter!("learn_offline_events_total", "outcome" => label).increment(1);
    }
    tracing::info!(learner = viewer.id, device = batch.device, events = batch.events.len(), "offline batch received");
    match sync::answer(&state.db, &catalog, &viewer, &batch, outcomes, language).await {
        Ok(answer) => ([(header::CACHE_CONTROL, "no-store")], Json(answer)).into_response(),
        Err(error) => error.into_response(),
    }
}

/// `/offline/whoami`: who is signed in, for a saved page, which names
/// nobody: the phone must not credit one person's taps to another whose
/// session has ended. Costs a few bytes; never kept by a cache.
pub async fn whoami(Asking(viewer): Asking) -> Response {
    let learner = viewer.map(|viewer| viewer.id);
    ([(header::CACHE_CONTROL, "no-store")], Json(serde_json::json!({ "learner": learner }))).into_response()
}

/// Records the quizzes' answer keys of every course as it is served, and
/// again whenever the courses change, so that a quiz taken offline on any
/// version a phone may hold can be graded when it arrives.
pub async fn remember_quizzes(db: &Db, catalog: &CatalogHandle) -> bool {
    let mut all = true;
    for course in catalog.current().courses() {
        if let Err(error) = app::learning::quiz_versions::remember(db, course).await {
            tracing::warn!(%error, course = course.id, "could not record the quizzes' answer keys; trying later");
            all = false;
        }
    }
    all
}

/// [`remember_quizzes`] each time the catalog changes (checked every two seconds).
pub async fn remember_quizzes_as_courses_change(db: Db, catalog: CatalogHandle) {
    let mut seen = 0;
    let mut interval = tokio::time::interval(Duration::from_secs(2));
    loop {
        interval.tick().await;
        let generation = catalog.current().generation();
        if generation != seen && remember_quizzes(&db, &catalog).await {
            seen = generation;
        }
    }
}
