//! Where the reader of a course stands in it: a visitor, not enrolled, or
//! enrolled with their progress, completion and certificate.

use std::collections::HashSet;

use crate::catalog::Course;
use crate::db::Db;
use crate::error::AppError;
use crate::language::Language;
use crate::model::{Enrolment, Progress, QuizResult, Standing, Viewer};
use crate::progress_cache::KeptProgress;

pub struct ReaderStanding {
    pub standing: Standing,
    /// For an enrolled reader.
    pub completed_lessons: Option<HashSet<String>>,
    pub module_progress: Vec<Progress>,
}

/// Where the reader stands in a course.
pub async fn standing_of(db: &Db, course: &Course, viewer: Option<&Viewer>) -> Result<ReaderStanding, AppError> {
    let Some(viewer) = viewer else {
        return Ok(ReaderStanding { standing: Standing::Visitor, completed_lessons: None, module_progress: vec![] });
    };
    let kept = match db.progress.get(viewer.id, &course.id) {
        Some(kept) => kept,
        None => {
            let version = db.progress.version(viewer.id);
            let read = read(db, viewer.id, &course.id).await?.map(std::sync::Arc::new);
            db.progress.keep(viewer.id, &course.id, version, read.clone());
            read
        }
    };
    let Some(kept) = kept else {
        let open = course.enrolment == Enrolment::Open;
        return Ok(ReaderStanding {
            standing: Standing::NotEnrolled { open },
            completed_lessons: None,
            module_progress: vec![],
        });
    };
    let progress = crate::learning::progress(course, &kept.completed_lessons);
    Ok(ReaderStanding {
        standing: Standing::Enrolled {
            progress: progress.course,
            next_lesson: progress.next_lesson.clone(),
            completed_on: kept.completed_on.clone(),
            certificate: kept.certificate,
        },
        completed_lessons: Some(kept.completed_lessons.clone()),
        module_progress: progress.modules,
    })
}

/// The learner's standing as the database has it (`None`: not enrolled).
async fn read(db: &Db, user_id: i64, course_id: &str) -> Result<Option<KeptProgress>, AppError> {
    let enrolment =
        crate::learning::active_enrolment(&db.reader, user_id, course_id).await.map_err(AppError::internal)?;
    let Some(enrolment) = enrolment else { return Ok(None) };
    let completed =
        crate::learning::completed_lessons(&db.reader, user_id, course_id).await.map_err(AppError::internal)?;
    // The enrolment carries its completion and whether it holds a valid
    // certificate; only a completed course without one can have a
    // revoked one to show.
    let certificate = enrolment.certified
        || (enrolment.completed_at.is_some()
            && crate::learning::my_certificate(db, user_id, course_id).await.map_err(AppError::internal)?.is_some());
    Ok(Some(KeptProgress {
        completed_on: enrolment.completed_at.map(crate::dates::utc_date),
        certificate,
        completed_lessons: completed,
    }))
}

/// One of the reader's own attempts at this lesson, graded again against
/// the course as it is now, with the right answers and explanations.
pub async fn graded_attempt(
    db: &Db,
    course: &Course,
    lesson: &str,
    user_id: i64,
    attempt_id: i64,
    reader_language: Language,
) -> Result<Option<QuizResult>, AppError> {
    let Some(attempt) = crate::learning::quiz_attempt(db, user_id, attempt_id).await.map_err(AppError::internal)?
    else {
        return Ok(None);
    };
    if attempt.course_id != course.id || attempt.lesson_id != lesson {
        return Ok(None);
    }
    let answers: crate::learning::Answers = serde_json::from_str(&attempt.answers).unwrap_or_default();
    let Some(quiz) = course.lesson(lesson).and_then(|lesson| lesson.quiz.as_ref()) else { return Ok(None) };
    // The quiz may have changed since: show the result as stored, the
    // questions as they are.
    let Ok(mut graded) = crate::learning::grade(quiz, &answers) else { return Ok(None) };
    graded.score_percent = attempt.score_percent.clamp(0, 100) as u8;
    graded.passed = attempt.passed;
    Ok(course.quiz_result(lesson, reader_language, &answers, &graded))
}
