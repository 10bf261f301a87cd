//! The tower-sessions store, kept in the application's database (the
//! `sessions` table of the migrations) so that every instance shares it.
//! Rows are keyed by the SHA-256 of the session id (`stored_session_id`):
//! the cookie is the only place the id itself is.

use std::time::Duration;

use app::db::Db;
use app::entities::session;
use async_trait::async_trait;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, DbErr, EntityTrait, QueryFilter, SqlErr};
use time::{OffsetDateTime, UtcOffset};
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};

#[derive(Clone, Debug)]
pub struct DatabaseSessionStore {
    db: Db,
}

impl DatabaseSessionStore {
    pub fn new(db: Db) -> DatabaseSessionStore {
        DatabaseSessionStore { db }
    }

    /// Deletes every expired session; returns how many.
    pub async fn delete_expired(&self) -> session_store::Result<u64> {
        let result = session::Entity::delete_many()
            .filter(session::Column::ExpiresAt.lt(OffsetDateTime::now_utc()))
            .exec(&self.db.writer)
            .await
            .map_err(backend)?;
        Ok(result.rows_affected)
    }

    /// Runs for ever, sweeping expired sessions every `period`.
    pub async fn sweep_expired_every(self, period: Duration) {
        let mut interval = tokio::time::interval(period);
        loop {
            interval.tick().await;
            if let Err(error) = self.delete_expired().await {
                tracing::warn!(%error, "could not delete expired sessions");
            }
        }
    }

    fn row(record: &Record) -> session_store::Result<session::ActiveModel> {
        let data = serde_json::to_string(&record.data).map_err(|e| session_store::Error::Encode(e.to_string()))?;
        Ok(session::ActiveModel {
            id: Set(app::auth::stored_session_id(&record.id.to_string())),
            data: Set(data),
            expires_at: Set(record.expiry_date.to_offset(UtcOffset::UTC)),
            user_id: Set(record.data.get(app::auth::USER_ID).and_then(|id| id.as_i64())),
        })
    }
}

fn backend(error: DbErr) -> session_store::Error {
    session_store::Error::Backend(error.to_string())
}

#[async_trait]
impl SessionStore for DatabaseSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        // Ids are 128 random bits; a collision is next to impossible, but
        // must never hand one person another's session.
        loop {
            match session::Entity::insert(Self::row(record)?).exec(&self.db.writer).await {
                Ok(_) => return Ok(()),
                Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
                    record.id = Id::default();
                }
                Err(error) => return Err(backend(error)),
            }
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        session::Entity::insert(Self::row(record)?)
            .on_conflict(
                OnConflict::column(session::Column::Id)
                    .update_columns([session::Column::Data, session::Column::ExpiresAt, session::Column::UserId])
                    .to_owned(),
            )
            .exec(&self.db.writer)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let row = session::Entity::find_by_id(app::auth::stored_session_id(&id.to_string()))
            .filter(session::Column::ExpiresAt.gt(OffsetDateTime::now_utc()))
            .one(&self.db.reader)
            .await
            .map_err(backend)?;
        let Some(row) = row else { return Ok(None) };
        let data = serde_json::from_str(&row.data).map_err(|e| session_store::Error::Decode(e.to_string()))?;
        Ok(Some(Record { id: *id, data, expiry_date: row.expires_at }))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        session::Entity::delete_by_id(app::auth::stored_session_id(&id.to_string()))
            .exec(&self.db.writer)
            .await
            .map_err(backend)?;
        Ok(())
    }
}
