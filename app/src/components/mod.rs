mod layout;
pub(crate) mod problem;

pub use layout::Layout;
pub use problem::ProblemPage;
