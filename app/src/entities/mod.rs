//! Tables as sea-orm entities. The schema itself is in the `migrations` crate.

pub mod audit_log;
pub mod certificate;
pub mod cohort;
pub mod course_completion;
pub mod course_publication;
pub mod enrolment;
pub mod identity_link;
pub mod import;
pub mod known_device;
pub mod lesson_completion;
pub mod offline_save;
pub mod organisation;
pub mod profile_answer;
pub mod quiz_attempt;
pub mod quiz_version;
pub mod rate_limit;
pub mod readiness;
pub mod reset_code;
pub mod session;
pub mod session_revocation;
pub mod studio_blob;
pub mod studio_course;
pub mod studio_draft;
pub mod studio_version;
pub mod user;
