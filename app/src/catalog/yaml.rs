//! Lesson front matter written in YAML (between `---` lines), as Jekyll,
//! Hugo and the Carpentries Workbench write it, read as the same fields as
//! TOML front matter. What other tools keep there and this platform does
//! not use (a layout, a permalink, tags) is left aside with one warning;
//! the Workbench's `teaching` and `exercises` minutes add up to the
//! lesson's `minutes` when it gives none.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::problem::Problems;

/// The fields lesson front matter may have (originals and translations).
const FIELDS: [&str; 5] = ["title", "minutes", "id", "pass_mark", "translated_from"];

/// Front matter at most this long is read (a lesson's is a few lines).
const MAX_BYTES: usize = 16 * 1024;

/// Whether `text` opens with YAML front matter (a first line `---`).
pub fn opens_yaml(text: &str) -> bool {
    text.lines().next().is_some_and(|line| line.trim_end() == "---")
}

/// Splits `---` front matter from the markdown that follows: the front
/// matter, the line of the file on which the body starts, and the body.
pub fn split<'a>(text: &'a str, path: &Path, problems: &mut Problems) -> Option<(&'a str, usize, &'a str)> {
    let first = text.split_inclusive('\n').next().unwrap_or(text);
    let rest = &text[first.len()..];
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let fence = line.trim_end();
        if fence == "---" || fence == "..." {
            let front_matter = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_first_line = 2 + front_matter.lines().count() + 1;
            return Some((front_matter, body_first_line, body));
        }
        offset += line.len();
    }
    problems.report(path, 1, "the front matter is not closed: add a line `---` after it");
    None
}

/// Reads YAML front matter into the fields `T` has, reporting a syntax
/// error at its line. `first_line` is the line of `text`'s first line
/// within the file.
pub fn parse<T: DeserializeOwned>(text: &str, path: &Path, first_line: usize, problems: &mut Problems) -> Option<T> {
    if text.len() > MAX_BYTES {
        problems.report(path, first_line, format!("the front matter is over {} KB", MAX_BYTES / 1024));
        return None;
    }
    let value = match serde_yaml_ng::from_str::<Value>(text) {
        Ok(value) => value,
        Err(error) => {
            let line = error.location().map(|at| at.line()).unwrap_or(1);
            let message = error.to_string().lines().next().unwrap_or("not YAML").to_string();
            problems.report(path, first_line + line - 1, format!("the front matter is not YAML: {message}"));
            return None;
        }
    };
    let mut fields = match value {
        Value::Object(fields) => fields,
        Value::Null => Map::new(),
        _ => {
            problems.report(path, first_line, "the front matter must be `name: value` lines, such as `title: …`");
            return None;
        }
    };
    workbench_minutes(&mut fields);
    let left_aside: Vec<String> = fields.keys().filter(|key| !FIELDS.contains(&key.as_str())).cloned().collect();
    if !left_aside.is_empty() {
        fields.retain(|key, _| FIELDS.contains(&key.as_str()));
        let names = left_aside.iter().map(|name| format!("`{name}`")).collect::<Vec<_>>().join(", ");
        problems.warn(path, first_line, format!("front matter this platform does not use is left aside: {names}"));
    }
    match serde_path_to_error::deserialize::<_, T>(Value::Object(fields)) {
        Ok(parsed) => Some(parsed),
        Err(error) => {
            let field = error.path().to_string();
            let line = line_of_field(text, &field).map_or(first_line, |line| first_line + line - 1);
            let message = error.into_inner().to_string();
            problems.report(path, line, if field == "." { message } else { format!("`{field}`: {message}") });
            None
        }
    }
}

/// The Workbench gives `teaching` and `exercises` minutes: together, the
/// lesson's `minutes`, unless it says its own.
fn workbench_minutes(fields: &mut Map<String, Value>) {
    if fields.contains_key("minutes") {
        return;
    }
    let minutes = |name: &str| fields.get(name).and_then(Value::as_u64);
    let (teaching, exercises) = (minutes("teaching"), minutes("exercises"));
    if teaching.is_some() || exercises.is_some() {
        let total = teaching.unwrap_or(0).saturating_add(exercises.unwrap_or(0)).min(u64::from(u32::MAX));
        fields.insert("minutes".into(), Value::from(total));
        fields.remove("teaching");
        fields.remove("exercises");
    }
}

