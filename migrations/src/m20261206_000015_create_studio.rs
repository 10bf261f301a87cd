//! The studio: courses written in the browser. A studio course is a course
//! folder kept in the database, so that every instance sees the same one:
//! the files being edited (`studio_drafts`), every published version
//! (`studio_versions`, each a list of paths and the content they held) and
//! the contents themselves, kept once by their SHA-256 (`studio_blobs`).
//! Who teaches a course, and whether its drafts need approval, is the
//! course's own row (`studio_courses`).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(StudioBlobs::Table)
                    // Hex SHA-256 of the bytes.
                    .col(ColumnDef::new(StudioBlobs::Hash).string_len(64).not_null().primary_key())
                    .col(ColumnDef::new(StudioBlobs::Bytes).blob().not_null())
                    .col(ColumnDef::new(StudioBlobs::Size).big_integer().not_null())
                    // Texts kept for a preview belong to no draft or version:
                    // swept a day after they were kept.
                    .col(ColumnDef::new(StudioBlobs::StoredAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(StudioCourses::Table)
                    .col(ColumnDef::new(StudioCourses::CourseId).string_len(64).not_null().primary_key())
                    // JSON list of usernames.
                    .col(ColumnDef::new(StudioCourses::Instructors).text().not_null())
                    .col(ColumnDef::new(StudioCourses::ReviewRequired).boolean().not_null().default(false))
                    // Every change to the drafts adds one: the draft as a whole.
                    .col(ColumnDef::new(StudioCourses::DraftRevision).big_integer().not_null().default(0))
                    // The draft proposed for review, by whom and the draft revision proposed.
                    .col(ColumnDef::new(StudioCourses::ProposedBy).big_integer().null())
                    .col(ColumnDef::new(StudioCourses::ProposedRevision).big_integer().null())
                    .col(ColumnDef::new(StudioCourses::ProposalMessage).text().null())
                    // The last review's comment when a proposal was sent back.
                    .col(ColumnDef::new(StudioCourses::ReviewComment).text().null())
                    .col(ColumnDef::new(StudioCourses::CreatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(StudioDrafts::Table)
                    .col(ColumnDef::new(StudioDrafts::CourseId).string_len(64).not_null())
                    // Relative to the course folder, `/`-separated.
                    .col(ColumnDef::new(StudioDrafts::Path).string_len(300).not_null())
                    .col(ColumnDef::new(StudioDrafts::Hash).string_len(64).not_null())
                    // The version token of this file: a save names the one it edited.
                    .col(ColumnDef::new(StudioDrafts::Revision).big_integer().not_null())
                    .col(ColumnDef::new(StudioDrafts::UpdatedBy).big_integer().null())
                    .col(ColumnDef::new(StudioDrafts::UpdatedAt).timestamp_with_time_zone().not_null())
                    .primary_key(Index::create().col(StudioDrafts::CourseId).col(StudioDrafts::Path))
                    .foreign_key(
                        ForeignKey::create()
                            .from(StudioDrafts::Table, StudioDrafts::CourseId)
                            .to(StudioCourses::Table, StudioCourses::CourseId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(StudioDrafts::Table, StudioDrafts::Hash)
                            .to(StudioBlobs::Table, StudioBlobs::Hash),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(StudioVersions::Table)
                    .col(ColumnDef::new(StudioVersions::CourseId).string_len(64).not_null())
                    .col(ColumnDef::new(StudioVersions::Number).integer().not_null())
                    // JSON: `{"path": "hash", …}`, the whole course as published.
                    .col(ColumnDef::new(StudioVersions::Files).text().not_null())
                    .col(ColumnDef::new(StudioVersions::Message).text().not_null())
                    .col(ColumnDef::new(StudioVersions::PublishedBy).big_integer().null())
                    .col(ColumnDef::new(StudioVersions::ApprovedBy).big_integer().null())
                    .col(ColumnDef::new(StudioVersions::PublishedAt).timestamp_with_time_zone().not_null())
                    .primary_key(Index::create().col(StudioVersions::CourseId).col(StudioVersions::Number))
                    .foreign_key(
                        ForeignKey::create()
                            .from(StudioVersions::Table, StudioVersions::CourseId)
                            .to(StudioCourses::Table, StudioCourses::CourseId),
                    )
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(StudioVersions::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(StudioDrafts::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(StudioCourses::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(StudioBlobs::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum StudioBlobs {
    Table,
    Hash,
    Bytes,
    Size,
    StoredAt,
}

#[derive(DeriveIden)]
enum StudioCourses {
    Table,
    CourseId,
    Instructors,
    ReviewRequired,
    DraftRevision,
    ProposedBy,
    ProposedRevision,
    ProposalMessage,
    ReviewComment,
    CreatedAt,
}

#[derive(DeriveIden)]
enum StudioDrafts {
    Table,
    CourseId,
    Path,
    Hash,
    Revision,
    UpdatedBy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum StudioVersions {
    Table,
    CourseId,
    Number,
    Files,
    Message,
    PublishedBy,
    ApprovedBy,
    PublishedAt,
}
