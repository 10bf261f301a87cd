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
use crate::state::AppState;

/// The session key of the signed-in user's id (also stored in its own
/// column, so that a person's sessions can be found and ended).
pub const USER_ID: &str = "user_id";
const SIGNED_IN_AT: &str = "signed_in_at";
/// The day (since 1970) the session was last used.
const ACTIVE_DAY: &str = "active_day";

/// The signed-in person, if any; an expired sign-in, or one whose account
/// was deleted, ends here. This is the one way to learn who is asking:
/// server functions reach it through [`authorize`], plain routes through
/// the server's guard.
pub async fn viewer(session: &Session, state: &AppState) -> Result<Option<Viewer>, AppError> {
    use sea_orm::{ColumnTrait, QueryFilter};
    let now = OffsetDateTime::now_utc().unix_timestamp();
    let today = now.div_euclid(86_400);
    let lifetime = state.policy.absolute_lifetime.whole_seconds();
    // A session without an id has no cookie: nobody, and nothing to read.
    let Some(id) = session.id().map(|id| id.to_string()) else { return Ok(None) };
    if let Some(kept) = state.signed_in.get(&id)
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
    let viewer = viewer_of(user);
    state.signed_in.keep(&id, viewer.clone(), signed_in_at, today);
    Ok(Some(viewer))
}

/// An account as the person acting: who they are, for the access rules.
pub fn viewer_of(user: user::Model) -> Viewer {
    Viewer {
        id: user.id,
        username: user.username,
        display_name: user.display_name,
        role: Role::parse(&user.role).unwrap_or_default(),
        language: user.language.as_deref().and_then(crate::language::Language::from_code),
        organisation: user.organisation_id,
    }
}

/// Signs `user_id` in with a new session id (so that an id planted before
/// sign-in is worthless after it).
pub async fn sign_in(session: &Session, user_id: i64) -> Result<(), AppError> {
    // Whoever this session was before is forgotten with its old id.
    if let (Some(state), Some(old)) = (leptos::prelude::use_context::<AppState>(), session.id()) {
        state.signed_in.forget(&old.to_string());
    }
    session.cycle_id().await.map_err(AppError::internal)?;
    session.insert(USER_ID, user_id).await.map_err(AppError::internal)?;
    let now = OffsetDateTime::now_utc().unix_timestamp();
    session.insert(SIGNED_IN_AT, now).await.map_err(AppError::internal)?;
    session.insert(ACTIVE_DAY, now.div_euclid(86_400)).await.map_err(AppError::internal)?;
    Ok(())
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
    crate::signed_in::revoke_everywhere(&state.db.writer).await.map_err(AppError::internal)?;
    state.signed_in.forget_all();
    Ok(())
}

/// Who may call a server function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Anyone, signed in or not (reading open courses, signing in).
    Anyone,
    /// Any signed-in person, acting on their own data only.
    SignedIn,
    /// Signed in with at least this role (admin ≥ manager ≥ instructor ≥ learner).
    AtLeast(Role),
}

impl Rule {
    pub fn allows(self, viewer: Option<&Viewer>) -> bool {
        match (self, viewer) {
            (Rule::Anyone, _) => true,
            (_, None) => false,
            (Rule::SignedIn, Some(_)) => true,
            (Rule::AtLeast(role), Some(viewer)) => viewer.role >= role,
        }
    }
}

