//! The editor of one text file of a draft: what it shows (the file, or a
//! text kept aside for its preview; a lesson's front matter as fields; its
//! problems; a translation's original and what changed in it) and what a
//! save does with what was typed.

use sea_orm::{ConnectionTrait, DbErr};

use super::folders::FolderError;
use super::live::Sources;
use super::paths::{self, FileKind};
use super::store::{self, Saved};
use super::{front_matter, preview, translations, versions, views};
use crate::accounts::Actor;
use crate::db::Db;
use crate::entities::studio_course;
use crate::model::{Conflict, LessonFields, OriginalView, StudioEditor};

/// What the editor is opened on. `unsaved` and `yours` name texts kept
/// aside by this person (the caller has checked they are theirs).
pub struct Opening {
    pub path: String,
    pub unsaved: Option<String>,
    pub yours: Option<String>,
    pub saved: bool,
}

/// The editor of `opening.path` in the course's draft; `None` when the
/// path is not a text file of a course.
pub async fn open(
    db: &Db,
    sources: &Sources,
    row: &studio_course::Model,
    opening: Opening,
) -> Result<Option<StudioEditor>, FolderError> {
    let Opening { path, unsaved, yours, saved } = opening;
    let Ok(kind) = paths::kind_of(&path) else { return Ok(None) };
    if !kind.is_text() {
        return Ok(None);
    }
    let (reader, course) = (&db.reader, &row.course_id);
    let current = store::draft_file(reader, course, &path).await?;
    let saved_text = match &current {
        Some(current) => text_of(reader, &current.hash).await?.unwrap_or_default(),
        None => String::new(),
    };
    let unsaved_text = match &unsaved {
        Some(hash) => text_of(reader, hash).await?,
        None => None,
    };
    let conflict = match &yours {
        Some(hash) => match text_of(reader, hash).await? {
            Some(yours) => {
                let by = match current.as_ref().and_then(|current| current.updated_by) {
                    Some(id) => views::usernames(db, vec![id]).await?.remove(&id),
                    None => None,
                };
                Some(Conflict { theirs: saved_text.clone(), by, yours })
            }
            None => None,
        },
        None => None,
    };
    let (course_title, course_language) = match store::draft_file(reader, course, "course.toml").await? {
        Some(file) => text_of(reader, &file.hash).await?.and_then(|text| super::settings_of(&text)),
        None => None,
    }
    .map(|settings| (settings.title, settings.language))
    .unwrap_or_else(|| (course.clone(), Default::default()));
    let translation = match kind {
        FileKind::Lesson { translation } => Some(translation),
        _ => None,
    };
    let language = translation.flatten().unwrap_or(course_language);
    let replaced = unsaved_text.clone().map(|text| (path.clone(), text.into_bytes()));
    let draft = preview::load_draft(reader, &sources.drafts, course, replaced, sources.options.clone()).await?;
    let problems = draft.problems.iter().map(views::problem_view).filter(|problem| problem.path == path).collect();
    // A lesson's original (itself, unless a translation): its id names the
    // lesson's preview.
    let (lesson_id, original) = match translation {
        None => (None, None),
        Some(translation) => {
            let original_path = views::translation_original(&path);
            let original_text = match store::draft_file(reader, course, &original_path).await? {
                Some(file) => text_of(reader, &file.hash).await?.unwrap_or_default(),
                None => String::new(),
            };
            let lesson_id = views::lesson_heading(&original_path, &original_text).1;
            let original = match translation {
                Some(_) => {
                    Some(original_view(reader, original_path, original_text, &saved_text, course_language).await?)
                }
                None => None,
            };
            (Some(lesson_id), original)
        }
    };
    let text = unsaved_text.unwrap_or(saved_text);
    let split = translation.and_then(|translation| front_matter::split(&text, translation.is_some()));
    let (fields, body) = match split {
        Some((fields, body)) => (Some(fields), body),
        None => (None, text.clone()),
    };
    Ok(Some(StudioEditor {
        course_id: course.clone(),
        course_title,
        path,
        language,
        text,
        fields,
        body,
        revision: current.map(|current| current.revision),
        conflict,
        problems,
        lesson_id,
        unsaved,
        saved,
        original,
    }))
}

/// A translation's original, and what changed in it since the
/// translation (`translation_text`) was made from it.
async fn original_view(
    reader: &impl ConnectionTrait,
    path: String,
    text: String,
    translation_text: &str,
    language: crate::language::Language,
) -> Result<OriginalView, DbErr> {
    let current = store::content_hash(text.as_bytes());
    let made_from = translations::translated_from(translation_text);
    let stale = made_from.as_ref().is_some_and(|from| !from.eq_ignore_ascii_case(&current));
    let changes = match made_from.filter(|from| stale && from.len() == 64) {
        Some(from) => match text_of(reader, &from.to_ascii_lowercase()).await? {
            Some(older) => versions::diff_lines(&older, &text),
            None => Vec::new(),
        },
        None => Vec::new(),
    };
    Ok(OriginalView { path, language, text, stale, changes })
}

