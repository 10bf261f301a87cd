//! An account linked to a partner's identity provider: the provider's
//! subject (`sub`) signs in to this account.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "identity_links")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub user_id: i64,
    /// The provider's id in the operator's configuration.
    pub provider: String,
    /// The provider's `sub` for the person: never shown, never reused.
    pub subject: String,
    pub linked_at: TimeDateTimeWithTimeZone,
    pub last_sign_in_at: Option<TimeDateTimeWithTimeZone>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
