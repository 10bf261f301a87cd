//! Recovery without email: someone who looks after accounts issues a
//! one-time code, the person types it (or opens `/reset/{code}`) and sets a
//! new password. Codes are single use, short-lived, stored only as a hash,
//! and a newer code replaces an older one.

use std::fmt;

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, TransactionTrait,
};
use serde_json::json;
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

use super::audit::{Actor, record};
use super::password::hash_password;
use super::service::{AccountError, end_sessions, internal};
use super::validation::{NewPassword, Username};
use crate::db::Db;
use crate::entities::{reset_code, user};
use crate::model::Role;

/// Crockford's base 32: digits and capitals without I, L, O and U, so that
/// a code read from paper cannot be mistyped into another one.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// 12 characters of 5 bits: 60 bits, far beyond guessing within a code's
/// life at the rate the address limit allows.
const LENGTH: usize = 12;

/// A reset code as typed: normalised, so `abcd efgh-jkmn` and `ABCD-EFGH-JKMN`
/// are the same code.
#[derive(Clone, PartialEq, Eq)]
pub struct ResetCode(String);

impl ResetCode {
    fn generate() -> ResetCode {
        let mut bytes = [0u8; LENGTH];
        getrandom::fill(&mut bytes).expect("the operating system provides randomness");
        // 256 is a multiple of 32: taking the low 5 bits is uniform.
        ResetCode(bytes.iter().map(|byte| ALPHABET[usize::from(byte % 32)] as char).collect())
    }

    /// Reads a typed code, forgiving case, spaces, dashes and the letters
    /// people confuse with digits. `None` when it cannot be a code.
    pub fn parse(text: &str) -> Option<ResetCode> {
        if text.len() > 64 {
            return None;
        }
        let mut code = String::with_capacity(LENGTH);
        for c in text.chars() {
            let c = match c.to_ascii_uppercase() {
                ' ' | '-' => continue,
                'O' => '0',
                'I' | 'L' => '1',
                c if ALPHABET.contains(&(c as u8)) && c.is_ascii() => c,
                _ => return None,
            };
            code.push(c);
        }
        (code.len() == LENGTH).then_some(ResetCode(code))
    }

    /// In groups of four, for reading out or printing.
    pub fn grouped(&self) -> String {
        self.0.as_bytes().chunks(4).map(|chunk| String::from_utf8_lossy(chunk)).collect::<Vec<_>>().join("-")
    }

    fn hash(&self) -> String {
        Sha256::digest(self.0.as_bytes()).iter().map(|byte| format!("{byte:02x}")).collect()
    }
}

/// Never printed by accident.
impl fmt::Debug for ResetCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ResetCode(…)")
    }
}

/// Whether someone with `issuer` role may issue a reset code for an account
/// with `subject` role: administrators for anyone, managers for learners and
/// instructors. (Instructors will issue codes for the learners of their
/// cohorts once cohorts exist.) Nobody can take over an account above them.
pub fn may_issue_reset_code(issuer: Role, subject: Role) -> bool {
    match issuer {
        Role::Admin => true,
        Role::Manager => subject < Role::Manager,
        Role::Instructor | Role::Learner => false,
    }
}

/// A code issued, and until when it works.
#[derive(Debug)]
pub struct Issued {
    pub code: ResetCode,
    pub expires_at: OffsetDateTime,
}

