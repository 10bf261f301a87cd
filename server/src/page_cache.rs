//! Pages for visitors (the catalogue, course and lesson pages, no session)
//! depend only on their address, the language and the courses: each is
//! rendered once and compressed once (gzip and brotli, at their best
//! levels), then served as stored bytes until the courses change. A
//! signed-in page is rendered for its reader every time.

use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex};

use app::language::Language;
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, HeaderValue, Method, Request, StatusCode, header};
use axum::response::Response;

/// Pages kept at most (every lesson in four languages fits many times).
const MOST: usize = 4_000;

/// A rendered page in the three encodings.
struct Stored {
    status: StatusCode,
    identity: Bytes,
    gzip: Bytes,
    brotli: Bytes,
}

#[derive(Default)]
pub struct PageCache {
    pages: Mutex<HashMap<(String, Language, usize), Arc<Stored>>>,
    /// Lesson texts for signed-in pages, compressed once per version.
    pub texts: crate::stitched::Texts,
    /// Learners' lesson pages, made once per place.
    pub learners: crate::reader_pages::LearnerPages,
}

impl std::fmt::Debug for PageCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PageCache")
    }
}

/// The key of a request whose page may be stored: a visitor's GET of a
/// catalogue, course or lesson page, with no query but a language link.
pub fn key_of(request: &Request<Body>, language: Language, catalog: usize) -> Option<(String, Language, usize)> {
    if request.method() != Method::GET || signed_in_cookie(request.headers()) {
        return None;
    }
    let path = request.uri().path();
    if path != "/" && !path.starts_with("/courses/") {
        return None;
    }
    // No query, or only a language link.
    let query = request.uri().query().unwrap_or_default();
    let only_language = query.starts_with("lang=") && !query.contains('&');
    if !query.is_empty() && !only_language {
        return None;
    }
    Some((path.to_string(), language, catalog))
}

/// Whether the request carries a session cookie (then its page is its own).
fn signed_in_cookie(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .any(|pair| {
            let name = pair.trim().split('=').next().unwrap_or_default();
            name == "session" || name == "__Host-session"
        })
}

#[derive(Clone, Copy)]
enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

fn accepted(headers: &HeaderMap) -> Encoding {
    let accepts = headers.get(header::ACCEPT_ENCODING).and_then(|value| value.to_str().ok()).unwrap_or_default();
    let offers = |name: &str| {
        accepts.split(',').any(|part| {
            let mut pieces = part.trim().split(';');
            pieces.next().is_some_and(|coding| coding.trim() == name)
                && !pieces.any(|parameter| parameter.trim().replace(' ', "") == "q=0")
        })
    };
    if offers("br") {
        Encoding::Brotli
    } else if offers("gzip") {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

impl PageCache {
    /// The stored page for `key`, answered in an encoding `request` accepts.
    pub fn answer(&self, key: &(String, Language, usize), headers: &HeaderMap) -> Option<Response> {
        let stored = self.pages.lock().ok()?.get(key)?.clone();
        Some(respond(&stored, accepted(headers)))
    }

    /// Stores a freshly rendered page (only a whole 200 or 404 page), and
    /// answers with it.
    pub async fn store(&self, key: (String, Language, usize), response: Response, headers: &HeaderMap) -> Response {
        let status = response.status();
        let plain = !response.headers().contains_key(header::CONTENT_ENCODING)
            && !response.headers().contains_key(header::SET_COOKIE);
        if !(status == StatusCode::OK || status == StatusCode::NOT_FOUND) || !plain {
            return response;
        }
        let (parts, body) = response.into_parts();
        let Ok(identity) = axum::body::to_bytes(body, 4 * 1024 * 1024).await else {
            return Response::from_parts(parts, Body::empty());
        };
        let stored = tokio::task::spawn_blocking(move || Stored {
            gzip: gzip(&identity),
            brotli: brotli(&identity),
            identity,
            status,
        })
        .await;
        let Ok(stored) = stored else { return Response::new(Body::empty()) };
        let stored = Arc::new(stored);
        if let Ok(mut pages) = self.pages.lock() {
            if pages.len() >= MOST {
                pages.clear();
            }
            // Pages of an older catalogue are of no use any more.
            pages.retain(|(_, _, catalog), _| *catalog == key.2);
            pages.insert(key, stored.clone());
        }
        respond(&stored, accepted(headers))
    }
}

fn respond(stored: &Stored, encoding: Encoding) -> Response {
    let (body, coding) = match encoding {
        Encoding::Brotli => (stored.brotli.clone(), Some("br")),
        Encoding::Gzip => (stored.gzip.clone(), Some("gzip")),
        Encoding::Identity => (stored.identity.clone(), None),
    };
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = stored.status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if let Some(coding) = coding {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
    }
    response
}

fn gzip(bytes: &[u8]) -> Bytes {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = encoder.write_all(bytes);
    encoder.finish().map(Bytes::from).unwrap_or_default()
}

fn brotli(bytes: &[u8]) -> Bytes {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        let _ = writer.write_all(bytes);
    }
    Bytes::from(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_encoding_is_what_the_browser_accepts() {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_static("gzip, deflate, br, zstd"));
        assert!(matches!(accepted(&headers), Encoding::Brotli));
        headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_static("gzip;q=1.0, br;q=0"));
        assert!(matches!(accepted(&headers), Encoding::Gzip));
        headers.remove(header::ACCEPT_ENCODING);
        assert!(matches!(accepted(&headers), Encoding::Identity));
    }

    #[test]
    fn only_visitors_pages_of_courses_are_stored() {
        let request = |uri: &str, cookie: Option<&str>| {
            let mut builder = Request::builder().uri(uri);
            if let Some(cookie) = cookie {
                builder = builder.header(header::COOKIE, cookie);
            }
            builder.body(Body::empty()).unwrap()
        };
        assert!(key_of(&request("/courses/x/y", None), Language::En, 1).is_some());
        assert!(key_of(&request("/courses/x/y?lang=ur", Some("lang=ur")), Language::Ur, 1).is_some());
        assert!(key_of(&request("/courses/x/y", Some("lang=ur; session=abc")), Language::Ur, 1).is_none());
        assert!(key_of(&request("/courses/x/y?attempt=3", None), Language::En, 1).is_none());
        assert!(key_of(&request("/verify/ABCD", None), Language::En, 1).is_none());
        assert!(key_of(&request("/manage", None), Language::En, 1).is_none());
    }
}
