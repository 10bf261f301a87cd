//! A course written in the studio: who teaches it, whether its drafts
//! need approval, and the draft proposed for review, if any.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "studio_courses")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub course_id: String,
    /// JSON list of usernames.
    pub instructors: String,
    pub review_required: bool,
    /// One more with every change to the drafts.
    pub draft_revision: i64,
    pub proposed_by: Option<i64>,
    pub proposed_revision: Option<i64>,
    pub proposal_message: Option<String>,
    pub review_comment: Option<String>,
    pub created_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
