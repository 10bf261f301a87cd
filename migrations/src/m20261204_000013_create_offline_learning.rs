//! Offline learning: a quiz taken on a phone without a connection is
//! graded when it arrives, against the course version it was taken on.
//! Every version of every quiz a learner may have saved is kept here
//! (`quiz_versions`: the answer key, never sent to a browser), the versions
//! each learner saved (`offline_saves`: only those may grade their
//! attempts), and each attempt records the version it was graded against.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(QuizVersions::Table)
                    .col(ColumnDef::new(QuizVersions::CourseId).string_len(64).not_null())
                    // The catalog's hash of the course files (`content_version`).
                    .col(ColumnDef::new(QuizVersions::ContentVersion).string_len(64).not_null())
                    .col(ColumnDef::new(QuizVersions::LessonId).string_len(64).not_null())
                    // JSON: pass mark, questions, options and which are right.
                    .col(ColumnDef::new(QuizVersions::Quiz).text().not_null())
                    .col(ColumnDef::new(QuizVersions::RecordedAt).timestamp_with_time_zone().not_null())
                    // Recorded once per version: instances recording at once change nothing.
                    .primary_key(
                        Index::create()
                            .col(QuizVersions::CourseId)
                            .col(QuizVersions::ContentVersion)
                            .col(QuizVersions::LessonId),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OfflineSaves::Table)
                    .col(ColumnDef::new(OfflineSaves::UserId).big_integer().not_null())
                    .col(ColumnDef::new(OfflineSaves::CourseId).string_len(64).not_null())
                    .col(ColumnDef::new(OfflineSaves::ContentVersion).string_len(64).not_null())
                    .col(ColumnDef::new(OfflineSaves::SavedAt).timestamp_with_time_zone().not_null())
                    .primary_key(
                        Index::create()
                            .col(OfflineSaves::UserId)
                            .col(OfflineSaves::CourseId)
                            .col(OfflineSaves::ContentVersion),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(OfflineSaves::Table, OfflineSaves::UserId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(QuizAttempts::Table)
                    // `None` for attempts made before this migration (graded
                    // against the version then served).
                    .add_column(ColumnDef::new(QuizAttempts::ContentVersion).string_len(64).null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(Table::alter().table(QuizAttempts::Table).drop_column(QuizAttempts::ContentVersion).to_owned())
            .await?;
        manager.drop_table(Table::drop().table(OfflineSaves::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(QuizVersions::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum QuizVersions {
    Table,
    CourseId,
    ContentVersion,
    LessonId,
    Quiz,
    RecordedAt,
}

#[derive(DeriveIden)]
enum OfflineSaves {
    Table,
    UserId,
    CourseId,
    ContentVersion,
    SavedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum QuizAttempts {
    Table,
    ContentVersion,
}
