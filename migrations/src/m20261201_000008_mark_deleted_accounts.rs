//! Deleted accounts are marked as such, not recognised by their name: a
//! deleted account can never sign in, be reset, enrolled by a file or
//! given a role, whatever its row says otherwise.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(ColumnDef::new(Users::DeletedAt).timestamp_with_time_zone().null())
                    .to_owned(),
            )
            .await?;
        // Accounts deleted before this migration: anonymised with a
        // password no hash matches.
        let earlier = Query::update()
            .table(Users::Table)
            .value(Users::DeletedAt, Expr::col(Users::CreatedAt))
            .and_where(Expr::col(Users::PasswordHash).eq("!deleted"))
            .to_owned();
        manager.exec_stmt(earlier).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.alter_table(Table::alter().table(Users::Table).drop_column(Users::DeletedAt).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    DeletedAt,
    CreatedAt,
    PasswordHash,
}
