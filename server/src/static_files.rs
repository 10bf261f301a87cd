//! The stylesheet, the offline and studio scripts and course files
//! (images, downloads): served with their content hash in the address,
//! so that browsers keep them for a year and a repeat visit costs nothing
//! but the page itself (a course file only its learners may fetch is
//! confirmed with us before each use instead). Anything unknown gets the
//! site's 404 page.
//!
//! Course files and folder ZIPs are sent from disk as the client reads
//! them, never read whole into memory: a client that opens many
//! connections and never reads holds a chunk and the sockets' buffers on
//! each, not the files (`tests/api/downloads.rs` measures it).

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use tokio::io::AsyncReadExt;
use tokio_util::io::ReaderStream;

use app::catalog::images::Encoding;
use app::catalog::{Course, FolderZip, OpenedFile};
use app::state::AppState;
use app::stylesheet::STYLESHEET;

use crate::pages::render_not_found;

const FOREVER: &str = "public, max-age=31536000, immutable";
/// Read from disk and handed to the connection at most this much at a
/// time. The next chunk is read only once what hyper has queued for the
/// socket (a few hundred KB at most) has gone to the client.
const CHUNK: usize = 64 * 1024;

/// The stylesheet, the offline script and the studio editor's script,
/// each at its hashed address.
pub async fn asset(State(state): State<AppState>, Path(file): Path<String>, request: Request) -> Response {
    let script = &app::offline::script::OFFLINE_SCRIPT;
    let studio = &app::studio::script::STUDIO_SCRIPT;
    let (kind, body) = if STYLESHEET.href().strip_prefix("/assets/") == Some(file.as_str()) {
        ("text/css; charset=utf-8", STYLESHEET.css)
    } else if script.href().strip_prefix("/assets/") == Some(file.as_str()) {
        ("text/javascript; charset=utf-8", script.source)
    } else if studio.href().strip_prefix("/assets/") == Some(file.as_str()) {
        ("text/javascript; charset=utf-8", studio.source)
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
    let Some(is_image) = course.file(&file).map(|(_, known)| known.image.is_some()) else {
        if copy.is_none() && file.ends_with(".zip") {
            return folder_zip(state, course, file, request).await;
        }
        return render_not_found(State(state), request).await;
    };
    let open = course.file_is_open(&file);
    let name = file.clone();
    let opened = match tokio::task::spawn_blocking(move || course.open_file(&name, copy)).await {
        Ok(Some(Ok(opened))) => opened,
        Ok(None) | Err(_) => return render_not_found(State(state), request).await,
        Ok(Some(Err(error))) => {
            tracing::error!(%error, file, "course file refused");
            return render_not_found(State(state), request).await;
        }
    };
    // Kept for good only when the file is the version the address names:
    // the original may have been edited since the courses were loaded; a
    // copy is named by the hash of the original it was made from.
    let named = opened.version.is_some() && query.v.as_deref() == opened.version.as_deref();
    let cache = cache_control(open, named);
    let tag = opened.version.as_deref().map(|version| match copy {
        Some((width, encoding)) => entity_tag(&format!("{version}-{width}.{}", encoding.extension())),
        None => entity_tag(version),
    });
    if let Some(tag) = &tag
        && browser_has(request.headers(), tag)
    {
        return not_modified(cache, tag);
    }
    let mut response = sent_from_disk(opened, cache, tag.as_deref());
    let headers = response.headers_mut();
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
    if !is_image {
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
        app::learning::standing_of(&state.db, course, viewer.as_ref()).await.map_err(IntoResponse::into_response)?;
    let enrolled = matches!(standing.standing, app::model::Standing::Enrolled { .. });
    Ok(app::policy::may_read_whole_course(viewer.as_ref(), enrolled))
}

/// A folder of the course as one ZIP of its files (`starter.zip` for
/// `starter/`): made once per version of its files into the cache folder,
/// then sent from there like any other file.
async fn folder_zip(state: AppState, course: Arc<Course>, file: String, request: Request) -> Response {
    let cache = cache_control(course.file_is_open(&file), false);
    let name = file.clone();
    // Looks at the folder's files and for a ZIP made before: reads none of them.
    let found = tokio::task::spawn_blocking(move || {
        let zip = course.folder_zip(&name)?;
        let made = zip.find_made();
        Some((zip, made))
    })
    .await;
    let Ok(Some((zip, made))) = found else {
        return render_not_found(State(state), request).await;
    };
    if let Some(tag) = zip.version().map(entity_tag)
        && browser_has(request.headers(), &tag)
    {
        return not_modified(cache, &tag);
    }
    let opened = match made {
        Some(made) => made,
        None => match make(zip).await {
            Ok(made) => made,
            Err(error) => {
                tracing::error!(%error, file, "course folder refused");
                return render_not_found(State(state), request).await;
            }
        },
    };
    // Made from the files as they are now: never kept for good, but
    // answered with 304 while the browser's copy is still this version.
    let tag = opened.version.as_deref().map(entity_tag);
    let mut response = sent_from_disk(opened, cache, tag.as_deref());
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/zip"));
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("default-src 'none'; sandbox"));
    if let Ok(value) = HeaderValue::from_str(&attachment(file.rsplit('/').next().unwrap_or("files.zip"))) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// Makes a folder's ZIP, one of its files in memory at a time (at most
/// 10 MB, and its deflated copy): two at a time, the rest wait. A turn
/// ends once the ZIP is on disk, before a byte of it is sent, so a slow
/// downloader holds no turn.
async fn make(zip: FolderZip) -> std::io::Result<OpenedFile> {
    static MAKING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);
    let _turn = MAKING.acquire().await.map_err(std::io::Error::other)?;
    tokio::task::spawn_blocking(move || zip.make()).await.map_err(std::io::Error::other)?
}

/// `opened`, sent from disk [`CHUNK`] bytes at a time, as the client reads.
fn sent_from_disk(opened: OpenedFile, cache: &'static str, tag: Option<&str>) -> Response {
    // No more than its length when opened, even if it grows meanwhile.
    let file = tokio::fs::File::from_std(opened.file).take(opened.bytes);
    let mut response = Response::new(Body::from_stream(ReaderStream::with_capacity(file, CHUNK)));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(opened.bytes));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Some(value) = tag.and_then(|tag| HeaderValue::from_str(tag).ok()) {
        headers.insert(header::ETAG, value);
    }
    response
}

