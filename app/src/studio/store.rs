//! The studio's tables: contents kept once by their SHA-256, and each
//! course's draft, file by file, every change with a version token.
//!
//! A save names the revision of the file it edited. The update is made
//! only if the file still has that revision, in the same transaction that
//! takes the course's next revision number (which also makes two saves of
//! one course wait for each other on PostgreSQL): a save over someone
//! else's newer save changes nothing and answers with theirs.

use std::collections::BTreeMap;

use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, TransactionTrait,
};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use crate::accounts::{Actor, record_in};
use crate::entities::{studio_blob, studio_course, studio_draft};

/// Hex SHA-256 of `bytes`: the name a content is kept under.
pub fn content_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Keeps `bytes` (once, whoever keeps them again: then only the time they
/// were last kept changes, so that the sweep leaves them) and returns
/// their name.
pub async fn put_blob(connection: &impl ConnectionTrait, bytes: &[u8]) -> Result<String, DbErr> {
    let hash = content_hash(bytes);
    let row = studio_blob::ActiveModel {
        hash: Set(hash.clone()),
        bytes: Set(bytes.to_vec()),
        size: Set(i64::try_from(bytes.len()).unwrap_or(i64::MAX)),
        stored_at: Set(OffsetDateTime::now_utc()),
    };
    studio_blob::Entity::insert(row)
        .on_conflict(
            OnConflict::column(studio_blob::Column::Hash).update_column(studio_blob::Column::StoredAt).to_owned(),
        )
        .exec_without_returning(connection)
        .await?;
    Ok(hash)
}

/// Contents no draft or version holds (texts kept for a preview, files
/// replaced or removed before they were published) are deleted a day
/// after they were last kept; returns how many.
pub async fn sweep_unused_blobs(connection: &impl ConnectionTrait) -> Result<u64, DbErr> {
    use std::collections::BTreeSet;
    let cutoff = OffsetDateTime::now_utc() - time::Duration::days(1);
    let old: Vec<String> = studio_blob::Entity::find()
        .select_only()
        .column(studio_blob::Column::Hash)
        .filter(studio_blob::Column::StoredAt.lt(cutoff))
        .into_tuple()
        .all(connection)
        .await?;
    if old.is_empty() {
        return Ok(0);
    }
    let mut kept: BTreeSet<String> = studio_draft::Entity::find()
        .select_only()
        .column(studio_draft::Column::Hash)
        .into_tuple::<String>()
        .all(connection)
        .await?
        .into_iter()
        .collect();
    let versions: Vec<String> = crate::entities::studio_version::Entity::find()
        .select_only()
        .column(crate::entities::studio_version::Column::Files)
        .into_tuple()
        .all(connection)
        .await?;
    for files in versions {
        let files: BTreeMap<String, String> = serde_json::from_str(&files).unwrap_or_default();
        kept.extend(files.into_values());
    }
    let unused: Vec<String> = old.into_iter().filter(|hash| !kept.contains(hash)).collect();
    let mut deleted = 0;
    for chunk in unused.chunks(500) {
        // Kept again since it was read: no longer old, and left.
        let done = studio_blob::Entity::delete_many()
            .filter(studio_blob::Column::Hash.is_in(chunk.to_vec()))
            .filter(studio_blob::Column::StoredAt.lt(cutoff))
            .exec(connection)
            .await?;
        deleted += done.rows_affected;
    }
    Ok(deleted)
}

/// The bytes kept under `hash`.
pub async fn blob(connection: &impl ConnectionTrait, hash: &str) -> Result<Option<Vec<u8>>, DbErr> {
    Ok(studio_blob::Entity::find_by_id(hash.to_string()).one(connection).await?.map(|row| row.bytes))
}

/// The sizes of the contents named, by name.
pub async fn sizes(connection: &impl ConnectionTrait, hashes: Vec<String>) -> Result<BTreeMap<String, i64>, DbErr> {
    let mut found = BTreeMap::new();
    for chunk in hashes.chunks(500) {
        let rows: Vec<(String, i64)> = studio_blob::Entity::find()
            .select_only()
            .column(studio_blob::Column::Hash)
            .column(studio_blob::Column::Size)
            .filter(studio_blob::Column::Hash.is_in(chunk.to_vec()))
            .into_tuple()
            .all(connection)
            .await?;
        found.extend(rows);
    }
    Ok(found)
}

/// A studio course's row.
pub async fn course(connection: &impl ConnectionTrait, id: &str) -> Result<Option<studio_course::Model>, DbErr> {
    studio_course::Entity::find_by_id(id.to_string()).one(connection).await
}

/// Every studio course's row.
pub async fn courses(connection: &impl ConnectionTrait) -> Result<Vec<studio_course::Model>, DbErr> {
    studio_course::Entity::find().all(connection).await
}

/// The usernames a course row names as its instructors.
pub fn instructors_of(row: &studio_course::Model) -> Vec<String> {
    serde_json::from_str(&row.instructors).unwrap_or_default()
}

/// The files of a course's draft, by path.
pub async fn draft(
    connection: &impl ConnectionTrait,
    course_id: &str,
) -> Result<BTreeMap<String, studio_draft::Model>, DbErr> {
    let rows =
        studio_draft::Entity::find().filter(studio_draft::Column::CourseId.eq(course_id)).all(connection).await?;
    Ok(rows.into_iter().map(|row| (row.path.clone(), row)).collect())
}

/// One file of a course's draft.
pub async fn draft_file(
    connection: &impl ConnectionTrait,
    course_id: &str,
    path: &str,
) -> Result<Option<studio_draft::Model>, DbErr> {
    studio_draft::Entity::find_by_id((course_id.to_string(), path.to_string())).one(connection).await
}

/// The course's next revision number, taken inside `transaction` (on
/// PostgreSQL this locks the course's row until it ends).
pub(super) async fn next_revision(connection: &impl ConnectionTrait, course_id: &str) -> Result<i64, DbErr> {
    use sea_orm::sea_query::{Expr, ExprTrait};
    let updated = studio_course::Entity::update_many()
        .col_expr(studio_course::Column::DraftRevision, Expr::col(studio_course::Column::DraftRevision).add(1))
        .filter(studio_course::Column::CourseId.eq(course_id))
        .exec(connection)
        .await?;
    if updated.rows_affected != 1 {
        return Err(DbErr::RecordNotFound(format!("studio course {course_id}")));
    }
    let row = course(connection, course_id).await?.ok_or(DbErr::RecordNotFound(course_id.to_string()))?;
    Ok(row.draft_revision)
}

/// What a save found instead of the revision it edited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Newer {
    /// The file's content now (`None`: deleted since).
    pub hash: Option<String>,
    pub revision: Option<i64>,
    pub updated_by: Option<i64>,
}

