//! Accounts linked to a partner's identity provider (OpenID Connect): one
//! row per provider and subject, so that the person the provider names
//! `sub` signs in to the same account every time.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(IdentityLinks::Table)
                    .col(ColumnDef::new(IdentityLinks::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(IdentityLinks::UserId).big_integer().not_null())
                    .col(ColumnDef::new(IdentityLinks::Provider).string_len(64).not_null())
                    .col(ColumnDef::new(IdentityLinks::Subject).string_len(255).not_null())
                    .col(ColumnDef::new(IdentityLinks::LinkedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(IdentityLinks::LastSignInAt).timestamp_with_time_zone().null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(IdentityLinks::Table, IdentityLinks::UserId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("identity_links_provider_subject")
                    .table(IdentityLinks::Table)
                    .col(IdentityLinks::Provider)
                    .col(IdentityLinks::Subject)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // From now on an organisation on an account is a manager's scope
        // or a provider's learner's origin: one left on an account that is
        // no longer a manager's (roles changed before) goes.
        manager
            .get_connection()
            .execute_unprepared("UPDATE users SET organisation_id = NULL WHERE role <> 'manager'")
            .await?;
        // One link per provider and account: a second identity at the same
        // provider is a second person.
        manager
            .create_index(
                Index::create()
                    .name("identity_links_user_provider")
                    .table(IdentityLinks::Table)
                    .col(IdentityLinks::UserId)
                    .col(IdentityLinks::Provider)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(IdentityLinks::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum IdentityLinks {
    Table,
    Id,
    UserId,
    Provider,
    Subject,
    LinkedAt,
    LastSignInAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}
