//! Rate limits that slow guessing down without handing anyone a way to lock
//! others out. Each purpose counts on its own (wrong reset codes never
//! hold up a sign-in), each allows a burst of tries and then one try per
//! interval (a slowdown, never a 15-minute wall), and a browser an account
//! has signed in from before keeps an allowance of its own (OWASP's device
//! cookies), so an attacker's wrong guesses never keep the owner out.
//!
//! The counts live in the database (`rate_limits`), so that every instance
//! counts together. Each key is one row holding when its allowance is
//! whole again (the generic cell rate algorithm). A try is *taken* before
//! the work it guards (a password hash), in one statement that counts it
//! only while the allowance lasts, so that a thousand tries sent at once
//! get the allowance and no more; a try that succeeds is given back.

use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use time::{Duration, OffsetDateTime};

use crate::db::Db;
use crate::entities::rate_limit;

/// What is being limited, and for whom (the key's `who`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// Wrong passwords for one account, from browsers it has not signed
    /// in from before (`who`: the username).
    SignInAccount,
    /// Wrong passwords from a browser the account signed in from before
    /// (`who`: the device cookie's id).
    SignInDevice,
    /// Wrong passwords from one address, whatever the account (`who`: the
    /// address). Generous: a classroom shares one.
    SignInAddress,
    /// Wrong passwords for one account from one address, once the
    /// account's or the address's allowance is used up (`who`:
    /// `username|address`; see `guessing`).
    SignInAccountFromAddress,
    /// Slowed tries for one account from every address together: many
    /// addresses do not make many allowances (`who`: the username).
    SignInAccountSlowed,
    /// Wrong current passwords, asked before changing the password or
    /// deleting the account (`who`: the account's id).
    CurrentPassword,
    /// Wrong reset codes from one address.
    ResetCode,
    /// Wrong cohort codes from one address.
    CohortCode,
    /// New accounts registered from one address (every one counts).
    Registration,
    /// Sign-ins started through a partner's identity provider from one
    /// address (each asks the provider): a classroom at once, not a flood.
    ProviderSignIn,
    /// Launches started from a partner's learning platform (LTI) from one
    /// address: each keeps a state until the launch comes back.
    PlatformLaunch,
}

impl Limit {
    /// Tries allowed at once, then one more per interval.
    fn rate(self) -> (u32, Duration) {
        match self {
            Limit::SignInAccount => (5, Duration::minutes(3)),
            Limit::SignInDevice => (10, Duration::minutes(1)),
            Limit::SignInAddress => (100, Duration::seconds(6)),
            Limit::SignInAccountFromAddress => (3, Duration::minutes(3)),
            Limit::SignInAccountSlowed => (30, Duration::minutes(1)),
            Limit::CurrentPassword => (5, Duration::minutes(3)),
            Limit::ResetCode => (20, Duration::seconds(30)),
            Limit::CohortCode => (100, Duration::seconds(30)),
            Limit::Registration => (60, Duration::seconds(30)),
            Limit::ProviderSignIn => (60, Duration::seconds(2)),
            Limit::PlatformLaunch => (60, Duration::seconds(2)),
        }
    }

    /// `purpose:` and a hash of who: a username typed (or a password
    /// typed into the username field) is not kept in the clear.
    fn key(self, who: &str) -> String {
        use sha2::{Digest, Sha256};
        let hash: String = Sha256::digest(who.as_bytes())[..16].iter().map(|b| format!("{b:02x}")).collect();
        format!("{}:{hash}", self.purpose())
    }

    fn purpose(self) -> &'static str {
        match self {
            Limit::SignInAccount => "sign-in-account",
            Limit::SignInDevice => "sign-in-device",
            Limit::SignInAddress => "sign-in-address",
            Limit::SignInAccountFromAddress => "sign-in-account-from-address",
            Limit::SignInAccountSlowed => "sign-in-account-slowed",
            Limit::CurrentPassword => "current-password",
            Limit::ResetCode => "reset-code",
            Limit::CohortCode => "cohort-code",
            Limit::Registration => "registration",
            Limit::ProviderSignIn => "provider-sign-in",
            Limit::PlatformLaunch => "platform-launch",
        }
    }
}