/// Issues a code for `username`, valid for `lifetime`; any older unused
/// code of theirs stops working.
pub async fn issue_reset_code(
    db: &Db,
    username: &Username,
    lifetime: Duration,
    actor: &Actor,
) -> Result<Issued, AccountError> {
    let subject = super::service::find_user(db, username).await?.ok_or(AccountError::UnknownUser)?;
    let code = ResetCode::generate();
    let now = OffsetDateTime::now_utc();
    let expires_at = now + lifetime;
    let transaction = db.writer.begin().await.map_err(internal)?;
    reset_code::Entity::update_many()
        .col_expr(reset_code::Column::UsedAt, sea_orm::sea_query::Expr::value(now))
        .filter(reset_code::Column::UserId.eq(subject.id))
        .filter(reset_code::Column::UsedAt.is_null())
        .exec(&transaction)
        .await
        .map_err(internal)?;
    reset_code::ActiveModel {
        user_id: Set(subject.id),
        code_hash: Set(code.hash()),
        issued_by: Set(actor.user_id),
        issued_at: Set(now),
        expires_at: Set(expires_at),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(&transaction)
    .await
    .map_err(internal)?;
    record(
        &transaction,
        actor,
        Some(subject.id),
        "user.reset_code_issued",
        json!({ "expires_at": expires_at.unix_timestamp() }),
    )
    .await
    .map_err(internal)?;
    transaction.commit().await.map_err(internal)?;
    Ok(Issued { code, expires_at })
}

/// Why a code could not be redeemed.
#[derive(Debug, thiserror::Error)]
pub enum RedeemError {
    /// Unknown, used, replaced or expired: the same answer for each.
    #[error("that code does not work")]
    InvalidCode,
    /// The new password breaks the rule (a message id).
    #[error("the new password is refused: {0}")]
    Password(&'static str),
    #[error(transparent)]
    Account(#[from] AccountError),
}

/// The account a code would reset, if it still works.
pub async fn account_for_code(db: &Db, code: &ResetCode) -> Result<Option<user::Model>, AccountError> {
    let now = OffsetDateTime::now_utc();
    let Some(found) = reset_code::Entity::find()
        .filter(reset_code::Column::CodeHash.eq(code.hash()))
        .filter(reset_code::Column::UsedAt.is_null())
        .filter(reset_code::Column::ExpiresAt.gt(now))
        .one(&db.reader)
        .await
        .map_err(internal)?
    else {
        return Ok(None);
    };
    user::Entity::find_by_id(found.user_id).one(&db.reader).await.map_err(internal)
}

/// Redeems `code` with a new password: the code is used up, the password
/// replaced and every session of the account ended, all in one
/// transaction. Returns the account, to sign in to.
pub async fn redeem_reset_code(
    db: &Db,
    code: &ResetCode,
    new_password: &str,
    actor: &Actor,
) -> Result<user::Model, RedeemError> {
    let account = account_for_code(db, code).await?.ok_or(RedeemError::InvalidCode)?;
    let username = Username::parse(&account.username).map_err(|_| RedeemError::InvalidCode)?;
    let password = NewPassword::parse(new_password, &username).map_err(RedeemError::Password)?;
    let hash = hash_password(password.expose()).await.map_err(AccountError::from)?;
    let now = OffsetDateTime::now_utc();
    let transaction = db.writer.begin().await.map_err(internal)?;
    // Used up only if still unused: of two redemptions at once, one wins.
    let used = reset_code::Entity::update_many()
        .col_expr(reset_code::Column::UsedAt, sea_orm::sea_query::Expr::value(now))
        .filter(reset_code::Column::CodeHash.eq(code.hash()))
        .filter(reset_code::Column::UsedAt.is_null())
        .filter(reset_code::Column::ExpiresAt.gt(now))
        .exec(&transaction)
        .await
        .map_err(internal)?;
    if used.rows_affected != 1 {
        return Err(RedeemError::InvalidCode);
    }
    let user_id = account.id;
    let mut changed = account.into_active_model();
    changed.password_hash = Set(hash.into_stored());
    let account = changed.update(&transaction).await.map_err(internal)?;
    let actor = Actor { user_id: Some(user_id), ..actor.clone() };
    record(&transaction, &actor, Some(user_id), "user.password_reset", json!({ "by": "reset_code" }))
        .await
        .map_err(internal)?;
    end_sessions(&transaction, user_id).await?;
    transaction.commit().await.map_err(internal)?;
    Ok(account)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_long_unambiguous_and_forgiving_to_type() {
        let code = ResetCode::generate();
        assert_eq!(code.0.len(), LENGTH);
        assert!(code.0.bytes().all(|c| ALPHABET.contains(&c)));
        assert_ne!(code, ResetCode::generate());
        let grouped = code.grouped();
        assert_eq!(grouped.len(), 14);
        assert_eq!(ResetCode::parse(&grouped), Some(code.clone()));
        assert_eq!(ResetCode::parse(&grouped.to_lowercase().replace('-', " ")), Some(code));
        assert_eq!(ResetCode::parse("abcd-efgh-jkmo").unwrap().0, "ABCDEFGHJKM0");
        assert_eq!(ResetCode::parse("abcd-efgh-jkil").unwrap().0, "ABCDEFGHJK11");
    }

    #[test]
    fn malformed_codes_are_refused() {
        assert_eq!(ResetCode::parse(""), None);
        assert_eq!(ResetCode::parse("ABCD-EFGH"), None);
        assert_eq!(ResetCode::parse("ABCD-EFGH-JKMU"), None);
        assert_eq!(ResetCode::parse("ABCD-EFGH-JKM\u{0}"), None);
        assert_eq!(ResetCode::parse("ABCD-EFGH-JKMЖ"), None);
        assert_eq!(ResetCode::parse(&"A".repeat(10_000)), None);
    }

    #[test]
    fn nobody_can_take_over_an_account_above_them() {
        assert!(may_issue_reset_code(Role::Admin, Role::Admin));
        assert!(may_issue_reset_code(Role::Manager, Role::Learner));
        assert!(may_issue_reset_code(Role::Manager, Role::Instructor));
        assert!(!may_issue_reset_code(Role::Manager, Role::Manager));
        assert!(!may_issue_reset_code(Role::Manager, Role::Admin));
        assert!(!may_issue_reset_code(Role::Instructor, Role::Learner));
        assert!(!may_issue_reset_code(Role::Learner, Role::Learner));
    }
}
