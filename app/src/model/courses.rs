//! Courses, lessons and quizzes as a reader sees them, with their own progress.
//!
//! A quiz travels as [`QuizView`], which has no correct answers and no
//! explanations.

use serde::{Deserialize, Serialize};

use super::Level;
use crate::language::Language;

/// Lessons done out of lessons counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    /// Rounded down: 100 only when every lesson is done.
    pub percent: u8,
}

impl Progress {
    pub fn new(done: usize, total: usize) -> Progress {
        let percent = (done.min(total) * 100).checked_div(total).unwrap_or(0) as u8;
        Progress { done, total, percent }
    }
}

/// The reader's relation to a course, as its pages show it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standing {
    /// Not signed in: invited to register or log in to track progress.
    #[default]
    Visitor,
    /// Signed in, not enrolled; `open` says whether one button enrols.
    NotEnrolled { open: bool },
    /// Enrolled: progress is tracked.
    Enrolled {
        progress: Progress,
        /// The next lesson not yet completed.
        next_lesson: Option<String>,
        /// When the course was completed (UTC date), if it was: kept even
        /// if lessons are added later.
        completed_on: Option<String>,
        /// A certificate was issued for the course.
        #[serde(default)]
        certificate: bool,
    },
    /// The copy of a page saved on a phone: the same for every reader of
    /// its kind (enrolled or not), with nobody's progress in it; the
    /// phone's script shows the reader's own.
    Saved { enrolled: bool },
}

impl Standing {
    /// Whether completions and quiz attempts may be sent from the page.
    pub fn may_record(&self) -> bool {
        matches!(self, Standing::Enrolled { .. } | Standing::Saved { enrolled: true })
    }
}

/// Given as context when a page is rendered as the copy saved on a phone
/// (see `offline`); never set by anything a request carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SavedCopy {
    pub enrolled: bool,
}

/// A course as listed in the catalogue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CourseCard {
    pub id: String,
    /// The language of the title and summary: the reader's when translated.
    pub language: Language,
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
    pub modules: Vec<ModuleOutline>,
    /// The reader's enrolment and progress.
    #[serde(default)]
    pub standing: Standing,
    /// The course files' errors and warnings (`path:line: …`): for its staff only.
    #[serde(default)]
    pub problems: Vec<String>,
    /// Where the manifest of the course for saving on this phone is, when
    /// the reader may save it (see `offline`).
    #[serde(default)]
    pub offline_manifest: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModuleOutline {
    /// The language of the title and summary.
    pub language: Language,
    pub title: String,
    pub summary: Option<String>,
    /// The module's introduction and credits (sanitised HTML), in `intro_language`.
    #[serde(default)]
    pub intro_html: Option<String>,
    #[serde(default)]
    pub intro_language: Option<Language>,
    pub lessons: Vec<LessonLink>,
    /// Lessons withheld for their errors, each with how many of `lessons`
    /// come before it: the outline keeps the files' order.
    #[serde(default)]
    pub withheld: Vec<(usize, String)>,
    /// For an enrolled reader.
    #[serde(default)]
    pub progress: Option<Progress>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LessonLink {
    pub id: String,
    /// The language of the title.
    pub language: Language,
    pub title: String,
    pub minutes: u32,
    pub is_quiz: bool,
    /// Completed by the (enrolled) reader.
    #[serde(default)]
    pub completed: bool,
}

/// One lesson page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LessonView {
    pub course_id: String,
    pub course_title: String,
    pub module_title: String,
    pub id: String,
    pub title: String,
    /// The language the lesson is shown in: the reader's, or the course's
    /// own when the lesson has no translation into the reader's.
    pub language: Language,
    /// The languages of the course's and the module's titles.
    pub course_title_language: Language,
    pub module_title_language: Language,
    pub minutes: u32,
    /// Sanitised HTML rendered from the lesson's markdown.
    pub html: String,
    pub contents: Vec<TocEntry>,
    pub quiz: Option<QuizView>,
    pub previous: Option<LessonLink>,
    pub next: Option<LessonLink>,
    /// The reader's enrolment and progress in the course.
    #[serde(default)]
    pub standing: Standing,
    /// Completed by the (enrolled) reader.
    #[serde(default)]
    pub completed: bool,
    /// An `access = "enrolled"` lesson the reader may not read yet: no
    /// text, an invitation to enrol instead.
    #[serde(default)]
    pub locked: bool,
    /// Withheld for its errors: learners see a note; staff a preview.
    #[serde(default)]
    pub withheld: bool,
    /// The lesson's errors and warnings (`path:line: …`): for its staff only.
    #[serde(default)]
    pub problems: Vec<String>,
    /// Sent back with a quiz submission, so that submitting twice counts once.
    #[serde(default)]
    pub attempt_key: Option<String>,
    /// The reader's best score on this lesson's quiz.
    #[serde(default)]
    pub best_score: Option<u8>,
    /// The graded attempt just submitted, with the right answers and explanations.
    #[serde(default)]
    pub result: Option<QuizResult>,
    /// The course's content version: sent with what is done offline, so
    /// that a quiz is graded against the version it was taken on.
    #[serde(default)]
    pub course_version: String,
    /// The text shown is a translation made from an older version of its
    /// original: its readers get a quiet note.
    #[serde(default)]
    pub original_newer: bool,
}

/// A graded quiz attempt: only ever sent after the learner submitted it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuizResult {
    pub score_percent: u8,
    pub passed: bool,
    pub pass_mark: u8,
    pub questions: Vec<QuestionResult>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionResult {
    pub id: String,
    pub prompt_html: String,
    pub right: bool,
    pub options: Vec<OptionResult>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OptionResult {
    pub html: String,
    pub chosen: bool,
    pub correct: bool,
    pub explanation_html: String,
}

/// A course on the learner's dashboard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyCourse {
    pub card: CourseCard,
    pub progress: Progress,
    /// Where to continue: the first lesson not yet completed.
    pub next_lesson: Option<LessonLink>,
    /// UTC date.
    pub completed_on: Option<String>,
    /// The learner holds a valid certificate of the course.
    pub certified: bool,
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
