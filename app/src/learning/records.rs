//! A learner's records read back: enrolments, completed lessons, course
//! completions, quiz scores and attempts.

use std::collections::{HashMap, HashSet};

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

use crate::db::Db;
use crate::entities::{course_completion, enrolment, lesson_completion, quiz_attempt};

/// A person's current enrolment in a course, if they have not left it.
pub async fn active_enrolment(
    connection: &impl ConnectionTrait,
    user_id: i64,
    course_id: &str,
) -> Result<Option<enrolment::Model>, DbErr> {
    enrolment::Entity::find()
        .filter(enrolment::Column::UserId.eq(user_id))
        .filter(enrolment::Column::CourseId.eq(course_id))
        .filter(enrolment::Column::LeftAt.is_null())
        .one(connection)
        .await
}

/// The courses a person is enrolled in now, most recently enrolled first.
pub async fn my_enrolments(db: &Db, user_id: i64) -> Result<Vec<enrolment::Model>, DbErr> {
    enrolment::Entity::find()
        .filter(enrolment::Column::UserId.eq(user_id))
        .filter(enrolment::Column::LeftAt.is_null())
        .order_by_desc(enrolment::Column::EnrolledAt)
        .all(&db.reader)
        .await
}

/// The ids of the lessons of a course a person has completed (including
/// lessons since removed from the course).
pub async fn completed_lessons(
    connection: &impl ConnectionTrait,
    user_id: i64,
    course_id: &str,
) -> Result<HashSet<String>, DbErr> {
    Ok(lesson_completion::Entity::find()
        .filter(lesson_completion::Column::UserId.eq(user_id))
        .filter(lesson_completion::Column::CourseId.eq(course_id))
        .all(connection)
        .await?
        .into_iter()
        .map(|row| row.lesson_id)
        .collect())
}

pub async fn course_completion(
    db: &Db,
    user_id: i64,
    course_id: &str,
) -> Result<Option<course_completion::Model>, DbErr> {
    course_completion::Entity::find_by_id((user_id, course_id.to_string())).one(&db.reader).await
}

/// The best score of each quiz lesson a person has attempted in a course.
pub async fn best_scores(
    connection: &impl ConnectionTrait,
    user_id: i64,
    course_id: &str,
) -> Result<HashMap<String, u8>, DbErr> {
    let mut best = HashMap::new();
    for attempt in quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::UserId.eq(user_id))
        .filter(quiz_attempt::Column::CourseId.eq(course_id))
        .all(connection)
        .await?
    {
        let score = attempt.score_percent.clamp(0, 100) as u8;
        best.entry(attempt.lesson_id).and_modify(|best: &mut u8| *best = (*best).max(score)).or_insert(score);
    }
    Ok(best)
}

/// One of a person's own attempts (never someone else's).
pub async fn quiz_attempt(db: &Db, user_id: i64, attempt_id: i64) -> Result<Option<quiz_attempt::Model>, DbErr> {
    quiz_attempt::Entity::find_by_id(attempt_id).filter(quiz_attempt::Column::UserId.eq(user_id)).one(&db.reader).await
}
