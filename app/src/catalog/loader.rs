//! Reads the course folders into a [`Catalog`], reporting every problem.
//! A problem is as small as it can be: a broken lesson is withheld alone
//! (staff can still preview it), a broken translation leaves only itself
//! out, and only a course whose `course.toml` cannot be read is left out
//! whole.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use sha2::{Digest, Sha256};

use super::course_files::{self, Found, hex, is_module_folder, is_module_text};
use super::files::{self, Entry};
use super::manifest::{
    CourseManifest, LessonFrontMatter, ModuleManifest, TranslationFrontMatter, lesson_parts, parse_toml,
};
use super::markdown::{LinkTargets, Rendered, Source, render, render_fragment};
use super::problem::{Problem, Problems};
use super::quiz::{WrittenQuestion, extract_questions};
use super::slug::{is_slug, split_order_prefix};
use super::weight::PageWeight;
use super::{
    Catalog, Course, DEFAULT_PASS_MARK, Lesson, LessonContent, Module, OptionText, Question, QuestionText, Quiz,
    QuizOption, Withheld,
};
use crate::language::Language;

/// What to do when courses have errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BrokenCourses {
    /// Refuse the whole catalog if anything has an error (`--refuse-broken-courses`).
    Refuse,
    /// Leave out what is broken (a lesson, a translation, a course) and serve the rest: the default.
    Skip,
}

/// How courses are loaded.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    pub broken: BrokenCourses,
    /// Where resized images and folder ZIPs are kept; without it images
    /// are served as they are and a folder's ZIP is made for each download.
    pub image_cache: Option<PathBuf>,
    /// Where this instance writes the published studio courses (see
    /// `studio::folders`): read beside the course folder, and a studio
    /// course replaces the folder course of the same id.
    pub studio: Option<PathBuf>,
}

impl LoadOptions {
    pub fn new(broken: BrokenCourses) -> LoadOptions {
        LoadOptions { broken, image_cache: None, studio: None }
    }
}

pub struct Loaded {
    pub catalog: Catalog,
    /// Every problem found, errors and warnings, in file order.
    pub problems: Vec<Problem>,
}

/// Loads every course under `folder`, images served as they are.
pub fn load(folder: &Path, broken: BrokenCourses) -> Result<Loaded, Vec<Problem>> {
    load_with(folder, &LoadOptions::new(broken))
}

