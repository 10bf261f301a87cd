//! What a restore checks before it puts anything back: that the database
//! file is the one the backup recorded (its SHA-256 in the manifest), and
//! that it carries nothing the migrations do not create. A trigger or a
//! view in a restored database would run with the server's rights on every
//! write; a changed file may have been edited to make someone an
//! administrator.
//!
//! The digest catches damage and any edit made without also rewriting the
//! manifest; the object check holds whatever was edited. Neither replaces
//! keeping backups where only their owner can write (docs/operators/backups.md).

use std::io::Read;
use std::path::Path;

use sea_orm::{ConnectionTrait, DbBackend, Statement};
use sha2::{Digest, Sha256};

/// `sha256:` and the hex SHA-256 of the file at `path`, read in pieces.
pub fn digest(path: &Path) -> Result<String, String> {
    let error = |e: std::io::Error| format!("{}: {e}", path.display());
    let mut file = std::fs::File::open(path).map_err(error)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        let read = file.read(&mut buffer).map_err(error)?;
        if read == 0 {
            break;
        }
        hasher.update(&buffer[..read]);
    }
    let hex: String = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
    Ok(format!("sha256:{hex}"))
}

/// The schema of a SQLite database: each object's kind, name, table and
/// SQL (whitespace evened out), SQLite's own bookkeeping left out.
async fn sqlite_objects(connection: &impl ConnectionTrait) -> Result<Vec<String>, String> {
    let rows = connection
        .query_all_raw(Statement::from_string(DbBackend::Sqlite, "SELECT type, name, tbl_name, sql FROM sqlite_master"))
        .await
        .map_err(|e| format!("cannot read the copy's schema: {e}"))?;
    let mut objects = Vec::new();
    for row in rows {
        let kind: String = row.try_get("", "type").map_err(|e| e.to_string())?;
        let name: String = row.try_get("", "name").map_err(|e| e.to_string())?;
        let table: String = row.try_get("", "tbl_name").map_err(|e| e.to_string())?;
        let sql: Option<String> = row.try_get("", "sql").map_err(|e| e.to_string())?;
        // Statistics and counters SQLite keeps as it likes.
        if kind == "table" && (name == "sqlite_sequence" || name.starts_with("sqlite_stat")) {
            continue;
        }
        let sql = sql.unwrap_or_default().split_whitespace().collect::<Vec<_>>().join(" ");
        objects.push(format!("{kind} {name} on {table}: {sql}"));
    }
    objects.sort();
    Ok(objects)
}

/// The migrations a SQLite database has had, in the order this program
/// knows them; refused when they are not the first of ours.
async fn applied_migrations(connection: &impl ConnectionTrait) -> Result<usize, String> {
    use sea_orm_migration::MigratorTrait;
    let rows = connection
        .query_all_raw(Statement::from_string(DbBackend::Sqlite, "SELECT version FROM seaql_migrations"))
        .await
        .map_err(|e| format!("the copy has no list of its migrations: {e}"))?;
    let mut applied: Vec<String> = rows
        .iter()
        .map(|row| row.try_get::<String>("", "version").map_err(|e| e.to_string()))
        .collect::<Result<_, _>>()?;
    applied.sort();
    let ours: Vec<String> =
        migrations::Migrator::migrations().iter().map(|migration| migration.name().to_string()).collect();
    let mut first: Vec<String> = ours.iter().take(applied.len()).cloned().collect();
    first.sort();
    if first != applied {
        return Err("the copy's migrations are not this program's (a newer program made it, or it was changed)".into());
    }
    Ok(applied.len())
}

