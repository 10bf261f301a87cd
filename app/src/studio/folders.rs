//! Studio courses as course folders. Every instance writes the published
//! version of each studio course into its own folder of studio courses
//! (`<data dir>/studio`), which the loader reads beside `courses/`; a
//! course is written whole beside its place and swapped in, so the loader
//! never sees half of one. The same writing exports a course, and a
//! folder course is taken into the studio by reading its files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sea_orm::{ConnectionTrait, DbErr};

use super::paths;
use super::store;
use super::versions::{self, Files};
use crate::catalog::files::{self, Entry};
use crate::catalog::problem::Problems;

/// The hidden file that says which version a written course is.
const WRITTEN_VERSION: &str = ".studio-version";

#[derive(Debug, thiserror::Error)]
pub enum FolderError {
    #[error("{0}")]
    Db(#[from] DbErr),
    #[error("{path}: {error}")]
    Io { path: PathBuf, error: std::io::Error },
    #[error("a content of the course is missing from the database: {0}")]
    MissingContent(String),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> FolderError + '_ {
    move |error| FolderError::Io { path: path.to_path_buf(), error }
}

/// Reads every content of `files` from the database.
async fn contents(connection: &impl ConnectionTrait, files: &Files) -> Result<Vec<(String, Vec<u8>)>, FolderError> {
    let mut found = Vec::with_capacity(files.len());
    for (path, hash) in files {
        let bytes = store::blob(connection, hash).await?.ok_or_else(|| FolderError::MissingContent(path.clone()))?;
        found.push((path.clone(), bytes));
    }
    Ok(found)
}

/// Writes `contents` as the course folder `root/course_id` (with `marker`,
/// if any, in its hidden version file), whole, in place of what was there.
fn write_whole(
    root: &Path,
    course_id: &str,
    contents: &[(String, Vec<u8>)],
    marker: Option<&str>,
) -> Result<(), FolderError> {
    std::fs::create_dir_all(root).map_err(io(root))?;
    let staged = tempfile::Builder::new().prefix(".writing-").tempdir_in(root).map_err(io(root))?;
    for (path, bytes) in contents {
        // Paths were checked when kept; checked again before touching disk.
        if paths::kind_of(path).is_err() {
            continue;
        }
        let target = staged.path().join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        std::fs::write(&target, bytes).map_err(io(&target))?;
    }
    if let Some(marker) = marker {
        std::fs::write(staged.path().join(WRITTEN_VERSION), marker).map_err(io(staged.path()))?;
    }
    let place = root.join(course_id);
    let staged = staged.keep();
    if place.exists() {
        let old = tempfile::Builder::new().prefix(".old-").tempdir_in(root).map_err(io(root))?;
        let old = old.path().join(course_id);
        std::fs::rename(&place, &old).map_err(io(&place))?;
        std::fs::rename(&staged, &place).map_err(io(&place))?;
        let _ = std::fs::remove_dir_all(&old);
    } else {
        std::fs::rename(&staged, &place).map_err(io(&place))?;
    }
    Ok(())
}

fn written_marker(root: &Path, course_id: &str) -> Option<String> {
    std::fs::read_to_string(root.join(course_id).join(WRITTEN_VERSION)).ok()
}

/// The version marker of a published version.
fn published_marker(number: i32, files: &Files) -> String {
    format!("{number} {}", store::content_hash(serde_json::to_string(files).unwrap_or_default().as_bytes()))
}

/// Writes the latest version of every studio course into `root` where
/// what is there is not that version (with its instructors as they are
/// now); returns how many were written. A course that cannot be written is
/// said in the log and left as it was: the others are written.
pub async fn write_published(connection: &impl ConnectionTrait, root: &Path) -> Result<usize, FolderError> {
    let mut written = 0;
    let rows = store::courses(connection).await?;
    for (course_id, version) in versions::every_latest(connection).await? {
        let instructors =
            rows.iter().find(|row| row.course_id == course_id).map(store::instructors_of).unwrap_or_default();
        let marker = format!("{} {}", published_marker(version.number, &version.files), instructors.join(","));
        if written_marker(root, &course_id).as_deref() == Some(marker.as_str()) {
            continue;
        }
        let mut contents = contents(connection, &version.files).await?;
        with_instructors(&mut contents, &instructors);
        let (root, id) = (root.to_path_buf(), course_id.clone());
        let done = tokio::task::spawn_blocking(move || write_whole(&root, &id, &contents, Some(&marker)))
            .await
            .map_err(|_| FolderError::MissingContent("the writing task failed".into()))?;
        match done {
            Ok(()) => written += 1,
            Err(error) => tracing::error!(%error, course = course_id, "a studio course could not be written here"),
        }
    }
    Ok(written)
}

/// Writes the course's draft into `root` (for its preview), unless what
/// is there is that draft revision already; returns the folder and the
/// revision it holds. The caller keeps one writer per course (`preview`).
pub async fn write_draft(
    connection: &impl ConnectionTrait,
    root: &Path,
    course_id: &str,
) -> Result<(PathBuf, i64), FolderError> {
    let revision_now = || async {
        let row = store::course(connection, course_id).await?.ok_or_else(|| DbErr::RecordNotFound(course_id.into()))?;
        Ok::<_, FolderError>(row)
    };
    // The files as they were at one revision: read again if a save came in between.
    for _ in 0..5 {
        let row = revision_now().await?;
        let marker = format!("draft {}", row.draft_revision);
        if written_marker(root, course_id).as_deref() == Some(marker.as_str()) {
            return Ok((root.join(course_id), row.draft_revision));
        }
        let files = versions::draft_files(connection, course_id).await?;
        let mut contents = contents(connection, &files).await?;
        if revision_now().await?.draft_revision != row.draft_revision {
            continue;
        }
        with_instructors(&mut contents, &store::instructors_of(&row));
        let (folder, id) = (root.to_path_buf(), course_id.to_string());
        tokio::task::spawn_blocking(move || write_whole(&folder, &id, &contents, Some(&marker)))
            .await
            .map_err(|_| FolderError::MissingContent("the writing task failed".into()))??;
        return Ok((root.join(course_id), row.draft_revision));
    }
    Err(FolderError::MissingContent(format!("{course_id}: the draft keeps changing; try again")))
}

/// The course's `course.toml` naming `instructors`, whatever its text says:
/// who teaches a studio course is the administrators' choice (its row), not
/// its authors'.
fn with_instructors(contents: &mut [(String, Vec<u8>)], instructors: &[String]) {
    for (path, bytes) in contents.iter_mut() {
        if path != "course.toml" {
            continue;
        }
        let Ok(mut table) = String::from_utf8_lossy(bytes).parse::<toml::Table>() else { continue };
        let names = instructors.iter().map(|name| toml::Value::String(name.clone())).collect();
        table.insert("instructors".into(), toml::Value::Array(names));
        if let Ok(text) = toml::to_string(&table) {
            *bytes = text.into_bytes();
        }
    }
}

/// Writes the latest published version of a course as the folder
/// `dir/course_id` (`server courses export`); `false` when the course was
/// never published.
pub async fn export(connection: &impl ConnectionTrait, course_id: &str, dir: &Path) -> Result<bool, FolderError> {
    let Some(version) = versions::latest(connection, course_id).await? else { return Ok(false) };
    let mut contents = contents(connection, &version.files).await?;
    let instructors = store::course(connection, course_id).await?.map(|row| store::instructors_of(&row));
    with_instructors(&mut contents, &instructors.unwrap_or_default());
    let (dir, id) = (dir.to_path_buf(), course_id.to_string());
    // A folder of its own now: nothing says which studio version it was.
    tokio::task::spawn_blocking(move || write_whole(&dir, &id, &contents, None))
        .await
        .map_err(|_| FolderError::MissingContent("the writing task failed".into()))??;
    Ok(true)
}

/// The latest published version of a course as a ZIP of its folder
/// (`ID/…`), written into an unnamed temporary file: what an author
/// downloads to keep or to put in `courses/`. `None` when the course was
/// never published. The contents are read first (a course holds at most
/// `paths::MAX_COURSE_BYTES`); the archive is never in memory.
pub async fn export_zip(
    connection: &impl ConnectionTrait,
    course_id: &str,
) -> Result<Option<std::fs::File>, FolderError> {
    let Some(version) = versions::latest(connection, course_id).await? else { return Ok(None) };
    let mut contents = contents(connection, &version.files).await?;
    let instructors = store::course(connection, course_id).await?.map(|row| store::instructors_of(&row));
    with_instructors(&mut contents, &instructors.unwrap_or_default());
    let id = course_id.to_string();
    let written = tokio::task::spawn_blocking(move || -> std::io::Result<std::fs::File> {
        use std::io::{Seek, Write};
        let mut file = tempfile::tempfile()?;
        let entries = contents.into_iter().map(|(path, bytes)| Ok((format!("{id}/{path}"), bytes)));
        let mut out = std::io::BufWriter::new(&mut file);
        crate::catalog::archive::write_zip(&mut out, entries)?;
        out.flush()?;
        drop(out);
        file.rewind()?;
        Ok(file)
    })
    .await
    .map_err(|_| FolderError::MissingContent("the writing task failed".into()))?
    .map_err(|error| FolderError::Io { path: PathBuf::from(course_id), error })?;
    Ok(Some(written))
}

/// The files of a course folder the studio keeps (`path → bytes`), read
/// as the loader reads them (no links followed, sizes bounded), and the
/// paths it leaves out, with why.
pub fn read_course_folder(folder: &Path) -> (BTreeMap<String, Vec<u8>>, Vec<String>) {
    let mut kept = BTreeMap::new();
    let mut left_out = Vec::new();
    let mut problems = Problems::default();
    let mut pending = vec![(folder.to_path_buf(), 0)];
    while let Some((current, depth)) = pending.pop() {
        for entry in files::entries(&current, &mut problems) {
            match entry {
                Entry::Folder(inner) if depth < 3 => pending.push((inner, depth + 1)),
                Entry::Folder(inner) => left_out.push(format!("{}: folders nest too deep", inner.display())),
                Entry::File(file) => {
                    let relative = file.strip_prefix(folder).unwrap_or(&file).to_string_lossy().replace('\\', "/");
                    let Ok(kind) = paths::kind_of(&relative) else {
                        left_out.push(format!("{relative}: not a file the studio keeps"));
                        continue;
                    };
                    match files::read_regular(&file, kind.max_bytes() as u64) {
                        Ok(bytes) if paths::content_matches(&relative, &kind, &bytes) => {
                            kept.insert(relative, bytes);
                        }
                        Ok(_) => left_out.push(format!("{relative}: its content is not what its name says")),
                        Err(error) => left_out.push(format!("{relative}: {error}")),
                    }
                }
            }
        }
    }
    left_out.extend(problems.into_vec().into_iter().map(|problem| problem.to_string()));
    (kept, left_out)
}
