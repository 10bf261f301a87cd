//! Plain HTML form posts (no JavaScript): a refused form goes back to the
//! page it came from with its errors, found from `Referer`. Some browsers
//! and WebViews send no `Referer`; then the page is worked out from the
//! server function and the form's own fields, so that a refusal is never
//! dropped on the home page looking like success. And the answer to a
//! successful post is `303 See Other`, with no body.

use axum::body::Body;
use axum::http::{HeaderValue, Method, Request, StatusCode, header};
use axum::response::Response;

/// The page the form posted to `endpoint` (`/api/login`) lives on, from
/// its fields.
pub fn form_page(endpoint: &str, fields: &[(String, String)]) -> String {
    let field = |name: &str| {
        fields
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .filter(|value| value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
            .unwrap_or_default()
            .to_string()
    };
    let name = endpoint.trim_start_matches("/api/");
    match name {
        "login" => "/login".into(),
        "register" => "/register".into(),
        "redeem_reset_code" => "/reset".into(),
        "join_cohort" => "/join".into(),
        "change_password" | "delete_account" | "save_profile" | "withdraw_consent" | "save_language" => {
            "/account".into()
        }
        "create_cohort" => "/manage/cohorts".into(),
        "issue_reset_code" | "change_role" => "/admin/users".into(),
        "create_organisation" | "assign_organisation" => "/manage/organisations".into(),
        "revoke_certificate" => format!("/verify/{}", field("code")),
        "apply_import" | "forget_import_codes" => format!("/manage/import/{}", field("id")),
        "enrol" | "unenrol" => format!("/courses/{}", field("course")),
        "complete_lesson" | "submit_quiz" => format!("/courses/{}/{}", field("course"), field("lesson")),
        _ => "/".into(),
    }
}

/// A form post without `Referer`: given the page it came from, so that its
/// refusal finds its way back.
pub async fn with_referer(request: Request<Body>, origin: &str) -> Request<Body> {
    let html = request
        .headers()
        .get(header::ACCEPT)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"));
    if request.method() != Method::POST || !html || request.headers().contains_key(header::REFERER) {
        return request;
    }
    let (mut parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return Request::from_parts(parts, Body::empty());
    };
    let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
    let page = form_page(parts.uri.path(), &fields);
    if let Ok(value) = HeaderValue::from_str(&format!("{origin}{page}")) {
        parts.headers.insert(header::REFERER, value);
    }
    Request::from_parts(parts, Body::from(bytes))
}

/// A redirect after a POST is `303 See Other` (the browser then GETs the
/// new page), and carries no body.
pub fn see_other(mut response: Response) -> Response {
    if response.status() == StatusCode::FOUND {
        *response.status_mut() = StatusCode::SEE_OTHER;
        response.headers_mut().remove(header::CONTENT_TYPE);
        response.headers_mut().remove(header::CONTENT_LENGTH);
        *response.body_mut() = Body::empty();
    }
    response
}

#[cfg(test)]
mod tests {
    use super::form_page;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn a_form_is_found_from_its_server_function_and_fields() {
        assert_eq!(form_page("/api/login", &[]), "/login");
        let lesson = fields(&[("course", "online-safety"), ("lesson", "strong-passwords")]);
        assert_eq!(form_page("/api/complete_lesson", &lesson), "/courses/online-safety/strong-passwords");
        let hostile = fields(&[("course", "//evil.example"), ("lesson", "x")]);
        assert_eq!(form_page("/api/submit_quiz", &hostile), "/courses//x", "nothing but slugs reach the address");
        assert_eq!(form_page("/api/unknown", &[]), "/");
    }
}
