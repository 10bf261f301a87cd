//! Who is signed in to which session, kept in memory for a minute, so that
//! a signed-in page does not read the session and the account from the
//! database on every request (twice: once for the page, once for its
//! server function).
//!
//! Whenever sessions end or who someone is changes (signing out, a new
//! password or role, a deletion, a new organisation or language), a counter
//! in the database is bumped (`session_revocations`); every instance looks
//! at it every second and forgets everyone it kept when it moved. The
//! instance where the change happened forgets at once. So a change reaches
//! every instance within about a second.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait};

use crate::entities::session_revocation;
use crate::model::Viewer;

/// How long a signed-in person is kept without looking at the database.
const KEPT: Duration = Duration::from_secs(60);
/// People kept at most; beyond, everyone is forgotten (and read again).
const MOST: usize = 50_000;

/// A signed-in person, as their session said when read.
#[derive(Clone, Debug)]
pub struct Kept {
    pub viewer: Viewer,
    pub signed_in_at: i64,
    /// The day the session's expiry last moved (see `auth`).
    pub active_day: i64,
    generation: i64,
    kept_at: Instant,
}

#[derive(Debug, Default)]
pub struct KeptSessions {
    people: Mutex<HashMap<String, Kept>>,
    /// Moves whenever everyone kept is forgotten; a person kept before is
    /// not good after.
    epoch: AtomicI64,
    /// The database's counter, as last seen.
    seen: AtomicI64,
}

impl KeptSessions {
    /// Who `session_id` is signed in as, if kept and still good.
    pub fn get(&self, session_id: &str) -> Option<Kept> {
        let generation = self.epoch.load(Ordering::Acquire);
        let people = self.people.lock().ok()?;
        people.get(session_id).filter(|kept| kept.generation == generation && kept.kept_at.elapsed() < KEPT).cloned()
    }

    pub fn keep(&self, session_id: &str, viewer: Viewer, signed_in_at: i64, active_day: i64) {
        let generation = self.epoch.load(Ordering::Acquire);
        if let Ok(mut people) = self.people.lock() {
            if people.len() >= MOST {
                people.clear();
            }
            people.insert(
                session_id.to_string(),
                Kept { viewer, signed_in_at, active_day, generation, kept_at: Instant::now() },
            );
        }
    }

    /// Forgets one session kept here (its id is changing).
    pub fn forget(&self, session_id: &str) {
        if let Ok(mut people) = self.people.lock() {
            people.remove(session_id);
        }
    }

    /// Forgets everyone kept here, at once.
    pub fn forget_all(&self) {
        self.epoch.fetch_add(1, Ordering::AcqRel);
        if let Ok(mut people) = self.people.lock() {
            people.clear();
        }
    }

    /// Follows the database's counter: when it moved (here or on another
    /// instance), forget everyone.
    pub fn follow(&self, generation: i64) {
        if self.seen.swap(generation, Ordering::AcqRel) != generation {
            self.forget_all();
        }
    }
}

/// Within the transaction that changes sessions or accounts: every instance
/// is to forget who it keeps.
pub async fn revoke_everywhere(connection: &impl ConnectionTrait) -> Result<(), DbErr> {
    session_revocation::Entity::update_many()
        .col_expr(session_revocation::Column::Generation, Expr::col(session_revocation::Column::Generation).add(1))
        .exec(connection)
        .await?;
    Ok(())
}

/// The database's counter.
pub async fn generation(connection: &impl ConnectionTrait) -> Result<i64, DbErr> {
    Ok(session_revocation::Entity::find_by_id(1).one(connection).await?.map_or(0, |row| row.generation))
}
