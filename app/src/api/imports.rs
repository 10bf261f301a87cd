//! Bulk enrolment pages: recent files, a file's dry run, applying it, and
//! the set-password codes of the accounts it created. Uploading itself is
//! a plain multipart form post handled by the server crate.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{ImportReport, ImportsPage};

/// The files this manager uploaded lately.
#[server(endpoint = "imports_page")]
pub async fn list_imports() -> Result<ImportsPage, AppError> {
    let viewer = super::rules::signed_in::<ListImports>().await?;
    let state = expect_context::<crate::state::AppState>();
    let recent = crate::learning::bulk::recent_files(&state.db, viewer.id).await.map_err(AppError::internal)?;
    Ok(ImportsPage { recent, max_megabytes: (state.import_max_bytes / (1024 * 1024)) as u64 })
}

/// An import its uploader (or an administrator) may see.
#[cfg(feature = "ssr")]
async fn own_import(
    state: &crate::state::AppState,
    viewer: &crate::model::Viewer,
    id: i64,
) -> Result<crate::learning::bulk::StoredFile, AppError> {
    let found = crate::learning::bulk::stored_file(&state.db, id)
        .await
        .map_err(AppError::internal)?
        .ok_or(AppError::NotFound)?;
    if !crate::policy::may_see_import(viewer, found.created_by) {
        return Err(AppError::NotFound);
    }
    Ok(found)
}

/// The dry run of a file: what applying it would do, row by row.
#[server(endpoint = "import_report")]
pub async fn check_import(id: i64) -> Result<ImportReport, AppError> {
    let viewer = super::rules::signed_in::<CheckImport>().await?;
    let state = expect_context::<crate::state::AppState>();
    let file = own_import(&state, &viewer, id).await?;
    let catalog = state.catalog.current();
    let lifetime = state.policy.set_password_code_lifetime;
    // Only the manager who applied the file, in the browser they applied
    // it from, reads its codes (not an administrator on the same computer).
    let cookie = crate::learning::bulk::key_cookie_name(id);
    let key = match file.created_by == viewer.id {
        true => crate::auth::request_cookie(&cookie).await,
        false => None,
    }
    .and_then(|value| crate::learning::bulk::CodesKey::from_cookie(&value));
    if key.is_some() {
        crate::auth::do_not_store();
    }
    crate::learning::bulk::report(&state.db, &catalog, file, &viewer, lifetime, key.as_ref())
        .await
        .map_err(AppError::internal)
}
/// Applies a file: every valid row, or nothing.
#[server(endpoint = "apply_import")]
pub async fn apply_import(id: i64) -> Result<(), AppError> {
    let viewer = super::rules::signed_in::<ApplyImport>().await?;
    let state = expect_context::<crate::state::AppState>();
    own_import(&state, &viewer, id).await?;
    let actor = crate::auth::acting(Some(&viewer)).await;
    let catalog = state.catalog.current();
    let lifetime = state.policy.set_password_code_lifetime;
    let key = crate::learning::bulk::CodesKey::generate();
    crate::learning::bulk::apply(&state.db, &catalog, id, &viewer, lifetime, &key, &actor).await?;
    crate::auth::set_cookie(&crate::learning::bulk::key_cookie(id, &key, state.secure_cookies));
    leptos_axum::redirect(&format!("/manage/import/{id}#codes"));
    Ok(())
}

/// Forgets the codes kept for printing (they still work until they expire).
#[server(endpoint = "forget_import_codes")]
pub async fn forget_import_codes(id: i64) -> Result<(), AppError> {
    let viewer = super::rules::signed_in::<ForgetImportCodes>().await?;
    let state = expect_context::<crate::state::AppState>();
    own_import(&state, &viewer, id).await?;
    crate::learning::bulk::forget_codes(&state.db, id).await.map_err(AppError::internal)?;
    crate::auth::set_cookie(&crate::learning::bulk::forget_key_cookie(id, state.secure_cookies));
    leptos_axum::redirect(&format!("/manage/import/{id}"));
    Ok(())
}
