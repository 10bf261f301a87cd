//! The catalog as the pages see it: what may be shown, in the reader's language.

use std::collections::BTreeMap;

use super::{Course, Lesson, LessonContent, Module, TranslatedTitle};
use crate::language::Language;
use crate::model::{
    CourseCard, CourseOutline, LessonLink, LessonView, ModuleOutline, OptionView, QuestionView, QuizView,
};

/// A title and summary in `wanted` when translated, else the original.
fn titles<'a>(
    wanted: Language,
    original: Language,
    title: &'a str,
    summary: Option<&'a str>,
    translations: &'a BTreeMap<Language, TranslatedTitle>,
) -> (Language, &'a str, Option<&'a str>) {
    match translations.get(&wanted) {
        Some(translated) if wanted != original => {
            (wanted, translated.title.as_str(), translated.summary.as_deref().or(summary))
        }
        _ => (original, title, summary),
    }
}

impl Course {
    /// Where a learner goes once `lesson` is complete: the next lesson, or
    /// the course's progress when it was the last.
    pub fn address_after(&self, lesson: &str) -> String {
        let next = self.lessons().map(|(_, found)| found.id.as_str()).skip_while(|id| *id != lesson).nth(1);
        match next {
            Some(next) => format!("/courses/{}/{next}", self.id),
            None => format!("/courses/{}#progress", self.id),
        }
    }

    pub fn card(&self, reader_language: Language) -> CourseCard {
        let (language, title, summary) =
            titles(reader_language, self.language, &self.title, Some(&self.summary), &self.translations);
        CourseCard {
            id: self.id.clone(),
            language,
            title: title.to_string(),
            summary: summary.unwrap_or_default().to_string(),
            level: self.level,
            minutes: self.minutes(),
            lesson_count: self.lessons().count(),
            languages: self.languages(),
        }
    }

    pub fn outline(&self, reader_language: Language) -> CourseOutline {
        CourseOutline {
            card: self.card(reader_language),
            modules: self
                .modules
                .iter()
                .map(|module| {
                    let (language, title, summary) = module.titles(reader_language, self.language);
                    let intro = module
                        .intro
                        .get(&reader_language)
                        .map(|html| (reader_language, html))
                        .or_else(|| module.intro.get(&self.language).map(|html| (self.language, html)));
                    ModuleOutline {
                        language,
                        title: title.to_string(),
                        summary: summary.map(str::to_string),
                        intro_html: intro.map(|(_, html)| html.clone()),
                        intro_language: intro.map(|(language, _)| language),
                        lessons: module
                            .lessons
                            .iter()
                            .map(|lesson| lesson.link(reader_language, self.language))
                            .collect(),
                        withheld: module.withheld.iter().map(|lesson| (lesson.place, lesson.title.clone())).collect(),
                        progress: None,
                    }
                })
                .collect(),
            standing: Default::default(),
            problems: Vec::new(),
            offline_manifest: None,
        }
    }

    /// A lesson withheld for its errors: for learners, its title and a note
    /// (`preview` false); for staff, as far as it could be rendered, with its problems.
    pub fn withheld_view(&self, lesson_id: &str, reader_language: Language, preview: bool) -> Option<LessonView> {
        let (module, withheld) = self.withheld_lesson(lesson_id)?;
        let card = self.card(reader_language);
        let (module_title_language, module_title, _) = module.titles(reader_language, self.language);
        let content = withheld.preview.as_ref().filter(|_| preview);
        Some(LessonView {
            course_id: self.id.clone(),
            course_title: card.title,
            course_title_language: card.language,
            module_title: module_title.to_string(),
            module_title_language,
            id: withheld.id.clone(),
            title: withheld.title.clone(),
            language: self.language,
            minutes: content.map(|content| content.minutes).unwrap_or_default(),
            html: content.map(|content| content.html.clone()).unwrap_or_default(),
            contents: content.map(|content| content.contents.clone()).unwrap_or_default(),
            quiz: None,
            previous: None,
            next: None,
            standing: Default::default(),
            completed: false,
            locked: false,
            withheld: true,
            problems: if preview {
                withheld.problems.iter().map(|p| self.problem_text(p)).collect()
            } else {
                Vec::new()
            },
            attempt_key: None,
            best_score: None,
            result: None,
            course_version: self.content_version.clone(),
            original_newer: false,
        })
    }

    /// A problem as staff read it: its path within the course.
    pub fn problem_text(&self, problem: &super::Problem) -> String {
        let path = problem.path.strip_prefix(&self.folder).unwrap_or(&problem.path);
        let severity = if problem.is_error() { "error" } else { "warning" };
        format!("{}:{}: {severity}: {}", path.display(), problem.line, problem.message)
    }

    /// The link to one lesson, titled in `reader`'s language when it can be.
    pub fn lesson_link(&self, lesson_id: &str, reader_language: Language) -> Option<LessonLink> {
        self.lesson(lesson_id).map(|lesson| lesson.link(reader_language, self.language))
    }

