//! What can go wrong with an account, as the person is told it.

use sea_orm::DbErr;

use crate::error::AppError;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AccountError {
    #[error("that username is taken")]
    UsernameTaken,
    #[error("no account has that username")]
    UnknownUser,
    #[error("the current password is wrong")]
    WrongPassword,
    #[error("too many wrong current passwords lately")]
    TooManyTries,
    #[error(transparent)]
    App(#[from] AppError),
}

impl AccountError {
    /// The interface message that explains it.
    pub fn message_id(&self) -> &'static str {
        match self {
            AccountError::UsernameTaken => "username-taken",
            AccountError::UnknownUser => "username-unknown",
            AccountError::WrongPassword => "password-wrong-current",
            AccountError::TooManyTries => "password-throttled",
            AccountError::App(_) => "error-internal-text",
        }
    }

    /// For a caller to whom only the application error can happen.
    pub fn into_app_error(self) -> AppError {
        match self {
            AccountError::App(error) => error,
            _ => AppError::Internal,
        }
    }
}

pub(crate) fn internal(error: DbErr) -> AccountError {
    AccountError::App(AppError::internal(error))
}