/// The line (within `text`) where `field` is given, if it is.
fn line_of_field(text: &str, field: &str) -> Option<usize> {
    text.lines().position(|line| line.starts_with(&format!("{field}:"))).map(|index| index + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::path::PathBuf;

    /// The shape of a lesson's front matter (`manifest::LessonFrontMatter`,
    /// whose own tests read YAML through `lesson_parts`).
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct LessonFrontMatter {
        title: String,
        minutes: Option<u32>,
        id: Option<String>,
        pass_mark: Option<u8>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct TranslationFrontMatter {
        title: String,
        #[allow(dead_code)]
        translated_from: Option<String>,
    }

    fn path() -> PathBuf {
        PathBuf::from("c/01-m/01-l.md")
    }

    #[test]
    fn a_workbench_lesson_reads_as_its_title_and_minutes() {
        let mut problems = Problems::default();
        let text =
            "---\ntitle: 'Navigating Files and Directories'\nteaching: 30\nexercises: 10\n---\n\n::: questions\n";
        assert!(opens_yaml(text));
        let (front_matter, body_first_line, body) = split(text, &path(), &mut problems).unwrap();
        assert_eq!(body_first_line, 6);
        assert_eq!(body, "\n::: questions\n");
        let front: LessonFrontMatter = parse(front_matter, &path(), 2, &mut problems).unwrap();
        assert_eq!(front.title, "Navigating Files and Directories");
        assert_eq!(front.minutes, Some(40), "teaching and exercises together");
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn what_other_tools_keep_there_is_left_aside_with_one_warning() {
        let mut problems = Problems::default();
        let text = "title: Setup
layout: episode
permalink: /setup/
minutes: 5
teaching: 9
";
        let front: LessonFrontMatter = parse(text, &path(), 2, &mut problems).unwrap();
        assert_eq!((front.title.as_str(), front.minutes), ("Setup", Some(5)), "its own minutes win");
        let problems = problems.into_vec();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(!problems[0].is_error() && problems[0].line == 2);
        assert!(problems[0].message.ends_with("`layout`, `permalink`, `teaching`"), "{problems:?}");
    }

    #[test]
    fn our_own_fields_read_the_same_in_yaml() {
        let mut problems = Problems::default();
        let front: LessonFrontMatter = parse(
            "title: \"Quiz: \\\"passwords\\\"\"\nminutes: 7\nid: strong-passwords\npass_mark: 80\n",
            &path(),
            2,
            &mut problems,
        )
        .unwrap();
        assert_eq!(front.title, "Quiz: \"passwords\"");
        assert_eq!(
            (front.minutes, front.id.as_deref(), front.pass_mark),
            (Some(7), Some("strong-passwords"), Some(80))
        );
        let translation: TranslationFrontMatter =
            parse("title: پاس ورڈ\ntranslated_from: abc\n", &path(), 2, &mut problems).unwrap();
        assert_eq!(translation.title, "پاس ورڈ");
        assert!(problems.is_empty());
    }

    #[test]
    fn mistakes_point_at_their_line() {
        let mut problems = Problems::default();
        let wrong: Option<LessonFrontMatter> = parse("title: x\nminutes: five\n", &path(), 2, &mut problems);
        assert!(wrong.is_none());
        let broken: Option<LessonFrontMatter> = parse("title: x\n  - : [\n", &path(), 2, &mut problems);
        assert!(broken.is_none());
        let untitled: Option<LessonFrontMatter> = parse("minutes: 3\n", &path(), 2, &mut problems);
        assert!(untitled.is_none());
        let problems = problems.into_vec();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems.iter().all(|problem| problem.is_error()));
        let minutes = problems.iter().find(|problem| problem.message.starts_with("`minutes`")).expect("minutes named");
        assert_eq!(minutes.line, 3, "minutes is on the file's third line: {problems:?}");
        assert!(problems.iter().any(|problem| problem.message.contains("not YAML") && problem.line == 3));
        assert!(problems.iter().any(|problem| problem.message.contains("missing field `title`")), "{problems:?}");
        let mut unclosed = Problems::default();
        assert!(split("---\ntitle: x\n", &path(), &mut unclosed).is_none());
        assert!(unclosed.into_vec()[0].message.contains("`---`"));
    }
}
