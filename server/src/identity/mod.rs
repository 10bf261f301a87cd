//! Signing in with a partner's identity provider (OpenID Connect).
//!
//! - `POST /sign-in/{provider}` (the login page's button) sends the person
//!   to the provider, keeping `state`, `nonce` and the PKCE verifier in
//!   their session;
//! - `GET /sign-in/{provider}/callback` is where the provider sends them
//!   back: the code is exchanged and the ID token checked (`oidc`); a
//!   linked account is signed in, a first-timer goes to `/welcome` to make
//!   an account or link their own (`app::api::identities`).
//!
//! Anything wrong sends the person back to the login page with a sentence
//! in their language; password sign-in is never in the way.

pub mod config;
pub mod oidc;

use std::sync::Arc;

use app::accounts::identities::{ProviderListing, VERIFIED, Verified};
use app::state::AppState;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use serde::Deserialize;
use time::OffsetDateTime;
use tower_sessions::Session;

use oidc::{Pending, Provider, Refusal};

/// The session key of a sign-in on its way to a provider.
const PENDING: &str = "identity_pending";

/// Every configured provider, and the client they are reached with.
pub struct IdentityProviders {
    providers: Vec<Provider>,
    http: reqwest::Client,
}

impl IdentityProviders {
    pub fn new(configs: Vec<config::ProviderConfig>) -> IdentityProviders {
        IdentityProviders { providers: configs.into_iter().map(Provider::new).collect(), http: oidc::http_client() }
    }

    fn find(&self, id: &str) -> Option<&Provider> {
        self.providers.iter().find(|provider| provider.config.id == id)
    }

    /// What pages need to know of each provider, with the organisation its
    /// people join made sure of (created when missing).
    pub async fn listing(&self, db: &app::db::Db) -> Result<Vec<ProviderListing>, sea_orm::DbErr> {
        let mut listing = Vec::new();
        for provider in &self.providers {
            let organisation = match &provider.config.organisation {
                Some(name) => Some(app::organisations::ensure_named(db, name).await?),
                None => None,
            };
            listing.push(ProviderListing {
                id: provider.config.id.clone(),
                names: provider.config.names.clone(),
                organisation,
            });
        }
        Ok(listing)
    }
}

#[derive(Deserialize)]
pub struct StartForm {
    next: Option<String>,
}

/// `POST /sign-in/{provider}`: off to the provider.
pub async fn start(
    State(state): State<AppState>,
    Extension(providers): Extension<Arc<IdentityProviders>>,
    Path(id): Path<String>,
    session: Session,
    client: Option<Extension<app::state::ClientAddr>>,
    Form(form): Form<StartForm>,
) -> Response {
    let Some(provider) = providers.find(&id) else { return unknown_provider() };
    // Each start asks the provider and keeps a session: bounded per address.
    use app::accounts::limits::{self, Limit};
    let address = limits::address_key(&client.map(|Extension(found)| found.0.to_string()).unwrap_or_default());
    match limits::take(&state.db, Limit::ProviderSignIn, &address).await {
        Ok(Ok(())) => {}
        Ok(Err(_)) => return back_to_login("busy", &id),
        Err(error) => {
            tracing::error!(%error, "cannot count sign-ins through a provider");
            return back_to_login("unavailable", &id);
        }
    }
    let now = OffsetDateTime::now_utc().unix_timestamp();
    // Where to go afterwards: only a path of this site is ever followed
    // (`auth::local_path`), and only a short one is kept.
    let next = form.next.filter(|next| next.len() <= 200);
    match provider.start(&providers.http, &callback(&state, &id), next, now).await {
        Ok((url, pending)) => {
            if let Err(error) = session.insert(PENDING, pending).await {
                tracing::error!(%error, "cannot keep a sign-in's state in the session");
                return back_to_login("unavailable", &id);
            }
            Redirect::to(&url).into_response()
        }
        Err(refusal) => refused(&id, refusal),
    }
}

