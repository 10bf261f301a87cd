//! Device cookies (OWASP): a browser that has signed in to an account
//! successfully is given a token naming that account. Wrong passwords from
//! that browser count against its own allowance, not the account's, so a
//! stranger guessing the account's password slows down the stranger, never
//! the owner on their own phone.
//!
//! The token is random and kept only as its SHA-256 (`known_devices`):
//! nothing to sign, so no key, and a copy of the database (a backup) names
//! no cookie. A token is used once: each sign-in with it replaces it by a
//! new one; a new password, a reset or a deletion forgets every token of
//! the account; a token is good for a year at most. Behind HTTPS the cookie
//! is `__Host-device` (only this host, only over HTTPS, path `/`).

use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

use crate::entities::known_device;

/// A year: a learner's own phone stays known.
pub const DEVICE_COOKIE_DAYS: i64 = 365;
const TOKEN_PREFIX: &str = "d2.";
const TOKEN_LENGTH: usize = 32;

/// The cookie's name: `__Host-` behind HTTPS, where browsers enforce it.
pub fn device_cookie_name(secure: bool) -> &'static str {
    if secure { "__Host-device" } else { "device" }
}

/// A browser the account signed in from before.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Device {
    /// The account's id.
    pub user_id: i64,
    /// The token's hash: the device's allowance of wrong passwords is
    /// counted under it.
    pub id: String,
}

fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The device a cookie value names, if it is a token we issued, not yet
/// replaced, forgotten or too old.
pub async fn recognise(connection: &impl ConnectionTrait, value: &str) -> Result<Option<Device>, DbErr> {
    let Some(token) = value.strip_prefix(TOKEN_PREFIX) else { return Ok(None) };
    if token.len() != TOKEN_LENGTH || !token.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Ok(None);
    }
    let oldest = OffsetDateTime::now_utc() - Duration::days(DEVICE_COOKIE_DAYS);
    let found = known_device::Entity::find_by_id(token_hash(token))
        .filter(known_device::Column::CreatedAt.gt(oldest))
        .one(connection)
        .await?;
    Ok(found.map(|row| Device { user_id: row.user_id, id: row.token_hash }))
}

/// This browser proved it is `user_id`'s: a new token for it (the cookie
/// value), replacing the one it signed in with, if any. Given a token to
/// replace, call it within a transaction (`accounts::record_sign_in`): the
/// old token is gone exactly when the new one is there.
pub async fn remember(
    connection: &impl ConnectionTrait,
    user_id: i64,
    replacing: Option<&Device>,
) -> Result<String, DbErr> {
    if let Some(old) = replacing {
        known_device::Entity::delete_by_id(old.id.clone()).exec(connection).await?;
    }
    let token = crate::codes::generate(TOKEN_LENGTH);
    known_device::Entity::insert(known_device::ActiveModel {
        token_hash: Set(token_hash(&token)),
        user_id: Set(user_id),
        created_at: Set(OffsetDateTime::now_utc()),
    })
    .exec(connection)
    .await?;
    Ok(format!("{TOKEN_PREFIX}{token}"))
}

/// Forgets one browser (it used up its own allowance of wrong passwords).
pub async fn forget_device(connection: &impl ConnectionTrait, device: &Device) -> Result<(), DbErr> {
    known_device::Entity::delete_by_id(device.id.clone()).exec(connection).await?;
    Ok(())
}

/// Within the transaction that closes the ways into an account: no browser
/// is known to it any more.
pub async fn forget_devices(connection: &impl ConnectionTrait, user_id: i64) -> Result<(), DbErr> {
    known_device::Entity::delete_many().filter(known_device::Column::UserId.eq(user_id)).exec(connection).await?;
    Ok(())
}

/// Deletes tokens older than a year; returns how many.
pub async fn sweep_devices(connection: &impl ConnectionTrait) -> Result<u64, DbErr> {
    let oldest = OffsetDateTime::now_utc() - Duration::days(DEVICE_COOKIE_DAYS);
    let done = known_device::Entity::delete_many()
        .filter(known_device::Column::CreatedAt.lte(oldest))
        .exec(connection)
        .await?;
    Ok(done.rows_affected)
}

/// The `Set-Cookie` value of a device cookie.
pub fn device_cookie(value: &str, secure: bool) -> String {
    let max_age = DEVICE_COOKIE_DAYS * 86_400;
    let name = device_cookie_name(secure);
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behind_https_the_cookie_is_the_hosts_only() {
        let cookie = device_cookie("d2.x", true);
        assert!(cookie.starts_with("__Host-device=d2.x; Path=/;"), "{cookie}");
        assert!(cookie.contains("; Secure") && !cookie.contains("Domain"));
        assert!(device_cookie("d2.x", false).starts_with("device=d2.x; Path=/;"));
    }

    #[test]
    fn only_the_hash_of_a_token_is_kept() {
        let hash = token_hash("ABCDEFGHJKMNPQRSTVWXYZ0123456789");
        assert_eq!(hash.len(), 64);
        assert!(!hash.contains("ABCDEFGH"));
    }
}
