//! Statistics as pages and downloads show them: who may count what (scope),
//! a scope's tables (report), an instructor's view of a course (teach),
//! and any table as a CSV file (downloads).

mod downloads;
mod report;
mod scope;
mod teach;

pub use downloads::{BREAKDOWN_TABLES, TABLES, TEACH_TABLES, answer_label, statistics_csv, teach_csv};
pub use report::{dashboard_page, statistics};
pub use scope::{Filters, scope_for, taught_courses};
pub use teach::{taught_course, teach_page};

use crate::model::Funnel;
use crate::statistics::Counts;

/// Everything but unreserved ASCII is percent-encoded in a query value.
pub const QUERY_VALUE: &percent_encoding::AsciiSet =
    &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.');

/// Percent-encodes a value for a query string.
pub fn encode(value: &str) -> String {
    percent_encoding::utf8_percent_encode(value, QUERY_VALUE).to_string()
}

/// A funnel of counts, its median rounded to a tenth of a day.
pub(super) fn funnel(counts: Counts, median_days: Option<f64>) -> Funnel {
    Funnel {
        enrolled: counts.enrolled,
        learners: counts.learners,
        started: counts.started,
        completed: counts.completed,
        certified: counts.certified,
        median_days: median_days.map(|days| (days * 10.0).round() / 10.0),
        active_7_days: counts.active_7_days,
        active_30_days: counts.active_30_days,
    }
}
