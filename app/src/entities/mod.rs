//! Tables as sea-orm entities. The schema itself is in the `migrations` crate.

pub mod audit_log;
pub mod profile_answer;
pub mod reset_code;
pub mod session;
pub mod user;
