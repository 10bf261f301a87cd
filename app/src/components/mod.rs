mod form;
mod layout;
pub(crate) mod problem;

pub use form::{Field, form_errors};
pub use layout::Layout;
pub use problem::ProblemPage;
