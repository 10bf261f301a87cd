//! Who may try a password now. Guessing is slowed without giving anyone a
//! way to lock others out:
//!
//! - A browser the account signed in from before (a device cookie) has an
//!   allowance of its own: a stranger's guesses never touch it.
//! - Any other browser counts against the account's allowance and its
//!   address's. When either is used up, the try is not refused but
//!   *slowed*: it waits a moment and is counted against the account *from
//!   that address* only. So a stranger who used up an account's allowance
//!   from one place does not keep its owner out on a new phone elsewhere,
//!   and 100 guesses for made-up names from a school's or a carrier's
//!   shared address do not keep its classmates out of their own accounts.
//! - Only when the account's allowance from that very address is used up
//!   too, or the slowed tries of the account from every address together
//!   (30, then 1 a minute: a stranger with many addresses does not get
//!   many allowances), is the try refused (wait, use your own phone, or
//!   ask for a reset code).
//! - A known browser that uses up its own allowance is forgotten: the next
//!   person at a shared computer is a stranger like any other.
//!
//! A successful sign-in gives its own try back and nothing more: it never
//! wipes out a stranger's count.

use std::time::Duration;

use super::device::Device;
use super::limits::{self, Limit};
use crate::db::Db;
use sea_orm::{ConnectionTrait, TransactionTrait};

/// How long a slowed try waits before its password is checked.
pub const SLOWED_BY: Duration = Duration::from_millis(1500);

/// A try that may go ahead, and what it was counted against.
#[derive(Debug)]
pub struct Admitted {
    taken: Vec<(Limit, String)>,
    /// The account's or the address's allowance was used up: the try goes
    /// ahead after [`SLOWED_BY`].
    pub slowed: bool,
}

/// Whether a try to sign in to `account` (a username as typed, normalised)
/// from `address` and, if it is one the account knows, `device` may go
/// ahead now; `None` when it is refused. Every count it makes (and gives
/// back, when refused) is one transaction: one write, one sync to disk.
pub async fn admit(
    db: &Db,
    account: &str,
    address: Option<&str>,
    device: Option<&Device>,
) -> Result<Option<Admitted>, sea_orm::DbErr> {
    let transaction = db.writer.begin().await?;
    let admitted = admit_within(&transaction, account, address, device).await?;
    transaction.commit().await?;
    Ok(admitted)
}

async fn admit_within(
    transaction: &impl ConnectionTrait,
    account: &str,
    address: Option<&str>,
    device: Option<&Device>,
) -> Result<Option<Admitted>, sea_orm::DbErr> {
    if let Some(device) = device {
        if limits::try_take(transaction, Limit::SignInDevice, &device.id).await? {
            return Ok(Some(Admitted { taken: vec![(Limit::SignInDevice, device.id.clone())], slowed: false }));
        }
        // A known browser that used up its own allowance (the next person
        // on a shared computer guessing the last one's password) is known
        // no more: from now on it is any browser.
        super::device::forget_device(transaction, device).await?;
    }
    let address = limits::address_key(address.unwrap_or("unknown"));
    let mut taken = Vec::new();
    for (limit, who) in [(Limit::SignInAccount, account.to_string()), (Limit::SignInAddress, address.clone())] {
        if limits::try_take(transaction, limit, &who).await? {
            taken.push((limit, who));
        }
    }
    if taken.len() == 2 {
        return Ok(Some(Admitted { taken, slowed: false }));
    }
    let here = format!("{account}|{address}");
    if limits::try_take(transaction, Limit::SignInAccountFromAddress, &here).await? {
        taken.push((Limit::SignInAccountFromAddress, here));
        // Many addresses do not make many allowances.
        if limits::try_take(transaction, Limit::SignInAccountSlowed, account).await? {
            taken.push((Limit::SignInAccountSlowed, account.to_string()));
            return Ok(Some(Admitted { taken, slowed: true }));
        }
    }
    // Refused: the tries this one took are not counted.
    give_back_all(transaction, &taken).await?;
    Ok(None)
}

/// The password was right: the try was not a guess. Within the
/// transaction that records the sign-in (`accounts::record_sign_in`).
pub async fn password_was_right(connection: &impl ConnectionTrait, admitted: &Admitted) -> Result<(), sea_orm::DbErr> {
    give_back_all(connection, &admitted.taken).await
}

async fn give_back_all(connection: &impl ConnectionTrait, taken: &[(Limit, String)]) -> Result<(), sea_orm::DbErr> {
    for (limit, who) in taken {
        limits::give_back(connection, *limit, who).await?;
    }
    Ok(())
}
