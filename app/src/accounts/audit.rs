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

/// One entry of the log: what was done, to whom, with what detail.
#[derive(Clone, Debug)]
pub struct Entry {
    pub subject_id: Option<i64>,
    pub action: &'static str,
    pub detail: serde_json::Value,
}

fn row(actor: &Actor, at: OffsetDateTime, entry: Entry) -> audit_log::ActiveModel {
    audit_log::ActiveModel {
        occurred_at: Set(at),
        actor_id: Set(actor.user_id),
        subject_id: Set(entry.subject_id),
        action: Set(entry.action.to_string()),
        detail: Set(entry.detail.to_string()),
        client_address: Set(actor.client_address.clone()),
        ..Default::default()
    }
}

/// Within the transaction of the action: records it.
pub async fn record(
    connection: &impl ConnectionTrait,
    actor: &Actor,
    subject_id: Option<i64>,
    action: &'static str,
    detail: serde_json::Value,
) -> Result<(), DbErr> {
    row(actor, OffsetDateTime::now_utc(), Entry { subject_id, action, detail }).insert(connection).await?;
    Ok(())
}

/// Within the transaction of the actions: records many at once (a file of
/// thousands of learners is one statement per few hundred entries).
pub async fn record_many(
    connection: &impl ConnectionTrait,
    actor: &Actor,
    at: OffsetDateTime,
    entries: Vec<Entry>,
) -> Result<(), DbErr> {
    use sea_orm::EntityTrait;
    for chunk in entries.chunks(500) {
        let rows = chunk.iter().cloned().map(|entry| row(actor, at, entry));
        audit_log::Entity::insert_many(rows).exec_without_returning(connection).await?;
    }
    Ok(())
}