fn millis(time: OffsetDateTime) -> i64 {
    (time.unix_timestamp_nanos() / 1_000_000) as i64
}

/// How long `who` must wait before another try, if its allowance is used up.
pub async fn wait(db: &Db, limit: Limit, who: &str) -> Result<Option<std::time::Duration>, DbErr> {
    let full_at = rate_limit::Entity::find_by_id(limit.key(who)).one(&db.reader).await?.map(|row| row.full_at);
    Ok(wait_at(limit, full_at, millis(OffsetDateTime::now_utc())))
}

/// The wait, from the stored state: with a burst of `b` tries and an
/// interval `t`, a try is allowed while the allowance is whole again within
/// `(b - 1) · t`.
fn wait_at(limit: Limit, full_at: Option<i64>, now: i64) -> Option<std::time::Duration> {
    let (burst, interval) = limit.rate();
    let tolerance = (interval.whole_milliseconds() as i64) * i64::from(burst - 1);
    let waiting = full_at? - now - tolerance;
    (waiting > 0).then(|| std::time::Duration::from_millis(waiting as u64))
}

/// Takes one try from `who`'s allowance, if it has one left: counted at
/// once, in one statement (see the module). `Err` is how long to wait.
pub async fn take(db: &Db, limit: Limit, who: &str) -> Result<Result<(), std::time::Duration>, DbErr> {
    if try_take(&db.writer, limit, who).await? {
        return Ok(Ok(()));
    }
    let step = limit.rate().1.whole_milliseconds() as i64;
    let waiting = wait(db, limit, who).await?.unwrap_or(std::time::Duration::from_millis(step as u64));
    Ok(Err(waiting))
}

/// [`take`] on `connection` (the writer, or a transaction of several
/// tries): whether the try was counted, the allowance not yet used up.
pub async fn try_take(connection: &impl ConnectionTrait, limit: Limit, who: &str) -> Result<bool, DbErr> {
    let (burst, interval) = limit.rate();
    let now = millis(OffsetDateTime::now_utc());
    let step = interval.whole_milliseconds() as i64;
    let tolerance = step * i64::from(burst - 1);
    // Qualified: in PostgreSQL a bare name is ambiguous with `excluded`.
    let column = || Expr::col((rate_limit::Entity, rate_limit::Column::FullAt));
    // Whole again one interval later than it was, or than now if it was whole.
    let moved = Expr::case(column().gt(now), column().add(step)).finally(Expr::val(now + step));
    let statement = Query::insert()
        .into_table(rate_limit::Entity)
        .columns([rate_limit::Column::Key, rate_limit::Column::FullAt])
        .values_panic([limit.key(who).into(), (now + step).into()])
        .on_conflict(
            OnConflict::column(rate_limit::Column::Key)
                .value(rate_limit::Column::FullAt, moved)
                // Only while the allowance lasts: never further ahead than
                // a whole burst from now.
                .action_and_where(column().lte(now + tolerance))
                .to_owned(),
        )
        .returning_col(rate_limit::Column::FullAt)
        .to_owned();
    let counted = connection.query_one(&statement).await?.is_some();
    if !counted {
        metrics::counter!("learn_throttled_total", "purpose" => limit.purpose()).increment(1);
    }
    Ok(counted)
}

/// Gives back a try taken by [`take`]: it succeeded. On the writer, or
/// within the transaction that records the success.
pub async fn give_back(connection: &impl ConnectionTrait, limit: Limit, who: &str) -> Result<(), DbErr> {
    let step = limit.rate().1.whole_milliseconds() as i64;
    rate_limit::Entity::update_many()
        .col_expr(rate_limit::Column::FullAt, Expr::col(rate_limit::Column::FullAt).sub(step))
        .filter(rate_limit::Column::Key.eq(limit.key(who)))
        .exec(connection)
        .await?;
    Ok(())
}

