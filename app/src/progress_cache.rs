//! Where each learner stands in each course, kept in memory, so that a
//! signed-in lesson page reads nothing from the database (with SQLite the
//! two reads it needs cost more than rendering the page: each is handed
//! to SQLite's worker thread and back).
//!
//! Kept only where this process sees every write: on SQLite, whose one file
//! has one server. Each learner has a version, moved after every write that
//! changes their enrolments, completions, attempts or certificates; a kept
//! standing is good only while its learner's version (and the epoch, moved
//! when many learners change at once, as a bulk enrolment does) is the one
//! it was read under. The version is taken before reading, so a standing
//! read while a write was committing is never kept as current. A standing
//! is kept a minute at most whatever happens. With PostgreSQL (several
//! instances) nothing is kept.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Standings kept at most; beyond, all are forgotten.
const MOST: usize = 100_000;
/// How long a standing is kept at most.
const KEPT: Duration = Duration::from_secs(60);

/// Where a learner stands in a course they are enrolled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptProgress {
    /// The day the course was completed (UTC, `YYYY-MM-DD`).
    pub completed_on: Option<String>,
    /// Holds a certificate (valid or revoked) for the course.
    pub certificate: bool,
    pub completed_lessons: HashSet<String>,
}

/// The version a standing is read under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Version {
    learner: u64,
    epoch: u64,
}

#[derive(Debug)]
pub struct ProgressCache {
    enabled: bool,
    epoch: AtomicU64,
    /// SQLite's `data_version` on the writer as last seen: it moves when
    /// another connection writes.
    other_writers: std::sync::atomic::AtomicI64,
    versions: Mutex<HashMap<i64, u64>>,
    /// (learner, course) -> the standing (`None`: not enrolled) and its version.
    kept: Mutex<HashMap<(i64, String), Kept>>,
}

#[derive(Debug)]
struct Kept {
    version: Version,
    kept_at: Instant,
    standing: Option<Arc<KeptProgress>>,
}

impl ProgressCache {
    /// `enabled`: this process sees every write to the database.
    pub fn new(enabled: bool) -> ProgressCache {
        ProgressCache {
            enabled,
            epoch: AtomicU64::new(0),
            other_writers: std::sync::atomic::AtomicI64::new(i64::MIN),
            versions: Mutex::new(HashMap::new()),
            kept: Mutex::new(HashMap::new()),
        }
    }

    /// The learner's version now: take it before reading their standing.
    pub fn version(&self, learner: i64) -> Version {
        let learner_version = self.versions.lock().map(|v| v.get(&learner).copied().unwrap_or(0)).unwrap_or(u64::MAX);
        Version { learner: learner_version, epoch: self.epoch.load(Ordering::Acquire) }
    }

    /// The kept standing, if it is still current. `Some(None)`: not enrolled.
    pub fn get(&self, learner: i64, course: &str) -> Option<Option<Arc<KeptProgress>>> {
        if !self.enabled {
            return None;
        }
        let now = self.version(learner);
        let kept = self.kept.lock().ok()?;
        kept.get(&(learner, course.to_string()))
            .filter(|kept| kept.version == now && kept.kept_at.elapsed() < KEPT)
            .map(|kept| kept.standing.clone())
    }

    pub fn keep(&self, learner: i64, course: &str, version: Version, standing: Option<Arc<KeptProgress>>) {
        if !self.enabled {
            return;
        }
        if let Ok(mut kept) = self.kept.lock() {
            if kept.len() >= MOST {
                kept.clear();
            }
            kept.insert((learner, course.to_string()), Kept { version, kept_at: Instant::now(), standing });
        }
    }

