//! Faults an operator meets, and several instances on one database: a
//! full disk, instances starting together, a locked database, limits and
//! course versions shared between instances, and the signed revocation
//! list served without signing on every request.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use app::entities::{lesson_completion, user};
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::helpers::{
    Backend, TestApp, TestDatabase, call, cookie_pair, post_form, sample_courses, set_cookie, spawn_app_with,
};
use crate::learning::COURSE;

/// A small filesystem of its own (tmpfs), so that it can be filled; the
/// test is skipped, saying so, where mounting is not allowed.
struct SmallDisk {
    path: PathBuf,
}

impl SmallDisk {
    fn mount(megabytes: u32) -> Option<SmallDisk> {
        let path = tempfile::tempdir().ok()?.keep();
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={megabytes}m"), "tmpfs"])
            .arg(&path)
            .output()
            .ok()?;
        if !mounted.status.success() {
            eprintln!("skipped: cannot mount a tmpfs here ({})", String::from_utf8_lossy(&mounted.stderr).trim());
            return None;
        }
        Some(SmallDisk { path })
    }

    /// Fills the disk to the last byte.
    fn fill(&self) {
        use std::io::Write;
        let mut filler = std::fs::File::create(self.path.join("filler")).unwrap();
        let block = vec![0u8; 64 * 1024];
        while filler.write_all(&block).is_ok() {}
        while filler.write_all(&[0]).is_ok() {}
        let _ = filler.sync_all();
    }

    fn free(&self) {
        std::fs::remove_file(self.path.join("filler")).unwrap();
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        // Lazily: the test's server may still hold the database open.
        let _ = std::process::Command::new("umount").arg("-l").arg(&self.path).status();
        let _ = std::fs::remove_dir(&self.path);
    }
}

async fn register(app: &TestApp, username: &str) -> Option<String> {
    let body = format!("username={username}&display_name={username}&password=river+mango+lantern&language=en");
    let response = post_form(app, "/api/register", "/register", &body, None).await;
    let acknowledged = response.status().is_redirection()
        && response.headers().get("location").is_some_and(|location| location == "/");
    acknowledged.then(|| cookie_pair(&set_cookie(&response).unwrap()))
}

async fn usernames(db: &app::db::Db) -> Vec<String> {
    user::Entity::find().all(&db.reader).await.unwrap().into_iter().map(|user| user.username).collect()
}

