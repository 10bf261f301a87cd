//! Receiving what a learner did offline: each event of a checked batch is
//! recorded exactly as the same action online would be (the completion
//! writer, quiz grading on the server), each answered only once committed.
//! Repeats change nothing: a completion is recorded once per lesson, an
//! attempt once per key (its event id). A refused event stores nothing
//! and says why, in the learner's language.

use std::collections::BTreeMap;
use std::sync::Arc;

use sea_orm::DbErr;
use serde::Serialize;

use super::events::{Action, Batch, Event};
use crate::catalog::{Catalog, Course};
use crate::db::Db;
use crate::language::Language;
use crate::learning::{CompletionWriter, LearningError, SubmissionError, SubmittedAttempt, TakenOn};
use crate::model::{Standing, Viewer};
use crate::msg;

/// Why an event was not recorded. Final: sending it again is refused again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The course is not served (any more).
    UnknownCourse,
    /// The lesson is not in the course (any more).
    UnknownLesson,
    NotEnrolled,
    /// "Complete" on a lesson completed by passing its quiz.
    QuizLesson,
    /// A quiz attempt on a lesson without a quiz (in that version).
    NoQuiz,
    /// The course version the quiz was taken on is not known here, or was
    /// never saved by this learner.
    UnknownVersion,
    /// The event's id is the key of another attempt of the learner's.
    ReusedId,
    /// The answers do not fit the quiz.
    Answers(SubmissionError),
}

impl Refusal {
    /// A stable name for the phone's script and the logs.
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::UnknownCourse => "unknown-course",
            Refusal::UnknownLesson => "unknown-lesson",
            Refusal::NotEnrolled => "not-enrolled",
            Refusal::QuizLesson => "quiz-lesson",
            Refusal::NoQuiz => "no-quiz",
            Refusal::UnknownVersion => "unknown-version",
            Refusal::ReusedId => "reused-id",
            Refusal::Answers(_) => "answers",
        }
    }

    pub fn message_id(&self) -> &'static str {
        match self {
            Refusal::UnknownCourse | Refusal::UnknownLesson => msg::OFFLINE_REFUSED_REMOVED,
            Refusal::NotEnrolled => msg::LEARNING_NOT_ENROLLED,
            Refusal::QuizLesson => msg::LEARNING_QUIZ_LESSON,
            Refusal::NoQuiz | Refusal::UnknownVersion => msg::OFFLINE_REFUSED_QUIZ_CHANGED,
            Refusal::Answers(error) => error.message_id(),
            Refusal::ReusedId => msg::QUIZ_TAMPERED,
        }
    }
}

/// What became of one event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The lesson is complete (now, or it already was). `next`: where the
    /// learner goes on to.
    Completed {
        next: String,
    },
    /// The attempt is stored and graded (now, or it already was).
    Attempted {
        attempt: SubmittedAttempt,
        result: String,
    },
    Refused(Refusal),
}

/// Records every event of `batch`, which must all be `viewer`'s (see
/// `policy::may_record_learning_of`, checked by the caller). Answers in
/// the order of the events. A database failure fails the whole call:
/// events recorded before it stay recorded and are repeats when the phone
/// sends the batch again.
pub async fn receive(
    db: &Db,
    writer: &CompletionWriter,
    catalog: &Catalog,
    viewer: &Viewer,
    batch: &Batch,
) -> Result<Vec<Outcome>, DbErr> {
    let mut outcomes: Vec<Option<Outcome>> = vec![None; batch.events.len()];
    // Completions go to the completion writer together, so that a long
    // outbox shares its transactions (and fsyncs) like a busy classroom.
    let mut completing = tokio::task::JoinSet::new();
    for (index, event) in batch.events.iter().enumerate() {
        let Some(course) = catalog.course(&event.course).cloned() else {
            outcomes[index] = Some(Outcome::Refused(Refusal::UnknownCourse));
            continue;
        };
        if event.action == Action::Complete {
            let (writer, lesson, user) = (writer.clone(), event.lesson.clone(), viewer.id);
            completing.spawn(async move {
                let result = writer.complete(course.clone(), &lesson, user).await;
                (index, result.map(|()| course.address_after(&lesson)))
            });
        }
    }
    while let Some(joined) = completing.join_next().await {
        let (index, result) = joined.map_err(|error| DbErr::Custom(format!("a completion task failed: {error}")))?;
        outcomes[index] = Some(match result {
            Ok(next) => Outcome::Completed { next },
            Err(error) => Outcome::Refused(refusal(error)?),
        });
    }
    for (index, event) in batch.events.iter().enumerate() {
        if outcomes[index].is_some() {
            continue;
        }
        let Action::Quiz(_) = &event.action else { continue };
        let Some(course) = catalog.course(&event.course) else { continue };
        outcomes[index] = Some(attempt(db, course, viewer, event).await?);
    }
    Ok(outcomes.into_iter().map(|outcome| outcome.unwrap_or(Outcome::Refused(Refusal::UnknownCourse))).collect())
}

