//! Cohorts as managers and instructors see them.

use serde::{Deserialize, Serialize};

use super::{IssuedResetCode, Progress, Statistics};

/// A cohort, as managers and instructors see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortSummary {
    pub id: i64,
    pub course_id: String,
    pub course_title: String,
    pub name: String,
    /// Grouped: `ABCD-EFGH`.
    pub code: String,
    pub time_zone: String,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub capacity: Option<i32>,
    pub members: u64,
}

/// One learner of a cohort, with their progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortMember {
    pub username: String,
    pub display_name: String,
    /// UTC date.
    pub enrolled_on: String,
    /// UTC date, if they left.
    pub left_on: Option<String>,
    pub progress: Progress,
    pub completed: bool,
}

/// The cohorts page: the cohorts, the courses a new one may be for, and the time zones.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortsPage {
    pub cohorts: Vec<CohortSummary>,
    /// `(id, title)`; empty for someone who may not create cohorts.
    pub courses: Vec<(String, String)>,
    pub time_zones: Vec<String>,
    /// `(id, name)`: the organisations a new cohort may belong to (empty
    /// for a manager of one organisation, whose cohorts are its own).
    pub organisations: Vec<(i64, String)>,
}

/// One cohort and who is in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CohortPage {
    pub cohort: CohortSummary,
    pub members: Vec<CohortMember>,
    /// A reset code the viewer just issued for a member, shown once.
    pub issued: Option<IssuedResetCode>,
    pub statistics: Statistics,
}
