//! Every version of every quiz a learner may hold on a phone. A course
//! saved for offline carries its content version; a quiz taken offline is
//! graded when it arrives, against the answer key of that version, even if
//! the course has changed since. Each version's keys are recorded once
//! (by whichever instance serves it first) and kept: they are course
//! content, not anyone's data. A learner's attempt is graded against an
//! older version only if they saved that version (`offline_saves`): no one
//! picks an old answer key they never had, one corrected since, say.

use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, DbErr, EntityTrait, QueryFilter};

use crate::catalog::{Course, Quiz};
use crate::db::Db;
use crate::entities::{offline_save, quiz_version};

/// Records the answer key of every quiz of `course` as it is now (its
/// content version). Recording a version again changes nothing.
pub async fn remember(db: &Db, course: &Course) -> Result<(), DbErr> {
    let now = time::OffsetDateTime::now_utc();
    let rows: Vec<quiz_version::ActiveModel> = course
        .lessons()
        .filter_map(|(_, lesson)| Some((lesson, lesson.quiz.as_ref()?)))
        .map(|(lesson, quiz)| quiz_version::ActiveModel {
            course_id: Set(course.id.clone()),
            content_version: Set(course.content_version.clone()),
            lesson_id: Set(lesson.id.clone()),
            quiz: Set(serde_json::to_string(quiz).unwrap_or_default()),
            recorded_at: Set(now),
        })
        .collect();
    if rows.is_empty() {
        return Ok(());
    }
    quiz_version::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::columns([
                quiz_version::Column::CourseId,
                quiz_version::Column::ContentVersion,
                quiz_version::Column::LessonId,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(&db.writer)
        .await?;
    Ok(())
}

/// `user` saved `course` as it is now on their phone (said once per version).
pub async fn remember_saved(db: &Db, user: i64, course: &Course) -> Result<(), DbErr> {
    let key = (user, course.id.clone(), course.content_version.clone());
    if offline_save::Entity::find_by_id(key).one(&db.reader).await?.is_some() {
        return Ok(());
    }
    offline_save::Entity::insert(offline_save::ActiveModel {
        user_id: Set(user),
        course_id: Set(course.id.clone()),
        content_version: Set(course.content_version.clone()),
        saved_at: Set(time::OffsetDateTime::now_utc()),
    })
    .on_conflict(
        OnConflict::columns([
            offline_save::Column::UserId,
            offline_save::Column::CourseId,
            offline_save::Column::ContentVersion,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(&db.writer)
    .await?;
    Ok(())
}

/// The quiz of `lesson` in version `version` of `course`, for `user`: from
/// the course being served when that is the version, else as recorded, if
/// `user` saved that version.
pub async fn quiz_in_version(
    db: &Db,
    course: &Course,
    version: &str,
    lesson: &str,
    user: i64,
) -> Result<Option<Quiz>, DbErr> {
    if version == course.content_version {
        return Ok(course.lesson(lesson).and_then(|lesson| lesson.quiz.clone()));
    }
    let saved = (user, course.id.clone(), version.to_string());
    if offline_save::Entity::find_by_id(saved).one(&db.reader).await?.is_none() {
        return Ok(None);
    }
    let found = quiz_version::Entity::find()
        .filter(quiz_version::Column::CourseId.eq(course.id.as_str()))
        .filter(quiz_version::Column::ContentVersion.eq(version))
        .filter(quiz_version::Column::LessonId.eq(lesson))
        .one(&db.reader)
        .await?;
    Ok(found.and_then(|row| serde_json::from_str(&row.quiz).ok()))
}