/// A quiz attempt, graded against the quiz of the version it was taken on.
async fn attempt(db: &Db, course: &Course, viewer: &Viewer, event: &Event) -> Result<Outcome, DbErr> {
    let Action::Quiz(answers) = &event.action else { return Ok(Outcome::Refused(Refusal::NoQuiz)) };
    match course.lesson(&event.lesson) {
        None => return Ok(Outcome::Refused(Refusal::UnknownLesson)),
        Some(lesson) if lesson.quiz.is_none() => return Ok(Outcome::Refused(Refusal::NoQuiz)),
        Some(_) => {}
    }
    let versions =
        crate::learning::quiz_versions::quiz_in_version(db, course, &event.version, &event.lesson, viewer.id);
    let Some(quiz) = versions.await? else {
        return Ok(Outcome::Refused(Refusal::UnknownVersion));
    };
    let taken = TakenOn { quiz: &quiz, version: &event.version };
    let stored =
        crate::learning::submit_quiz_taken_on(db, course, &event.lesson, viewer.id, &event.id, answers, taken).await;
    Ok(match stored {
        Ok(attempt) => {
            let result = format!("/courses/{}/{}?attempt={}#result", course.id, event.lesson, attempt.id);
            Outcome::Attempted { attempt, result }
        }
        Err(error) => Outcome::Refused(refusal(error)?),
    })
}

/// A learner's refusal as an event's; a database failure stays one.
fn refusal(error: LearningError) -> Result<Refusal, DbErr> {
    Ok(match error {
        LearningError::NotInCourse => Refusal::UnknownLesson,
        LearningError::NotEnrolled | LearningError::CodeOnly => Refusal::NotEnrolled,
        LearningError::QuizLesson => Refusal::QuizLesson,
        LearningError::NoQuiz => Refusal::NoQuiz,
        LearningError::Submission(error) => Refusal::Answers(error),
        LearningError::KeyReused => Refusal::ReusedId,
        LearningError::Database(error) => return Err(error),
    })
}

/// The answer to a batch, as the phone's script reads it.
#[derive(Clone, Debug, Serialize)]
pub struct SyncAnswer {
    /// One per event, in order.
    pub results: Vec<Receipt>,
    /// Where the learner now stands in each course the batch touched.
    pub courses: BTreeMap<String, CourseState>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Receipt {
    pub id: String,
    /// `accepted` or `refused`.
    pub status: &'static str,
    /// Where to go next: the next lesson, or the graded attempt.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub passed: Option<bool>,
    /// Sent before: nothing new was counted.
    pub repeat: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'static str>,
    /// The refusal, or the grade, in the learner's words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct CourseState {
    pub enrolled: bool,
    /// Lessons completed, by id.
    pub completed: Vec<String>,
    pub certificate: bool,
}

/// The answer to `batch`, in `language`, with where the learner stands now.
pub async fn answer(
    db: &Db,
    catalog: &Catalog,
    viewer: &Viewer,
    batch: &Batch,
    outcomes: Vec<Outcome>,
    language: Language,
) -> Result<SyncAnswer, crate::error::AppError> {
    let say = |id: &str, args: Option<&fluent_bundle::FluentArgs>| crate::i18n::translate(language, id, args);
    let results = batch
        .events
        .iter()
        .zip(outcomes)
        .map(|(event, outcome)| {
            let mut receipt = Receipt {
                id: event.id.clone(),
                status: "accepted",
                next: None,
                score: None,
                passed: None,
                repeat: false,
                reason: None,
                message: None,
            };
            match outcome {
                Outcome::Completed { next } => receipt.next = Some(next),
                Outcome::Attempted { attempt, result } => {
                    let score = crate::format::percent_in(language, attempt.score_percent.into());
                    let args = fluent_bundle::FluentArgs::from_iter([("score", score)]);
                    let id = if attempt.passed { msg::OFFLINE_GRADED_PASSED } else { msg::OFFLINE_GRADED_FAILED };
                    receipt.message = Some(say(id, Some(&args)));
                    receipt.next = Some(result);
                    receipt.score = Some(attempt.score_percent);
                    receipt.passed = Some(attempt.passed);
                    receipt.repeat = attempt.repeat;
                }
                Outcome::Refused(refusal) => {
                    receipt.status = "refused";
                    receipt.reason = Some(refusal.code());
                    receipt.message = Some(say(refusal.message_id(), None));
                }
            }
            receipt
        })
        .collect();
    let mut courses = BTreeMap::new();
    for event in &batch.events {
        let Some(course) = catalog.course(&event.course) else { continue };
        if courses.contains_key(&course.id) {
            continue;
        }
        courses.insert(course.id.clone(), state_in(db, course, viewer).await?);
    }
    Ok(SyncAnswer { results, courses })
}

/// Where `viewer` stands in `course`, for the phone's copy of it.
pub async fn state_in(db: &Db, course: &Arc<Course>, viewer: &Viewer) -> Result<CourseState, crate::error::AppError> {
    let standing = crate::learning::standing_of(db, course, Some(viewer)).await?;
    let certificate = matches!(standing.standing, Standing::Enrolled { certificate: true, .. });
    Ok(CourseState {
        enrolled: matches!(standing.standing, Standing::Enrolled { .. }),
        completed: standing
            .completed_lessons
            .map(|done| done.into_iter().collect::<std::collections::BTreeSet<_>>().into_iter().collect())
            .unwrap_or_default(),
        certificate,
    })
}
