//! Optional profile answers given with consent (for programme statistics),
//! and one-time password reset codes (recovery without email).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ProfileAnswers::Table)
                    .col(ColumnDef::new(ProfileAnswers::UserId).big_integer().not_null())
                    // gender | age_band | region
                    .col(ColumnDef::new(ProfileAnswers::Question).string_len(32).not_null())
                    // One of the question's fixed choices; "prefer not to say" is no row.
                    .col(ColumnDef::new(ProfileAnswers::Answer).string_len(32).not_null())
                    // A row exists only with consent; withdrawing consent deletes it.
                    .col(ColumnDef::new(ProfileAnswers::ConsentedAt).timestamp_with_time_zone().not_null())
                    .primary_key(Index::create().col(ProfileAnswers::UserId).col(ProfileAnswers::Question))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ProfileAnswers::Table, ProfileAnswers::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ResetCodes::Table)
                    .col(ColumnDef::new(ResetCodes::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(ResetCodes::UserId).big_integer().not_null())
                    // SHA-256 of the code, hex: a copy of the database does
                    // not give anyone a code that works.
                    .col(ColumnDef::new(ResetCodes::CodeHash).string_len(64).not_null().unique_key())
                    .col(ColumnDef::new(ResetCodes::IssuedBy).big_integer().null())
                    .col(ColumnDef::new(ResetCodes::IssuedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(ResetCodes::ExpiresAt).timestamp_with_time_zone().not_null())
                    // Set when redeemed, or when a newer code replaces it.
                    .col(ColumnDef::new(ResetCodes::UsedAt).timestamp_with_time_zone().null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(ResetCodes::Table, ResetCodes::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("reset_codes_user_id").table(ResetCodes::Table).col(ResetCodes::UserId).to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ResetCodes::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(ProfileAnswers::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ProfileAnswers {
    Table,
    UserId,
    Question,
    Answer,
    ConsentedAt,
}

#[derive(DeriveIden)]
enum ResetCodes {
    Table,
    Id,
    UserId,
    CodeHash,
    IssuedBy,
    IssuedAt,
    ExpiresAt,
    UsedAt,
}
