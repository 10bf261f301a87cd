//! A group of learners taking one course together, joined with a code.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cohorts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub course_id: String,
    pub name: String,
    pub code: String,
    pub time_zone: String,
    pub starts_on: Option<TimeDate>,
    pub ends_on: Option<TimeDate>,
    pub capacity: Option<i32>,
    pub created_by: Option<i64>,
    /// The partner running it; none for the programme itself.
    pub organisation_id: Option<i64>,
    pub created_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