/// Refuses a SQLite database whose schema is not exactly the one this
/// program's migrations make, up to the migrations it has had: a trigger,
/// a view, a table or index added, changed (a new default, a key action)
/// or missing.
pub async fn check_sqlite_objects(copy: &Path) -> Result<(), String> {
    use sea_orm_migration::MigratorTrait;
    let restored = sea_orm::Database::connect(format!("sqlite://{}?mode=ro", copy.display()))
        .await
        .map_err(|e| format!("the copy: {e}"))?;
    let found = async {
        let applied = applied_migrations(&restored).await?;
        Ok::<_, String>((applied, sqlite_objects(&restored).await?))
    }
    .await;
    let _ = restored.close().await;
    let (applied, found) = found?;
    let fresh = sea_orm::Database::connect("sqlite::memory:").await.map_err(|e| e.to_string())?;
    let steps = u32::try_from(applied).map_err(|e| e.to_string())?;
    migrations::Migrator::up(&fresh, Some(steps)).await.map_err(|e| format!("migrating a fresh database: {e}"))?;
    let known = sqlite_objects(&fresh).await?;
    let _ = fresh.close().await;
    let mut differences: Vec<String> =
        found.iter().filter(|object| !known.contains(object)).map(|object| format!("unknown {object}")).collect();
    differences.extend(known.iter().filter(|object| !found.contains(object)).map(|object| format!("missing {object}")));
    refuse_foreign(&differences)
}

/// What a dump of our schema holds; anything else in `pg_restore --list`
/// (a function, a trigger, a rule, a view, a policy, an extension…) is not
/// ours.
const POSTGRES_ENTRIES: [&str; 14] = [
    "TABLE DATA",
    "TABLE",
    "SEQUENCE SET",
    "SEQUENCE OWNED BY",
    "SEQUENCE",
    "DEFAULT",
    "FK CONSTRAINT",
    "CONSTRAINT",
    "INDEX",
    "SCHEMA",
    "COMMENT",
    "ENCODING",
    "STDSTRINGS",
    "SEARCHPATH",
];

/// Refuses a PostgreSQL dump holding anything but tables, their data,
/// sequences, keys and indexes.
pub fn check_postgres_entries(dump: &Path) -> Result<(), String> {
    let output = std::process::Command::new("pg_restore")
        .arg("--list")
        .arg(dump)
        .output()
        .map_err(|e| format!("pg_restore --list: {e}"))?;
    if !output.status.success() {
        return Err(format!("pg_restore --list failed: {}", String::from_utf8_lossy(&output.stderr).trim()));
    }
    let listing = String::from_utf8_lossy(&output.stdout);
    let foreign: Vec<String> = listing
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with(';'))
        .filter(|line| !postgres_entry_is_ours(line))
        .map(|line| line.to_string())
        .collect();
    refuse_foreign(&foreign)
}

/// `3340; 0 16386 TABLE DATA public users postgres`: the kind follows the
/// entry's number and two object ids.
fn postgres_entry_is_ours(line: &str) -> bool {
    let Some((_, rest)) = line.split_once("; ") else { return false };
    let kind = rest.splitn(3, ' ').nth(2).unwrap_or_default();
    if kind.starts_with("CONSTRAINT TRIGGER") {
        return false;
    }
    POSTGRES_ENTRIES.iter().any(|ours| kind.strip_prefix(ours).is_some_and(|after| after.starts_with(' ')))
}

fn refuse_foreign(foreign: &[String]) -> Result<(), String> {
    if foreign.is_empty() {
        return Ok(());
    }
    Err(format!(
        "the backup's database holds what this program never creates, so it was changed by hand or by an attacker; \
         nothing was restored: {}",
        foreign.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_kinds_of_postgres_entries_pass() {
        assert!(postgres_entry_is_ours("3340; 0 16386 TABLE DATA public users postgres"));
        assert!(postgres_entry_is_ours("215; 1259 16385 TABLE public users postgres"));
        assert!(postgres_entry_is_ours("3121; 2606 16400 CONSTRAINT public users users_pkey postgres"));
        assert!(!postgres_entry_is_ours("216; 1255 16390 FUNCTION public promote() postgres"));
        assert!(!postgres_entry_is_ours("3200; 2620 16391 TRIGGER public users again postgres"));
        assert!(!postgres_entry_is_ours("3201; 2618 16392 RULE public users r postgres"));
        assert!(!postgres_entry_is_ours("3202; 1259 16393 VIEW public v postgres"));
        assert!(!postgres_entry_is_ours("3203; 3466 16394 EVENT TRIGGER - e postgres"));
        assert!(!postgres_entry_is_ours("3204; 2620 16395 CONSTRAINT TRIGGER public users c postgres"));
        assert!(!postgres_entry_is_ours("not an entry"));
    }
}