#[tokio::test]
async fn a_full_disk_refuses_writes_and_afterwards_every_acknowledged_write_is_stored() {
    let Some(disk) = SmallDisk::mount(24) else { return };
    let data_dir = disk.path.clone();
    let app = spawn_app_with(Backend::Sqlite, |settings| {
        settings.data_dir = data_dir.clone();
        settings.database_url = Some(format!("sqlite://{}", data_dir.join("learn.db").display()));
    })
    .await;
    let learner = register(&app, "before").await.expect("registered before the disk fills");
    assert!(call(&app, "/api/enrol", &format!("course={COURSE}"), Some(&learner)).await < 400);
    let lessons: Vec<String> = crate::learning::lessons(&app, COURSE)
        .into_iter()
        .filter(|(_, quiz)| quiz.is_none())
        .map(|(id, _)| id)
        .collect();

    disk.fill();
    let mut acknowledged = vec!["before".to_string()];
    let mut refused = 0;
    for n in 0..30 {
        match register(&app, &format!("full{n}")).await {
            Some(_) => acknowledged.push(format!("full{n}")),
            None => refused += 1,
        }
    }
    let mut completed = Vec::new();
    for lesson in &lessons[..lessons.len() / 2] {
        if call(&app, "/api/complete_lesson", &format!("course={COURSE}&lesson={lesson}"), Some(&learner)).await < 400 {
            completed.push(lesson.clone());
        }
    }
    assert!(refused > 0, "a full disk refuses writes");
    // The learner is told, in her language, that nothing was saved.
    let mut told = None;
    for n in 0..5 {
        let body = format!("username=urdu{n}&display_name=urdu&password=river+mango+lantern&language=ur");
        let response = post_form(&app, "/api/register", "/register", &body, None).await;
        let status = response.status();
        let location = match response.headers().get("location") {
            Some(location) => location.to_str().unwrap().to_string(),
            None => panic!("{status}: {}", response.text().await.unwrap()),
        };
        if location.contains("__err") {
            told = Some(location);
            break;
        }
        acknowledged.push(format!("urdu{n}"));
    }
    let location = told.expect("a registration is refused while the disk is full");
    // Back to the form it came from (the referer, a whole address).
    let url = if location.starts_with("http") { location.clone() } else { format!("{}{location}", app.address) };
    let page = app.client.get(url).header("cookie", "lang=ur").send().await.unwrap();
    let page = page.text().await.unwrap();
    assert!(page.contains("اس وقت سرور پر جگہ نہیں ہے"), "the refusal says the storage is full, in Urdu: {page}");
    assert!(!page.contains("ہماری طرف کوئی خرابی"), "not the internal-error text");
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status().as_u16(), 503, "not ready while writes are refused");
    assert!(ready.text().await.unwrap().contains("refuses writes"));
    assert_eq!(app.get("/livez").await.status().as_u16(), 200, "but alive");

    disk.free();
    for n in 0..10 {
        let username = format!("after{n}");
        assert!(register(&app, &username).await.is_some(), "{username} registered once there is room again");
        acknowledged.push(username);
    }
    for lesson in &lessons[lessons.len() / 2..] {
        let status =
            call(&app, "/api/complete_lesson", &format!("course={COURSE}&lesson={lesson}"), Some(&learner)).await;
        assert!(status < 400, "completing {lesson} once there is room again ({status})");
        completed.push(lesson.clone());
    }
    assert_eq!(app.get("/readyz").await.status().as_u16(), 200);

    // Seen from another connection, and by a server started again on the
    // same data: every acknowledged write, and nothing refused.
    let url = format!("sqlite://{}", disk.path.join("learn.db").display());
    let second = app::db::Db::connect(&url, None).await.unwrap();
    let mut stored = usernames(&second).await;
    stored.sort();
    acknowledged.sort();
    assert_eq!(stored, acknowledged, "exactly the acknowledged accounts are on disk");
    let restarted =
        server::startup::Application::build(app.database().settings(sample_courses()).with_data(&disk.path))
            .await
            .expect("a server starts again on the same data");
    let done = lesson_completion::Entity::find().count(&restarted.state().db.reader).await.unwrap();
    assert_eq!(done as usize, completed.len(), "exactly the acknowledged completions");
    let after = usernames(&restarted.state().db).await;
    assert!(after.contains(&"after9".to_string()));
}

/// Settings pointing at a SQLite file in `folder`.
trait WithData {
    fn with_data(self, folder: &Path) -> Self;
}

impl WithData for server::config::Settings {
    fn with_data(mut self, folder: &Path) -> Self {
        self.data_dir = folder.to_path_buf();
        self.database_url = Some(format!("sqlite://{}", folder.join("learn.db").display()));
        self
    }
}

#[tokio::test]
async fn instances_starting_together_on_an_empty_database_all_start() {
    for _ in 0..3 {
        let database = TestDatabase::new(Backend::Postgres);
        let starts = (0..3).map(|_| server::startup::Application::build(database.settings(sample_courses())));
        for started in futures::future::join_all(starts).await {
            assert!(started.is_ok(), "every instance starts: {:?}", started.err());
        }
    }
}

