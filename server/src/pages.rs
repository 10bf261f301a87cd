//! Rendering pages: the whole page is rendered before the first byte is
//! sent, so that the status (404) is right and nothing needs JavaScript to
//! fall into place. Leptos would append its hydration data as inline
//! scripts; pages without islands have nothing to hydrate, so we leave them
//! out and the page carries no script at all,
//! nor the markers hydration would need.

use std::future::Future;
use std::pin::Pin;

use app::app::shell;
use app::language::{ChosenByLink, Language};
use app::lesson_text::{ReaderHoles, SetAside};
use app::model::{SavedCopy, Viewer};
use app::state::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::http::StatusCode;
use axum::response::Response;
use futures::{Stream, StreamExt, stream};
use leptos::prelude::*;
use tower_sessions::Session;

type HtmlStream = Pin<Box<dyn Stream<Item = String> + Send>>;

pub async fn render_page(
    State(state): State<AppState>,
    axum::Extension(cache): axum::Extension<std::sync::Arc<crate::page_cache::PageCache>>,
    request: Request<Body>,
) -> Response {
    let language = request.extensions().get::<Language>().copied().unwrap_or_default();
    let catalog = state.catalog.current().generation() as usize;
    let Some(key) = crate::page_cache::key_of(&request, language, catalog) else {
        // A page for one reader: a lesson's text is set aside and put back
        // compressed once (`stitched`).
        if request.method() != axum::http::Method::GET || !crate::stitched::accepts_gzip(request.headers()) {
            return render(state, request).await;
        }
        // A learner's lesson page: made once for everyone in their place.
        if let Some(asked) = crate::reader_pages::lesson_asked(&request)
            && let Some(reading) = crate::reader_pages::reading(&state, asked).await
        {
            return cache.learners.page(state, request, reading, &cache.texts).await;
        }
        let aside = SetAside::default();
        let rendered =
            render_setting_aside(state, request, Rendering { aside: Some(aside.clone()), ..Rendering::default() })
                .await;
        return match aside.take() {
            Some((key, text)) => cache.texts.stitch(rendered, key, text).await,
            None => rendered,
        };
    };
    let headers = request.headers().clone();
    if let Some(stored) = cache.answer(&key, &headers) {
        return stored;
    }
    let rendered = render(state, request).await;
    cache.store(key, rendered, &headers).await
}

/// Any address no route knows: the site's own 404 page.
pub async fn render_not_found(State(state): State<AppState>, request: Request<Body>) -> Response {
    let mut response = render(state, request).await;
    if response.status() == StatusCode::OK {
        *response.status_mut() = StatusCode::NOT_FOUND;
    }
    response
}

/// Renders the page `request` asks for, for whoever its session says; or,
/// when `offline::copies` asks, as the copy saved on a phone (an extension
/// only the server itself sets), for nobody in particular.
pub(crate) async fn render(state: AppState, request: Request<Body>) -> Response {
    render_setting_aside(state, request, Rendering::default()).await
}

/// [`render`] for every learner in `viewer`'s place (`reader_pages`): what
/// is the reader's alone goes in `holes`, the lesson's text `aside`.
pub(crate) async fn render_for_place(
    state: AppState,
    request: Request<Body>,
    viewer: Viewer,
    holes: ReaderHoles,
    aside: SetAside,
) -> Response {
    let rendering = Rendering { aside: Some(aside), holes: Some(holes), viewer: Some(viewer) };
    render_setting_aside(state, request, rendering).await
}

/// How a page is rendered besides whole: a lesson page leaving its text
/// `aside`, and the reader's own words as `holes`, for a `viewer` already
/// read from the session.
#[derive(Default)]
struct Rendering {
    aside: Option<SetAside>,
    holes: Option<ReaderHoles>,
    viewer: Option<Viewer>,
}

/// [`render`] as `rendering` says.
async fn render_setting_aside(state: AppState, request: Request<Body>, rendering: Rendering) -> Response {
    let Rendering { aside, holes, viewer: read } = rendering;
    let options = state.leptos_options.clone();
    let language = request.extensions().get::<Language>().copied().unwrap_or_default();
    let saved = request.extensions().get::<SavedCopy>().copied();
    let viewer = match request.extensions().get::<Session>() {
        Some(_) if saved.is_some() => None,
        Some(_) if read.is_some() => read,
        Some(session) => app::auth::viewer(session, &state).await.unwrap_or_else(|error| {
            tracing::warn!(?error, "session unreadable; page shown signed out");
            None
        }),
        None => None,
    };
    let learner = viewer.as_ref().map(|viewer| viewer.id);
    // The name shown is the hole's word; the server fills it in.
    let viewer = match (&holes, viewer) {
        (Some(holes), Some(viewer)) => Some(Viewer { display_name: holes.name.clone(), ..viewer }),
        (_, viewer) => viewer,
    };
    // A signed-in person's saved language wins over the cookie and the
    // browser, but not over a `?lang=` link they just followed.
    let from_link = request.extensions().get::<ChosenByLink>().is_some();
    let language = match viewer.as_ref().and_then(|viewer| viewer.language) {
        Some(saved) if !from_link => saved,
        _ => language,
    };
    let context = move || {
        provide_context(state.clone());
        provide_context(language);
        if let Some(viewer) = viewer.clone() {
            provide_context(viewer);
        }
        if let Some(saved) = saved {
            provide_context(saved);
        }
        if let Some(aside) = aside.clone() {
            provide_context(aside);
        }
        if let Some(holes) = holes.clone() {
            provide_context(holes);
        }
    };
    let mut response = leptos_axum::handle_response_inner(context, move || shell(options), request, whole_page).await;
    // Who the page is for, so that a phone's service worker shows saved
    // courses and waiting work only to the person signed in (a visitor's
    // page says nobody).
    if let Some(learner) = learner
        && let Ok(value) = HeaderValue::from_str(&learner.to_string())
    {
        response.headers_mut().insert(LEARNER_HEADER, value);
    }
    response
}

/// The header naming the signed-in person a page was rendered for.
pub const LEARNER_HEADER: &str = "x-learner";

fn whole_page<IV: IntoView + 'static>(
    page: IV,
    _hydration_scripts: Box<dyn FnOnce() -> HtmlStream + Send>,
    _supports_out_of_order: bool,
) -> Pin<Box<dyn Future<Output = HtmlStream> + Send>> {
    Box::pin(async move {
        let html = without_markers(page.to_html_stream_in_order().collect::<String>().await);
        Box::pin(stream::once(async move { html })) as HtmlStream
    })
}

/// Leptos marks the places hydration would look for with `<!>`, which is
/// not valid HTML (a "bogus comment"); a page that is never hydrated needs
/// none. Text and attributes never hold a raw `<`, so every `<!>` is one.
fn without_markers(html: String) -> String {
    if html.contains("<!>") { html.replace("<!>", "") } else { html }
}

#[cfg(test)]
mod tests {
    #[test]
    fn hydration_markers_go_and_everything_else_stays() {
        let page = "<p>a</p><!><!><a href=\"/x\">&lt;!&gt;</a><!---->".to_string();
        assert_eq!(super::without_markers(page), "<p>a</p><a href=\"/x\">&lt;!&gt;</a><!---->");
    }
}
