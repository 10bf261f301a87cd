//! The studio: courses written in the browser.
//!
//! A studio course is a course folder kept in the database
//! (`courses/README.md` is its format, unchanged): its draft is a set of
//! files, each saved with a version token (`store`); publishing makes the
//! draft the next version, kept for good (`versions`); every instance
//! writes the latest versions into its folder of studio courses, which the
//! loader reads beside `courses/` (`folders`). So the renderer, the checks,
//! quizzes, pictures, offline copies and completions work on a studio
//! course exactly as on a folder course, and an exported studio course is
//! a folder that renders the same pages.
//!
//! Which is the source of a course is decided per course: a course with a
//! row here is the studio's (a folder of the same id in `courses/` is then
//! left unread, and `courses check` says so); any other course is its
//! folder's, shown read-only in the studio until an administrator takes it
//! in.

pub mod editor;
pub mod folders;
pub mod front_matter;
pub mod live;
pub mod outline;
pub mod paths;
pub mod preview;
pub mod script;
pub mod settings;
pub mod store;
pub mod translations;
pub mod versions;
pub mod views;

pub use settings::{CourseSettings, course_toml, settings_of};

use std::collections::BTreeMap;

use sea_orm::{ActiveValue::Set, ColumnTrait, DbErr, EntityTrait, QueryFilter, TransactionTrait};
use time::OffsetDateTime;

use crate::accounts::{Actor, record_in};
use crate::entities::studio_course;
use crate::language::Language;

/// `text` as a TOML basic string, quoted and escaped.
pub(crate) fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A first module and lesson, so that a new course loads and shows at once.
fn first_files(settings: &CourseSettings) -> Vec<(&'static str, String)> {
    let (module, lesson) = match settings.language {
        Language::Ur => ("تعارف", "خوش آمدید"),
        Language::Ru => ("Введение", "Добро пожаловать"),
        Language::Uz => ("Kirish", "Xush kelibsiz"),
        Language::En => ("Introduction", "Welcome"),
    };
    vec![
        ("01-introduction/module.toml", format!("title = {}\n", quoted(module))),
        ("01-introduction/01-welcome.md", format!("+++\ntitle = {}\n+++\n\n", quoted(lesson))),
    ]
}

/// Why a course could not be created.
#[derive(Debug, PartialEq, Eq)]
pub enum NotCreated {
    /// A studio course, or a folder course, already has this id.
    Taken,
}

/// Creates a studio course: its row, and a draft holding `course.toml`
/// and a first module and lesson.
pub async fn create_course(
    connection: &sea_orm::DatabaseConnection,
    id: &str,
    settings: &CourseSettings,
    instructors: &[String],
    folder_ids: &[String],
    actor: &Actor,
) -> Result<Result<(), NotCreated>, DbErr> {
    if folder_ids.iter().any(|taken| taken == id) {
        return Ok(Err(NotCreated::Taken));
    }
    let transaction = connection.begin().await?;
    if store::course(&transaction, id).await?.is_some() {
        transaction.rollback().await?;
        return Ok(Err(NotCreated::Taken));
    }
    insert_course(&transaction, id, instructors).await?;
    let mut files = BTreeMap::new();
    files.insert(
        "course.toml".to_string(),
        store::put_blob(&transaction, course_toml(settings, instructors).as_bytes()).await?,
    );
    for (path, text) in first_files(settings) {
        files.insert(path.to_string(), store::put_blob(&transaction, text.as_bytes()).await?);
    }
    store::replace_draft(&transaction, id, &files, actor).await?;
    record_in(&transaction, actor, None, "studio.course_created", serde_json::json!({ "course": id })).await?;
    transaction.commit().await?;
    Ok(Ok(()))
}

async fn insert_course(
    connection: &impl sea_orm::ConnectionTrait,
    id: &str,
    instructors: &[String],
) -> Result<(), DbErr> {
    studio_course::Entity::insert(studio_course::ActiveModel {
        course_id: Set(id.to_string()),
        instructors: Set(serde_json::to_string(instructors).unwrap_or_else(|_| "[]".into())),
        review_required: Set(false),
        draft_revision: Set(0),
        proposed_by: Set(None),
        proposed_revision: Set(None),
        proposal_message: Set(None),
        review_comment: Set(None),
        created_at: Set(OffsetDateTime::now_utc()),
    })
    .exec_without_returning(connection)
    .await?;
    Ok(())
}