#[derive(Deserialize)]
pub struct Answer {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// `GET /sign-in/{provider}/callback`: the provider's answer.
pub async fn callback_route(
    State(state): State<AppState>,
    Extension(providers): Extension<Arc<IdentityProviders>>,
    Path(id): Path<String>,
    session: Session,
    client: Option<Extension<app::state::ClientAddr>>,
    Query(answer): Query<Answer>,
) -> Response {
    let Some(provider) = providers.find(&id) else { return unknown_provider() };
    // Read, checked against the answer, and only then spent: a link from
    // elsewhere to this address cannot cancel a sign-in under way.
    let pending = match session.get::<Pending>(PENDING).await {
        Ok(pending) => pending,
        Err(error) => {
            tracing::error!(%error, "cannot read a sign-in's state from the session");
            return back_to_login("unavailable", &id);
        }
    };
    let now = OffsetDateTime::now_utc().unix_timestamp();
    let (Some(pending), Some(code), Some(returned)) = (pending, answer.code, answer.state) else {
        let reason = answer.error.as_deref().unwrap_or("no sign-in was started here, or no code came back");
        return refused(&id, Refusal::NotProven(reason.chars().take(100).collect()));
    };
    if !pending.answers(&id, &returned, now) || code.len() > 2048 {
        return refused(&id, Refusal::NotProven("the state differs, or the sign-in took too long".into()));
    }
    // One use: whatever happens next, this sign-in's state is spent.
    if let Err(error) = session.remove_value(PENDING).await {
        tracing::error!(%error, "cannot spend a sign-in's state");
        return back_to_login("unavailable", &id);
    }
    let next = pending.next.clone();
    let identity = match provider.finish(&providers.http, &callback(&state, &id), pending, &code).await {
        Ok(identity) => identity,
        Err(refusal) => return refused(&id, refusal),
    };
    let address = client.map(|Extension(found)| found.0.to_string());
    match signed_in_through(&state, &session, &identity, next, address, now).await {
        Ok(to) => {
            metrics::counter!("learn_identity_sign_ins_total", "provider" => id, "outcome" => "signed_in").increment(1);
            Redirect::to(&to).into_response()
        }
        Err(error) => {
            tracing::error!(?error, provider = %id, "a verified sign-in could not be completed");
            back_to_login("unavailable", &id)
        }
    }
}

/// Signs in the account `identity` is linked to, or keeps the identity for
/// the welcome page: where to go next.
async fn signed_in_through(
    state: &AppState,
    session: &Session,
    identity: &app::accounts::identities::Identity,
    next: Option<String>,
    address: Option<String>,
    now: i64,
) -> Result<String, app::error::AppError> {
    use app::accounts::identities;
    use app::error::AppError;
    match identities::linked_account(&state.db, identity).await.map_err(AppError::from)? {
        Some(account) => {
            let actor = app::accounts::Actor { user_id: Some(account.id), client_address: address };
            identities::record_sign_in(&state.db, account.id, identity, &actor).await.map_err(AppError::from)?;
            if let Some(old) = session.id() {
                state.kept_sessions.forget(&old.to_string());
            }
            app::auth::sign_in(session, account.id).await?;
            Ok(app::auth::local_path(next))
        }
        None => {
            let verified = Verified { identity: identity.clone(), at: now, next };
            session.insert(VERIFIED, verified).await.map_err(AppError::internal)?;
            Ok("/welcome".to_string())
        }
    }
}

fn unknown_provider() -> Response {
    (axum::http::StatusCode::NOT_FOUND, "No such identity provider.").into_response()
}

/// Where the provider sends people back to: registered with the provider
/// by the operator.
fn callback(state: &AppState, id: &str) -> String {
    format!("{}/sign-in/{id}/callback", state.public_url)
}

fn refused(id: &str, refusal: Refusal) -> Response {
    let (outcome, problem) = match &refusal {
        Refusal::Unreachable(_) => ("unreachable", "unavailable"),
        Refusal::NotProven(_) => ("refused", "failed"),
    };
    tracing::warn!(provider = %id, ?refusal, "sign-in through an identity provider refused");
    metrics::counter!("learn_identity_sign_ins_total", "provider" => id.to_string(), "outcome" => outcome).increment(1);
    back_to_login(problem, id)
}

/// The login page, saying which provider's sign-in did not work and how.
fn back_to_login(problem: &str, id: &str) -> Response {
    Redirect::to(&format!("/login?provider={id}&problem={problem}")).into_response()
}
