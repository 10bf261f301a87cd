//! The set-password codes of an import, kept for printing without being
//! readable from the database or a backup of it: sealed (ChaCha20-Poly1305)
//! with a key made for that one import and handed to the browser that
//! applied it, in a cookie. Whoever holds a copy of the database holds only
//! the sealed list; the manager's browser opens it until the cookie
//! expires or the codes are forgotten. The codes themselves are stored
//! only as hashes (`reset_codes`).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::aead::{Aad, CHACHA20_POLY1305, LessSafeKey, Nonce, UnboundKey};

use super::store::IssuedCode;

/// How a sealed list is marked in `imports.codes`.
const SEALED: &str = "sealed1.";

/// How long the applying browser keeps the key: long enough to print the
/// handouts, no longer than the codes are worth keeping.
pub const KEY_COOKIE_DAYS: i64 = 14;

/// The key of one import's codes.
pub struct CodesKey([u8; 32]);

impl std::fmt::Debug for CodesKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CodesKey(…)")
    }
}

impl CodesKey {
    pub fn generate() -> CodesKey {
        let mut key = [0u8; 32];
        getrandom::fill(&mut key).expect("the operating system provides randomness");
        CodesKey(key)
    }

    /// The key a cookie value holds, if it is one.
    pub fn from_cookie(value: &str) -> Option<CodesKey> {
        let bytes = URL_SAFE_NO_PAD.decode(value).ok()?;
        Some(CodesKey(bytes.try_into().ok()?))
    }

    pub fn cookie_value(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.0)
    }

    fn aead(&self) -> LessSafeKey {
        LessSafeKey::new(UnboundKey::new(&CHACHA20_POLY1305, &self.0).expect("a 32-byte key"))
    }
}

/// The cookie's name for import `id`.
pub fn key_cookie_name(id: i64) -> String {
    format!("import-{id}-codes")
}

/// The `Set-Cookie` value handing `key` to the browser that applied `id`:
/// sent with the import's page only.
pub fn key_cookie(id: i64, key: &CodesKey, secure: bool) -> String {
    cookie(id, &key.cookie_value(), KEY_COOKIE_DAYS * 86_400, secure)
}

/// The `Set-Cookie` value that takes the key back (codes forgotten).
pub fn forget_key_cookie(id: i64, secure: bool) -> String {
    cookie(id, "", 0, secure)
}

fn cookie(id: i64, value: &str, max_age: i64, secure: bool) -> String {
    let name = key_cookie_name(id);
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path=/manage/import/{id}; Max-Age={max_age}; HttpOnly; SameSite=Strict{secure}")
}

/// `codes` sealed with `key` (each key seals one list only, so a fixed
/// nonce is safe).
pub fn seal(key: &CodesKey, codes: &[IssuedCode]) -> String {
    let mut bytes = serde_json::to_vec(codes).unwrap_or_default();
    key.aead()
        .seal_in_place_append_tag(Nonce::assume_unique_for_key([0; 12]), Aad::empty(), &mut bytes)
        .expect("sealing fits in memory");
    format!("{SEALED}{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// The codes of a stored list, when `key` opens it.
pub fn open(key: Option<&CodesKey>, stored: &str) -> Option<Vec<IssuedCode>> {
    let mut bytes = URL_SAFE_NO_PAD.decode(stored.strip_prefix(SEALED)?).ok()?;
    let opened = key?.aead().open_in_place(Nonce::assume_unique_for_key([0; 12]), Aad::empty(), &mut bytes).ok()?;
    serde_json::from_slice(opened).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes() -> Vec<IssuedCode> {
        vec![IssuedCode {
            username: "amina".into(),
            name: "Amina".into(),
            cohort: "Lahore".into(),
            code: "ABCD-EFGH-JKMN".into(),
        }]
    }

    #[test]
    fn only_the_key_opens_the_codes_and_the_stored_text_shows_none() {
        let key = CodesKey::generate();
        let stored = seal(&key, &codes());
        assert!(!stored.contains("ABCD") && !stored.contains("amina"), "{stored}");
        assert_eq!(open(Some(&key), &stored), Some(codes()));
        let back = CodesKey::from_cookie(&key.cookie_value()).unwrap();
        assert_eq!(open(Some(&back), &stored), Some(codes()));
        assert_eq!(open(Some(&CodesKey::generate()), &stored), None, "another import's key");
        assert_eq!(open(None, &stored), None);
        assert_eq!(open(Some(&key), "[]"), None, "a list kept in the clear is never read");
        assert!(CodesKey::from_cookie("short").is_none());
    }
}
