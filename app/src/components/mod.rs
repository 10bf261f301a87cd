mod layout;
mod problem;

pub use layout::Layout;
pub use problem::ProblemPage;
