//! The stylesheet, the offline script and course files (images, downloads): served with their content hash in the
//! address, so that browsers keep them for a year and a repeat visit costs
//! nothing but the page itself. Anything unknown gets the site's 404 page.

use axum::body::Body;
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use app::catalog::images::Encoding;
use app::state::AppState;
use app::stylesheet::STYLESHEET;

use crate::pages::render_not_found;

const FOREVER: &str = "public, max-age=31536000, immutable";

/// The stylesheet and the offline script, each at its hashed address.
pub async fn asset(State(state): State<AppState>, Path(file): Path<String>, request: Request) -> Response {
    let script = &app::offline::script::OFFLINE_SCRIPT;
    let (kind, body) = if STYLESHEET.href().strip_prefix("/assets/") == Some(file.as_str()) {
        ("text/css; charset=utf-8", STYLESHEET.css)
    } else if script.href().strip_prefix("/assets/") == Some(file.as_str()) {
        ("text/javascript; charset=utf-8", script.source)
    } else {
        return render_not_found(State(state), request).await;
    };
    ([(header::CONTENT_TYPE, kind), (header::CACHE_CONTROL, FOREVER)], body).into_response()
}

/// `?v=` the content hash; `&w=` and `&f=` one of an image's resized copies.
#[derive(Deserialize)]
pub struct FileQuery {
    v: Option<String>,
    w: Option<u32>,
    f: Option<String>,
}

/// A file of a course: an image (or one of its copies made for phones),
/// shown; anything else (starter code, a worksheet), downloaded, never
/// shown as a page of this site.
pub async fn course_file(
    State(state): State<AppState>,
    Path((course, file)): Path<(String, String)>,
    Query(query): Query<FileQuery>,
    request: Request,
) -> Response {
    let Some(course) = state.catalog.current().course(&course).cloned() else {
        return render_not_found(State(state), request).await;
    };
    let (mut parts, body) = request.into_parts();
    let allowed = may_fetch(&state, &course, &file, &mut parts).await;
    let request = Request::from_parts(parts, body);
    match allowed {
        Ok(true) => {}
        Ok(false) => return render_not_found(State(state), request).await,
        Err(refusal) => return refusal,
    }
    let copy = match (query.w, query.f.as_deref()) {
        (None, None) => None,
        (Some(width), Some(format)) => match Encoding::from_extension(format) {
            Some(encoding) => Some((width, encoding)),
            None => return render_not_found(State(state), request).await,
        },
        _ => return render_not_found(State(state), request).await,
    };
    let Some(known) = course.file(&file).map(|(_, found)| found.clone()) else {
        if copy.is_none() && file.ends_with(".zip") {
            return folder_zip(state, course, file, request).await;
        }
        return render_not_found(State(state), request).await;
    };
    let reading = course.clone();
    let name = file.clone();
    let read = tokio::task::spawn_blocking(move || reading.read_file(&name, copy)).await;
    let bytes = match read {
        Ok(Some(Ok(bytes))) => bytes,
        Ok(None) | Err(_) => return render_not_found(State(state), request).await,
        Ok(Some(Err(error))) => {
            tracing::error!(%error, file, "course file refused");
            return render_not_found(State(state), request).await;
        }
    };
    // Cached for good only when the file is the version the address names:
    // the original may have been edited since the courses were loaded; a
    // copy is named by the hash of the original it was made from.
    let current = match copy {
        Some(_) => known.hash.clone(),
        None => Sha256::digest(&bytes)[..8].iter().map(|b| format!("{b:02x}")).collect(),
    };
    let cache = match (query.v.as_deref() == Some(current.as_str()), course.file_is_open(&file)) {
        (true, true) => FOREVER,
        // A file only some may fetch is never kept by a shared cache.
        (true, false) => "private, max-age=31536000, immutable",
        (false, _) => "no-cache",
    };
    let mut response = Response::new(Body::from(bytes));
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Some((_, encoding)) = copy {
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(encoding.content_type()));
        return response;
    }
    let kind = content_type(&file);
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    // Whatever the case of its name (`.SVG` too).
    if kind == "image/svg+xml" {
        // An SVG opened on its own is a document: let it run nothing.
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'; sandbox"),
        );
    }
    if known.image.is_none() {
        // Starter code may be an HTML page: it is saved, never opened here.
        headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("default-src 'none'; sandbox"));
        let name = file.rsplit('/').next().unwrap_or("file");
        if let Ok(value) = HeaderValue::from_str(&attachment(name)) {
            headers.insert(header::CONTENT_DISPOSITION, value);
        }
    }
    response
}

/// In a course open only to its learners, a file shown or linked only
/// after the first lesson is for those who may read the whole course
/// (`app::policy::may_read_whole_course`), as the lesson itself is.
async fn may_fetch(
    state: &AppState,
    course: &app::catalog::Course,
    file: &str,
    parts: &mut axum::http::request::Parts,
) -> Result<bool, Response> {
    use axum::extract::FromRequestParts;
    if course.file_is_open(file) {
        return Ok(true);
    }
    let crate::guard::Asking(viewer) = crate::guard::Asking::from_request_parts(parts, state).await?;
    let standing =
        app::learning::standing_of(&state.db, course, viewer.as_ref()).await.map_err(crate::guard::refusal)?;
    let enrolled = matches!(standing.standing, app::model::Standing::Enrolled { .. });
    Ok(app::policy::may_read_whole_course(viewer.as_ref(), enrolled))
}

/// A folder of the course as one ZIP of its files (`starter.zip` for `starter/`).
async fn folder_zip(
    state: AppState,
    course: std::sync::Arc<app::catalog::Course>,
    file: String,
    request: Request,
) -> Response {
    // Each is made in memory (at most 20 MB): two at a time, the rest wait.
    static MAKING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);
    let Ok(_turn) = MAKING.acquire().await else {
        return render_not_found(State(state), request).await;
    };
    let name = file.clone();
    let read = tokio::task::spawn_blocking(move || course.read_folder_zip(&name)).await;
    let bytes = match read {
        Ok(Some(Ok(bytes))) => bytes,
        Ok(None) | Err(_) => return render_not_found(State(state), request).await,
        Ok(Some(Err(error))) => {
            tracing::error!(%error, file, "course folder refused");
            return render_not_found(State(state), request).await;
        }
    };
    let mut response = Response::new(Body::from(bytes));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/zip"));
    // Made from the files as they are now: not kept for good.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("default-src 'none'; sandbox"));
    if let Ok(value) = HeaderValue::from_str(&attachment(file.rsplit('/').next().unwrap_or("files.zip"))) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// `attachment` with the file's name, plain for old browsers and in UTF-8 (RFC 6266).
fn attachment(name: &str) -> String {
    let plain: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || ".-_".contains(c) { c } else { '_' }).collect();
    let encoded = percent_encoding::utf8_percent_encode(name, percent_encoding::NON_ALPHANUMERIC);
    format!("attachment; filename=\"{plain}\"; filename*=UTF-8''{encoded}")
}

fn content_type(file: &str) -> &'static str {
    let extension = file.rsplit('.').next().unwrap_or_default().to_ascii_lowercase();
    match extension.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}
