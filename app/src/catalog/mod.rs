//! The course catalog: every course read from `courses/`, checked, rendered
//! once and kept in memory. It is immutable; a reload builds a whole new
//! catalog and swaps it in. What has errors is withheld (a lesson, a
//! translation, at worst a course) and the problems are kept for staff.

pub(crate) mod archive;
pub(crate) mod course_files;
pub(crate) mod fenced_divs;
pub(crate) mod files;
#[cfg(any(test, feature = "fuzzing"))]
pub mod fuzzing;
mod highlight;
pub mod images;
mod links;
mod loader;
pub(crate) mod manifest;
mod markdown;
pub(crate) mod problem;
pub mod publication;
mod quiz;
mod sanitise;
mod serving;
pub(crate) mod slug;
mod views;
mod weight;
mod yaml;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arc_swap::ArcSwap;

pub use course_files::CourseFile;
pub use links::media_href;
pub use loader::{BrokenCourses, LoadOptions, Loaded, file_hash, load, load_one, load_with};
pub use manifest::{CertificateRules, TranslatedTitle};
pub use problem::{Problem, Severity, format_all};
pub use serving::{FolderZip, OpenedFile};
pub use weight::PageWeight;

use crate::language::Language;
use crate::model::{Access, Enrolment, Level, TocEntry};

#[derive(Debug, Default)]
pub struct Catalog {
    /// Different for every catalog loaded by this process: what pages made
    /// from it are kept under.
    generation: u64,
    courses: Vec<Arc<Course>>,
    /// Every problem of the load, those of courses left out included.
    problems: Vec<Problem>,
    /// The folder the courses were read from.
    root: PathBuf,
}

impl Catalog {
    pub fn courses(&self) -> &[Arc<Course>] {
        &self.courses
    }

    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    fn new(courses: Vec<Arc<Course>>, problems: Vec<Problem>, root: PathBuf) -> Catalog {
        static GENERATIONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let generation = GENERATIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Catalog { generation, courses, problems, root }
    }

