//! What every request can reach on the server.

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

use crate::catalog::CatalogHandle;
use crate::db::Db;

#[derive(Clone, Debug)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub catalog: CatalogHandle,
    pub db: Db,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
