//! The one place that builds the router: routes, then layers.

use app::msg;
use std::sync::Arc;

use app::app::App;
use app::error::AppError;
use app::language::Language;
use app::state::AppState;
use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post};
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

use crate::client_addr::{TrustedProxies, identify_client};
use crate::config::Settings;
use crate::language::{SecureCookies, choose_language};
use crate::origin_check::{PublicHost, refuse_cross_site_writes};
use crate::session_store::DatabaseSessionStore;
use crate::{pages, static_files};

/// No inline script or style anywhere. No page loads wasm yet; the first
/// page with an island will add `'wasm-unsafe-eval'` for itself alone.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The largest body a server function accepts: a whole quiz fits many
/// times over.
const MAX_CALL_BYTES: usize = 64 * 1024;

/// The studio's save of a text file: the largest lesson, each byte of it
/// sent as `%XX`, and the form around it.
const MAX_STUDIO_TEXT_BYTES: usize = 3 * app::studio::paths::MAX_LESSON_BYTES + 64 * 1024;

/// The same policy for a studio preview, which the editor shows in a frame
/// of its own page (and only of this site's pages).
const FRAMED_PREVIEW_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

pub fn router(
    state: AppState,
    store: DatabaseSessionStore,
    settings: &Settings,
    identity: Arc<crate::identity::IdentityProviders>,
    lti: Arc<crate::lti::LtiTool>,
) -> Router {
    let routes = generate_route_list(App);
    let pkg = ServeDir::new(settings.site_dir.join("pkg"));

    let sessions = SessionManagerLayer::new(store)
        .with_name(if settings.secure_cookies() { "__Host-session" } else { "session" })
        .with_secure(settings.secure_cookies())
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(state.policy.idle_lifetime));

    let proxies = TrustedProxies(Arc::new(settings.trusted_proxies.clone()));

    let mut router = Router::new();
    for (path, route) in plain_routes(&state) {
        router = router.route(path, route);
    }
    router
        .nest_service("/pkg", pkg)
        // Every form and call is small; anything bigger is refused before
        // it is read (413), so no field can be huge.
        .route("/api/{*function}", post(server_function).layer(axum::middleware::from_fn(limit_call_body)))
        .leptos_routes_with_handler(routes, get(pages::render_page))
        .fallback(pages::render_not_found)
        .with_state(state)
        .layer(axum::Extension(std::sync::Arc::new(crate::page_cache::PageCache::default())))
        .layer(axum::Extension(std::sync::Arc::new(crate::offline::Copies::default())))
        .layer(axum::Extension(identity))
        .layer(axum::Extension(lti))
        .layer(sessions)
        .layer(axum::middleware::from_fn(security_headers))
        .layer(axum::middleware::from_fn_with_state(
            PublicHost::from_public_url(&settings.public_url()),
            refuse_cross_site_writes,
        ))
        .layer(axum::middleware::from_fn_with_state(SecureCookies(settings.secure_cookies()), choose_language))
        // Signed-in pages are compressed on every request: a light level
        // costs a fraction of the default for a few more bytes (visitors'
        // pages are stored compressed at the best level, see page_cache).
        .layer(CompressionLayer::new().quality(tower_http::CompressionLevel::Precise(3)))
        .layer(CatchPanicLayer::custom(|_| panic_response()))
        .layer(axum::middleware::from_fn_with_state(proxies, identify_client))
        // A body that stops coming holds its request no longer than this
        // between two pieces (headers are bounded in `connections`).
        .layer(tower_http::timeout::RequestBodyTimeoutLayer::new(settings.timeouts().read))
}

/// Every page's route, as axum sees it (`/courses/{course}`): the
/// authorisation matrix test walks these too.
pub fn page_routes() -> Vec<String> {
    generate_route_list(App).iter().map(|route| route.path().to_string()).collect()
}

/// Every route that is not a page or a server function, with who may use
/// it decided in its handler (through `guard` and `app::policy`). The
/// authorisation matrix test walks this list: a route added here without
/// a line in the matrix fails it.
pub fn plain_routes(state: &AppState) -> Vec<(&'static str, MethodRouter<AppState>)> {
    vec![
        ("/livez", get(live)),
        ("/readyz", get(ready)),
        // The readiness answer, under the name earlier versions used.
        ("/healthz", get(ready)),
        ("/assets/{file}", get(static_files::asset)),
        // Offline learning: the service worker must be at the root to look
        // after every page.
        ("/sw.js", get(crate::offline::service_worker)),
        ("/offline/{course}/{language}/{file}", get(crate::offline::course_file)),
        ("/offline/{course}/saved", post(crate::offline::saved)),
        ("/offline/sync", post(crate::offline::sync)),
        ("/offline/whoami", get(crate::offline::whoami)),
        ("/media/{course}/{*file}", get(static_files::course_file)),
        ("/account/data", get(crate::own_data::download_own_data)),
        // Signing in with a partner's identity provider: the button posts
        // (a form, same site); the provider sends the person back with a
        // GET, which signs in only with the state this session sent.
        ("/sign-in/{provider}", post(crate::identity::start)),
        ("/sign-in/{provider}/callback", get(crate::identity::callback_route)),
        // A partner's learning platform (LTI 1.3): it starts a launch with
        // a GET or a form post, then posts the ID token from its own site
        // (let through `origin_check`); the picker's form posts here.
        ("/lti/login", get(crate::lti::login_by_link).post(crate::lti::login_by_form)),
        ("/lti/launch", post(crate::lti::launch_route)),
        ("/lti/deep-link", post(crate::lti::picker::pick)),
        ("/lti/jwks.json", get(crate::lti::jwks)),
        ("/.well-known/jwks.json", get(crate::credentials::jwks)),
        ("/issuer", get(crate::credentials::issuer)),
        ("/programme-logo", get(crate::credentials::programme_logo)),
        ("/credentials/status/1", get(crate::credentials::status_list)),
        ("/my/certificates/{course}/credential.jwt", get(crate::credentials::my_credential)),
        ("/my/certificates/{course}/certificate.pdf", get(crate::credentials::my_certificate_pdf)),
        ("/manage/statistics/{table}", get(crate::exports::statistics_table)),
        ("/manage/courses/{course}/learners.csv", get(crate::exports::course_learners)),
        ("/manage/cohorts/{cohort}/learners.csv", get(crate::exports::cohort_learners)),
        ("/teach/{course}/{table}", get(crate::exports::teach_table)),
        ("/manage/import/template.csv", get(crate::imports::template)),
        ("/studio/{course}/export.zip", get(crate::studio_export::download)),
        (
            "/studio/{course}/files",
            post(crate::studio_files::upload)
                .layer(axum::extract::DefaultBodyLimit::max(app::studio::paths::MAX_UPLOAD_BYTES + 64 * 1024)),
        ),
        (
            "/manage/import",
            post(crate::imports::upload)
                // Room for the form around the file; the file itself is
                // measured against the limit as it arrives.
                .layer(axum::extract::DefaultBodyLimit::max(state.import_max_bytes + 64 * 1024)),
        ),
    ]
}

