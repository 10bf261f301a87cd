//! Scores for partners' learning platforms (LTI 1.3 Assignment and Grade
//! Services). A launch from a platform names the grade column of the
//! course it placed (`remember_column`); when the learner completes the
//! course, its score is written for each such column in the transaction
//! that recorded the completion (`write_scores`), or at the launch itself
//! when the course was complete before. The server's `lti` sender sends
//! them; a score row is unique per column, so it goes back once.

use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, TransactionTrait};
use time::OffsetDateTime;

use crate::catalog::Course;
use crate::db::Db;
use crate::entities::{course_completion, lti_grade_link, lti_score};

/// The most a score counts: scores are percentages.
pub const SCORE_MAXIMUM: i32 = 100;

/// A course's score as a percentage: the average of its quizzes' best
/// scores, or 100 for a course without quizzes (completing it is the
/// achievement). Only asked of a completed course, so every quiz was
/// passed at least once.
pub async fn course_score(connection: &impl ConnectionTrait, course: &Course, user_id: i64) -> Result<i32, DbErr> {
    let quizzes: Vec<&str> =
        course.lessons().filter(|(_, lesson)| lesson.quiz.is_some()).map(|(_, lesson)| lesson.id.as_str()).collect();
    if quizzes.is_empty() {
        return Ok(SCORE_MAXIMUM);
    }
    let best = super::records::best_scores(connection, user_id, &course.id).await?;
    let total: i32 = quizzes.iter().map(|lesson| i32::from(best.get(*lesson).copied().unwrap_or(0))).sum();
    Ok(total / quizzes.len() as i32)
}

/// Within the transaction that recorded `user_id`'s completion of
/// `course`: a score for every grade column a platform named for it.
pub async fn write_scores(
    connection: &impl ConnectionTrait,
    course: &Course,
    user_id: i64,
    at: OffsetDateTime,
) -> Result<(), DbErr> {
    let columns = lti_grade_link::Entity::find()
        .filter(lti_grade_link::Column::UserId.eq(user_id))
        .filter(lti_grade_link::Column::CourseId.eq(course.id.as_str()))
        .all(connection)
        .await?;
    if columns.is_empty() {
        return Ok(());
    }
    let score = course_score(connection, course, user_id).await?;
    for column in columns {
        insert_score(connection, column.id, score, at).await?;
    }
    Ok(())
}

async fn insert_score(
    connection: &impl ConnectionTrait,
    column: i64,
    score: i32,
    at: OffsetDateTime,
) -> Result<(), DbErr> {
    lti_score::Entity::insert(lti_score::ActiveModel {
        grade_link_id: Set(column),
        score_given: Set(score.clamp(0, SCORE_MAXIMUM)),
        score_maximum: Set(SCORE_MAXIMUM),
        occurred_at: Set(at),
        attempts: Set(0),
        claimed_until: Set(None),
        sent_at: Set(None),
        refused_at: Set(None),
        last_error: Set(None),
        ..Default::default()
    })
    .on_conflict(OnConflict::column(lti_score::Column::GradeLinkId).do_nothing().to_owned())
    .exec_without_returning(connection)
    .await?;
    Ok(())
}

/// A grade column a launch named for `user_id`'s `course` (kept once),
/// with its score at once if the course is complete already.
pub async fn remember_column(
    db: &Db,
    course: &Course,
    user_id: i64,
    platform: &str,
    subject: &str,
    lineitem: &str,
) -> Result<(), DbErr> {
    let transaction = db.writer.begin().await?;
    // The enrolment's row, locked on PostgreSQL as a learner's step locks
    // it (`changes::load`): a completion recorded at this moment either
    // sees this column or is seen by it, so its score is never missed.
    if transaction.get_database_backend() == sea_orm::DbBackend::Postgres {
        use sea_orm::QuerySelect;
        crate::entities::enrolment::Entity::find()
            .filter(crate::entities::enrolment::Column::UserId.eq(user_id))
            .filter(crate::entities::enrolment::Column::CourseId.eq(course.id.as_str()))
            .lock_exclusive()
            .all(&transaction)
            .await?;
    }
    let now = OffsetDateTime::now_utc();
    lti_grade_link::Entity::insert(lti_grade_link::ActiveModel {
        user_id: Set(user_id),
        course_id: Set(course.id.clone()),
        platform: Set(platform.to_string()),
        subject: Set(subject.to_string()),
        lineitem: Set(lineitem.to_string()),
        created_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            lti_grade_link::Column::UserId,
            lti_grade_link::Column::CourseId,
            lti_grade_link::Column::Lineitem,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(&transaction)
    .await?;
    let completed = course_completion::Entity::find_by_id((user_id, course.id.clone())).one(&transaction).await?;
    if let Some(completed) = completed {
        let column = lti_grade_link::Entity::find()
            .filter(lti_grade_link::Column::UserId.eq(user_id))
            .filter(lti_grade_link::Column::CourseId.eq(course.id.as_str()))
            .filter(lti_grade_link::Column::Lineitem.eq(lineitem))
            .one(&transaction)
            .await?;
        if let Some(column) = column {
            let score = course_score(&transaction, course, user_id).await?;
            insert_score(&transaction, column.id, score, completed.completed_at).await?;
        }
    }
    transaction.commit().await
}

/// Within an account's deletion: its grade columns and their scores
/// (sent or not) are forgotten.
pub async fn forget(connection: &impl ConnectionTrait, user_id: i64) -> Result<(), DbErr> {
    use sea_orm::QuerySelect;
    let columns: Vec<i64> = lti_grade_link::Entity::find()
        .select_only()
        .column(lti_grade_link::Column::Id)
        .filter(lti_grade_link::Column::UserId.eq(user_id))
        .into_tuple()
        .all(connection)
        .await?;
    if columns.is_empty() {
        return Ok(());
    }
    lti_score::Entity::delete_many().filter(lti_score::Column::GradeLinkId.is_in(columns)).exec(connection).await?;
    lti_grade_link::Entity::delete_many().filter(lti_grade_link::Column::UserId.eq(user_id)).exec(connection).await?;
    Ok(())
}

/// A person's grade columns, each with its score if one was written: for
/// their own-data download.
pub async fn columns_of(
    db: &Db,
    user_id: i64,
) -> Result<Vec<(lti_grade_link::Model, Option<lti_score::Model>)>, DbErr> {
    use sea_orm::QueryOrder;
    let columns = lti_grade_link::Entity::find()
        .filter(lti_grade_link::Column::UserId.eq(user_id))
        .order_by_asc(lti_grade_link::Column::Id)
        .all(&db.reader)
        .await?;
    let ids: Vec<i64> = columns.iter().map(|column| column.id).collect();
    let mut scores =
        lti_score::Entity::find().filter(lti_score::Column::GradeLinkId.is_in(ids)).all(&db.reader).await?;
    Ok(columns
        .into_iter()
        .map(|column| {
            let score = scores.iter().position(|score| score.grade_link_id == column.id).map(|at| scores.remove(at));
            (column, score)
        })
        .collect())
}