/// Loads every course under `folder`.
pub fn load_with(folder: &Path, options: &LoadOptions) -> Result<Loaded, Vec<Problem>> {
    // Image copies not in the cache yet are made for a bounded time, so
    // that start-up never waits long for them; the rest follow in the background.
    let copies_until = Some(Instant::now() + super::images::LOAD_COPY_TIME);
    let mut problems = Problems::default();
    let mut courses = Vec::new();
    let studio: Vec<PathBuf> = match &options.studio {
        Some(studio) if studio.is_dir() => files::entries(studio, &mut problems)
            .into_iter()
            .filter_map(|entry| match entry {
                Entry::Folder(folder) => Some(folder),
                Entry::File(_) => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let studio_ids: Vec<String> = studio.iter().map(|folder| file_name(folder)).collect();
    let folders = files::entries(folder, &mut problems).into_iter().filter_map(|entry| match entry {
        Entry::Folder(entry) if studio_ids.contains(&file_name(&entry)) => {
            problems.warn(
                &entry.join("course.toml"),
                1,
                "this course is written in the studio, so this folder is not read: export it from the studio to bring the folder up to date",
            );
            None
        }
        Entry::Folder(entry) => Some(entry),
        Entry::File(_) => None,
    });
    let folders: Vec<PathBuf> = folders.collect();
    for entry in folders.into_iter().chain(studio) {
        let id = file_name(&entry);
        if !is_slug(&id) {
            problems.report(
                &entry,
                1,
                format!("course folder `{id}` must be named with a slug: lowercase letters, digits and hyphens"),
            );
            continue;
        }
        let mut course_problems = Problems::default();
        let course = load_course(&entry, id, options.image_cache.as_deref(), copies_until, &mut course_problems);
        if course.is_none() && !course_problems.has_errors() {
            course_problems.report(&entry, 1, "this course cannot be loaded");
        }
        let mut found = course_problems.into_vec();
        if let Some(mut course) = course {
            if found.iter().any(Problem::is_error) {
                // Said once more where the course is, for the log.
                let withheld = course.withheld().count();
                if withheld > 0 {
                    tracing_warn(&format!("course {}: {withheld} lessons withheld for their errors", course.id));
                }
            }
            course.problems = found.clone();
            courses.push(Arc::new(course));
        } else {
            found.push(Problem {
                path: entry.join("course.toml"),
                line: 1,
                severity: super::problem::Severity::Error,
                message: "this course is left out until the errors above are fixed".to_string(),
            });
        }
        problems.extend_from(found);
    }
    let problems = problems.into_vec();
    if options.broken == BrokenCourses::Refuse && problems.iter().any(Problem::is_error) {
        return Err(problems);
    }
    Ok(Loaded { catalog: Catalog::new(courses, problems.clone()), problems })
}

/// Loads the one course in `folder` (its id is the folder's name), as
/// [`load_with`] would, with every problem found in it: a draft's preview.
pub fn load_one(folder: &Path, options: &LoadOptions) -> (Option<Course>, Vec<Problem>) {
    let copies_until = Some(Instant::now() + super::images::LOAD_COPY_TIME);
    let mut problems = Problems::default();
    let course = load_course(folder, file_name(folder), options.image_cache.as_deref(), copies_until, &mut problems);
    let problems = problems.into_vec();
    let course = course.map(|mut course| {
        course.problems = problems.clone();
        course
    });
    (course, problems)
}

fn tracing_warn(message: &str) {
    tracing::warn!("{message}");
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default()
}

/// A lesson file found on disk, before rendering.
struct LessonFile {
    path: PathBuf,
    /// Relative to the course folder.
    relative: PathBuf,
    /// `None` for the original, the language for a translation.
    translation_of: Option<Language>,
    /// The file name without order prefix, language and `.md`.
    slug: String,
    text: String,
}

struct ModuleFiles {
    slug: String,
    manifest: Option<ModuleManifest>,
    folder: PathBuf,
    lessons: Vec<LessonFile>,
    /// `module.md` or `README.md`, and their translations.
    intro: Vec<LessonFile>,
}

fn load_course(
    folder: &Path,
    id: String,
    cache: Option<&Path>,
    copies_until: Option<Instant>,
    problems: &mut Problems,
) -> Option<Course> {
    super::highlight::start_course();
    let listing = files::entries(folder, problems);
    let manifest = read_manifest(folder, &listing, problems);
    let found = course_files::collect(folder, cache, copies_until, problems);
    let language = manifest.as_ref().map(|m| m.language).unwrap_or(Language::En);
    let modules = read_modules(folder, listing, problems);
    let numbered = number_lessons(&modules, problems);
    let manifest = manifest?;
    let context = CourseContext {
        folder,
        id: &id,
        language,
        found: &found,
        budget_kb: manifest.page_budget_kb,
        referenced: Default::default(),
    };
    let modules = build_modules(&context, modules, numbered, problems);
    let referenced = context.referenced.take();
    if manifest.certificate.min_average_score.is_some_and(|score| score > 100) {
        problems.report(&folder.join("course.toml"), 1, "certificate.min_average_score is a percentage: 0 to 100");
        return None;
    }
    if modules.iter().all(|module| module.lessons.is_empty() && module.withheld.is_empty()) {
        return None;
    }
    let mut course = Course {
        id,
        folder: folder.to_path_buf(),
        title: manifest.title,
        summary: manifest.summary,
        level: manifest.level,
        hours: manifest.hours,
        language: manifest.language,
        instructors: manifest.instructors,
        access: manifest.access,
        enrolment: manifest.enrolment,
        certificate: manifest.certificate,
        translations: manifest.translations,
        modules,
        files: found.files,
        folders: found.folders,
        referenced,
        open_files: Default::default(),
        content_version: content_version(folder),
        resolved_folder: folder.canonicalize().unwrap_or_else(|_| folder.to_path_buf()),
        cache: cache.map(Path::to_path_buf),
        problems: Vec::new(),
    };
    course.find_open_files();
    Some(course)
}

/// What rendering a course's lessons needs to know of it.
struct CourseContext<'a> {
    folder: &'a Path,
    id: &'a str,
    language: Language,
    found: &'a Found,
    budget_kb: u32,
    referenced: std::cell::RefCell<std::collections::BTreeSet<PathBuf>>,
}

/// The course's `course.toml`.
fn read_manifest(folder: &Path, listing: &[Entry], problems: &mut Problems) -> Option<CourseManifest> {
    let manifest_path = folder.join("course.toml");
    if listing.contains(&Entry::File(manifest_path.clone())) {
        files::read_text(&manifest_path, problems).and_then(|text| parse_toml(&text, &manifest_path, 1, problems))
    } else {
        problems.report(folder, 1, "a course needs a course.toml with at least `title` and `summary`");
        None
    }
}

/// The module folders (`NN-slug`) and their files, in order. Other folders
/// and files are the course's files, kept for lessons to show or link.
fn read_modules(folder: &Path, listing: Vec<Entry>, problems: &mut Problems) -> Vec<ModuleFiles> {
    let mut modules = Vec::new();
    for entry in listing {
        let name = file_name(entry.path());
        let Entry::Folder(entry) = entry else { continue };
        if !is_module_folder(&name) {
            if entry.join("module.toml").is_file() {
                problems.warn(
                    &entry,
                    1,
                    format!("module folder `{name}` must be named `NN-slug`, like `01-getting-started`: until then it is a folder of files, not a module"),
                );
            }
            continue;
        }
        let slug = split_order_prefix(&name).map(|(_, slug)| slug.to_string()).unwrap_or_default();
        modules.push(load_module_files(&entry, slug, problems));
    }
    if modules.is_empty() {
        problems.report(
            &folder.join("course.toml"),
            1,
            "this course has no modules: add a folder like `01-getting-started` with a module.toml and lessons",
        );
    }
    modules
}

/// Every lesson's id and front matter, found before any is rendered so
/// that links between lessons resolve.
#[derive(Default)]
struct NumberedLessons {
    /// Lesson file (relative to the courses folder), original or
    /// translation, to its lesson's id.
    ids: HashMap<PathBuf, String>,
    front_matters: HashMap<PathBuf, LessonFrontMatter>,
    /// Lessons that cannot even be numbered, by module folder: (slug, problems).
    unreadable: HashMap<PathBuf, Vec<(String, Vec<Problem>)>>,
}

fn number_lessons(modules: &[ModuleFiles], problems: &mut Problems) -> NumberedLessons {
    let mut numbered = NumberedLessons::default();
    let mut first_use: HashMap<String, PathBuf> = HashMap::new();
    let mut originals: HashMap<(PathBuf, String), String> = HashMap::new(); // (module folder, slug) -> id
    for module in modules {
        for file in module.lessons.iter().filter(|file| file.translation_of.is_none()) {
            let mut file_problems = Problems::default();
            let front_matter = lesson_parts::<LessonFrontMatter>(&file.text, &file.path, &mut file_problems)
                .map(|(front_matter, _)| front_matter);
            let id = front_matter.as_ref().and_then(|f| f.id.clone()).unwrap_or_else(|| file.slug.clone());
            if front_matter.is_some() && !is_slug(&id) {
                file_problems.report(
                    &file.path,
                    2,
                    format!("lesson id `{id}` must be a slug: lowercase letters, digits and hyphens"),
                );
            }
            if let Some(earlier) = first_use.get(&id) {
                file_problems.report(
                    &file.path,
                    1,
                    format!("lesson id `{id}` is already used by {}", earlier.display()),
                );
            }
            match front_matter {
                Some(front_matter) if !file_problems.has_errors() => {
                    first_use.insert(id.clone(), file.path.clone());
                    numbered.ids.insert(file.relative.clone(), id.clone());
                    originals.insert((module.folder.clone(), file.slug.clone()), id);
                    numbered.front_matters.insert(file.path.clone(), front_matter);
                    problems.extend(file_problems);
                }
                _ => {
                    let found = file_problems.into_vec();
                    problems.extend_from(found.clone());
                    numbered.unreadable.entry(module.folder.clone()).or_default().push((file.slug.clone(), found));
                }
            }
        }
    }
    for module in modules {
        for file in module.lessons.iter().filter(|file| file.translation_of.is_some()) {
            match originals.get(&(module.folder.clone(), file.slug.clone())) {
                Some(id) => {
                    numbered.ids.insert(file.relative.clone(), id.clone());
                }
                None => problems.report(
                    &file.path,
                    1,
                    "a translation needs its original lesson beside it, with the same name but no language",
                ),
            }
        }
    }
    numbered
}

/// Each module with its lessons rendered, translated and their quizzes built.
fn build_modules(
    course: &CourseContext,
    modules: Vec<ModuleFiles>,
    mut numbered: NumberedLessons,
    problems: &mut Problems,
) -> Vec<Module> {
    let mut built_modules = Vec::new();
    for module in modules {
        let folder_relative = module.folder.strip_prefix(course.folder).unwrap_or(&module.folder).to_path_buf();
        let targets = LinkTargets {
            course_id: course.id,
            folder: &folder_relative,
            lessons: &numbered.ids,
            files: &course.found.files,
            folders: &course.found.folders,
            referenced: &course.referenced,
        };
        let mut lessons = Vec::new();
        let mut withheld = Vec::new();
        for (slug, found) in numbered.unreadable.remove(&module.folder).unwrap_or_default() {
            withheld.push(Withheld { id: slug.clone(), title: slug, problems: found, preview: None });
        }
        for file in module.lessons.iter().filter(|file| file.translation_of.is_none()) {
            let Some(front_matter) = numbered.front_matters.remove(&file.path) else {
                continue;
            };
            let lesson_id = numbered.ids[&file.relative].clone();
            let mut lesson_problems = Problems::default();
            let Some((content, written, original_text)) =
                render_lesson(file, &front_matter, course, &targets, &mut lesson_problems)
            else {
                continue;
            };
            let quiz = build_quiz(&written, front_matter.pass_mark, file, &mut lesson_problems);
            if lesson_problems.has_errors() {
                let found = lesson_problems.into_vec();
                problems.extend_from(found.clone());
                withheld.push(Withheld {
                    id: lesson_id,
                    title: content.title.clone(),
                    problems: found,
                    preview: Some(content),
                });
                continue;
            }
            let mut lesson = Lesson {
                id: lesson_id,
                source: file.path.clone(),
                minutes: content.minutes,
                content,
                translations: BTreeMap::new(),
                quiz,
                problems: Vec::new(),
            };
            for translation in module.lessons.iter().filter(|t| t.translation_of.is_some() && t.slug == file.slug) {
                let language = translation.translation_of.expect("filtered to translations");
                let mut translation_problems = Problems::default();
                let rendered = render_translation(
                    translation,
                    Original { questions: &written, rendered: &original_text, hash: &file_hash(&file.text) },
                    course,
                    &targets,
                    &mut translation_problems,
                );
                match rendered {
                    Some(content) if !translation_problems.has_errors() => {
                        lesson.translations.insert(language, content);
                    }
                    _ => translation_problems.warn(
                        &translation.path,
                        1,
                        "this translation is left out until its errors are fixed: learners read the original",
                    ),
                }
                lesson_problems.extend(translation_problems);
            }
            lesson.problems = lesson_problems.into_vec();
            problems.extend_from(lesson.problems.clone());
            lessons.push(lesson);
        }
        if lessons.is_empty() && withheld.is_empty() {
            problems.report(
                &module.folder.join("module.toml"),
                1,
                "this module has no lessons: add a file like `01-welcome.md`",
            );
        }
        let intro = render_intro(&module.intro, course, &targets, problems);
        let title_from_intro = intro.as_ref().and_then(|intro| intro.title.clone());
        let (title, summary, translations) = match (module.manifest, title_from_intro) {
            (Some(manifest), _) => (manifest.title, manifest.summary, manifest.translations),
            (None, Some(title)) => (title, None, BTreeMap::new()),
            (None, None) => {
                let mut missing = Problems::default();
                missing.report(
                    &module.folder,
                    1,
                    "a module needs a module.toml with at least `title` (or a module.md that starts with `# Title`): its lessons are withheld",
                );
                let missing = missing.into_vec();
                problems.extend_from(missing.clone());
                for lesson in lessons.drain(..) {
                    withheld.push(Withheld {
                        id: lesson.id,
                        title: lesson.content.title.clone(),
                        problems: missing.clone(),
                        preview: Some(lesson.content),
                    });
                }
                (module.slug.clone(), None, BTreeMap::new())
            }
        };
        built_modules.push(Module {
            slug: module.slug,
            title,
            summary,
            translations,
            intro: intro.map(|intro| intro.html).unwrap_or_default(),
            lessons,
            withheld,
        });
    }
    built_modules
}

/// What a module introduction rendered to.
struct RenderedIntro {
    html: BTreeMap<Language, String>,
    /// Its `# Title`, for a module without module.toml.
    title: Option<String>,
}

/// `module.md` (or `README.md`) and its translations, shown on the course page.
fn render_intro(
    files: &[LessonFile],
    course: &CourseContext,
    targets: &LinkTargets,
    problems: &mut Problems,
) -> Option<RenderedIntro> {
    let original = files.iter().find(|file| file.translation_of.is_none())?;
    let mut html = BTreeMap::new();
    let mut title = None;
    for file in files {
        let language = file.translation_of.unwrap_or(course.language);
        let (body, first_line) =
            match lesson_parts::<TranslationFrontMatter>(&file.text, &file.path, &mut Problems::default()) {
                Some((front, split)) => {
                    if file.translation_of.is_none() {
                        title = Some(front.title.clone());
                    }
                    (split.body, split.body_first_line)
                }
                None => (file.text.as_str(), 1),
            };
        let source = Source { path: &file.path, first_line, language };
        let rendered = render(body, &source, targets, problems);
        html.insert(language, demote_headings(&rendered.html));
    }
    let _ = original;
    Some(RenderedIntro { html, title })
}

/// An introduction's headings one level down: on the course page it sits
/// under the module's own heading (`h2`).
fn demote_headings(html: &str) -> String {
    let mut html = html.to_string();
    for level in (1..=5).rev() {
        html = html
            .replace(&format!("<h{level}"), &format!("<h{}", level + 1))
            .replace(&format!("</h{level}>"), &format!("</h{}>", level + 1));
    }
    html.replace("<h2", "<h3").replace("</h2>", "</h3>")
}

fn load_module_files(folder: &Path, slug: String, problems: &mut Problems) -> ModuleFiles {
    let manifest_path = folder.join("module.toml");
    let mut listing = files::entries(folder, problems);
    let manifest = if listing.contains(&Entry::File(manifest_path.clone())) {
        files::read_text(&manifest_path, problems)
            .and_then(|text| parse_toml::<ModuleManifest>(&text, &manifest_path, 1, problems))
    } else {
        None
    };
    let course_folder = folder.parent().unwrap_or(folder);
    let mut lessons = Vec::new();
    let mut intro = Vec::new();
    // Lessons in order of their prefix number, whatever its width.
    listing.sort_by_key(|entry| {
        (split_order_prefix(&file_name(entry.path())).map(|(order, _)| order), entry.path().to_path_buf())
    });
    for entry in listing {
        let name = file_name(entry.path());
        // Folders and other files are the course's files (starter code, images).
        let (Entry::File(entry), Some(stem)) = (&entry, name.strip_suffix(".md")) else { continue };
        if name == "module.toml" || !is_module_text(&name) {
            if name.ends_with(".md") {
                problems.warn(
                    entry,
                    1,
                    format!("`{name}` is not a lesson (lessons are named like `01-welcome.md`): it is kept as a file lessons may link to"),
                );
            }
            continue;
        }
        let entry = entry.clone();
        let (stem, translation_of) = match stem.rsplit_once('.') {
            Some((stem, code)) => match Language::from_code(code) {
                Some(language) => (stem, Some(language)),
                None => {
                    problems.report(&entry, 1, format!("unknown language `{code}`: translations are named like `01-welcome.ur.md`, with en, ur, uz or ru"));
                    continue;
                }
            },
            None => (stem, None),
        };
        let Some(text) = files::read_text(&entry, problems) else {
            continue;
        };
        let is_intro = stem == "module" || stem == "README";
        let lesson_slug = split_order_prefix(stem).map(|(_, slug)| slug.to_string()).unwrap_or_default();
        let file = LessonFile {
            relative: entry.strip_prefix(course_folder).unwrap_or(&entry).to_path_buf(),
            path: entry.clone(),
            translation_of,
            slug: lesson_slug,
            text,
        };
        if is_intro {
            // module.md wins over a README.md beside it.
            if stem == "module" {
                intro.retain(|other: &LessonFile| other.translation_of != translation_of);
            } else if intro.iter().any(|other: &LessonFile| other.translation_of == translation_of) {
                continue;
            }
            intro.push(file);
        } else {
            lessons.push(file);
        }
    }
    ModuleFiles { slug, manifest, folder: folder.to_path_buf(), lessons, intro }
}

/// Renders an original lesson: its content, its written questions, and
/// what a translation is compared with.
fn render_lesson(
    file: &LessonFile,
    front_matter: &LessonFrontMatter,
    course: &CourseContext,
    targets: &LinkTargets,
    problems: &mut Problems,
) -> Option<(LessonContent, Vec<WrittenQuestion>, Rendered)> {
    let (_, split) = lesson_parts::<LessonFrontMatter>(&file.text, &file.path, problems)?;
    let extracted = extract_questions(split.body, split.body_first_line, &file.path, problems);
    let source = Source { path: &file.path, first_line: split.body_first_line, language: course.language };
    let rendered = render(&extracted.markdown, &source, targets, problems);
    let questions = render_questions(&extracted.questions, &source, targets, problems);
    let minutes = front_matter.minutes.unwrap_or_else(|| estimated_minutes(rendered.words, extracted.questions.len()));
    let weight = PageWeight::of(&rendered);
    weight.check(&file.path, course.budget_kb, problems);
    let content = LessonContent {
        title: front_matter.title.clone(),
        html: rendered.html.clone(),
        contents: rendered.contents.clone(),
        questions,
        minutes,
        weight,
        stale: false,
    };
    Some((content, extracted.questions, rendered))
}

/// The SHA-256 (hex) of a lesson file's text: what a translation's
/// `translated_from` names.
pub fn file_hash(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// What a translation is checked against: its original lesson.
struct Original<'a> {
    questions: &'a [WrittenQuestion],
    rendered: &'a Rendered,
    /// [`file_hash`] of the original's file.
    hash: &'a str,
}

/// Whether a translation made from `translated_from` is stale now that
/// its original is `original`; `None`: not known (no hash, or not one).
fn stale(translated_from: Option<&str>, original: &str) -> Option<bool> {
    let from = translated_from?.trim();
    (from.len() == 64 && from.bytes().all(|b| b.is_ascii_hexdigit())).then(|| !from.eq_ignore_ascii_case(original))
}

fn render_translation(
    file: &LessonFile,
    original: Original,
    course: &CourseContext,
    targets: &LinkTargets,
    problems: &mut Problems,
) -> Option<LessonContent> {
    let (front_matter, split) = lesson_parts::<TranslationFrontMatter>(&file.text, &file.path, problems)?;
    let extracted = extract_questions(split.body, split.body_first_line, &file.path, problems);
    let stale = match (
        front_matter.translated_from.as_deref(),
        stale(front_matter.translated_from.as_deref(), original.hash),
    ) {
        (_, Some(stale)) => stale,
        (None, None) => false,
        (Some(_), None) => {
            problems.warn(
                &file.path,
                2,
                "`translated_from` is the SHA-256 of the original lesson's file: 64 hex digits",
            );
            false
        }
    };
    if stale {
        problems.warn(
            &file.path,
            2,
            "this translation was made from an older version of its original lesson: bring it up to date, then set \
             `translated_from` to the original's SHA-256 (the studio shows what changed and does this)",
        );
    }
    if !same_quiz(original.questions, &extracted.questions) {
        problems.report(
            &file.path,
            split.body_first_line,
            "a translation must have the same questions and options as the original lesson: same ids, same correct answers, same order",
        );
        return None;
    }
    let language = file.translation_of.unwrap_or(course.language);
    let source = Source { path: &file.path, first_line: split.body_first_line, language };
    let rendered = render(&extracted.markdown, &source, targets, problems);
    compare_with_original(&file.path, &rendered, original.rendered, problems);
    let questions = render_questions(&extracted.questions, &source, targets, problems);
    let minutes = front_matter.minutes.unwrap_or_else(|| estimated_minutes(rendered.words, extracted.questions.len()));
    let weight = PageWeight::of(&rendered);
    weight.check(&file.path, course.budget_kb, problems);
    Some(LessonContent {
        title: front_matter.title,
        html: rendered.html,
        contents: rendered.contents,
        questions,
        minutes,
        weight,
        stale,
    })
}

/// A translation whose shape differs much from its original has likely
/// lost or gained a part: said, not refused.
fn compare_with_original(path: &Path, translation: &Rendered, original: &Rendered, problems: &mut Problems) {
    if translation.headings != original.headings {
        problems.warn(
            path,
            1,
            format!(
                "this translation has {} headings and its original {}: a part may be missing or added",
                translation.headings, original.headings
            ),
        );
    }
    if translation.images.len() != original.images.len() {
        problems.warn(
            path,
            1,
            format!(
                "this translation shows {} images and its original {}",
                translation.images.len(),
                original.images.len()
            ),
        );
    }
    // Letters, not words: scripts differ in how many words a sentence takes.
    let (ours, theirs) = (translation.letters.max(1) as f64, original.letters.max(1) as f64);
    if original.letters >= 200 && !(0.5..=2.0).contains(&(ours / theirs)) {
        problems.warn(
            path,
            1,
            format!(
                "this translation is {:.1} times as long as its original ({} letters against {}): check that it translates the same lesson",
                ours / theirs,
                translation.letters,
                original.letters
            ),
        );
    }
}

fn same_quiz(original: &[WrittenQuestion], translation: &[WrittenQuestion]) -> bool {
    original.len() == translation.len()
        && original.iter().zip(translation).all(|(a, b)| {
            a.id == b.id
                && a.multiple == b.multiple
                && a.options.len() == b.options.len()
                && a.options.iter().zip(&b.options).all(|(x, y)| x.id == y.id && x.correct == y.correct)
        })
}

fn render_questions(
    questions: &[WrittenQuestion],
    lesson: &Source,
    targets: &LinkTargets,
    problems: &mut Problems,
) -> Vec<QuestionText> {
    let (path, language) = (lesson.path, lesson.language);
    questions
        .iter()
        .map(|question| QuestionText {
            prompt_html: render_fragment(
                &question.prompt,
                &Source { path, first_line: question.line + 1, language },
                targets,
                problems,
            ),
            options: question
                .options
                .iter()
                .map(|option| {
                    let source = Source { path, first_line: option.line, language };
                    let html = render_fragment(&option.text, &source, targets, problems);
                    if html.contains("<a ") {
                        problems.report(
                            path,
                            option.line,
                            "an option cannot contain a link: the whole option is what the learner clicks",
                        );
                    }
                    OptionText {
                        html,
                        explanation_html: render_fragment(&option.explanation, &source, targets, problems),
                    }
                })
                .collect(),
        })
        .collect()
}

fn build_quiz(
    written: &[WrittenQuestion],
    pass_mark: Option<u8>,
    file: &LessonFile,
    problems: &mut Problems,
) -> Option<Quiz> {
    if written.is_empty() {
        if pass_mark.is_some() {
            problems.report(&file.path, 2, "`pass_mark` is only for quiz lessons: this lesson has no questions");
        }
        return None;
    }
    let pass_mark = pass_mark.unwrap_or(DEFAULT_PASS_MARK);
    if !(1..=100).contains(&pass_mark) {
        problems.report(&file.path, 2, format!("`pass_mark` is a percentage from 1 to 100, not {pass_mark}"));
    }
    for (index, question) in written.iter().enumerate() {
        if written[..index].iter().any(|earlier| earlier.id == question.id) {
            problems.report(
                &file.path,
                question.line,
                format!("question id `{}` is used twice in this lesson", question.id),
            );
        }
    }
    Some(Quiz {
        pass_mark,
        questions: written
            .iter()
            .map(|question| Question {
                id: question.id.clone(),
                multiple: question.multiple,
                options: question.options.iter().map(|o| QuizOption { id: o.id.clone(), correct: o.correct }).collect(),
            })
            .collect(),
    })
}

/// Reading time at a gentle 150 words a minute (many learners read in a
/// second language), plus a minute per quiz question.
fn estimated_minutes(words: usize, questions: usize) -> u32 {
    (words.div_ceil(150) + questions).max(1) as u32
}

/// A hash of every file of the course, by relative path and content. Only
/// what loading accepts is read: links and special files are left out (and
/// reported by the load), large files are bounded.
fn content_version(course: &Path) -> String {
    let mut found = Vec::new();
    let mut pending = vec![(course.to_path_buf(), 0)];
    let mut ignored = Problems::default();
    while let Some((folder, depth)) = pending.pop() {
        for entry in files::entries(&folder, &mut ignored) {
            match entry {
                Entry::Folder(inner) if depth < files::MAX_DEPTH => pending.push((inner, depth + 1)),
                Entry::Folder(_) => {}
                Entry::File(file) => found.push(file),
            }
        }
    }
    found.sort();
    let mut hasher = Sha256::new();
    for file in found {
        hasher.update(file.strip_prefix(course).unwrap_or(&file).to_string_lossy().as_bytes());
        hasher.update([0]);
        hasher.update(files::read_regular(&file, files::MAX_ASSET_BYTES).unwrap_or_default());
        hasher.update([0]);
    }
    hex(&hasher.finalize())[..16].to_string()
}