/// The key of an address: an IPv6 address by its /64 (one home or phone
/// network is given a whole /64, and must not get billions of allowances),
/// an IPv4 address as it is.
pub fn address_key(address: &str) -> String {
    match address.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V6(v6)) if v6.to_ipv4_mapped().is_none() => {
            let [a, b, c, d, ..] = v6.segments();
            format!("{a:x}:{b:x}:{c:x}:{d:x}::/64")
        }
        Ok(std::net::IpAddr::V6(v6)) => v6.to_ipv4_mapped().map(|v4| v4.to_string()).unwrap_or_default(),
        _ => address.to_string(),
    }
}

/// Deletes every key whose allowance is whole again (a missing row means
/// the same); returns how many. On PostgreSQL it passes over rows a
/// sign-in holds: a sign-in counts several keys in one transaction, and a
/// sweep waiting for one of them while holding another would deadlock
/// with it.
pub async fn sweep(db: &Db) -> Result<u64, DbErr> {
    use sea_orm::sea_query::{LockBehavior, LockType};
    use sea_orm::{QuerySelect, QueryTrait};
    let now = millis(OffsetDateTime::now_utc());
    let whole = rate_limit::Column::FullAt.lt(now);
    let delete = rate_limit::Entity::delete_many();
    let done = if db.is_postgres() {
        let free = rate_limit::Entity::find()
            .select_only()
            .column(rate_limit::Column::Key)
            .filter(whole)
            .lock_with_behavior(LockType::Update, LockBehavior::SkipLocked)
            .into_query();
        delete.filter(rate_limit::Column::Key.in_subquery(free)).exec(&db.writer).await?
    } else {
        delete.filter(whole).exec(&db.writer).await?
    };
    Ok(done.rows_affected)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stored state after `tries` tries at `now` (as `count` moves it).
    fn after(limit: Limit, tries: i64, now: i64) -> Option<i64> {
        let step = limit.rate().1.whole_milliseconds() as i64;
        (tries > 0).then(|| now + tries * step)
    }

    #[test]
    fn a_burst_is_allowed_then_one_try_per_interval() {
        let now = 1_000_000;
        for tries in 0..5 {
            assert_eq!(wait_at(Limit::SignInAccount, after(Limit::SignInAccount, tries, now), now), None, "{tries}");
        }
        let held = wait_at(Limit::SignInAccount, after(Limit::SignInAccount, 5, now), now);
        assert_eq!(held, Some(std::time::Duration::from_secs(180)), "one more in three minutes");
        let later = now + 180_000;
        assert_eq!(wait_at(Limit::SignInAccount, after(Limit::SignInAccount, 5, now), later), None);
    }

    #[test]
    fn a_classroom_behind_one_address_gets_a_hundred_tries() {
        let now = 5_000_000;
        assert_eq!(wait_at(Limit::SignInAddress, after(Limit::SignInAddress, 99, now), now), None);
        assert!(wait_at(Limit::SignInAddress, after(Limit::SignInAddress, 100, now), now).is_some());
    }

    #[test]
    fn an_ipv6_network_is_one_address() {
        assert_eq!(address_key("2001:db8:1:2:aaaa::1"), address_key("2001:db8:1:2:bbbb::2"));
        assert_ne!(address_key("2001:db8:1:2::1"), address_key("2001:db8:1:3::1"));
        assert_eq!(address_key("203.0.113.7"), "203.0.113.7");
        assert_eq!(address_key("::ffff:203.0.113.7"), "203.0.113.7");
    }

    #[test]
    fn purposes_are_counted_apart() {
        assert_ne!(Limit::ResetCode.key("203.0.113.7"), Limit::SignInAddress.key("203.0.113.7"));
        assert_ne!(Limit::SignInAccount.key("amina"), Limit::CurrentPassword.key("amina"));
    }
}
