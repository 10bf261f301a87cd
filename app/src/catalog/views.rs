//! The catalog as the pages see it: what may be shown, in the reader's language.

use super::{Course, Lesson, LessonContent, Module};
use crate::language::Language;
use crate::model::{
    CourseCard, CourseOutline, LessonLink, LessonView, ModuleOutline, OptionView, QuestionView,
    QuizView,
};

impl Course {
    pub fn card(&self) -> CourseCard {
        CourseCard {
            id: self.id.clone(),
            title: self.title.clone(),
            summary: self.summary.clone(),
            level: self.level,
            minutes: self.minutes(),
            lesson_count: self.lessons().count(),
            languages: self.languages(),
        }
    }

    pub fn outline(&self) -> CourseOutline {
        CourseOutline {
            card: self.card(),
            language: self.language,
            modules: self
                .modules
                .iter()
                .map(|module| ModuleOutline {
                    title: module.title.clone(),
                    summary: module.summary.clone(),
                    lessons: module
                        .lessons
                        .iter()
                        .map(|lesson| lesson.link(self.language))
                        .collect(),
                })
                .collect(),
        }
    }

    /// A lesson page in `language` when the lesson has it, else in the course's language.
    pub fn lesson_view(&self, lesson_id: &str, language: Language) -> Option<LessonView> {
        let lessons: Vec<(&Module, &Lesson)> = self.lessons().collect();
        let index = lessons
            .iter()
            .position(|(_, lesson)| lesson.id == lesson_id)?;
        let (module, lesson) = lessons[index];
        let (language, content) = lesson.content_in(language, self.language);
        Some(LessonView {
            course_id: self.id.clone(),
            course_title: self.title.clone(),
            module_title: module.title.clone(),
            id: lesson.id.clone(),
            title: content.title.clone(),
            language,
            minutes: lesson.minutes,
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
                            .map(|(option, text)| OptionView {
                                id: option.id.clone(),
                                html: text.html.clone(),
                            })
                            .collect(),
                    })
                    .collect(),
            }),
            previous: index.checked_sub(1).map(|i| lessons[i].1.link(language)),
            next: lessons.get(index + 1).map(|(_, next)| next.link(language)),
        })
    }
}

impl Lesson {
    fn content_in(&self, wanted: Language, original: Language) -> (Language, &LessonContent) {
        match self.translations.get(&wanted) {
            Some(content) => (wanted, content),
            None => (original, &self.content),
        }
    }

    fn link(&self, language: Language) -> LessonLink {
        let title = self
            .translations
            .get(&language)
            .unwrap_or(&self.content)
            .title
            .clone();
        LessonLink {
            id: self.id.clone(),
            title,
            minutes: self.minutes,
            is_quiz: self.quiz.is_some(),
        }
    }
}
