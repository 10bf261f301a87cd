//! `server backup` under a write load, then `server restore` into a fresh
//! folder and a server started on it: everything acknowledged before the
//! backup began is there, certificates still verify, sign-ins work.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use server::startup::Application;

use crate::certificates::complete_all_but;
use crate::helpers::*;
use crate::learning::{COURSE, lessons, register_amina};

#[tokio::test]
async fn a_backup_taken_under_load_restores_into_a_working_installation() {
    backup_and_restore(Backend::Sqlite).await;
}

/// PostgreSQL: `pg_dump` of the installation's schema, restored with
/// `pg_restore` into a database of its own, made and dropped here.
#[tokio::test]
async fn a_postgres_backup_restores_into_another_database() {
    backup_and_restore(Backend::Postgres).await;
}

/// A PostgreSQL database for a restore, dropped afterwards.
struct ScratchDatabase(String);

impl ScratchDatabase {
    fn create() -> ScratchDatabase {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
        let name = format!("restore_{}_{nanos}", std::process::id());
        psql(&format!("CREATE DATABASE {name}"));
        ScratchDatabase(name)
    }
}

impl Drop for ScratchDatabase {
    fn drop(&mut self) {
        psql(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.0));
    }
}

fn psql(command: &str) {
    let status = std::process::Command::new("psql")
        .args(["-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-qc", command])
        .status()
        .expect("psql");
    assert!(status.success(), "psql -c {command}");
}

async fn backup_and_restore(backend: Backend) {
    let app = spawn_app_with(backend, |settings| settings.issuer_key = None).await;
    let amina = register_amina(&app).await;
    complete_all_but(&app, &amina, 0).await;
    let (quiz, wrong) = lessons(&app, COURSE)
        .into_iter()
        .find_map(|(id, answers)| answers.map(|(_, wrong)| (id, wrong)))
        .expect("the course has a quiz");

    // A learner keeps submitting attempts, each a new row, during the backup.
    let acknowledged = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let load = {
        let (client, address, cookie) = (app.client.clone(), app.address.clone(), amina.clone());
        let (acknowledged, stop) = (acknowledged.clone(), stop.clone());
        tokio::spawn(async move {
            let mut n = 0u64;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let body = format!("course={COURSE}&lesson={quiz}&attempt_key=LOAD{n:022}{wrong}");
                let response = client
                    .post(format!("{address}/api/submit_quiz"))
                    .header("accept", "text/html")
                    .header("origin", address.as_str())
                    .header("referer", format!("{address}/"))
                    .header("content-type", "application/x-www-form-urlencoded")
                    .header("cookie", cookie.as_str())
                    .body(body)
                    .send()
                    .await
                    .unwrap();
                assert_eq!(response.status(), 303, "an attempt is acknowledged");
                acknowledged.fetch_add(1, Ordering::SeqCst);
            }
        })
    };
    while acknowledged.load(Ordering::SeqCst) < 20 {
        assert!(!load.is_finished(), "the load stopped early");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let settings = app.database().settings(sample_courses());
    let settings = server::config::Settings { issuer_key: None, ..settings };
    let before = acknowledged.load(Ordering::SeqCst) + 1; // the one complete_all_but passed
    let folder = tempfile::tempdir().unwrap();
    let dest = folder.path().join("backup");
    let manifest = server::backup::backup(&settings, &dest).await.expect("the backup is taken");
    stop.store(true, Ordering::Relaxed);
    load.await.unwrap();
    assert!(manifest.issuer_key, "the issuer key is in the backup");
    assert!(
        manifest.counts.quiz_attempts >= before,
        "{} attempts copied, {before} acknowledged before",
        manifest.counts.quiz_attempts
    );
    assert_eq!(manifest.counts.accounts, 1);
    assert_eq!(manifest.counts.certificates, 1);
    assert!(server::backup::backup(&settings, &dest).await.is_err(), "a backup never writes over another");

    // Into a fresh folder; a second restore is refused without --force.
    let fresh = TestDatabase::new(Backend::Sqlite);
    let mut restored_settings = server::config::Settings { issuer_key: None, ..fresh.settings(sample_courses()) };
    let _scratch = match backend {
        Backend::Sqlite => None,
        Backend::Postgres => {
            // The same schema name, in a database of its own.
            let scratch = ScratchDatabase::create();
            restored_settings.database_url = Some(format!("postgres://postgres@127.0.0.1:5432/{}", scratch.0));
            restored_settings.database_schema = settings.database_schema.clone();
            Some(scratch)
        }
    };
    let restored = server::backup::restore(&restored_settings, &dest, false).await.expect("the backup restores");
    assert_eq!(restored, manifest);
    if let Backend::Postgres = backend {
        assert_eq!(manifest.database, "postgres");
    }
    let again = server::backup::restore(&restored_settings, &dest, false).await;
    assert!(again.unwrap_err().contains("--force"), "a live database is not overwritten");

    let application = Application::build(restored_settings).await.expect("a server starts on the restored data");
    let address = format!("http://{}", application.local_addr());
    tokio::spawn(application.run_until_stopped());
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let signed_in = client
        .post(format!("{address}/api/login"))
        .header("accept", "text/html")
        .header("origin", address.as_str())
        .header("referer", format!("{address}/login"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("username=amina&password=river+mango+lantern")
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status(), 303, "Amina signs in on the restored installation");
    assert_eq!(signed_in.headers()["location"], "/");
    // The same key: credentials issued before still verify.
    let jwks = |base: String| {
        let client = client.clone();
        async move {
            let text = client.get(format!("{base}/.well-known/jwks.json")).send().await.unwrap().text().await.unwrap();
            let keys: serde_json::Value = serde_json::from_str(&text).unwrap();
            keys["keys"][0]["n"].as_str().unwrap().to_string()
        }
    };
    assert_eq!(jwks(app.address.clone()).await, jwks(address.clone()).await);
    let cookie = cookie_pair(&set_cookie(&signed_in).unwrap());
    let my = client.get(format!("{address}/my")).header("cookie", cookie).send().await.unwrap().text().await.unwrap();
    assert!(my.contains("/my/certificates/online-safety"), "her certificate is there");
}

#[test]
fn migrate_status_lists_what_is_pending_and_changes_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let server = |args: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
            .args(args)
            .arg("--data-dir")
            .arg(folder.path())
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap()
    };
    let before = server(&["migrate", "--status"]);
    let total = before.lines().filter(|line| line.starts_with("pending ")).count();
    assert!(total > 0 && before.contains(&format!("{total} pending of {total}")), "{before}");
    assert_eq!(server(&["migrate", "--status"]), before, "--status changes nothing");
    server(&["migrate"]);
    let after = server(&["migrate", "--status"]);
    assert!(after.contains(&format!("0 pending of {total}")), "{after}");
    assert_eq!(after.lines().filter(|line| line.starts_with("applied ")).count(), total);
}

fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// A backup holds every password hash: with the usual umask it is still
/// the owner's only, folder and files, and the sessions and device cookies
/// in it sign nobody in.
#[tokio::test]
async fn a_backup_is_private_and_signs_nobody_in() {
    use sea_orm::{ConnectionTrait, DbBackend, Statement};
    let app = spawn_app_with(Backend::Sqlite, |settings| settings.issuer_key = None).await;
    let registered = post_form(&app, "/api/register", "/register", AMINA, None).await;
    let session = cookie_pair(&set_cookie(&registered).unwrap());
    let device = device_cookie(&registered).expect("a device cookie");
    let settings = server::config::Settings { issuer_key: None, ..app.database().settings(sample_courses()) };
    let folder = tempfile::tempdir().unwrap();
    for (dest, existing) in [(folder.path().join("new"), false), (folder.path().join("existing"), true)] {
        if existing {
            std::fs::create_dir(&dest).unwrap();
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&dest, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        server::backup::backup(&settings, &dest).await.expect("the backup is taken");
        assert_eq!(mode(&dest), 0o700, "{}", dest.display());
        for file in ["learn.db", "manifest.json", "issuer-key.pem"] {
            assert_eq!(mode(&dest.join(file)), 0o600, "{file}");
        }
        let bytes = std::fs::read(dest.join("learn.db")).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let raw_session = session.trim_start_matches("session=");
        assert!(!text.contains(raw_session), "no session id in the backup");
        assert!(!text.contains(device.trim_start_matches("device=d2.")), "no device token in the backup");
        // What the backup does hold, used as a cookie, signs nobody in.
        let copy =
            sea_orm::Database::connect(format!("sqlite://{}?mode=ro", dest.join("learn.db").display())).await.unwrap();
        let rows =
            copy.query_all_raw(Statement::from_string(DbBackend::Sqlite, "SELECT id FROM sessions")).await.unwrap();
        assert_eq!(rows.len(), 1, "amina's session is in the backup, by its hash");
        let stored: String = rows[0].try_get("", "id").unwrap();
        let page = page_with(&app, "/account", &format!("session={stored}")).await;
        assert!(!page.contains("amina"), "a stored id is not a session");
        assert!(page_with(&app, "/account", &session).await.contains("amina"), "the real cookie still is");
    }
}

/// A learner promoted to administrator in a backup, with a trigger that
/// promotes her again: refused, digest or not, forced or not.
#[tokio::test]
async fn a_tampered_sqlite_backup_is_refused() {
    use sea_orm::ConnectionTrait;
    let app = spawn_app_with(Backend::Sqlite, |settings| settings.issuer_key = None).await;
    register_amina(&app).await;
    let settings = server::config::Settings { issuer_key: None, ..app.database().settings(sample_courses()) };
    let folder = tempfile::tempdir().unwrap();
    let dest = folder.path().join("backup");
    server::backup::backup(&settings, &dest).await.unwrap();
    let original = std::fs::read(dest.join("learn.db")).unwrap();
    let tamper = |sql: &'static str| {
        let dest = dest.clone();
        let original = original.clone();
        async move {
            std::fs::write(dest.join("learn.db"), &original).unwrap();
            let url = format!("sqlite://{}?mode=rw", dest.join("learn.db").display());
            let copy = sea_orm::Database::connect(url).await.unwrap();
            copy.execute_unprepared(sql).await.unwrap();
            copy.close().await.unwrap();
        }
    };
    let restore = |force: bool| {
        let fresh = TestDatabase::new(Backend::Sqlite);
        let settings = server::config::Settings { issuer_key: None, ..fresh.settings(sample_courses()) };
        let dest = dest.clone();
        async move {
            let result = server::backup::restore(&settings, &dest, force).await;
            let restored = settings.data_dir.join("learn.db").exists();
            (result, restored, fresh)
        }
    };

    tamper("UPDATE users SET role = 'admin' WHERE username = 'amina'").await;
    let (refused, restored, _fresh) = restore(false).await;
    assert!(refused.unwrap_err().contains("not the file this backup recorded"), "a changed file is refused");
    assert!(!restored, "and nothing is put in place");
    let (forced, restored, _fresh) = restore(true).await;
    assert!(forced.is_ok() && restored, "--force restores it anyway: {forced:?}");

    tamper(
        "UPDATE users SET role = 'admin' WHERE username = 'amina'; \
         CREATE TRIGGER again AFTER UPDATE ON users BEGIN \
         UPDATE users SET role = 'admin' WHERE username = 'amina'; END",
    )
    .await;
    let (refused, restored, _fresh) = restore(true).await;
    let refusal = refused.unwrap_err();
    assert!(refusal.contains("trigger again"), "a trigger is refused even with --force: {refusal}");
    assert!(!restored);
    // The manifest rewritten to match: the trigger is still refused.
    let mut manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dest.join("manifest.json")).unwrap()).unwrap();
    let digest = {
        use sha2::{Digest, Sha256};
        let hash = Sha256::digest(std::fs::read(dest.join("learn.db")).unwrap());
        format!("sha256:{}", hash.iter().map(|b| format!("{b:02x}")).collect::<String>())
    };
    manifest["digest"] = digest.into();
    std::fs::write(dest.join("manifest.json"), serde_json::to_vec(&manifest).unwrap()).unwrap();
    let (refused, _, _fresh) = restore(false).await;
    assert!(refused.unwrap_err().contains("trigger again"));
    tamper("CREATE VIEW everyone AS SELECT * FROM users").await;
    let (refused, _, _fresh) = restore(true).await;
    assert!(refused.unwrap_err().contains("view everyone"));
    // A schema changed without adding anything: an index gone, a table
    // with a default of its own.
    tamper("DROP INDEX audit_log_subject").await;
    let (refused, _, _fresh) = restore(true).await;
    assert!(refused.unwrap_err().contains("missing index audit_log_subject"));
    tamper(
        "CREATE TABLE rate_limits_new (key varchar(200) NOT NULL PRIMARY KEY, full_at bigint NOT NULL DEFAULT 0); \
         DROP TABLE rate_limits; ALTER TABLE rate_limits_new RENAME TO rate_limits; \
         CREATE INDEX rate_limits_full_at ON rate_limits (full_at)",
    )
    .await;
    let (refused, _, _fresh) = restore(true).await;
    assert!(refused.unwrap_err().contains("unknown table rate_limits"));
}

