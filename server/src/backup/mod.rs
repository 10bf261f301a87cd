//! `server backup DEST` and `server restore SRC`: a consistent copy of an
//! installation taken while it keeps serving, and putting it back.
//!
//! A backup folder holds the database (SQLite: `learn.db`, written by
//! `VACUUM INTO` from one read transaction, so a snapshot; PostgreSQL:
//! `learn.pgdump`, by `pg_dump`, also one snapshot), the issuer key the
//! certificates are signed with (when it lives in the data folder) and
//! `manifest.json`: the program's version, the time, and how many
//! accounts, enrolments, completions, attempts and certificates the copy
//! holds, and the SHA-256 of the database file. Everything in it is
//! private to its owner from the first byte (`private`).
//!
//! Restoring refuses a database file whose digest is not the recorded one
//! (unless `--force`, loudly) and one holding anything the migrations do
//! not create (`integrity`; PostgreSQL: `postgres`, which also runs only
//! the script it checked), then checks the counts against what it
//! restored.

mod integrity;
mod postgres;
mod private;

use std::path::{Path, PathBuf};

use sea_orm::{ConnectionTrait, EntityTrait, PaginatorTrait};
use serde::{Deserialize, Serialize};

use crate::config::Settings;

const MANIFEST: &str = "manifest.json";
const SQLITE_COPY: &str = "learn.db";
const POSTGRES_COPY: &str = "learn.pgdump";
const KEY: &str = "issuer-key.pem";

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct Manifest {
    /// The backup format; a newer program reads older ones.
    pub format: u32,
    /// The version of the program that made it.
    pub version: String,
    /// When the copy was taken, RFC 3339, UTC.
    pub taken_at: String,
    /// `sqlite` or `postgres`.
    pub database: String,
    /// The issuer key is in the backup (else it is configured elsewhere
    /// and must be kept there).
    pub issuer_key: bool,
    pub counts: Counts,
    /// `sha256:` and the hex digest of the database file (`learn.db` or
    /// `learn.pgdump`). Backups made before it was recorded have none and
    /// restore only with `--force`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
}

/// What the copy holds, to check a restore by.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq, Clone, Copy)]
pub struct Counts {
    pub accounts: u64,
    pub enrolments: u64,
    pub lesson_completions: u64,
    pub quiz_attempts: u64,
    pub certificates: u64,
}

async fn counts(connection: &impl ConnectionTrait) -> Result<Counts, String> {
    use app::entities::{certificate, enrolment, lesson_completion, quiz_attempt, user};
    let error = |e: sea_orm::DbErr| format!("cannot count the copy: {e}");
    Ok(Counts {
        accounts: user::Entity::find().count(connection).await.map_err(error)?,
        enrolments: enrolment::Entity::find().count(connection).await.map_err(error)?,
        lesson_completions: lesson_completion::Entity::find().count(connection).await.map_err(error)?,
        quiz_attempts: quiz_attempt::Entity::find().count(connection).await.map_err(error)?,
        certificates: certificate::Entity::find().count(connection).await.map_err(error)?,
    })
}

fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}?mode=ro", path.display())
}

fn is_sqlite(settings: &Settings) -> bool {
    settings.database_url().starts_with("sqlite:")
}

/// Where the issuer key is kept, when it is in the data folder.
fn key_in_data_dir(settings: &Settings) -> Option<PathBuf> {
    settings.issuer_key.is_none().then(|| settings.data_dir.join(KEY))
}

fn sync(path: &Path) -> Result<(), String> {
    std::fs::File::open(path).and_then(|file| file.sync_all()).map_err(|e| format!("{}: {e}", path.display()))
}

/// Takes a backup of the installation `settings` describe into `dest`, a
/// folder that does not exist yet or is empty.
pub async fn backup(settings: &Settings, dest: &Path) -> Result<Manifest, String> {
    private::private_folder(dest)?;
    let db = app::db::Db::connect(&settings.database_url(), settings.database_schema.as_deref())
        .await
        .map_err(|e| format!("cannot reach the database: {e}"))?;
    let taken_at =
        time::OffsetDateTime::now_utc().format(&time::format_description::well_known::Rfc3339).unwrap_or_default();
    let (database, counts) = if is_sqlite(settings) {
        let copy = dest.join(SQLITE_COPY);
        drop(private::private_file(&copy)?);
        let quoted = copy.display().to_string().replace('\'', "''");
        // One read transaction: a snapshot, while the server keeps writing.
        db.reader
            .execute_unprepared(&format!("VACUUM INTO '{quoted}'"))
            .await
            .map_err(|e| format!("VACUUM INTO: {e}"))?;
        sync(&copy)?;
        let copied = sea_orm::Database::connect(sqlite_url(&copy)).await.map_err(|e| format!("the copy: {e}"))?;
        let counts = counts(&copied).await?;
        let _ = copied.close().await;
        ("sqlite", counts)
    } else {
        // pg_dump's snapshot is its own: the counts are read just before
        // it, and a restore holds at least these.
        let before = counts(&db.reader).await?;
        let copy = dest.join(POSTGRES_COPY);
        drop(private::private_file(&copy)?);
        let mut command = std::process::Command::new("pg_dump");
        command.arg("--format=custom").arg("--no-owner").arg("--file").arg(&copy);
        if let Some(schema) = &settings.database_schema {
            command.arg("--schema").arg(schema);
        }
        let output = command.arg(settings.database_url()).output().map_err(|e| format!("pg_dump: {e}"))?;
        if !output.status.success() {
            return Err(format!("pg_dump failed: {}", String::from_utf8_lossy(&output.stderr).trim()));
        }
        sync(&copy)?;
        ("postgres", before)
    };
    let issuer_key = match key_in_data_dir(settings) {
        Some(key) if key.exists() => {
            let bytes = std::fs::read(&key).map_err(|e| format!("{}: {e}", key.display()))?;
            private::write_private(&dest.join(KEY), &bytes)?;
            true
        }
        _ => false,
    };
    let copy = dest.join(if database == "sqlite" { SQLITE_COPY } else { POSTGRES_COPY });
    let digest = Some(integrity::digest(&copy)?);
    let manifest = Manifest {
        format: 1,
        version: env!("CARGO_PKG_VERSION").to_string(),
        taken_at,
        database: database.to_string(),
        issuer_key,
        counts,
        digest,
    };
    let json = serde_json::to_vec_pretty(&manifest).map_err(|e| e.to_string())?;
    private::write_private(&dest.join(MANIFEST), &json)?;
    sync(dest)?;
    Ok(manifest)
}

