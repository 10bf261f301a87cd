//! Password hashing: argon2id at OWASP's minimum cost (19 MiB, 2 passes,
//! 1 lane), off the async threads, with a bound on hashes in flight so that
//! a flood of logins cannot exhaust memory.

use std::fmt;

use argon2::password_hash::phc::PasswordHash as Phc;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::Semaphore;

use crate::error::AppError;

/// At most this many hashes at once: 4 × 19 MiB.
static HASHING: Semaphore = Semaphore::const_new(4);

/// A stored password hash (a PHC string). Deliberately neither `Serialize`
/// nor printable, so it cannot reach a browser or a log.
#[derive(Clone, PartialEq, Eq)]
pub struct PasswordHash(String);

impl PasswordHash {
    pub fn from_stored(phc: String) -> PasswordHash {
        PasswordHash(phc)
    }

    pub fn into_stored(self) -> String {
        self.0
    }
}

impl fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PasswordHash(…)")
    }
}

fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("OWASP's parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub async fn hash_password(password: &str) -> Result<PasswordHash, AppError> {
    let _permit = HASHING.acquire().await.map_err(AppError::internal)?;
    let password = password.to_string();
    tokio::task::spawn_blocking(move || argon2().hash_password(password.as_bytes()).map(|hash| hash.to_string()))
        .await
        .map_err(AppError::internal)?
        .map(PasswordHash)
        .map_err(AppError::internal)
}

/// True when `password` matches `hash`. With no hash (an unknown user), or
/// one that is not a hash (an account made by bulk enrolment, waiting for
/// its set-password code; a deleted one), a hash is still computed, so that
/// the answer takes as long either way and does not tell who has an account.
pub async fn verify_password(password: &str, hash: Option<&PasswordHash>) -> Result<bool, AppError> {
    let _permit = HASHING.acquire().await.map_err(AppError::internal)?;
    let password = password.to_string();
    let stored = hash.map(|hash| hash.0.clone());
    tokio::task::spawn_blocking(move || match stored {
        Some(stored) if let Ok(parsed) = Phc::new(&stored) => {
            argon2().verify_password(password.as_bytes(), &parsed).is_ok()
        }
        _ => {
            let _ = argon2().hash_password(password.as_bytes());
            false
        }
    })
    .await
    .map_err(AppError::internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let hash = hash_password("river mango lantern").await.unwrap();
        assert!(hash.0.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{}", hash.0);
        assert!(verify_password("river mango lantern", Some(&hash)).await.unwrap());
        assert!(!verify_password("river mango lanterns", Some(&hash)).await.unwrap());
        assert!(!verify_password("anything", None).await.unwrap());
        assert!(!verify_password("x", Some(&PasswordHash("not a hash".into()))).await.unwrap());
        // As long as a real check: an account without a password is not told apart.
        let started = std::time::Instant::now();
        assert!(!verify_password("x", Some(&PasswordHash("!set-password-code".into()))).await.unwrap());
        let no_password = started.elapsed();
        let started = std::time::Instant::now();
        assert!(!verify_password("x", Some(&hash)).await.unwrap());
        assert!(no_password * 3 > started.elapsed(), "{no_password:?} against {:?}", started.elapsed());
        assert_eq!(format!("{hash:?}"), "PasswordHash(…)");
    }
}
