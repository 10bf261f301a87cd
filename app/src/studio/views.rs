//! The studio's pages, as plain data: the draft's outline read from its
//! files, its problems from loading it as learners would get it, a file
//! for its editor, the history and comparisons. Who may see them is the
//! caller's question (`policy`); nothing here decides it.

use std::collections::BTreeMap;

use sea_orm::{ColumnTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};

use super::live::Sources;
use super::paths::{self, FileKind};
use super::preview::{self, Draft};
use super::{store, versions};
use crate::catalog::Problem;
use crate::db::Db;
use crate::entities::{studio_course, user};
use crate::language::Language;
use crate::model::{
    FileDiff, Proposal, SettingsForm, StudioCourse, StudioFile, StudioHistory, StudioLesson, StudioModule,
    StudioProblem, VersionRow,
};

/// Usernames of the accounts `ids` names.
pub async fn usernames(db: &Db, ids: Vec<i64>) -> Result<BTreeMap<i64, String>, DbErr> {
    let rows: Vec<(i64, String)> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .column(user::Column::Username)
        .filter(user::Column::Id.is_in(ids))
        .into_tuple()
        .all(&db.reader)
        .await?;
    Ok(rows.into_iter().collect())
}

pub fn problem_view(problem: &Problem) -> StudioProblem {
    StudioProblem {
        path: problem.path.to_string_lossy().replace('\\', "/"),
        line: problem.line,
        error: problem.is_error(),
        message: problem.message.clone(),
    }
}

/// A lesson's title and id as its front matter gives them (the id is the
/// file's name without its number, unless the front matter names one).
pub fn lesson_heading(path: &str, text: &str) -> (String, String) {
    let name = path.rsplit('/').next().unwrap_or_default();
    let stem = name.strip_suffix(".md").unwrap_or(name);
    let stem = stem.split_once('.').map(|(stem, _)| stem).unwrap_or(stem);
    let slug = crate::catalog::slug::split_order_prefix(stem).map(|(_, slug)| slug).unwrap_or(stem).to_string();
    #[derive(serde::Deserialize)]
    struct Heading {
        title: String,
        id: Option<String>,
    }
    let mut problems = crate::catalog::problem::Problems::default();
    let found = crate::catalog::manifest::lesson_parts::<toml::Table>(text, std::path::Path::new(path), &mut problems)
        .and_then(|(table, _)| toml::Value::Table(table).try_into::<Heading>().ok());
    match found {
        Some(Heading { title, id }) => (crate::catalog::manifest::plain(&title), id.unwrap_or(slug)),
        None => (name.to_string(), slug),
    }
}

/// The draft's modules and lessons, from its files.
async fn outline(db: &Db, files: &BTreeMap<String, String>) -> Result<(Vec<StudioModule>, String, Language), DbErr> {
    let text = |hash: &String| {
        let hash = hash.clone();
        async move {
            store::blob(&db.reader, &hash)
                .await
                .map(|bytes| String::from_utf8_lossy(&bytes.unwrap_or_default()).into_owned())
        }
    };
    let settings = match files.get("course.toml") {
        Some(hash) => super::settings_of(&text(hash).await?),
        None => None,
    };
    let (title, language) = settings.map(|settings| (settings.title, settings.language)).unwrap_or_default();
    let mut modules: BTreeMap<String, StudioModule> = BTreeMap::new();
    for (path, hash) in files {
        let Some((folder, _)) = path.split_once('/') else { continue };
        match paths::kind_of(path) {
            Ok(FileKind::Module) => {
                #[derive(serde::Deserialize)]
                struct Named {
                    title: String,
                }
                let title = toml::from_str::<toml::Table>(&text(hash).await?)
                    .ok()
                    .and_then(|table| toml::Value::Table(table).try_into::<Named>().ok())
                    .map(|named| named.title)
                    .unwrap_or_else(|| folder.to_string());
                modules.entry(folder.to_string()).or_insert_with(|| empty_module(folder)).title = title;
            }
            Ok(FileKind::Lesson { translation: None }) => {
                let (title, id) = lesson_heading(path, &text(hash).await?);
                let lesson = StudioLesson { path: path.clone(), id, title, translations: Vec::new() };
                modules.entry(folder.to_string()).or_insert_with(|| empty_module(folder)).lessons.push(lesson);
            }
            _ => {}
        }
    }
    for path in files.keys() {
        if let Ok(FileKind::Lesson { translation: Some(language) }) = paths::kind_of(path) {
            let original = translation_original(path);
            let Some((folder, _)) = path.split_once('/') else { continue };
            if let Some(lesson) = modules
                .get_mut(folder)
                .and_then(|module| module.lessons.iter_mut().find(|lesson| lesson.path == original))
            {
                lesson.translations.push((language, path.clone()));
            }
        }
    }
    Ok((modules.into_values().collect(), title, language))
}

fn empty_module(folder: &str) -> StudioModule {
    StudioModule { folder: folder.to_string(), title: folder.to_string(), lessons: Vec::new() }
}

/// `01-a/02-b.ur.md` → `01-a/02-b.md`.
pub fn translation_original(path: &str) -> String {
    match path.strip_suffix(".md").and_then(|stem| stem.rsplit_once('.')) {
        Some((stem, _)) => format!("{stem}.md"),
        None => path.to_string(),
    }
}

