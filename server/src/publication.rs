//! One course version for every instance. Publishing (`SIGHUP` to any
//! instance, or `server courses publish`) records each course's content
//! version in the database (`course_publications`); every instance looks
//! for a newer publication every two seconds (one indexed read of one
//! row), reloads its course files when there is one, and serves the new
//! version only once its files are that version (they may still be on
//! their way to this machine: it tries again at the next look). So a
//! learner who finishes on any instance earns the version that was
//! published, and the completion records it.

use std::collections::BTreeMap;
use std::time::Duration;

use app::catalog::CatalogHandle;
use app::db::Db;
use app::entities::course_publication;
use sea_orm::{DbErr, EntityTrait, QueryOrder};

use crate::config::Settings;

/// How often instances look for a newer publication.
pub const FOLLOW_EVERY: Duration = Duration::from_secs(2);

pub use app::catalog::publication::{publish, versions};

/// The latest publication: its number and versions.
pub async fn latest(db: &Db) -> Result<Option<(i64, BTreeMap<String, String>)>, DbErr> {
    let found =
        course_publication::Entity::find().order_by_desc(course_publication::Column::Id).one(&db.reader).await?;
    Ok(found.map(|row| (row.id, serde_json::from_str(&row.versions).unwrap_or_default())))
}

/// Follows publications for ever: `seen` is the one being served.
pub async fn follow(db: Db, catalog: CatalogHandle, settings: Settings, mut seen: i64) {
    let mut interval = tokio::time::interval(FOLLOW_EVERY);
    interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        interval.tick().await;
        let (number, wanted) = match latest(&db).await {
            Ok(Some(found)) if found.0 > seen => found,
            Ok(_) => continue,
            Err(error) => {
                tracing::warn!(%error, "cannot look for published courses");
                continue;
            }
        };
        let (folder, options) = (settings.courses_dir.clone(), settings.load_options());
        // The studio's courses as published, written here first.
        if let Some(studio) = &options.studio
            && let Err(error) = app::studio::folders::write_published(&db.reader, studio).await
        {
            tracing::warn!(%error, "cannot write the studio's published courses here");
            continue;
        }
        let loaded = tokio::task::spawn_blocking(move || app::catalog::load_with(&folder, &options)).await;
        match loaded {
            Ok(Ok(loaded)) if versions(&loaded.catalog) == wanted => {
                catalog.replace(loaded.catalog);
                seen = number;
                tracing::info!(publication = number, "courses published elsewhere now served here");
            }
            Ok(Ok(loaded)) => tracing::warn!(
                publication = number,
                here = ?versions(&loaded.catalog),
                published = ?wanted,
                "the course files here are not the published version yet; the previous version keeps serving"
            ),
            Ok(Err(problems)) => {
                tracing::error!(publication = number, problems = problems.len(), "the course files here have problems")
            }
            Err(_) => tracing::error!("loading the courses failed unexpectedly"),
        }
    }
}
