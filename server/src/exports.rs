//! CSV downloads: each statistics table, and each learner's progress in a
//! course or a cohort. The per-learner file is streamed from the database
//! as it is read, so a large programme's export never sits in memory.

use app::model::{StatisticsFilters, Viewer};
use app::msg;
use app::policy;
use app::state::AppState;
use app::statistics::reporting;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures::StreamExt;
use sea_orm::{EntityTrait, StreamTrait};

use crate::guard::{Requested, SignedIn, refuse_unless};

/// Statistics are for instructors and up; what each sees is narrowed
/// further by `reporting::scope_for`.
fn staff(viewer: &Viewer) -> Option<Response> {
    refuse_unless(policy::may_see_statistics(viewer))
}

fn csv_headers(file_name: &str) -> [(header::HeaderName, HeaderValue); 3] {
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\""))
        .unwrap_or(HeaderValue::from_static("attachment"));
    [
        (header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8")),
        (header::CONTENT_DISPOSITION, disposition),
        (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
    ]
}

/// `/manage/statistics/{table}.csv?course=…&cohort=…&organisation=…&from=…&to=…`
pub async fn statistics_table(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    requested: Requested,
    Path(file): Path<String>,
    Query(filters): Query<StatisticsFilters>,
) -> Response {
    if let Some(refused) = staff(&viewer) {
        return refused;
    }
    let Some(table) = file.strip_suffix(".csv").filter(|table| reporting::TABLES.contains(table)) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if reporting::BREAKDOWN_TABLES.contains(&table)
        && let Some(refused) = refuse_unless(policy::may_see_breakdowns(&viewer))
    {
        return refused;
    }
    let reader_language = requested.for_viewer(&viewer);
    let scope = match reporting::Filters::read(&filters) {
        Ok((typed, _)) => reporting::scope_for(&state, &viewer, &typed).await,
        Err(error) => Err(error),
    };
    let scope = match scope {
        Ok(scope) => scope,
        Err(error) => return error.into_response(),
    };
    let statistics = match reporting::statistics(&state, &scope, &filters, reader_language).await {
        Ok(statistics) => statistics,
        Err(error) => return error.into_response(),
    };
    match reporting::statistics_csv(&statistics, table, reader_language) {
        Some(csv) => (csv_headers(&format!("{table}.csv")), csv).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// `/teach/{course}/{table}.csv`: the instructor's tables of a course
/// (where learners stop, quiz questions).
pub async fn teach_table(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    requested: Requested,
    Path((course, file)): Path<(String, String)>,
) -> Response {
    if let Some(refused) = staff(&viewer) {
        return refused;
    }
    let Some(table) = file.strip_suffix(".csv").filter(|table| reporting::TEACH_TABLES.contains(table)) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Some(found) = state.catalog.current().course(&course).cloned() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    // Whole-course figures: the course's instructors and the programme-wide
    // (not a manager of one organisation).
    if let Some(refused) = refuse_unless(policy::may_see_whole_course(&viewer, &found.instructors)) {
        return refused;
    }
    let reader_language = requested.for_viewer(&viewer);
    match reporting::taught_course(&state, &found, reader_language).await {
        Ok(taught) => match reporting::teach_csv(&taught, table, reader_language) {
            Some(csv) => (csv_headers(&format!("{course}-{table}.csv")), csv).into_response(),
            None => StatusCode::NOT_FOUND.into_response(),
        },
        Err(error) => error.into_response(),
    }
}

/// `/manage/courses/{course}/learners.csv`: every learner of a course in
/// the viewer's scope (narrowed like the course's statistics page).
pub async fn course_learners(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    requested: Requested,
    Path(course): Path<String>,
    Query(mut filters): Query<StatisticsFilters>,
) -> Response {
    filters.course = Some(course.clone());
    let reader_language = requested.for_viewer(&viewer);
    learners(state, viewer, reader_language, filters, course.clone(), format!("learners-{course}.csv")).await
}

/// `/manage/cohorts/{cohort}/learners.csv`: every learner of a cohort.
pub async fn cohort_learners(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    requested: Requested,
    Path(cohort): Path<i64>,
) -> Response {
    if let Some(refused) = staff(&viewer) {
        return refused;
    }
    let found = match app::entities::cohort::Entity::find_by_id(cohort).one(&state.db.reader).await {
        Ok(Some(found)) => found,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return app::error::AppError::internal(error).into_response(),
    };
    let filters = StatisticsFilters { cohort: Some(cohort.to_string()), ..StatisticsFilters::default() };
    let reader_language = requested.for_viewer(&viewer);
    learners(state, viewer, reader_language, filters, found.course_id, format!("learners-cohort-{cohort}.csv")).await
}

/// Bytes gathered before a piece of the file is sent.
const CHUNK: usize = 64 * 1024;

async fn learners(
    state: AppState,
    viewer: Viewer,
    reader_language: app::language::Language,
    filters: StatisticsFilters,
    course_id: String,
    file_name: String,
) -> Response {
    if let Some(refused) = staff(&viewer) {
        return refused;
    }
    let scope = match reporting::Filters::read(&filters) {
        Ok((typed, _)) => reporting::scope_for(&state, &viewer, &typed).await,
        Err(error) => Err(error),
    };
    let scope = match scope {
        Ok(scope) => scope,
        Err(error) => return error.into_response(),
    };
    let Some(course) = state.catalog.current().course(&course_id).cloned() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let query = app::statistics::learners_query(&course, &scope, None);
    let lessons = course.lessons().count();
    let say = move |id: &str| app::i18n::translate(reader_language, id, None);
    let (valid, revoked) = (say(msg::CSV_CERTIFICATE_VALID), say(msg::CSV_CERTIFICATE_REVOKED));
    let header: Vec<String> = app::statistics::LEARNER_COLUMNS.iter().map(|id| say(id)).collect();
    // A large export may read a replica (`--database-replica-url`).
    let connection = state.db.reports.clone();
    let (sender, receiver) = tokio::sync::mpsc::channel::<Result<Vec<u8>, std::io::Error>>(4);
    tokio::spawn(async move {
        let mut buffer = app::statistics::BYTE_ORDER_MARK.as_bytes().to_vec();
        app::statistics::write_record(&mut buffer, &header);
        let failed = |error: sea_orm::DbErr| {
            tracing::error!(%error, "the learners export stopped part way");
            std::io::Error::other("the export stopped part way")
        };
        let mut rows = match connection.stream(&query).await {
            Ok(rows) => rows,
            Err(error) => {
                let _ = sender.send(Err(failed(error))).await;
                return;
            }
        };
        while let Some(row) = rows.next().await {
            match row.and_then(|row| app::statistics::LearnerRow::read(&row)) {
                Ok(row) => {
                    let status = |is_revoked: bool| if is_revoked { revoked.clone() } else { valid.clone() };
                    app::statistics::write_record(&mut buffer, row.fields(lessons, status));
                }
                Err(error) => {
                    // The download ends unfinished, never looking complete.
                    let _ = sender.send(Err(failed(error))).await;
                    return;
                }
            }
            if buffer.len() >= CHUNK && sender.send(Ok(std::mem::take(&mut buffer))).await.is_err() {
                return; // The person stopped the download.
            }
        }
        let _ = sender.send(Ok(buffer)).await;
    });
    // Fused: the compression layer polls once more after the last piece,
    // and a bare `unfold` panics when polled after it has ended.
    let body = futures::stream::unfold(receiver, |mut receiver| async move {
        receiver.recv().await.map(|piece| (piece, receiver))
    })
    .fuse();
    (csv_headers(&file_name), Body::from_stream(body)).into_response()
}