/// Every server function and who may call it. A server function without a
/// line here refuses everyone (and a test fails), so a new one cannot be
/// forgotten.
pub const SERVER_FUNCTIONS: &[(&str, Rule)] = &[
    ("/api/courses", Rule::Anyone),
    ("/api/course", Rule::Anyone),
    ("/api/lesson", Rule::Anyone),
    ("/api/register", Rule::Anyone),
    ("/api/login", Rule::Anyone),
    ("/api/logout", Rule::Anyone),
    ("/api/save_language", Rule::SignedIn),
    ("/api/change_password", Rule::SignedIn),
    ("/api/delete_account", Rule::SignedIn),
    ("/api/save_profile", Rule::SignedIn),
    ("/api/withdraw_consent", Rule::SignedIn),
    ("/api/my_profile", Rule::SignedIn),
    ("/api/redeem_reset_code", Rule::Anyone),
    ("/api/users_page", Rule::AtLeast(Role::Manager)),
    // Instructors for the learners of their cohorts, managers for learners
    // and instructors, administrators for anyone: checked inside.
    ("/api/issue_reset_code", Rule::AtLeast(Role::Instructor)),
    ("/api/change_role", Rule::AtLeast(Role::Admin)),
    ("/api/audit_log", Rule::AtLeast(Role::Admin)),
    // The learner's own enrolments, progress and attempts: always the
    // signed-in person's, never anyone else's.
    ("/api/enrol", Rule::SignedIn),
    ("/api/unenrol", Rule::SignedIn),
    ("/api/complete_lesson", Rule::SignedIn),
    ("/api/submit_quiz", Rule::SignedIn),
    ("/api/my_courses", Rule::SignedIn),
    ("/api/join_cohort", Rule::SignedIn),
    // Instructors see the cohorts of the courses that list them (checked inside).
    ("/api/cohorts", Rule::AtLeast(Role::Instructor)),
    ("/api/cohort", Rule::AtLeast(Role::Instructor)),
    ("/api/create_cohort", Rule::AtLeast(Role::Manager)),
    ("/api/my_certificate", Rule::SignedIn),
    ("/api/verify_certificate", Rule::Anyone),
    ("/api/revoke_certificate", Rule::AtLeast(Role::Manager)),
    // Managers of one organisation see only its cohorts (narrowed inside).
    ("/api/dashboard", Rule::AtLeast(Role::Manager)),
    // Instructors see the courses that list them, and only those.
    ("/api/teach", Rule::AtLeast(Role::Instructor)),
    // Each manager's own files (administrators': anyone's), checked inside.
    ("/api/imports_page", Rule::AtLeast(Role::Manager)),
    ("/api/import_report", Rule::AtLeast(Role::Manager)),
    ("/api/apply_import", Rule::AtLeast(Role::Manager)),
    ("/api/forget_import_codes", Rule::AtLeast(Role::Manager)),
    // Programme-wide managers create organisations (checked inside);
    // administrators scope managers to them.
    ("/api/organisations", Rule::AtLeast(Role::Manager)),
    ("/api/create_organisation", Rule::AtLeast(Role::Manager)),
    ("/api/assign_organisation", Rule::AtLeast(Role::Admin)),
];

/// The one authorisation guard: every server function calls it first with
/// its own path, and gets the signed-in person (if any) when allowed.
pub async fn authorize(path: &str) -> Result<Option<Viewer>, AppError> {
    let Some(&(_, rule)) = SERVER_FUNCTIONS.iter().find(|(known, _)| *known == path) else {
        tracing::error!(path, "server function without an authorisation rule refused");
        return Err(AppError::Forbidden);
    };
    // Open functions do not read the session: no database work for visitors.
    let viewer = if rule == Rule::Anyone {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn person(role: Role) -> Viewer {
        Viewer { id: 1, username: "x".into(), display_name: "X".into(), role, language: None, organisation: None }
    }

    #[test]
    fn every_server_function_has_an_authorisation_rule() {
        let registered: Vec<&str> = leptos::server_fn::axum::server_fn_paths().map(|(path, _)| path).collect();
        assert!(registered.len() >= 7, "found only {registered:?}");
        for path in &registered {
            assert!(
                SERVER_FUNCTIONS.iter().any(|(known, _)| known == path),
                "server function {path} has no line in auth::SERVER_FUNCTIONS"
            );
        }
        for (known, _) in SERVER_FUNCTIONS {
            assert!(registered.contains(known), "{known} is in the table but no server function has that path");
        }
    }

    #[test]
    fn roles_and_rules() {
        let visitor = None;
        let learner = person(Role::Learner);
        let instructor = person(Role::Instructor);
        let manager = person(Role::Manager);
        let admin = person(Role::Admin);
        assert!(Rule::Anyone.allows(visitor));
        assert!(!Rule::SignedIn.allows(visitor));
        assert!(Rule::SignedIn.allows(Some(&learner)));
        assert!(!Rule::AtLeast(Role::Instructor).allows(Some(&learner)));
        assert!(Rule::AtLeast(Role::Instructor).allows(Some(&instructor)));
        assert!(!Rule::AtLeast(Role::Manager).allows(Some(&instructor)));
        assert!(Rule::AtLeast(Role::Manager).allows(Some(&admin)));
        assert!(!Rule::AtLeast(Role::Admin).allows(Some(&manager)));
    }
}
