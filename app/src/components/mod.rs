mod form;
mod layout;
pub(crate) mod problem;
mod profile;

pub use form::{Field, form_errors};
pub use layout::Layout;
pub use problem::ProblemPage;
pub use profile::ProfileQuestions;
