//! What the pages show: plain data that crosses from the server to the
//! page, one module per feature, and the few domain types they share.
//!
//! These types are deliberately free of anything a learner must not see
//! before answering: a quiz travels as [`QuizView`], which has no correct
//! answers and no explanations.

mod accounts;
mod certificates;
mod cohorts;
mod courses;
mod domain;
mod forms;
mod imports;
mod organisations;
mod statistics;
mod studio;

pub use accounts::*;
pub use certificates::*;
pub use cohorts::*;
pub use courses::*;
pub use domain::*;
pub use forms::*;
pub use imports::*;
pub use organisations::*;
pub use statistics::*;
pub use studio::*;