#[tokio::test]
async fn readiness_tells_the_truth_quickly_when_the_database_is_locked() {
    use sea_orm::ConnectionTrait;
    let app = spawn_app_with(Backend::Sqlite, |_| {}).await;
    assert_eq!(app.get("/readyz").await.status().as_u16(), 200);
    // Another process holds the write lock.
    let url = app.database().url.clone();
    let other = sea_orm::Database::connect(&url).await.unwrap();
    other.execute_unprepared("BEGIN IMMEDIATE").await.unwrap();
    let started = Instant::now();
    let response = app.get("/readyz").await;
    let waited = started.elapsed();
    assert_eq!(response.status().as_u16(), 503);
    assert!(response.text().await.unwrap().contains("within 2 s"));
    assert!(waited < Duration::from_secs(6), "answered at once, not after the 10 s busy timeout ({waited:?})");
    other.execute_unprepared("ROLLBACK").await.unwrap();
}

#[tokio::test]
async fn two_instances_count_wrong_passwords_together() {
    let database = TestDatabase::new(Backend::Postgres);
    let first = spawn_on(&database).await;
    let second = spawn_on(&database).await;
    register(&first, "amina").await.unwrap();
    for app in [&first, &second, &first, &second, &first, &second, &first, &second] {
        post_form(app, "/api/login", "/login", "username=amina&password=a+wrong+guess", None).await;
    }
    let right = post_form(&second, "/api/login", "/login", "username=amina&password=river+mango+lantern", None).await;
    assert!(crate::helpers::refusal(&right).contains("login-throttled"), "eight wrong tries on two instances add up");
}

/// Another instance on the same database.
async fn spawn_on(database: &TestDatabase) -> TestApp {
    crate::helpers::spawn_app_on(database).await
}

