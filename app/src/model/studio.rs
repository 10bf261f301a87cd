//! The studio as its pages show it.

use serde::{Deserialize, Serialize};

use crate::language::Language;
use crate::model::{Access, Enrolment, Level};

/// `/studio`: the courses the person may write, and the folder courses.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudioHome {
    pub courses: Vec<StudioCourseCard>,
    /// Courses whose source is their folder: read-only here.
    pub folder_courses: Vec<FolderCourseCard>,
    /// Administrators create courses and take folder courses in.
    pub may_create: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudioCourseCard {
    pub id: String,
    pub title: String,
    /// The latest published version, if any.
    pub published: Option<i32>,
    /// A draft waits for review.
    pub proposed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FolderCourseCard {
    pub id: String,
    pub title: String,
}

/// A problem `courses check` reports, at a file's line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudioProblem {
    /// Relative to the course folder.
    pub path: String,
    pub line: usize,
    pub error: bool,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudioLesson {
    pub path: String,
    pub id: String,
    pub title: String,
    /// Each translation: its language and path.
    pub translations: Vec<(Language, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudioModule {
    /// `01-basics`.
    pub folder: String,
    pub title: String,
    pub lessons: Vec<StudioLesson>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudioFile {
    pub path: String,
    pub bytes: i64,
}

/// A draft proposed for review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    pub by: String,
    pub message: String,
    pub revision: i64,
}

/// `/studio/{course}`: the outline of the draft, its files and problems,
/// and what the person may do with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudioCourse {
    pub id: String,
    pub title: String,
    pub language: Language,
    /// The draft as a whole: what a publish or a proposal names.
    pub draft_revision: i64,
    pub modules: Vec<StudioModule>,
    /// Pictures and downloads.
    pub files: Vec<StudioFile>,
    pub instructors: Vec<String>,
    pub review_required: bool,
    pub proposal: Option<Proposal>,
    /// Why the last proposal was sent back.
    pub review_comment: Option<String>,
    pub latest_version: Option<i32>,
    /// The draft holds changes not published yet.
    pub unpublished_changes: bool,
    pub problems: Vec<StudioProblem>,
    /// The settings `course.toml` holds, for their form (`None`: it
    /// cannot be read; it is then edited as text).
    pub settings: Option<SettingsForm>,
    /// `course.toml`'s revision in the draft, which a save of the
    /// settings names.
    pub settings_revision: Option<i64>,
    /// Administrators: instructors and review.
    pub may_manage: bool,
    pub may_publish: bool,
    pub may_review: bool,
    /// A lesson of the draft about to be removed, and how many learners
    /// completed it (counted here, never taken from the address).
    pub removing: Option<(String, u64)>,
}

/// A course's settings as their form shows them (what `course.toml`
/// holds, numbers as typed).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsForm {
    pub title: String,
    pub summary: String,
    pub language: Language,
    pub level: Level,
    /// Hours of study (`None`: summed from the lessons).
    pub hours: Option<String>,
    pub access: Access,
    pub enrolment: Enrolment,
    pub certificate_issued: bool,
    /// Percent (`None`: not required).
    pub min_average_score: Option<String>,
    /// Each translation: its language, title and summary (empty: none).
    pub translations: Vec<(Language, String, String)>,
}

impl StudioCourse {
    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|problem| problem.error).count()
    }
}

/// Someone else's save that a save would have overwritten.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// Their text (empty when they removed the file).
    pub theirs: String,
    pub by: Option<String>,
    /// The text that was not saved.
    pub yours: String,
}

/// A translation's original, beside it in the editor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OriginalView {
    pub path: String,
    pub language: Language,
    pub text: String,
    /// The translation names the original it was made from, and it is not
    /// this one.
    pub stale: bool,
    /// What changed in the original since (empty when not known).
    pub changes: Vec<DiffLine>,
}

/// `/studio/{course}/edit?path=…`: one text file of the draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudioEditor {
    pub course_id: String,
    pub course_title: String,
    pub path: String,
    /// The language the file is written in (its `dir`).
    pub language: Language,
    /// The whole text of the file (its lines, for the problems to link to).
    pub text: String,
    /// A lesson's front matter as fields, when they say all of it; the
    /// text area then holds `body`, the text after it.
    pub fields: Option<LessonFields>,
    /// What the text area holds.
    pub body: String,
    /// The revision this text was loaded at (`None`: a new file).
    pub revision: Option<i64>,
    pub conflict: Option<Conflict>,
    /// Problems of this file.
    pub problems: Vec<StudioProblem>,
    /// The lesson the file is (for its preview), if it is one.
    pub lesson_id: Option<String>,
    /// The text shown is one not saved yet, kept for its preview under this name.
    pub unsaved: Option<String>,
    pub saved: bool,
    /// For a translation: its original, and whether it changed since.
    pub original: Option<OriginalView>,
}

/// A lesson's front matter as the editor's fields, as typed (numbers too).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonFields {
    pub title: String,
    pub minutes: String,
    pub id: String,
    pub pass_mark: String,
    pub translated_from: String,
    /// A translation's fields: title, minutes and the original it was made from.
    pub translation: bool,
}

/// A quiz question block (the syntax of `courses/README.md`) with id
/// `id`, its words from `words`: the question, a wrong answer, the right
/// one, an explanation under each.
pub fn question_block(id: &str, words: [&str; 4]) -> String {
    let [question, wrong, right, why] = words;
    format!(
        "::: question {id} single\n{question}\n\n- [ ] {wrong} {{#wrong}}\n  {why}\n- [x] {right} {{#right}}\n  {why}\n:::\n"
    )
}

/// A line of a comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DiffLine {
    Same(String),
    Removed(String),
    Added(String),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileDiff {
    pub path: String,
    /// Pictures and downloads are named as changed, not compared.
    pub binary: bool,
    pub lines: Vec<DiffLine>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionRow {
    pub number: i32,
    pub message: String,
    pub published_by: Option<String>,
    pub approved_by: Option<String>,
    /// `YYYY-MM-DD HH:MM UTC`.
    pub published_at: String,
}

/// `/studio/{course}/history`: every version, and a comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudioHistory {
    pub course_id: String,
    pub title: String,
    pub versions: Vec<VersionRow>,
    /// `(from, to, files)`: `to` 0 is the draft.
    pub diff: Option<(i32, i32, Vec<FileDiff>)>,
}
