//! A grade column of a partner's platform that a launch named for a
//! learner's course: where the course's score goes back to.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "lti_grade_links")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub user_id: i64,
    pub course_id: String,
    pub platform: String,
    /// The platform's `sub` for the learner.
    pub subject: String,
    /// The line item's address (Assignment and Grade Services).
    pub lineitem: String,
    pub created_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
