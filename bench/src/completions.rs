//! How many acknowledged lesson completions per second SQLite sustains:
//! many learners completing lessons at once through the same completion
//! writer the server uses (group commit, `synchronous = FULL`); each call
//! returns only once its completion is committed. Run: `make bench`
//! (release build).
//!
//! Then the writes a learner's steps cost, counted at the connection: one
//! more learner goes through the whole course (lessons, and quizzes
//! answered right), and the bench prints the writes (INSERT, UPDATE) per
//! step and those of the step that finishes the course.
//!
//! Options: `completions [LEARNERS] [CONCURRENCY]` (default 500 and 64).

use std::sync::Arc;
use std::time::Instant;

use app::db::Db;
use app::entities::user;
use migrations::{Migrator, MigratorTrait};
use sea_orm::{ActiveValue::Set, EntityTrait};

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let learners: i64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(500);
    let concurrency: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(64);

    let folder = tempfile::tempdir().expect("a temporary folder");
    let url = format!("sqlite://{}", folder.path().join("bench.db").display());
    let mut db = Db::connect(&url, None).await.expect("the database opens");
    let writes = counting_writes(&mut db);
    Migrator::up(&db.writer, None).await.expect("migrations run");
    let courses = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../courses");
    let catalog =
        app::catalog::load(&courses, app::catalog::BrokenCourses::Refuse).expect("sample courses load").catalog;
    let course = catalog.course("smartphone-basics").expect("the sample course").clone();
    let lessons: Vec<String> =
        course.lessons().filter(|(_, lesson)| lesson.quiz.is_none()).map(|(_, lesson)| lesson.id.clone()).collect();

    // Learners (without real password hashes: not what is measured), each enrolled.
    let now = time::OffsetDateTime::now_utc();
    for chunk in (1..=learners + 1).collect::<Vec<_>>().chunks(500) {
        user::Entity::insert_many(chunk.iter().map(|n| user::ActiveModel {
            username: Set(format!("learner{n}")),
            display_name: Set(format!("Learner {n}")),
            password_hash: Set("!".into()),
            role: Set("learner".into()),
            language: Set(None),
            created_at: Set(now),
            ..Default::default()
        }))
        .exec(&db.writer)
        .await
        .expect("learners stored");
    }
    for id in 1..=learners {
        app::learning::enrol(&db, &course, id).await.expect("enrolled");
    }

    let work: Vec<(i64, String)> =
        (1..=learners).flat_map(|id| lessons.iter().map(move |lesson| (id, lesson.clone()))).collect();
    let total = work.len();
    let queue = Arc::new(std::sync::Mutex::new(work.into_iter()));
    let writer = app::learning::CompletionWriter::start(db.clone());
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..concurrency {
        let (writer, course, queue) = (writer.clone(), course.clone(), queue.clone());
        workers.push(tokio::spawn(async move {
            loop {
                let next = queue.lock().unwrap().next();
                let Some((user, lesson)) = next else { break };
                writer.complete(course.clone(), &lesson, user).await.expect("completion recorded");
            }
        }));
    }
    for worker in workers {
        worker.await.expect("worker finished");
    }
    let elapsed = started.elapsed();
    println!(
        "{total} lesson completions by {learners} learners, {concurrency} at a time: {:.2} s, {:.0} completions/s (SQLite, WAL, synchronous=FULL)",
        elapsed.as_secs_f64(),
        total as f64 / elapsed.as_secs_f64()
    );

    // One more learner, through the whole course, step by step.
    let walker = learners + 1;
    app::learning::enrol(&db, &course, walker).await.expect("enrolled");
    let steps: Vec<_> = course.lessons().map(|(_, lesson)| lesson).collect();
    let (mut total, mut enrolment_updates, mut last) = (0, 0, Vec::new());
    for (index, lesson) in steps.iter().enumerate() {
        writes.lock().unwrap().clear();
        match &lesson.quiz {
            None => writer.complete(course.clone(), &lesson.id, walker).await.expect("completion recorded"),
            Some(quiz) => {
                let right = quiz
                    .questions
                    .iter()
                    .map(|question| {
                        let options = question.options.iter().filter(|option| option.correct);
                        (question.id.clone(), options.map(|option| option.id.clone()).collect())
                    })
                    .collect();
                let key = format!("walk-{index}");
                app::learning::submit_quiz(&db, &course, &lesson.id, walker, &key, &right)
                    .await
                    .expect("attempt stored");
            }
        }
        last = writes.lock().unwrap().clone();
        total += last.len();
        enrolment_updates += last.iter().filter(|sql| sql.starts_with("UPDATE \"enrolments\"")).count();
    }
    let finished = app::learning::course_completion(&db, walker, &course.id).await.expect("read back").is_some();
    assert!(finished, "the walk completes the course");
    println!(
        "writes per step through {} ({} steps): {:.2} (enrolment updates per step {:.2}); the step that finishes the course: {} writes, {} of them enrolment updates",
        course.id,
        steps.len(),
        total as f64 / steps.len() as f64,
        enrolment_updates as f64 / steps.len() as f64,
        last.len(),
        last.iter().filter(|sql| sql.starts_with("UPDATE \"enrolments\"")).count(),
    );
}

/// The writes (INSERT, UPDATE, DELETE) sent on the writer connection.
fn counting_writes(db: &mut Db) -> Arc<std::sync::Mutex<Vec<String>>> {
    let writes: Arc<std::sync::Mutex<Vec<String>>> = Arc::default();
    let kept = writes.clone();
    db.writer.set_metric_callback(move |info| {
        let sql = info.statement.sql.trim_start();
        let verb = sql.split_whitespace().next().unwrap_or("").to_ascii_uppercase();
        if matches!(verb.as_str(), "INSERT" | "UPDATE" | "DELETE") {
            kept.lock().unwrap().push(sql.to_string());
        }
    });
    writes
}
