//! The database: SQLite (one file, the default) or PostgreSQL (past one machine).
//!
//! SQLite allows one writer at a time. Rather than let concurrent requests
//! race for the write lock (and fail with SQLITE_BUSY), every write goes
//! through a pool of exactly one connection, [`Db::writer`]; reads use a
//! separate read-only pool, which WAL lets run beside the writer. On
//! PostgreSQL both are the same pool.
//!
//! A connection whose COMMIT or ROLLBACK failed is never used again. On a
//! full disk SQLite rolls a failed COMMIT back by itself while sqlx still
//! counts the transaction as open; the next "transaction" on that
//! connection would then be a savepoint inside nothing, acknowledged and
//! never stored. The pool drops such a connection (its transaction depth
//! is not zero when it comes back) and opens a fresh one.

use std::time::Duration;

use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbErr};

/// Whether the database aborted a transaction to break a deadlock or a
/// serialisation conflict (PostgreSQL 40P01, 40001): trying it again is
/// right.
pub fn is_conflict(error: &DbErr) -> bool {
    let text = error.to_string();
    ["40P01", "40001", "deadlock detected", "could not serialize access"].iter().any(|mark| text.contains(mark))
}

/// The PostgreSQL advisory lock migrations hold, so that instances starting
/// at once migrate one after the other (each schema has its own).
pub fn migration_lock_key(schema: Option<&str>) -> i64 {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("learn-migrations:{}", schema.unwrap_or("public")).as_bytes());
    i64::from_be_bytes(digest[..8].try_into().unwrap_or_default())
}

#[derive(Clone, Debug)]
pub struct Db {
    /// For reads only.
    pub reader: DatabaseConnection,
    /// For every write; on SQLite a single connection.
    pub writer: DatabaseConnection,
    /// For statistics and exports, which may lag a little behind the
    /// writes: a PostgreSQL read replica when one is configured, else the
    /// reader. Nothing that must see a write just made reads here.
    pub reports: DatabaseConnection,
    /// Where learners stand, kept in memory where that is safe (SQLite).
    pub progress: std::sync::Arc<crate::progress_cache::ProgressCache>,
    url: String,
    schema: Option<String>,
}

impl Db {
    /// Connects to `url` (`sqlite://path` or `postgres://…`). On PostgreSQL,
    /// `schema`, when given, is created if missing and used for every table.
    pub async fn connect(url: &str, schema: Option<&str>) -> Result<Db, DbErr> {
        if url.starts_with("sqlite:") {
            let writer = Database::connect(sqlite_options(url, 1, false)).await?;
            let reader = Database::connect(sqlite_options(url, 4, true)).await?;
            Ok(Db {
                reports: reader.clone(),
                reader,
                writer,
                progress: std::sync::Arc::new(crate::progress_cache::ProgressCache::new(true)),
                url: url.to_string(),
                schema: None,
            })
        } else {
            if let Some(schema) = schema {
                let bootstrap = Database::connect(url).await?;
                let create = format!("CREATE SCHEMA IF NOT EXISTS \"{}\"", schema.replace('"', ""));
                // Two instances creating it at once: one of them may find it
                // made under its feet, which is as good.
                if let Err(error) = bootstrap.execute_unprepared(&create).await {
                    bootstrap.execute_unprepared(&create).await.map_err(|_| error)?;
                }
                bootstrap.close().await?;
            }
            let pool = Database::connect(postgres_options(url, schema, 10)).await?;
            Ok(Db {
                reader: pool.clone(),
                reports: pool.clone(),
                writer: pool,
                // Other instances write too: nothing is kept.
                progress: std::sync::Arc::new(crate::progress_cache::ProgressCache::new(false)),
                url: url.to_string(),
                schema: schema.map(str::to_string),
            })
        }
    }

    /// Statistics and exports read `replica` (a PostgreSQL streaming
    /// replica of the same database) from now on.
    pub async fn with_replica(mut self, replica: &str) -> Result<Db, DbErr> {
        self.reports = Database::connect(postgres_options(replica, self.schema.as_deref(), 10)).await?;
        Ok(self)
    }

    /// A pool of exactly one connection to the same database, for what
    /// must happen on one connection (holding an advisory lock).
    pub async fn single_connection(&self) -> Result<DatabaseConnection, DbErr> {
        if self.is_postgres() {
            Database::connect(postgres_options(&self.url, self.schema.as_deref(), 1)).await
        } else {
            Database::connect(sqlite_options(&self.url, 1, false)).await
        }
    }

    /// On SQLite: whether another connection than this server's writer
    /// (another process on the same file, a command) wrote since the last
    /// look; then every kept standing is forgotten. Called every second.
    pub async fn follow_other_writers(&self) -> Result<(), DbErr> {
        if self.is_postgres() {
            return Ok(());
        }
        let row = self
            .writer
            .query_one_raw(sea_orm::Statement::from_string(sea_orm::DbBackend::Sqlite, "PRAGMA data_version"))
            .await?;
        let version = row.map(|row| row.try_get_by_index::<i64>(0)).transpose()?.unwrap_or_default();
        self.progress.follow_other_writers(version);
        Ok(())
    }

    pub fn is_postgres(&self) -> bool {
        self.writer.get_database_backend() == sea_orm::DbBackend::Postgres
    }

