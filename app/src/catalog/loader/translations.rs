//! Rendering a translation and checking it against its original lesson:
//! the same quiz, a similar shape, and whether it is stale.

use std::path::Path;

use sha2::{Digest, Sha256};

use super::CourseContext;
use super::lessons::{estimated_minutes, render_questions};
use super::module_files::LessonFile;
use crate::catalog::LessonContent;
use crate::catalog::course_files::hex;
use crate::catalog::manifest::{TranslationFrontMatter, lesson_parts};
use crate::catalog::markdown::{LinkTargets, Rendered, Source, render};
use crate::catalog::problem::Problems;
use crate::catalog::quiz::{WrittenQuestion, extract_questions};
use crate::catalog::weight::PageWeight;

/// The SHA-256 (hex) of a lesson file's text: what a translation's
/// `translated_from` names.
pub fn file_hash(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// What a translation is checked against: its original lesson.
pub(super) struct Original<'a> {
    pub(super) questions: &'a [WrittenQuestion],
    pub(super) rendered: &'a Rendered,
    /// [`file_hash`] of the original's file.
    pub(super) hash: &'a str,
}

/// Whether a translation made from `translated_from` is stale now that
/// its original is `original`; `None`: not known (no hash, or not one).
fn stale(translated_from: Option<&str>, original: &str) -> Option<bool> {
    let from = translated_from?.trim();
    (from.len() == 64 && from.bytes().all(|b| b.is_ascii_hexdigit())).then(|| !from.eq_ignore_ascii_case(original))
}

pub(super) fn render_translation(
    file: &LessonFile,
    original: Original,
    course: &CourseContext,
    targets: &LinkTargets,
    problems: &mut Problems,
) -> Option<LessonContent> {
    let (front_matter, split) = lesson_parts::<TranslationFrontMatter>(&file.text, &file.path, problems)?;
    let extracted = extract_questions(split.body, split.body_first_line, &file.path, problems);
    let stale = match (
        front_matter.translated_from.as_deref(),
        stale(front_matter.translated_from.as_deref(), original.hash),
    ) {
        (_, Some(stale)) => stale,
        (None, None) => false,
        (Some(_), None) => {
            problems.warn(
                &file.path,
                2,
                "`translated_from` is the SHA-256 of the original lesson's file: 64 hex digits",
            );
            false
        }
    };
    if stale {
        problems.warn(
            &file.path,
            2,
            "this translation was made from an older version of its original lesson: bring it up to date, then set \
             `translated_from` to the original's SHA-256 (the studio shows what changed and does this)",
        );
    }
    if !same_quiz(original.questions, &extracted.questions) {
        problems.report(
            &file.path,
            split.body_first_line,
            "a translation must have the same questions and options as the original lesson: same ids, same correct answers, same order",
        );
        return None;
    }
    let language = file.translation_of.unwrap_or(course.language);
    let source = Source {
        path: &file.path,
        first_line: split.body_first_line,
        language,
        original_images: &original.rendered.images,
    };
    let rendered = render(&extracted.markdown, &source, targets, problems);
    compare_with_original(&file.path, &rendered, original.rendered, problems);
    let questions = render_questions(&extracted.questions, &source, targets, problems);
    let minutes = front_matter.minutes.unwrap_or_else(|| estimated_minutes(rendered.words, extracted.questions.len()));
    let weight = PageWeight::of(&rendered);
    weight.check(&file.path, course.budget_kb, problems);
    Some(LessonContent {
        title: front_matter.title,
        html: rendered.html,
        contents: rendered.contents,
        questions,
        minutes,
        weight,
        stale,
    })
}

/// A translation whose shape differs much from its original has likely
/// lost or gained a part: said, not refused.
fn compare_with_original(path: &Path, translation: &Rendered, original: &Rendered, problems: &mut Problems) {
    if translation.headings != original.headings {
        problems.warn(
            path,
            1,
            format!(
                "this translation has {} headings and its original {}: a part may be missing or added",
                translation.headings, original.headings
            ),
        );
    }
    if translation.images.len() != original.images.len() {
        problems.warn(
            path,
            1,
            format!(
                "this translation shows {} images and its original {}",
                translation.images.len(),
                original.images.len()
            ),
        );
    }
    // Letters, not words: scripts differ in how many words a sentence takes.
    let (ours, theirs) = (translation.letters.max(1) as f64, original.letters.max(1) as f64);
    if original.letters >= 200 && !(0.5..=2.0).contains(&(ours / theirs)) {
        problems.warn(
            path,
            1,
            format!(
                "this translation is {:.1} times as long as its original ({} letters against {}): check that it translates the same lesson",
                ours / theirs,
                translation.letters,
                original.letters
            ),
        );
    }
}

fn same_quiz(original: &[WrittenQuestion], translation: &[WrittenQuestion]) -> bool {
    original.len() == translation.len()
        && original.iter().zip(translation).all(|(a, b)| {
            a.id == b.id
                && a.multiple == b.multiple
                && a.options.len() == b.options.len()
                && a.options.iter().zip(&b.options).all(|(x, y)| x.id == y.id && x.correct == y.correct)
        })
}
