//! The database schema, as an ordered list of migrations.
//!
//! Every migration must run unchanged on SQLite and PostgreSQL: use the
//! sea-query schema builder, never backend-specific SQL. Migrations are
//! append-only: once one has shipped, fix mistakes with a new one.

pub use sea_orm_migration::prelude::*;

mod m20261127_000001_create_sessions;
mod m20261128_000002_create_users_and_audit_log;
mod m20261128_000003_add_user_to_sessions;
mod m20261128_000004_create_profile_answers_and_reset_codes;
mod m20261128_000005_create_enrolment_and_progress;
mod m20261128_000006_create_certificates;
mod m20261128_000007_create_organisations_and_activity;
mod m20261201_000008_mark_deleted_accounts;
mod m20261201_000009_create_rate_limits;
mod m20261201_000010_create_readiness_and_publications;
mod m20261201_000011_add_organisation_to_certificates;
mod m20261201_000012_create_session_revocations;
mod m20261204_000013_create_offline_learning;
mod m20261206_000014_hash_sign_in_secrets;
mod m20261206_000015_create_studio;
mod m20261207_000016_create_identity_links;
mod m20261207_000017_create_xapi_outbox;
mod m20261207_000018_create_lti;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261127_000001_create_sessions::Migration),
            Box::new(m20261128_000002_create_users_and_audit_log::Migration),
            Box::new(m20261128_000003_add_user_to_sessions::Migration),
            Box::new(m20261128_000004_create_profile_answers_and_reset_codes::Migration),
            Box::new(m20261128_000005_create_enrolment_and_progress::Migration),
            Box::new(m20261128_000006_create_certificates::Migration),
            Box::new(m20261128_000007_create_organisations_and_activity::Migration),
            Box::new(m20261201_000008_mark_deleted_accounts::Migration),
            Box::new(m20261201_000009_create_rate_limits::Migration),
            Box::new(m20261201_000010_create_readiness_and_publications::Migration),
            Box::new(m20261201_000011_add_organisation_to_certificates::Migration),
            Box::new(m20261201_000012_create_session_revocations::Migration),
            Box::new(m20261204_000013_create_offline_learning::Migration),
            Box::new(m20261206_000014_hash_sign_in_secrets::Migration),
            Box::new(m20261206_000015_create_studio::Migration),
            Box::new(m20261207_000016_create_identity_links::Migration),
            Box::new(m20261207_000017_create_xapi_outbox::Migration),
            Box::new(m20261207_000018_create_lti::Migration),
        ]
    }
}
