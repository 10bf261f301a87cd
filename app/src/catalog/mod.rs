//! The course catalog: every course read from `courses/`, checked, rendered
//! once and kept in memory. It is immutable; a reload builds a whole new
//! catalog and swaps it in only if it has no problems.

mod files;
pub mod fuzzing;
mod loader;
mod manifest;
mod markdown;
mod problem;
mod quiz;
mod slug;
mod views;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arc_swap::ArcSwap;

pub use loader::{BrokenCourses, Loaded, load};
pub use manifest::{CertificateRules, TranslatedTitle};
pub use problem::{Problem, format_all};

use crate::language::Language;
use crate::model::{Access, Enrolment, Level, TocEntry};

#[derive(Debug, Default)]
pub struct Catalog {
    courses: Vec<Arc<Course>>,
}

impl Catalog {
    pub fn courses(&self) -> &[Arc<Course>] {
        &self.courses
    }

    pub fn course(&self, id: &str) -> Option<&Arc<Course>> {
        self.courses.iter().find(|course| course.id == id)
    }
}

#[derive(Debug)]
pub struct Course {
    pub id: String,
    pub folder: PathBuf,
    pub title: String,
    pub summary: String,
    pub level: Level,
    pub hours: Option<f32>,
    /// The language the lessons are written in.
    pub language: Language,
    pub instructors: Vec<String>,
    pub access: Access,
    pub enrolment: Enrolment,
    pub certificate: CertificateRules,
    pub translations: BTreeMap<Language, TranslatedTitle>,
    pub modules: Vec<Module>,
    /// Files under `assets/`, relative to the course folder, with their content hash.
    pub assets: BTreeMap<PathBuf, String>,
    /// A hash of every file of the course: which version a learner completed.
    pub content_version: String,
    /// The course folder with every link resolved, as it was at load: an
    /// image served later must still be inside it.
    pub resolved_folder: PathBuf,
}

#[derive(Debug)]
pub struct Module {
    pub slug: String,
    pub title: String,
    pub summary: Option<String>,
    pub translations: BTreeMap<Language, TranslatedTitle>,
    pub lessons: Vec<Lesson>,
}

#[derive(Debug)]
pub struct Lesson {
    /// Stable: progress is keyed by it.
    pub id: String,
    pub source: PathBuf,
    pub minutes: u32,
    pub content: LessonContent,
    pub translations: BTreeMap<Language, LessonContent>,
    pub quiz: Option<Quiz>,
}

/// A lesson's text in one language, rendered and sanitised.
#[derive(Debug)]
pub struct LessonContent {
    pub title: String,
    pub html: String,
    pub contents: Vec<TocEntry>,
    /// Parallel to the quiz's questions.
    pub questions: Vec<QuestionText>,
}

/// What is needed to grade a quiz; language-independent.
#[derive(Clone, Debug, PartialEq)]
pub struct Quiz {
    /// Percent of questions answered right needed to pass.
    pub pass_mark: u8,
    pub questions: Vec<Question>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub id: String,
    pub multiple: bool,
    pub options: Vec<QuizOption>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct QuizOption {
    pub id: String,
    pub correct: bool,
}

#[derive(Debug)]
pub struct QuestionText {
    pub prompt_html: String,
    /// Parallel to the question's options.
    pub options: Vec<OptionText>,
}

#[derive(Debug)]
pub struct OptionText {
    pub html: String,
    /// Shown only after the learner has answered.
    pub explanation_html: String,
}

pub const DEFAULT_PASS_MARK: u8 = 70;

impl Course {
    pub fn lessons(&self) -> impl Iterator<Item = (&Module, &Lesson)> {
        self.modules.iter().flat_map(|module| module.lessons.iter().map(move |lesson| (module, lesson)))
    }

    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.lessons().map(|(_, lesson)| lesson).find(|lesson| lesson.id == id)
    }

    /// Estimated study time: the manifest's hours, else the lessons' minutes.
    pub fn minutes(&self) -> u32 {
        match self.hours {
            Some(hours) => (hours * 60.0).round() as u32,
            None => self.lessons().map(|(_, lesson)| lesson.minutes).sum(),
        }
    }

    /// Every language the course has at least one lesson in.
    pub fn languages(&self) -> Vec<Language> {
        let mut languages = vec![self.language];
        for (_, lesson) in self.lessons() {
            for language in lesson.translations.keys() {
                if !languages.contains(language) {
                    languages.push(*language);
                }
            }
        }
        languages
    }

    /// The bytes of one of the course's images (`relative` is under
    /// `assets/`), if it is one: read again from disk, and as carefully as
    /// at load time (no link followed, nothing outside the course folder,
    /// bounded in size), since the folder may have changed since.
    pub fn read_asset(&self, relative: &str) -> Option<std::io::Result<Vec<u8>>> {
        let path = self.asset_path(relative)?;
        if !files::stays_inside(&path, &self.resolved_folder) {
            return Some(Err(std::io::Error::other("the image now leads outside the course folder")));
        }
        Some(files::read_regular(&path, files::MAX_ASSET_BYTES))
    }

    /// Where a course's asset is on disk, if `relative` (under `assets/`) is one.
    pub fn asset_path(&self, relative: &str) -> Option<PathBuf> {
        let key = Path::new("assets").join(relative);
        self.assets.contains_key(&key).then(|| self.folder.join(key))
    }
}

/// The catalog being served, swapped whole on reload.
#[derive(Clone, Debug)]
pub struct CatalogHandle(Arc<ArcSwap<Catalog>>);

impl CatalogHandle {
    pub fn new(catalog: Catalog) -> CatalogHandle {
        CatalogHandle(Arc::new(ArcSwap::from_pointee(catalog)))
    }

    pub fn current(&self) -> Arc<Catalog> {
        self.0.load_full()
    }

    /// Serves `catalog` from now on.
    pub fn replace(&self, catalog: Catalog) {
        self.0.store(Arc::new(catalog));
    }

    /// Loads the courses again. On success the new catalog serves every
    /// request from now on; on failure the old one keeps serving and the
    /// problems are returned.
    pub fn reload(&self, folder: &Path, broken: BrokenCourses) -> Result<Vec<Problem>, Vec<Problem>> {
        let Loaded { catalog, skipped } = load(folder, broken)?;
        self.0.store(Arc::new(catalog));
        Ok(skipped)
    }
}