    /// A problem of the load as staff read it: its file named from its
    /// course (`web-dev/01-start/02-quiz.md`), never by where the server
    /// keeps it.
    pub fn problem_text(&self, problem: &Problem) -> String {
        let in_course = self.courses.iter().find_map(|course| {
            let rest = problem.path.strip_prefix(&course.folder).ok()?;
            Some(Path::new(&course.id).join(rest))
        });
        let path = in_course
            .or_else(|| problem.path.strip_prefix(&self.root).ok().map(Path::to_path_buf))
            .unwrap_or_else(|| problem.path.file_name().map(PathBuf::from).unwrap_or_default());
        let severity = if problem.is_error() { "error" } else { "warning" };
        format!("{}:{}: {severity}: {}", path.display(), problem.line, problem.message)
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
    /// Every file of the course other than lessons and manifests (images,
    /// downloads), relative to the course folder.
    pub files: BTreeMap<PathBuf, CourseFile>,
    /// Every folder of the course, relative to it (a link to one downloads its files as a ZIP).
    pub folders: std::collections::BTreeSet<PathBuf>,
    /// The files and folders its lessons show or link to: the only ones
    /// served (an answers file kept beside the lessons is not).
    pub referenced: std::collections::BTreeSet<PathBuf>,
    /// Those shown or linked where anyone reads (the first lesson, the
    /// module introductions): in an `access = "enrolled"` course the
    /// others are served only to those who may read the whole course.
    pub open_files: std::collections::BTreeSet<PathBuf>,
    /// A hash of every file of the course: which version a learner completed.
    pub content_version: String,
    /// The course folder with every link resolved, as it was at load: an
    /// image served later must still be inside it.
    pub resolved_folder: PathBuf,
    /// Where what is made from its files is kept (resized pictures, folder
    /// ZIPs); `None` when loaded without one (some tests): folder ZIPs are
    /// then made for each request and deleted once sent.
    pub cache: Option<PathBuf>,
    /// Errors and warnings of this course's files, for staff.
    pub problems: Vec<Problem>,
}

#[derive(Debug)]
pub struct Module {
    pub slug: String,
    pub title: String,
    pub summary: Option<String>,
    pub translations: BTreeMap<Language, TranslatedTitle>,
    /// `module.md` (or `README.md`) rendered, by language: introduction and credits.
    pub intro: BTreeMap<Language, String>,
    pub lessons: Vec<Lesson>,
    /// Lessons left out for their errors: learners see a note, staff a preview.
    pub withheld: Vec<Withheld>,
}

/// A lesson left out of the course for its errors.
#[derive(Debug)]
pub struct Withheld {
    pub id: String,
    pub title: String,
    /// How many served lessons of its module come before it in file order:
    /// the outline shows it where the file is.
    pub place: usize,
    pub problems: Vec<Problem>,
    /// As far as it could be rendered, for staff.
    pub preview: Option<LessonContent>,
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
    /// Warnings (and errors of translations left out), for staff.
    pub problems: Vec<Problem>,
}

/// A lesson's text in one language, rendered and sanitised.
#[derive(Debug)]
pub struct LessonContent {
    pub title: String,
    pub html: String,
    pub contents: Vec<TocEntry>,
    /// Parallel to the quiz's questions.
    pub questions: Vec<QuestionText>,
    /// Reading time of this text.
    pub minutes: u32,
    pub weight: PageWeight,
    /// A translation made from an older version of its original.
    pub stale: bool,
}

/// What is needed to grade a quiz; language-independent.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Quiz {
    /// Percent of questions answered right needed to pass.
    pub pass_mark: u8,
    pub questions: Vec<Question>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Question {
    pub id: String,
    pub multiple: bool,
    pub options: Vec<QuizOption>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
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

    /// Whether anyone may fetch this file (or folder), or only those who
    /// may read the whole course.
    pub fn file_is_open(&self, relative: &str) -> bool {
        self.access == Access::Open
            || self.open_files.contains(Path::new(relative.strip_suffix(".zip").unwrap_or(relative)))
    }

    /// The course files whose addresses appear in `html` (made by our own
    /// renderer: `/media/<course>/<path>?v=…`).
    pub fn files_in(&self, html: &str) -> impl Iterator<Item = PathBuf> {
        let prefix = format!("/media/{}/", self.id);
        html.split(&prefix)
            .skip(1)
            .filter_map(|rest| rest.split(['?', '"']).next())
            .map(|path| PathBuf::from(percent_encoding::percent_decode_str(path).decode_utf8_lossy().into_owned()))
            .map(|path| match path.to_string_lossy().strip_suffix(".zip") {
                Some(folder) if !self.files.contains_key(&path) => PathBuf::from(folder),
                _ => path,
            })
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// Finds [`Course::open_files`] once the course is rendered.
    fn find_open_files(&mut self) {
        let mut open = std::collections::BTreeSet::new();
        if let Some((_, first)) = self.lessons().next() {
            for content in std::iter::once(&first.content).chain(first.translations.values()) {
                open.extend(self.files_in(&content.html));
            }
        }
        for module in &self.modules {
            for html in module.intro.values() {
                open.extend(self.files_in(html));
            }
        }
        self.open_files = open;
    }

    /// A lesson withheld for its errors, with its module.
    pub fn withheld_lesson(&self, id: &str) -> Option<(&Module, &Withheld)> {
        self.modules
            .iter()
            .flat_map(|module| module.withheld.iter().map(move |w| (module, w)))
            .find(|(_, w)| w.id == id)
    }

    pub fn withheld(&self) -> impl Iterator<Item = &Withheld> {
        self.modules.iter().flat_map(|module| module.withheld.iter())
    }

    /// Where a course's file is on disk, if `relative` is one, and what is known of it.
    pub fn file(&self, relative: &str) -> Option<(PathBuf, &CourseFile)> {
        let key = Path::new(relative);
        if !self.referenced.contains(key) {
            return None;
        }
        self.files.get(key).map(|file| (self.folder.join(key), file))
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
        self.reload_with(folder, &LoadOptions::new(broken))
    }

    pub fn reload_with(&self, folder: &Path, options: &LoadOptions) -> Result<Vec<Problem>, Vec<Problem>> {
        let Loaded { catalog, problems } = load_with(folder, options)?;
        self.0.store(Arc::new(catalog));
        Ok(problems)
    }
}
