//! People and what was done to their accounts.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(ColumnDef::new(Users::Id).big_integer().not_null().auto_increment().primary_key())
                    // Lowercase; the login identifier.
                    .col(ColumnDef::new(Users::Username).string_len(64).not_null().unique_key())
                    // Any script, as the person writes their name.
                    .col(ColumnDef::new(Users::DisplayName).string_len(200).not_null())
                    // An argon2id PHC string.
                    .col(ColumnDef::new(Users::PasswordHash).text().not_null())
                    // learner | instructor | manager | admin
                    .col(ColumnDef::new(Users::Role).string_len(16).not_null().default("learner"))
                    // The interface language they chose, if any.
                    .col(ColumnDef::new(Users::Language).string_len(8).null())
                    .col(ColumnDef::new(Users::CreatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(ColumnDef::new(AuditLog::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(AuditLog::OccurredAt).timestamp_with_time_zone().not_null())
                    // Who did it: none for the command line or an anonymous visitor.
                    .col(ColumnDef::new(AuditLog::ActorId).big_integer().null())
                    // Whom it was done to. Kept as a bare number (no foreign
                    // key) so that the record outlives a deleted account.
                    .col(ColumnDef::new(AuditLog::SubjectId).big_integer().null())
                    // What: `user.created`, `user.role_changed`, …
                    .col(ColumnDef::new(AuditLog::Action).string_len(64).not_null())
                    // Details as JSON, never a password.
                    .col(ColumnDef::new(AuditLog::Detail).text().not_null())
                    .col(ColumnDef::new(AuditLog::ClientAddress).string_len(64).null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("audit_log_subject").table(AuditLog::Table).col(AuditLog::SubjectId).to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(AuditLog::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Users::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Username,
    DisplayName,
    PasswordHash,
    Role,
    Language,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    OccurredAt,
    ActorId,
    SubjectId,
    Action,
    Detail,
    ClientAddress,
}
