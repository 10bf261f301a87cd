mod form;
mod layout;
pub(crate) mod problem;
mod profile;
mod progress;

pub use form::{Field, NextPath, form_errors};
pub use layout::Layout;
pub use problem::ProblemPage;
pub use profile::ProfileQuestions;
pub use progress::ProgressBar;
