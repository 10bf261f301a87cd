//! `GET /studio/{course}/export.zip`: a studio course's latest published
//! version as a ZIP of its course folder, for its authors (the same files
//! `server courses export` writes). Streamed from a temporary file.

use app::state::AppState;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::guard::SignedIn;

/// `GET /studio/{course}/export.zip`
pub async fn download(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(course): Path<String>,
) -> Response {
    let row = match app::studio::store::course(&state.db.reader, &course).await {
        Ok(Some(row)) => row,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return app::error::AppError::from(error).into_response(),
    };
    // To anyone else, a course's drafts and versions do not exist.
    if !app::policy::may_author(&viewer, &app::studio::store::instructors_of(&row)) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let file = match app::studio::folders::export_zip(&state.db.reader, &course).await {
        Ok(Some(file)) => tokio::fs::File::from_std(file),
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return app::error::AppError::internal(error).into_response(),
    };
    let body = Body::from_stream(tokio_util::io::ReaderStream::with_capacity(file, 64 * 1024));
    (
        [
            (header::CONTENT_TYPE, "application/zip".to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{course}.zip\"")),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        body,
    )
        .into_response()
}
