//! An LTI 1.3 tool: partners' learning platforms (Moodle, Canvas, Open
//! edX) place our courses in theirs, and scores come back.
//!
//! - `GET|POST /lti/login`: the platform starts a launch (OpenID Connect
//!   third-party initiated login); a one-use `state` (kept in the
//!   database and in a cookie of this browser) and a `nonce` go to the
//!   platform's authentication address.
//! - `POST /lti/launch`: the platform's form post of the ID token
//!   (`launch`): the state is spent, the token checked; a learner is
//!   signed in (an account of the platform's, made the first time, no
//!   password), enrolled and sent to the course or lesson; an
//!   instructor's deep-linking request gets the picker (`picker`).
//! - `POST /lti/deep-link`: the instructor's pick, answered with a signed
//!   deep-linking response for the platform.
//! - `GET /lti/jwks.json`: this tool's public key.
//!
//! Scores go back from `scores`, the background sender.

pub mod config;
pub mod keys;
pub mod launch;
pub mod picker;
pub mod scores;

use std::sync::Arc;

use app::accounts::identities::{self, Identity, ProviderListing};
use app::language::Language;
use app::state::AppState;
use axum::Extension;
use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use serde::Deserialize;
use time::{Duration, OffsetDateTime};
use tower_sessions::Session;

use app::entities::{lti_deep_link, lti_launch_state};
use config::PlatformConfig;
use launch::{KeySet, Message, Refusal};

/// The cookies that tie a launch's state to the browser that started it,
/// one a launch (named by the state's hash, so that two launches at once
/// do not overwrite each other). `__Host-`: no other site of the domain
/// can set one; `SameSite=None`: the launch comes back as the platform's
/// form post; `Partitioned`: kept even where third-party cookies are not,
/// for the LMS that opens the tool in a frame.
const STATE_COOKIE: &str = "__Host-lti-state-";
/// How long a launch may take from start to the platform's answer.
const LAUNCH_SECONDS: i64 = 10 * 60;
/// How long an instructor may take to pick what to place.
const PICK_SECONDS: i64 = 60 * 60;

/// This tool as partners' platforms see it: their registrations, our key.
pub struct LtiTool {
    platforms: Vec<Platform>,
    /// None when no platform is registered.
    key: Option<keys::ToolKey>,
    http: reqwest::Client,
}

/// A registered platform, its keys and its last access token.
pub struct Platform {
    pub config: PlatformConfig,
    keys: KeySet,
    token: tokio::sync::Mutex<Option<(std::time::Instant, String)>>,
}

impl LtiTool {
    pub fn new(registrations: config::Registrations) -> Result<LtiTool, String> {
        let key = keys::ToolKey::from_pem(&registrations.tool_key_pem)?;
        let platforms = registrations
            .platforms
            .into_iter()
            .map(|config| Platform { config, keys: KeySet::default(), token: Default::default() })
            .collect();
        Ok(LtiTool { platforms, key: Some(key), http: crate::identity::oidc::http_client() })
    }

    /// No platform registered: every launch is refused.
    pub fn none() -> LtiTool {
        LtiTool { platforms: Vec::new(), key: None, http: crate::identity::oidc::http_client() }
    }

    pub fn platforms(&self) -> &[Platform] {
        &self.platforms
    }

    fn find(&self, id: &str) -> Option<&Platform> {
        self.platforms.iter().find(|platform| platform.config.id == id)
    }

    /// The one platform of `issuer` (and `client_id`, when the platform
    /// names it: one issuer may register this tool more than once).
    fn of_issuer(&self, issuer: &str, client_id: Option<&str>) -> Option<&Platform> {
        let mut matching = self.platforms.iter().filter(|platform| {
            platform.config.issuer == issuer && client_id.is_none_or(|id| platform.config.client_id == id)
        });
        let first = matching.next()?;
        matching.next().is_none().then_some(first)
    }

