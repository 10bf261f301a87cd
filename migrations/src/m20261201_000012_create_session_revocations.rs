//! One counter every instance watches: bumped whenever sessions end or who
//! someone is changes (signing out, a new password or role, a deletion), so
//! that every instance drops the signed-in people it keeps in memory.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SessionRevocations::Table)
                    .col(ColumnDef::new(SessionRevocations::Id).integer().not_null().primary_key())
                    .col(ColumnDef::new(SessionRevocations::Generation).big_integer().not_null())
                    .to_owned(),
            )
            .await?;
        let row = Query::insert()
            .into_table(SessionRevocations::Table)
            .columns([SessionRevocations::Id, SessionRevocations::Generation])
            .values_panic([1.into(), 0.into()])
            .to_owned();
        manager.exec_stmt(row).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(SessionRevocations::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum SessionRevocations {
    Table,
    Id,
    Generation,
}
