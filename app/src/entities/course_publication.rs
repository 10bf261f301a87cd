//! A publication of the courses: the content version of each, as the
//! instance that published them loaded them. Every instance follows the
//! latest (see `catalog::publication`).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "course_publications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `{"course-id": "content version", …}`
    pub versions: String,
    pub published_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
