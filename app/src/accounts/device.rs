//! Device cookies (OWASP): a browser that has signed in to an account
//! successfully gets a signed cookie naming that account. Wrong passwords
//! from that browser count against its own allowance, not the account's,
//! so a stranger guessing the account's password slows down the stranger,
//! never the owner on their own phone.
//!
//! `v1.<account number>.<random id>.<HMAC-SHA256>`, keyed with a secret
//! derived from the issuer key (shared by every instance). Nothing secret
//! is in it: it only says "this browser signed in as this account once".
//! The account is named by its number, not its username: usernames may
//! hold dots, and a cookie of `amina.x` must never read as `amina`'s.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::Sha256;

pub const DEVICE_COOKIE: &str = "device";
/// A year: a learner's own phone stays known.
pub const DEVICE_COOKIE_DAYS: i64 = 365;

/// The key device cookies are signed with.
#[derive(Clone)]
pub struct DeviceKey([u8; 32]);

impl std::fmt::Debug for DeviceKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DeviceKey(…)")
    }
}

/// A device cookie that checked out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Device {
    /// The account's id.
    pub user_id: i64,
    /// Its allowance of wrong passwords is counted under this.
    pub id: String,
}

impl DeviceKey {
    pub fn new(secret: [u8; 32]) -> DeviceKey {
        DeviceKey(secret)
    }

    fn mac(&self, text: &str) -> Hmac<Sha256> {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(text.as_bytes());
        mac
    }

    /// A new cookie value for the account `user_id`.
    pub fn issue(&self, user_id: i64) -> String {
        let id = crate::codes::generate(26);
        let signed = format!("v1.{user_id}.{id}");
        let tag = URL_SAFE_NO_PAD.encode(self.mac(&signed).finalize().into_bytes());
        format!("{signed}.{tag}")
    }

    /// The device a cookie value names, if it is one of ours.
    pub fn read(&self, value: &str) -> Option<Device> {
        let parts: Vec<&str> = value.split('.').collect();
        let ["v1", user_id, id, tag] = parts[..] else { return None };
        let user_id: i64 = user_id.parse().ok().filter(|_| user_id.bytes().all(|b| b.is_ascii_digit()))?;
        if id.len() != 26 || !id.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        let tag = URL_SAFE_NO_PAD.decode(tag).ok()?;
        self.mac(&format!("v1.{user_id}.{id}")).verify_slice(&tag).ok()?;
        Some(Device { user_id, id: id.to_string() })
    }
}

/// The `Set-Cookie` value of a device cookie.
pub fn device_cookie(value: &str, secure: bool) -> String {
    let max_age = DEVICE_COOKIE_DAYS * 86_400;
    let secure = if secure { "; Secure" } else { "" };
    format!("{DEVICE_COOKIE}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_cookie_names_its_account_and_cannot_be_forged() {
        let key = DeviceKey::new([7; 32]);
        let value = key.issue(42);
        let device = key.read(&value).expect("our own cookie");
        assert_eq!(device.user_id, 42);
        assert_eq!(device.id.len(), 26);
        assert!(key.read(&value.replacen(".42.", ".43.", 1)).is_none(), "another account breaks the signature");
        assert!(DeviceKey::new([8; 32]).read(&value).is_none(), "another key");
        assert!(key.read("v1.42.x").is_none());
        assert!(key.read(&format!("{value}.extra")).is_none());
        assert!(key.read("").is_none());
    }
}
