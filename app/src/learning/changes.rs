//! One change to an enrolment, as one unit of work: what is known of the
//! enrolment is read once, under its lock; a pure function decides what a
//! learner's step leads to (the lesson complete, the course complete, a
//! certificate earned); then each row is written at most once, the
//! enrolment's own row in one update. The form post, the server function
//! and the offline sync all come through here.

use std::collections::{HashMap, HashSet};

use sea_orm::sea_query::{Expr, OnConflict, SimpleExpr};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use time::OffsetDateTime;

use super::certificates::{meets_minimum_average, new_certificate};
use super::progress::progress;
use super::records::{best_scores, completed_lessons};
use crate::catalog::Course;
use crate::entities::{certificate, course_completion, enrolment, lesson_completion};

/// What a write needs to know of an enrolment, read once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EnrolmentState {
    /// Lessons completed (including lessons since removed from the course).
    pub completed: HashSet<String>,
    /// The best score of each quiz attempted (read only when the course's
    /// certificate asks for a minimum average).
    pub best_scores: HashMap<String, u8>,
    /// The course's completion is recorded.
    pub course_completed: bool,
    /// A certificate was issued (even if since revoked: it is never issued twice).
    pub has_certificate: bool,
}

/// A learner's step in a course.
#[derive(Clone, Copy, Debug)]
pub enum Step<'a> {
    /// A lesson without a quiz marked complete.
    Completed { lesson: &'a str },
    /// A new quiz attempt, graded.
    Attempted { lesson: &'a str, score_percent: u8, passed: bool },
}

/// What a step leads to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Consequences {
    /// The learner did something new in the course (the first time starts it).
    pub active: bool,
    /// The lesson's completion is to be recorded.
    pub completes_lesson: bool,
    /// The course's completion is to be recorded.
    pub completes_course: bool,
    /// A certificate is to be issued.
    pub earns_certificate: bool,
}

/// Decides what `step` leads to for an enrolment in `before` state,
/// against the course as it is now.
pub fn consequences(course: &Course, before: &EnrolmentState, step: Step<'_>) -> Consequences {
    let (lesson, done, score) = match step {
        Step::Completed { lesson } => (lesson, true, None),
        Step::Attempted { lesson, score_percent, passed } => (lesson, passed, Some(score_percent)),
    };
    let completes_lesson = done && !before.completed.contains(lesson);
    let mut completed = std::borrow::Cow::Borrowed(&before.completed);
    if completes_lesson {
        completed.to_mut().insert(lesson.to_string());
    }
    let mut best = std::borrow::Cow::Borrowed(&before.best_scores);
    if let Some(score) = score.filter(|score| before.best_scores.get(lesson).is_none_or(|best| score > best)) {
        best.to_mut().insert(lesson.to_string(), score);
    }
    let all_done = progress(course, &completed).all_done();
    Consequences {
        active: completes_lesson || score.is_some(),
        completes_lesson,
        completes_course: all_done && !before.course_completed,
        earns_certificate: all_done
            && course.certificate.issued
            && !before.has_certificate
            && meets_minimum_average(course, &best),
    }
}

/// Within a write transaction: a learner's current enrolment in a course
/// and what is known of it, the enrolment locked on PostgreSQL until the
/// transaction ends (so that a learner's steps are decided one after the
/// other, each seeing the others; SQLite has a single writer anyway).
/// `None`: not enrolled.
pub async fn load(
    connection: &impl ConnectionTrait,
    course: &Course,
    user_id: i64,
) -> Result<Option<(enrolment::Model, EnrolmentState)>, DbErr> {
    let Some(enrolment) = lock_enrolment(connection, user_id, &course.id).await? else { return Ok(None) };
    let completed = completed_lessons(connection, user_id, &course.id).await?;
    let best_scores = match course.certificate.min_average_score {
        Some(_) if course.certificate.issued => best_scores(connection, user_id, &course.id).await?,
        _ => HashMap::new(),
    };
    let course_completed =
        course_completion::Entity::find_by_id((user_id, course.id.clone())).one(connection).await?.is_some();
    let has_certificate = course.certificate.issued
        && certificate::Entity::find()
            .filter(certificate::Column::UserId.eq(user_id))
            .filter(certificate::Column::CourseId.eq(course.id.as_str()))
            .one(connection)
            .await?
            .is_some();
    Ok(Some((enrolment, EnrolmentState { completed, best_scores, course_completed, has_certificate })))
}

async fn lock_enrolment(
    connection: &impl ConnectionTrait,
    user_id: i64,
    course_id: &str,
) -> Result<Option<enrolment::Model>, DbErr> {
    use sea_orm::QuerySelect;
    let mut query = enrolment::Entity::find()
        .filter(enrolment::Column::UserId.eq(user_id))
        .filter(enrolment::Column::CourseId.eq(course_id))
        .filter(enrolment::Column::LeftAt.is_null());
    if connection.get_database_backend() == sea_orm::DbBackend::Postgres {
        query = query.lock_exclusive();
    }
    query.one(connection).await
}