    /// Whether the database answers a read and takes a write (committed,
    /// so on disk), each within `bound`; the reason when it does not.
    pub async fn readiness(&self, bound: Duration) -> Result<(), String> {
        use sea_orm::{EntityTrait, TransactionTrait};
        let read = tokio::time::timeout(bound, self.reader.ping()).await;
        match read {
            Err(_) => return Err(format!("the database did not answer a read within {} s", bound.as_secs_f32())),
            Ok(Err(error)) => return Err(format!("the database does not answer: {error}")),
            Ok(Ok(())) => {}
        }
        let write = async {
            let transaction = self.writer.begin().await?;
            let now = time::OffsetDateTime::now_utc().unix_timestamp();
            crate::entities::readiness::Entity::update_many()
                .col_expr(crate::entities::readiness::Column::CheckedAt, sea_orm::sea_query::Expr::value(now))
                .exec(&transaction)
                .await?;
            transaction.commit().await
        };
        match tokio::time::timeout(bound, write).await {
            Err(_) => Err(format!("the database did not take a write within {} s", bound.as_secs_f32())),
            Ok(Err(error)) => Err(format!("the database refuses writes: {error}")),
            Ok(Ok(())) => Ok(()),
        }
    }
}

fn postgres_options(url: &str, schema: Option<&str>, connections: u32) -> ConnectOptions {
    let mut options = ConnectOptions::new(url);
    options.max_connections(connections).sqlx_logging(false);
    if let Some(schema) = schema {
        options.set_schema_search_path(schema);
    }
    options
}

/// Whether a connection coming back to the pool (or about to be handed
/// out) is sound: no transaction left open, as there is after a COMMIT or
/// ROLLBACK that failed. A transaction dropped unfinished (a refusal
/// returned from inside it) is no such case: its ROLLBACK is queued on the
/// connection, which runs what it is sent in order, so once a ping sent
/// after it is answered, it has run.
async fn sound(connection: &mut sea_orm::sqlx::SqliteConnection) -> bool {
    use sea_orm::sqlx::Connection;
    use sqlx_core::transaction::TransactionManager;
    let depth = |connection: &sea_orm::sqlx::SqliteConnection| {
        <sea_orm::sqlx::Sqlite as sea_orm::sqlx::Database>::TransactionManager::get_transaction_depth(connection)
    };
    if depth(connection) == 0 {
        return true;
    }
    if let Err(error) = connection.ping().await {
        tracing::error!(%error, "a database connection does not answer; it is closed");
        return false;
    }
    let depth = depth(connection);
    if depth != 0 {
        tracing::error!(depth, "a database connection left a transaction open (a failed commit?); it is closed");
        return false;
    }
    true
}

fn sqlite_options(url: &str, connections: u32, read_only: bool) -> ConnectOptions {
    let mut options = ConnectOptions::new(url);
    options.map_sqlx_sqlite_pool_opts(|pool| {
        pool.after_release(|connection, _| Box::pin(async move { Ok(sound(connection).await) }))
            .before_acquire(|connection, _| Box::pin(async move { Ok(sound(connection).await) }))
    });
    options
        .max_connections(connections)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(30))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(move |sqlite: SqliteConnectOptions| {
            let sqlite = sqlite.create_if_missing(!read_only).read_only(read_only);
            // The writer switches the file to WAL; the mode is kept in the
            // file, and a read-only connection may not change it.
            let sqlite = if read_only { sqlite } else { sqlite.journal_mode(SqliteJournalMode::Wal) };
            sqlite
                // FULL: a transaction is on disk (fsync of the WAL) before we
                // acknowledge it, so it survives a crash of the process and a
                // power cut. NORMAL would survive the first only.
                .synchronous(SqliteSynchronous::Full)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
                // Reads through the operating system's page cache (shared
                // by every connection) instead of copying each page in, and
                // a 16 MB page cache per connection: statistics walk whole
                // indexes, and this halves the time they take.
                .pragma("mmap_size", "1073741824")
                .pragma("cache_size", "-16384")
        });
    options
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::{ConnectionTrait, TransactionTrait};

    #[tokio::test]
    async fn a_transaction_dropped_unfinished_is_rolled_back_and_its_connection_kept() {
        let folder = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", folder.path().join("learn.db").display());
        let db = Db::connect(&url, None).await.unwrap();
        // A temporary table lives as long as its connection: the writer's
        // one connection is the same one at the end if it is still there.
        db.writer.execute_unprepared("CREATE TEMP TABLE kept (n INTEGER)").await.unwrap();
        for n in 0..20 {
            let transaction = db.writer.begin().await.unwrap();
            transaction.execute_unprepared(&format!("INSERT INTO kept VALUES ({n})")).await.unwrap();
            // Returned early, as a refusal inside a transaction does.
            drop(transaction);
            db.writer.execute_unprepared("SELECT 1").await.unwrap();
        }
        let row = db
            .writer
            .query_one_raw(sea_orm::Statement::from_string(sea_orm::DbBackend::Sqlite, "SELECT count(*) FROM kept"));
        let count: i64 = row.await.expect("the same connection").unwrap().try_get_by_index(0).unwrap();
        assert_eq!(count, 0, "every dropped transaction was rolled back");
    }
}
