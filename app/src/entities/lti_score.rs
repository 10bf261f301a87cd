//! A course's score for one grade column, written in the transaction that
//! completed the course (`learning::grades`), sent by the server's `lti`
//! sender: one row per column, so never sent twice.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "lti_scores")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub grade_link_id: i64,
    pub score_given: i32,
    pub score_maximum: i32,
    pub occurred_at: TimeDateTimeWithTimeZone,
    /// Tries that found the platform unavailable.
    pub attempts: i32,
    /// An instance is sending it until then.
    pub claimed_until: Option<TimeDateTimeWithTimeZone>,
    pub sent_at: Option<TimeDateTimeWithTimeZone>,
    /// The platform refused it: kept, not sent again.
    pub refused_at: Option<TimeDateTimeWithTimeZone>,
    pub last_error: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