async fn text_of(reader: &impl ConnectionTrait, hash: &str) -> Result<Option<String>, DbErr> {
    Ok(store::blob(reader, hash).await?.map(|bytes| String::from_utf8_lossy(&bytes).into_owned()))
}

/// What was typed in the editor.
pub struct Typed {
    pub path: String,
    /// The revision the text was opened at (empty: a new file).
    pub revision: String,
    /// The text area: the whole file, or the text after the front matter
    /// when `fields` are given.
    pub text: String,
    pub fields: Option<LessonFields>,
    /// A translation said to match the current original.
    pub up_to_date: bool,
}

/// What became of a save.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Saved,
    /// Someone saved the file since it was opened: the text typed is kept
    /// aside under this name, to be shown beside theirs.
    Conflict(String),
    /// Not a text file of a course, or a made-up revision.
    BadRequest,
    TooLong,
    CourseFull,
}

/// The file's text as typed: the fields as its front matter, line ends
/// as `\n`. A text area that starts with a front matter of its own (a
/// whole lesson pasted in) is the whole file, and the fields give way.
pub fn text_typed(typed: &Typed) -> String {
    let text = typed.text.replace("\r\n", "\n");
    match (&typed.fields, paths::kind_of(&typed.path)) {
        (Some(_), _) if text.trim_start().starts_with("+++\n") => text.trim_start().to_string(),
        (Some(fields), Ok(FileKind::Lesson { translation })) => {
            let fields = LessonFields { translation: translation.is_some(), ..fields.clone() };
            front_matter::join(&fields, &text)
        }
        _ => text,
    }
}

/// Keeps what was typed aside (for its preview, a question added, a
/// refused save), saving nothing; returns its name.
pub async fn keep_aside(connection: &impl ConnectionTrait, text: &str) -> Result<String, DbErr> {
    store::put_blob(connection, text.as_bytes()).await
}

/// Saves what was typed in the course's draft, if nobody saved the file
/// since it was opened. A translation said to be up to date names the
/// current original as the one it was made from.
pub async fn save(db: &Db, course: &str, typed: Typed, actor: &Actor) -> Result<Outcome, DbErr> {
    let Ok(kind) = paths::kind_of(&typed.path) else { return Ok(Outcome::BadRequest) };
    if !kind.is_text() {
        return Ok(Outcome::BadRequest);
    }
    let text = text_typed(&typed);
    if text.len() > kind.max_bytes() {
        return Ok(Outcome::TooLong);
    }
    let edited = match typed.revision.trim() {
        "" => None,
        number => match number.parse::<i64>() {
            Ok(number) => Some(number),
            Err(_) => return Ok(Outcome::BadRequest),
        },
    };
    let text = match kind {
        FileKind::Lesson { translation: Some(_) } if typed.up_to_date => {
            let original = views::translation_original(&typed.path);
            let current = store::draft_file(&db.reader, course, &original).await?.map(|file| file.hash);
            translations::with_translated_from(&text, &current.unwrap_or_default())
        }
        _ => text,
    };
    Ok(match store::save(&db.writer, course, &typed.path, Some(text.as_bytes()), edited, actor).await? {
        Saved::Kept { .. } => Outcome::Saved,
        Saved::CourseFull => Outcome::CourseFull,
        Saved::Conflict(_) => Outcome::Conflict(keep_aside(&db.writer, &text).await?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str, fields: Option<LessonFields>) -> Typed {
        Typed {
            path: "01-intro/01-welcome.md".into(),
            revision: String::new(),
            text: text.into(),
            fields,
            up_to_date: false,
        }
    }

    #[test]
    fn the_fields_become_the_front_matter_of_the_text_typed() {
        let fields = LessonFields { title: "Welcome".into(), minutes: "5".into(), ..LessonFields::default() };
        let text = text_typed(&typed("\r\nHello.\r\n", Some(fields)));
        assert_eq!(text, "+++\ntitle = \"Welcome\"\nminutes = 5\n+++\n\nHello.\n");
    }

    #[test]
    fn a_whole_lesson_pasted_in_the_text_area_is_the_file() {
        let fields = LessonFields { title: "Ignored".into(), ..LessonFields::default() };
        let pasted = "+++\ntitle = \"Pasted\"\n+++\n\nHello.\n";
        assert_eq!(text_typed(&typed(&format!("\n{pasted}"), Some(fields))), pasted);
        assert_eq!(text_typed(&typed(pasted, None)), pasted);
    }
}
