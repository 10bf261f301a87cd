//! The stylesheet and course images: served with their content hash in the
//! address, so that browsers keep them for a year and a repeat visit costs
//! nothing but the page itself. Anything unknown gets the site's 404 page.

use axum::body::Body;
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use app::state::AppState;
use app::stylesheet::STYLESHEET;

use crate::pages::render_not_found;

const FOREVER: &str = "public, max-age=31536000, immutable";

pub async fn stylesheet(State(state): State<AppState>, Path(file): Path<String>, request: Request) -> Response {
    if STYLESHEET.href().strip_prefix("/assets/") != Some(file.as_str()) {
        return render_not_found(State(state), request).await;
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
    request: Request,
) -> Response {
    let Some(course) = state.catalog.current().course(&course).cloned() else {
        return render_not_found(State(state), request).await;
    };
    let read = tokio::task::spawn_blocking(move || course.read_asset(&file).map(|bytes| (file, bytes))).await;
    let (file, bytes) = match read {
        Ok(Some((file, Ok(bytes)))) => (file, bytes),
        Ok(None) => return render_not_found(State(state), request).await,
        Ok(Some((file, Err(error)))) => {
            tracing::error!(%error, file, "course image refused");
            return render_not_found(State(state), request).await;
        }
        Err(_) => return render_not_found(State(state), request).await,
    };
    // Cached for good only when the file on disk is the version the address
    // names (it may have been edited since the courses were loaded).
    let hash: String = Sha256::digest(&bytes)[..8].iter().map(|b| format!("{b:02x}")).collect();
    let cache = if version.v.as_deref() == Some(hash.as_str()) { FOREVER } else { "no-cache" };
    let mut response = Response::new(Body::from(bytes));
    let headers = response.headers_mut();
    let kind = content_type(&file);
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    // Whatever the case of its name (`.SVG` too).
    if kind == "image/svg+xml" {
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