#[tokio::test]
async fn a_course_published_on_one_instance_is_served_by_every_instance_within_seconds() {
    let courses = tempfile::tempdir().unwrap();
    copy_folder(&sample_courses(), courses.path());
    let database = TestDatabase::new(Backend::Postgres);
    let first = crate::helpers::spawn_app_on_with(&database, courses.path()).await;
    let second = crate::helpers::spawn_app_on_with(&database, courses.path()).await;
    let lesson = courses.path().join("online-safety/01-accounts/06-new-lesson.md");
    std::fs::write(&lesson, "+++\ntitle = \"A new lesson\"\n+++\n\nText.\n").unwrap();
    // Published by the first (as SIGHUP does): its catalog, then the record.
    first.state.catalog.reload(courses.path(), app::catalog::BrokenCourses::Refuse).unwrap();
    server::publication::publish(&first.state.db, &first.state.catalog.current()).await.unwrap();
    let version = first.state.catalog.current().course(COURSE).unwrap().content_version.clone();
    let started = Instant::now();
    loop {
        let served = second.state.catalog.current().course(COURSE).unwrap().content_version.clone();
        if served == version {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "the second instance follows within seconds");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let (status, page) = second.get_text("/courses/online-safety/new-lesson").await;
    assert_eq!(status, 200, "{page}");
}

fn copy_folder(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[tokio::test]
async fn the_revocation_list_is_signed_once_per_change_and_revalidated_cheaply() {
    let app = spawn_app_with(Backend::Sqlite, |_| {}).await;
    let first = app.get("/credentials/status/1").await;
    let tag = first.headers()["etag"].to_str().unwrap().to_string();
    let list = first.text().await.unwrap();
    let again = app.get("/credentials/status/1").await.text().await.unwrap();
    assert_eq!(list, again, "the same signed list, not signed again");
    let revalidated = app
        .client
        .get(format!("{}/credentials/status/1", app.address))
        .header("if-none-match", &tag)
        .send()
        .await
        .unwrap();
    assert_eq!(revalidated.status().as_u16(), 304);
    // A revocation changes it at once.
    let amina = crate::learning::register_amina(&app).await;
    crate::certificates::complete_all_but(&app, &amina, 0).await;
    let code = app::entities::certificate::Entity::find().one(&app.state.db.reader).await.unwrap().unwrap().verify_code;
    let admin = crate::helpers::signed_in_as(&app, "root", "admin").await;
    let body = format!("code={}&reason=Test", app::codes::grouped(&code));
    assert!(call(&app, "/api/revoke_certificate", &body, Some(&admin)).await < 400);
    let changed = app.get("/credentials/status/1").await;
    assert_ne!(changed.headers()["etag"].to_str().unwrap(), tag);
}

#[tokio::test]
async fn statistics_and_exports_can_read_a_replica() {
    let app = spawn_app_with(Backend::Postgres, |settings| {
        // The primary stands in for its replica here: what matters is that
        // reports read the pool configured for them.
        settings.database_replica_url = settings.database_url.clone();
    })
    .await;
    let manager = crate::helpers::signed_in_as(&app, "maryam", "manager").await;
    for path in ["/manage", "/manage/statistics/funnel.csv", "/manage/courses/online-safety/learners.csv"] {
        let (status, _) = crate::statistics::download(&app, path, &manager).await;
        assert_eq!(status, 200, "{path}");
    }
}

/// Two instances' completion writers on one PostgreSQL, each given the same
/// learners' completions at once in opposite orders: batches that locked
/// rows in arrival order deadlocked; none may fail.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn completions_arriving_at_two_instances_in_opposite_orders_never_deadlock() {
    let database = TestDatabase::new(Backend::Postgres);
    let first = crate::helpers::spawn_app_on(&database).await;
    let second = crate::helpers::spawn_app_on(&database).await;
    let now = time::OffsetDateTime::now_utc();
    let fixture = crate::statistics::Fixture { db: &first.state.db, now };
    let mut learners = Vec::new();
    for n in 0..60 {
        let id = fixture.user(&format!("learner{n}"), None).await;
        fixture.enrol(id, COURSE, None, now, None).await;
        learners.push(id);
    }
    let course = first.state.catalog.current().course(COURSE).unwrap().clone();
    let lessons: Vec<String> =
        course.lessons().filter(|(_, lesson)| lesson.quiz.is_none()).map(|(_, lesson)| lesson.id.clone()).collect();
    let writers = [
        app::learning::CompletionWriter::start(first.state.db.clone()),
        app::learning::CompletionWriter::start(second.state.db.clone()),
    ];
    let mut jobs = Vec::new();
    for lesson in &lessons {
        for (side, writer) in writers.iter().enumerate() {
            let order: Vec<i64> = if side == 0 { learners.clone() } else { learners.iter().rev().copied().collect() };
            for user in order {
                let (writer, course, lesson) = (writer.clone(), course.clone(), lesson.clone());
                jobs.push(tokio::spawn(async move { writer.complete(course, &lesson, user).await }));
            }
        }
    }
    let mut failed = Vec::new();
    for job in jobs {
        if let Err(error) = job.await.unwrap() {
            failed.push(error.to_string());
        }
    }
    assert!(failed.is_empty(), "{} completions refused: {:?}", failed.len(), failed.first());
    let done = lesson_completion::Entity::find().count(&first.state.db.reader).await.unwrap();
    assert_eq!(done as usize, learners.len() * lessons.len(), "each completion once");
}

#[tokio::test]
async fn a_role_changed_on_one_instance_is_known_to_the_others_within_seconds() {
    let database = TestDatabase::new(Backend::Postgres);
    let first = spawn_on(&database).await;
    let second = spawn_on(&database).await;
    let manager = crate::helpers::signed_in_as(&first, "maryam", "manager").await;
    let admin = crate::helpers::signed_in_as(&first, "root", "admin").await;
    // The second instance knows her as a manager (and keeps that in memory).
    assert_eq!(
        second
            .client
            .get(format!("{}/manage", second.address))
            .header("cookie", &manager)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let body = "username=maryam&role=learner";
    assert!(call(&first, "/api/change_role", body, Some(&admin)).await < 400);
    let changed = Instant::now();
    loop {
        let status = second
            .client
            .get(format!("{}/manage", second.address))
            .header("cookie", &manager)
            .send()
            .await
            .unwrap()
            .status();
        if status != 200 {
            break;
        }
        assert!(changed.elapsed() < Duration::from_secs(5), "the second instance still lets her manage");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
