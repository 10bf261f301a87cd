//! Published versions of studio courses: each is the whole course as it
//! was published (every path and the content it held), kept for good.
//! Publishing turns the draft into the next version; restoring makes an
//! old version the draft again (to be published as a new one); any two
//! versions of a file can be compared line by line.

use std::collections::BTreeMap;

use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
};
use time::OffsetDateTime;

use super::store;
use crate::accounts::{Actor, record_in};
use crate::entities::{studio_course, studio_version};
use crate::model::DiffLine;

/// Every file of a version: `path → content hash`.
pub type Files = BTreeMap<String, String>;

/// A version, as its history lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    pub number: i32,
    pub message: String,
    pub published_by: Option<i64>,
    pub approved_by: Option<i64>,
    pub published_at: OffsetDateTime,
    pub files: Files,
}

fn version_of(row: studio_version::Model) -> Version {
    Version {
        number: row.number,
        files: serde_json::from_str(&row.files).unwrap_or_default(),
        message: row.message,
        published_by: row.published_by,
        approved_by: row.approved_by,
        published_at: row.published_at,
    }
}

/// Every version of a course, newest first.
pub async fn history(connection: &impl ConnectionTrait, course_id: &str) -> Result<Vec<Version>, DbErr> {
    let rows = studio_version::Entity::find()
        .filter(studio_version::Column::CourseId.eq(course_id))
        .order_by_desc(studio_version::Column::Number)
        .all(connection)
        .await?;
    Ok(rows.into_iter().map(version_of).collect())
}

/// One version of a course.
pub async fn version(
    connection: &impl ConnectionTrait,
    course_id: &str,
    number: i32,
) -> Result<Option<Version>, DbErr> {
    Ok(studio_version::Entity::find_by_id((course_id.to_string(), number)).one(connection).await?.map(version_of))
}

/// The latest version of a course, if it was ever published.
pub async fn latest(connection: &impl ConnectionTrait, course_id: &str) -> Result<Option<Version>, DbErr> {
    let row = studio_version::Entity::find()
        .filter(studio_version::Column::CourseId.eq(course_id))
        .order_by_desc(studio_version::Column::Number)
        .one(connection)
        .await?;
    Ok(row.map(version_of))
}

/// The latest version of every studio course that has one.
pub async fn every_latest(connection: &impl ConnectionTrait) -> Result<BTreeMap<String, Version>, DbErr> {
    let rows = studio_version::Entity::find().order_by_asc(studio_version::Column::Number).all(connection).await?;
    Ok(rows.into_iter().map(|row| (row.course_id.clone(), version_of(row))).collect())
}

/// Why a publish did not happen.
#[derive(Debug, PartialEq, Eq)]
pub enum Unpublished {
    /// The draft is the latest version already.
    NothingChanged,
    /// The draft changed after the revision that was checked (or proposed).
    DraftChanged,
}

/// The draft as a version's files.
pub async fn draft_files(connection: &impl ConnectionTrait, course_id: &str) -> Result<Files, DbErr> {
    Ok(store::draft(connection, course_id).await?.into_iter().map(|(path, row)| (path, row.hash)).collect())
}

/// Makes the course's draft, as it was at `revision` (what was checked or
/// approved), its next version; refused when it changed since.
pub async fn publish(
    connection: &sea_orm::DatabaseConnection,
    course_id: &str,
    revision: i64,
    message: &str,
    approved_by: Option<i64>,
    actor: &Actor,
) -> Result<Result<i32, Unpublished>, DbErr> {
    let transaction = connection.begin().await?;
    // Taking a revision locks the course's row: one publish at a time.
    let taken = store::next_revision(&transaction, course_id).await?;
    if taken != revision + 1 {
        transaction.rollback().await?;
        return Ok(Err(Unpublished::DraftChanged));
    }
    let files = draft_files(&transaction, course_id).await?;
    let latest = latest(&transaction, course_id).await?;
    if latest.as_ref().is_some_and(|latest| latest.files == files) {
        transaction.rollback().await?;
        return Ok(Err(Unpublished::NothingChanged));
    }
    let number = latest.map(|latest| latest.number + 1).unwrap_or(1);
    studio_version::Entity::insert(studio_version::ActiveModel {
        course_id: Set(course_id.to_string()),
        number: Set(number),
        files: Set(serde_json::to_string(&files).unwrap_or_default()),
        message: Set(message.to_string()),
        published_by: Set(actor.user_id),
        approved_by: Set(approved_by),
        published_at: Set(OffsetDateTime::now_utc()),
    })
    .exec_without_returning(&transaction)
    .await?;
    clear_proposal(&transaction, course_id, None).await?;
    record_in(
        &transaction,
        actor,
        None,
        "studio.published",
        serde_json::json!({ "course": course_id, "version": number, "message": message, "approved_by": approved_by }),
    )
    .await?;
    transaction.commit().await?;
    Ok(Ok(number))
}

