//! Start-up: database, migrations, courses, the listening socket.

use std::net::SocketAddr;
use std::time::Duration;

use app::catalog::{CatalogHandle, Problem, format_all, load_with};
use app::db::Db;
use app::state::AppState;
use leptos::prelude::LeptosOptions;
use migrations::{Migrator, MigratorTrait};
use tokio::net::TcpListener;

use crate::config::Settings;
use crate::router::router;
use crate::session_store::DatabaseSessionStore;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("cannot create the data folder {0}: {1}")]
    DataDir(String, std::io::Error),
    #[error("cannot open the database: {0}")]
    Database(sea_orm::DbErr),
    #[error("database migrations failed: {0}")]
    Migration(sea_orm::DbErr),
    #[error("the courses have problems:\n{}", format_all(.0))]
    Courses(Vec<Problem>),
    #[error("{0}")]
    IssuerKey(app::credentials::KeyError),
    #[error("the programme logo {0}: {1}")]
    Logo(String, String),
    #[error("cannot listen on {0}: {1}")]
    Listen(SocketAddr, std::io::Error),
    #[error("cannot write the studio's courses: {0}")]
    Studio(String),
    #[error("{0}")]
    IdentityProviders(String),
    #[error("{0}")]
    LtiPlatforms(String),
    #[error("the learning record store's address `{0}` is not an http:// or https:// address")]
    LearningRecordStore(String),
}

