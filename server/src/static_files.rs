//! The stylesheet and course images: served with their content hash in the
//! address, so that browsers keep them for a year and a repeat visit costs
//! nothing but the page itself.

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use app::state::AppState;
use app::stylesheet::STYLESHEET;

const FOREVER: &str = "public, max-age=31536000, immutable";

pub async fn stylesheet(Path(file): Path<String>) -> Response {
    if STYLESHEET.href().strip_prefix("/assets/") != Some(file.as_str()) {
        return StatusCode::NOT_FOUND.into_response();
    }
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, FOREVER)], STYLESHEET.css)
        .into_response()
}

#[derive(Deserialize)]
pub struct Version {
    v: Option<String>,
}

pub async fn course_asset(
    State(state): State<AppState>,
    Path((course, file)): Path<(String, String)>,
    Query(version): Query<Version>,
) -> Response {
    let catalog = state.catalog.current();
    let Some(course) = catalog.course(&course) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Some(path) = course.asset_path(&file) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let current_hash = course.assets.get(&std::path::Path::new("assets").join(&file));
    let bytes = match tokio::fs::read(&path).await {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::error!(%error, path = %path.display(), "course image unreadable");
            return StatusCode::NOT_FOUND.into_response();
        }
    };
    let cache = if version.v.is_some() && version.v.as_ref() == current_hash { FOREVER } else { "public, max-age=300" };
    let mut response = Response::new(Body::from(bytes));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type(&file)));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if file.ends_with(".svg") {
        // An SVG opened on its own is a document: let it run nothing.
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'; sandbox"),
        );
    }
    response
}

fn content_type(file: &str) -> &'static str {
    let extension = file.rsplit('.').next().unwrap_or_default().to_ascii_lowercase();
    match extension.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        _ => "application/octet-stream",
    }
}
