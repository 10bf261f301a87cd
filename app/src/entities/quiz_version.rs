//! A quiz's answer key as it was in one version of its course, for
//! grading attempts made offline on that version.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "quiz_versions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub course_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub content_version: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub lesson_id: String,
    /// JSON of `catalog::Quiz` (see `learning::quiz_versions`).
    pub quiz: String,
    pub recorded_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
