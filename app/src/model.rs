//! What the pages show: plain data that crosses from the server to the page.
//!
//! These types are deliberately free of anything a learner must not see
//! before answering: a quiz travels as [`QuizView`], which has no correct
//! answers and no explanations.

use serde::{Deserialize, Serialize};

use crate::language::Language;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    #[default]
    Beginner,
    Intermediate,
    Advanced,
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Level::Beginner => "Beginner",
            Level::Intermediate => "Intermediate",
            Level::Advanced => "Advanced",
        }
    }
}

/// Who may read a course's lessons.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Access {
    /// Anyone reads every lesson; enrolment tracks progress.
    #[default]
    Open,
    /// Visitors see the overview and the first lesson only.
    Enrolled,
}

/// A course as listed in the catalogue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CourseCard {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub level: Level,
    pub minutes: u32,
    pub lesson_count: usize,
    pub languages: Vec<Language>,
}

/// A course's overview page: its modules and lessons.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CourseOutline {
    pub card: CourseCard,
    pub language: Language,
    pub modules: Vec<ModuleOutline>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModuleOutline {
    pub title: String,
    pub summary: Option<String>,
    pub lessons: Vec<LessonLink>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LessonLink {
    pub id: String,
    pub title: String,
    pub minutes: u32,
    pub is_quiz: bool,
}

/// One lesson page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LessonView {
    pub course_id: String,
    pub course_title: String,
    pub module_title: String,
    pub id: String,
    pub title: String,
    pub language: Language,
    pub minutes: u32,
    /// Sanitised HTML rendered from the lesson's markdown.
    pub html: String,
    pub contents: Vec<TocEntry>,
    pub quiz: Option<QuizView>,
    pub previous: Option<LessonLink>,
    pub next: Option<LessonLink>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TocEntry {
    /// 2 or 3, as in `##` and `###`.
    pub level: u8,
    pub anchor: String,
    pub text: String,
}

/// A quiz as the learner sees it before answering.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuizView {
    pub pass_mark: u8,
    pub questions: Vec<QuestionView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionView {
    pub id: String,
    pub multiple: bool,
    pub prompt_html: String,
    pub options: Vec<OptionView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OptionView {
    pub id: String,
    pub html: String,
}