/// A new data folder is its owner's only (0700), and so is a new database
/// in it (0600; SQLite gives its journal files the database's mode): they
/// hold what a backup holds, whatever the umask of whoever started the
/// server. A folder or database that already exists keeps the mode its
/// operator chose.
fn private_data_dir(data_dir: &std::path::Path, holds_the_database: bool) -> std::io::Result<()> {
    if !data_dir.exists() {
        if let Some(parent) = data_dir.parent().filter(|parent| !parent.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        let mut builder = std::fs::DirBuilder::new();
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(data_dir)?;
    }
    let database = data_dir.join("learn.db");
    if holds_the_database && !database.exists() {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(&database) {
            Ok(_) => {}
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(error) => return Err(error),
        }
    }
    Ok(())
}

/// Connects to the configured database and brings its schema up to date.
pub async fn connect_and_migrate(settings: &Settings) -> Result<Db, StartupError> {
    let url = settings.database_url();
    if url.starts_with("sqlite:") {
        let default_database = settings.database_url.is_none();
        private_data_dir(&settings.data_dir, default_database)
            .map_err(|error| StartupError::DataDir(settings.data_dir.display().to_string(), error))?;
    }
    let schema = settings.database_schema.as_deref();
    let mut db = Db::connect(&url, schema).await.map_err(StartupError::Database)?;
    if db.is_postgres() {
        migrate_holding_the_lock(&db, schema).await?;
        if let Some(replica) = &settings.database_replica_url {
            db = db.with_replica(replica).await.map_err(StartupError::Database)?;
        }
    } else {
        // One SQLite file has one server: nobody to wait for.
        Migrator::up(&db.writer, None).await.map_err(StartupError::Migration)?;
    }
    Ok(db)
}

/// Migrates PostgreSQL holding an advisory lock, on one connection, so that
/// any number of instances can start at once: the first migrates, the
/// others wait for it and then find nothing to do.
async fn migrate_holding_the_lock(db: &Db, schema: Option<&str>) -> Result<(), StartupError> {
    use sea_orm::ConnectionTrait;
    let key = app::db::migration_lock_key(schema);
    let lock = db.single_connection().await.map_err(StartupError::Database)?;
    lock.execute_unprepared(&format!("SELECT pg_advisory_lock({key})")).await.map_err(StartupError::Migration)?;
    let migrated = Migrator::up(&lock, None).await;
    let unlocked = lock.execute_unprepared(&format!("SELECT pg_advisory_unlock({key})")).await;
    let _ = lock.close().await;
    migrated.map_err(StartupError::Migration)?;
    unlocked.map_err(StartupError::Migration)?;
    Ok(())
}

pub struct Application {
    listener: TcpListener,
    /// `/metrics`, when `--metrics-address` is set.
    metrics: Option<TcpListener>,
    state: AppState,
    settings: Settings,
    /// The course publication this instance serves.
    publication: i64,
    /// Partners' identity providers, with their secrets.
    identity: std::sync::Arc<crate::identity::IdentityProviders>,
    /// Partners' learning platforms (LTI), with this tool's key.
    lti: std::sync::Arc<crate::lti::LtiTool>,
    /// The salt of learners' pseudonyms in learning records.
    xapi_salt: String,
    /// `SIGHUP`, listened for from the moment the application is built: a
    /// signal sent as soon as it says it is listening must reload the
    /// courses, not end the process (the default for an unhandled SIGHUP).
    hangups: Option<tokio::signal::unix::Signal>,
}

impl Application {
    pub async fn build(mut settings: Settings) -> Result<Application, StartupError> {
        let db = connect_and_migrate(&settings).await?;
        let options = settings.load_options();
        // The studio's courses as last published, written here before loading.
        if let Some(studio) = &options.studio {
            app::studio::folders::write_published(&db.reader, studio)
                .await
                .map_err(|error| StartupError::Studio(error.to_string()))?;
        }
        let folder = settings.courses_dir.clone();
        let loaded = tokio::task::spawn_blocking(move || load_with(&folder, &options))
            .await
            .map_err(|_| StartupError::Courses(Vec::new()))?
            .map_err(StartupError::Courses)?;
        crate::course_watch::log_problems(&loaded.problems);
        let listener =
            TcpListener::bind(settings.address).await.map_err(|error| StartupError::Listen(settings.address, error))?;
        // Without a configured public address, links point at the address
        // actually bound (port 0 becomes the port the system chose).
        if settings.public_url.is_none() {
            let bound = listener.local_addr().map_err(|error| StartupError::Listen(settings.address, error))?;
            settings.public_url = Some(format!("http://{bound}"));
        }
        let leptos_options = LeptosOptions::builder()
            .output_name("app")
            .site_root(settings.site_dir.display().to_string())
            .site_pkg_dir("pkg")
            .site_addr(settings.address)
            .build();
        let issuer = app::credentials::IssuerKey::load_or_create(
            settings.issuer_key.as_deref(),
            &settings.data_dir,
            &settings.public_url(),
        )
        .map_err(StartupError::IssuerKey)?;
        let programme_logo = match &settings.programme_logo {
            Some(path) => Some(std::sync::Arc::new(read_logo(path)?)),
            None => None,
        };
        // The first instance ever publishes what it loaded; later ones serve
        // their files and follow the next publication (see `publication`).
        let publication = match crate::publication::latest(&db).await.map_err(StartupError::Database)? {
            Some((number, versions)) => {
                if versions != crate::publication::versions(&loaded.catalog) {
                    tracing::warn!(publication = number, "the course files here differ from the published version");
                }
                number
            }
            None => crate::publication::publish(&db, &loaded.catalog).await.map_err(StartupError::Database)?,
        };
        let identity = match &settings.identity_providers {
            Some(path) => crate::identity::config::read(path).map_err(StartupError::IdentityProviders)?,
            None => Vec::new(),
        };
        let identity = std::sync::Arc::new(crate::identity::IdentityProviders::new(identity));
        let identity_providers = std::sync::Arc::new(identity.listing(&db).await.map_err(StartupError::Database)?);
        let lti = match &settings.lti_platforms {
            Some(path) => {
                crate::lti::config::read(path).and_then(crate::lti::LtiTool::new).map_err(StartupError::LtiPlatforms)?
            }
            None => crate::lti::LtiTool::none(),
        };
        let lti = std::sync::Arc::new(lti);
        let lti_platforms = std::sync::Arc::new(lti.listing(&db).await.map_err(StartupError::Database)?);
        let store = settings.learning_record_store();
        if let Some(store) = &store
            && !(store.endpoint.starts_with("https://") || store.endpoint.starts_with("http://"))
        {
            return Err(StartupError::LearningRecordStore(store.endpoint.clone()));
        }
        let salt = crate::xapi::prepare(&db, store.is_some()).await.map_err(StartupError::Database)?;
        let catalog = CatalogHandle::new(loaded.catalog);
        // The answer keys of the quizzes served: what offline attempts are graded against.
        crate::offline::remember_quizzes(&db, &catalog).await;
        let state = AppState::new(app::state::Shared {
            programme_logo,
            issuer: std::sync::Arc::new(issuer),
            status_list: Default::default(),
            kept_sessions: Default::default(),
            leptos_options,
            catalog,
            completions: app::learning::CompletionWriter::start(db.clone()),
            db,
            secure_cookies: settings.secure_cookies(),
            policy: settings.account_policy(),
            public_url: settings.public_url(),
            programme_name: settings.programme_name.clone(),
            small_group_threshold: settings.small_group_threshold,
            import_max_bytes: settings.import_max_mb as usize * 1024 * 1024,
            sources: std::sync::Arc::new(app::studio::live::Sources {
                folder: settings.courses_dir.clone(),
                options: settings.load_options(),
                drafts: settings.data_dir.join("studio-drafts"),
            }),
            identity_providers,
            lti_platforms,
        });
        tracing::info!(
            courses = state.catalog.current().courses().len(),
            database = %redact(&settings.database_url()),
            "started"
        );
        let metrics = match settings.metrics_address {
            Some(address) => {
                crate::metrics::handle();
                Some(TcpListener::bind(address).await.map_err(|error| StartupError::Listen(address, error))?)
            }
            None => None,
        };
        let hangups = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup())
            .inspect_err(|error| tracing::warn!(%error, "cannot listen for SIGHUP: courses reload only on restart"))
            .ok();
        Ok(Application { listener, metrics, state, settings, publication, hangups, identity, lti, xapi_salt: salt })
    }

    /// Where `/metrics` is served, if anywhere.
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        self.metrics.as_ref().and_then(|listener| listener.local_addr().ok())
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("a bound socket has an address")
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let store = DatabaseSessionStore::new(self.state.db.clone());
        tokio::spawn(store.clone().sweep_expired_every(Duration::from_secs(3600)));
        tokio::spawn(sweep_rate_limits_every(self.state.db.clone(), Duration::from_secs(600)));
        tokio::spawn(follow_session_revocations(self.state.clone()));
        if let Some(hangups) = self.hangups {
            tokio::spawn(reload_courses_on_hangup(
                hangups,
                self.state.catalog.clone(),
                self.state.db.clone(),
                self.settings.clone(),
            ));
        }
        tokio::spawn(crate::publication::follow(
            self.state.db.clone(),
            self.state.catalog.clone(),
            self.settings.clone(),
            self.publication,
        ));
        tokio::spawn(crate::offline::remember_quizzes_as_courses_change(
            self.state.db.clone(),
            self.state.catalog.clone(),
        ));
        if self.settings.watch_courses {
            tokio::spawn(crate::course_watch::watch(
                self.state.catalog.clone(),
                self.settings.courses_dir.clone(),
                self.settings.load_options(),
            ));
        }
        if !self.lti.platforms().is_empty() {
            tokio::spawn(crate::lti::scores::send_forever(self.state.clone(), self.lti.clone()));
        }
        if let Some(store) = self.settings.learning_record_store() {
            tokio::spawn(crate::xapi::send_forever(self.state.clone(), store, self.xapi_salt.clone()));
        }
        if let Some(listener) = self.metrics {
            tokio::spawn(crate::metrics::serve(listener, self.state.db.clone(), self.settings.timeouts()));
        }
        let app = router(self.state, store, &self.settings, self.identity, self.lti);
        crate::connections::serve(self.listener, app, self.settings.timeouts(), shutdown_signal()).await;
        Ok(())
    }
}

