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
use super::error::{AccountError, internal};
use super::password::hash_password;
use super::sessions::end_sessions;
use super::validation::{NewPassword, Username};
use crate::db::Db;
use crate::entities::{reset_code, user};

/// 12 characters of 5 bits: 60 bits, far beyond guessing within a code's
/// life at the rate the address limit allows.
const LENGTH: usize = 12;

/// A reset code as typed: normalised, so `abcd efgh-jkmn` and `ABCD-EFGH-JKMN`
/// are the same code.
#[derive(Clone, PartialEq, Eq)]
pub struct ResetCode(String);

impl ResetCode {
    pub(crate) fn generate() -> ResetCode {
        ResetCode(crate::codes::generate(LENGTH))
    }

    /// Reads a typed code; `None` when it cannot be a code.
    pub fn parse(text: &str) -> Option<ResetCode> {
        crate::codes::normalise(text, LENGTH).map(ResetCode)
    }

    /// In groups of four, for reading out or printing.
    pub fn grouped(&self) -> String {
        crate::codes::grouped(&self.0)
    }

    pub(crate) fn hash(&self) -> String {
        Sha256::digest(self.0.as_bytes()).iter().map(|byte| format!("{byte:02x}")).collect()
    }
}

/// Never printed by accident.
impl fmt::Debug for ResetCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ResetCode(…)")
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
    // A deleted account is nobody: no code, however issued, brings it back.
    user::Entity::find_by_id(found.user_id)
        .filter(user::Column::DeletedAt.is_null())
        .one(&db.reader)
        .await
        .map_err(internal)
}

/// Who issued a code that still works, if a person did (not the command
/// line): their right to issue it is checked again when it is redeemed.
pub async fn issuer_of(db: &Db, code: &ResetCode) -> Result<Option<user::Model>, AccountError> {
    let now = OffsetDateTime::now_utc();
    let found = reset_code::Entity::find()
        .filter(reset_code::Column::CodeHash.eq(code.hash()))
        .filter(reset_code::Column::UsedAt.is_null())
        .filter(reset_code::Column::ExpiresAt.gt(now))
        .one(&db.reader)
        .await
        .map_err(internal)?;
    let Some(issuer) = found.and_then(|found| found.issued_by) else { return Ok(None) };
    user::Entity::find_by_id(issuer).one(&db.reader).await.map_err(internal)
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
    let password = NewPassword::parse(new_password, username.as_str()).map_err(RedeemError::Password)?;
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
    super::identities::end_links(&transaction, user_id, &actor).await.map_err(internal)?;
    end_sessions(&transaction, user_id).await?;
    transaction.commit().await.map_err(internal)?;
    Ok(account)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_long_and_read_back_as_shown() {
        let code = ResetCode::generate();
        assert_eq!(code.0.len(), LENGTH);
        let grouped = code.grouped();
        assert_eq!(grouped.len(), 14);
        assert_eq!(ResetCode::parse(&grouped), Some(code.clone()));
        assert_eq!(ResetCode::parse(&grouped.to_lowercase().replace('-', " ")), Some(code));
        assert_eq!(ResetCode::parse("ABCD-EFGH"), None);
    }
}
