//! Making a published version live: written into this instance's folder
//! of studio courses, the catalog reloaded, and a publication recorded so
//! that every other instance writes and serves the same version within
//! seconds (the server's `publication::follow`).

use std::path::PathBuf;

use super::folders;
use crate::catalog::{CatalogHandle, LoadOptions};
use crate::db::Db;

/// Where the courses come from: the folder of courses, how they load (the
/// studio's folder included) and where drafts are written for previews.
#[derive(Clone, Debug)]
pub struct Sources {
    pub folder: PathBuf,
    pub options: LoadOptions,
    pub drafts: PathBuf,
}

impl Sources {
    /// The folder the published studio courses are written into.
    pub fn studio(&self) -> Option<&PathBuf> {
        self.options.studio.as_ref()
    }
}

/// Writes every studio course's latest version here, reloads the catalog
/// and publishes it to every instance; returns the publication's number.
pub async fn serve_published(db: &Db, catalog: &CatalogHandle, sources: &Sources) -> Result<i64, String> {
    if let Some(studio) = sources.studio() {
        folders::write_published(&db.writer, studio).await.map_err(|error| error.to_string())?;
    }
    let (reloading, sources) = (catalog.clone(), sources.clone());
    let reloaded = tokio::task::spawn_blocking(move || reloading.reload_with(&sources.folder, &sources.options))
        .await
        .map_err(|_| "the course reload failed unexpectedly".to_string())?;
    if let Err(problems) = reloaded {
        return Err(format!("{} problems: the previous version keeps serving", problems.len()));
    }
    crate::catalog::publication::publish(db, &catalog.current()).await.map_err(|error| error.to_string())
}
