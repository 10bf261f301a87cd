//! Grading a quiz, on the server only: the answers a learner chose against
//! the course's correct options.

use crate::msg;
use std::collections::{BTreeMap, BTreeSet};

use crate::catalog::Quiz;

/// What a learner chose: question id → option ids.
pub type Answers = BTreeMap<String, BTreeSet<String>>;

/// Why a submission cannot be graded. Nothing is recorded for it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SubmissionError {
    #[error("question `{0}` is not in this quiz")]
    UnknownQuestion(String),
    #[error("question `{question}` has no option `{option}`")]
    UnknownOption { question: String, option: String },
    #[error("question `{0}` is not answered")]
    Unanswered(String),
    #[error("question `{0}` takes one answer")]
    SeveralForSingle(String),
}

impl SubmissionError {
    /// The interface message that explains it.
    pub fn message_id(&self) -> &'static str {
        match self {
            SubmissionError::Unanswered(_) => msg::QUIZ_UNANSWERED,
            _ => msg::QUIZ_TAMPERED,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Graded {
    /// Whole percent of questions answered right, rounded down (so 100
    /// means every question).
    pub score_percent: u8,
    pub passed: bool,
    /// Per question, in the quiz's order.
    pub correct: Vec<bool>,
}

/// Grades `answers`: every question must be answered, with options it has
/// (one for a single-choice question). A multiple-choice question is right
/// when exactly its correct options are chosen.
pub fn grade(quiz: &Quiz, answers: &Answers) -> Result<Graded, SubmissionError> {
    for (question_id, chosen) in answers {
        let question = quiz
            .questions
            .iter()
            .find(|question| &question.id == question_id)
            .ok_or_else(|| SubmissionError::UnknownQuestion(question_id.clone()))?;
        if let Some(option) = chosen.iter().find(|id| !question.options.iter().any(|option| &&option.id == id)) {
            return Err(SubmissionError::UnknownOption { question: question_id.clone(), option: option.clone() });
        }
        if !question.multiple && chosen.len() > 1 {
            return Err(SubmissionError::SeveralForSingle(question_id.clone()));
        }
    }
    let mut correct = Vec::with_capacity(quiz.questions.len());
    for question in &quiz.questions {
        let chosen = answers.get(&question.id).filter(|chosen| !chosen.is_empty());
        let chosen = chosen.ok_or_else(|| SubmissionError::Unanswered(question.id.clone()))?;
        let right: BTreeSet<&String> =
            question.options.iter().filter(|option| option.correct).map(|option| &option.id).collect();
        correct.push(chosen.iter().collect::<BTreeSet<_>>() == right);
    }
    let total = correct.len();
    let right = correct.iter().filter(|is_right| **is_right).count();
    let score_percent = (right * 100).checked_div(total).unwrap_or(0) as u8;
    Ok(Graded { score_percent, passed: total > 0 && score_percent >= quiz.pass_mark, correct })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Question, QuizOption};

    fn option(id: &str, correct: bool) -> QuizOption {
        QuizOption { id: id.into(), correct }
    }

    /// Three questions, pass mark 70: "which" (single, b), "all" (multiple, a and c), "yes" (single, y).
    fn quiz() -> Quiz {
        Quiz {
            pass_mark: 70,
            questions: vec![
                Question { id: "which".into(), multiple: false, options: vec![option("a", false), option("b", true)] },
                Question {
                    id: "all".into(),
                    multiple: true,
                    options: vec![option("a", true), option("b", false), option("c", true)],
                },
                Question { id: "yes".into(), multiple: false, options: vec![option("y", true), option("n", false)] },
            ],
        }
    }

    fn answers(pairs: &[(&str, &[&str])]) -> Answers {
        pairs
            .iter()
            .map(|(question, options)| (question.to_string(), options.iter().map(|o| o.to_string()).collect()))
            .collect()
    }

    #[test]
    fn all_right_is_full_marks() {
        let graded = grade(&quiz(), &answers(&[("which", &["b"]), ("all", &["a", "c"]), ("yes", &["y"])])).unwrap();
        assert_eq!(graded, Graded { score_percent: 100, passed: true, correct: vec![true, true, true] });
    }

    #[test]
    fn a_multiple_choice_question_needs_exactly_the_right_options() {
        let partly = grade(&quiz(), &answers(&[("which", &["b"]), ("all", &["a"]), ("yes", &["y"])])).unwrap();
        assert_eq!(partly.correct, vec![true, false, true]);
        // Two of three is 66%, under the pass mark of 70.
        assert_eq!((partly.score_percent, partly.passed), (66, false));
        let too_many = grade(&quiz(), &answers(&[("which", &["b"]), ("all", &["a", "b", "c"]), ("yes", &["y"])]));
        assert_eq!(too_many.unwrap().correct, vec![true, false, true]);
    }

    #[test]
    fn the_pass_mark_is_inclusive() {
        let mut quiz = quiz();
        quiz.pass_mark = 66;
        let graded = grade(&quiz, &answers(&[("which", &["a"]), ("all", &["a", "c"]), ("yes", &["y"])])).unwrap();
        assert_eq!((graded.score_percent, graded.passed), (66, true));
    }

    #[test]
    fn unknown_missing_or_doubled_answers_are_refused() {
        let full = |extra: (&str, &[&str])| {
            let mut pairs: Vec<(&str, &[&str])> = vec![("which", &["b"]), ("all", &["a", "c"]), ("yes", &["y"])];
            pairs.retain(|(question, _)| *question != extra.0);
            pairs.push(extra);
            grade(&quiz(), &answers(&pairs))
        };
        assert_eq!(full(("nope", &["a"])), Err(SubmissionError::UnknownQuestion("nope".into())));
        assert_eq!(
            full(("which", &["z"])),
            Err(SubmissionError::UnknownOption { question: "which".into(), option: "z".into() })
        );
        assert_eq!(full(("which", &["a", "b"])), Err(SubmissionError::SeveralForSingle("which".into())));
        assert_eq!(full(("yes", &[])), Err(SubmissionError::Unanswered("yes".into())));
        let missing = grade(&quiz(), &answers(&[("which", &["b"])]));
        assert_eq!(missing, Err(SubmissionError::Unanswered("all".into())));
    }
}
