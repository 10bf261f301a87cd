//! A rate limit's state: when its allowance is whole again.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rate_limits")]
pub struct Model {
    /// `purpose:who`, such as `login-account:amina`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub key: String,
    /// Milliseconds since 1970 (the generic cell rate algorithm's
    /// "theoretical arrival time").
    pub full_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
