//! What instances share besides the data: a row each writes to when asked
//! whether it is ready (`readiness`), and the course versions published
//! (`course_publications`), which every instance follows.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Readiness::Table)
                    .col(ColumnDef::new(Readiness::Id).integer().not_null().primary_key())
                    .col(ColumnDef::new(Readiness::CheckedAt).big_integer().not_null())
                    .to_owned(),
            )
            .await?;
        let row = Query::insert()
            .into_table(Readiness::Table)
            .columns([Readiness::Id, Readiness::CheckedAt])
            .values_panic([1.into(), 0.into()])
            .to_owned();
        manager.exec_stmt(row).await?;
        manager
            .create_table(
                Table::create()
                    .table(CoursePublications::Table)
                    .col(ColumnDef::new(CoursePublications::Id).big_integer().not_null().auto_increment().primary_key())
                    // Each course's id and content version, as JSON.
                    .col(ColumnDef::new(CoursePublications::Versions).text().not_null())
                    .col(ColumnDef::new(CoursePublications::PublishedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(CoursePublications::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Readiness::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Readiness {
    Table,
    Id,
    CheckedAt,
}

#[derive(DeriveIden)]
enum CoursePublications {
    Table,
    Id,
    Versions,
    PublishedAt,
}