/// How browsers keep a course file. For good when anyone may fetch it and
/// its address names the version sent. Otherwise they ask again before
/// each use, and are answered 304 while their copy (its ETag) is still
/// the one. A file only some may fetch is, besides, kept by no shared
/// cache: on a shared phone, once its learner signs out, the next person
/// asking is refused, not shown it from the browser's cache.
fn cache_control(open: bool, named: bool) -> &'static str {
    match (open, named) {
        (true, true) => FOREVER,
        (true, false) => "no-cache",
        (false, _) => "private, no-cache",
    }
}

/// The ETag of a version. Weak: a download may be sent compressed or not,
/// the same file either way.
fn entity_tag(version: &str) -> String {
    format!("W/\"{version}\"")
}

/// Whether the browser already has `tag` (`If-None-Match`, compared as
/// RFC 9110 says: weakly, any tag of the list, or `*`).
fn browser_has(headers: &HeaderMap, tag: &str) -> bool {
    fn opaque(tag: &str) -> &str {
        let tag = tag.trim();
        tag.strip_prefix("W/").unwrap_or(tag)
    }
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|candidate| candidate.trim() == "*" || opaque(candidate) == opaque(tag))
}

/// The browser's copy is still the one: only the headers it keeps.
fn not_modified(cache: &'static str, tag: &str) -> Response {
    let mut response = StatusCode::NOT_MODIFIED.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Ok(value) = HeaderValue::from_str(tag) {
        headers.insert(header::ETAG, value);
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
