//! Completing lessons and submitting quizzes. Every write is one
//! transaction, acknowledged only once committed; repeating a request (a
//! double click, a retry after a dropped connection) changes nothing. What
//! a step leads to is decided in `changes`, once per step.

use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, DbErr, EntityTrait, QueryFilter, TransactionTrait};
use time::OffsetDateTime;

use super::changes::{self, Step, consequences};
use super::error::LearningError;
use super::grading::{Answers, grade};
use crate::catalog::{Course, Quiz};
use crate::db::Db;
use crate::entities::quiz_attempt;

/// Records lesson completions with group commit: completions that arrive
/// together are written in one transaction (each in its own savepoint, so
/// one refusal does not affect the others) and acknowledged together once
/// it is committed. A lone completion is its own transaction, as before;
/// under load one fsync serves many learners.
#[derive(Clone, Debug)]
pub struct CompletionWriter {
    jobs: tokio::sync::mpsc::Sender<CompletionJob>,
}

#[derive(Debug)]
struct CompletionJob {
    course: std::sync::Arc<Course>,
    lesson_id: String,
    user_id: i64,
    done: tokio::sync::oneshot::Sender<Result<(), LearningError>>,
}

/// At most this many completions share a transaction.
const BATCH: usize = 256;

impl CompletionWriter {
    /// Starts the writer task (inside a tokio runtime).
    pub fn start(db: Db) -> CompletionWriter {
        let (jobs, queue) = tokio::sync::mpsc::channel(4 * BATCH);
        tokio::spawn(write_completions(db, queue));
        CompletionWriter { jobs }
    }

    /// Marks a lesson without a quiz complete for an enrolled learner, and
    /// completes the course when it was the last lesson. Returns once the
    /// completion is committed. Idempotent.
    pub async fn complete(
        &self,
        course: std::sync::Arc<Course>,
        lesson_id: &str,
        user_id: i64,
    ) -> Result<(), LearningError> {
        let lesson = course.lesson(lesson_id).ok_or(LearningError::NotInCourse)?;
        if lesson.quiz.is_some() {
            return Err(LearningError::QuizLesson);
        }
        let (done, outcome) = tokio::sync::oneshot::channel();
        let job = CompletionJob { course, lesson_id: lesson_id.to_string(), user_id, done };
        let stopped = || LearningError::Database(DbErr::Custom("the completion writer has stopped".into()));
        self.jobs.send(job).await.map_err(|_| stopped())?;
        outcome.await.map_err(|_| stopped())?
    }
}

async fn write_completions(db: Db, mut queue: tokio::sync::mpsc::Receiver<CompletionJob>) {
    while let Some(first) = queue.recv().await {
        let mut batch = vec![first];
        while batch.len() < BATCH {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let changing: Vec<_> = batch.iter().map(|job| db.progress.changing(job.user_id)).collect();
        metrics::histogram!("learn_completion_batch_size").record(batch.len() as f64);
        let started = std::time::Instant::now();
        let written = write_batch_retrying(&db, &batch).await;
        metrics::histogram!("learn_completion_batch_seconds").record(started.elapsed().as_secs_f64());
        // Before anyone hears back, their standings kept are no longer current.
        drop(changing);
        match written {
            Ok(outcomes) => {
                for (job, outcome) in batch.into_iter().zip(outcomes) {
                    let _ = job.done.send(outcome);
                }
            }
            Err(error) => {
                tracing::error!(%error, completions = batch.len(), "a batch of completions failed; none was recorded");
                for job in batch {
                    let _ = job.done.send(Err(LearningError::Database(DbErr::Custom(error.to_string()))));
                }
            }
        }
    }
}

/// How often a batch chosen as a deadlock victim is tried again.
const DEADLOCK_RETRIES: u32 = 5;

/// [`write_batch`], tried again when the database broke a deadlock (or a
/// serialisation conflict) by aborting it: nothing a learner did may fail
/// because two instances were busy at once.
async fn write_batch_retrying(db: &Db, batch: &[CompletionJob]) -> Result<Vec<Result<(), LearningError>>, DbErr> {
    let mut tries = 0;
    loop {
        match write_batch(db, batch).await {
            Err(error) if tries < DEADLOCK_RETRIES && crate::db::is_conflict(&error) => {
                tries += 1;
                tracing::warn!(%error, tries, "a batch of completions met a deadlock; trying again");
                tokio::time::sleep(std::time::Duration::from_millis(10 * u64::from(tries))).await;
            }
            result => return result,
        }
    }
}

/// One transaction for the batch; each completion in a savepoint. Rows are
/// locked in one order (learner, then course) whatever the order of
/// arrival, so that two instances' batches never wait for each other in a
/// circle.
async fn write_batch(db: &Db, batch: &[CompletionJob]) -> Result<Vec<Result<(), LearningError>>, DbErr> {
    let mut order: Vec<usize> = (0..batch.len()).collect();
    order.sort_by(|&a, &b| (batch[a].user_id, &batch[a].course.id).cmp(&(batch[b].user_id, &batch[b].course.id)));
    let transaction = db.writer.begin().await?;
    let mut outcomes: Vec<Option<Result<(), LearningError>>> = (0..batch.len()).map(|_| None).collect();
    for index in order {
        let job = &batch[index];
        let savepoint = transaction.begin().await?;
        let outcome = async {
            let (enrolment, before) =
                changes::load(&savepoint, &job.course, job.user_id).await?.ok_or(LearningError::NotEnrolled)?;
            let decided = consequences(&job.course, &before, Step::Completed { lesson: &job.lesson_id });
            changes::record(&savepoint, &job.course, &enrolment, &job.lesson_id, decided).await?;
            Ok(())
        }
        .await;
        match &outcome {
            Ok(()) => savepoint.commit().await?,
            // A database error aborts the batch (and is retried whole).
            Err(LearningError::Database(error)) => return Err(DbErr::Custom(error.to_string())),
            Err(_) => savepoint.rollback().await?,
        }
        outcomes[index] = Some(outcome);
    }
    transaction.commit().await?;
    Ok(outcomes.into_iter().map(|outcome| outcome.unwrap_or(Err(LearningError::NotInCourse))).collect())
}

/// Grades and stores a quiz attempt against the course as it is now;
/// passing completes the lesson (and the course, if it was the last). The
/// same `attempt_key` twice is one attempt: the second request gets the
/// first one's id.
pub async fn submit_quiz(
    db: &Db,
    course: &Course,
    lesson_id: &str,
    user_id: i64,
    attempt_key: &str,
    answers: &Answers,
) -> Result<i64, LearningError> {
    let lesson = course.lesson(lesson_id).ok_or(LearningError::NotInCourse)?;
    let quiz = lesson.quiz.as_ref().ok_or(LearningError::NoQuiz)?;
    let taken = TakenOn { quiz, version: &course.content_version };
    Ok(submit_quiz_taken_on(db, course, lesson_id, user_id, attempt_key, answers, taken).await?.id)
}

/// The quiz a learner answered: the one of the course version they had
/// (on a phone, possibly older than the one served now).
#[derive(Clone, Copy, Debug)]
pub struct TakenOn<'a> {
    pub quiz: &'a Quiz,
    pub version: &'a str,
}

