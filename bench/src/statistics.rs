//! The manager's statistics at programme scale, on SQLite: a generated
//! programme of 100,000 learners in 10 courses with about 2 million lesson
//! completions, served by the real server over HTTP on this machine.
//! Measures how long the whole-programme dashboard takes to render, how
//! fast the per-learner CSV export streams, and a 100,000-row bulk
//! enrolment file's dry run and apply. Run: `make bench` (release build).
//!
//! Options: `statistics [LEARNERS]` (default 100000).

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use app::entities::{
    certificate, cohort, course_completion, enrolment, lesson_completion, organisation, profile_answer, user,
};
use sea_orm::{ActiveValue::Set, EntityTrait, TransactionTrait};
use time::OffsetDateTime;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const COURSES: usize = 10;
const LESSONS: usize = 20;
const COHORTS_PER_COURSE: usize = 10;
const ORGANISATIONS: usize = 5;
const BATCH: usize = 1000;

/// A small deterministic generator (xorshift), so that every run builds
/// the same programme.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % sides
    }
}

fn write_courses(folder: &Path) {
    for course in 0..COURSES {
        let dir = folder.join(format!("course-{course}"));
        let module = dir.join("01-module");
        std::fs::create_dir_all(&module).unwrap();
        std::fs::write(
            dir.join("course.toml"),
            format!(
                "title = \"Course {course}\"\nsummary = \"A generated course.\"\nlevel = \"beginner\"\nlanguage = \"en\"\n"
            ),
        )
        .unwrap();
        std::fs::write(module.join("module.toml"), "title = \"Module\"\nsummary = \"Generated.\"\n").unwrap();
        for lesson in 1..=LESSONS {
            std::fs::write(
                module.join(format!("{lesson:02}-lesson-{lesson}.md")),
                format!("+++\ntitle = \"Lesson {lesson}\"\nminutes = 5\n+++\n\nText of lesson {lesson}.\n"),
            )
            .unwrap();
        }
    }
}

/// One HTTP/1.1 exchange over a fresh connection: status and body
/// (chunked bodies decoded).
async fn http(address: &str, request: &[u8]) -> (u16, Vec<u8>, String) {
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    stream.write_all(request).await.unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.unwrap();
    let split = response.windows(4).position(|w| w == b"\r\n\r\n").expect("a response head") + 4;
    let head = String::from_utf8_lossy(&response[..split]).to_string();
    let status = head.split(' ').nth(1).and_then(|code| code.parse().ok()).unwrap_or(0);
    let mut body = response[split..].to_vec();
    if head.to_lowercase().contains("transfer-encoding: chunked") {
        let mut decoded = Vec::new();
        let mut rest = &body[..];
        loop {
            let line_end = rest.windows(2).position(|w| w == b"\r\n").unwrap();
            let size = usize::from_str_radix(std::str::from_utf8(&rest[..line_end]).unwrap().trim(), 16).unwrap();
            if size == 0 {
                break;
            }
            decoded.extend_from_slice(&rest[line_end + 2..line_end + 2 + size]);
            rest = &rest[line_end + 2 + size + 2..];
        }
        body = decoded;
    }
    (status, body, head)
}

fn get(path: &str, cookie: &str) -> Vec<u8> {
    format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nCookie: {cookie}\r\nConnection: close\r\n\r\n").into_bytes()
}

