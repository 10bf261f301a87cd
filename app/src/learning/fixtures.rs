//! Small courses built in code, for the unit tests of progress and
//! certificate rules.

use std::collections::HashSet;

use crate::catalog::{Course, Lesson, LessonContent, Module, Question, Quiz, QuizOption};

/// A lesson; with `quiz`, one single-choice question whose option `a` is right.
pub fn lesson(id: &str, quiz: bool) -> Lesson {
    Lesson {
        id: id.into(),
        source: Default::default(),
        minutes: 5,
        content: LessonContent {
            title: id.into(),
            html: String::new(),
            contents: vec![],
            questions: vec![],
            minutes: 5,
            weight: Default::default(),
            stale: false,
        },
        translations: Default::default(),
        problems: Vec::new(),
        quiz: quiz.then(|| Quiz {
            pass_mark: 70,
            questions: vec![Question {
                id: "q".into(),
                multiple: false,
                options: vec![QuizOption { id: "a".into(), correct: true }],
            }],
        }),
    }
}

pub fn module(lessons: Vec<Lesson>) -> Module {
    Module {
        slug: "m".into(),
        title: "M".into(),
        summary: None,
        translations: Default::default(),
        intro: Default::default(),
        lessons,
        withheld: Vec::new(),
    }
}

/// A module of lessons without quizzes.
pub fn reading(ids: &[&str]) -> Module {
    module(ids.iter().map(|id| lesson(id, false)).collect())
}

pub fn course(modules: Vec<Module>) -> Course {
    Course {
        id: "c".into(),
        folder: Default::default(),
        title: "C".into(),
        summary: String::new(),
        level: Default::default(),
        hours: None,
        language: Default::default(),
        instructors: vec![],
        access: Default::default(),
        enrolment: Default::default(),
        certificate: Default::default(),
        translations: Default::default(),
        modules,
        files: Default::default(),
        folders: Default::default(),
        referenced: Default::default(),
        open_files: Default::default(),
        problems: Vec::new(),
        content_version: "v1".into(),
        resolved_folder: std::path::PathBuf::new(),
        cache: None,
    }
}

pub fn ids(ids: &[&str]) -> HashSet<String> {
    ids.iter().map(|id| id.to_string()).collect()
}