/// Every second: if sessions ended or accounts changed anywhere, forget
/// the signed-in people kept in memory (see `app::signed_in`); if another
/// process wrote to the SQLite file, forget the standings kept (see
/// `app::progress_cache`).
async fn follow_session_revocations(state: AppState) {
    let mut interval = tokio::time::interval(Duration::from_secs(1));
    loop {
        interval.tick().await;
        match app::kept_sessions::generation(&state.db.reader).await {
            Ok(generation) => state.kept_sessions.follow(generation),
            // Not knowing, keep no one.
            Err(_) => state.kept_sessions.forget_all(),
        }
        if state.db.follow_other_writers().await.is_err() {
            state.db.progress.everyone_changed();
        }
    }
}

/// Forgets rate limits whose allowance is whole again, enrolment files
/// never applied for a month, and the studio's contents nothing holds.
async fn sweep_rate_limits_every(db: app::db::Db, period: Duration) {
    let mut interval = tokio::time::interval(period);
    loop {
        interval.tick().await;
        if let Err(error) = app::accounts::limits::sweep(&db).await {
            tracing::warn!(%error, "could not sweep rate limits");
        }
        if let Err(error) = app::accounts::sweep_devices(&db.writer).await {
            tracing::warn!(%error, "could not forget old device cookies");
        }
        if let Err(error) = app::learning::bulk::forget_unapplied(&db).await {
            tracing::warn!(%error, "could not forget old enrolment files");
        }
        if let Err(error) = app::studio::store::sweep_unused_blobs(&db.writer).await {
            tracing::warn!(%error, "could not sweep the studio's unused contents");
        }
    }
}

