//! How many acknowledged lesson completions per second SQLite sustains:
//! many learners completing lessons at once through the same completion
//! writer the server uses (group commit, `synchronous = FULL`); each call
//! returns only once its completion is committed. Run: `make bench`
//! (release build).
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
    let db = Db::connect(&url, None).await.expect("the database opens");
    Migrator::up(&db.writer, None).await.expect("migrations run");
    let courses = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../courses");
    let catalog =
        app::catalog::load(&courses, app::catalog::BrokenCourses::Refuse).expect("sample courses load").catalog;
    let course = catalog.course("smartphone-basics").expect("the sample course").clone();
    let lessons: Vec<String> =
        course.lessons().filter(|(_, lesson)| lesson.quiz.is_none()).map(|(_, lesson)| lesson.id.clone()).collect();

    // Learners (without real password hashes: not what is measured), each enrolled.
    let now = time::OffsetDateTime::now_utc();
    for chunk in (1..=learners).collect::<Vec<_>>().chunks(500) {
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
}
