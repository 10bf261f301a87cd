//! Closing the ways into an account: its sessions everywhere, the browsers
//! it knows and its unused reset codes, when a password, a role or the
//! account changes.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use time::OffsetDateTime;

use super::error::{AccountError, internal};
use crate::entities::reset_code;

/// Signs a person out everywhere: phones are shared, and a changed role or
/// password must take effect at once.
pub(super) async fn end_sessions(connection: &impl sea_orm::ConnectionTrait, user_id: i64) -> Result<(), AccountError> {
    crate::entities::session::Entity::delete_many()
        .filter(crate::entities::session::Column::UserId.eq(user_id))
        .exec(connection)
        .await
        .map_err(internal)?;
    super::device::forget_devices(connection, user_id).await.map_err(internal)?;
    // Every instance forgets the sessions it kept in memory.
    crate::kept_sessions::revoke_everywhere(connection).await.map_err(internal)
}

/// Within a transaction: every unused code of the account stops working
/// (its role or password changed, so whoever was allowed to issue it may no
/// longer be, and it is no longer needed).
pub(super) async fn cancel_reset_codes(
    connection: &impl sea_orm::ConnectionTrait,
    user_id: i64,
) -> Result<(), sea_orm::DbErr> {
    reset_code::Entity::update_many()
        .col_expr(reset_code::Column::UsedAt, sea_orm::sea_query::Expr::value(OffsetDateTime::now_utc()))
        .filter(reset_code::Column::UserId.eq(user_id))
        .filter(reset_code::Column::UsedAt.is_null())
        .exec(connection)
        .await?;
    Ok(())
}
