mod form;
mod issued_code;
mod layout;
mod page_title;
pub(crate) mod problem;
mod profile;
mod progress;
mod statistics;

pub use form::{ErrorSummary, Field, NextPath, form_errors};
pub use issued_code::IssuedCode;
pub use layout::Layout;
pub use page_title::{PageTitle, escape as escape_raw_text};
pub use problem::{ProblemPage, loaded};
pub use profile::ProfileQuestions;
pub use progress::ProgressBar;
pub use statistics::{StatisticsView, number, percent};
