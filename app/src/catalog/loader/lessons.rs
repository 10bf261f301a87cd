//! Rendering an original lesson: its content, its questions and its quiz,
//! and how long it takes to read.

use super::CourseContext;
use super::module_files::LessonFile;
use crate::catalog::manifest::{LessonFrontMatter, lesson_parts};
use crate::catalog::markdown::{LinkTargets, Rendered, Source, render, render_fragment};
use crate::catalog::problem::Problems;
use crate::catalog::quiz::{WrittenQuestion, extract_questions};
use crate::catalog::weight::PageWeight;
use crate::catalog::{DEFAULT_PASS_MARK, LessonContent, OptionText, Question, QuestionText, Quiz, QuizOption};

/// Renders an original lesson: its content, its written questions, and
/// what a translation is compared with.
pub(super) fn render_lesson(
    file: &LessonFile,
    front_matter: &LessonFrontMatter,
    course: &CourseContext,
    targets: &LinkTargets,
    problems: &mut Problems,
) -> Option<(LessonContent, Vec<WrittenQuestion>, Rendered)> {
    // Its front matter's problems were reported when it was numbered.
    let (_, split) = lesson_parts::<LessonFrontMatter>(&file.text, &file.path, &mut Problems::default())?;
    let extracted = extract_questions(split.body, split.body_first_line, &file.path, problems);
    let source =
        Source { path: &file.path, first_line: split.body_first_line, language: course.language, original_images: &[] };
    let rendered = render(&extracted.markdown, &source, targets, problems);
    let questions = render_questions(&extracted.questions, &source, targets, problems);
    let minutes = front_matter.minutes.unwrap_or_else(|| estimated_minutes(rendered.words, extracted.questions.len()));
    let weight = PageWeight::of(&rendered);
    weight.check(&file.path, course.budget_kb, problems);
    let content = LessonContent {
        title: front_matter.title.clone(),
        html: rendered.html.clone(),
        contents: rendered.contents.clone(),
        questions,
        minutes,
        weight,
        stale: false,
    };
    Some((content, extracted.questions, rendered))
}

pub(super) fn render_questions(
    questions: &[WrittenQuestion],
    lesson: &Source,
    targets: &LinkTargets,
    problems: &mut Problems,
) -> Vec<QuestionText> {
    let (path, language) = (lesson.path, lesson.language);
    questions
        .iter()
        .map(|question| QuestionText {
            prompt_html: render_fragment(
                &question.prompt,
                &Source { path, first_line: question.line + 1, language, original_images: &[] },
                targets,
                problems,
            ),
            options: question
                .options
                .iter()
                .map(|option| {
                    let source = Source { path, first_line: option.line, language, original_images: &[] };
                    let html = render_fragment(&option.text, &source, targets, problems);
                    if html.contains("<a ") {
                        problems.report(
                            path,
                            option.line,
                            "an option cannot contain a link: the whole option is what the learner clicks",
                        );
                    }
                    OptionText {
                        html,
                        explanation_html: render_fragment(&option.explanation, &source, targets, problems),
                    }
                })
                .collect(),
        })
        .collect()
}

pub(super) fn build_quiz(
    written: &[WrittenQuestion],
    pass_mark: Option<u8>,
    file: &LessonFile,
    problems: &mut Problems,
) -> Option<Quiz> {
    if written.is_empty() {
        if pass_mark.is_some() {
            problems.report(&file.path, 2, "`pass_mark` is only for quiz lessons: this lesson has no questions");
        }
        return None;
    }
    let pass_mark = pass_mark.unwrap_or(DEFAULT_PASS_MARK);
    if !(1..=100).contains(&pass_mark) {
        problems.report(&file.path, 2, format!("`pass_mark` is a percentage from 1 to 100, not {pass_mark}"));
    }
    for (index, question) in written.iter().enumerate() {
        if written[..index].iter().any(|earlier| earlier.id == question.id) {
            problems.report(
                &file.path,
                question.line,
                format!("question id `{}` is used twice in this lesson", question.id),
            );
        }
    }
    Some(Quiz {
        pass_mark,
        questions: written
            .iter()
            .map(|question| Question {
                id: question.id.clone(),
                multiple: question.multiple,
                options: question.options.iter().map(|o| QuizOption { id: o.id.clone(), correct: o.correct }).collect(),
            })
            .collect(),
    })
}

/// Reading time at a gentle 150 words a minute (many learners read in a
/// second language), plus a minute per quiz question.
pub(super) fn estimated_minutes(words: usize, questions: usize) -> u32 {
    (words.div_ceil(150) + questions).max(1) as u32
}
