use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use app::state::AppState;
use server::config::Settings;
use server::startup::Application;

/// Which database a test runs against.
#[derive(Clone, Copy, Debug)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub const BACKENDS: [Backend; 2] = [Backend::Sqlite, Backend::Postgres];

/// The local PostgreSQL every development and CI machine of this project has.
fn postgres_url() -> String {
    std::env::var("TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_string())
}

/// A database for one test: a SQLite file in a temporary folder, or a
/// schema of its own in PostgreSQL, dropped afterwards.
pub struct TestDatabase {
    pub backend: Backend,
    pub data_dir: tempfile::TempDir,
    pub url: String,
    pub schema: Option<String>,
    /// Dropping it drops the schema.
    owns_schema: bool,
}

impl TestDatabase {
    pub fn new(backend: Backend) -> TestDatabase {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let data_dir = tempfile::tempdir().expect("a temporary folder");
        match backend {
            Backend::Sqlite => {
                let url = format!("sqlite://{}", data_dir.path().join("learn.db").display());
                TestDatabase { backend, data_dir, url, schema: None, owns_schema: false }
            }
            Backend::Postgres => {
                let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
                let schema =
                    format!("test_{}_{}_{}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed), nanos);
                TestDatabase { backend, data_dir, url: postgres_url(), schema: Some(schema), owns_schema: true }
            }
        }
    }

    /// The same database, for another instance: dropping it removes nothing.
    pub fn shared(&self) -> TestDatabase {
        TestDatabase {
            backend: self.backend,
            data_dir: tempfile::tempdir().expect("a temporary folder"),
            url: self.url.clone(),
            schema: self.schema.clone(),
            owns_schema: false,
        }
    }

    pub async fn connect(&self) -> app::db::Db {
        app::db::Db::connect(&self.url, self.schema.as_deref()).await.unwrap_or_else(|error| {
            panic!("cannot reach the {:?} test database at {}: {error}", self.backend, self.url)
        })
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let Some(schema) = self.schema.clone().filter(|_| self.owns_schema) else {
            return;
        };
        let url = self.url.clone();
        // Drop runs outside async code; a small runtime of its own does the cleanup.
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            runtime.block_on(async move {
                use sea_orm::ConnectionTrait;
                if let Ok(db) = sea_orm::Database::connect(&url).await {
                    let _ = db.execute_unprepared(&format!("DROP SCHEMA IF EXISTS \"{schema}\" CASCADE")).await;
                    let _ = db.close().await;
                }
            });
        })
        .join();
    }
}

pub fn sample_courses() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../courses")
}

pub struct TestApp {
    pub address: String,
    pub state: AppState,
    pub client: reqwest::Client,
    /// Kept for the test's duration; dropping it removes the database.
    _database: TestDatabase,
}

impl TestApp {
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(format!("{}{path}", self.address)).send().await.expect("the server answers")
    }

    /// An instance the test started itself, sharing `database`.
    pub fn from_parts(address: String, state: AppState, client: reqwest::Client, database: TestDatabase) -> TestApp {
        TestApp { address, state, client, _database: database }
    }

    pub fn database(&self) -> &TestDatabase {
        &self._database
    }

    pub async fn get_text(&self, path: &str) -> (u16, String) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.text().await.unwrap())
    }
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with_courses(backend, sample_courses()).await
}

impl TestDatabase {
    /// Server settings that point at this database.
    pub fn settings(&self, courses_dir: PathBuf) -> Settings {
        Settings {
            database_url: Some(self.url.clone()),
            database_schema: self.schema.clone(),
            issuer_key: Some(test_issuer_key()),
            ..Settings::on_free_port(self.data_dir.path(), &courses_dir)
        }
    }
}

pub async fn spawn_app_with_courses(backend: Backend, courses_dir: PathBuf) -> TestApp {
    spawn_app_with(backend, |settings| settings.courses_dir = courses_dir).await
}

/// The application with settings adjusted by `adjust`.
pub async fn spawn_app_with(backend: Backend, adjust: impl FnOnce(&mut Settings)) -> TestApp {
    let database = TestDatabase::new(backend);
    let mut settings = database.settings(sample_courses());
    adjust(&mut settings);
    let application = Application::build(settings).await.expect("the application starts");
    let address = format!("http://{}", application.local_addr());
    let state = application.state().clone();
    tokio::spawn(application.run_until_stopped());
    // Uncompressed, so that tests read sizes and bodies as sent; tests of
    // what browsers see ask for gzip and brotli themselves.
    let client =
        reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).no_gzip().no_brotli().build().unwrap();
    TestApp { address, state, client, _database: database }
}

/// Another instance on `database` (which the caller keeps): several
/// instances of one installation, sharing its database.
pub async fn spawn_app_on(database: &TestDatabase) -> TestApp {
    spawn_app_on_with(database, &sample_courses()).await
}