/// PostgreSQL: a function and a trigger in the dumped schema are refused.
#[tokio::test]
async fn a_postgres_backup_carrying_a_trigger_is_refused() {
    use sea_orm::ConnectionTrait;
    let app = spawn_app_with(Backend::Postgres, |settings| settings.issuer_key = None).await;
    register_amina(&app).await;
    let schema = app.database().schema.clone().unwrap();
    app.state
        .db
        .writer
        .execute_unprepared(&format!(
            "CREATE FUNCTION \"{schema}\".promote() RETURNS trigger LANGUAGE plpgsql AS \
             $$ BEGIN NEW.role := 'admin'; RETURN NEW; END $$; \
             CREATE TRIGGER again BEFORE UPDATE ON \"{schema}\".users \
             FOR EACH ROW EXECUTE FUNCTION \"{schema}\".promote()"
        ))
        .await
        .unwrap();
    let settings = server::config::Settings { issuer_key: None, ..app.database().settings(sample_courses()) };
    let folder = tempfile::tempdir().unwrap();
    let dest = folder.path().join("backup");
    server::backup::backup(&settings, &dest).await.unwrap();
    assert_eq!(mode(&dest.join("learn.pgdump")), 0o600);
    let scratch = ScratchDatabase::create();
    let mut restored_settings = settings.clone();
    restored_settings.database_url = Some(format!("postgres://postgres@127.0.0.1:5432/{}", scratch.0));
    let refused = server::backup::restore(&restored_settings, &dest, true).await.unwrap_err();
    assert!(refused.contains("FUNCTION") && refused.contains("TRIGGER"), "{refused}");
}