/// The settings of `course.toml` as their form shows them.
pub fn settings_form(settings: super::CourseSettings) -> SettingsForm {
    SettingsForm {
        title: settings.title,
        summary: settings.summary,
        language: settings.language,
        level: settings.level,
        hours: settings.hours.map(|hours| hours.to_string()),
        access: settings.access,
        enrolment: settings.enrolment,
        certificate_issued: settings.certificate_issued,
        min_average_score: settings.min_average_score.map(|score| score.to_string()),
        translations: settings
            .translations
            .into_iter()
            .map(|(language, (title, summary))| (language, title, summary.unwrap_or_default()))
            .collect(),
    }
}

/// `/studio/{course}` for a course whose row is `row`.
pub async fn course_page(db: &Db, sources: &Sources, row: &studio_course::Model) -> Result<StudioCourse, String> {
    let files = versions::draft_files(&db.reader, &row.course_id).await.map_err(|e| e.to_string())?;
    let (modules, title, language) = outline(db, &files).await.map_err(|e| e.to_string())?;
    let sizes = store::sizes(&db.reader, files.values().cloned().collect()).await.map_err(|e| e.to_string())?;
    let others = files
        .iter()
        .filter(|(path, _)| matches!(paths::kind_of(path), Ok(FileKind::Picture | FileKind::Download)))
        .map(|(path, hash)| StudioFile { path: path.clone(), bytes: sizes.get(hash).copied().unwrap_or_default() })
        .collect();
    let latest = versions::latest(&db.reader, &row.course_id).await.map_err(|e| e.to_string())?;
    let Draft { problems, .. } =
        preview::load_draft(&db.reader, &sources.drafts, &row.course_id, None, sources.options.clone())
            .await
            .map_err(|e| e.to_string())?;
    // The text and its revision from one row: a save of the form names
    // the revision of the text it shows.
    let settings_file =
        store::draft_file(&db.reader, &row.course_id, "course.toml").await.map_err(|e| e.to_string())?;
    let settings_revision = settings_file.as_ref().map(|file| file.revision);
    let settings = match settings_file {
        Some(file) => store::blob(&db.reader, &file.hash)
            .await
            .map_err(|e| e.to_string())?
            .and_then(|bytes| super::settings_of(&String::from_utf8_lossy(&bytes)))
            .map(settings_form),
        None => None,
    };
    let proposer = match row.proposed_by {
        Some(id) => usernames(db, vec![id]).await.map_err(|e| e.to_string())?.remove(&id),
        None => None,
    };
    Ok(StudioCourse {
        id: row.course_id.clone(),
        title,
        language,
        draft_revision: row.draft_revision,
        modules,
        files: others,
        instructors: store::instructors_of(row),
        review_required: row.review_required,
        proposal: row.proposed_revision.map(|revision| Proposal {
            by: proposer.unwrap_or_default(),
            message: row.proposal_message.clone().unwrap_or_default(),
            revision,
        }),
        review_comment: row.review_comment.clone(),
        unpublished_changes: latest.as_ref().is_none_or(|latest| latest.files != files),
        latest_version: latest.map(|latest| latest.number),
        problems: problems.iter().map(problem_view).collect(),
        settings,
        settings_revision,
        may_manage: false,
        may_publish: false,
        may_review: false,
        removing: None,
    })
}

/// The comparison of two versions' files (`0`: the draft).
pub async fn compare(db: &Db, course_id: &str, from: i32, to: i32) -> Result<Option<Vec<FileDiff>>, DbErr> {
    let files_of = |number: i32| async move {
        if number == 0 {
            versions::draft_files(&db.reader, course_id).await.map(Some)
        } else {
            versions::version(&db.reader, course_id, number).await.map(|found| found.map(|version| version.files))
        }
    };
    let (Some(old), Some(new)) = (files_of(from).await?, files_of(to).await?) else { return Ok(None) };
    let mut diffs = Vec::new();
    for (path, before, after) in versions::changed_files(&old, &new) {
        let binary = !paths::kind_of(&path).is_ok_and(|kind| kind.is_text());
        let read = |hash: Option<String>| async move {
            match hash {
                Some(hash) => store::blob(&db.reader, &hash)
                    .await
                    .map(|bytes| String::from_utf8_lossy(&bytes.unwrap_or_default()).into_owned()),
                None => Ok(String::new()),
            }
        };
        let lines = if binary { Vec::new() } else { versions::diff_lines(&read(before).await?, &read(after).await?) };
        diffs.push(FileDiff { path, binary, lines });
    }
    Ok(Some(diffs))
}

/// `/studio/{course}/history`.
pub async fn history(
    db: &Db,
    row: &studio_course::Model,
    title: String,
    diff: Option<(i32, i32)>,
) -> Result<StudioHistory, DbErr> {
    let found = versions::history(&db.reader, &row.course_id).await?;
    let ids: Vec<i64> =
        found.iter().flat_map(|version| [version.published_by, version.approved_by]).flatten().collect();
    let names = usernames(db, ids).await?;
    let name = |id: Option<i64>| id.and_then(|id| names.get(&id).cloned());
    let versions = found
        .iter()
        .map(|version| VersionRow {
            number: version.number,
            message: version.message.clone(),
            published_by: name(version.published_by),
            approved_by: name(version.approved_by),
            published_at: crate::dates::utc_minutes(version.published_at),
        })
        .collect();
    let diff = match diff {
        Some((from, to)) => compare(db, &row.course_id, from, to).await?.map(|files| (from, to, files)),
        None => None,
    };
    Ok(StudioHistory { course_id: row.course_id.clone(), title, versions, diff })
}
