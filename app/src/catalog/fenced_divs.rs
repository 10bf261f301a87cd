//! Pandoc's fenced divs, as the Carpentries Workbench and others write
//! them:
//!
//! ```text
//! :::::::::::::::::::::: challenge
//! ## Exploring `ls` flags
//! What does `ls -l` show?
//!
//! :::::::::: solution
//! The long listing: size, owner, date.
//! ::::::::::
//! ::::::::::::::::::::::
//! ```
//!
//! A line of three or more colons and a class opens a div; a line of
//! colons alone closes the innermost one. The question reader
//! ([`super::quiz`]) meets these lines first (the quiz's own blocks share
//! the colons) and leaves a marker in their place, one line for one line,
//! so that line numbers stay true; the walk through the rendered events
//! turns each marker into a box, or, for an answer, a `<details>` that a
//! learner opens when ready, with no script.

use std::sync::LazyLock;

use crate::language::Language;
use crate::msg;

/// A fence line, read.
#[derive(Debug, PartialEq, Eq)]
pub enum Fence<'a> {
    /// `::: callout`, `:::::: {.challenge}`, `::: {.callout #note-1}`.
    Open(&'a str),
    /// `:::`, `:::::::::`.
    Close,
    /// Colons and something that is not a class (`::: 12 things`).
    Unreadable,
}

/// Reads a line as a fence, or `None` when it is not one.
pub fn fence_of(line: &str) -> Option<Fence<'_>> {
    let line = line.trim_end();
    let indent = line.len() - line.trim_start().len();
    let rest = line.trim_start();
    if indent > 3 || !rest.starts_with(":::") {
        return None;
    }
    let rest = rest.trim_start_matches(':').trim();
    // Pandoc allows colons after the class too: `::: callout :::`.
    let rest = rest.trim_end_matches(':').trim_end();
    if rest.is_empty() {
        return Some(Fence::Close);
    }
    let class = match rest.strip_prefix('{').and_then(|inner| inner.strip_suffix('}')) {
        Some(attributes) => attributes.split_whitespace().find_map(|word| word.strip_prefix('.')),
        None => Some(rest).filter(|word| !word.contains(char::is_whitespace)),
    };
    match class {
        Some(class) if is_class(class) => Some(Fence::Open(class)),
        _ => Some(Fence::Unreadable),
    }
}

