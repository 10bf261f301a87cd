//! Learning records to a learning record store, against a real one:
//! PyPI's `ralph-malph` (France Université Numérique's LRS, which
//! validates every statement it takes), started on loopback by each test
//! with a file backend. `make xapi-tools` installs it in `.tools/ralph`.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use app::entities::xapi_outbox;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::{AMINA, BACKENDS, Backend, cookie_pair, post_form, set_cookie, spawn_app_with, test_issuer_key};
use crate::learning::{COURSE, lessons};

const USER: &str = "learn";
const PASSWORD: &str = "lrs s3cret";

fn ralph() -> PathBuf {
    std::env::var_os("RALPH")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.tools/ralph/bin/ralph"))
}

/// A running LRS keeping its statements in `folder`; killed when dropped.
struct Lrs {
    child: Child,
    endpoint: String,
}

impl Drop for Lrs {
    /// `ralph runserver` runs its server in a child process of its own:
    /// the whole process group goes, so that nothing is left running.
    fn drop(&mut self) {
        if let Ok(group) = i32::try_from(self.child.id()) {
            // SAFETY: a signal to the group this test made for the LRS.
            unsafe { libc::kill(-group, libc::SIGKILL) };
        }
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Starts the LRS on `port` with its files in `folder` (credentials made
/// the first time), and waits until it answers.
async fn start_lrs(folder: &Path, port: u16) -> Lrs {
    let environment = [("RALPH_APP_DIR", folder.join("app")), ("RALPH_RUNSERVER_BACKEND", "fs".into())];
    if !folder.join("app/auth.json").exists() {
        std::fs::create_dir_all(folder.join("app")).unwrap();
        let made = Command::new(ralph())
            .args(["auth", "--username", USER, "--password", PASSWORD, "--scope", "all", "-A", USER, "http://learn"])
            .arg("--write-to-disk")
            .envs(environment.clone())
            .current_dir(folder)
            .output()
            .unwrap_or_else(|error| panic!("cannot run {} (make xapi-tools): {error}", ralph().display()));
        assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    }
    use std::os::unix::process::CommandExt;
    let child = Command::new(ralph())
        .args(["runserver", "--backend", "fs", "--host", "127.0.0.1", "--port", &port.to_string()])
        .process_group(0)
        .arg("--fs-default-directory-path")
        .arg(folder.join("data"))
        .envs(environment)
        .current_dir(folder)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let lrs = Lrs { child, endpoint: format!("http://127.0.0.1:{port}/xAPI") };
    for _ in 0..200 {
        if reqwest::get(format!("http://127.0.0.1:{port}/__heartbeat__")).await.is_ok_and(|r| r.status().is_success()) {
            return lrs;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the LRS did not start");
}

/// Every statement the LRS holds.
async fn statements(endpoint: &str) -> Vec<serde_json::Value> {
    let response = reqwest::Client::new()
        .get(format!("{endpoint}/statements?limit=500"))
        .basic_auth(USER, Some(PASSWORD))
        .header("X-Experience-API-Version", "1.0.3")
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "{}", response.status());
    let body: serde_json::Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    body["statements"].as_array().cloned().unwrap_or_default()
}

/// Waits until the LRS holds `count` statements (and a little longer, to
/// see that no more come).
async fn until_held(endpoint: &str, count: usize) -> Vec<serde_json::Value> {
    for _ in 0..300 {
        let held = statements(endpoint).await;
        if held.len() >= count {
            tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
            return statements(endpoint).await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the LRS never held {count} statements: {:?}", statements(endpoint).await);
}

fn verbs(held: &[serde_json::Value]) -> Vec<String> {
    let mut verbs: Vec<String> = held
        .iter()
        .map(|statement| statement["verb"]["id"].as_str().unwrap().rsplit('/').next().unwrap().into())
        .collect();
    verbs.sort();
    verbs
}

#[tokio::test]
async fn enrolments_lessons_and_quizzes_arrive_once_each_pseudonymous_and_valid() {
    for backend in BACKENDS {
        let folder = tempfile::tempdir().unwrap();
        let lrs = start_lrs(folder.path(), free_port()).await;
        let endpoint = lrs.endpoint.clone();
        let app = spawn_app_with(backend, |settings| {
            settings.lrs_endpoint = Some(endpoint.clone());
            settings.lrs_username = USER.into();
            settings.lrs_password = PASSWORD.into();
        })
        .await;
        let amina = crate::learning::register_amina(&app).await;
        post_form(&app, "/api/enrol", "/", &format!("course={COURSE}"), Some(&amina)).await;
        let lessons = lessons(&app, COURSE);
        let body = format!("course={COURSE}&lesson={}", lessons[0].0);
        post_form(&app, "/api/complete_lesson", "/", &body, Some(&amina)).await;
        post_form(&app, "/api/complete_lesson", "/", &body, Some(&amina)).await; // a double click
        let (quiz, answers) = lessons.iter().find(|(_, answers)| answers.is_some()).unwrap();
        let (right, wrong) = answers.clone().unwrap();
        for (key, answers) in [("AAAABBBBCCCCDDDDEEEEFFFFGG", &wrong), ("HHHHJJJJKKKKMMMMNNNNPPPPQQ", &right)] {
            let body = format!("course={COURSE}&lesson={quiz}&attempt_key={key}{answers}");
            post_form(&app, "/api/submit_quiz", "/", &body, Some(&amina)).await;
        }

        // Enrolled; the first lesson completed (once, for all the clicks);
        // the quiz failed, then passed, which completes its lesson too.
        let held = until_held(&lrs.endpoint, 5).await;
        assert_eq!(verbs(&held), ["completed", "completed", "failed", "passed", "registered"], "{backend:?}: one each");
        let completed: std::collections::BTreeSet<&str> = held
            .iter()
            .filter(|statement| statement["verb"]["id"].as_str().unwrap().ends_with("completed"))
            .map(|statement| statement["object"]["id"].as_str().unwrap())
            .collect();
        assert_eq!(completed.len(), 2, "two lessons: {completed:?}");
        let passed =
            held.iter().find(|statement| statement["verb"]["id"].as_str().unwrap().ends_with("passed")).unwrap();
        assert_eq!(passed["result"]["success"], true);
        assert_eq!(passed["result"]["score"]["scaled"], 1.0);
        assert_eq!(passed["object"]["id"], format!("{}/courses/{COURSE}/{quiz}#quiz", app.state.public_url));
        for statement in &held {
            let actor = &statement["actor"];
            assert!(actor.get("name").is_none(), "no name by default: {actor}");
            assert_eq!(actor["account"]["homePage"], app.state.public_url.as_str());
            let text = statement.to_string();
            assert!(!text.contains("Amina") && !text.contains("عائشہ"), "{text}");
        }
        let pseudonyms: std::collections::BTreeSet<String> =
            held.iter().map(|s| s["actor"]["account"]["name"].as_str().unwrap().to_string()).collect();
        assert_eq!(pseudonyms.len(), 1, "one learner, one pseudonym");

        // Sent again (as after a crash mid-send): the store still holds one of each.
        xapi_outbox::Entity::update_many()
            .col_expr(xapi_outbox::Column::SentAt, sea_orm::sea_query::Expr::value(None::<time::OffsetDateTime>))
            .exec(&app.state.db.writer)
            .await
            .unwrap();
        for _ in 0..100 {
            if server::xapi::waiting(&app.state.db).await.unwrap() == 0 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(server::xapi::waiting(&app.state.db).await.unwrap(), 0, "{backend:?}: sent again");
        assert_eq!(statements(&lrs.endpoint).await.len(), 5, "{backend:?}: repeats are harmless");
    }
}

#[tokio::test]
async fn without_a_store_nothing_is_recorded() {
    let app = crate::helpers::spawn_app(Backend::Sqlite).await;
    let amina = crate::learning::register_amina(&app).await;
    post_form(&app, "/api/enrol", "/", &format!("course={COURSE}"), Some(&amina)).await;
    assert_eq!(xapi_outbox::Entity::find().count(&app.state.db.reader).await.unwrap(), 0);
}

/// The server as a process of its own, to be killed.
fn start_server(data: &Path, endpoint: &str) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
        .args(["serve", "--address", "127.0.0.1:0", "--lrs-endpoint", endpoint, "--lrs-username", USER])
        .arg("--data-dir")
        .arg(data)
        .arg("--site-dir")
        .arg(data)
        .arg("--courses-dir")
        .arg(crate::helpers::sample_courses())
        .env("LEARN_LRS_PASSWORD", PASSWORD)
        .env("LEARN_ISSUER_KEY", test_issuer_key())
        .env("RUST_LOG", "error")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server binary starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let address = line.trim().strip_prefix("listening on ").expect("the server says where it listens").to_string();
    (child, address)
}

#[tokio::test]
async fn records_wait_through_a_store_that_is_down_and_a_killed_server() {
    let data = tempfile::tempdir().unwrap();
    let store = tempfile::tempdir().unwrap();
    let port = free_port();
    let endpoint = format!("http://127.0.0.1:{port}/xAPI");
    // The store is down: learners notice nothing.
    let (mut server, address) = start_server(data.path(), &endpoint);
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let post = |path: &str, body: String, cookie: Option<String>| {
        let mut request = client
            .post(format!("{address}{path}"))
            .header("origin", address.as_str())
            .header("accept", "text/html")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body);
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        request.send()
    };
    let registered = post("/api/register", AMINA.into(), None).await.unwrap();
    assert_eq!(registered.status(), 303);
    let cookie = cookie_pair(&set_cookie(&registered).unwrap());
    let started = std::time::Instant::now();
    let enrolled = post("/api/enrol", format!("course={COURSE}"), Some(cookie.clone())).await.unwrap();
    assert_eq!(enrolled.status(), 303);
    assert!(started.elapsed() < std::time::Duration::from_secs(2), "a store that is down slows no learner");
    let outline = client.get(format!("{address}/courses/{COURSE}")).send().await.unwrap().text().await.unwrap();
    let prefix = format!("href=\"/courses/{COURSE}/");
    let first =
        outline.split(&prefix).nth(1).and_then(|rest| rest.split('"').next()).expect("a lesson link").to_string();
    let done = post("/api/complete_lesson", format!("course={COURSE}&lesson={first}"), Some(cookie)).await.unwrap();
    assert_eq!(done.status(), 303);

    // Killed without a chance to do anything.
    server.kill().unwrap();
    server.wait().unwrap();
    let db = app::db::Db::connect(&format!("sqlite://{}", data.path().join("learn.db").display()), None).await.unwrap();
    assert_eq!(server::xapi::waiting(&db).await.unwrap(), 2, "the records wait in the database");
    drop(db);

    // The store is back, and so is the server: everything arrives, once.
    let lrs = start_lrs(store.path(), port).await;
    let (mut server, _) = start_server(data.path(), &endpoint);
    let held = until_held(&lrs.endpoint, 2).await;
    assert_eq!(verbs(&held), ["completed", "registered"]);
    let _ = server.kill();
    let _ = server.wait();
    let db = app::db::Db::connect(&format!("sqlite://{}", data.path().join("learn.db").display()), None).await.unwrap();
    let sent = xapi_outbox::Entity::find().filter(xapi_outbox::Column::SentAt.is_not_null()).count(&db.reader).await;
    assert_eq!(sent.unwrap(), 2);
}
