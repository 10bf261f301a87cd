//! `course.toml`, `module.toml` and lesson front matter, as instructors write them.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::problem::{Problems, line_of};
use crate::language::Language;
use crate::model::{Access, Enrolment, Level};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseManifest {
    #[serde(deserialize_with = "plain_text")]
    pub title: String,
    #[serde(deserialize_with = "summary_text")]
    pub summary: String,
    #[serde(default)]
    pub level: Level,
    pub hours: Option<f32>,
    #[serde(default = "english")]
    pub language: Language,
    #[serde(default)]
    pub instructors: Vec<String>,
    #[serde(default)]
    pub access: Access,
    #[serde(default)]
    pub enrolment: Enrolment,
    #[serde(default)]
    pub certificate: CertificateRules,
    #[serde(default)]
    pub translations: BTreeMap<Language, TranslatedTitle>,
    /// The most a lesson page may weigh on a phone's first visit, images
    /// included, before `courses check` warns.
    #[serde(default = "page_budget")]
    pub page_budget_kb: u32,
}

fn page_budget() -> u32 {
    100
}

/// When a learner earns the course's certificate. Every lesson complete
/// (which includes passing every quiz) is always required.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertificateRules {
    /// Also required: the average of the learner's best score on each quiz
    /// of the course, in percent (0–100).
    pub min_average_score: Option<u8>,
    /// `false`: the course gives no certificate.
    #[serde(default = "yes")]
    pub issued: bool,
}

fn yes() -> bool {
    true
}

impl Default for CertificateRules {
    fn default() -> Self {
        CertificateRules { min_average_score: None, issued: true }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleManifest {
    #[serde(deserialize_with = "plain_text")]
    pub title: String,
    #[serde(default, deserialize_with = "some_summary_text")]
    pub summary: Option<String>,
    #[serde(default)]
    pub translations: BTreeMap<Language, TranslatedTitle>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslatedTitle {
    #[serde(deserialize_with = "plain_text")]
    pub title: String,
    #[serde(default, deserialize_with = "some_summary_text")]
    pub summary: Option<String>,
}

/// The front matter of a lesson in its original language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonFrontMatter {
    #[serde(deserialize_with = "plain_text")]
    pub title: String,
    pub minutes: Option<u32>,
    pub id: Option<String>,
    pub pass_mark: Option<u8>,
}

/// The front matter of a translation: everything but the title comes from the original.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslationFrontMatter {
    #[serde(deserialize_with = "plain_text")]
    pub title: String,
    /// Reading time of the translation, when not estimated from its text.
    pub minutes: Option<u32>,
    /// The SHA-256 (hex) of the original lesson's file this translation
    /// was made from: when the original changes, the translation is stale
    /// (a warning, and a quiet note to its readers). The studio writes it.
    pub translated_from: Option<String>,
}

/// A title as pages, certificates and exports show it: one line of plain
/// text. Line breaks and other control characters become spaces, and the
/// characters that override or embed a direction are left out
/// ([`without_direction_overrides`]).
pub fn plain(text: &str) -> String {
    let line: String = without_direction_overrides(text)
        .chars()
        .map(|c| if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') { ' ' } else { c })
        .collect();
    line.trim().to_string()
}

/// `text` without the characters that override or embed a direction
/// (U+202A to U+202E, U+2066 to U+2069), so that no title or summary
/// reorders the text around it; the pages isolate what they show in its
/// own direction, and the marks (U+200E, U+200F) stay.
pub fn without_direction_overrides(text: &str) -> String {
    text.chars().filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')).collect()
}

fn plain_text<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    String::deserialize(deserializer).map(|text| plain(&text))
}

/// A summary keeps its lines as written (a page shows it as one paragraph).
fn summary_text<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    String::deserialize(deserializer).map(|text| without_direction_overrides(&text))
}

fn some_summary_text<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Option::<String>::deserialize(deserializer).map(|text| text.map(|text| without_direction_overrides(&text)))
}

fn english() -> Language {
    Language::En
}

