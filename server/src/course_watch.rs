//! `serve --watch-courses`: the courses are reloaded as soon as their files
//! change, so that an instructor edits a lesson in an editor and refreshes
//! the phone. The folder is looked at every second (names, sizes and times
//! of every file, no link followed): nothing to install, the same on every
//! system, and cheap for a folder of courses.

use std::path::Path;
use std::time::{Duration, SystemTime};

use app::catalog::{CatalogHandle, LoadOptions, Problem};

/// Logs what a load found: errors (something left out) and warnings.
pub fn log_problems(problems: &[Problem]) {
    for problem in problems {
        if problem.is_error() {
            tracing::error!(%problem, "course error: left out until fixed");
        } else {
            tracing::warn!(%problem, "course warning");
        }
    }
}

/// What the folder looks like: every entry's path, size and change time.
pub fn fingerprint(folder: &Path) -> Vec<(std::path::PathBuf, u64, Option<SystemTime>)> {
    let mut seen = Vec::new();
    let mut pending = vec![(folder.to_path_buf(), 0)];
    while let Some((folder, depth)) = pending.pop() {
        let Ok(listing) = std::fs::read_dir(&folder) else { continue };
        for entry in listing.flatten().take(20_000) {
            let Ok(metadata) = entry.path().symlink_metadata() else { continue };
            if metadata.is_dir() && depth < 10 {
                pending.push((entry.path(), depth + 1));
            }
            seen.push((entry.path(), metadata.len(), metadata.modified().ok()));
        }
    }
    seen.sort();
    seen
}

/// Reloads the courses whenever their files change, until the process ends.
pub async fn watch(catalog: CatalogHandle, folder: std::path::PathBuf, options: LoadOptions) {
    let look = |folder: std::path::PathBuf| tokio::task::spawn_blocking(move || fingerprint(&folder));
    let Ok(mut last) = look(folder.clone()).await else { return };
    tracing::info!(folder = %folder.display(), "watching the courses: they reload when a file changes");
    let mut interval = tokio::time::interval(Duration::from_secs(1));
    loop {
        interval.tick().await;
        let Ok(now) = look(folder.clone()).await else { continue };
        if now == last {
            continue;
        }
        // An editor saves in several steps: wait until the folder is still.
        tokio::time::sleep(Duration::from_millis(300)).await;
        let Ok(settled) = look(folder.clone()).await else { continue };
        last = settled;
        let (reloading, folder_now, options_now) = (catalog.clone(), folder.clone(), options.clone());
        let result = tokio::task::spawn_blocking(move || reloading.reload_with(&folder_now, &options_now)).await;
        match result {
            Ok(Ok(problems)) => {
                log_problems(&problems);
                let errors = problems.iter().filter(|problem| problem.is_error()).count();
                tracing::info!(errors, warnings = problems.len() - errors, "courses changed and reloaded");
            }
            Ok(Err(problems)) => {
                log_problems(&problems);
                tracing::error!(count = problems.len(), "courses not reloaded: the previous version keeps serving");
            }
            Err(_) => tracing::error!("the course reload failed unexpectedly"),
        }
    }
}