    /// Before a write to this learner's learning: when the guard is dropped
    /// (after the commit, or the failure or abandonment of the write), their
    /// kept standings are no longer current. Declare it before the
    /// transaction, so that it is dropped after.
    pub fn changing(&self, learner: i64) -> Changing<'_> {
        Changing { cache: self, learner: Some(learner) }
    }

    /// Before a write that changes many learners at once (see [`changing`]).
    ///
    /// [`changing`]: ProgressCache::changing
    pub fn changing_everyone(&self) -> Changing<'_> {
        Changing { cache: self, learner: None }
    }

    /// After a committed write that changed this learner's learning.
    pub fn learner_changed(&self, learner: i64) {
        let changed = self.versions.lock().map(|mut versions| {
            if versions.len() >= MOST {
                versions.clear();
                return false;
            }
            *versions.entry(learner).or_default() += 1;
            true
        });
        if !matches!(changed, Ok(true)) {
            self.everyone_changed();
        }
    }

    /// Follows SQLite's `data_version` of the writer's connection.
    pub fn follow_other_writers(&self, data_version: i64) {
        let seen = self.other_writers.swap(data_version, Ordering::AcqRel);
        if seen != data_version && seen != i64::MIN {
            self.everyone_changed();
        }
    }

    /// After a committed write that changed many learners at once.
    pub fn everyone_changed(&self) {
        self.epoch.fetch_add(1, Ordering::AcqRel);
    }
}

/// See [`ProgressCache::changing`].
#[must_use = "the change is noted when this is dropped, after the write"]
pub struct Changing<'a> {
    cache: &'a ProgressCache,
    learner: Option<i64>,
}

impl Drop for Changing<'_> {
    fn drop(&mut self) {
        match self.learner {
            Some(learner) => self.cache.learner_changed(learner),
            None => self.cache.everyone_changed(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn standing() -> Option<Arc<KeptProgress>> {
        Some(Arc::new(KeptProgress { completed_on: None, certificate: false, completed_lessons: HashSet::new() }))
    }

    #[test]
    fn a_standing_is_kept_until_its_learner_changes() {
        let cache = ProgressCache::new(true);
        let version = cache.version(7);
        cache.keep(7, "phones", version, standing());
        assert!(cache.get(7, "phones").is_some());
        cache.learner_changed(8);
        assert!(cache.get(7, "phones").is_some(), "another learner's change keeps it");
        cache.learner_changed(7);
        assert!(cache.get(7, "phones").is_none());
    }

    #[test]
    fn a_standing_read_while_a_write_committed_is_not_kept_as_current() {
        let cache = ProgressCache::new(true);
        let version = cache.version(7);
        cache.learner_changed(7); // committed while the read was under way
        cache.keep(7, "phones", version, standing());
        assert!(cache.get(7, "phones").is_none());
    }

    #[test]
    fn a_write_under_way_ends_what_was_kept_when_it_ends() {
        let cache = ProgressCache::new(true);
        let changing = cache.changing(7);
        cache.keep(7, "phones", cache.version(7), standing());
        assert!(cache.get(7, "phones").is_some());
        drop(changing);
        assert!(cache.get(7, "phones").is_none());
        cache.keep(7, "phones", cache.version(7), standing());
        drop(cache.changing_everyone());
        assert!(cache.get(7, "phones").is_none());
    }

    #[test]
    fn another_writer_on_the_file_forgets_everyone() {
        let cache = ProgressCache::new(true);
        cache.follow_other_writers(3);
        cache.keep(7, "phones", cache.version(7), standing());
        cache.follow_other_writers(3);
        assert!(cache.get(7, "phones").is_some());
        cache.follow_other_writers(4);
        assert!(cache.get(7, "phones").is_none());
    }

    #[test]
    fn many_changing_at_once_forgets_everyone_and_postgres_keeps_nothing() {
        let cache = ProgressCache::new(true);
        cache.keep(7, "phones", cache.version(7), standing());
        cache.everyone_changed();
        assert!(cache.get(7, "phones").is_none());
        let off = ProgressCache::new(false);
        off.keep(7, "phones", off.version(7), standing());
        assert!(off.get(7, "phones").is_none());
    }
}
