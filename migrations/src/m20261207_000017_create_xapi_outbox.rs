//! Learning records for a learning record store (xAPI): every enrolment,
//! lesson completion, quiz attempt and certificate is written to an
//! outbox by the step that records it, in the same transaction, while a
//! store is configured (`app::learning::outbox`). A background sender
//! sends the outbox and marks what the store took. (No triggers: a backup
//! holds tables only, and a restore refuses anything else.)

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(XapiOutbox::Table)
                    .col(ColumnDef::new(XapiOutbox::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(XapiOutbox::Kind).string_len(16).not_null())
                    .col(ColumnDef::new(XapiOutbox::UserId).big_integer().not_null())
                    .col(ColumnDef::new(XapiOutbox::CourseId).string().not_null())
                    .col(ColumnDef::new(XapiOutbox::LessonId).string().null())
                    .col(ColumnDef::new(XapiOutbox::SourceId).big_integer().null())
                    .col(ColumnDef::new(XapiOutbox::Score).integer().null())
                    .col(ColumnDef::new(XapiOutbox::Passed).boolean().null())
                    .col(ColumnDef::new(XapiOutbox::OccurredAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(XapiOutbox::Attempts).integer().not_null().default(0))
                    .col(ColumnDef::new(XapiOutbox::SentAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(XapiOutbox::RefusedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(XapiOutbox::LastError).string_len(300).null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("xapi_outbox_waiting")
                    .table(XapiOutbox::Table)
                    .col(XapiOutbox::SentAt)
                    .col(XapiOutbox::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(XapiSettings::Table)
                    .col(ColumnDef::new(XapiSettings::Id).integer().not_null().primary_key())
                    // Makes the learner's pseudonym in the store: random,
                    // made at first start, never shown.
                    .col(ColumnDef::new(XapiSettings::Salt).string_len(64).null())
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(XapiSettings::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(XapiOutbox::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum XapiOutbox {
    Table,
    Id,
    Kind,
    UserId,
    CourseId,
    LessonId,
    SourceId,
    Score,
    Passed,
    OccurredAt,
    Attempts,
    SentAt,
    RefusedAt,
    LastError,
}

#[derive(DeriveIden)]
enum XapiSettings {
    Table,
    Id,
    Salt,
}
