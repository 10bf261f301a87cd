//! Enrolling in a course and leaving it. Enrolling twice changes nothing;
//! leaving keeps the history, and coming back picks it up.

use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, TransactionTrait};
use time::OffsetDateTime;

use super::error::LearningError;
use crate::catalog::Course;
use crate::db::Db;
use crate::entities::enrolment;
use crate::model::Enrolment;

/// Enrols a person in an `open` course by themselves (again, if they had
/// left: their progress is still there). Enrolling twice changes nothing.
pub async fn enrol(db: &Db, course: &Course, user_id: i64) -> Result<(), LearningError> {
    if course.enrolment == Enrolment::Code {
        return Err(LearningError::CodeOnly);
    }
    let _changing = db.progress.changing(user_id);
    let transaction = db.writer.begin().await?;
    upsert_enrolment(&transaction, user_id, &course.id, None).await?;
    transaction.commit().await?;
    Ok(())
}

/// Within a transaction: the person is enrolled in the course (in `cohort`,
/// when given; a person enrolled alone keeps no cohort).
pub(super) async fn upsert_enrolment(
    connection: &impl ConnectionTrait,
    user_id: i64,
    course_id: &str,
    cohort: Option<i64>,
) -> Result<(), DbErr> {
    let now = OffsetDateTime::now_utc();
    let existing = enrolment::Entity::find()
        .filter(enrolment::Column::UserId.eq(user_id))
        .filter(enrolment::Column::CourseId.eq(course_id))
        .one(connection)
        .await?;
    match existing {
        Some(row) => {
            let mut update = enrolment::Entity::update_many()
                .col_expr(enrolment::Column::LeftAt, sea_orm::sea_query::Expr::value(None::<OffsetDateTime>))
                .filter(enrolment::Column::Id.eq(row.id));
            if row.left_at.is_some() {
                update = update.col_expr(enrolment::Column::EnrolledAt, sea_orm::sea_query::Expr::value(now));
            }
            if let Some(cohort) = cohort {
                update = update.col_expr(enrolment::Column::CohortId, sea_orm::sea_query::Expr::value(cohort));
            } else if row.left_at.is_some() {
                // Coming back alone after leaving: not back into the old
                // cohort (its places and dates were not checked).
                update = update.col_expr(enrolment::Column::CohortId, sea_orm::sea_query::Expr::value(None::<i64>));
            }
            update.exec(connection).await?;
        }
        None => {
            let [gender, age_band, region] = consented_answers(connection, user_id).await?;
            let inserted = enrolment::Entity::insert(enrolment::ActiveModel {
                user_id: Set(user_id),
                course_id: Set(course_id.to_string()),
                cohort_id: Set(cohort),
                enrolled_at: Set(now),
                left_at: Set(None),
                gender: Set(gender),
                age_band: Set(age_band),
                region: Set(region),
                ..Default::default()
            })
            .on_conflict(
                OnConflict::columns([enrolment::Column::UserId, enrolment::Column::CourseId]).do_nothing().to_owned(),
            )
            .exec_without_returning(connection)
            .await?;
            if inserted == 1 {
                super::outbox::write(connection, user_id, super::outbox::Record::Enrolled { course: course_id }, now)
                    .await?;
            }
        }
    }
    Ok(())
}

/// A learner's consented answers, as a new enrolment copies them.
async fn consented_answers(connection: &impl ConnectionTrait, user_id: i64) -> Result<[Option<String>; 3], DbErr> {
    use crate::entities::profile_answer;
    use crate::model::ProfileQuestion;
    let rows =
        profile_answer::Entity::find().filter(profile_answer::Column::UserId.eq(user_id)).all(connection).await?;
    let answers: crate::model::ProfileAnswers = rows
        .into_iter()
        .filter_map(|row| ProfileQuestion::parse(&row.question).map(|question| (question, row.answer)))
        .collect();
    Ok(crate::personal_data::answer_columns(&answers))
}

/// Leaves a course. The enrolment and every completion and attempt stay,
/// as history; enrolling again picks up where the person left off.
pub async fn unenrol(db: &Db, course_id: &str, user_id: i64) -> Result<(), LearningError> {
    let _changing = db.progress.changing(user_id);
    enrolment::Entity::update_many()
        .col_expr(enrolment::Column::LeftAt, sea_orm::sea_query::Expr::value(OffsetDateTime::now_utc()))
        .filter(enrolment::Column::UserId.eq(user_id))
        .filter(enrolment::Column::CourseId.eq(course_id))
        .filter(enrolment::Column::LeftAt.is_null())
        .exec(&db.writer)
        .await?;
    Ok(())
}
