//! A bulk enrolment file: uploaded, checked in a dry run, then applied.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "imports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub created_by: i64,
    pub created_at: TimeDateTimeWithTimeZone,
    pub file_name: String,
    pub content: String,
    pub applied_at: Option<TimeDateTimeWithTimeZone>,
    /// JSON list of the set-password codes issued when it was applied,
    /// until printed and forgotten.
    pub codes: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