/// The outcome of a save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Saved {
    /// Kept, with this revision.
    Kept { revision: i64 },
    /// Someone saved the file after the revision this save edited.
    Conflict(Newer),
    /// The course would hold more files, or more bytes, than it may.
    CourseFull,
}

/// Puts `bytes` at `path` in the course's draft, if the file is still at
/// `edited` (`None`: the file must not exist yet); `None` for `bytes`
/// removes the file.
pub async fn save(
    connection: &sea_orm::DatabaseConnection,
    course_id: &str,
    path: &str,
    bytes: Option<&[u8]>,
    edited: Option<i64>,
    actor: &Actor,
) -> Result<Saved, DbErr> {
    let transaction = connection.begin().await?;
    let revision = next_revision(&transaction, course_id).await?;
    let current = draft_file(&transaction, course_id, path).await?;
    if current.as_ref().map(|row| row.revision) != edited {
        let newer = Newer {
            hash: current.as_ref().map(|row| row.hash.clone()),
            revision: current.as_ref().map(|row| row.revision),
            updated_by: current.and_then(|row| row.updated_by),
        };
        transaction.rollback().await?;
        return Ok(Saved::Conflict(newer));
    }
    // Checked under the course's lock: two uploads at once cannot both fit
    // in the room left for one.
    if let Some(bytes) = bytes
        && !within_bounds(&transaction, course_id, path, bytes.len()).await?
    {
        transaction.rollback().await?;
        return Ok(Saved::CourseFull);
    }
    let now = OffsetDateTime::now_utc();
    match (bytes, current) {
        (Some(bytes), current) => {
            let hash = put_blob(&transaction, bytes).await?;
            let row = studio_draft::ActiveModel {
                course_id: Set(course_id.to_string()),
                path: Set(path.to_string()),
                hash: Set(hash),
                revision: Set(revision),
                updated_by: Set(actor.user_id),
                updated_at: Set(now),
            };
            if current.is_some() {
                // The course's row is locked by `next_revision`: the file is
                // still at the revision read above.
                studio_draft::Entity::update(row).exec(&transaction).await?;
            } else {
                studio_draft::Entity::insert(row).exec_without_returning(&transaction).await?;
            }
        }
        (None, Some(_)) => {
            studio_draft::Entity::delete_by_id((course_id.to_string(), path.to_string())).exec(&transaction).await?;
        }
        (None, None) => {}
    }
    let action = if bytes.is_some() { "studio.file_saved" } else { "studio.file_removed" };
    record_in(&transaction, actor, None, action, serde_json::json!({ "course": course_id, "path": path })).await?;
    transaction.commit().await?;
    Ok(Saved::Kept { revision })
}