/// `kill -HUP <pid>` reloads the courses and publishes them to every
/// instance. A version with problems is refused (and its problems logged);
/// the old catalog keeps serving.
async fn reload_courses_on_hangup(
    mut hangups: tokio::signal::unix::Signal,
    catalog: CatalogHandle,
    db: app::db::Db,
    settings: Settings,
) {
    while hangups.recv().await.is_some() {
        // Reading and rendering every course is blocking work: keep it off
        // the threads that answer requests.
        let (reloading, settings_now) = (catalog.clone(), settings.clone());
        let result = tokio::task::spawn_blocking(move || {
            reloading.reload_with(&settings_now.courses_dir, &settings_now.load_options())
        })
        .await;
        let Ok(result) = result else {
            tracing::error!("the course reload failed unexpectedly; the previous version keeps serving");
            continue;
        };
        match result {
            Ok(problems) => {
                crate::course_watch::log_problems(&problems);
                tracing::info!(courses = catalog.current().courses().len(), "courses reloaded");
                metrics::counter!("learn_course_reloads_total", "outcome" => "reloaded").increment(1);
                match crate::publication::publish(&db, &catalog.current()).await {
                    Ok(number) => tracing::info!(publication = number, "courses published to every instance"),
                    Err(error) => tracing::error!(%error, "courses reloaded here but not published to other instances"),
                }
            }
            Err(problems) => {
                for problem in &problems {
                    tracing::error!(%problem, "course problem");
                }
                tracing::error!(count = problems.len(), "courses not reloaded: the previous version keeps serving");
                metrics::counter!("learn_course_reloads_total", "outcome" => "refused").increment(1);
                metrics::counter!("learn_course_problems_total").increment(problems.len() as u64);
            }
        }
    }
}

async fn shutdown_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    let terminate = async {
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => {
                terminate.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}

/// A database URL without its password, for logs.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// The logo file, checked: a PNG, JPEG or SVG of at most 200 KB.
fn read_logo(path: &std::path::Path) -> Result<(&'static str, Vec<u8>), StartupError> {
    let fail = |reason: String| StartupError::Logo(path.display().to_string(), reason);
    let kind = match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("svg") => "image/svg+xml",
        _ => return Err(fail("must be a .png, .jpg or .svg file".into())),
    };
    let bytes = std::fs::read(path).map_err(|error| fail(error.to_string()))?;
    if bytes.len() > 200 * 1024 {
        return Err(fail(format!("is {} KB; at most 200 KB, please", bytes.len() / 1024)));
    }
    Ok((kind, bytes))
}

#[cfg(test)]
mod tests {
    #[test]
    fn passwords_are_redacted_from_database_urls() {
        assert_eq!(super::redact("postgres://u:secret@h/db"), "postgres://u:***@h/db");
        assert_eq!(super::redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(super::redact("sqlite://data/learn.db"), "sqlite://data/learn.db");
    }
}