    /// What pages need of each platform (the account page names its
    /// links), with the organisation its learners join made sure of.
    pub async fn listing(&self, db: &app::db::Db) -> Result<Vec<ProviderListing>, sea_orm::DbErr> {
        let mut listing = Vec::new();
        for platform in &self.platforms {
            let organisation = match &platform.config.organisation {
                Some(name) => Some(app::organisations::ensure_named(db, name).await?),
                None => None,
            };
            listing.push(ProviderListing {
                id: provider_id(&platform.config.id),
                names: platform.config.names.clone(),
                organisation,
            });
        }
        Ok(listing)
    }
}

/// How a platform's people are linked to accounts (`identity_links`):
/// `lti:` and its id, never an identity provider's id (those have no `:`).
pub fn provider_id(platform: &str) -> String {
    format!("lti:{platform}")
}

/// What a platform sends to start a launch.
#[derive(Deserialize)]
pub struct Initiation {
    iss: Option<String>,
    login_hint: Option<String>,
    target_link_uri: Option<String>,
    lti_message_hint: Option<String>,
    client_id: Option<String>,
}

/// `GET /lti/login`.
pub async fn login_by_link(
    State(state): State<AppState>,
    Extension(tool): Extension<Arc<LtiTool>>,
    client: Option<Extension<app::state::ClientAddr>>,
    Query(initiation): Query<Initiation>,
) -> Response {
    login(&state, &tool, client, initiation).await
}

/// `POST /lti/login` (platforms may use either).
pub async fn login_by_form(
    State(state): State<AppState>,
    Extension(tool): Extension<Arc<LtiTool>>,
    client: Option<Extension<app::state::ClientAddr>>,
    Form(initiation): Form<Initiation>,
) -> Response {
    login(&state, &tool, client, initiation).await
}

async fn login(
    state: &AppState,
    tool: &LtiTool,
    client: Option<Extension<app::state::ClientAddr>>,
    initiation: Initiation,
) -> Response {
    let bounded = |value: &Option<String>, most: usize| value.as_ref().is_none_or(|value| value.len() <= most);
    let (Some(issuer), Some(login_hint)) = (initiation.iss.as_deref(), initiation.login_hint.as_deref()) else {
        return plain(StatusCode::BAD_REQUEST, "An LTI launch needs iss and login_hint.");
    };
    let fits = bounded(&initiation.iss, 500)
        && bounded(&initiation.login_hint, 1000)
        && bounded(&initiation.lti_message_hint, 2000)
        && bounded(&initiation.client_id, 500)
        && bounded(&initiation.target_link_uri, 1000);
    if !fits {
        return plain(StatusCode::BAD_REQUEST, "A field of this LTI launch is too long.");
    }
    let Some(platform) = tool.of_issuer(issuer, initiation.client_id.as_deref()) else {
        metrics::counter!("learn_lti_launches_total", "platform" => "unknown", "outcome" => "refused").increment(1);
        return plain(StatusCode::NOT_FOUND, "This learning platform is not registered here.");
    };
    use app::accounts::limits::{self, Limit};
    let address = limits::address_key(&client.map(|Extension(found)| found.0.to_string()).unwrap_or_default());
    match limits::take(&state.db, Limit::PlatformLaunch, &address).await {
        Ok(Ok(())) => {}
        Ok(Err(_)) => return plain(StatusCode::TOO_MANY_REQUESTS, "Too many launches at once: try again shortly."),
        Err(error) => return unavailable(error),
    }
    let secret = || app::codes::generate(32);
    let (state_value, nonce) = (secret(), secret());
    let now = OffsetDateTime::now_utc();
    // Launches never finished are forgotten as new ones start.
    let stale = lti_launch_state::Entity::delete_many()
        .filter(lti_launch_state::Column::CreatedAt.lt(now - Duration::seconds(LAUNCH_SECONDS)))
        .exec(&state.db.writer)
        .await;
    let kept = lti_launch_state::Entity::insert(lti_launch_state::ActiveModel {
        state_hash: Set(hash(&state_value)),
        platform: Set(platform.config.id.clone()),
        nonce: Set(nonce.clone()),
        created_at: Set(now),
    })
    .exec_without_returning(&state.db.writer)
    .await;
    if let Err(error) = stale.and(kept) {
        return unavailable(error);
    }
    let mut url = match reqwest::Url::parse(&platform.config.login_url) {
        Ok(url) => url,
        Err(_) => return plain(StatusCode::INTERNAL_SERVER_ERROR, "This platform's login address is not valid."),
    };
    {
        let mut query = url.query_pairs_mut();
        query
            .append_pair("scope", "openid")
            .append_pair("response_type", "id_token")
            .append_pair("response_mode", "form_post")
            .append_pair("prompt", "none")
            .append_pair("client_id", &platform.config.client_id)
            .append_pair("redirect_uri", &format!("{}/lti/launch", state.public_url))
            .append_pair("login_hint", login_hint)
            .append_pair("state", &state_value)
            .append_pair("nonce", &nonce);
        if let Some(hint) = &initiation.lti_message_hint {
            query.append_pair("lti_message_hint", hint);
        }
    }
    let cookie = format!(
        "{}={state_value}; Path=/; Max-Age={LAUNCH_SECONDS}; HttpOnly; Secure; SameSite=None; Partitioned",
        state_cookie(&state_value)
    );
    ([(header::SET_COOKIE, cookie)], Redirect::to(url.as_str())).into_response()
}

