//! The one error type of the application. What a person sees is the
//! variant's message; internal causes are logged on the server and never
//! sent to the browser.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    #[error("We could not find that page.")]
    NotFound,
    #[error("That request was not understood.")]
    BadRequest,
    #[error("Please log in first.")]
    Unauthorized,
    #[error("You may not do that.")]
    Forbidden,
    #[error("Something went wrong on our side. Please try again in a moment.")]
    Internal,
    /// Too many people at once (a classroom signing in): try again shortly.
    #[error("Many people are signing in right now. Please try again in a moment.")]
    Busy,
    /// The disk (or the database's) is full: nothing was saved.
    #[error("The server has no room to save right now, so nothing was saved. Please try again shortly.")]
    StorageFull,
    #[error("Please correct the form.")]
    Form(crate::model::FormErrors),
}

/// Whether an error's text says the storage is full: SQLite's
/// `SQLITE_FULL`, PostgreSQL's `disk_full` (`could not extend file`, in
/// English), or the system's `ENOSPC`. For causes that arrive as text;
/// errors with codes are read by their codes (`storage_is_full`).
pub fn says_storage_is_full(text: &str) -> bool {
    text.contains("database or disk is full")
        || text.contains("No space left on device")
        || text.contains("could not extend file")
}

/// Whether an error, or one below it, is the storage being full by its
/// code, which does not change with the language the database server
/// writes its messages in: SQLite's `SQLITE_FULL` (13), PostgreSQL's
/// `disk_full` (53100), or the system's `ENOSPC`.
#[cfg(feature = "ssr")]
fn storage_is_full(error: &(dyn std::error::Error + 'static)) -> bool {
    use sea_orm::{RuntimeErr, sqlx};
    let full = |error: &sqlx::Error| {
        error.as_database_error().and_then(|error| error.code()).is_some_and(|code| code == "13" || code == "53100")
    };
    let mut cause = Some(error);
    while let Some(error) = cause {
        let found = if let Some(io) = error.downcast_ref::<std::io::Error>() {
            io.kind() == std::io::ErrorKind::StorageFull
        } else if let Some(RuntimeErr::SqlxError(sqlx)) = error.downcast_ref::<RuntimeErr>() {
            full(sqlx)
        } else if let Some(sqlx) = error.downcast_ref::<sqlx::Error>() {
            full(sqlx)
        } else {
            false
        };
        if found {
            return true;
        }
        cause = error.source();
    }
    false
}

impl AppError {
    /// The HTTP status a page or server function answers with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::BadRequest => 400,
            AppError::Unauthorized => 401,
            AppError::Forbidden => 403,
            AppError::Internal => 500,
            AppError::Busy => 503,
            AppError::StorageFull => 507,
            AppError::Form(_) => 422,
        }
    }

    /// Makes the current response (page or server function) answer with
    /// this error's status.
    #[cfg(feature = "ssr")]
    pub fn set_response_status(&self) {
        use axum::http::StatusCode;
        if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(StatusCode::from_u16(self.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR));
        }
    }

    /// Logs an internal cause and hides it behind [`AppError::Internal`].
    #[cfg(feature = "ssr")]
    pub fn internal(cause: impl std::fmt::Display) -> AppError {
        let cause = cause.to_string();
        if says_storage_is_full(&cause) {
            tracing::error!(%cause, "refused: the storage is full");
            return AppError::StorageFull;
        }
        tracing::error!(%cause, "internal error");
        AppError::Internal
    }

    /// Logs an error with every cause below it, once, and hides them
    /// behind [`AppError::Internal`].
    #[cfg(feature = "ssr")]
    pub fn internal_chain(error: &(dyn std::error::Error + 'static)) -> AppError {
        let mut chain = error.to_string();
        let mut cause = error.source();
        while let Some(below) = cause {
            chain.push_str(": ");
            chain.push_str(&below.to_string());
            cause = below.source();
        }
        if storage_is_full(error) || says_storage_is_full(&chain) {
            tracing::error!(cause = %chain, "refused: the storage is full");
            return AppError::StorageFull;
        }
        tracing::error!(cause = %chain, "internal error");
        AppError::Internal
    }
}

/// A plain route's refusal: the variant's status and its reason phrase,
/// nothing of the cause (logged where the error was made), kept by no
/// cache. Server functions answer with the same status: the router reads
/// it back from the error they return (`server/src/router.rs`), because a
/// form post's refusal must stay a redirect back to its form.
#[cfg(feature = "ssr")]
impl axum::response::IntoResponse for AppError {
    fn into_response(self) -> axum::response::Response {
        use axum::http::{StatusCode, header};
        let status = StatusCode::from_u16(self.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        (status, [(header::CACHE_CONTROL, "no-store")], status.canonical_reason().unwrap_or("refused")).into_response()
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) | ServerFnErrorErr::Deserialization(_) => {
                AppError::BadRequest
            }
            ServerFnErrorErr::Registration(_) => AppError::NotFound,
            _ => AppError::Internal,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for AppError {
    fn from(error: sea_orm::DbErr) -> AppError {
        AppError::internal_chain(&error)
    }
}
