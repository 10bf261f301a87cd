//! A draft as learners would see it: the draft's files written into this
//! instance's folder of drafts and loaded by the same loader, so the
//! preview is the learner's page (same renderer, same checks), with every
//! problem `courses check` would report. A text not saved yet is
//! previewed in a scratch copy of the draft (its files hard-linked, the
//! one file written), removed afterwards.

use std::path::{Path, PathBuf};

use sea_orm::ConnectionTrait;

use super::folders::{self, FolderError};
use super::paths;
use crate::catalog::{Course, LoadOptions, Problem, load_one};

/// A draft course loaded, and its problems with paths relative to it.
pub struct Draft {
    pub course: Option<Course>,
    pub problems: Vec<Problem>,
    /// The draft revision loaded: what a publish after this check names.
    pub revision: i64,
}

/// One writer and loader of a course's draft folder at a time (on this
/// instance; every instance has its own folder).
fn course_lock(course_id: &str) -> std::sync::Arc<tokio::sync::Mutex<()>> {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex, OnceLock};
    static LOCKS: OnceLock<Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>> = OnceLock::new();
    let mut locks = LOCKS.get_or_init(Default::default).lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    // Forget locks nobody holds, so that the map stays as small as the work.
    locks.retain(|_, lock| Arc::strong_count(lock) > 1);
    locks.entry(course_id.to_string()).or_default().clone()
}

/// Loads the course's draft (with `replaced`: one file's text in place of
/// the saved one) from the drafts folder `root`.
pub async fn load_draft(
    connection: &impl ConnectionTrait,
    root: &Path,
    course_id: &str,
    replaced: Option<(String, Vec<u8>)>,
    options: LoadOptions,
) -> Result<Draft, FolderError> {
    let lock = course_lock(course_id);
    let _writing = lock.lock().await;
    let (folder, revision) = folders::write_draft(connection, root, course_id).await?;
    let root = root.to_path_buf();
    let loaded = tokio::task::spawn_blocking(move || match replaced {
        None => Ok::<_, FolderError>(relative(load_one(&folder, &options), &folder, revision)),
        Some((path, bytes)) => {
            let scratch = tempfile::Builder::new()
                .prefix(".preview-")
                .tempdir_in(&root)
                .map_err(|error| FolderError::Io { path: root.clone(), error })?;
            let copy = scratch.path().join(folder.file_name().unwrap_or_default());
            link_tree(&folder, &copy).map_err(|error| FolderError::Io { path: copy.clone(), error })?;
            if paths::kind_of(&path).is_ok() {
                let target = copy.join(&path);
                let _ = std::fs::remove_file(&target);
                if let Some(parent) = target.parent() {
                    std::fs::create_dir_all(parent).map_err(|error| FolderError::Io { path: target.clone(), error })?;
                }
                std::fs::write(&target, bytes).map_err(|error| FolderError::Io { path: target.clone(), error })?;
            }
            Ok(relative(load_one(&copy, &options), &copy, revision))
        }
    })
    .await
    .map_err(|_| FolderError::MissingContent("the preview task failed".into()))??;
    Ok(loaded)
}

/// The problems' paths made relative to the course folder: no server
/// path reaches a page.
fn relative((course, problems): (Option<Course>, Vec<Problem>), folder: &Path, revision: i64) -> Draft {
    let strip = |mut problem: Problem| {
        problem.path = problem
            .path
            .strip_prefix(folder)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| PathBuf::from(problem.path.file_name().unwrap_or_default()));
        problem
    };
    let course = course.map(|mut course| {
        course.problems = std::mem::take(&mut course.problems).into_iter().map(strip).collect();
        course
    });
    Draft { problems: problems.into_iter().map(strip).collect(), course, revision }
}

/// `from`'s files hard-linked into a new folder `to` (no bytes copied).
fn link_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let target = to.join(entry.file_name());
        if kind.is_dir() {
            link_tree(&entry.path(), &target)?;
        } else if kind.is_file() {
            std::fs::hard_link(entry.path(), &target)?;
        }
    }
    Ok(())
}