/// Parses TOML, reporting a syntax or shape error at its line.
/// `first_line` is the line of `text`'s first line within the file.
pub fn parse_toml<T: DeserializeOwned>(
    text: &str,
    path: &Path,
    first_line: usize,
    problems: &mut Problems,
) -> Option<T> {
    match toml::from_str::<T>(text) {
        Ok(value) => Some(value),
        Err(error) => {
            let line = error.span().map(|span| line_of(text, span.start)).unwrap_or(1);
            let message = error.message().trim().replace('\n', " ");
            problems.report(path, first_line + line - 1, message);
            None
        }
    }
}

/// A markdown file split into its front matter and its body.
pub struct Split<'a> {
    pub front_matter: &'a str,
    /// The line of the file on which the body starts.
    pub body_first_line: usize,
    pub body: &'a str,
}

/// A lesson's front matter (TOML between `+++` lines, or YAML between
/// `---` lines) and body. Markdown written for elsewhere (a README on
/// GitHub) has no front matter: its first `# heading` is then its title,
/// taken out of the body (the page shows the title itself).
pub fn lesson_parts<'a, T: DeserializeOwned>(
    text: &'a str,
    path: &Path,
    problems: &mut Problems,
) -> Option<(T, Split<'a>)> {
    let unmarked = text.strip_prefix('\u{feff}').unwrap_or(text);
    if super::yaml::opens_yaml(unmarked) {
        let (front_matter, body_first_line, body) = super::yaml::split(unmarked, path, problems)?;
        let value = super::yaml::parse(front_matter, path, 2, problems)?;
        return Some((value, Split { front_matter, body_first_line, body }));
    }
    if !unmarked.starts_with("+++")
        && let Some((title, split)) = title_from_heading(unmarked)
    {
        let escaped: String = title
            .chars()
            .filter(|c| !c.is_control())
            .flat_map(|c| match c {
                '"' | '\\' => vec!['\\', c],
                c => vec![c],
            })
            .collect();
        let value = parse_toml(&format!("title = \"{escaped}\""), path, split.body_first_line - 1, problems)?;
        return Some((value, split));
    }
    let split = split_front_matter(text, path, problems)?;
    let value = parse_toml(split.front_matter, path, 2, problems)?;
    Some((value, split))
}

/// The first line's `# Title` (after blank lines), and the body after it.
fn title_from_heading(text: &str) -> Option<(String, Split<'_>)> {
    let mut offset = 0;
    for (number, line) in text.split_inclusive('\n').enumerate() {
        offset += line.len();
        if line.trim().is_empty() {
            continue;
        }
        let title = line.trim().strip_prefix("# ")?.trim().trim_end_matches('#').trim();
        if title.is_empty() {
            return None;
        }
        return Some((
            title.to_string(),
            Split { front_matter: "", body_first_line: number + 2, body: &text[offset..] },
        ));
    }
    None
}

