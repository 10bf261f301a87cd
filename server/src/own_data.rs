//! `/account/data`: a signed-in person downloads everything we keep about
//! them, as JSON. Reading changes nothing, so it is a GET link.

use app::accounts::export_own_data;
use app::state::AppState;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::guard::SignedIn;

pub async fn download_own_data(State(state): State<AppState>, SignedIn(viewer): SignedIn) -> Response {
    match export_own_data(&state.db, viewer.id).await {
        Ok(data) => (
            [
                (header::CONTENT_TYPE, "application/json; charset=utf-8"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"my-data.json\""),
                (header::CACHE_CONTROL, "no-store"),
            ],
            serde_json::to_string_pretty(&data).unwrap_or_default(),
        )
            .into_response(),
        Err(error) => {
            tracing::error!(?error, "own data export failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
