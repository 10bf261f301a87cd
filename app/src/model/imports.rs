//! Bulk enrolment pages: files, their dry runs and the codes to hand out.

use serde::{Deserialize, Serialize};

/// A bulk enrolment file, as the list of recent ones shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub id: i64,
    pub file_name: String,
    /// UTC, to the minute.
    pub uploaded_at: String,
    pub applied: bool,
}

/// `/manage/import`: the upload form and recent files.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportsPage {
    pub recent: Vec<ImportSummary>,
    /// The largest file accepted, in megabytes.
    pub max_megabytes: u64,
}

/// One row of a bulk enrolment file and what applying it does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReportRow {
    pub line: u64,
    pub username: String,
    pub name: String,
    pub cohort: String,
    /// Message id: `import-will-create`, `import-will-enrol`,
    /// `import-nothing-to-do`, or the reason it is refused.
    pub outcome: String,
    pub refused: bool,
}

/// A set-password code to hand to a new learner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandoutCode {
    pub username: String,
    pub name: String,
    pub cohort: String,
    pub code: String,
}

/// `/manage/import/{id}`: the dry run of a file (checked against the
/// database as it is now), and once applied, the codes to hand out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub id: i64,
    pub file_name: String,
    pub uploaded_at: String,
    pub applied_at: Option<String>,
    /// A problem with the whole file: message id and what it names.
    pub problem: Option<(String, String)>,
    pub will_create: u64,
    pub will_enrol: u64,
    pub nothing_to_do: u64,
    pub refused: u64,
    /// Refused rows first, then others, up to a limit.
    pub rows: Vec<ImportReportRow>,
    pub rows_left_out: u64,
    pub codes: Vec<HandoutCode>,
    /// Codes are kept for printing, sealed for the browser that applied
    /// the file (`codes` is empty in any other).
    pub codes_sealed: bool,
    /// UTC date the codes stop working.
    pub codes_expire_on: Option<String>,
}
