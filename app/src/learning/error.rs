//! What can go wrong with a learner's request.

use sea_orm::DbErr;

use super::grading::SubmissionError;

#[derive(Debug, thiserror::Error)]
pub enum LearningError {
    #[error("that lesson is not in this course")]
    NotInCourse,
    #[error("not enrolled in this course")]
    NotEnrolled,
    #[error("this course is joined with a cohort code only")]
    CodeOnly,
    #[error("a quiz lesson is completed by passing its quiz")]
    QuizLesson,
    #[error("this lesson has no quiz")]
    NoQuiz,
    #[error(transparent)]
    Submission(#[from] SubmissionError),
    #[error(transparent)]
    Database(#[from] DbErr),
}
