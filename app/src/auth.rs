//! Who is asking: the person signed in to a session. Sessions end after a
//! time without use (tower-sessions' expiry) and, whatever the use, a time
//! after signing in (checked here from the time kept in the session), so
//! that a shared phone does not stay signed in for ever. Both are in
//! [`AccountPolicy`](crate::state::AccountPolicy).

use sea_orm::EntityTrait;
use time::OffsetDateTime;
use tower_sessions::Session;

use crate::entities::user;
use crate::error::AppError;
use crate::model::{Role, Viewer};
use crate::policy::Rule;
use crate::state::AppState;

/// The session key of the signed-in user's id (also stored in its own
/// column, so that a person's sessions can be found and ended).
pub const USER_ID: &str = "user_id";
const SIGNED_IN_AT: &str = "signed_in_at";
/// How many wrong passwords were tried for the account before this
/// sign-in; the account page tells the owner.
const FAILED_SIGN_INS: &str = "failed_sign_ins";

/// How a session is kept in the database: by the SHA-256 of its id, so
/// that a copy of the database (a backup) holds no cookie that signs
/// anyone in.
#[cfg(feature = "ssr")]
pub fn stored_session_id(id: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(id.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}
/// The day (since 1970) the session was last used.
const ACTIVE_DAY: &str = "active_day";

/// The signed-in person, if any; an expired sign-in, or one whose account
/// was deleted, ends here. This is the one way to learn who is asking:
/// server functions reach it through `api::rules::authorize`, plain routes through
/// the server's guard.
pub async fn viewer(session: &Session, state: &AppState) -> Result<Option<Viewer>, AppError> {
    use sea_orm::{ColumnTrait, QueryFilter};
    let now = OffsetDateTime::now_utc().unix_timestamp();
    let today = now.div_euclid(86_400);
    let lifetime = state.policy.absolute_lifetime.whole_seconds();
    // A session without an id has no cookie: nobody, and nothing to read.
    let Some(id) = session.id().map(|id| id.to_string()) else { return Ok(None) };
    if let Some(kept) = state.kept_sessions.get(&id)
        && kept.active_day == today
        && now - kept.signed_in_at <= lifetime
    {
        return Ok(Some(kept.viewer));
    }
    let db = &state.db;
    let Some(user_id) = session.get::<i64>(USER_ID).await.map_err(AppError::internal)? else { return Ok(None) };
    let signed_in_at = session.get::<i64>(SIGNED_IN_AT).await.map_err(AppError::internal)?.unwrap_or(0);
    let too_old = now - signed_in_at > lifetime;
    let user = if too_old {
        None
    } else {
        user::Entity::find_by_id(user_id)
            .filter(user::Column::DeletedAt.is_null())
            .one(&db.reader)
            .await
            .map_err(AppError::internal)?
    };
    let Some(user) = user else {
        // Expired, or the account is gone: sign out.
        session.flush().await.map_err(AppError::internal)?;
        return Ok(None);
    };
    // The idle lifetime slides: once a day of use, the session is saved
    // again, which moves its expiry (in the store and in the cookie) a
    // whole idle lifetime on. Once a day, not every request: a write per
    // page would cost more than it is worth.
    if session.get::<i64>(ACTIVE_DAY).await.map_err(AppError::internal)? != Some(today) {
        session.insert(ACTIVE_DAY, today).await.map_err(AppError::internal)?;
    }
    let Ok(viewer) = viewer_of(user) else {
        // An unknown role (logged by `viewer_of`): nobody, until an
        // administrator gives the account a role again.
        session.flush().await.map_err(AppError::internal)?;
        return Ok(None);
    };
    state.kept_sessions.keep(&id, viewer.clone(), signed_in_at, today);
    Ok(Some(viewer))
}

/// An account as the person acting: who they are, for the access rules.
/// An account whose role is unknown acts as nobody: the error is logged.
pub fn viewer_of(user: user::Model) -> Result<Viewer, AppError> {
    Ok(Viewer {
        id: user.id,
        role: Role::stored(&user.role).map_err(AppError::internal)?,
        username: user.username,
        display_name: user.display_name,
        language: user.language.as_deref().and_then(crate::language::Language::from_code),
        organisation: user.organisation_id,
    })
}

/// Signs `user_id` in with a new session id (so that an id planted before
/// sign-in is worthless after it).
pub async fn sign_in(session: &Session, user_id: i64) -> Result<(), AppError> {
    // Whoever this session was before is forgotten with its old id.
    if let (Some(state), Some(old)) = (leptos::prelude::use_context::<AppState>(), session.id()) {
        state.kept_sessions.forget(&old.to_string());
    }
    session.cycle_id().await.map_err(AppError::internal)?;
    // A provider's answer waiting for someone's choice is not the new
    // person's to use (a shared phone).
    session.remove_value(crate::accounts::identities::VERIFIED).await.map_err(AppError::internal)?;
    session.insert(USER_ID, user_id).await.map_err(AppError::internal)?;
    let now = OffsetDateTime::now_utc().unix_timestamp();
    session.insert(SIGNED_IN_AT, now).await.map_err(AppError::internal)?;
    session.insert(ACTIVE_DAY, now.div_euclid(86_400)).await.map_err(AppError::internal)?;
    Ok(())
}

/// Where to go after signing in: a path on this site, else the home page
/// (never another site: `//host` and `/\host` are refused).
pub fn local_path(next: Option<String>) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.starts_with("/\\")
                && path.len() <= 200
                && !path.chars().any(|c| c.is_control()) =>
        {
            path
        }
        _ => "/".to_string(),
    }
}