/// Within the transaction that loaded `enrolment`: writes what `decided`
/// says for `lesson`, each row once, and the enrolment's row in one update
/// (none when nothing about it changed).
pub async fn record(
    connection: &impl ConnectionTrait,
    course: &Course,
    enrolment: &enrolment::Model,
    lesson: &str,
    decided: Consequences,
) -> Result<(), DbErr> {
    let now = OffsetDateTime::now_utc();
    let user_id = enrolment.user_id;
    let mut changes: Vec<(enrolment::Column, SimpleExpr)> = Vec::new();
    if decided.active {
        changes.push((enrolment::Column::StartedAt, Expr::value(enrolment.started_at.unwrap_or(now))));
        changes.push((enrolment::Column::LastActiveAt, Expr::value(now)));
    }
    if decided.completes_lesson {
        let completed = lesson_completion::Entity::insert(lesson_completion::ActiveModel {
            user_id: Set(user_id),
            course_id: Set(course.id.clone()),
            lesson_id: Set(lesson.to_string()),
            completed_at: Set(now),
        })
        .on_conflict(
            OnConflict::columns([
                lesson_completion::Column::UserId,
                lesson_completion::Column::CourseId,
                lesson_completion::Column::LessonId,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(connection)
        .await?;
        if completed == 1 {
            let record = super::outbox::Record::LessonCompleted { course: &course.id, lesson };
            super::outbox::write(connection, user_id, record, now).await?;
        }
    }
    if decided.completes_course {
        let recorded = course_completion::Entity::insert(course_completion::ActiveModel {
            user_id: Set(user_id),
            course_id: Set(course.id.clone()),
            completed_at: Set(now),
            content_version: Set(course.content_version.clone()),
        })
        .on_conflict(
            OnConflict::columns([course_completion::Column::UserId, course_completion::Column::CourseId])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(connection)
        .await?;
        if recorded == 1 {
            changes.push((enrolment::Column::CompletedAt, Expr::value(now)));
            super::grades::write_scores(connection, course, user_id, now).await?;
        }
    }
    let earned = match decided.earns_certificate {
        true => new_certificate(connection, course, enrolment, now).await?,
        false => None,
    };
    if let Some(earned) = earned {
        let issued = certificate::Entity::insert(earned)
            .on_conflict(
                OnConflict::columns([certificate::Column::UserId, certificate::Column::CourseId])
                    .do_nothing()
                    .to_owned(),
            )
            .exec_without_returning(connection)
            .await?;
        if issued == 1 {
            changes.push((enrolment::Column::Certified, Expr::value(true)));
            super::outbox::write(connection, user_id, super::outbox::Record::Certified { course: &course.id }, now)
                .await?;
        }
    }
    if changes.is_empty() {
        return Ok(());
    }
    let mut update = enrolment::Entity::update_many().filter(enrolment::Column::Id.eq(enrolment.id));
    for (column, value) in changes {
        update = update.col_expr(column, value);
    }
    update.exec(connection).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::CertificateRules;
    use crate::learning::fixtures::{course as course_of, ids, lesson, module};

    fn course(minimum: Option<u8>) -> Course {
        let mut course = course_of(vec![module(vec![lesson("read", false), lesson("quiz", true)])]);
        course.certificate = CertificateRules { min_average_score: minimum, issued: true };
        course
    }

    fn state(completed: &[&str]) -> EnrolmentState {
        EnrolmentState { completed: ids(completed), ..Default::default() }
    }

    #[test]
    fn the_last_lesson_completes_the_course_and_earns_its_certificate_once() {
        let course = course(None);
        let first = consequences(&course, &state(&[]), Step::Completed { lesson: "read" });
        assert_eq!(first, Consequences { active: true, completes_lesson: true, ..Default::default() });
        let last = consequences(
            &course,
            &state(&["read"]),
            Step::Attempted { lesson: "quiz", score_percent: 100, passed: true },
        );
        assert_eq!(
            last,
            Consequences { active: true, completes_lesson: true, completes_course: true, earns_certificate: true }
        );
        let done = EnrolmentState { course_completed: true, has_certificate: true, ..state(&["read", "quiz"]) };
        let again = consequences(&course, &done, Step::Completed { lesson: "read" });
        assert_eq!(again, Consequences::default(), "a repeat changes nothing");
    }

    #[test]
    fn a_failed_attempt_is_activity_and_nothing_more() {
        let course = course(None);
        let failed = consequences(
            &course,
            &state(&["read"]),
            Step::Attempted { lesson: "quiz", score_percent: 20, passed: false },
        );
        assert_eq!(failed, Consequences { active: true, ..Default::default() });
    }

    #[test]
    fn a_better_score_can_earn_a_certificate_that_needs_a_minimum_average() {
        let course = course(Some(80));
        let passed_low = EnrolmentState {
            completed: ids(&["read", "quiz"]),
            best_scores: [("quiz".to_string(), 70)].into(),
            course_completed: true,
            has_certificate: false,
        };
        let better =
            consequences(&course, &passed_low, Step::Attempted { lesson: "quiz", score_percent: 90, passed: true });
        assert_eq!(better, Consequences { active: true, earns_certificate: true, ..Default::default() });
        let worse =
            consequences(&course, &passed_low, Step::Attempted { lesson: "quiz", score_percent: 75, passed: true });
        assert!(!worse.earns_certificate, "the best score counts, and 70 or 75 is under 80");
    }

    #[test]
    fn a_revoked_certificate_is_not_issued_again() {
        let course = course(None);
        let revoked = EnrolmentState { has_certificate: true, ..state(&["read"]) };
        let last =
            consequences(&course, &revoked, Step::Attempted { lesson: "quiz", score_percent: 100, passed: true });
        assert!(last.completes_course && !last.earns_certificate);
    }
}
