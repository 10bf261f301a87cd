//! Accounts: who people are, how they prove it, and what was done to their
//! accounts. Plain Rust over sea-orm; server functions and the command line
//! call it.

mod audit;
mod device;
mod error;
pub mod guessing;
pub mod identities;
pub mod limits;
mod password;
mod profile;
mod reset_code;
mod service;
mod sessions;
mod validation;

pub use audit::{Actor, Entry as AuditEntry, record as record_in, record_many};
pub use device::{
    DEVICE_COOKIE_DAYS, Device, device_cookie, device_cookie_name, forget_devices, recognise, remember, sweep_devices,
};
pub use error::AccountError;
pub use limits::Limit;
pub use password::{HashError, PasswordHash, hash_password, hashers, verify_password};
pub use profile::{ProfileChoice, parse_profile, profile_answers, save_profile};
pub use reset_code::{
    Issued, RedeemError, ResetCode, account_for_code, issue_reset_code, issuer_of, redeem_reset_code,
};
pub use service::{
    NewAccount, change_password, create_user, delete_account, export_own_data, failed_sign_ins_since_last, find_user,
    find_users, latest_audit_entries, record_failed_login, record_sign_in, reset_password, set_language, set_role,
};
pub use validation::{DisplayName, NewPassword, Username};
