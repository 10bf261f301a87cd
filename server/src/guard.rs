//! The one guard of plain routes (downloads, uploads, credentials): who is
//! asking, read from the session exactly as server functions read it
//! (`app::auth::viewer`). What they may then see or change is decided by
//! `app::policy`. A session that cannot be read (the database is down) is
//! an error, never a quiet "signed out".

use app::error::AppError;
use app::language::Language;
use app::model::Viewer;
use app::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

/// The person asking, if signed in.
pub struct Asking(pub Option<Viewer>);

/// The person asking, who must be signed in: a visitor is sent to log in
/// and brought back.
pub struct SignedIn(pub Viewer);

/// The language the request asked for (link, cookie, browser).
pub struct Requested(pub Language);

impl Requested {
    /// The language to answer `viewer` in: their saved choice, else the request's.
    pub fn for_viewer(&self, viewer: &Viewer) -> Language {
        viewer.language.unwrap_or(self.0)
    }
}

impl FromRequestParts<AppState> for Asking {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let Some(session) = parts.extensions.get::<Session>().cloned() else { return Ok(Asking(None)) };
        app::auth::viewer(&session, state).await.map(Asking).map_err(IntoResponse::into_response)
    }
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        match Asking::from_request_parts(parts, state).await? {
            Asking(Some(viewer)) => Ok(SignedIn(viewer)),
            Asking(None) => {
                let back = parts.uri.path_and_query().map(|path| path.as_str()).unwrap_or("/");
                let back = percent_encoding::utf8_percent_encode(back, percent_encoding::NON_ALPHANUMERIC);
                Err(Redirect::to(&format!("/login?next={back}")).into_response())
            }
        }
    }
}

impl<S: Sync> FromRequestParts<S> for Requested {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Requested(parts.extensions.get::<Language>().copied().unwrap_or_default()))
    }
}

/// The 403 answer, unless `allowed`.
pub fn refuse_unless(allowed: bool) -> Option<Response> {
    (!allowed).then(|| AppError::Forbidden.into_response())
}
