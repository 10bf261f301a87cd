//! The audit log: written in the same transaction as the action it records.

use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DbErr};
use time::OffsetDateTime;

use crate::entities::audit_log;

/// Who is acting: a signed-in person, or the command line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Actor {
    pub user_id: Option<i64>,
    pub client_address: Option<String>,
}

impl Actor {
    /// An administrator at the server's command line.
    pub fn command_line() -> Actor {
        Actor::default()
    }
}

pub async fn record(
    connection: &impl ConnectionTrait,
    actor: &Actor,
    subject_id: Option<i64>,
    action: &str,
    detail: serde_json::Value,
) -> Result<(), DbErr> {
    audit_log::ActiveModel {
        occurred_at: Set(OffsetDateTime::now_utc()),
        actor_id: Set(actor.user_id),
        subject_id: Set(subject_id),
        action: Set(action.to_string()),
        detail: Set(detail.to_string()),
        client_address: Set(actor.client_address.clone()),
        ..Default::default()
    }
    .insert(connection)
    .await?;
    Ok(())
}
