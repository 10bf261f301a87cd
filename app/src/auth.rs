//! Who is asking: the person signed in to a session. Sessions end after 14
//! days without use (tower-sessions' expiry) and, whatever the use, 30 days
//! after signing in (checked here from the time kept in the session), so
//! that a shared phone does not stay signed in for ever.

use sea_orm::EntityTrait;
use time::{Duration, OffsetDateTime};
use tower_sessions::Session;

use crate::db::Db;
use crate::entities::user;
use crate::error::AppError;
use crate::model::{Role, Viewer};

/// The session key of the signed-in user's id (also stored in its own
/// column, so that a person's sessions can be found and ended).
pub const USER_ID: &str = "user_id";
const SIGNED_IN_AT: &str = "signed_in_at";

pub const IDLE_LIFETIME: Duration = Duration::days(14);
pub const ABSOLUTE_LIFETIME: Duration = Duration::days(30);

/// The signed-in person, if any; an expired sign-in ends here.
pub async fn viewer(session: &Session, db: &Db) -> Result<Option<Viewer>, AppError> {
    let Some(user_id) = session.get::<i64>(USER_ID).await.map_err(AppError::internal)? else { return Ok(None) };
    let signed_in_at = session.get::<i64>(SIGNED_IN_AT).await.map_err(AppError::internal)?.unwrap_or(0);
    let too_old = OffsetDateTime::now_utc().unix_timestamp() - signed_in_at > ABSOLUTE_LIFETIME.whole_seconds();
    let user = if too_old {
        None
    } else {
        user::Entity::find_by_id(user_id).one(&db.reader).await.map_err(AppError::internal)?
    };
    let Some(user) = user else {
        // Expired, or the account is gone: sign out.
        session.flush().await.map_err(AppError::internal)?;
        return Ok(None);
    };
    Ok(Some(Viewer {
        id: user.id,
        username: user.username,
        display_name: user.display_name,
        role: Role::parse(&user.role).unwrap_or_default(),
        language: user.language.as_deref().and_then(crate::language::Language::from_code),
    }))
}

/// Signs `user_id` in with a new session id (so that an id planted before
/// sign-in is worthless after it).
pub async fn sign_in(session: &Session, user_id: i64) -> Result<(), AppError> {
    session.cycle_id().await.map_err(AppError::internal)?;
    session.insert(USER_ID, user_id).await.map_err(AppError::internal)?;
    session.insert(SIGNED_IN_AT, OffsetDateTime::now_utc().unix_timestamp()).await.map_err(AppError::internal)?;
    Ok(())
}

/// Ends the session: deleted from the store, cookie removed.
pub async fn sign_out(session: &Session) -> Result<(), AppError> {
    session.flush().await.map_err(AppError::internal)
}