/// Refuses a database file that is not the one the backup recorded;
/// `force` restores it anyway, saying so.
fn check_digest(manifest: &Manifest, copy: &Path, force: bool) -> Result<(), String> {
    let found = integrity::digest(copy)?;
    let problem = match &manifest.digest {
        Some(recorded) if *recorded == found => return Ok(()),
        Some(recorded) => format!(
            "{} is not the file this backup recorded (its digest is {found}, the manifest says {recorded}): \
             it was damaged or changed after the backup",
            copy.display()
        ),
        None => format!("the manifest records no digest of {}, so a change to it cannot be seen", copy.display()),
    };
    if !force {
        return Err(format!("{problem}; nothing was restored (--force restores it anyway)"));
    }
    eprintln!("WARNING: {problem}. Restoring it anyway, because --force was given.");
    tracing::warn!(%problem, "restoring an unverified backup because --force was given");
    Ok(())
}

/// Puts the backup in `src` back into the installation `settings`
/// describe. An installation that already holds data is refused unless
/// `force`; the server must not be running on it.
pub async fn restore(settings: &Settings, src: &Path, force: bool) -> Result<Manifest, String> {
    let manifest: Manifest = serde_json::from_slice(
        &std::fs::read(src.join(MANIFEST)).map_err(|e| format!("{}: {e} (is this a backup folder?)", src.display()))?,
    )
    .map_err(|e| format!("{}: {e}", src.join(MANIFEST).display()))?;
    if manifest.format != 1 {
        return Err(format!("backup format {} is newer than this program knows", manifest.format));
    }
    let copy = src.join(if manifest.database == "postgres" { POSTGRES_COPY } else { SQLITE_COPY });
    check_digest(&manifest, &copy, force)?;
    let restored = if is_sqlite(settings) {
        if manifest.database != "sqlite" {
            return Err(format!("this is a {} backup; the installation uses SQLite", manifest.database));
        }
        std::fs::create_dir_all(&settings.data_dir).map_err(|e| format!("{}: {e}", settings.data_dir.display()))?;
        let target = settings.data_dir.join("learn.db");
        if target.exists() && !force {
            return Err(format!("{} already holds a database: pass --force to replace it", target.display()));
        }
        let staged = settings.data_dir.join("learn.db.restoring");
        let _ = std::fs::remove_file(&staged);
        let mut into = private::private_file(&staged)?;
        std::fs::File::open(&copy)
            .and_then(|mut from| std::io::copy(&mut from, &mut into))
            .and_then(|_| into.sync_all())
            .map_err(|e| format!("copying the database: {e}"))?;
        if let Err(refusal) = integrity::check_sqlite_objects(&staged).await {
            let _ = std::fs::remove_file(&staged);
            return Err(refusal);
        }
        for stale in ["learn.db-wal", "learn.db-shm"] {
            let _ = std::fs::remove_file(settings.data_dir.join(stale));
        }
        std::fs::rename(&staged, &target).map_err(|e| format!("{}: {e}", target.display()))?;
        sync(&settings.data_dir)?;
        let connection =
            sea_orm::Database::connect(sqlite_url(&target)).await.map_err(|e| format!("the restored copy: {e}"))?;
        let restored = counts(&connection).await?;
        let _ = connection.close().await;
        restored
    } else {
        if manifest.database != "postgres" {
            return Err(format!("this is a {} backup; the installation uses PostgreSQL", manifest.database));
        }
        integrity::check_postgres_entries(&copy)?;
        let db = app::db::Db::connect(&settings.database_url(), settings.database_schema.as_deref())
            .await
            .map_err(|e| format!("cannot reach the database: {e}"))?;
        let holds_data = counts(&db.reader).await.map(|counts| counts.accounts > 0).unwrap_or(false);
        if holds_data && !force {
            return Err("the database already holds accounts: pass --force to replace them".into());
        }
        postgres::restore(settings, &copy).await?;
        counts(&db.reader).await?
    };
    if manifest.issuer_key
        && let Some(key) = key_in_data_dir(settings)
    {
        let bytes = std::fs::read(src.join(KEY)).map_err(|e| format!("the backup's issuer key: {e}"))?;
        if key.exists() && std::fs::read(&key).ok().as_deref() != Some(&bytes[..]) && !force {
            return Err(format!("{} is another key: pass --force to replace it", key.display()));
        }
        private::replace_private(&key, &bytes)?;
    }
    let expected = manifest.counts;
    let at_least = |a: Counts| {
        a.accounts >= expected.accounts
            && a.enrolments >= expected.enrolments
            && a.lesson_completions >= expected.lesson_completions
            && a.quiz_attempts >= expected.quiz_attempts
            && a.certificates >= expected.certificates
    };
    let whole = if manifest.database == "sqlite" { restored == expected } else { at_least(restored) };
    if !whole {
        return Err(format!("the restored database holds {restored:?}, the backup said {:?}", manifest.counts));
    }
    Ok(manifest)
}
