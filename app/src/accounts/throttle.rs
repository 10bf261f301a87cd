//! Failed logins are limited mainly per account (5 in 15 minutes), with a
//! generous limit per address (100 in 15 minutes): a whole classroom may
//! share one address, while guessing one person's password must stay slow.
//! Kept in memory: each server instance counts on its own, which still
//! bounds guessing to a few attempts per account per instance.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const WINDOW: Duration = Duration::from_secs(15 * 60);
pub const PER_ACCOUNT: usize = 5;
pub const PER_ADDRESS: usize = 100;
/// Beyond this many keys, the oldest are forgotten: a flood of made-up
/// usernames cannot grow memory without bound.
const MAX_KEYS: usize = 100_000;

#[derive(Debug, Default)]
pub struct LoginThrottle {
    accounts: Mutex<Failures<String>>,
    addresses: Mutex<Failures<IpAddr>>,
}

#[derive(Debug)]
struct Failures<K> {
    times: HashMap<K, VecDeque<Instant>>,
}

impl<K> Default for Failures<K> {
    fn default() -> Self {
        Failures { times: HashMap::new() }
    }
}

impl<K: std::hash::Hash + Eq + Clone> Failures<K> {
    /// How long until `key` may try again, if it has reached `limit`.
    fn wait(&mut self, key: &K, limit: usize, now: Instant) -> Option<Duration> {
        let times = self.times.get_mut(key)?;
        while times.front().is_some_and(|&time| now.duration_since(time) >= WINDOW) {
            times.pop_front();
        }
        if times.len() < limit {
            return None;
        }
        times.front().map(|&oldest| WINDOW.saturating_sub(now.duration_since(oldest)))
    }

    fn record(&mut self, key: K, now: Instant) {
        if self.times.len() >= MAX_KEYS && !self.times.contains_key(&key) {
            self.times.retain(|_, times| times.back().is_some_and(|&last| now.duration_since(last) < WINDOW));
            if self.times.len() >= MAX_KEYS {
                self.times.clear();
            }
        }
        self.times.entry(key).or_default().push_back(now);
    }

    fn forget(&mut self, key: &K) {
        self.times.remove(key);
    }
}

impl LoginThrottle {
    /// How long `account` (from `address`) must wait before another try.
    pub fn wait(&self, account: &str, address: Option<IpAddr>, now: Instant) -> Option<Duration> {
        let by_account = self.accounts.lock().ok()?.wait(&account.to_string(), PER_ACCOUNT, now);
        let by_address = address.and_then(|address| self.addresses.lock().ok()?.wait(&address, PER_ADDRESS, now));
        by_account.max(by_address)
    }

    /// How long `address` must wait: for guesses not tied to an account
    /// (reset codes).
    pub fn address_wait(&self, address: Option<IpAddr>, now: Instant) -> Option<Duration> {
        address.and_then(|address| self.addresses.lock().ok()?.wait(&address, PER_ADDRESS, now))
    }

    pub fn record_address_failure(&self, address: Option<IpAddr>, now: Instant) {
        if let (Some(address), Ok(mut addresses)) = (address, self.addresses.lock()) {
            addresses.record(address, now);
        }
    }

    pub fn record_failure(&self, account: &str, address: Option<IpAddr>, now: Instant) {
        if let Ok(mut accounts) = self.accounts.lock() {
            accounts.record(account.to_string(), now);
        }
        if let (Some(address), Ok(mut addresses)) = (address, self.addresses.lock()) {
            addresses.record(address, now);
        }
    }

    /// A successful login clears the account's count (not the address's).
    pub fn record_success(&self, account: &str) {
        if let Ok(mut accounts) = self.accounts.lock() {
            accounts.forget(&account.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classroom() -> Option<IpAddr> {
        Some("203.0.113.7".parse().unwrap())
    }

    #[test]
    fn an_account_is_held_after_five_failures_for_the_rest_of_the_window() {
        let throttle = LoginThrottle::default();
        let start = Instant::now();
        for minute in 0..5 {
            assert_eq!(throttle.wait("amina", classroom(), start), None);
            throttle.record_failure("amina", classroom(), start + Duration::from_secs(minute * 60));
        }
        let now = start + Duration::from_secs(5 * 60);
        assert_eq!(throttle.wait("amina", classroom(), now), Some(Duration::from_secs(10 * 60)));
        assert_eq!(throttle.wait("bilal", classroom(), now), None, "classmates are not held");
        assert_eq!(throttle.wait("amina", classroom(), start + WINDOW), None, "the oldest failure has expired");
    }

    #[test]
    fn an_address_is_held_only_after_many_failures() {
        let throttle = LoginThrottle::default();
        let now = Instant::now();
        for learner in 0..PER_ADDRESS {
            throttle.record_failure(&format!("learner{learner}"), classroom(), now);
        }
        assert!(throttle.wait("someone-new", classroom(), now).is_some());
        assert!(throttle.wait("someone-new", Some("198.51.100.1".parse().unwrap()), now).is_none());
    }

    #[test]
    fn success_clears_the_account() {
        let throttle = LoginThrottle::default();
        let now = Instant::now();
        for _ in 0..PER_ACCOUNT {
            throttle.record_failure("amina", None, now);
        }
        assert!(throttle.wait("amina", None, now).is_some());
        throttle.record_success("amina");
        assert!(throttle.wait("amina", None, now).is_none());
    }
}
