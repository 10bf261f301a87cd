//! The outline of a studio course, as files: a module is a folder
//! `NN-slug` with its `module.toml`, a lesson a file `NN-slug.md` in it.
//! The number orders them; the slug (or the front matter's `id`) is the
//! lesson's id, which learners' progress is kept by, so reordering changes
//! numbers only and never an id.

use std::collections::BTreeMap;

use sea_orm::{ColumnTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, TransactionTrait};

use super::paths::{self, FileKind};
use super::{quoted, store, versions};
use crate::accounts::{Actor, record_in};
use crate::catalog::slug::split_order_prefix;

/// A slug from a title: its ASCII letters and digits, hyphenated; `None`
/// when nothing is left (a title in Urdu or Russian).
fn slug_of(title: &str) -> Option<String> {
    let mut slug = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    (!slug.is_empty()).then_some(slug)
}

/// The numbers used by `names` (`01-basics` → 1).
fn highest_number<'a>(names: impl Iterator<Item = &'a str>) -> u32 {
    names.filter_map(|name| split_order_prefix(name).map(|(number, _)| number)).max().unwrap_or(0)
}

/// The folder of a new module after the last one.
pub fn next_module(files: &BTreeMap<String, String>, title: &str) -> String {
    let folders: Vec<&str> = files.keys().filter_map(|path| path.split_once('/').map(|(folder, _)| folder)).collect();
    let number = highest_number(folders.iter().copied()) + 1;
    let slug = slug_of(title).unwrap_or_else(|| format!("module-{number}"));
    format!("{number:02}-{slug}")
}

pub fn module_toml(title: &str) -> String {
    format!("title = {}\n", quoted(title))
}

/// The ids of a draft's lessons (file names without number and language).
fn lesson_slugs(files: &BTreeMap<String, String>) -> Vec<String> {
    files
        .keys()
        .filter(|path| matches!(paths::kind_of(path), Ok(FileKind::Lesson { translation: None })))
        .filter_map(|path| {
            let name = path.rsplit('/').next()?.strip_suffix(".md")?;
            split_order_prefix(name).map(|(_, slug)| slug.to_string())
        })
        .collect()
}

/// The path of a new lesson at the end of `module`, with an id no other
/// lesson of the course has.
pub fn next_lesson(files: &BTreeMap<String, String>, module: &str, title: &str) -> String {
    let names: Vec<&str> = files
        .keys()
        .filter_map(|path| path.strip_prefix(module)?.strip_prefix('/'))
        .filter(|name| name.ends_with(".md"))
        .collect();
    let number = highest_number(names.iter().copied()) + 1;
    let taken = lesson_slugs(files);
    let base = slug_of(title).unwrap_or_else(|| "lesson".to_string());
    let mut slug = base.clone();
    let mut n = 2;
    while taken.contains(&slug) {
        slug = format!("{base}-{n}");
        n += 1;
    }
    format!("{module}/{number:02}-{slug}.md")
}

/// A new lesson's text: its title, and a line to start from.
pub fn lesson_text(title: &str) -> String {
    format!("+++\ntitle = {}\nminutes = 5\n+++\n\n", quoted(title))
}

/// `01-a/03-b.ur.md` with its number set to `number`.
fn renumbered(path: &str, number: u32) -> Option<String> {
    let (folder, name) = path.rsplit_once('/')?;
    let (_, rest) = split_order_prefix(name)?;
    Some(format!("{folder}/{number:02}-{rest}"))
}

