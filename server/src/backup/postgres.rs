//! Restoring a PostgreSQL backup: what runs is what was checked.
//!
//! `pg_restore` turns the dump into one SQL script (written to a private
//! temporary file). That script is read line by line into its *shape*:
//! every statement, with each table's data left out (only its `COPY`
//! line kept) and each sequence's value blanked. The shape must equal,
//! line for line, the shape of a fresh scratch database migrated to the
//! same migrations and dumped by the same tools. Only then is that very
//! script run, in one transaction, by `psql`.
//!
//! A dump's table of contents can be edited to label a function
//! "TABLE", a `COPY` statement can carry SQL before it, a default can be
//! changed: all of these change the script's statements and are refused.
//! What is left, the rows between `COPY … FROM stdin;` and `\.`, is data
//! `COPY` reads as data; nothing in it runs.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::Command;

use sea_orm::ConnectionTrait;

use super::private;
use crate::config::Settings;

/// A file removed when dropped.
struct Temporary(PathBuf);

impl Temporary {
    fn private(kind: &str) -> Result<Temporary, String> {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos();
        let path = std::env::temp_dir().join(format!("learn-restore-{}-{nanos}.{kind}", std::process::id()));
        drop(private::private_file(&path)?);
        Ok(Temporary(path))
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn run(command: &mut Command, what: &str) -> Result<(), String> {
    let output = command.output().map_err(|e| format!("{what}: {e}"))?;
    if !output.status.success() {
        return Err(format!("{what} failed: {}", String::from_utf8_lossy(&output.stderr).trim()));
    }
    Ok(())
}

/// The SQL script `pg_restore` makes of `dump`, in a private file.
fn script_of(dump: &Path) -> Result<Temporary, String> {
    let script = Temporary::private("sql")?;
    run(
        Command::new("pg_restore")
            .args(["--clean", "--if-exists", "--no-owner", "--no-privileges", "--file"])
            .arg(&script.0)
            .arg(dump),
        "pg_restore",
    )?;
    Ok(script)
}

/// A script's statements with its data left out, and the migrations its
/// data records.
#[derive(Debug, Default, PartialEq)]
struct Shape {
    lines: Vec<String>,
    migrations: Vec<String>,
}

/// `SELECT pg_catalog.setval('public.users_id_seq', 42, true);` with its
/// value blanked; `None` for any other line.
fn blank_sequence_value(line: &str) -> Option<String> {
    let rest = line.strip_prefix("SELECT pg_catalog.setval('")?.strip_suffix(");")?;
    let (name, values) = rest.split_once("', ")?;
    let (value, called) = values.split_once(", ")?;
    let sound_name = !name.is_empty() && !name.contains(['\'', '\\', ';']);
    let sound_value = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit());
    (sound_name && sound_value && matches!(called, "true" | "false"))
        .then(|| format!("SELECT pg_catalog.setval('{name}', _, _);"))
}

/// Reads a script's shape. A table's rows run from its `COPY … FROM
/// stdin;` line to `\.`, exactly as `psql` reads them.
fn shape_of(script: impl BufRead) -> Result<Shape, String> {
    let mut shape = Shape::default();
    let mut copying: Option<bool> = None;
    for line in script.lines() {
        let line = line.map_err(|e| format!("reading the restore script: {e}"))?;
        if let Some(migrations) = copying {
            if line == "\\." {
                copying = None;
            } else if migrations {
                shape.migrations.push(line.split('\t').next().unwrap_or_default().to_string());
            }
            continue;
        }
        // Comments, blank lines and the random key of `\restrict`.
        if line.trim().is_empty()
            || line.starts_with("--")
            || line.starts_with("\\restrict ")
            || line.starts_with("\\unrestrict ")
        {
            continue;
        }
        if line.starts_with("COPY ") && line.ends_with(" FROM stdin;") {
            copying = Some(line.split(' ').nth(1).is_some_and(|table| table.ends_with(".seaql_migrations")));
            shape.lines.push(line);
            continue;
        }
        shape.lines.push(blank_sequence_value(&line).unwrap_or(line));
    }
    if copying.is_some() {
        return Err("the restore script ends inside a table's rows".into());
    }
    Ok(shape)
}

fn read_shape(script: &Path) -> Result<Shape, String> {
    let file = std::fs::File::open(script).map_err(|e| format!("{}: {e}", script.display()))?;
    shape_of(std::io::BufReader::new(file))
}

/// `url` with its database name replaced by `database`.
fn with_database(url: &str, database: &str) -> Result<String, String> {
    let (scheme, rest) = url.split_once("://").ok_or("the database URL has no scheme")?;
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    let query = path.split_once('?').map(|(_, query)| format!("?{query}")).unwrap_or_default();
    Ok(format!("{scheme}://{authority}/{database}{query}"))
}

/// The shape of a fresh database migrated through `migrations`, dumped
/// the way `server backup` dumps, in a scratch database dropped after.
async fn fresh_shape(settings: &Settings, migrations: usize) -> Result<Shape, String> {
    use sea_orm_migration::MigratorTrait;
    let url = settings.database_url();
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().subsec_nanos();
    let scratch = format!("learn_restore_check_{}_{nanos}", std::process::id());
    let admin = sea_orm::Database::connect(&url).await.map_err(|e| format!("cannot reach the database: {e}"))?;
    admin
        .execute_unprepared(&format!("CREATE DATABASE \"{scratch}\""))
        .await
        .map_err(|e| format!("the restore check makes a scratch database to compare with, and could not: {e}"))?;
    let scratch_url = with_database(&url, &scratch)?;
    let shape = async {
        let db = app::db::Db::connect(&scratch_url, settings.database_schema.as_deref())
            .await
            .map_err(|e| format!("the scratch database: {e}"))?;
        let steps = u32::try_from(migrations).map_err(|e| e.to_string())?;
        let migrated = migrations::Migrator::up(&db.writer, Some(steps)).await;
        db.writer.clone().close().await.ok();
        migrated.map_err(|e| format!("migrating the scratch database: {e}"))?;
        let dump = Temporary::private("pgdump")?;
        let mut command = Command::new("pg_dump");
        command.args(["--format=custom", "--no-owner", "--file"]).arg(&dump.0);
        if let Some(schema) = &settings.database_schema {
            command.arg("--schema").arg(schema);
        }
        run(command.arg(&scratch_url), "pg_dump of the scratch database")?;
        read_shape(&script_of(&dump.0)?.0)
    }
    .await;
    let dropped = admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{scratch}\" WITH (FORCE)")).await;
    let _ = admin.close().await;
    if let Err(error) = dropped {
        tracing::warn!(%error, scratch, "the restore check's scratch database was not dropped");
    }
    shape
}

