//! What can go wrong with an account, as the person is told it.

use crate::msg;
use sea_orm::DbErr;

use super::password::HashError;
use crate::error::AppError;

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("that username is taken")]
    UsernameTaken,
    #[error("no account has that username")]
    UnknownUser,
    #[error("the current password is wrong")]
    WrongPassword,
    #[error("too many wrong current passwords lately")]
    TooManyTries,
    #[error("that identity is linked to an account already")]
    AlreadyLinked,
    #[error("the account is not linked to that provider")]
    NotLinked,
    #[error("the account has no password and this is its last link")]
    LastWayIn,
    #[error("the password could not be hashed")]
    Hashing(#[from] HashError),
    #[error("the database failed")]
    Database(#[from] DbErr),
}

impl AccountError {
    /// The interface message that explains it.
    pub fn message_id(&self) -> &'static str {
        match self {
            AccountError::UsernameTaken => msg::USERNAME_TAKEN,
            AccountError::UnknownUser => msg::USERNAME_UNKNOWN,
            AccountError::WrongPassword => msg::PASSWORD_WRONG_CURRENT,
            AccountError::TooManyTries => msg::PASSWORD_THROTTLED,
            AccountError::AlreadyLinked => msg::IDENTITY_ALREADY_LINKED,
            AccountError::NotLinked => msg::IDENTITY_NOT_LINKED,
            AccountError::LastWayIn => msg::IDENTITY_LAST_WAY_IN,
            AccountError::Hashing(HashError::Busy) => msg::ERROR_BUSY_TEXT,
            AccountError::Hashing(_) | AccountError::Database(_) => msg::ERROR_INTERNAL_TEXT,
        }
    }
}

/// For a caller to whom only a failure can happen: the cause is logged
/// with its chain, the person is told it was our side (or busy).
impl From<AccountError> for AppError {
    fn from(error: AccountError) -> AppError {
        match error {
            AccountError::Hashing(hashing) => hashing.into(),
            AccountError::UnknownUser => AppError::NotFound,
            other => AppError::internal_chain(&other),
        }
    }
}

pub(crate) fn internal(error: DbErr) -> AccountError {
    AccountError::Database(error)
}