/// Whether `path` holding `bytes` bytes keeps the course's draft within
/// its bounds: at most `paths::MAX_FILES` files and
/// `paths::MAX_COURSE_BYTES` bytes in all.
pub async fn within_bounds(
    connection: &impl ConnectionTrait,
    course_id: &str,
    path: &str,
    bytes: usize,
) -> Result<bool, DbErr> {
    let files = draft(connection, course_id).await?;
    let sizes = sizes(connection, files.values().map(|row| row.hash.clone()).collect()).await?;
    let size_of = |row: &studio_draft::Model| sizes.get(&row.hash).copied().unwrap_or(0);
    let replaced = files.get(path).map(size_of).unwrap_or(0);
    let total: i64 = files.values().map(size_of).sum::<i64>() - replaced;
    let too_many = !files.contains_key(path) && files.len() >= super::paths::MAX_FILES;
    Ok(!too_many && total.max(0) as u64 + bytes as u64 <= super::paths::MAX_COURSE_BYTES)
}

/// Replaces the whole draft with `files` (`path → content hash`, every
/// content already kept), in one transaction: a restore, a course taken in
/// from its folder.
pub(super) async fn replace_draft(
    connection: &impl ConnectionTrait,
    course_id: &str,
    files: &BTreeMap<String, String>,
    actor: &Actor,
) -> Result<(), DbErr> {
    let revision = next_revision(connection, course_id).await?;
    let now = OffsetDateTime::now_utc();
    let current = draft(connection, course_id).await?;
    for (path, row) in &current {
        if files.get(path) != Some(&row.hash) {
            studio_draft::Entity::delete_by_id((course_id.to_string(), path.clone())).exec(connection).await?;
        }
    }
    for (path, hash) in files {
        if current.get(path).is_some_and(|row| &row.hash == hash) {
            continue;
        }
        studio_draft::Entity::insert(studio_draft::ActiveModel {
            course_id: Set(course_id.to_string()),
            path: Set(path.clone()),
            hash: Set(hash.clone()),
            revision: Set(revision),
            updated_by: Set(actor.user_id),
            updated_at: Set(now),
        })
        .exec_without_returning(connection)
        .await?;
    }
    Ok(())
}