fn is_class(word: &str) -> bool {
    word.len() <= 40
        && word.starts_with(|c: char| c.is_ascii_alphabetic())
        && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Boxes nest at most this deep; deeper fences are left aside (a warning).
pub const MAX_DEPTH: usize = 16;

/// A number drawn when the process starts, in every marker: an author who
/// writes a marker-shaped comment by hand makes a comment (which the
/// sanitiser removes), never a box.
static NONCE: LazyLock<String> = LazyLock::new(|| {
    use std::hash::{BuildHasher, Hasher};
    format!("{:016x}", std::collections::hash_map::RandomState::new().build_hasher().finish())
});

fn opening() -> String {
    format!("<!--fenced-div-{}:", *NONCE)
}

fn closing() -> String {
    format!("<!--/fenced-div-{}-->", *NONCE)
}

/// The line left in the markdown for an opening fence: an HTML comment
/// on a line of its own is a block of its own, whatever is around it.
pub fn opening_marker(class: &str) -> String {
    format!("{}{}-->", opening(), class.to_ascii_lowercase())
}

/// The line left in the markdown for a closing fence.
pub fn closing_marker() -> String {
    closing()
}

/// A marker met as raw HTML, read back.
#[derive(Debug, PartialEq, Eq)]
pub enum Marker {
    Open(String),
    Close,
}

pub fn marker_of(raw: &str) -> Option<Marker> {
    let raw = raw.trim();
    if raw == closing() {
        return Some(Marker::Close);
    }
    let class = raw.strip_prefix(&opening())?.strip_suffix("-->")?;
    is_class(class).then(|| Marker::Open(class.to_string()))
}

/// How a div of a class is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// Folded: the learner opens it (an answer, a hint).
    Folded(&'static str),
    /// A box with a label naming its kind.
    Labelled(&'static str),
    /// A box with no label (a callout's own heading names it).
    Box,
}

fn shape_of(class: &str) -> Shape {
    match class {
        "solution" | "spoiler" => Shape::Folded(msg::LESSON_BOX_SOLUTION),
        "hint" => Shape::Folded(msg::LESSON_BOX_HINT),
        "instructor" => Shape::Folded(msg::LESSON_BOX_INSTRUCTOR),
        "objectives" => Shape::Labelled(msg::LESSON_BOX_OBJECTIVES),
        "questions" => Shape::Labelled(msg::LESSON_BOX_QUESTIONS),
        "keypoints" => Shape::Labelled(msg::LESSON_BOX_KEYPOINTS),
        "prereq" => Shape::Labelled(msg::LESSON_BOX_PREREQ),
        "challenge" | "exercise" => Shape::Labelled(msg::LESSON_BOX_CHALLENGE),
        "discussion" => Shape::Labelled(msg::LESSON_BOX_DISCUSSION),
        "caution" | "warning" => Shape::Labelled(msg::LESSON_BOX_CAUTION),
        "checklist" => Shape::Labelled(msg::LESSON_BOX_CHECKLIST),
        _ => Shape::Box,
    }
}

/// Whether a div of `class` is folded away until the learner opens it:
/// its headings stay out of the lesson's contents.
pub fn folds(class: &str) -> bool {
    matches!(shape_of(class), Shape::Folded(_))
}

/// The classes a box may carry on a page (the sanitiser keeps these only).
pub const BOX_CLASSES: [&str; 13] = [
    "box",
    "box-callout",
    "box-challenge",
    "box-discussion",
    "box-caution",
    "box-checklist",
    "box-objectives",
    "box-questions",
    "box-keypoints",
    "box-prereq",
    "box-testimonial",
    "box-label",
    "box-folded",
];

/// The HTML that opens a div of `class`, in the lesson's language.
pub fn opening_html(class: &str, language: Language) -> String {
    let kind = format!("box-{class}");
    let kind = if BOX_CLASSES.contains(&kind.as_str()) { format!(" {kind}") } else { String::new() };
    match shape_of(class) {
        Shape::Folded(label) => {
            format!("<details class=\"box-folded\"><summary>{}</summary>\n", escaped(label, language))
        }
        Shape::Labelled(label) => {
            format!("<div class=\"box{kind}\"><p class=\"box-label\">{}</p>\n", escaped(label, language))
        }
        Shape::Box => format!("<div class=\"box{kind}\">\n"),
    }
}

/// The HTML that closes a div of `class`.
pub fn closing_html(class: &str) -> &'static str {
    match shape_of(class) {
        Shape::Folded(_) => "</details>\n",
        _ => "</div>\n",
    }
}

fn escaped(label: &'static str, language: Language) -> String {
    let mut html = String::new();
    super::highlight::escape_into(&mut html, &crate::i18n::translate(language, label, None));
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_fences_pandoc_and_the_workbench_write() {
        assert_eq!(fence_of("::::::::::::::::::::::::::::::::::::: challenge"), Some(Fence::Open("challenge")));
        assert_eq!(fence_of("::: {.callout}"), Some(Fence::Open("callout")));
        assert_eq!(fence_of("::: {#note-1 .callout}"), Some(Fence::Open("callout")));
        assert_eq!(fence_of("::::::::::::::::  solution  "), Some(Fence::Open("solution")));
        assert_eq!(fence_of("::: keypoints :::"), Some(Fence::Open("keypoints")));
        assert_eq!(fence_of("::::::::::::::::::::::::"), Some(Fence::Close));
        assert_eq!(fence_of(":::"), Some(Fence::Close));
        assert_eq!(fence_of("::: 12 things"), Some(Fence::Unreadable));
        assert_eq!(fence_of("::: {#only-an-id}"), Some(Fence::Unreadable));
        assert_eq!(fence_of("    ::: callout"), None, "indented four spaces: code");
        assert_eq!(fence_of(":: two colons"), None);
        assert_eq!(fence_of("text ::: callout"), None);
    }

    #[test]
    fn markers_read_back_and_refuse_what_is_not_a_class() {
        assert_eq!(marker_of(&opening_marker("Callout")), Some(Marker::Open("callout".into())));
        assert_eq!(marker_of(&closing_marker()), Some(Marker::Close));
        assert_eq!(marker_of(&format!("{}x\" onclick=\"y-->", opening())), None);
        assert_eq!(marker_of("<!--fenced-div:callout-->"), None, "written by hand: a comment");
        assert_eq!(marker_of("<!-- a comment -->"), None);
    }

    #[test]
    fn an_answer_is_folded_and_a_box_is_labelled_in_the_lessons_language() {
        let solution = opening_html("solution", Language::En);
        assert!(solution.starts_with("<details class=\"box-folded\"><summary>"), "{solution}");
        assert_eq!(closing_html("solution"), "</details>\n");
        let keypoints = opening_html("keypoints", Language::Ur);
        assert!(keypoints.starts_with("<div class=\"box box-keypoints\"><p class=\"box-label\">"), "{keypoints}");
        assert!(!keypoints.contains("Key points"), "Urdu label: {keypoints}");
        assert_eq!(opening_html("tab", Language::En), "<div class=\"box\">\n");
        assert_eq!(closing_html("callout"), "</div>\n");
    }
}
