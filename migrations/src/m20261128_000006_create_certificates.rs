//! Certificates: issued once per learner and course, verifiable by anyone
//! with their code, revocable with a reason.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Certificates::Table)
                    .col(ColumnDef::new(Certificates::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(Certificates::UserId).big_integer().not_null())
                    .col(ColumnDef::new(Certificates::CourseId).string_len(64).not_null())
                    // 16 characters of Crockford's base 32 (80 bits), normalised.
                    .col(ColumnDef::new(Certificates::VerifyCode).string_len(32).not_null().unique_key())
                    .col(ColumnDef::new(Certificates::IssuedAt).timestamp_with_time_zone().not_null())
                    // As they were at issue: the certificate says what it said.
                    .col(ColumnDef::new(Certificates::LearnerName).string_len(200).not_null())
                    .col(ColumnDef::new(Certificates::CourseTitle).string_len(300).not_null())
                    .col(ColumnDef::new(Certificates::Minutes).integer().not_null())
                    .col(ColumnDef::new(Certificates::ContentVersion).string_len(64).not_null())
                    .col(ColumnDef::new(Certificates::RevokedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(Certificates::RevokedReason).string_len(500).null())
                    .col(ColumnDef::new(Certificates::RevokedBy).big_integer().null())
                    .to_owned(),
            )
            .await?;
        // Exactly one certificate per learner and course, however many
        // completions race to issue it.
        manager
            .create_index(
                Index::create()
                    .name("certificates_user_course")
                    .table(Certificates::Table)
                    .col(Certificates::UserId)
                    .col(Certificates::CourseId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Certificates::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Certificates {
    Table,
    Id,
    UserId,
    CourseId,
    VerifyCode,
    IssuedAt,
    LearnerName,
    CourseTitle,
    Minutes,
    ContentVersion,
    RevokedAt,
    RevokedReason,
    RevokedBy,
}
