//! Mistakes found in course files, reported as `path:line: message`.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    /// 1-based; the line the instructor should look at.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
    }
}

/// Collects every problem in a load, so that an instructor sees them all at once.
#[derive(Debug, Default)]
pub struct Problems(Vec<Problem>);

impl Problems {
    pub fn report(&mut self, path: &Path, line: usize, message: impl Into<String>) {
        self.0.push(Problem { path: path.to_path_buf(), line: line.max(1), message: message.into() });
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn extend(&mut self, other: Problems) {
        self.0.extend(other.0);
    }

    pub fn into_vec(mut self) -> Vec<Problem> {
        self.0.sort_by(|a, b| a.path.cmp(&b.path).then(a.line.cmp(&b.line)));
        self.0
    }
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