/// The headers every answer carries unless its handler chose its own, in
/// one layer (every layer of the router costs every request a clone of
/// what is inside it). A studio preview (`/studio/{course}/preview/{lesson}`)
/// may be shown in a frame of this site's own pages; every other page in
/// none.
async fn security_headers(request: Request<Body>, next: axum::middleware::Next) -> Response {
    let preview = {
        let path = request.uri().path();
        path.starts_with("/studio/") && path.split('/').nth(3) == Some("preview")
    };
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if preview {
        headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(FRAMED_PREVIEW_POLICY));
        headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("SAMEORIGIN"));
    }
    for (name, value) in [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (HeaderName::from_static("permissions-policy"), "camera=(), microphone=(), geolocation=()"),
        // Pages change with the courses and with who is signed in.
        (header::CACHE_CONTROL, "no-cache"),
    ] {
        if !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    }
    response
}

/// Liveness: the process answers. Cheap, touches nothing: restart the
/// process only when this fails.
async fn live() -> impl IntoResponse {
    (StatusCode::OK, "alive")
}

/// How long readiness waits for the database, for a read and for a write.
const READINESS_BOUND: std::time::Duration = std::time::Duration::from_secs(2);

/// Readiness: the database answers a read and takes a write (committed),
/// each within two seconds; 503 with the reason when it does not. Send
/// learners here only while this says 200.
async fn ready(State(state): State<AppState>) -> impl IntoResponse {
    match state.db.readiness(READINESS_BOUND).await {
        Ok(()) => (StatusCode::OK, "ok".to_string()),
        Err(reason) => {
            tracing::warn!(%reason, "not ready");
            (StatusCode::SERVICE_UNAVAILABLE, format!("not ready: {reason}"))
        }
    }
}

/// Server functions, called by forms and islands (always POST: no state
/// changes over GET).
/// A failed call answers with the status of its [`AppError`] variant.
async fn server_function(State(state): State<AppState>, request: Request<Body>) -> Response {
    let language = request.extensions().get::<Language>().copied().unwrap_or_default();
    let request = crate::form_posts::with_referer(request, &state.public_url).await;
    let context = move || {
        provide_context(state.clone());
        provide_context(language);
    };
    let response = leptos_axum::handle_server_fns_with_context(context, request).await.into_response();
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return crate::form_posts::see_other(response);
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return (parts, "\"Internal\"").into_response();
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// Server function bodies are bounded: one that says it is too large is
/// refused before it is read, with a short page in the reader's language;
/// one that turns out larger than it said stops being read at the bound.
async fn limit_call_body(request: Request<Body>, next: axum::middleware::Next) -> Response {
    let bound = if request.uri().path() == "/api/save_studio_file" { MAX_STUDIO_TEXT_BYTES } else { MAX_CALL_BYTES };
    let declared = request.headers().get(header::CONTENT_LENGTH).and_then(|value| value.to_str().ok()?.parse().ok());
    if declared.is_some_and(|length: usize| length > bound) {
        let language = request.extensions().get::<Language>().copied().unwrap_or_default();
        return too_large(language);
    }
    let request = request.map(|body| Body::new(http_body_util::Limited::new(body, bound)));
    next.run(request).await
}

fn too_large(language: Language) -> Response {
    let message = app::i18n::translate(language, msg::FORM_TOO_LARGE, None);
    let page = format!(
        "<!DOCTYPE html><html lang=\"{}\" dir=\"{}\"><meta charset=\"utf-8\"><title>413</title><p>{}</p><p><a href=\"/\">⌂</a></p></html>",
        language.code(),
        language.direction().html_dir(),
        message
    );
    (StatusCode::PAYLOAD_TOO_LARGE, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response()
}

fn panic_response() -> Response {
    tracing::error!("a request panicked");
    (StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong on our side. Please try again in a moment.")
        .into_response()
}
