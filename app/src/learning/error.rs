//! What can go wrong with a learner's request.

use crate::msg;
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
    #[error("this attempt key belongs to an attempt at another quiz")]
    KeyReused,
    #[error("the database failed")]
    Database(#[from] DbErr),
}

/// A refusal as the learner's form shows it; a failure logged with its causes.
impl From<LearningError> for crate::error::AppError {
    fn from(error: LearningError) -> Self {
        use crate::error::AppError;
        use crate::model::FormErrors;
        let message = |id: &str| AppError::Form(FormErrors { form: Some(id.into()), ..FormErrors::default() });
        match error {
            LearningError::NotInCourse | LearningError::NoQuiz => AppError::NotFound,
            LearningError::NotEnrolled => message(msg::LEARNING_NOT_ENROLLED),
            LearningError::CodeOnly => message(msg::LEARNING_CODE_ONLY),
            LearningError::QuizLesson => message(msg::LEARNING_QUIZ_LESSON),
            LearningError::Submission(error) => message(error.message_id()),
            LearningError::KeyReused => message(msg::QUIZ_TAMPERED),
            LearningError::Database(error) => AppError::internal_chain(&error),
        }
    }
}
