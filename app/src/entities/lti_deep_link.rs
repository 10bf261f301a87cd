//! A platform's deep-linking request, waiting for its instructor to pick
//! what to place: where the answer goes and what it must carry back.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "lti_deep_links")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    pub platform: String,
    pub deployment_id: String,
    pub return_url: String,
    /// The platform's `data`, returned as it came.
    pub data: Option<String>,
    pub created_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