/// Takes the folder course `files` (read by `folders::read_course_folder`)
/// into the studio as its first version, published as it was.
pub async fn take_in(
    connection: &sea_orm::DatabaseConnection,
    id: &str,
    files: &BTreeMap<String, Vec<u8>>,
    instructors: &[String],
    actor: &Actor,
) -> Result<Result<i32, NotCreated>, DbErr> {
    let transaction = connection.begin().await?;
    if store::course(&transaction, id).await?.is_some() {
        transaction.rollback().await?;
        return Ok(Err(NotCreated::Taken));
    }
    insert_course(&transaction, id, instructors).await?;
    let mut kept = BTreeMap::new();
    for (path, bytes) in files {
        kept.insert(path.clone(), store::put_blob(&transaction, bytes).await?);
    }
    store::replace_draft(&transaction, id, &kept, actor).await?;
    record_in(&transaction, actor, None, "studio.course_taken_in", serde_json::json!({ "course": id })).await?;
    transaction.commit().await?;
    let revision = store::course(connection, id).await?.map(|row| row.draft_revision).unwrap_or_default();
    match versions::publish(connection, id, revision, "Taken in from its folder", None, actor).await? {
        Ok(number) => Ok(Ok(number)),
        Err(_) => Ok(Ok(0)),
    }
}

/// Names a course's instructors (administrators only: checked by the
/// caller) and writes them into the draft's `course.toml`.
pub async fn set_instructors(
    connection: &sea_orm::DatabaseConnection,
    id: &str,
    instructors: &[String],
    review_required: bool,
    actor: &Actor,
) -> Result<bool, DbErr> {
    let transaction = connection.begin().await?;
    let updated = studio_course::Entity::update_many()
        .col_expr(
            studio_course::Column::Instructors,
            sea_orm::sea_query::Expr::value(serde_json::to_string(instructors).unwrap_or_else(|_| "[]".into())),
        )
        .col_expr(studio_course::Column::ReviewRequired, sea_orm::sea_query::Expr::value(review_required))
        .filter(studio_course::Column::CourseId.eq(id))
        .exec(&transaction)
        .await?;
    if updated.rows_affected != 1 {
        transaction.rollback().await?;
        return Ok(false);
    }
    let current = store::draft_file(&transaction, id, "course.toml").await?;
    if let Some(current) = current {
        let text = store::blob(&transaction, &current.hash).await?.unwrap_or_default();
        if let Some(settings) = settings_of(&String::from_utf8_lossy(&text)) {
            let hash = store::put_blob(&transaction, course_toml(&settings, instructors).as_bytes()).await?;
            let mut files = versions::draft_files(&transaction, id).await?;
            files.insert("course.toml".into(), hash);
            store::replace_draft(&transaction, id, &files, actor).await?;
        }
    }
    record_in(
        &transaction,
        actor,
        None,
        "studio.instructors_named",
        serde_json::json!({ "course": id, "instructors": instructors, "review_required": review_required }),
    )
    .await?;
    transaction.commit().await?;
    Ok(true)
}

/// Why an upload was not kept.
#[derive(Debug, PartialEq, Eq)]
pub enum UploadRefused {
    /// The course would hold more files, or more bytes, than it may.
    CourseFull,
}

/// Keeps an uploaded picture or file at `path` in the draft (replacing a
/// file of the same name), within the course's bounds. The caller has
/// checked the path and the content.
pub async fn upload(
    connection: &sea_orm::DatabaseConnection,
    id: &str,
    path: &str,
    bytes: &[u8],
    actor: &Actor,
) -> Result<Result<(), UploadRefused>, DbErr> {
    let edited = store::draft_file(connection, id, path).await?.map(|row| row.revision);
    match store::save(connection, id, path, Some(bytes), edited, actor).await? {
        store::Saved::Kept { .. } => Ok(Ok(())),
        store::Saved::CourseFull => Ok(Err(UploadRefused::CourseFull)),
        // Someone uploaded the same name at once: theirs stays.
        store::Saved::Conflict(_) => Ok(Ok(())),
    }
}

/// Proposes the draft at `revision` for review.
pub async fn propose(
    connection: &sea_orm::DatabaseConnection,
    id: &str,
    revision: i64,
    message: &str,
    actor: &Actor,
) -> Result<(), DbErr> {
    let transaction = connection.begin().await?;
    studio_course::Entity::update_many()
        .col_expr(studio_course::Column::ProposedBy, sea_orm::sea_query::Expr::value(actor.user_id))
        .col_expr(studio_course::Column::ProposedRevision, sea_orm::sea_query::Expr::value(revision))
        .col_expr(studio_course::Column::ProposalMessage, sea_orm::sea_query::Expr::value(message.to_string()))
        .col_expr(studio_course::Column::ReviewComment, sea_orm::sea_query::Expr::value(Option::<String>::None))
        .filter(studio_course::Column::CourseId.eq(id))
        .exec(&transaction)
        .await?;
    record_in(&transaction, actor, None, "studio.proposed", serde_json::json!({ "course": id, "revision": revision }))
        .await?;
    transaction.commit().await
}

/// Sends a proposal back with `comment`.
pub async fn send_back(
    connection: &sea_orm::DatabaseConnection,
    id: &str,
    comment: &str,
    actor: &Actor,
) -> Result<(), DbErr> {
    let transaction = connection.begin().await?;
    versions::clear_proposal(&transaction, id, Some(comment)).await?;
    record_in(&transaction, actor, None, "studio.sent_back", serde_json::json!({ "course": id, "comment": comment }))
        .await?;
    transaction.commit().await
}
