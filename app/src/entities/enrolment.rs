//! A learner taking a course (alone or in a cohort); kept after they leave.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "enrolments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub user_id: i64,
    pub course_id: String,
    pub cohort_id: Option<i64>,
    pub enrolled_at: TimeDateTimeWithTimeZone,
    pub left_at: Option<TimeDateTimeWithTimeZone>,
    /// The learner's first lesson completed or quiz attempted in the course.
    pub started_at: Option<TimeDateTimeWithTimeZone>,
    /// Their latest one.
    pub last_active_at: Option<TimeDateTimeWithTimeZone>,
    /// When they met the course's completion rules (as `course_completions`).
    pub completed_at: Option<TimeDateTimeWithTimeZone>,
    /// They hold a certificate for the course that is not revoked.
    pub certified: bool,
    /// Copies of the learner's consented profile answers, for statistics;
    /// written and cleared with the answers themselves.
    pub gender: Option<String>,
    pub age_band: Option<String>,
    pub region: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
