//! Administration: what only administrators may see.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::AuditEntry;

/// The latest 200 entries of the audit log.
#[server(endpoint = "audit_log")]
pub async fn read_audit_log() -> Result<Vec<AuditEntry>, AppError> {
    crate::auth::authorize(<ReadAuditLog as leptos::server_fn::ServerFn>::PATH).await?;
    let state = expect_context::<crate::state::AppState>();
    crate::accounts::latest_audit_entries(&state.db, 200).await.map_err(|_| AppError::Internal)
}