/// How long ago this session signed in, in seconds.
pub async fn signed_in_seconds_ago(session: &Session) -> Result<i64, AppError> {
    let at = session.get::<i64>(SIGNED_IN_AT).await.map_err(AppError::internal)?.unwrap_or(0);
    Ok(OffsetDateTime::now_utc().unix_timestamp() - at)
}

/// Keeps, for this sign-in, how many wrong passwords were tried before it.
pub async fn remember_failed_sign_ins(session: &Session, count: u64) -> Result<(), AppError> {
    let count = u32::try_from(count).unwrap_or(u32::MAX);
    session.insert(FAILED_SIGN_INS, count).await.map_err(AppError::internal)
}

/// How many wrong passwords were tried before this sign-in.
pub async fn failed_sign_ins(session: &Session) -> Result<u32, AppError> {
    Ok(session.get::<u32>(FAILED_SIGN_INS).await.map_err(AppError::internal)?.unwrap_or(0))
}

/// The signed-in person, for functions open to anyone that show more to
/// someone signed in (their progress on a course page).
pub async fn current_viewer() -> Result<Option<Viewer>, AppError> {
    let state = leptos::prelude::expect_context::<AppState>();
    let Ok(session) = leptos_axum::extract::<Session>().await else { return Ok(None) };
    viewer(&session, &state).await
}

/// Who is acting in this request, for the audit log: the signed-in person
/// (if any) and the client's address.
pub async fn acting(viewer: Option<&Viewer>) -> crate::accounts::Actor {
    use crate::state::ClientAddr;
    let address = leptos_axum::extract::<axum::Extension<ClientAddr>>().await.ok().map(|found| found.0.0.to_string());
    crate::accounts::Actor { user_id: viewer.map(|viewer| viewer.id), client_address: address }
}

/// The value of the request's cookie `name`, if it sent one.
pub async fn request_cookie(name: &str) -> Option<String> {
    let headers: axum::http::HeaderMap = leptos_axum::extract().await.ok()?;
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|header| header.to_str().ok())
        .flat_map(|header| header.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(found, _)| *found == name)
        .map(|(_, value)| value.to_string())
}

/// Adds a `Set-Cookie` to the current response.
pub fn set_cookie(cookie: &str) {
    if let (Some(response), Ok(value)) =
        (leptos::prelude::use_context::<leptos_axum::ResponseOptions>(), axum::http::HeaderValue::from_str(cookie))
    {
        response.append_header(axum::http::header::SET_COOKIE, value);
    }
}

/// The current response holds a secret shown once (a reset code, the
/// set-password codes of an import): no cache, the browser's own included,
/// keeps it (`private, no-store`, not the pages' `no-cache`).
pub fn do_not_store() {
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("private, no-store"),
        );
    }
}

/// Ends the session: deleted from the store, cookie removed, and every
/// instance forgets who it was.
pub async fn sign_out(session: &Session) -> Result<(), AppError> {
    let state = leptos::prelude::expect_context::<AppState>();
    session.flush().await.map_err(AppError::internal)?;
    changed_who_is_who(&state).await
}

/// After a change to sessions or to who someone is: this instance forgets
/// at once, the others within a second.
pub async fn changed_who_is_who(state: &AppState) -> Result<(), AppError> {
    crate::kept_sessions::revoke_everywhere(&state.db.writer).await.map_err(AppError::internal)?;
    state.kept_sessions.forget_all();
    Ok(())
}

/// Whoever is asking, if `rule` allows them (see `api::rules`, which
/// every server function goes through first).
pub async fn check(rule: Rule) -> Result<Option<Viewer>, AppError> {
    // Open functions do not read the session: no database work for visitors.
    let viewer = if rule.is_open() {
        None
    } else {
        let state = leptos::prelude::expect_context::<AppState>();
        let session: Session = leptos_axum::extract().await.map_err(AppError::internal)?;
        viewer(&session, &state).await?
    };
    if !rule.allows(viewer.as_ref()) {
        return Err(if viewer.is_none() { AppError::Unauthorized } else { AppError::Forbidden });
    }
    Ok(viewer)
}
