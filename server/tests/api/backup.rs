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