/// The migrations recorded in a dump, checked to be the first of ours.
fn applied(recorded: &[String]) -> Result<usize, String> {
    use sea_orm_migration::MigratorTrait;
    let mut recorded = recorded.to_vec();
    recorded.sort();
    let mut first: Vec<String> = migrations::Migrator::migrations()
        .iter()
        .take(recorded.len())
        .map(|migration| migration.name().to_string())
        .collect();
    first.sort();
    if first != recorded {
        return Err(
            "the backup's migrations are not this program's (a newer program made it, or it was changed)".into()
        );
    }
    Ok(recorded.len())
}

/// What differs between two shapes, for the refusal.
fn differences(found: &Shape, fresh: &Shape) -> Vec<String> {
    let mut differences: Vec<String> = found
        .lines
        .iter()
        .filter(|line| !fresh.lines.contains(line))
        .map(|line| format!("unknown `{}`", line.trim()))
        .collect();
    differences.extend(
        fresh.lines.iter().filter(|line| !found.lines.contains(line)).map(|line| format!("missing `{}`", line.trim())),
    );
    if differences.is_empty() {
        differences.push("the same statements in another order".into());
    }
    differences.truncate(20);
    differences
}

/// Checks the script `pg_restore` makes of `dump` against a fresh
/// schema, then runs it into the installation's database in one
/// transaction.
pub async fn restore(settings: &Settings, dump: &Path) -> Result<(), String> {
    let script = script_of(dump)?;
    let found = read_shape(&script.0)?;
    let fresh = fresh_shape(settings, applied(&found.migrations)?).await?;
    if found.lines != fresh.lines {
        return Err(format!(
            "the backup's database is not what this program's migrations make, so it was changed by hand or by an \
             attacker; nothing was restored: {}",
            differences(&found, &fresh).join(", ")
        ));
    }
    run(
        Command::new("psql")
            .args(["--no-psqlrc", "--quiet", "--set", "ON_ERROR_STOP=1", "--single-transaction", "--file"])
            .arg(&script.0)
            .arg("--dbname")
            .arg(settings.database_url()),
        "psql",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_left_out_and_sequence_values_blanked() {
        let script = "--\n-- PostgreSQL database dump\n\\restrict abc\nSET x = 1;\n\
                      COPY public.users (id, role) FROM stdin;\n1\tadmin\nDROP TABLE x;\n\\.\n\
                      COPY public.seaql_migrations (version, applied_at) FROM stdin;\nm1\t5\nm2\t6\n\\.\n\
                      SELECT pg_catalog.setval('public.users_id_seq', 42, true);\n\\unrestrict abc\n";
        let shape = shape_of(script.as_bytes()).unwrap();
        assert_eq!(
            shape.lines,
            [
                "SET x = 1;",
                "COPY public.users (id, role) FROM stdin;",
                "COPY public.seaql_migrations (version, applied_at) FROM stdin;",
                "SELECT pg_catalog.setval('public.users_id_seq', _, _);",
            ]
        );
        assert_eq!(shape.migrations, ["m1", "m2"]);
    }

    #[test]
    fn sql_beside_a_copy_or_a_sequence_value_is_kept_to_be_compared() {
        let script = "SELECT evil(); COPY public.users (id) FROM stdin;\n\
                      SELECT pg_catalog.setval('s', 1, true); SELECT evil();\n";
        let shape = shape_of(script.as_bytes()).unwrap();
        assert_eq!(shape.lines.len(), 2);
        assert!(shape.lines.iter().all(|line| line.contains("evil")));
        assert!(shape_of("COPY public.users (id) FROM stdin;\n1\n".as_bytes()).is_err());
    }

    #[test]
    fn a_scratch_database_keeps_the_server_and_the_options() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/test?sslmode=disable", "scratch").unwrap(),
            "postgres://postgres@127.0.0.1:5432/scratch?sslmode=disable"
        );
        assert_eq!(with_database("postgres://h", "s").unwrap(), "postgres://h/s");
    }
}
