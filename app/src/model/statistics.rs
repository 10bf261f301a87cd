//! Statistics pages: funnels, breakdowns, an instructor's course.

use serde::{Deserialize, Serialize};

use super::{ProfileQuestion, Progress};

/// The funnel of a group of enrolments: how many enrolled, started,
/// completed and were certified, how long completing took, and how many
/// learners were active lately.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Funnel {
    pub enrolled: u64,
    /// Different people (a learner in two courses is two enrolments).
    pub learners: u64,
    pub started: u64,
    pub completed: u64,
    pub certified: u64,
    /// Median days from enrolling to completing, of those who completed.
    pub median_days: Option<f64>,
    pub active_7_days: u64,
    pub active_30_days: u64,
}

/// One row of a funnel table: a course or a cohort.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FunnelRow {
    pub label: String,
    /// Its own statistics page, when it has one.
    pub link: Option<String>,
    pub funnel: Funnel,
}

/// One group of a breakdown by a profile answer. `None` counts belong to
/// a group too small to show ("fewer than N").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreakdownRow {
    /// The answer as stored (`female`), or `None` for "not stated".
    pub answer: Option<String>,
    /// `None`: not shown (every cohort in scope is left out). Started and
    /// certified are not broken down (see `statistics::suppression`).
    pub enrolled: Option<u64>,
    pub completed: Option<u64>,
    /// The figures leave out cohorts that are not shown: the true figures
    /// are at least these.
    pub partial: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Breakdown {
    pub question: ProfileQuestion,
    pub rows: Vec<BreakdownRow>,
    /// Cohorts in scope whose breakdown is not shown (a group of fewer
    /// than the threshold), and their enrolments: left out of every figure.
    pub left_out_cohorts: u64,
    pub left_out_enrolments: u64,
}

/// Statistics of a scope (the programme, a course, a cohort), as tables
/// and charts show them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Statistics {
    pub total: Funnel,
    /// Empty when the scope is one course.
    pub by_course: Vec<FunnelRow>,
    /// Empty when the scope is one cohort.
    pub by_cohort: Vec<FunnelRow>,
    pub breakdowns: Vec<Breakdown>,
    /// Why there are no breakdowns (a message id), when they are withheld.
    pub breakdowns_withheld: Option<String>,
    /// Groups smaller than this are not shown.
    pub threshold: u64,
    /// The scope as a query string (`course=…&from=…`), for CSV links.
    pub query: String,
}

/// What a statistics page is narrowed to, as the filter form sends it
/// (empty or missing: no filter).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatisticsFilters {
    #[serde(default)]
    pub course: Option<String>,
    #[serde(default)]
    pub cohort: Option<String>,
    #[serde(default)]
    pub organisation: Option<String>,
    /// `YYYY-MM-DD`: enrolled on or after.
    #[serde(default)]
    pub from: Option<String>,
    /// `YYYY-MM-DD`: enrolled on or before.
    #[serde(default)]
    pub to: Option<String>,
}

/// The manager's dashboard: statistics, and the choices of its filters.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DashboardPage {
    /// The course's title on a course's page; `None` for the programme.
    pub course_title: Option<String>,
    pub filters: StatisticsFilters,
    /// Message id of a filter that was not understood (and so not applied).
    pub filter_error: Option<String>,
    /// `(id, title)`.
    pub courses: Vec<(String, String)>,
    /// `(id, name)`: the cohorts the viewer may see.
    pub cohorts: Vec<(i64, String)>,
    /// `(id, name)`; empty for a manager of one organisation.
    pub organisations: Vec<(i64, String)>,
    /// The viewer's own organisation, for a manager of one.
    pub organisation_name: Option<String>,
    pub statistics: Statistics,
}

/// How many learners completed a lesson, and how many of them did not
/// complete the next one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonReach {
    pub lesson_id: String,
    pub title: String,
    pub completed: u64,
    /// Completed this lesson but not the next (none for the last lesson).
    pub stopped_after: Option<u64>,
}

/// One quiz question on learners' first attempts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionReport {
    pub lesson_title: String,
    /// 1-based, within its quiz.
    pub number: usize,
    pub prompt_html: String,
    pub answered: u64,
    pub correct: u64,
    /// The wrong answer chosen most (sanitised HTML from the course), and how often.
    pub most_chosen_wrong: Option<(String, u64)>,
}

/// One learner's place in a course, for the instructor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearnerProgress {
    pub username: String,
    pub display_name: String,
    pub cohort: Option<String>,
    pub progress: Progress,
    pub completed: bool,
    /// UTC date of their latest activity.
    pub last_active_on: Option<String>,
}

/// A course as its instructor sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TaughtCourse {
    pub course_id: String,
    pub title: String,
    pub funnel: Funnel,
    pub reach: Vec<LessonReach>,
    /// The lesson after which most learners stopped, if any did.
    pub most_stop_after: Option<String>,
    pub questions: Vec<QuestionReport>,
    pub learners: Vec<LearnerProgress>,
    /// More learners than the table shows (the CSV has them all).
    pub more_learners: u64,
}

/// `/teach`: the viewer's courses.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TeachPage {
    pub courses: Vec<TaughtCourse>,
    /// Problems of the course files the viewer may see (`path:line: error|warning: …`).
    #[serde(default)]
    pub problems: Vec<String>,
}
