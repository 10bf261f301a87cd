//! One submission of a quiz, with its answers and score.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "quiz_attempts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub user_id: i64,
    pub course_id: String,
    pub lesson_id: String,
    pub attempt_key: String,
    pub submitted_at: TimeDateTimeWithTimeZone,
    pub score_percent: i32,
    pub passed: bool,
    /// JSON: `{question id: [option ids]}`
    pub answers: String,
    /// The course version it was graded against (an offline attempt: the
    /// version saved on the phone); `None` before offline learning.
    pub content_version: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
