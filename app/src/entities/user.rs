//! A person with an account.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub username: String,
    pub display_name: String,
    /// Never leaves the server: this model is not `Serialize`.
    pub password_hash: String,
    pub role: String,
    pub language: Option<String>,
    /// A manager with an organisation sees only its cohorts and learners.
    pub organisation_id: Option<i64>,
    pub created_at: TimeDateTimeWithTimeZone,
    /// Set when the person deleted their account: it is nobody now.
    pub deleted_at: Option<TimeDateTimeWithTimeZone>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
