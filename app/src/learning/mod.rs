//! The learner's journey: enrolment (alone or in a cohort), lesson
//! completions, quiz attempts and course completions. Plain Rust over
//! sea-orm; server functions and the benchmark call it.

pub mod bulk;
mod certificates;
mod cohorts;
#[cfg(test)]
mod fixtures;
mod grading;
mod progress;
mod service;

pub use certificates::{
    RevokeError, VERIFY_CODE_LENGTH, earned, earned_in, find_certificate, my_certificate, revoke_certificate,
};
pub use cohorts::{
    CohortError, NewCohort, TIME_ZONES, account_facts, cohort_members, cohort_with_count, create_cohort, facts_of,
    join_cohort, learners_of_organisation, list_cohorts, memberships, today_in,
};
pub use grading::{Answers, Graded, SubmissionError, grade};
pub use progress::{CourseProgress, progress};
pub use service::{
    CompletionWriter, LearningError, active_enrolment, best_scores, completed_lessons, course_completion, enrol,
    my_enrolments, quiz_attempt, submit_quiz, unenrol,
};
pub(crate) use service::{answer_columns, copy_answers_to_enrolments};
