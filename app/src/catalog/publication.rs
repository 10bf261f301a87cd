//! One course version for every instance: a publication records each
//! course's content version in the database (`course_publications`), and
//! every instance follows the latest (the server's `publication`).

use std::collections::BTreeMap;

use sea_orm::{ActiveValue::Set, DbErr, EntityTrait};

use super::Catalog;
use crate::db::Db;
use crate::entities::course_publication;

/// Each course's content version.
pub fn versions(catalog: &Catalog) -> BTreeMap<String, String> {
    catalog.courses().iter().map(|course| (course.id.clone(), course.content_version.clone())).collect()
}

/// Records `catalog`'s versions as the published ones; returns the
/// publication's number.
pub async fn publish(db: &Db, catalog: &Catalog) -> Result<i64, DbErr> {
    let versions = serde_json::to_string(&versions(catalog)).unwrap_or_default();
    let inserted = course_publication::Entity::insert(course_publication::ActiveModel {
        versions: Set(versions),
        published_at: Set(time::OffsetDateTime::now_utc()),
        ..Default::default()
    })
    .exec(&db.writer)
    .await?;
    Ok(inserted.last_insert_id)
}
