//! Lesson markdown to safe HTML: pulldown-cmark renders; we give headings
//! anchors, resolve links between lessons and to the course's files, make
//! images fit a phone, turn a linked video thumbnail into a link card,
//! highlight code; ammonia removes anything unsafe that raw HTML might
//! have brought, and what it would remove is reported.
//!
//! The walk through the parsed events is in `walk`; the HTML written in
//! place of an event is in `code_blocks`, `downloads`, `media` and `tables`.

mod attributes;
mod code_blocks;
mod downloads;
mod media;
mod tables;
#[cfg(test)]
mod tests;
mod walk;

use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, TextMergeWithOffset};

pub use super::links::LinkTargets;
use super::problem::Problems;
use super::sanitise::SANITIZER;
use crate::language::Language;
use crate::model::TocEntry;
use walk::Walked;

/// Where a problem in the rendered text is reported, and its language.
pub struct Source<'a> {
    pub path: &'a Path,
    /// The line of the file on which the markdown starts.
    pub first_line: usize,
    pub language: Language,
    /// A translation's original lesson's pictures, as written there, with
    /// their bytes: shown where the translation's own picture is missing.
    pub original_images: &'a [(String, u64)],
}

pub struct Rendered {
    pub html: String,
    pub contents: Vec<TocEntry>,
    pub words: usize,
    /// Every course image shown, as written, with the bytes a phone fetches for it.
    pub images: Vec<(String, u64)>,
    pub headings: usize,
    /// Letters of its text, to compare a translation with its original.
    pub letters: usize,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Raw HTML tags one lesson may hold.
const MAX_RAW_TAGS: usize = 1_000;

/// Renders a whole lesson body.
pub fn render(markdown: &str, source: &Source, targets: &LinkTargets, problems: &mut Problems) -> Rendered {
    // Texts merged, so that a bracketed span or an attribute list that the
    // parser cut at its brackets is read whole.
    let parsed: Vec<(Event, std::ops::Range<usize>)> =
        TextMergeWithOffset::new(Parser::new_ext(markdown, options()).into_offset_iter()).collect();
    let Walked { events, raw_tags, contents, words, letters, headings, images } =
        walk::through(markdown, parsed, source, targets, problems);

    if raw_tags > MAX_RAW_TAGS {
        // Misnested raw HTML can make an HTML parser build millions of
        // elements from a few kilobytes: such a lesson is not parsed at all.
        problems.report(
            source.path,
            source.first_line,
            format!("this text holds more than {MAX_RAW_TAGS} raw HTML tags: write it in markdown"),
        );
        return Rendered { html: String::new(), contents, words, images, headings, letters };
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Rendered { html: SANITIZER.clean(&html).to_string(), contents, words, images, headings, letters }
}

/// Renders a short piece of markdown (a quiz prompt, option or explanation);
/// a single paragraph is returned without its `<p>`.
pub fn render_fragment(markdown: &str, source: &Source, targets: &LinkTargets, problems: &mut Problems) -> String {
    let html = render(markdown, source, targets, problems).html;
    let trimmed = html.trim();
    match trimmed.strip_prefix("<p>").and_then(|rest| rest.strip_suffix("</p>")) {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => trimmed.to_string(),
    }
}
