//! The session store over sea-orm, on both databases.

use std::collections::HashMap;

use server::session_store::DatabaseSessionStore;
use time::{Duration, OffsetDateTime};
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::SessionStore;

use crate::helpers::{BACKENDS, TestDatabase};

async fn migrated_store(database: &TestDatabase) -> DatabaseSessionStore {
    let db = database.connect().await;
    use migrations::MigratorTrait;
    migrations::Migrator::up(&db.writer, None).await.expect("migrations run");
    DatabaseSessionStore::new(db)
}

fn record(expires_in: Duration) -> Record {
    let mut data = HashMap::new();
    data.insert("language".to_string(), serde_json::json!("ur"));
    Record { id: Id::default(), data, expiry_date: OffsetDateTime::now_utc() + expires_in }
}

#[tokio::test]
async fn a_session_is_created_loaded_saved_and_deleted() {
    for backend in BACKENDS {
        let database = TestDatabase::new(backend);
        let store = migrated_store(&database).await;
        let mut session = record(Duration::hours(1));
        store.create(&mut session).await.unwrap();

        let loaded = store.load(&session.id).await.unwrap().expect("the session is stored");
        assert_eq!(loaded.data["language"], "ur", "{backend:?}");

        session.data.insert("language".to_string(), serde_json::json!("ru"));
        store.save(&session).await.unwrap();
        assert_eq!(store.load(&session.id).await.unwrap().unwrap().data["language"], "ru");

        store.delete(&session.id).await.unwrap();
        assert!(store.load(&session.id).await.unwrap().is_none(), "{backend:?}");
    }
}

#[tokio::test]
async fn an_expired_session_is_never_loaded_and_gets_swept() {
    for backend in BACKENDS {
        let database = TestDatabase::new(backend);
        let store = migrated_store(&database).await;
        let mut expired = record(-Duration::minutes(1));
        let mut live = record(Duration::hours(1));
        store.create(&mut expired).await.unwrap();
        store.create(&mut live).await.unwrap();
        assert!(store.load(&expired.id).await.unwrap().is_none(), "{backend:?}");
        assert_eq!(store.delete_expired().await.unwrap(), 1, "{backend:?}");
        assert!(store.load(&live.id).await.unwrap().is_some());
    }
}

#[tokio::test]
async fn a_colliding_session_id_is_replaced_not_shared() {
    for backend in BACKENDS {
        let database = TestDatabase::new(backend);
        let store = migrated_store(&database).await;
        let mut first = record(Duration::hours(1));
        store.create(&mut first).await.unwrap();
        let mut second = record(Duration::hours(1));
        second.id = first.id;
        store.create(&mut second).await.unwrap();
        assert_ne!(first.id, second.id, "{backend:?}");
    }
}