/// A stored attempt, as its learner hears of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubmittedAttempt {
    pub id: i64,
    pub score_percent: u8,
    pub passed: bool,
    /// The attempt was already stored (the same key sent again): nothing
    /// new was counted.
    pub repeat: bool,
}

/// Grades `answers` against the quiz the learner `taken` and stores the
/// attempt (with that version); passing completes the lesson of the course
/// served now, which must still have it.
pub async fn submit_quiz_taken_on(
    db: &Db,
    course: &Course,
    lesson_id: &str,
    user_id: i64,
    attempt_key: &str,
    answers: &Answers,
    taken: TakenOn<'_>,
) -> Result<SubmittedAttempt, LearningError> {
    let lesson = course.lesson(lesson_id).ok_or(LearningError::NotInCourse)?;
    if lesson.quiz.is_none() {
        return Err(LearningError::NoQuiz);
    }
    let graded = grade(taken.quiz, answers)?;
    let _changing = db.progress.changing(user_id);
    let transaction = db.writer.begin().await?;
    let (enrolment, before) = changes::load(&transaction, course, user_id).await?.ok_or(LearningError::NotEnrolled)?;
    let answers_json = serde_json::to_string(answers).unwrap_or_else(|_| "{}".into());
    let inserted = quiz_attempt::Entity::insert(quiz_attempt::ActiveModel {
        user_id: Set(user_id),
        course_id: Set(course.id.clone()),
        lesson_id: Set(lesson_id.to_string()),
        attempt_key: Set(attempt_key.to_string()),
        submitted_at: Set(OffsetDateTime::now_utc()),
        score_percent: Set(graded.score_percent.into()),
        passed: Set(graded.passed),
        answers: Set(answers_json),
        content_version: Set(Some(taken.version.to_string())),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([quiz_attempt::Column::UserId, quiz_attempt::Column::AttemptKey]).do_nothing().to_owned(),
    )
    .exec_without_returning(&transaction)
    .await?;
    if inserted == 1 {
        let step = Step::Attempted { lesson: lesson_id, score_percent: graded.score_percent, passed: graded.passed };
        changes::record(&transaction, course, &enrolment, lesson_id, consequences(course, &before, step)).await?;
    }
    let attempt = quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::UserId.eq(user_id))
        .filter(quiz_attempt::Column::AttemptKey.eq(attempt_key))
        .one(&transaction)
        .await?
        .ok_or(DbErr::RecordNotFound("the attempt just stored".into()))?;
    // A key already used for another quiz is not a repeat of this one.
    if attempt.course_id != course.id || attempt.lesson_id != lesson_id {
        return Err(LearningError::KeyReused);
    }
    if inserted == 1 {
        let record = super::outbox::Record::QuizAttempted {
            course: &course.id,
            lesson: lesson_id,
            attempt: attempt.id,
            score: attempt.score_percent,
            passed: attempt.passed,
        };
        super::outbox::write(&transaction, user_id, record, attempt.submitted_at).await?;
    }
    transaction.commit().await?;
    Ok(SubmittedAttempt {
        id: attempt.id,
        score_percent: attempt.score_percent.clamp(0, 100) as u8,
        passed: attempt.passed,
        repeat: inserted == 0,
    })
}
