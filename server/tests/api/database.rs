//! Migrations and concurrent writes.

use migrations::MigratorTrait;
use server::session_store::DatabaseSessionStore;
use time::{Duration, OffsetDateTime};
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::SessionStore;

use crate::helpers::{BACKENDS, Backend, TestDatabase};

#[tokio::test]
async fn migrations_run_twice_without_harm() {
    for backend in BACKENDS {
        let database = TestDatabase::new(backend);
        let db = database.connect().await;
        migrations::Migrator::up(&db.writer, None).await.unwrap();
        migrations::Migrator::up(&db.writer, None).await.unwrap();
        let pending = migrations::Migrator::get_pending_migrations(&db.writer).await.unwrap();
        assert!(pending.is_empty(), "{backend:?}");
    }
}

#[tokio::test]
async fn sqlite_runs_in_wal_mode_with_full_sync() {
    use sea_orm::{ConnectionTrait, Statement};
    let database = TestDatabase::new(Backend::Sqlite);
    let db = database.connect().await;
    let backend = db.writer.get_database_backend();
    let journal =
        db.writer.query_one_raw(Statement::from_string(backend, "PRAGMA journal_mode")).await.unwrap().unwrap();
    assert_eq!(journal.try_get_by_index::<String>(0).unwrap(), "wal");
    let sync = db.writer.query_one_raw(Statement::from_string(backend, "PRAGMA synchronous")).await.unwrap().unwrap();
    assert_eq!(sync.try_get_by_index::<i32>(0).unwrap(), 2, "synchronous = FULL");
}

/// Many requests writing at once must all succeed: on SQLite they queue
/// for the single writer instead of failing with SQLITE_BUSY.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_writes_all_succeed() {
    for backend in BACKENDS {
        let database = TestDatabase::new(backend);
        let db = database.connect().await;
        migrations::Migrator::up(&db.writer, None).await.unwrap();
        let store = DatabaseSessionStore::new(db);
        let mut tasks = Vec::new();
        for _ in 0..64 {
            let store = store.clone();
            tasks.push(tokio::spawn(async move {
                let mut record = Record {
                    id: Id::default(),
                    data: Default::default(),
                    expiry_date: OffsetDateTime::now_utc() + Duration::hours(1),
                };
                store.create(&mut record).await?;
                store.load(&record.id).await?.expect("just written");
                store.save(&record).await
            }));
        }
        for task in tasks {
            task.await.unwrap().unwrap_or_else(|error| panic!("{backend:?}: {error}"));
        }
    }
}
