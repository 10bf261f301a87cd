//! Which language a request is served in: a `?lang=` link first (and the
//! choice is remembered in a cookie), then that cookie, then the browser's
//! `Accept-Language`, then English. Unknown values are ignored, never an
//! error. A GET with `?lang=` sets only a cookie: it changes no stored data.

use app::language::{ChosenByLink, LANGUAGE_COOKIE, Language, language_cookie};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// Whether cookies get the `Secure` attribute (the site is served over https).
#[derive(Clone, Copy, Debug)]
pub struct SecureCookies(pub bool);

pub async fn choose_language(State(secure): State<SecureCookies>, mut request: Request, next: Next) -> Response {
    let from_link = request.uri().query().and_then(language_in_query);
    let from_cookie = language_in_cookie(request.headers());
    let from_browser = request
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .and_then(Language::from_accept_language);
    let language = from_link.or(from_cookie).or(from_browser).unwrap_or_default();
    request.extensions_mut().insert(language);
    if from_link.is_some() {
        request.extensions_mut().insert(ChosenByLink);
    }

    let mut response = next.run(request).await;
    let succeeded = response.status().is_success();
    let headers = response.headers_mut();
    // Pages differ by language; stylesheets and images do not, and must
    // stay cached when the language changes.
    let is_page = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    if is_page {
        headers.append(header::VARY, HeaderValue::from_static("Cookie, Accept-Language"));
    }
    // Only a page the reader opened remembers the choice: an image or a
    // stylesheet asked for with `?lang=` (a lesson's raw HTML could) does not.
    if is_page
        && succeeded
        && let Some(chosen) = from_link.filter(|chosen| Some(*chosen) != from_cookie)
        && let Ok(value) = HeaderValue::from_str(&language_cookie(chosen, secure.0))
    {
        headers.append(header::SET_COOKIE, value);
    }
    response
}

fn language_in_query(query: &str) -> Option<Language> {
    query.split('&').find_map(|pair| pair.strip_prefix("lang=")).and_then(Language::from_code)
}

fn language_in_cookie(headers: &HeaderMap) -> Option<Language> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .find_map(|pair| pair.trim().strip_prefix(LANGUAGE_COOKIE)?.strip_prefix('='))
        .and_then(Language::from_code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_link_is_read_from_the_query() {
        assert_eq!(language_in_query("lang=ur"), Some(Language::Ur));
        assert_eq!(language_in_query("x=1&lang=ru"), Some(Language::Ru));
        assert_eq!(language_in_query("lang=xx"), None);
        assert_eq!(language_in_query("slang=ur"), None);
    }

    #[test]
    fn the_language_cookie_is_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("session=abc; lang=uz; other=1"));
        assert_eq!(language_in_cookie(&headers), Some(Language::Uz));
        headers.insert(header::COOKIE, HeaderValue::from_static("lang=klingon"));
        assert_eq!(language_in_cookie(&headers), None);
    }
}