/// PostgreSQL: a default changed in the dumped schema (every new account
/// an administrator) hides inside a table's own entry of the dump's table
/// of contents; the restore compares the statements it would run with a
/// freshly migrated schema's and refuses, even with `--force`.
#[tokio::test]
async fn a_postgres_backup_with_a_changed_default_is_refused() {
    use sea_orm::ConnectionTrait;
    let app = spawn_app_with(Backend::Postgres, |settings| settings.issuer_key = None).await;
    register_amina(&app).await;
    let schema = app.database().schema.clone().unwrap();
    app.state
        .db
        .writer
        .execute_unprepared(&format!("ALTER TABLE \"{schema}\".users ALTER COLUMN role SET DEFAULT 'admin'"))
        .await
        .unwrap();
    let settings = server::config::Settings { issuer_key: None, ..app.database().settings(sample_courses()) };
    let folder = tempfile::tempdir().unwrap();
    let dest = folder.path().join("backup");
    server::backup::backup(&settings, &dest).await.unwrap();
    let scratch = ScratchDatabase::create();
    let mut restored_settings = settings.clone();
    restored_settings.database_url = Some(format!("postgres://postgres@127.0.0.1:5432/{}", scratch.0));
    let refused = server::backup::restore(&restored_settings, &dest, true).await.unwrap_err();
    assert!(refused.contains("unknown") && refused.contains("'admin'"), "{refused}");
    let restored =
        sea_orm::Database::connect(format!("postgres://postgres@127.0.0.1:5432/{}", scratch.0)).await.unwrap();
    let tables = restored
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            format!("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = '{schema}'"),
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i64>("", "n")
        .unwrap();
    let _ = restored.close().await;
    assert_eq!(tables, 0, "nothing was restored");
}

/// The live data folder holds what a backup holds: a new one, and the
/// database made in it, are the owner's only, whatever the umask.
#[tokio::test]
async fn a_new_data_folder_and_its_database_are_private() {
    let folder = tempfile::tempdir().unwrap();
    let data_dir = folder.path().join("var/lib/learn");
    let fresh = TestDatabase::new(Backend::Sqlite);
    let settings = server::config::Settings {
        data_dir: data_dir.clone(),
        database_url: None,
        issuer_key: None,
        ..fresh.settings(sample_courses())
    };
    let application = Application::build(settings).await.expect("a server starts on a new data folder");
    assert_eq!(mode(&data_dir), 0o700);
    assert_eq!(mode(&data_dir.join("learn.db")), 0o600);
    assert_eq!(mode(&data_dir.join("issuer-key.pem")), 0o600);
    drop(application);
}

