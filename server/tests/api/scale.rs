//! Several instances that behave as one: three server processes on one
//! PostgreSQL database behind Debian's nginx (started by the test on a
//! free port, round robin), a classroom of learners through it at once
//! (registering, joining a cohort at capacity, completing lessons, passing
//! quizzes, earning certificates), a course published on one instance
//! while they work, and revocations; then the database is checked:
//! nothing lost, nothing doubled, every instance on the same version.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use app::entities::{certificate, cohort, course_completion, enrolment, lesson_completion, quiz_attempt, user};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::{Backend, TestDatabase, sample_courses, test_issuer_key};
use crate::learning::COURSE;

/// A server process.
struct Instance {
    child: Child,
    address: String,
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// nginx in front of the instances.
struct Balancer {
    child: Child,
    _folder: tempfile::TempDir,
    address: String,
}

impl Drop for Balancer {
    fn drop(&mut self) {
        // SIGTERM, not SIGKILL: the master then stops its worker too.
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn nginx() -> PathBuf {
    ["/usr/sbin/nginx", "/usr/bin/nginx"]
        .iter()
        .map(PathBuf::from)
        .find(|path| path.exists())
        .expect("Debian's nginx is needed for the scale test: `make test` installs it (apt-get install nginx)")
}

fn start_instance(database: &TestDatabase, courses: &Path, key: &Path, public_url: &str) -> Instance {
    let data = tempfile::tempdir().unwrap().keep();
    let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
        .args(["serve", "--address", "127.0.0.1:0", "--database-url", &database.url])
        .args(["--database-schema", database.schema.as_deref().unwrap()])
        .arg("--data-dir")
        .arg(&data)
        .arg("--site-dir")
        .arg(&data)
        .arg("--courses-dir")
        .arg(courses)
        .arg("--issuer-key")
        .arg(key)
        .args(["--public-url", public_url, "--trusted-proxies", "127.0.0.1"])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the server binary starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let address = line.trim().strip_prefix("listening on ").expect("the server says where it listens").to_string();
    Instance { child, address }
}

fn start_balancer(port: u16, instances: &[Instance]) -> Balancer {
    let folder = tempfile::tempdir().unwrap();
    let servers: String = instances
        .iter()
        .map(|instance| format!("server {};\n", instance.address.trim_start_matches("http://")))
        .collect();
    let dir = folder.path().display();
    let config = format!(
        "daemon off;\nworker_processes 1;\npid {dir}/nginx.pid;\nerror_log {dir}/error.log warn;\n\
         events {{ worker_connections 1024; }}\n\
         http {{\n access_log off;\n client_body_temp_path {dir}/body;\n proxy_temp_path {dir}/proxy;\n\
         fastcgi_temp_path {dir}/fastcgi;\n uwsgi_temp_path {dir}/uwsgi;\n scgi_temp_path {dir}/scgi;\n\
         upstream learn {{\n{servers} }}\n\
         server {{\n listen 127.0.0.1:{port};\n location / {{\n proxy_pass http://learn;\n\
         proxy_set_header Host $host:$server_port;\n proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n }}\n }}\n}}\n"
    );
    std::fs::write(folder.path().join("nginx.conf"), config).unwrap();
    let child = Command::new(nginx())
        .arg("-c")
        .arg(folder.path().join("nginx.conf"))
        .arg("-p")
        .arg(folder.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nginx starts");
    let address = format!("http://127.0.0.1:{port}");
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(started.elapsed() < Duration::from_secs(10), "nginx listens");
        std::thread::sleep(Duration::from_millis(50));
    }
    Balancer { child, _folder: folder, address }
}

/// A learner's browser: its own cookies, through the balancer.
struct Browser {
    client: reqwest::Client,
    base: String,
}

impl Browser {
    fn new(base: &str) -> Browser {
        let client =
            reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).cookie_store(true).build().unwrap();
        Browser { client, base: base.to_string() }
    }

    /// A form post as a script makes it: the status, which is below 400
    /// when the server acknowledged it.
    async fn post(&self, path: &str, body: String) -> u16 {
        let response = self
            .client
            .post(format!("{}{path}", self.base))
            .header("origin", &self.base)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await;
        response.map(|response| response.status().as_u16()).unwrap_or(599)
    }
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

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn three_instances_behind_nginx_behave_as_one() {
    let database = TestDatabase::new(Backend::Postgres);
    let courses = tempfile::tempdir().unwrap();
    copy_folder(&sample_courses(), courses.path());
    let key = courses.path().join("../issuer-key-for-scale.pem");
    std::fs::write(&key, test_issuer_key()).unwrap();
    let port = free_port();
    let public = format!("http://127.0.0.1:{port}");
    // Started together on an empty database: migrations take turns.
    let instances: Vec<Instance> = std::thread::scope(|scope| {
        let starts: Vec<_> =
            (0..3).map(|_| scope.spawn(|| start_instance(&database, courses.path(), &key, &public))).collect();
        starts.into_iter().map(|start| start.join().unwrap()).collect()
    });
    let balancer = start_balancer(port, &instances);
    let base = balancer.address.clone();
    let db = database.connect().await;

    // The administrator and a cohort of 40 places.
    let admin_settings = {
        let mut settings = database.settings(courses.path().to_path_buf());
        settings.courses_dir = courses.path().to_path_buf();
        settings
    };
    let create = server::cli::UsersCommand::Create {
        username: "root".into(),
        display_name: "Root".into(),
        role: "admin".into(),
        settings: admin_settings,
    };
    server::users::run(create, &mut "river mango lantern\n".as_bytes()).await.unwrap();
    let admin = Browser::new(&base);
    assert!(admin.post("/api/login", "username=root&password=river+mango+lantern".into()).await < 400);
    let body = format!("course_id={COURSE}&name=Classroom&time_zone=UTC&starts_on=&ends_on=&capacity=40");
    assert!(admin.post("/api/create_cohort", body).await < 400);
    let classroom = cohort::Entity::find().one(&db.reader).await.unwrap().unwrap();

    // A course published on one instance reaches the others within seconds.
    let lesson_file = courses.path().join("online-safety/01-accounts/01-strong-passwords.md");
    let text = std::fs::read_to_string(&lesson_file).unwrap();
    std::fs::write(&lesson_file, text.replacen("\n\n", "\n\nPublished for the scale test.\n\n", 1)).unwrap();
    let published = Instant::now();
    hang_up(&instances[0]);
    for instance in &instances {
        loop {
            let page = reqwest::get(format!("{}/courses/{COURSE}/strong-passwords", instance.address))
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            if page.contains("Published for the scale test.") {
                break;
            }
            assert!(published.elapsed() < Duration::from_secs(15), "{} follows the publication", instance.address);
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
    let followed = published.elapsed();

    // Fifty learners at once.
    let lessons = {
        let catalog = app::catalog::load(courses.path(), app::catalog::BrokenCourses::Refuse).unwrap().catalog;
        let course = catalog.course(COURSE).unwrap().clone();
        course.lessons().map(|(_, lesson)| (lesson.id.clone(), lesson.quiz.clone())).collect::<Vec<_>>()
    };
    let learners = (0..50).map(|n| {
        let (base, lessons, code) = (base.clone(), lessons.clone(), classroom.code.clone());
        async move {
            let browser = Browser::new(&base);
            let mut failures = 0;
            let body =
                format!("username=learner{n:02}&display_name=Learner+{n}&password=river+mango+lantern&language=en");
            if browser.post("/api/register", body).await >= 400 {
                return (false, 0, 1);
            }
            let joined = browser.post("/api/join_cohort", format!("code={code}")).await;
            if joined >= 400 {
                return (false, 0, 0); // Full: refused, as it must be.
            }
            let mut attempts = 0;
            for (lesson, quiz) in &lessons {
                let status = match quiz {
                    None => browser.post("/api/complete_lesson", format!("course={COURSE}&lesson={lesson}")).await,
                    Some(quiz) => {
                        let key = format!("SCALEATTEMPT{n:02}{}", lesson.replace('-', ""));
                        let mut body = format!("course={COURSE}&lesson={lesson}&attempt_key={key}");
                        for question in &quiz.questions {
                            for option in question.options.iter().filter(|option| option.correct) {
                                if question.multiple {
                                    body.push_str(&format!("&multiple%5B{}%3A{}%5D=on", question.id, option.id));
                                } else {
                                    body.push_str(&format!("&single%5B{}%5D={}", question.id, option.id));
                                }
                            }
                        }
                        attempts += 1;
                        browser.post("/api/submit_quiz", body).await
                    }
                };
                if status >= 400 {
                    failures += 1;
                }
            }
            (true, attempts, failures)
        }
    });
    let outcomes = futures::future::join_all(learners).await;
    let joined = outcomes.iter().filter(|(joined, _, _)| *joined).count();
    let failures: usize = outcomes.iter().map(|(_, _, failures)| failures).sum();
    let attempts: usize = outcomes.iter().map(|(_, attempts, _)| attempts).sum();
    assert_eq!(failures, 0, "no request a learner made failed because instances were busy");
    assert_eq!(joined, 40, "exactly the cohort's places were taken");

    // Revocations, through any instance.
    let revoked: Vec<certificate::Model> =
        certificate::Entity::find().all(&db.reader).await.unwrap().into_iter().take(3).collect();
    for found in &revoked {
        let body = format!("code={}&reason=Scale+test", app::codes::grouped(&found.verify_code));
        assert!(admin.post("/api/revoke_certificate", body).await < 400);
    }

    // The database: nothing lost, nothing doubled.
    let learners =
        user::Entity::find().filter(user::Column::Username.starts_with("learner")).count(&db.reader).await.unwrap();
    assert_eq!(learners, 50, "every registration kept once");
    let members = enrolment::Entity::find()
        .filter(enrolment::Column::CohortId.eq(classroom.id))
        .filter(enrolment::Column::LeftAt.is_null())
        .count(&db.reader)
        .await
        .unwrap();
    assert_eq!(members, 40, "capacity held across instances");
    let done = lesson_completion::Entity::find().count(&db.reader).await.unwrap();
    assert_eq!(done as usize, 40 * lessons.len(), "every lesson of every member, once");
    let tried = quiz_attempt::Entity::find().count(&db.reader).await.unwrap();
    assert_eq!(tried as usize, attempts, "every attempt, once");
    let completions = course_completion::Entity::find().all(&db.reader).await.unwrap();
    assert_eq!(completions.len(), 40);
    let version = app::catalog::load(courses.path(), app::catalog::BrokenCourses::Refuse)
        .unwrap()
        .catalog
        .course(COURSE)
        .unwrap()
        .content_version
        .clone();
    assert!(
        completions.iter().all(|done| done.content_version == version),
        "every completion earned the published version"
    );
    let certificates = certificate::Entity::find().all(&db.reader).await.unwrap();
    assert_eq!(certificates.len(), 40, "one certificate each");
    assert_eq!(certificates.iter().filter(|found| found.revoked_at.is_some()).count(), 3);
    eprintln!(
        "three instances followed a publication in {followed:?}; {} requests, no failures",
        30 * (2 + lessons.len())
    );
}

/// `kill -HUP` to an instance: it reloads its courses and publishes them.
fn hang_up(instance: &Instance) {
    let status = Command::new("kill").args(["-HUP", &instance.child.id().to_string()]).status().unwrap();
    assert!(status.success());
}
