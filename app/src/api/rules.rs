//! Every server function goes through [`authorize`] (or [`signed_in`])
//! first, which applies its line of `policy::SERVER_FUNCTIONS`. Forms name
//! their action with [`action_of`], so that a form's address comes from its
//! `#[server]`.

use leptos::server_fn::ServerFn;

#[cfg(feature = "ssr")]
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::model::Viewer;
#[cfg(feature = "ssr")]
use crate::policy::SERVER_FUNCTIONS;

/// The address of server function `F`, for a form's `action`.
pub const fn action_of<F: ServerFn>() -> &'static str {
    F::PATH
}

/// The person calling server function `F`, if its rule allows them.
#[cfg(feature = "ssr")]
pub async fn authorize<F: ServerFn>() -> Result<Option<Viewer>, AppError> {
    let Some(&(_, rule)) = SERVER_FUNCTIONS.iter().find(|(known, _)| *known == F::PATH) else {
        tracing::error!(path = F::PATH, "server function without an authorisation rule refused");
        return Err(AppError::Forbidden);
    };
    crate::auth::check(rule).await
}

/// The signed-in person calling server function `F` (whose rule needs one).
#[cfg(feature = "ssr")]
pub async fn signed_in<F: ServerFn>() -> Result<Viewer, AppError> {
    authorize::<F>().await?.ok_or(AppError::Unauthorized)
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn every_server_function_has_an_authorisation_rule() {
        let registered: Vec<&str> = leptos::server_fn::axum::server_fn_paths().map(|(path, _)| path).collect();
        assert!(registered.len() >= 7, "found only {registered:?}");
        for path in &registered {
            assert!(
                SERVER_FUNCTIONS.iter().any(|(known, _)| known == path),
                "server function {path} has no line in policy::SERVER_FUNCTIONS"
            );
        }
        for (known, _) in SERVER_FUNCTIONS {
            assert!(registered.contains(known), "{known} is in the table but no server function has that path");
        }
    }
}
