//! A person's data held outside their account: the profile answers copied
//! onto their enrolments, their rows in stored enrolment files, and which
//! organisation looks after them. Both `accounts` (consent withdrawn, an
//! account deleted, a manager's search) and `learning` (enrolling, bulk
//! enrolment) keep these in step within their own transactions, so they
//! live below both: neither folder reaches into the other for them.

mod enrolments;
mod files;

pub use enrolments::{answer_columns, copy_answers_to_enrolments, learners_of_organisation};
pub(crate) use files::without_answers;
#[cfg(test)]
pub(crate) use files::{ANSWER_COLUMNS, emptied, is_row_of, rewrite};
pub use files::{Forget, forget_in_files};
