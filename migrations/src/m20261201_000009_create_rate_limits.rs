//! Rate limits kept where every instance sees them: one row per limited
//! key (a purpose and who it limits), holding the earliest time, in
//! milliseconds since 1970, at which its allowance is whole again.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RateLimits::Table)
                    .col(ColumnDef::new(RateLimits::Key).string_len(200).not_null().primary_key())
                    .col(ColumnDef::new(RateLimits::FullAt).big_integer().not_null())
                    .to_owned(),
            )
            .await?;
        // Expired rows are swept by this.
        manager
            .create_index(
                Index::create().name("rate_limits_full_at").table(RateLimits::Table).col(RateLimits::FullAt).to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(RateLimits::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum RateLimits {
    Table,
    Key,
    FullAt,
}