/// [`spawn_app_on`] serving the courses in `courses`.
pub async fn spawn_app_on_with(database: &TestDatabase, courses: &Path) -> TestApp {
    let mut settings = database.settings(courses.to_path_buf());
    settings.courses_dir = courses.to_path_buf();
    let application = Application::build(settings).await.expect("the application starts");
    let address = format!("http://{}", application.local_addr());
    let state = application.state().clone();
    tokio::spawn(application.run_until_stopped());
    let client =
        reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).no_gzip().no_brotli().build().unwrap();
    // The database stays the caller's: this instance holds a handle that
    // drops nothing.
    TestApp { address, state, client, _database: database.shared() }
}

/// Posts a form as a browser does, with the page it was on as referer.
pub async fn post_form(app: &TestApp, action: &str, from: &str, body: &str, cookie: Option<&str>) -> reqwest::Response {
    let mut request = app
        .client
        .post(format!("{}{action}", app.address))
        .header("accept", "text/html")
        .header("origin", app.address.as_str())
        .header("referer", format!("{}{from}", app.address))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body.to_string());
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    request.send().await.unwrap()
}

/// `session=…` from a response's Set-Cookie, with its attributes.
pub fn set_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|value| value.starts_with("session="))
        .map(str::to_string)
}

/// The `device=…` cookie a response set (a browser the account knows), as
/// a request sends it.
pub fn device_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|value| value.starts_with("device="))
        .map(|value| value.split(';').next().unwrap().to_string())
}

pub fn cookie_pair(set_cookie: &str) -> String {
    set_cookie.split(';').next().unwrap().to_string()
}

pub async fn page_with(app: &TestApp, path: &str, cookie: &str) -> String {
    app.client
        .get(format!("{}{path}", app.address))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// How a page may be kept (its `Cache-Control`), as `cookie` gets it.
pub async fn page_caching(app: &TestApp, path: &str, cookie: &str) -> String {
    let response = app.client.get(format!("{}{path}", app.address)).header("cookie", cookie).send().await.unwrap();
    response.headers().get("cache-control").and_then(|value| value.to_str().ok()).unwrap_or_default().to_string()
}

pub const AMINA: &str =
    "username=Amina&display_name=%D8%B9%D8%A7%D8%A6%D8%B4%DB%81&password=river+mango+lantern&language=ur";

/// The message ids a refused form post carries back to its form (`__err`),
/// decoded; empty when the post was not refused.
pub fn refusal(response: &reqwest::Response) -> String {
    use base64::Engine;
    let Some(location) = response.headers().get("location").and_then(|value| value.to_str().ok()) else {
        return String::new();
    };
    let encoded = location.split("__err=").nth(1).unwrap_or_default().split('&').next().unwrap().replace("%3D", "=");
    String::from_utf8(base64::engine::general_purpose::URL_SAFE.decode(encoded).unwrap_or_default()).unwrap()
}

/// Creates an account from the command line and signs it in over HTTP;
/// returns the session cookie.
pub async fn signed_in_as(app: &TestApp, username: &str, role: &str) -> String {
    let create = server::cli::UsersCommand::Create {
        username: username.to_string(),
        display_name: format!("{username} (test)"),
        role: role.to_string(),
        settings: app.database().settings(sample_courses()),
    };
    server::users::run(create, &mut "river mango lantern\n".as_bytes()).await.unwrap();
    let body = format!("username={username}&password=river+mango+lantern");
    let response = post_form(app, "/api/login", "/login", &body, None).await;
    assert_eq!(response.headers()["location"], "/", "{username} signs in");
    cookie_pair(&set_cookie(&response).expect("a session cookie"))
}

/// The actions in the audit log, oldest first.
pub async fn audit_actions(app: &TestApp) -> Vec<String> {
    use sea_orm::{EntityTrait, QueryOrder};
    app::entities::audit_log::Entity::find()
        .order_by_asc(app::entities::audit_log::Column::Id)
        .all(&app.state.db.reader)
        .await
        .unwrap()
        .into_iter()
        .map(|entry| entry.action)
        .collect()
}

/// Calls a server function as a script would (no `Accept: text/html`), so
/// that a refusal answers with its status instead of a redirect to the form.
pub async fn call(app: &TestApp, action: &str, body: &str, cookie: Option<&str>) -> u16 {
    let mut request = app
        .client
        .post(format!("{}{action}", app.address))
        .header("origin", app.address.as_str())
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body.to_string());
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    request.send().await.unwrap().status().as_u16()
}

/// One issuer key for every test of this run: generating an RSA key per
/// test would be slow. (One test checks generation on first start.)
pub fn test_issuer_key() -> String {
    static KEY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    KEY.get_or_init(|| {
        let folder = tempfile::tempdir().unwrap();
        app::credentials::IssuerKey::load_or_create(None, folder.path(), "http://x").unwrap();
        std::fs::read_to_string(folder.path().join("issuer-key.pem")).unwrap()
    })
    .clone()
}
