//! A course as its instructors see it: funnel, where learners stop, how
//! each quiz question goes, and each learner's progress.

use time::OffsetDateTime;

use super::funnel;
use super::scope::taught_courses;
use crate::error::AppError;
use crate::language::Language;
use crate::model::{LearnerProgress, LessonReach, QuestionReport, TaughtCourse, TeachPage, Viewer};
use crate::state::AppState;
use crate::statistics::{Grouping, Scope};

/// At most this many learners per course on `/teach` (the CSV has all).
const LEARNERS_SHOWN: usize = 200;

pub async fn teach_page(state: &AppState, viewer: &Viewer, reader_language: Language) -> Result<TeachPage, AppError> {
    let catalog = state.catalog.current();
    let mut courses = Vec::new();
    for course_id in taught_courses(&catalog, viewer) {
        if let Some(course) = catalog.course(&course_id) {
            courses.push(taught_course(state, course, reader_language).await?);
        }
    }
    Ok(TeachPage { courses, problems: Vec::new() })
}

/// One course as its instructor sees it.
pub async fn taught_course(
    state: &AppState,
    course: &crate::catalog::Course,
    reader_language: Language,
) -> Result<TaughtCourse, AppError> {
    let now = OffsetDateTime::now_utc();
    let internal = AppError::internal;
    let course_id = course.id.clone();
    {
        let scope = Scope::course(&course_id);
        let db = &state.db.reports;
        let counts = crate::statistics::counts(db, &scope, Grouping::Total, now).await.map_err(internal)?;
        let mut days: Vec<f64> = crate::statistics::completion_times(db, &scope)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|time| time.days)
            .collect();
        let funnel =
            funnel(counts.first().map(|(_, counts)| *counts).unwrap_or_default(), crate::statistics::median(&mut days));

        let reached = crate::statistics::lesson_reach(db, &scope, &course_id).await.map_err(internal)?;
        let lessons: Vec<_> = course.lessons().map(|(_, lesson)| lesson).collect();
        let reach: Vec<LessonReach> = lessons
            .iter()
            .enumerate()
            .map(|(index, lesson)| {
                let completed = reached.get(&lesson.id).copied().unwrap_or(0);
                let next = lessons.get(index + 1).map(|next| reached.get(&next.id).copied().unwrap_or(0));
                LessonReach {
                    lesson_id: lesson.id.clone(),
                    title: course.lesson_link(&lesson.id, reader_language).map(|link| link.title).unwrap_or_default(),
                    completed,
                    stopped_after: next.map(|next| completed.saturating_sub(next)),
                }
            })
            .collect();
        let most_stop_after = reach
            .iter()
            .filter(|lesson| lesson.stopped_after.unwrap_or(0) > 0)
            .max_by_key(|lesson| lesson.stopped_after)
            .map(|lesson| lesson.title.clone());

        let attempts = crate::statistics::first_attempts(db, &scope, &course_id).await.map_err(internal)?;
        let mut questions = Vec::new();
        for lesson in lessons.iter().filter(|lesson| lesson.quiz.is_some()) {
            let Some(quiz) = &lesson.quiz else { continue };
            let texts = course.lesson_content(&lesson.id, reader_language);
            let answers = attempts.iter().filter(|(id, _)| *id == lesson.id).map(|(_, answers)| answers.as_str());
            for (index, analysis) in crate::statistics::analyse_quiz(quiz, answers).into_iter().enumerate() {
                let text = texts.and_then(|texts| texts.questions.get(index));
                let option_html = |option_id: &str| {
                    let position = quiz.questions[index].options.iter().position(|option| option.id == option_id);
                    position
                        .and_then(|position| text.and_then(|text| text.options.get(position)))
                        .map(|option| option.html.clone())
                        .unwrap_or_else(|| option_id.to_string())
                };
                questions.push(QuestionReport {
                    lesson_title: texts.map(|texts| texts.title.clone()).unwrap_or_default(),
                    number: index + 1,
                    prompt_html: text.map(|text| text.prompt_html.clone()).unwrap_or_default(),
                    answered: analysis.answered,
                    correct: analysis.correct,
                    most_chosen_wrong: analysis.most_chosen_wrong.map(|(option, n)| (option_html(&option), n)),
                });
            }
        }

        let learners = learners_of(state, course, &scope, LEARNERS_SHOWN).await?;
        let total = funnel.enrolled;
        Ok(TaughtCourse {
            course_id: course_id.clone(),
            title: course.card(reader_language).title,
            funnel,
            reach,
            most_stop_after,
            questions,
            learners,
            more_learners: total.saturating_sub(LEARNERS_SHOWN as u64),
        })
    }
}

/// The first `limit` learners enrolled in a course, by username, with
/// their progress.
async fn learners_of(
    state: &AppState,
    course: &crate::catalog::Course,
    scope: &Scope,
    limit: usize,
) -> Result<Vec<LearnerProgress>, AppError> {
    let rows = crate::statistics::learner_rows(&state.db.reports, course, scope, Some(limit as u64))
        .await
        .map_err(AppError::internal)?;
    let learners = rows
        .into_iter()
        .map(|row| LearnerProgress {
            username: row.username,
            display_name: row.display_name,
            cohort: row.cohort,
            progress: crate::model::Progress::new(row.lessons_done as usize, course.lessons().count()),
            completed: row.completed_at.is_some(),
            last_active_on: row.last_active_at.map(crate::dates::utc_date),
        })
        .collect();
    Ok(learners)
}
