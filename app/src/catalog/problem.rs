//! Mistakes found in course files, reported as `path:line: error: message`.
//!
//! An **error** means something cannot be served as written, and is left
//! out: the course (its `course.toml` is broken), a lesson (its quiz cannot
//! be graded, its front matter cannot be read), a translation or a file.
//! The rest of the course is served. A **warning** means it is served, with
//! a flaw staff should see: a broken link shown as plain text, text the
//! sanitiser removed, a page heavier than the budget.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    /// 1-based; the line the instructor should look at.
    pub line: usize,
    pub severity: Severity,
    pub message: String,
}

impl Problem {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}:{}: {severity}: {}", self.path.display(), self.line, self.message)
    }
}

/// Collects every problem in a load, so that an instructor sees them all at once.
#[derive(Debug, Default)]
pub struct Problems(Vec<Problem>);

impl Problems {
    /// An error: what it concerns is left out.
    pub fn report(&mut self, path: &Path, line: usize, message: impl Into<String>) {
        self.push(path, line, Severity::Error, message.into());
    }

    /// A warning: served anyway, with the flaw shown to staff.
    pub fn warn(&mut self, path: &Path, line: usize, message: impl Into<String>) {
        self.push(path, line, Severity::Warning, message.into());
    }

    fn push(&mut self, path: &Path, line: usize, severity: Severity, message: String) {
        self.0.push(Problem { path: path.to_path_buf(), line: line.max(1), severity, message });
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Problem::is_error)
    }

    pub fn extend(&mut self, other: Problems) {
        self.0.extend(other.0);
    }

    pub fn extend_from(&mut self, found: Vec<Problem>) {
        self.0.extend(found);
    }

    pub fn as_slice(&self) -> &[Problem] {
        &self.0
    }

    pub fn into_vec(mut self) -> Vec<Problem> {
        sort(&mut self.0);
        self.0
    }
}

/// In file order: path, then line.
pub fn sort(problems: &mut [Problem]) {
    problems.sort_by(|a, b| a.path.cmp(&b.path).then(a.line.cmp(&b.line)));
}

/// The 1-based line of a byte offset in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Formats a list of problems one per line, as `courses check` prints them.
pub fn format_all(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("{p}\n")).collect()
}