/// Swaps a lesson's place with the one before (`up`) or after it in its
/// module, translations included, in one change of the draft.
pub async fn move_lesson(
    connection: &sea_orm::DatabaseConnection,
    course_id: &str,
    path: &str,
    up: bool,
    actor: &Actor,
) -> Result<bool, DbErr> {
    let transaction = connection.begin().await?;
    // The course's row locked first: no save slips in between the read and the write.
    store::next_revision(&transaction, course_id).await?;
    let mut files = versions::draft_files(&transaction, course_id).await?;
    let Some((module, _)) = path.split_once('/') else { return Ok(false) };
    let mut lessons: Vec<(u32, String)> = files
        .keys()
        .filter(|candidate| candidate.starts_with(&format!("{module}/")))
        .filter(|candidate| matches!(paths::kind_of(candidate), Ok(FileKind::Lesson { translation: None })))
        .filter_map(|candidate| {
            let name = candidate.rsplit('/').next()?;
            Some((split_order_prefix(name)?.0, candidate.clone()))
        })
        .collect();
    lessons.sort();
    let Some(at) = lessons.iter().position(|(_, candidate)| candidate == path) else { return Ok(false) };
    let other = if up { at.checked_sub(1) } else { Some(at + 1).filter(|next| *next < lessons.len()) };
    let Some(other) = other else { return Ok(false) };
    let (mine, theirs) = (lessons[at].clone(), lessons[other].clone());
    // Every file of each lesson (original and translations) takes the other's number.
    let stem = |path: &str| path.strip_suffix(".md").unwrap_or(path).to_string();
    let moves: Vec<(String, String)> = files
        .keys()
        .filter_map(|candidate| {
            let belongs = |lesson: &str| {
                let stem = stem(lesson);
                candidate == lesson || (candidate.starts_with(&format!("{stem}.")) && candidate.ends_with(".md"))
            };
            if belongs(&mine.1) {
                renumbered(candidate, theirs.0).map(|to| (candidate.clone(), to))
            } else if belongs(&theirs.1) {
                renumbered(candidate, mine.0).map(|to| (candidate.clone(), to))
            } else {
                None
            }
        })
        .collect();
    let moved: Vec<(String, String)> =
        moves.iter().filter_map(|(from, to)| files.remove(from).map(|hash| (to.clone(), hash))).collect();
    files.extend(moved);
    store::replace_draft(&transaction, course_id, &files, actor).await?;
    record_in(
        &transaction,
        actor,
        None,
        "studio.lesson_moved",
        serde_json::json!({ "course": course_id, "path": path, "up": up }),
    )
    .await?;
    transaction.commit().await?;
    Ok(true)
}

/// How many learners completed the lesson a draft file is.
pub async fn completions_of(state: &crate::state::AppState, course_id: &str, path: &str) -> Result<u64, DbErr> {
    use crate::entities::lesson_completion;
    let Some(file) = store::draft_file(&state.db.reader, course_id, path).await? else { return Ok(0) };
    let text = store::blob(&state.db.reader, &file.hash).await?.unwrap_or_default();
    let (_, id) = super::views::lesson_heading(path, &String::from_utf8_lossy(&text));
    lesson_completion::Entity::find()
        .filter(lesson_completion::Column::CourseId.eq(course_id))
        .filter(lesson_completion::Column::LessonId.eq(id))
        .count(&state.db.reader)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(paths: &[&str]) -> BTreeMap<String, String> {
        paths.iter().map(|path| (path.to_string(), "h".to_string())).collect()
    }

    #[test]
    fn new_modules_and_lessons_come_last_with_ids_nobody_has() {
        let files = draft(&["course.toml", "01-intro/module.toml", "01-intro/01-welcome.md", "01-intro/02-phone.md"]);
        assert_eq!(next_module(&files, "Online safety"), "02-online-safety");
        assert_eq!(next_module(&files, "آن لائن حفاظت"), "02-module-2");
        assert_eq!(next_lesson(&files, "01-intro", "Your phone"), "01-intro/03-your-phone.md");
        assert_eq!(next_lesson(&files, "01-intro", "Phone"), "01-intro/03-phone-2.md");
        assert_eq!(next_lesson(&files, "02-new", "Welcome!"), "02-new/01-welcome-2.md");
    }

    #[test]
    fn a_renumbered_lesson_keeps_its_name_and_language() {
        assert_eq!(renumbered("01-intro/02-phone.ur.md", 3).as_deref(), Some("01-intro/03-phone.ur.md"));
    }
}
