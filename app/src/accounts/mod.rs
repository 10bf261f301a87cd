//! Accounts: who people are, how they prove it, and what was done to their
//! accounts. Plain Rust over sea-orm; server functions and the command line
//! call it.

mod audit;
mod password;
mod service;
mod throttle;
mod validation;

pub use audit::Actor;
pub use password::{PasswordHash, hash_password, verify_password};
pub use service::{
    AccountError, NewAccount, change_password, create_user, delete_account, export_own_data, find_user,
    latest_audit_entries, record_login, reset_password, set_language, set_role,
};
pub use throttle::LoginThrottle;
pub use validation::{DisplayName, NewPassword, Username};
