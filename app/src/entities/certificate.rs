//! A certificate of completion, as it was issued.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "certificates")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub user_id: i64,
    pub course_id: String,
    pub verify_code: String,
    pub issued_at: TimeDateTimeWithTimeZone,
    pub learner_name: String,
    pub course_title: String,
    pub minutes: i32,
    pub content_version: String,
    pub revoked_at: Option<TimeDateTimeWithTimeZone>,
    pub revoked_reason: Option<String>,
    pub revoked_by: Option<i64>,
    /// The organisation whose cohort it was earned in (`None`: the
    /// programme's cohort, or no cohort), as it was then.
    pub organisation_id: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