/// The platform's form post.
#[derive(Deserialize)]
pub struct LaunchForm {
    id_token: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// `POST /lti/launch`.
pub async fn launch_route(
    State(state): State<AppState>,
    Extension(tool): Extension<Arc<LtiTool>>,
    session: Session,
    client: Option<Extension<app::state::ClientAddr>>,
    language: Option<Extension<Language>>,
    headers: HeaderMap,
    Form(form): Form<LaunchForm>,
) -> Response {
    let language = language.map(|Extension(language)| language).unwrap_or_default();
    let (Some(id_token), Some(returned)) = (form.id_token, form.state) else {
        let reason = form.error.unwrap_or_else(|| "no id_token or state".into());
        tracing::warn!(reason = %reason.chars().take(100).collect::<String>(), "LTI launch without a token");
        return picker::problem(language, picker::Problem::Failed);
    };
    if id_token.len() > 16 * 1024 || returned.len() > 100 {
        return picker::problem(language, picker::Problem::Failed);
    }
    // Whether this is the browser that started the launch: a token posted
    // into another browser (to sign its owner in as someone else) finds
    // no cookie there. Deep linking signs nobody in, and an LMS's dialog
    // may not keep the cookie: it goes on without (state and nonce still
    // one use); a resource link does not.
    let cookie_name = state_cookie(&returned);
    let same_browser = cookie(&headers, &cookie_name).is_some_and(|kept| hash(&kept) == hash(&returned));
    let spent = match spend_state(&state, &returned).await {
        Ok(spent) => spent,
        Err(error) => return unavailable(error),
    };
    let Some((platform_id, nonce)) = spent else {
        metrics::counter!("learn_lti_launches_total", "platform" => "unknown", "outcome" => "expired").increment(1);
        return picker::problem(language, picker::Problem::Expired);
    };
    let Some(platform) = tool.find(&platform_id) else {
        return picker::problem(language, picker::Problem::Expired);
    };
    let message = match launch::check(&platform.config, &platform.keys, &tool.http, &id_token, &nonce).await {
        Ok(message) => message,
        Err(refusal) => {
            tracing::warn!(platform = %platform_id, ?refusal, "LTI launch refused");
            let (outcome, problem) = match refusal {
                Refusal::Unreachable(_) => ("unreachable", picker::Problem::Unavailable),
                Refusal::NotProven(_) => ("refused", picker::Problem::Failed),
            };
            metrics::counter!("learn_lti_launches_total", "platform" => platform_id, "outcome" => outcome).increment(1);
            return picker::problem(language, problem);
        }
    };
    let address = client.map(|Extension(found)| found.0.to_string());
    let outcome = match message {
        Message::ResourceLink { .. } if !same_browser => {
            tracing::warn!(platform = %platform_id, "an LTI launch posted into a browser that did not start it");
            metrics::counter!("learn_lti_launches_total", "platform" => platform_id, "outcome" => "expired")
                .increment(1);
            return picker::problem(language, picker::Problem::Expired);
        }
        Message::ResourceLink { subject, name: person, username_hint, learner, course, lesson, lineitem } => {
            let identity = Identity { provider: provider_id(&platform_id), subject, name: person, username_hint };
            let opened = Opened { course, lesson, lineitem };
            open(&state, &session, &identity, learner, opened, address, language).await
        }
        Message::DeepLinking { deployment_id, return_url, data } => {
            picker::offer(&state, &platform.config, deployment_id, return_url, data, language).await
        }
    };
    match outcome {
        Ok((kind, mut response)) => {
            metrics::counter!("learn_lti_launches_total", "platform" => platform_id, "outcome" => kind).increment(1);
            // The state is spent: its cookie goes too.
            let gone = format!("{cookie_name}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=None; Partitioned");
            if let Ok(gone) = axum::http::HeaderValue::from_str(&gone) {
                response.headers_mut().append(header::SET_COOKIE, gone);
            }
            response
        }
        Err(error) => {
            tracing::error!(?error, platform = %platform_id, "a checked LTI launch could not be completed");
            picker::problem(language, picker::Problem::Unavailable)
        }
    }
}

/// What a resource link opens, and where its score goes.
struct Opened {
    course: Option<String>,
    lesson: Option<String>,
    lineitem: Option<String>,
}

/// A learner is signed in (their account made the first time), enrolled
/// and sent to the course; anyone else (an instructor trying the link)
/// sees the course as a visitor: the platform's roles give no rights here.
async fn open(
    state: &AppState,
    session: &Session,
    identity: &Identity,
    learner: bool,
    opened: Opened,
    address: Option<String>,
    language: Language,
) -> Result<(&'static str, Response), app::error::AppError> {
    use app::error::AppError;
    let catalog = state.catalog.current();
    let course = opened.course.as_deref().and_then(|id| catalog.course(id)).cloned();
    let to = match (&course, &opened.lesson) {
        (Some(course), Some(lesson)) if course.lesson(lesson).is_some() => format!("/courses/{}/{lesson}", course.id),
        (Some(course), _) => format!("/courses/{}", course.id),
        (None, _) => "/".to_string(),
    };
    if !learner {
        return Ok(("visitor", Redirect::to(&to).into_response()));
    }
    let organisation = state
        .lti_platforms
        .iter()
        .find(|platform| platform.id == identity.provider)
        .and_then(|platform| platform.organisation);
    let (account, outcome) = match identities::linked_account(&state.db, identity).await.map_err(AppError::from)? {
        Some(account) => (account, "signed_in"),
        None => {
            let actor = app::accounts::Actor { user_id: None, client_address: address.clone() };
            match identities::create_linked_account(&state.db, identity, organisation, Some(language), &actor).await {
                Ok(account) => {
                    metrics::counter!("learn_identity_accounts_total", "provider" => identity.provider.clone(), "how" => "created")
                        .increment(1);
                    (account, "account_created")
                }
                // A first launch of the same person at the same moment
                // (two tabs) made it: that account.
                Err(app::accounts::AccountError::AlreadyLinked) => {
                    let account = identities::linked_account(&state.db, identity).await.map_err(AppError::from)?;
                    (account.ok_or(AppError::NotFound)?, "signed_in")
                }
                Err(error) => return Err(AppError::from(error)),
            }
        }
    };
    // Only a learner's account is opened by a platform: one an
    // administrator has since made staff signs in with its own password,
    // so that no platform's launch ever carries staff rights here.
    if account.role != app::model::Role::Learner.as_str() {
        tracing::warn!(user = account.id, "an LTI launch for an account that is now staff: shown as a visitor");
        return Ok(("visitor", Redirect::to(&to).into_response()));
    }
    let actor = app::accounts::Actor { user_id: Some(account.id), client_address: address };
    identities::record_sign_in(&state.db, account.id, identity, &actor).await.map_err(AppError::from)?;
    if let Some(old) = session.id() {
        state.kept_sessions.forget(&old.to_string());
    }
    app::auth::sign_in(session, account.id).await?;
    if let Some(course) = &course {
        match app::learning::enrol(&state.db, course, account.id).await {
            // A course that takes a code: the learner gives it on its page.
            Ok(()) | Err(app::learning::LearningError::CodeOnly) => {}
            Err(error) => return Err(AppError::from(error)),
        }
        if let Some(lineitem) = &opened.lineitem {
            let platform = identity.provider.trim_start_matches("lti:");
            app::learning::grades::remember_column(
                &state.db,
                course,
                account.id,
                platform,
                &identity.subject,
                lineitem,
            )
            .await
            .map_err(AppError::internal)?;
        }
    }
    Ok((outcome, Redirect::to(&to).into_response()))
}

/// Spends a launch's state (one use, at most [`LAUNCH_SECONDS`] old):
/// the platform it went to and the nonce the token must carry.
async fn spend_state(state: &AppState, returned: &str) -> Result<Option<(String, String)>, sea_orm::DbErr> {
    let hashed = hash(returned);
    let Some(row) = lti_launch_state::Entity::find_by_id(hashed.clone()).one(&state.db.writer).await? else {
        return Ok(None);
    };
    let deleted = lti_launch_state::Entity::delete_by_id(hashed).exec(&state.db.writer).await?;
    let fresh = OffsetDateTime::now_utc() - row.created_at <= Duration::seconds(LAUNCH_SECONDS);
    // Two posts of one token at once: only the one that deleted it goes on.
    Ok((deleted.rows_affected == 1 && fresh).then_some((row.platform, row.nonce)))
}

/// A deep-linking request kept for the instructor's pick: the token the
/// picker's form carries.
async fn keep_deep_link(
    state: &AppState,
    platform: &PlatformConfig,
    deployment_id: String,
    return_url: String,
    data: Option<String>,
) -> Result<String, sea_orm::DbErr> {
    let token = app::codes::generate(32);
    let now = OffsetDateTime::now_utc();
    lti_deep_link::Entity::delete_many()
        .filter(lti_deep_link::Column::CreatedAt.lt(now - Duration::seconds(PICK_SECONDS)))
        .exec(&state.db.writer)
        .await?;
    lti_deep_link::Entity::insert(lti_deep_link::ActiveModel {
        token_hash: Set(hash(&token)),
        platform: Set(platform.id.clone()),
        deployment_id: Set(deployment_id),
        return_url: Set(return_url),
        data: Set(data),
        created_at: Set(now),
    })
    .exec_without_returning(&state.db.writer)
    .await?;
    Ok(token)
}

/// Spends a kept deep-linking request.
async fn spend_deep_link(state: &AppState, token: &str) -> Result<Option<lti_deep_link::Model>, sea_orm::DbErr> {
    let hashed = hash(token);
    let Some(row) = lti_deep_link::Entity::find_by_id(hashed.clone()).one(&state.db.writer).await? else {
        return Ok(None);
    };
    let deleted = lti_deep_link::Entity::delete_by_id(hashed).exec(&state.db.writer).await?;
    let fresh = OffsetDateTime::now_utc() - row.created_at <= Duration::seconds(PICK_SECONDS);
    Ok((deleted.rows_affected == 1 && fresh).then_some(row))
}

/// `GET /lti/jwks.json`: this tool's public key.
pub async fn jwks(Extension(tool): Extension<Arc<LtiTool>>) -> Response {
    let Some(key) = &tool.key else { return plain(StatusCode::NOT_FOUND, "No LTI platform is registered here.") };
    (
        [(header::CONTENT_TYPE, "application/json"), (header::CACHE_CONTROL, "public, max-age=300")],
        key.jwks().to_string(),
    )
        .into_response()
}

fn hash(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes()).iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The name of the cookie that keeps `state`.
fn state_cookie(state: &str) -> String {
    format!("{STATE_COOKIE}{}", &hash(state)[..16])
}

/// The value of cookie `name` in the request, if sent.
fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_string())
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response()
}

fn unavailable(error: sea_orm::DbErr) -> Response {
    tracing::error!(%error, "an LTI launch could not be kept");
    plain(StatusCode::SERVICE_UNAVAILABLE, "Launches cannot be taken right now: try again shortly.")
}