/// Ends a proposal (published, sent back with `comment`, or withdrawn).
pub(super) async fn clear_proposal(
    connection: &impl ConnectionTrait,
    course_id: &str,
    comment: Option<&str>,
) -> Result<(), DbErr> {
    studio_course::Entity::update_many()
        .col_expr(studio_course::Column::ProposedBy, sea_orm::sea_query::Expr::value(Option::<i64>::None))
        .col_expr(studio_course::Column::ProposedRevision, sea_orm::sea_query::Expr::value(Option::<i64>::None))
        .col_expr(studio_course::Column::ProposalMessage, sea_orm::sea_query::Expr::value(Option::<String>::None))
        .col_expr(studio_course::Column::ReviewComment, sea_orm::sea_query::Expr::value(comment.map(str::to_string)))
        .filter(studio_course::Column::CourseId.eq(course_id))
        .exec(connection)
        .await?;
    Ok(())
}

/// Makes version `number` the course's draft again; `false` when there is
/// no such version.
pub async fn restore(
    connection: &sea_orm::DatabaseConnection,
    course_id: &str,
    number: i32,
    actor: &Actor,
) -> Result<bool, DbErr> {
    let transaction = connection.begin().await?;
    let Some(old) = version(&transaction, course_id, number).await? else {
        transaction.rollback().await?;
        return Ok(false);
    };
    store::replace_draft(&transaction, course_id, &old.files, actor).await?;
    record_in(
        &transaction,
        actor,
        None,
        "studio.restored",
        serde_json::json!({ "course": course_id, "version": number }),
    )
    .await?;
    transaction.commit().await?;
    Ok(true)
}

/// Line by line, what changed from `old` to `new` (Myers' diff).
pub fn diff_lines(old: &str, new: &str) -> Vec<DiffLine> {
    use similar::{ChangeTag, TextDiff};
    TextDiff::from_lines(old, new)
        .iter_all_changes()
        .map(|change| {
            let line = change.value().trim_end_matches(['\n', '\r']).to_string();
            match change.tag() {
                ChangeTag::Equal => DiffLine::Same(line),
                ChangeTag::Delete => DiffLine::Removed(line),
                ChangeTag::Insert => DiffLine::Added(line),
            }
        })
        .collect()
}

/// Which files differ between two versions: `(path, old hash, new hash)`.
pub fn changed_files(old: &Files, new: &Files) -> Vec<(String, Option<String>, Option<String>)> {
    let mut paths: Vec<&String> = old.keys().chain(new.keys()).collect();
    paths.sort();
    paths.dedup();
    paths
        .into_iter()
        .filter(|path| old.get(*path) != new.get(*path))
        .map(|path| (path.clone(), old.get(path).cloned(), new.get(path).cloned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diff_names_each_line_kept_removed_or_added() {
        let lines = diff_lines("title\nold line\nend\n", "title\nnew line\nend\n");
        assert_eq!(
            lines,
            [
                DiffLine::Same("title".into()),
                DiffLine::Removed("old line".into()),
                DiffLine::Added("new line".into()),
                DiffLine::Same("end".into()),
            ]
        );
    }

    #[test]
    fn changed_files_are_those_added_removed_or_edited() {
        let old: Files = [("a".into(), "1".into()), ("b".into(), "2".into())].into();
        let new: Files = [("b".into(), "3".into()), ("c".into(), "4".into())].into();
        let changed = changed_files(&old, &new);
        assert_eq!(changed.len(), 3);
        assert_eq!(changed[0], ("a".into(), Some("1".into()), None));
    }
}
