//! LTI 1.3, this server as the tool of a partner's learning platform,
//! against a real platform: PyPI's `lti1p3platform` (OpenLearning's),
//! driven by `server/tests/lti_platform.py` on loopback as an LMS would
//! use it. `make lti-tools` installs it in `.tools/lti`.
//!
//! The test plays the browser: it follows the platform's redirect to the
//! tool's login, the tool's redirect to the platform, and posts the
//! platform's launch form to the tool, keeping the tool's cookies.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use app::entities::{enrolment, identity_link, lti_score, user};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::{BACKENDS, Backend, TestApp, page_with, spawn_app_with};
use crate::learning::{COURSE, lessons};

/// The platform, killed when dropped.
struct Platform {
    child: Child,
    base: String,
}

impl Drop for Platform {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn python() -> PathBuf {
    std::env::var_os("LTI_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.tools/lti/bin/python"))
}

fn harness() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/lti_platform.py")
}

async fn start_platform() -> Platform {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let child = Command::new(python())
        .arg(harness())
        .args(["serve", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|error| panic!("cannot start {} (make lti-tools): {error}", python().display()));
    let platform = Platform { child, base: format!("http://127.0.0.1:{port}") };
    for _ in 0..200 {
        if reqwest::get(format!("{}/jwks", platform.base)).await.is_ok_and(|answer| answer.status().is_success()) {
            return platform;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the LTI platform did not start at {}", platform.base);
}

/// The registration file and this tool's key, in a folder of their own.
fn register(platform: &Platform) -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let made = Command::new(python()).arg(harness()).arg("make-key").arg(folder.path().join("tool.pem")).output();
    assert!(made.unwrap().status.success(), "a tool key");
    let base = &platform.base;
    let file = format!(
        "tool_key_file = \"tool.pem\"\n\n[[platform]]\nid = \"city-lms\"\nissuer = \"{base}\"\n\
         client_id = \"learn-tool\"\ndeployment_ids = [\"deployment-1\"]\njwks_url = \"{base}/jwks\"\n\
         login_url = \"{base}/authorize\"\ntoken_url = \"{base}/token\"\norganisation = \"City University\"\n\
         name = {{ en = \"City LMS\", ur = \"سٹی ایل ایم ایس\" }}\n"
    );
    let path = folder.path().join("platforms.toml");
    std::fs::write(&path, file).unwrap();
    (folder, path)
}

async fn spawn_with_platform(backend: Backend, path: PathBuf) -> TestApp {
    spawn_app_with(backend, |settings| settings.lti_platforms = Some(path)).await
}

/// A browser going through one launch.
struct Browser {
    http: reqwest::Client,
    /// The tool's cookies (name=value), as the browser keeps them.
    cookies: Vec<String>,
}

/// What the tool answered to the launch form.
struct Landed {
    status: u16,
    location: Option<String>,
    body: String,
}

impl Browser {
    fn new() -> Browser {
        let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        Browser { http, cookies: Vec::new() }
    }

    fn keep(&mut self, response: &reqwest::Response) {
        for value in response.headers().get_all("set-cookie").iter().filter_map(|value| value.to_str().ok()) {
            let pair = value.split(';').next().unwrap().to_string();
            let name = pair.split('=').next().unwrap().to_string();
            self.cookies.retain(|kept| !kept.starts_with(&format!("{name}=")));
            self.cookies.push(pair);
        }
    }

    fn cookie(&self) -> String {
        self.cookies.join("; ")
    }

    async fn get(&mut self, url: &str) -> reqwest::Response {
        let response = self.http.get(url).header("cookie", self.cookie()).send().await.unwrap();
        self.keep(&response);
        response
    }

    /// The platform starts a launch: through the tool's login to the
    /// platform's authentication address, whose launch form comes back.
    async fn launch_form(&mut self, platform: &Platform, tool: &str, query: &str, variant: &str) -> LaunchForm {
        let start = format!("{}/start?tool={tool}&{query}", platform.base);
        let to_tool = self.get(&start).await;
        assert_eq!(to_tool.status(), 302, "the platform sends the browser to the tool's login");
        let login = to_tool.headers()["location"].to_str().unwrap().to_string();
        assert!(login.starts_with(&format!("{tool}/lti/login?")), "{login}");
        let to_platform = self.get(&login).await;
        assert_eq!(to_platform.status(), 303, "the tool sends the browser to the platform");
        let authorize = to_platform.headers()["location"].to_str().unwrap().to_string();
        let set = to_platform.headers()["set-cookie"].to_str().unwrap().to_string();
        assert!(set.contains("SameSite=None") && set.contains("Secure") && set.contains("HttpOnly"), "{set}");
        let form = self.get(&format!("{authorize}{variant}")).await;
        assert_eq!(form.status(), 200, "the platform's launch form");
        LaunchForm::read(&form.text().await.unwrap())
    }

    /// Posts the launch form to the tool, from the platform's page.
    async fn post_launch(&mut self, platform: &Platform, form: &LaunchForm) -> Landed {
        let response = self
            .http
            .post(&form.action)
            .header("origin", platform.base.as_str())
            .header("sec-fetch-site", "cross-site")
            .header("cookie", self.cookie())
            .form(&[("id_token", form.id_token.as_str()), ("state", form.state.as_str())])
            .send()
            .await
            .unwrap();
        self.keep(&response);
        let status = response.status().as_u16();
        let location = response.headers().get("location").map(|value| value.to_str().unwrap().to_string());
        Landed { status, location, body: response.text().await.unwrap() }
    }

    fn session(&self) -> String {
        self.cookies.iter().find(|pair| pair.starts_with("session=")).cloned().unwrap_or_default()
    }
}

#[derive(Clone)]
struct LaunchForm {
    action: String,
    id_token: String,
    state: String,
}

impl LaunchForm {
    fn read(html: &str) -> LaunchForm {
        LaunchForm { action: attribute(html, "action"), id_token: field(html, "id_token"), state: field(html, "state") }
    }
}

fn attribute(html: &str, name: &str) -> String {
    let start = html.find(&format!("{name}=\"")).unwrap_or_else(|| panic!("no {name} in {html}")) + name.len() + 2;
    unescape(&html[start..start + html[start..].find('"').unwrap()])
}

fn field(html: &str, name: &str) -> String {
    let at = html.find(&format!("name=\"{name}\"")).unwrap_or_else(|| panic!("no field {name} in {html}"));
    attribute(&html[at..], "value")
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

async fn received(platform: &Platform) -> serde_json::Value {
    let text = reqwest::get(format!("{}/received", platform.base)).await.unwrap().text().await.unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Waits until the platform holds `count` scores, then a little longer
/// to see that no more come.
async fn until_scores(platform: &Platform, count: usize) -> Vec<serde_json::Value> {
    for _ in 0..300 {
        let scores = received(platform).await["scores"].as_array().cloned().unwrap_or_default();
        if scores.len() >= count {
            tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
            return received(platform).await["scores"].as_array().cloned().unwrap();
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the platform never held {count} scores: {}", received(platform).await);
}

/// Completes every lesson of `course` as the learner of `session`, each
/// quiz passed with its right answers.
async fn complete_course(address: &str, session: &str, course: &str, lessons: &[(String, Option<(String, String)>)]) {
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTVWXYZ23456789";
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    for (index, (lesson, answers)) in lessons.iter().enumerate() {
        let (action, body) = match answers {
            Some((right, _)) => {
                let tail = [ALPHABET[index / 30] as char, ALPHABET[index % 30] as char];
                let key = format!("HHHHJJJJKKKKMMMMNNNNPPPP{}{}", tail[0], tail[1]);
                ("/api/submit_quiz", format!("course={course}&lesson={lesson}&attempt_key={key}{right}"))
            }
            None => ("/api/complete_lesson", format!("course={course}&lesson={lesson}")),
        };
        let response = client
            .post(format!("{address}{action}"))
            .header("origin", address)
            .header("accept", "text/html")
            .header("cookie", session)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        assert!(response.status().is_success() || response.status().is_redirection(), "{action} {lesson}");
    }
}

#[tokio::test]
async fn a_learner_launched_from_the_platform_is_signed_in_enrolled_and_their_score_goes_back_once() {
    for backend in BACKENDS {
        let platform = start_platform().await;
        let (_folder, path) = register(&platform);
        let app = spawn_with_platform(backend, path).await;
        let lesson = lessons(&app, COURSE)[1].0.clone();

        let mut browser = Browser::new();
        let query = format!("user=lms-user-17&name=Dilnoza%20Karimova&course={COURSE}&lesson={lesson}");
        let form = browser.launch_form(&platform, &app.address, &query, "").await;
        assert_eq!(form.action, format!("{}/lti/launch", app.address));
        let landed = browser.post_launch(&platform, &form).await;
        assert_eq!(landed.status, 303, "{backend:?}: {}", landed.body);
        assert_eq!(
            landed.location.as_deref(),
            Some(format!("/courses/{COURSE}/{lesson}").as_str()),
            "the lesson placed"
        );
        let session = browser.session();
        let home = page_with(&app, "/", &session).await;
        assert!(home.contains("Dilnoza Karimova"), "{backend:?}: signed in as the platform's learner");
        let account = page_with(&app, "/account", &session).await;
        assert!(account.contains("City LMS"), "{backend:?}: the account page names the platform");

        // An account of the platform's: a learner, in its organisation,
        // without a password, linked to the platform's `sub`, enrolled.
        let link = identity_link::Entity::find()
            .filter(identity_link::Column::Provider.eq("lti:city-lms"))
            .one(&app.state.db.reader)
            .await
            .unwrap()
            .expect("linked");
        assert_eq!(link.subject, "lms-user-17");
        let account = user::Entity::find_by_id(link.user_id).one(&app.state.db.reader).await.unwrap().unwrap();
        assert_eq!(account.role, "learner");
        assert!(account.organisation_id.is_some(), "the platform's organisation");
        let enrolled = enrolment::Entity::find()
            .filter(enrolment::Column::UserId.eq(account.id))
            .filter(enrolment::Column::CourseId.eq(COURSE))
            .count(&app.state.db.reader)
            .await
            .unwrap();
        assert_eq!(enrolled, 1, "{backend:?}: enrolled by the launch");

        // The same launch form again (a replay): the state is spent.
        let again = browser.post_launch(&platform, &form).await;
        assert_eq!(again.status, 400, "{backend:?}: a replayed launch is refused");

        // The learner completes the course: one score goes back.
        complete_course(&app.address, &session, COURSE, &lessons(&app, COURSE)).await;
        let scores = until_scores(&platform, 1).await;
        assert_eq!(scores.len(), 1, "{backend:?}: one score: {scores:?}");
        let score = &scores[0];
        assert_eq!(score["userId"], "lms-user-17");
        assert_eq!(score["scoreMaximum"], 100);
        assert_eq!(score["activityProgress"], "Completed");
        assert_eq!(score["gradingProgress"], "FullyGraded");
        assert_eq!(score["lineitem"], COURSE, "the course's grade column");

        // A second launch of the same link signs the same account in; the
        // course is complete, and its score is not sent again.
        let mut later = Browser::new();
        let form = later.launch_form(&platform, &app.address, &query, "").await;
        assert_eq!(later.post_launch(&platform, &form).await.status, 303);
        let accounts = identity_link::Entity::find().count(&app.state.db.reader).await.unwrap();
        assert_eq!(accounts, 1, "{backend:?}: the same account");
        assert_eq!(until_scores(&platform, 1).await.len(), 1, "{backend:?}: never sent twice");

        // A password set for the account (a reset by staff) keeps the
        // platform's link: the next launch opens the same account.
        let actor = app::accounts::Actor { user_id: None, client_address: None };
        let username = app::accounts::Username::parse(&account.username).unwrap();
        let password = app::accounts::NewPassword::parse("a brand new phrase", &account.username).unwrap();
        app::accounts::reset_password(&app.state.db, &username, &password, &actor).await.unwrap();
        let mut after_reset = Browser::new();
        let form = after_reset.launch_form(&platform, &app.address, &query, "").await;
        assert_eq!(after_reset.post_launch(&platform, &form).await.status, 303);
        assert!(!after_reset.session().is_empty(), "{backend:?}: signed in");
        let accounts = user::Entity::find().count(&app.state.db.reader).await.unwrap();
        assert_eq!(accounts, 1, "{backend:?}: the same account, no second one");
        let later = after_reset;

        // The learner's own data names the grade column and the score sent;
        // deleting the account (with its new password) forgets the link,
        // the column and the score.
        let session = later.session();
        let data = page_with(&app, "/account/data", &session).await;
        assert!(data.contains("\"lti_grade_columns\"") && data.contains("city-lms"), "{data}");
        assert!(data.contains("\"score_sent_at\""), "{data}");
        let body = "delete_password=a+brand+new+phrase";
        let deleted = crate::helpers::post_form(&app, "/api/delete_account", "/account", body, Some(&session)).await;
        assert_eq!(deleted.headers()["location"], "/", "{backend:?}: deleted");
        assert_eq!(identity_link::Entity::find().count(&app.state.db.reader).await.unwrap(), 0);
        assert_eq!(lti_score::Entity::find().count(&app.state.db.reader).await.unwrap(), 0);
        let columns = app::entities::lti_grade_link::Entity::find().count(&app.state.db.reader).await.unwrap();
        assert_eq!(columns, 0, "{backend:?}: forgotten");
    }
}

#[tokio::test]
async fn forged_expired_and_misdirected_launches_are_refused_and_sign_nobody_in() {
    let platform = start_platform().await;
    let (_folder, path) = register(&platform);
    let app = spawn_with_platform(Backend::Sqlite, path).await;
    let query = format!("user=mallory&course={COURSE}");
    for variant in ["&variant=other-key", "&variant=expired", "&variant=other-deployment"] {
        let mut browser = Browser::new();
        let form = browser.launch_form(&platform, &app.address, &query, variant).await;
        let landed = browser.post_launch(&platform, &form).await;
        assert_eq!(landed.status, 403, "{variant}: {}", landed.body);
        assert!(landed.body.contains("did not work"), "{variant}: a sentence: {}", landed.body);
        assert!(browser.session().is_empty(), "{variant}: nobody signed in");
    }

    // A token for another tool: the platform names another audience.
    let mut browser = Browser::new();
    let form = browser.launch_form(&platform, &app.address, &query, "&variant=other-audience").await;
    assert_eq!(browser.post_launch(&platform, &form).await.status, 403, "another audience");

    // A launch posted into another browser (login CSRF): no state cookie.
    let mut mallory = Browser::new();
    let form = mallory.launch_form(&platform, &app.address, &query, "").await;
    let mut victim = Browser::new();
    let landed = victim.post_launch(&platform, &form).await;
    assert_eq!(landed.status, 400, "not the browser that started it");
    assert!(victim.session().is_empty());

    // A token replayed into a new launch: its nonce is the old launch's.
    let mut replayer = Browser::new();
    let fresh = replayer.launch_form(&platform, &app.address, &query, "").await;
    let replayed = LaunchForm { id_token: form.id_token.clone(), ..fresh };
    assert_eq!(replayer.post_launch(&platform, &replayed).await.status, 403, "the nonce differs");

    // A platform nobody registered.
    let stranger = app.get("/lti/login?iss=https%3A%2F%2Fevil.example&login_hint=x").await;
    assert_eq!(stranger.status(), 404);
    let users = user::Entity::find().count(&app.state.db.reader).await.unwrap();
    assert_eq!(users, 0, "no account was made by any of these");
    assert_eq!(lti_score::Entity::find().count(&app.state.db.reader).await.unwrap(), 0);

    // A platform's learner whose account an administrator has since made
    // staff: the platform's launch no longer signs it in.
    let mut learner = Browser::new();
    let form = learner.launch_form(&platform, &app.address, &format!("user=promoted&course={COURSE}"), "").await;
    assert_eq!(learner.post_launch(&platform, &form).await.status, 303);
    assert!(!learner.session().is_empty(), "a learner, signed in");
    user::Entity::update_many()
        .col_expr(user::Column::Role, sea_orm::sea_query::Expr::value("instructor"))
        .exec(&app.state.db.writer)
        .await
        .unwrap();
    let mut promoted = Browser::new();
    let form = promoted.launch_form(&platform, &app.address, &format!("user=promoted&course={COURSE}"), "").await;
    let landed = promoted.post_launch(&platform, &form).await;
    assert_eq!((landed.status, landed.location.as_deref()), (303, Some(format!("/courses/{COURSE}").as_str())));
    assert!(promoted.session().is_empty(), "staff sign in with their own password, never through a platform");
}

#[tokio::test]
async fn an_instructor_places_a_lesson_by_deep_linking_and_gets_no_rights_here() {
    let platform = start_platform().await;
    let (_folder, path) = register(&platform);
    let app = spawn_with_platform(Backend::Sqlite, path).await;
    let lesson = lessons(&app, COURSE)[0].0.clone();

    let mut browser = Browser::new();
    let form = browser.launch_form(&platform, &app.address, "user=teacher-3&roles=instructor&kind=deep", "").await;
    // Moodle opens the picker in a dialog's frame, where the browser may
    // not keep the tool's cookie: deep linking signs nobody in, and goes on.
    browser.cookies.clear();
    let picker = browser.post_launch(&platform, &form).await;
    assert_eq!(picker.status, 200, "the picker: {}", picker.body);
    assert!(picker.body.contains(&format!("value=\"{COURSE}/{lesson}\"")), "lessons to pick");
    let request = field(&picker.body, "request");
    let response = browser
        .http
        .post(format!("{}/lti/deep-link", app.address))
        .header("origin", app.address.as_str())
        .form(&[("request", request.as_str()), ("place", &format!("{COURSE}/{lesson}"))])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let policy = response.headers()["content-security-policy"].to_str().unwrap().to_string();
    assert!(policy.contains(&format!("form-action 'self' {}", platform.base)), "{policy}");
    let answer = response.text().await.unwrap();
    let back = reqwest::Client::new()
        .post(attribute(&answer, "action"))
        .form(&[("JWT", field(&answer, "JWT"))])
        .send()
        .await
        .unwrap();
    assert_eq!(back.status(), 200, "the platform checked our signature: {}", back.text().await.unwrap());
    let placed = received(&platform).await["deep_links"][0][0].clone();
    assert_eq!(placed["type"], "ltiResourceLink");
    assert_eq!(placed["url"], format!("{}/lti/launch", app.address));
    assert_eq!(placed["custom"]["course"], COURSE);
    assert_eq!(placed["custom"]["lesson"], lesson.as_str());
    assert_eq!(placed["lineItem"]["scoreMaximum"], 100);

    // The pick is spent: the same form again places nothing.
    let again = browser
        .http
        .post(format!("{}/lti/deep-link", app.address))
        .form(&[("request", request.as_str()), ("place", COURSE)])
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 400);

    // The instructor opening a placed course sees it as a visitor: the
    // platform's roles give no rights here, and make no account.
    let mut instructor = Browser::new();
    let form = instructor
        .launch_form(&platform, &app.address, &format!("user=teacher-3&roles=instructor&course={COURSE}"), "")
        .await;
    let landed = instructor.post_launch(&platform, &form).await;
    assert_eq!(landed.status, 303);
    assert_eq!(landed.location.as_deref(), Some(format!("/courses/{COURSE}").as_str()));
    assert!(instructor.session().is_empty(), "not signed in");
    assert_eq!(user::Entity::find().count(&app.state.db.reader).await.unwrap(), 0);
}

/// The server as a process of its own, to be killed.
/// (On `address`: the platform knows the tool by its addresses.)
fn start_server(data: &std::path::Path, platforms: &std::path::Path, address: &str) -> (Child, String) {
    use std::io::BufRead;
    let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
        .args(["serve", "--address", address])
        .arg("--lti-platforms")
        .arg(platforms)
        .arg("--data-dir")
        .arg(data)
        .arg("--site-dir")
        .arg(data)
        .arg("--courses-dir")
        .arg(crate::helpers::sample_courses())
        .env("LEARN_ISSUER_KEY", crate::helpers::test_issuer_key())
        .env("RUST_LOG", "error")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server binary starts");
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let address = line.trim().strip_prefix("listening on ").expect("the server says where it listens").to_string();
    (child, address)
}

async fn sqlite_of(data: &std::path::Path) -> app::db::Db {
    app::db::Db::connect(&format!("sqlite://{}", data.join("learn.db").display()), None).await.unwrap()
}

#[tokio::test]
async fn a_score_waits_through_a_platform_that_is_down_and_a_killed_server_and_arrives_once() {
    let platform = start_platform().await;
    let (_folder, path) = register(&platform);
    let data = tempfile::tempdir().unwrap();
    let course_lessons = lessons(&crate::helpers::spawn_app(Backend::Sqlite).await, COURSE);
    reqwest::Client::new().post(format!("{}/down", platform.base)).send().await.unwrap();

    // The platform's score service is down: the learner notices nothing.
    let (mut server, address) = start_server(data.path(), &path, "127.0.0.1:0");
    let mut browser = Browser::new();
    let form = browser.launch_form(&platform, &address, &format!("user=lms-5&course={COURSE}"), "").await;
    assert_eq!(browser.post_launch(&platform, &form).await.status, 303);
    complete_course(&address, &browser.session(), COURSE, &course_lessons).await;
    let db = sqlite_of(data.path()).await;
    for _ in 0..200 {
        // Tried, and waiting for the next try (not claimed mid-send).
        let tried = lti_score::Entity::find()
            .filter(lti_score::Column::Attempts.gte(1))
            .filter(lti_score::Column::ClaimedUntil.is_null())
            .count(&db.reader)
            .await;
        if tried.unwrap() == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let waiting = lti_score::Entity::find().one(&db.reader).await.unwrap().expect("the score is kept");
    assert!(waiting.attempts >= 1 && waiting.sent_at.is_none(), "tried, not sent: {waiting:?}");
    assert!(waiting.last_error.as_deref().unwrap_or_default().contains("503"), "{waiting:?}");
    drop(db);

    // Killed without a chance to do anything; the platform comes back,
    // and so does the server: the score arrives, once.
    server.kill().unwrap();
    server.wait().unwrap();
    reqwest::Client::new().post(format!("{}/up", platform.base)).send().await.unwrap();
    let (mut server, _) = start_server(data.path(), &path, address.trim_start_matches("http://"));
    let scores = until_scores(&platform, 1).await;
    assert_eq!(scores.len(), 1, "once: {scores:?}");
    assert_eq!(scores[0]["userId"], "lms-5");
    let _ = server.kill();
    let _ = server.wait();
    let db = sqlite_of(data.path()).await;
    let sent = lti_score::Entity::find().filter(lti_score::Column::SentAt.is_not_null()).count(&db.reader).await;
    assert_eq!(sent.unwrap(), 1);
}

/// An instance of the installation on `database`, with `platforms`.
async fn instance(database: &crate::helpers::TestDatabase, platforms: &std::path::Path) -> TestApp {
    let mut settings = database.settings(crate::helpers::sample_courses());
    settings.lti_platforms = Some(platforms.to_path_buf());
    let application = server::startup::Application::build(settings).await.expect("the application starts");
    let address = format!("http://{}", application.local_addr());
    let state = application.state().clone();
    tokio::spawn(application.run_until_stopped());
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    TestApp::from_parts(address, state, client, database.shared())
}

#[tokio::test]
async fn two_instances_on_one_postgresql_send_a_waiting_score_once() {
    let platform = start_platform().await;
    let (_folder, path) = register(&platform);
    let database = crate::helpers::TestDatabase::new(Backend::Postgres);
    reqwest::Client::new().post(format!("{}/down", platform.base)).send().await.unwrap();
    let first = instance(&database, &path).await;
    let second = instance(&database, &path).await;
    let mut browser = Browser::new();
    let form = browser.launch_form(&platform, &first.address, &format!("user=lms-8&course={COURSE}"), "").await;
    assert_eq!(browser.post_launch(&platform, &form).await.status, 303);
    complete_course(&first.address, &browser.session(), COURSE, &lessons(&first, COURSE)).await;
    for _ in 0..200 {
        let tried = lti_score::Entity::find().filter(lti_score::Column::Attempts.gte(1)).count(&first.state.db.reader);
        if tried.await.unwrap() == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    reqwest::Client::new().post(format!("{}/up", platform.base)).send().await.unwrap();
    let scores = until_scores(&platform, 1).await;
    assert_eq!(scores.len(), 1, "both instances send; the platform gets it once: {scores:?}");
    let sent = lti_score::Entity::find().filter(lti_score::Column::SentAt.is_not_null()).count(&second.state.db.reader);
    assert_eq!(sent.await.unwrap(), 1);
}
