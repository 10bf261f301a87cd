//! A learning record waiting for (or sent to) the learning record store:
//! written in the transaction of the learning itself
//! (`learning::outbox`), read and marked by the server's `xapi` sender.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "xapi_outbox")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `enrolled`, `lesson`, `quiz` or `certificate`.
    pub kind: String,
    pub user_id: i64,
    pub course_id: String,
    pub lesson_id: Option<String>,
    /// The quiz attempt's row id.
    pub source_id: Option<i64>,
    pub score: Option<i32>,
    pub passed: Option<bool>,
    pub occurred_at: TimeDateTimeWithTimeZone,
    /// Tries that found the store unavailable.
    pub attempts: i32,
    pub sent_at: Option<TimeDateTimeWithTimeZone>,
    /// The store refused it as invalid: kept, not sent again.
    pub refused_at: Option<TimeDateTimeWithTimeZone>,
    pub last_error: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