/// Splits `+++` TOML front matter from the markdown that follows.
pub fn split_front_matter<'a>(text: &'a str, path: &Path, problems: &mut Problems) -> Option<Split<'a>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = text.strip_prefix("+++\n").or_else(|| text.strip_prefix("+++\r\n")) else {
        problems.report(
            path,
            1,
            "a lesson must start with its title: a line `# Title`, or front matter (a line `+++`, TOML such as `title = \"…\"`, and a closing `+++`)",
        );
        return None;
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let front_matter = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_first_line = 2 + front_matter.lines().count() + 1;
            return Some(Split { front_matter, body_first_line, body });
        }
        offset += line.len();
    }
    problems.report(path, 1, "the front matter is not closed: add a line `+++` after it");
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn path() -> PathBuf {
        PathBuf::from("c/01-m/01-l.md")
    }

    #[test]
    fn titles_are_one_line_and_neither_titles_nor_summaries_reorder_the_text_around_them() {
        let text = "title = \"Online safety \u{202E}egassem terces\"\nsummary = \"\"\"\nTwo\nlines\u{2066}\"\"\"\n";
        let mut problems = Problems::default();
        let manifest: CourseManifest = parse_toml(text, Path::new("c/course.toml"), 1, &mut problems).unwrap();
        assert_eq!(manifest.title, "Online safety egassem terces");
        assert_eq!(manifest.summary, "Two\nlines", "a summary keeps its lines");
        // The same from YAML front matter, and Urdu with its marks kept.
        let yaml = "---\ntitle: \"\u{202B}اردو\u{200F} سبق\u{202C}\"\n---\n\nBody\n";
        let (front, _): (LessonFrontMatter, _) = lesson_parts(yaml, &path(), &mut problems).unwrap();
        assert_eq!(front.title, "اردو\u{200F} سبق");
        assert!(problems.is_empty());
    }

    #[test]
    fn front_matter_is_split_from_the_body() {
        let mut problems = Problems::default();
        let text = "+++\ntitle = \"Hi\"\n+++\n\nBody\n";
        let split = split_front_matter(text, &path(), &mut problems).unwrap();
        assert_eq!(split.front_matter, "title = \"Hi\"\n");
        assert_eq!(split.body, "\nBody\n");
        assert_eq!(split.body_first_line, 4);
        assert!(problems.is_empty());
    }

    #[test]
    fn missing_or_unclosed_front_matter_is_reported_on_line_one() {
        let mut problems = Problems::default();
        assert!(split_front_matter("Title\n", &path(), &mut problems).is_none());
        assert!(split_front_matter("+++\ntitle = \"x\"\n", &path(), &mut problems).is_none());
        let problems = problems.into_vec();
        assert_eq!(problems.len(), 2);
        assert!(problems.iter().all(|p| p.line == 1));
    }

    #[test]
    fn markdown_without_front_matter_takes_its_title_from_its_first_heading() {
        let mut problems = Problems::default();
        let text = "\n# Intro to \"HTML\"\n\nBody\n";
        let (front, split): (LessonFrontMatter, _) = lesson_parts(text, &path(), &mut problems).unwrap();
        assert_eq!(front.title, "Intro to \"HTML\"");
        assert_eq!(split.body, "\nBody\n");
        assert_eq!(split.body_first_line, 3);
        assert!(problems.is_empty());
        assert!(lesson_parts::<LessonFrontMatter>("Body only\n", &path(), &mut problems).is_none());
        assert!(problems.into_vec()[0].message.contains("# Title"));
    }

    #[test]
    fn yaml_front_matter_reads_as_the_same_fields() {
        let mut problems = Problems::default();
        let text = "---\ntitle: 'Navigating Files'\nteaching: 30\nexercises: 10\nid: navigating\n---\n\nBody\n";
        let (front, split): (LessonFrontMatter, _) = lesson_parts(text, &path(), &mut problems).unwrap();
        assert_eq!(
            (front.title.as_str(), front.minutes, front.id.as_deref()),
            ("Navigating Files", Some(40), Some("navigating"))
        );
        assert_eq!((split.body, split.body_first_line), ("\nBody\n", 7));
        assert!(problems.is_empty(), "{problems:?}");
        let translation = "---\ntitle: فائلیں\npass_mark: 50\n---\nBody\n";
        assert!(lesson_parts::<TranslationFrontMatter>(translation, &path(), &mut problems).is_none());
        assert!(
            problems.into_vec()[0].message.contains("pass_mark"),
            "a translation takes its pass mark from the original"
        );
    }

    #[test]
    fn toml_errors_point_at_their_line() {
        let mut problems = Problems::default();
        let parsed: Option<LessonFrontMatter> =
            parse_toml("title = \"x\"\nminutes = \"ten\"\n", &path(), 2, &mut problems);
        assert!(parsed.is_none());
        let problems = problems.into_vec();
        assert_eq!(problems[0].line, 3, "{problems:?}");
    }

    #[test]
    fn unknown_keys_are_mistakes() {
        let mut problems = Problems::default();
        let parsed: Option<LessonFrontMatter> = parse_toml("title = \"x\"\ntitel = \"y\"\n", &path(), 2, &mut problems);
        assert!(parsed.is_none());
        let problems = problems.into_vec();
        assert!(problems[0].message.contains("titel"), "{problems:?}");
        assert_eq!(problems[0].line, 3);
    }
}