/// What the studio keeps lives in the database: a backup carries a studio
/// course's versions, its draft not yet published and its pictures, and a
/// server started on the restored data serves the published version.
#[tokio::test]
async fn a_backup_carries_the_studio() {
    for backend in BACKENDS {
        let app = spawn_app_with(backend, |settings| settings.issuer_key = None).await;
        let actor = app::accounts::Actor::command_line();
        let settings = app::studio::CourseSettings {
            title: "Backed up".into(),
            summary: "Kept.".into(),
            language: app::language::Language::En,
            level: Default::default(),
            hours: None,
            access: Default::default(),
            enrolment: Default::default(),
            certificate_issued: true,
            min_average_score: None,
            translations: Default::default(),
        };
        let db = &app.state.db;
        app::studio::create_course(&db.writer, "backed-up", &settings, &[], &[], &actor).await.unwrap().unwrap();
        let lesson = "01-introduction/01-welcome.md";
        let revision = app::studio::store::draft_file(&db.reader, "backed-up", lesson).await.unwrap().unwrap().revision;
        let text = "+++\ntitle = \"Welcome\"\n+++\n\nPublished text.\n\n![A dot](../assets/dot.svg)\n";
        app::studio::store::save(&db.writer, "backed-up", lesson, Some(text.as_bytes()), Some(revision), &actor)
            .await
            .unwrap();
        let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"><circle r=\"2\" cx=\"2\" cy=\"2\"/></svg>";
        app::studio::store::save(&db.writer, "backed-up", "assets/dot.svg", Some(svg), None, &actor).await.unwrap();
        let course_revision =
            app::studio::store::course(&db.reader, "backed-up").await.unwrap().unwrap().draft_revision;
        app::studio::versions::publish(&db.writer, "backed-up", course_revision, "First", None, &actor)
            .await
            .unwrap()
            .unwrap();
        let revision = app::studio::store::draft_file(&db.reader, "backed-up", lesson).await.unwrap().unwrap().revision;
        let draft_text = text.replace("Published text.", "A draft not published yet.");
        app::studio::store::save(&db.writer, "backed-up", lesson, Some(draft_text.as_bytes()), Some(revision), &actor)
            .await
            .unwrap();
        let draft = app::studio::versions::draft_files(&db.reader, "backed-up").await.unwrap();

        let settings = server::config::Settings { issuer_key: None, ..app.database().settings(sample_courses()) };
        let folder = tempfile::tempdir().unwrap();
        let dest = folder.path().join("backup");
        server::backup::backup(&settings, &dest).await.expect("the backup is taken");
        let fresh = TestDatabase::new(Backend::Sqlite);
        let mut restored_settings = server::config::Settings { issuer_key: None, ..fresh.settings(sample_courses()) };
        let _scratch = match backend {
            Backend::Sqlite => None,
            Backend::Postgres => {
                let scratch = ScratchDatabase::create();
                restored_settings.database_url = Some(format!("postgres://postgres@127.0.0.1:5432/{}", scratch.0));
                restored_settings.database_schema = settings.database_schema.clone();
                Some(scratch)
            }
        };
        server::backup::restore(&restored_settings, &dest, false).await.expect("the backup restores");
        let application = Application::build(restored_settings).await.expect("a server starts on the restored data");
        let address = format!("http://{}", application.local_addr());
        let restored = application.state().db.clone();
        tokio::spawn(application.run_until_stopped());
        let page = reqwest::get(format!("{address}/courses/backed-up/welcome")).await.unwrap().text().await.unwrap();
        assert!(
            page.contains("Published text.") && !page.contains("A draft not published"),
            "{backend:?}: the published version"
        );
        assert!(page.contains("/media/backed-up/assets/dot.svg"), "{backend:?}: with its picture");
        assert_eq!(
            app::studio::versions::draft_files(&restored.reader, "backed-up").await.unwrap(),
            draft,
            "{backend:?}"
        );
        assert_eq!(
            app::studio::versions::history(&restored.reader, "backed-up").await.unwrap().len(),
            1,
            "{backend:?}"
        );
    }
}
