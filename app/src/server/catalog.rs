//! Reading the course catalog, in the reader's language, with the reader's
//! own progress when they are enrolled.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{CourseCard, CourseOutline, LessonView};

#[server(endpoint = "courses")]
pub async fn list_courses() -> Result<Vec<CourseCard>, AppError> {
    crate::auth::authorize(<ListCourses as leptos::server_fn::ServerFn>::PATH).await?;
    let reader = crate::i18n::use_language();
    let catalog = expect_context::<crate::state::AppState>().catalog.current();
    Ok(catalog.courses().iter().map(|course| course.card(reader)).collect())
}

#[server(endpoint = "course")]
pub async fn read_course(course: String) -> Result<CourseOutline, AppError> {
    crate::auth::authorize(<ReadCourse as leptos::server_fn::ServerFn>::PATH).await?;
    let reader = crate::i18n::use_language();
    let state = expect_context::<crate::state::AppState>();
    let catalog = state.catalog.current();
    let course = catalog.course(&course).ok_or(AppError::NotFound)?;
    let mut outline = course.outline(reader);
    let viewer = crate::auth::current_viewer().await?;
    let standing = standing::of(&state.db, course, viewer.as_ref()).await?;
    if let Some(completed) = &standing.completed_lessons {
        for (module, progress) in outline.modules.iter_mut().zip(&standing.module_progress) {
            module.progress = Some(*progress);
            for lesson in &mut module.lessons {
                lesson.completed = completed.contains(&lesson.id);
            }
        }
    }
    outline.standing = standing.standing;
    Ok(outline)
}

/// A lesson. `attempt` (one of the reader's own quiz attempts at this
/// lesson) adds its graded result; an `access = "enrolled"` course shows
/// only its first lesson to those not enrolled (staff see everything).
#[server(endpoint = "lesson")]
pub async fn read_lesson(course: String, lesson: String, attempt: Option<i64>) -> Result<LessonView, AppError> {
    crate::auth::authorize(<ReadLesson as leptos::server_fn::ServerFn>::PATH).await?;
    use crate::model::{Access, Standing};
    let reader = crate::i18n::use_language();
    let state = expect_context::<crate::state::AppState>();
    let catalog = state.catalog.current();
    let course = catalog.course(&course).ok_or(AppError::NotFound)?;
    let mut view = course.lesson_view(&lesson, reader).ok_or(AppError::NotFound)?;
    let viewer = crate::auth::current_viewer().await?;
    let standing = standing::of(&state.db, course, viewer.as_ref()).await?;
    let enrolled = matches!(standing.standing, Standing::Enrolled { .. });
    let is_first = course.lessons().next().is_some_and(|(_, first)| first.id == lesson);
    if course.access == Access::Enrolled
        && !is_first
        && !crate::policy::may_read_whole_course(viewer.as_ref(), enrolled)
    {
        view.locked = true;
        view.html = String::new();
        view.contents = Vec::new();
        view.quiz = None;
    }
    view.completed = standing.completed_lessons.as_ref().is_some_and(|done| done.contains(&lesson));
    if let (Some(viewer), true) = (viewer.as_ref(), enrolled && view.quiz.is_some()) {
        view.attempt_key = Some(crate::codes::generate(26));
        let best =
            crate::learning::best_scores(&state.db.reader, viewer.id, &course.id).await.map_err(AppError::internal)?;
        view.best_score = best.get(&lesson).copied();
        if let Some(attempt_id) = attempt {
            view.result = standing::graded_attempt(&state.db, course, &lesson, viewer.id, attempt_id, reader).await?;
        }
    }
    view.standing = standing.standing;
    Ok(view)
}

#[cfg(feature = "ssr")]
mod standing {
    use std::collections::HashSet;

    use crate::catalog::Course;
    use crate::db::Db;
    use crate::error::AppError;
    use crate::language::Language;
    use crate::model::{Enrolment, Progress, QuizResult, Standing, Viewer};
    use crate::progress_cache::Standing as Kept;

    pub struct Found {
        pub standing: Standing,
        /// For an enrolled reader.
        pub completed_lessons: Option<HashSet<String>>,
        pub module_progress: Vec<Progress>,
    }

    /// Where the reader stands in a course.
    pub async fn of(db: &Db, course: &Course, viewer: Option<&Viewer>) -> Result<Found, AppError> {
        let Some(viewer) = viewer else {
            return Ok(Found { standing: Standing::Visitor, completed_lessons: None, module_progress: vec![] });
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
            return Ok(Found {
                standing: Standing::NotEnrolled { open },
                completed_lessons: None,
                module_progress: vec![],
            });
        };
        let progress = crate::learning::progress(course, &kept.completed_lessons);
        Ok(Found {
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
    async fn read(db: &Db, user_id: i64, course_id: &str) -> Result<Option<Kept>, AppError> {
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
                && crate::learning::my_certificate(db, user_id, course_id)
                    .await
                    .map_err(AppError::internal)?
                    .is_some());
        Ok(Some(Kept { completed_on: enrolment.completed_at.map(utc_date), certificate, completed_lessons: completed }))
    }

    /// One of the reader's own attempts at this lesson, graded again against
    /// the course as it is now, with the right answers and explanations.
    pub async fn graded_attempt(
        db: &Db,
        course: &Course,
        lesson: &str,
        user_id: i64,
        attempt_id: i64,
        reader: Language,
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
        Ok(course.quiz_result(lesson, reader, &answers, &graded))
    }

    pub fn utc_date(time: time::OffsetDateTime) -> String {
        let date = time.to_offset(time::UtcOffset::UTC).date();
        format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day())
    }
}

#[cfg(feature = "ssr")]
pub use standing::utc_date;
