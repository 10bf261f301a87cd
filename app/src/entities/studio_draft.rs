//! One file of a studio course as it is being edited.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "studio_drafts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub course_id: String,
    /// Relative to the course folder, `/`-separated.
    #[sea_orm(primary_key, auto_increment = false)]
    pub path: String,
    pub hash: String,
    /// The file's version token: a save names the one it edited.
    pub revision: i64,
    pub updated_by: Option<i64>,
    pub updated_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