fn post(address: &str, path: &str, cookie: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut request = format!(
        "POST {path} HTTP/1.1\r\nHost: localhost\r\nOrigin: http://{address}\r\nCookie: {cookie}\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\nAccept: text/html\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    request.extend_from_slice(body);
    request
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

#[tokio::main]
async fn main() {
    let learners: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    // `STATISTICS_KEEP=<folder>` keeps the generated database there (to
    // study queries with `sqlite3`); otherwise a temporary folder.
    let kept = std::env::var_os("STATISTICS_KEEP").map(std::path::PathBuf::from);
    let temporary = tempfile::tempdir().expect("a temporary folder");
    let folder_path = kept.clone().unwrap_or_else(|| temporary.path().to_path_buf());
    std::fs::create_dir_all(&folder_path).unwrap();
    let folder = &folder_path;
    let courses_dir = folder.join("courses");
    write_courses(&courses_dir);
    let settings = server::config::Settings {
        programme_name: "Benchmark Programme".into(),
        ..server::config::Settings::on_free_port(folder, &courses_dir)
    };
    let application = server::startup::Application::build(settings.clone()).await.expect("the server starts");
    let address = application.local_addr().to_string();
    let state = application.state().clone();
    let db = state.db.clone();
    let catalog = state.catalog.current();
    tokio::spawn(application.run_until_stopped());

    // The programme.
    let started = Instant::now();
    let now = OffsetDateTime::now_utc();
    let mut dice = Dice(0x9E37_79B9_7F4A_7C15);
    let transaction = db.writer.begin().await.unwrap();
    organisation::Entity::insert_many((0..ORGANISATIONS).map(|n| organisation::ActiveModel {
        name: Set(format!("Partner {n}")),
        created_at: Set(now),
        ..Default::default()
    }))
    .exec_without_returning(&transaction)
    .await
    .unwrap();
    let mut cohort_rows = Vec::new();
    for course in 0..COURSES {
        for n in 0..COHORTS_PER_COURSE {
            cohort_rows.push(cohort::ActiveModel {
                course_id: Set(format!("course-{course}")),
                name: Set(format!("Course {course} cohort {n}")),
                code: Set(format!("C{course:02}N{n:04}")),
                time_zone: Set("Asia/Karachi".into()),
                created_at: Set(now),
                organisation_id: Set(Some((n % ORGANISATIONS) as i64 + 1)),
                ..Default::default()
            });
        }
    }
    cohort::Entity::insert_many(cohort_rows).exec_without_returning(&transaction).await.unwrap();
    for chunk in (1..=learners).collect::<Vec<_>>().chunks(BATCH) {
        user::Entity::insert_many(chunk.iter().map(|n| user::ActiveModel {
            username: Set(format!("learner{n}")),
            display_name: Set(format!("Learner {n}")),
            password_hash: Set("!".into()),
            role: Set("learner".into()),
            created_at: Set(now),
            ..Default::default()
        }))
        .exec_without_returning(&transaction)
        .await
        .unwrap();
    }
    let genders = ["female", "male", "other"];
    let ages = ["under-18", "18-24", "25-34", "35-44", "45-plus"];
    let regions = ["pk", "uz", "kz", "kg", "tj", "af"];
    let mut answers = Vec::new();
    let (mut enrolments, mut progress, mut completions, mut certificates) = (0usize, 0usize, 0usize, 0usize);
    let mut enrolment_rows = Vec::new();
    let mut lesson_rows = Vec::new();
    let mut completion_rows = Vec::new();
    let mut certificate_rows = Vec::new();
    for learner in 1..=learners as i64 {
        if dice.roll(10) < 6 {
            for (question, choices) in [("gender", &genders[..]), ("age_band", &ages[..]), ("region", &regions[..])] {
                answers.push(profile_answer::ActiveModel {
                    user_id: Set(learner),
                    question: Set(question.into()),
                    answer: Set(choices[dice.roll(choices.len() as u64) as usize].into()),
                    consented_at: Set(now),
                });
            }
        }
        // Everyone takes course 0, and one other course.
        let other = 1 + dice.roll(COURSES as u64 - 1) as usize;
        for course in [0, other] {
            let course_id = format!("course-{course}");
            let cohort = (dice.roll(5) > 0)
                .then(|| (course * COHORTS_PER_COURSE) as i64 + dice.roll(COHORTS_PER_COURSE as u64) as i64 + 1);
            let enrolled_at = now - time::Duration::days(30 + dice.roll(90) as i64);
            let done = (dice.roll(25) as usize).min(LESSONS);
            let last_active = enrolled_at + time::Duration::hours(dice.roll(24 * 60) as i64);
            enrolment_rows.push(enrolment::ActiveModel {
                user_id: Set(learner),
                course_id: Set(course_id.clone()),
                cohort_id: Set(cohort),
                enrolled_at: Set(enrolled_at),
                started_at: Set((done > 0).then_some(enrolled_at + time::Duration::hours(1))),
                last_active_at: Set((done > 0).then_some(last_active.min(now))),
                ..Default::default()
            });
            enrolments += 1;
            let lessons: Vec<String> =
                catalog.course(&course_id).unwrap().lessons().map(|(_, lesson)| lesson.id.clone()).collect();
            for lesson in lessons.iter().take(done) {
                lesson_rows.push(lesson_completion::ActiveModel {
                    user_id: Set(learner),
                    course_id: Set(course_id.clone()),
                    lesson_id: Set(lesson.clone()),
                    completed_at: Set(enrolled_at + time::Duration::hours(2)),
                });
                progress += 1;
            }
            if done == LESSONS {
                completion_rows.push(course_completion::ActiveModel {
                    user_id: Set(learner),
                    course_id: Set(course_id.clone()),
                    completed_at: Set(last_active.min(now)),
                    content_version: Set("v1".into()),
                });
                completions += 1;
                if dice.roll(10) > 0 {
                    certificate_rows.push(certificate::ActiveModel {
                        user_id: Set(learner),
                        course_id: Set(course_id.clone()),
                        verify_code: Set(format!("{learner:010}{course:06}")),
                        issued_at: Set(now),
                        learner_name: Set(format!("Learner {learner}")),
                        course_title: Set(format!("Course {course}")),
                        minutes: Set(100),
                        content_version: Set("v1".into()),
                        ..Default::default()
                    });
                    certificates += 1;
                }
            }
        }
        if lesson_rows.len() >= 20 * BATCH || learner == learners as i64 {
            for chunk in std::mem::take(&mut enrolment_rows).chunks(BATCH) {
                enrolment::Entity::insert_many(chunk.to_vec()).exec_without_returning(&transaction).await.unwrap();
            }
            for chunk in std::mem::take(&mut lesson_rows).chunks(BATCH) {
                lesson_completion::Entity::insert_many(chunk.to_vec())
                    .exec_without_returning(&transaction)
                    .await
                    .unwrap();
            }
            for chunk in std::mem::take(&mut completion_rows).chunks(BATCH) {
                course_completion::Entity::insert_many(chunk.to_vec())
                    .exec_without_returning(&transaction)
                    .await
                    .unwrap();
            }
            for chunk in std::mem::take(&mut certificate_rows).chunks(BATCH) {
                certificate::Entity::insert_many(chunk.to_vec()).exec_without_returning(&transaction).await.unwrap();
            }
            for chunk in std::mem::take(&mut answers).chunks(BATCH) {
                profile_answer::Entity::insert_many(chunk.to_vec()).exec_without_returning(&transaction).await.unwrap();
            }
        }
    }
    transaction.commit().await.unwrap();
    {
        use sea_orm::ConnectionTrait;
        db.writer.execute_unprepared("ANALYZE").await.unwrap();
    }
    if kept.is_some() {
        println!("kept in {}", folder.display());
    }
    println!(
        "generated {learners} learners, {COURSES} courses, {enrolments} enrolments, {progress} lesson completions, \
         {completions} course completions, {certificates} certificates in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    // A manager, signed in over HTTP.
    let manager = app::accounts::NewAccount {
        username: app::accounts::Username::parse("manager").unwrap(),
        display_name: app::accounts::DisplayName::parse("Manager").unwrap(),
        password: app::accounts::NewPassword::parse("river mango lantern", "manager").unwrap(),
        role: app::model::Role::Manager,
        language: None,
        profile: Vec::new(),
    };
    app::accounts::create_user(&db, manager, &app::accounts::Actor::command_line()).await.unwrap();
    let login = post(
        &address,
        "/api/login",
        "",
        "application/x-www-form-urlencoded",
        b"username=manager&password=river+mango+lantern",
    );
    let (_, _, head) = http(&address, &login).await;
    let cookie = head
        .lines()
        .filter_map(|line| line.strip_prefix("set-cookie: ").or_else(|| line.strip_prefix("Set-Cookie: ")))
        .filter_map(|value| value.split(';').next())
        .find(|pair| pair.starts_with("session="))
        .expect("a session cookie")
        .to_string();

    for (label, path) in [
        ("whole programme", "/manage".to_string()),
        ("one course", "/manage/courses/course-0".to_string()),
        ("one organisation", "/manage?organisation=1".to_string()),
    ] {
        let mut times = Vec::new();
        let mut size = 0;
        for run in 0..13 {
            let started = Instant::now();
            let (status, body, _) = http(&address, &get(&path, &cookie)).await;
            assert_eq!(status, 200, "{path}");
            size = body.len();
            if run >= 3 {
                times.push(started.elapsed());
            }
        }
        let slowest = *times.iter().max().unwrap();
        println!(
            "dashboard, {label} ({path}): median {:.0} ms, slowest {:.0} ms of 10, {size} bytes",
            median(times).as_secs_f64() * 1000.0,
            slowest.as_secs_f64() * 1000.0
        );
    }

    let started = Instant::now();
    let (status, body, _) = http(&address, &get("/manage/courses/course-0/learners.csv", &cookie)).await;
    let elapsed = started.elapsed();
    assert_eq!(status, 200);
    let rows = body.windows(2).filter(|w| w == b"\r\n").count() - 1;
    println!(
        "per-learner CSV export of course-0: {rows} rows, {:.1} MB in {:.2} s: {:.0} rows/s",
        body.len() as f64 / 1e6,
        elapsed.as_secs_f64(),
        rows as f64 / elapsed.as_secs_f64()
    );

    // A bulk enrolment file of 100,000 new learners into one cohort.
    let mut file = String::from("name,username,cohort,gender,consent\r\n");
    for n in 0..100_000 {
        let _ = write!(file, "Новый ученик {n},new{n},C01N0000,female,yes\r\n");
    }
    let boundary = "benchboundary7MA4YWxkTrZu0gW";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"learners.csv\"\r\nContent-Type: text/csv\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(file.as_bytes());
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let started = Instant::now();
    let upload = post(&address, "/manage/import", &cookie, &format!("multipart/form-data; boundary={boundary}"), &body);
    let (status, _, head) = http(&address, &upload).await;
    let uploaded = started.elapsed();
    assert_eq!(status, 303, "{head}");
    let location = head
        .lines()
        .find_map(|line| line.strip_prefix("location: ").or_else(|| line.strip_prefix("Location: ")))
        .unwrap()
        .trim()
        .to_string();
    let id = location.rsplit('/').next().unwrap().to_string();
    let started = Instant::now();
    let (status, page, _) = http(&address, &get(&location, &cookie)).await;
    let checked = started.elapsed();
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&page).contains("Apply the 100,000 valid rows"), "the dry run accepts every row");
    let started = Instant::now();
    let apply = post(
        &address,
        "/api/apply_import",
        &cookie,
        "application/x-www-form-urlencoded",
        format!("id={id}").as_bytes(),
    );
    let (status, _, _) = http(&address, &apply).await;
    let applied = started.elapsed();
    assert_eq!(status, 303);
    println!(
        "bulk enrolment of 100000 rows ({:.1} MB): upload {:.2} s, dry run page {:.2} s, apply {:.2} s",
        file.len() as f64 / 1e6,
        uploaded.as_secs_f64(),
        checked.as_secs_f64(),
        applied.as_secs_f64()
    );
}
