//! Nothing in the database signs anyone in any more: sessions are kept by
//! the SHA-256 of their id, browsers an account signed in from by the
//! SHA-256 of their token (`known_devices`), and the printable
//! set-password codes of imports only sealed. Sessions and printable
//! codes stored before were in the clear: they are deleted (everyone signs
//! in once more; the codes themselves still work, only the printable list
//! goes).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.exec_stmt(Query::delete().from_table(Sessions::Table).to_owned()).await?;
        manager
            .exec_stmt(
                Query::update()
                    .table(Imports::Table)
                    .value(Imports::Codes, Option::<String>::None)
                    .and_where(Expr::col(Imports::Codes).is_not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(KnownDevices::Table)
                    .col(ColumnDef::new(KnownDevices::TokenHash).string_len(64).not_null().primary_key())
                    .col(ColumnDef::new(KnownDevices::UserId).big_integer().not_null())
                    .col(ColumnDef::new(KnownDevices::CreatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(KnownDevices::Table, KnownDevices::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("known_devices_user")
                    .table(KnownDevices::Table)
                    .col(KnownDevices::UserId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(KnownDevices::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
}

#[derive(DeriveIden)]
enum Imports {
    Table,
    Codes,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum KnownDevices {
    Table,
    TokenHash,
    UserId,
    CreatedAt,
}
