//! The database: SQLite (one file, the default) or PostgreSQL (past one machine).
//!
//! SQLite allows one writer at a time. Rather than let concurrent requests
//! race for the write lock (and fail with SQLITE_BUSY), every write goes
//! through a pool of exactly one connection, [`Db::writer`]; reads use a
//! separate read-only pool, which WAL lets run beside the writer. On
//! PostgreSQL both are the same pool.

use std::time::Duration;

use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbErr};

#[derive(Clone, Debug)]
pub struct Db {
    /// For reads only.
    pub reader: DatabaseConnection,
    /// For every write; on SQLite a single connection.
    pub writer: DatabaseConnection,
}

impl Db {
    /// Connects to `url` (`sqlite://path` or `postgres://…`). On PostgreSQL,
    /// `schema`, when given, is created if missing and used for every table.
    pub async fn connect(url: &str, schema: Option<&str>) -> Result<Db, DbErr> {
        if url.starts_with("sqlite:") {
            let writer = Database::connect(sqlite_options(url, 1, false)).await?;
            let reader = Database::connect(sqlite_options(url, 4, true)).await?;
            Ok(Db { reader, writer })
        } else {
            if let Some(schema) = schema {
                let bootstrap = Database::connect(url).await?;
                bootstrap
                    .execute_unprepared(&format!("CREATE SCHEMA IF NOT EXISTS \"{}\"", schema.replace('"', "")))
                    .await?;
                bootstrap.close().await?;
            }
            let mut options = ConnectOptions::new(url);
            options.max_connections(10).sqlx_logging(false);
            if let Some(schema) = schema {
                options.set_schema_search_path(schema);
            }
            let pool = Database::connect(options).await?;
            Ok(Db { reader: pool.clone(), writer: pool })
        }
    }

    /// True when the database answers.
    pub async fn is_healthy(&self) -> bool {
        self.reader.ping().await.is_ok() && self.writer.ping().await.is_ok()
    }
}

fn sqlite_options(url: &str, connections: u32, read_only: bool) -> ConnectOptions {
    let mut options = ConnectOptions::new(url);
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
