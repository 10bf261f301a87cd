//! The learner's journey: enrolment (alone or in a cohort), lesson
//! completions, quiz attempts and course completions. Plain Rust over
//! sea-orm; server functions and the benchmark call it.

pub mod bulk;
mod certificates;
mod changes;
mod cohorts;
mod completions;
mod enrolment;
mod error;
#[cfg(test)]
mod fixtures;
pub mod grades;
mod grading;
pub mod outbox;
mod progress;
pub mod quiz_versions;
mod reading;
mod records;
mod standing;
mod views;

pub use certificates::{
    RevokeError, VERIFY_CODE_LENGTH, earned, earned_in, find_certificate, my_certificate, revoke_certificate,
};
pub use cohorts::{
    CohortError, NewCohort, TIME_ZONES, account_facts, cohort_members, cohort_with_count, create_cohort, facts_of,
    join_cohort, list_cohorts, memberships, today_in,
};
pub use completions::{CompletionWriter, SubmittedAttempt, TakenOn, submit_quiz, submit_quiz_taken_on};
pub use enrolment::{enrol, unenrol};
pub use error::LearningError;
pub use grading::{Answers, Graded, SubmissionError, grade};
pub use progress::{CourseProgress, progress};
pub use reading::lesson_for_reader;
pub use records::{active_enrolment, best_scores, completed_lessons, course_completion, my_enrolments, quiz_attempt};
pub use standing::{ReaderStanding, graded_attempt, standing_of};
pub use views::{cohort_members_progress, cohorts_page, facts as cohort_facts, my_courses, summary as cohort_summary};
