//! Learning records for a learning record store (xAPI): each enrolment,
//! lesson completion, quiz attempt and certificate is written to
//! `xapi_outbox` by the step that records it, in the same transaction, so
//! that a record is in the outbox exactly when the learning it describes
//! is in the database. Only while a store is configured (the server turns
//! recording on at start); the server's `xapi` sender sends the outbox.

use std::sync::atomic::{AtomicBool, Ordering};

use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait};
use time::OffsetDateTime;

use crate::entities::xapi_outbox;

static RECORDING: AtomicBool = AtomicBool::new(false);

/// Whether learning records are written (a store is configured).
pub fn set_recording(on: bool) {
    RECORDING.store(on, Ordering::Relaxed);
}

/// What happened, as the outbox keeps it.
pub enum Record<'a> {
    Enrolled { course: &'a str },
    LessonCompleted { course: &'a str, lesson: &'a str },
    QuizAttempted { course: &'a str, lesson: &'a str, attempt: i64, score: i32, passed: bool },
    Certified { course: &'a str },
}

/// Within the transaction that recorded it: `user_id`'s record, if
/// records are being kept.
pub async fn write(
    connection: &impl ConnectionTrait,
    user_id: i64,
    record: Record<'_>,
    at: OffsetDateTime,
) -> Result<(), DbErr> {
    if !RECORDING.load(Ordering::Relaxed) {
        return Ok(());
    }
    xapi_outbox::Entity::insert(row(user_id, record, at)).exec_without_returning(connection).await?;
    Ok(())
}

/// Several enrolments at once (a bulk enrolment file).
pub async fn write_enrolments(
    connection: &impl ConnectionTrait,
    enrolled: &[(i64, String)],
    at: OffsetDateTime,
) -> Result<(), DbErr> {
    if !RECORDING.load(Ordering::Relaxed) || enrolled.is_empty() {
        return Ok(());
    }
    let rows = enrolled.iter().map(|(user_id, course)| row(*user_id, Record::Enrolled { course }, at));
    xapi_outbox::Entity::insert_many(rows).exec_without_returning(connection).await?;
    Ok(())
}

fn row(user_id: i64, record: Record<'_>, at: OffsetDateTime) -> xapi_outbox::ActiveModel {
    let (kind, course, lesson, source, score, passed) = match record {
        Record::Enrolled { course } => ("enrolled", course, None, None, None, None),
        Record::LessonCompleted { course, lesson } => ("lesson", course, Some(lesson), None, None, None),
        Record::QuizAttempted { course, lesson, attempt, score, passed } => {
            ("quiz", course, Some(lesson), Some(attempt), Some(score), Some(passed))
        }
        Record::Certified { course } => ("certificate", course, None, None, None, None),
    };
    xapi_outbox::ActiveModel {
        kind: Set(kind.to_string()),
        user_id: Set(user_id),
        course_id: Set(course.to_string()),
        lesson_id: Set(lesson.map(str::to_string)),
        source_id: Set(source),
        score: Set(score),
        passed: Set(passed),
        occurred_at: Set(at),
        attempts: Set(0),
        sent_at: Set(None),
        refused_at: Set(None),
        last_error: Set(None),
        ..Default::default()
    }
}
