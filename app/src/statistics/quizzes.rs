//! How each question of a quiz went on learners' first attempts: the share
//! answered right, and the wrong answer chosen most often.

use crate::catalog::Quiz;
use crate::learning::Answers;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuestionAnalysis {
    pub question_id: String,
    /// First attempts that answered it.
    pub answered: u64,
    /// Of those, the ones that chose exactly the right options.
    pub correct: u64,
    /// The wrong option chosen most often, and how often.
    pub most_chosen_wrong: Option<(String, u64)>,
}

/// Analyses `attempts` (answers as stored, JSON) of one quiz. Answers that
/// no longer parse, or name options the quiz no longer has, are skipped.
pub fn analyse_quiz<'a>(quiz: &Quiz, attempts: impl IntoIterator<Item = &'a str>) -> Vec<QuestionAnalysis> {
    let mut analyses: Vec<QuestionAnalysis> = quiz
        .questions
        .iter()
        .map(|question| QuestionAnalysis { question_id: question.id.clone(), ..QuestionAnalysis::default() })
        .collect();
    let mut wrong_choices: Vec<Vec<u64>> = quiz.questions.iter().map(|q| vec![0; q.options.len()]).collect();
    for attempt in attempts {
        let Ok(answers) = serde_json::from_str::<Answers>(attempt) else { continue };
        for (index, question) in quiz.questions.iter().enumerate() {
            let Some(chosen) = answers.get(&question.id) else { continue };
            analyses[index].answered += 1;
            let right = question.options.iter().all(|option| option.correct == chosen.contains(&option.id));
            if right {
                analyses[index].correct += 1;
            }
            for (option_index, option) in question.options.iter().enumerate() {
                if !option.correct && chosen.contains(&option.id) {
                    wrong_choices[index][option_index] += 1;
                }
            }
        }
    }
    for (index, question) in quiz.questions.iter().enumerate() {
        let most =
            wrong_choices[index].iter().enumerate().filter(|(_, n)| **n > 0).max_by_key(|(i, n)| (**n, usize::MAX - i));
        analyses[index].most_chosen_wrong = most.map(|(option, n)| (question.options[option].id.clone(), *n));
    }
    analyses
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Question, QuizOption};

    fn quiz() -> Quiz {
        let option = |id: &str, correct: bool| QuizOption { id: id.into(), correct };
        Quiz {
            pass_mark: 70,
            questions: vec![
                Question {
                    id: "one".into(),
                    multiple: false,
                    options: vec![option("a", true), option("b", false), option("c", false)],
                },
                Question {
                    id: "two".into(),
                    multiple: true,
                    options: vec![option("x", true), option("y", true), option("z", false)],
                },
            ],
        }
    }

    #[test]
    fn shares_right_and_the_commonest_wrong_answer() {
        let attempts = [
            r#"{"one":["a"],"two":["x","y"]}"#,
            r#"{"one":["c"],"two":["x"]}"#,
            r#"{"one":["c"],"two":["x","y","z"]}"#,
            r#"{"one":["b"],"two":["z"]}"#,
            "not json",
        ];
        let analysis = analyse_quiz(&quiz(), attempts);
        assert_eq!(analysis[0].answered, 4);
        assert_eq!(analysis[0].correct, 1);
        assert_eq!(analysis[0].most_chosen_wrong, Some(("c".into(), 2)));
        // Half right is wrong: exactly the right options count.
        assert_eq!(analysis[1].answered, 4);
        assert_eq!(analysis[1].correct, 1);
        assert_eq!(analysis[1].most_chosen_wrong, Some(("z".into(), 2)));
    }

    #[test]
    fn no_attempts_no_wrong_answer() {
        let analysis = analyse_quiz(&quiz(), []);
        assert_eq!(analysis[0].answered, 0);
        assert_eq!(analysis[0].most_chosen_wrong, None);
    }
}