    /// A lesson's text in `reader`'s language when it has it (for the
    /// quiz questions' wording in statistics).
    pub fn lesson_content(&self, lesson_id: &str, reader_language: Language) -> Option<&LessonContent> {
        self.lesson(lesson_id).map(|lesson| lesson.content_in(reader_language, self.language).1)
    }

    /// A graded attempt at a lesson's quiz, with the right answers and the
    /// explanations, in `reader`'s language when the lesson has it.
    pub fn quiz_result(
        &self,
        lesson_id: &str,
        reader_language: Language,
        answers: &crate::learning::Answers,
        graded: &crate::learning::Graded,
    ) -> Option<crate::model::QuizResult> {
        use crate::model::{OptionResult, QuestionResult, QuizResult};
        let lesson = self.lesson(lesson_id)?;
        let quiz = lesson.quiz.as_ref()?;
        let (_, content) = lesson.content_in(reader_language, self.language);
        let questions = quiz
            .questions
            .iter()
            .zip(&content.questions)
            .zip(&graded.correct)
            .map(|((question, text), right)| {
                let chosen = answers.get(&question.id);
                QuestionResult {
                    id: question.id.clone(),
                    prompt_html: text.prompt_html.clone(),
                    right: *right,
                    options: question
                        .options
                        .iter()
                        .zip(&text.options)
                        .map(|(option, text)| {
                            let was_chosen = chosen.is_some_and(|chosen| chosen.contains(&option.id));
                            // Until the quiz is passed, only what the learner chose is
                            // explained: showing every right option would let anyone
                            // copy them into the next attempt.
                            let revealed = graded.passed || was_chosen;
                            OptionResult {
                                html: text.html.clone(),
                                chosen: was_chosen,
                                correct: revealed && option.correct,
                                explanation_html: if revealed { text.explanation_html.clone() } else { String::new() },
                            }
                        })
                        .collect(),
                }
            })
            .collect();
        Some(QuizResult {
            score_percent: graded.score_percent,
            passed: graded.passed,
            pass_mark: quiz.pass_mark,
            questions,
        })
    }

    /// A lesson page in `reader`'s language when the lesson has it, else in the course's language.
    pub fn lesson_view(&self, lesson_id: &str, reader_language: Language) -> Option<LessonView> {
        let lessons: Vec<(&Module, &Lesson)> = self.lessons().collect();
        let index = lessons.iter().position(|(_, lesson)| lesson.id == lesson_id)?;
        let (module, lesson) = lessons[index];
        let (language, content) = lesson.content_in(reader_language, self.language);
        let card = self.card(reader_language);
        let (module_title_language, module_title, _) = module.titles(reader_language, self.language);
        Some(LessonView {
            course_id: self.id.clone(),
            course_title: card.title,
            course_title_language: card.language,
            module_title: module_title.to_string(),
            module_title_language,
            id: lesson.id.clone(),
            title: content.title.clone(),
            language,
            minutes: content.minutes,
            html: content.html.clone(),
            contents: content.contents.clone(),
            quiz: lesson.quiz.as_ref().map(|quiz| QuizView {
                pass_mark: quiz.pass_mark,
                questions: quiz
                    .questions
                    .iter()
                    .zip(&content.questions)
                    .map(|(question, text)| QuestionView {
                        id: question.id.clone(),
                        multiple: question.multiple,
                        prompt_html: text.prompt_html.clone(),
                        options: question
                            .options
                            .iter()
                            .zip(&text.options)
                            .map(|(option, text)| OptionView { id: option.id.clone(), html: text.html.clone() })
                            .collect(),
                    })
                    .collect(),
            }),
            previous: index.checked_sub(1).map(|i| lessons[i].1.link(reader_language, self.language)),
            next: lessons.get(index + 1).map(|(_, next)| next.link(reader_language, self.language)),
            standing: Default::default(),
            completed: false,
            locked: false,
            withheld: false,
            problems: Vec::new(),
            attempt_key: None,
            best_score: None,
            result: None,
            course_version: self.content_version.clone(),
            original_newer: content.stale,
        })
    }
}

impl Module {
    fn titles(&self, reader_language: Language, original: Language) -> (Language, &str, Option<&str>) {
        titles(reader_language, original, &self.title, self.summary.as_deref(), &self.translations)
    }
}

impl Lesson {
    fn content_in(&self, wanted: Language, original: Language) -> (Language, &LessonContent) {
        match self.translations.get(&wanted) {
            Some(content) => (wanted, content),
            None => (original, &self.content),
        }
    }

    fn link(&self, reader_language: Language, original: Language) -> LessonLink {
        let (language, content) = self.content_in(reader_language, original);
        LessonLink {
            id: self.id.clone(),
            language,
            title: content.title.clone(),
            minutes: content.minutes,
            is_quiz: self.quiz.is_some(),
            completed: false,
        }
    }
}
