//! Uploaded files as stored: kept for their dry run, forgotten when never
//! applied, and their printable codes forgotten on request.

use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use time::{Duration, OffsetDateTime};

use super::file::{FileProblem, read_file};
use crate::db::Db;
use crate::entities::import;
use crate::model::ImportSummary;
use serde::{Deserialize, Serialize};

/// A set-password code of an account an import created, for printing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedCode {
    pub username: String,
    pub name: String,
    pub cohort: String,
    /// Grouped: `ABCD-EFGH-JKMN`.
    pub code: String,
}

/// A stored file, as read back.
pub type StoredFile = import::Model;

/// Stores an uploaded file for its dry run; the file must read as CSV.
pub async fn store_upload(
    db: &Db,
    file_name: &str,
    bytes: &[u8],
    uploaded_by: i64,
) -> Result<Result<i64, FileProblem>, DbErr> {
    if let Err(problem) = read_file(bytes) {
        return Ok(Err(problem));
    }
    let content = String::from_utf8_lossy(bytes).into_owned();
    let name: String = file_name.chars().filter(|c| !c.is_control()).take(200).collect();
    let inserted = import::Entity::insert(import::ActiveModel {
        created_by: Set(uploaded_by),
        created_at: Set(OffsetDateTime::now_utc()),
        file_name: Set(if name.is_empty() { "upload.csv".into() } else { name }),
        content: Set(content),
        applied_at: Set(None),
        codes: Set(None),
        ..Default::default()
    })
    .exec(&db.writer)
    .await?;
    Ok(Ok(inserted.last_insert_id))
}

/// How long a file that was never applied is kept: its rows hold names and
/// answers that nobody is using.
pub const UNAPPLIED_KEPT: Duration = Duration::days(30);

/// Deletes files never applied and older than [`UNAPPLIED_KEPT`]; returns how many.
pub async fn forget_unapplied(db: &Db) -> Result<u64, DbErr> {
    let before = OffsetDateTime::now_utc() - UNAPPLIED_KEPT;
    let deleted = import::Entity::delete_many()
        .filter(import::Column::AppliedAt.is_null())
        .filter(import::Column::CreatedAt.lt(before))
        .exec(&db.writer)
        .await?;
    Ok(deleted.rows_affected)
}

/// Forgets the set-password codes kept for printing (the codes still work).
pub async fn forget_codes(db: &Db, import_id: i64) -> Result<(), DbErr> {
    import::Entity::update_many()
        .col_expr(import::Column::Codes, Expr::value(None::<String>))
        .filter(import::Column::Id.eq(import_id))
        .exec(&db.writer)
        .await?;
    Ok(())
}

/// The files `uploader` sent lately, newest first.
pub async fn recent_files(db: &Db, uploader: i64) -> Result<Vec<ImportSummary>, DbErr> {
    Ok(import::Entity::find()
        .select_only()
        .column(import::Column::Id)
        .column(import::Column::FileName)
        .column(import::Column::CreatedAt)
        .column(import::Column::AppliedAt)
        .filter(import::Column::CreatedBy.eq(uploader))
        .order_by_desc(import::Column::Id)
        .limit(20)
        .into_tuple::<(i64, String, OffsetDateTime, Option<OffsetDateTime>)>()
        .all(&db.reader)
        .await?
        .into_iter()
        .map(|(id, file_name, created_at, applied_at)| ImportSummary {
            id,
            file_name,
            uploaded_at: crate::dates::utc_minutes(created_at),
            applied: applied_at.is_some(),
        })
        .collect())
}

/// The stored file `id`, if there is one (whoever may see it: `policy`).
pub async fn stored_file(db: &Db, id: i64) -> Result<Option<StoredFile>, DbErr> {
    import::Entity::find_by_id(id).one(&db.reader).await
}
