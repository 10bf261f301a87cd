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
    let folder = folders::write_draft(connection, root, course_id).await?;
    let root = root.to_path_buf();
    let loaded = tokio::task::spawn_blocking(move || match replaced {
        None => Ok::<_, FolderError>(relative(load_one(&folder, &options), &folder)),
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
            Ok(relative(load_one(&copy, &options), &copy))
        }
    })
    .await
    .map_err(|_| FolderError::MissingContent("the preview task failed".into()))??;
    Ok(loaded)
}

/// The problems' paths made relative to the course folder: no server
/// path reaches a page.
fn relative((course, problems): (Option<Course>, Vec<Problem>), folder: &Path) -> Draft {
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
    Draft { problems: problems.into_iter().map(strip).collect(), course }
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
