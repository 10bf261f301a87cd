//! Refuses state-changing requests that another site's page makes a
//! browser send (cross-site request forgery). Browsers mark every such
//! request with `Sec-Fetch-Site` or `Origin`; a request with neither comes
//! from a program, not a browser page, and carries no one's cookies by
//! accident.

use app::i18n::translate;
use app::language::Language;
use app::msg;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The `host[:port]` learners reach the site at, from the public URL.
#[derive(Clone, Debug)]
pub struct PublicHost(pub Option<String>);

impl PublicHost {
    pub fn from_public_url(url: &str) -> PublicHost {
        let host = url.split_once("://").map(|(_, rest)| rest.split('/').next().unwrap_or_default().to_string());
        PublicHost(host.filter(|host| !host.is_empty()))
    }
}

pub async fn refuse_cross_site_writes(State(public): State<PublicHost>, request: Request, next: Next) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe && !posted_by_a_platform(request.uri().path()) && is_cross_site(request.headers(), &public) {
        let language = request.extensions().get::<Language>().copied().unwrap_or_default();
        tracing::warn!(method = %request.method(), path = %request.uri().path(), "cross-site request refused");
        return (StatusCode::FORBIDDEN, translate(language, msg::ERROR_FORBIDDEN_TEXT, None)).into_response();
    }
    next.run(request).await
}

/// A partner's learning platform starts a launch and posts its ID token
/// from its own site (LTI 1.3): those two addresses take cross-site posts,
/// and prove themselves instead (a registered issuer; a one-use state
/// kept in the starting browser's cookie and a token the platform signed).
fn posted_by_a_platform(path: &str) -> bool {
    matches!(path, "/lti/login" | "/lti/launch")
}

fn is_cross_site(headers: &HeaderMap, public: &PublicHost) -> bool {
    let text = |name| headers.get(name).and_then(|value: &header::HeaderValue| value.to_str().ok());
    if let Some(site) = text(header::HeaderName::from_static("sec-fetch-site")) {
        // `none` is the person typing the address or using a bookmark.
        return !matches!(site, "same-origin" | "none");
    }
    let Some(origin) = text(header::ORIGIN) else { return false };
    let origin_host = origin.split_once("://").map(|(_, host)| host).unwrap_or("");
    let own_host = text(header::HOST);
    !(Some(origin_host) == own_host || Some(origin_host) == public.0.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.insert(*name, HeaderValue::from_static(value));
        }
        headers
    }

    fn public() -> PublicHost {
        PublicHost::from_public_url("https://learn.example.org")
    }

    #[test]
    fn fetch_metadata_decides_when_the_browser_sends_it() {
        assert!(!is_cross_site(&headers(&[("sec-fetch-site", "same-origin")]), &public()));
        assert!(!is_cross_site(&headers(&[("sec-fetch-site", "none")]), &public()));
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "cross-site")]), &public()));
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "same-site")]), &public()));
    }

    #[test]
    fn otherwise_the_origin_must_be_this_site() {
        let own = headers(&[("origin", "http://127.0.0.1:3000"), ("host", "127.0.0.1:3000")]);
        assert!(!is_cross_site(&own, &public()));
        let behind_proxy = headers(&[("origin", "https://learn.example.org"), ("host", "10.0.0.5:3000")]);
        assert!(!is_cross_site(&behind_proxy, &public()));
        let foreign = headers(&[("origin", "https://evil.example"), ("host", "learn.example.org")]);
        assert!(is_cross_site(&foreign, &public()));
        assert!(is_cross_site(&headers(&[("origin", "null"), ("host", "learn.example.org")]), &public()));
    }

    #[test]
    fn programs_without_browser_headers_pass() {
        assert!(!is_cross_site(&headers(&[("host", "learn.example.org")]), &public()));
    }
}
