//! What every request can reach on the server.

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

use std::net::IpAddr;
use std::sync::Arc;

use crate::catalog::CatalogHandle;
use crate::db::Db;

/// Shared by every request: a clone is one reference count. axum clones
/// the state for every request and every handler that takes it; cloned
/// field by field (two strings, Leptos's options, the database handles),
/// that was a fifth of the server's time on a visitor's stored page.
#[derive(Clone, Debug)]
pub struct AppState(Arc<Shared>);

impl AppState {
    pub fn new(shared: Shared) -> AppState {
        AppState(Arc::new(shared))
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// What [`AppState`] holds.
#[derive(Debug)]
pub struct Shared {
    pub leptos_options: LeptosOptions,
    pub catalog: CatalogHandle,
    pub db: Db,
    /// Who is signed in to which session, kept for a minute (`kept_sessions`).
    pub kept_sessions: Arc<crate::kept_sessions::KeptSessions>,
    /// Served over https: cookies get `Secure`.
    pub secure_cookies: bool,
    pub policy: AccountPolicy,
    /// The address people reach the site at, without a trailing slash, for
    /// links that leave it (shared reset links, certificates).
    pub public_url: String,
    /// The programme's name, as certificates name their issuer.
    pub programme_name: String,
    /// The programme's logo (content type, bytes), if configured.
    pub programme_logo: Option<Arc<(&'static str, Vec<u8>)>>,
    /// The key Open Badges credentials are signed with.
    pub issuer: Arc<crate::credentials::IssuerKey>,
    /// The revocation list as last signed.
    pub status_list: Arc<crate::credentials::StatusListCache>,
    /// Lesson completions, written with group commit.
    pub completions: crate::learning::CompletionWriter,
    /// Breakdowns show smaller groups as "fewer than N".
    pub small_group_threshold: u64,
    /// The largest bulk enrolment file accepted, in bytes.
    pub import_max_bytes: usize,
    /// Where the courses come from, for the studio's publishing and previews.
    pub sources: Arc<crate::studio::live::Sources>,
    /// Partners' identity providers people may sign in with (OpenID
    /// Connect), as pages see them; the server keeps their secrets.
    pub identity_providers: Arc<Vec<crate::accounts::identities::ProviderListing>>,
    /// Partners' learning platforms (LTI) whose people have accounts
    /// here, under `lti:` and their ids: no secrets.
    pub lti_platforms: Arc<Vec<crate::accounts::identities::ProviderListing>>,
}

/// How long sign-ins and reset codes last (configurable; see `Settings`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AccountPolicy {
    /// A session unused this long ends (enforced by tower-sessions).
    pub idle_lifetime: time::Duration,
    /// A sign-in ends this long after it began, however much it is used
    /// (enforced in `auth::viewer`).
    pub absolute_lifetime: time::Duration,
    /// A password reset code works this long.
    pub reset_code_lifetime: time::Duration,
    /// The code a bulk enrolment gives a new account works this long.
    pub set_password_code_lifetime: time::Duration,
}

impl Default for AccountPolicy {
    /// Two weeks idle: a learner who studies weekly on their own phone stays
    /// signed in. Thirty days at most: a shared or lost phone does not stay
    /// signed in for ever. A day for reset codes: long enough to reach a
    /// learner after class, short enough that a lost slip of paper expires.
    fn default() -> Self {
        AccountPolicy {
            idle_lifetime: time::Duration::days(14),
            absolute_lifetime: time::Duration::days(30),
            reset_code_lifetime: time::Duration::hours(24),
            set_password_code_lifetime: time::Duration::days(30),
        }
    }
}

/// The address of the person (or program) making the request, as the
/// server worked it out (believing only configured proxies).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
