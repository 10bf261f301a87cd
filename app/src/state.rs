//! What every request can reach on the server.

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

use std::net::IpAddr;
use std::sync::Arc;

use crate::accounts::LoginThrottle;
use crate::catalog::CatalogHandle;
use crate::db::Db;

#[derive(Clone, Debug)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub catalog: CatalogHandle,
    pub db: Db,
    pub login_throttle: Arc<LoginThrottle>,
    /// Served over https: cookies get `Secure`.
    pub secure_cookies: bool,
}

/// The address of the person (or program) making the request, as the
/// server worked it out (believing only configured proxies).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
