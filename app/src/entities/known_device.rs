//! A browser an account has signed in from (OWASP's device cookie), kept
//! by the SHA-256 of the token its cookie holds.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "known_devices")]
pub struct Model {
    /// Hex SHA-256 of the cookie's token: a copy of the database names no
    /// cookie.
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    pub user_id: i64,
    /// UTC; a token is good for [`crate::accounts::DEVICE_COOKIE_DAYS`].
    pub created_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
