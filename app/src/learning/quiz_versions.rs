//! Every version of every quiz a learner may hold on a phone. A course
//! saved for offline carries its content version; a quiz taken offline is
//! graded when it arrives, against the answer key of that version, even if
//! the course has changed since. Each version's keys are recorded once
//! (by whichever instance serves it first) and kept: they are course
//! content, not anyone's data.

use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, DbErr, EntityTrait, QueryFilter};

use crate::catalog::{Course, Quiz};
use crate::db::Db;
use crate::entities::quiz_version;

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

/// The quiz of `lesson` in version `version` of `course`: from the course
/// being served when that is the version, else as recorded.
pub async fn quiz_in_version(db: &Db, course: &Course, version: &str, lesson: &str) -> Result<Option<Quiz>, DbErr> {
    if version == course.content_version {
        return Ok(course.lesson(lesson).and_then(|lesson| lesson.quiz.clone()));
    }
    let found = quiz_version::Entity::find()
        .filter(quiz_version::Column::CourseId.eq(course.id.as_str()))
        .filter(quiz_version::Column::ContentVersion.eq(version))
        .filter(quiz_version::Column::LessonId.eq(lesson))
        .one(&db.reader)
        .await?;
    Ok(found.and_then(|row| serde_json::from_str(&row.quiz).ok()))
}
