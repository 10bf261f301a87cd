//! Reads the course folders into a [`Catalog`], reporting every problem.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::files::{self, Entry};
use super::manifest::{
    CourseManifest, LessonFrontMatter, ModuleManifest, TranslationFrontMatter, parse_toml, split_front_matter,
};
use super::markdown::{LinkTargets, Source, render, render_fragment};
use super::problem::{Problem, Problems};
use super::quiz::{WrittenQuestion, extract_questions};
use super::slug::{is_slug, split_order_prefix};
use super::{
    Catalog, Course, DEFAULT_PASS_MARK, Lesson, LessonContent, Module, OptionText, Question, QuestionText, Quiz,
    QuizOption,
};
use crate::language::Language;

/// What to do with a course that has problems.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BrokenCourses {
    /// Refuse the whole catalog: the safe default.
    Refuse,
    /// Leave the broken courses out and serve the rest.
    Skip,
}

pub struct Loaded {
    pub catalog: Catalog,
    /// Problems of the courses that were left out (only with [`BrokenCourses::Skip`]).
    pub skipped: Vec<Problem>,
}

const IMAGE_EXTENSIONS: [&str; 6] = ["png", "jpg", "jpeg", "webp", "gif", "svg"];

/// Loads every course under `folder`.
pub fn load(folder: &Path, broken: BrokenCourses) -> Result<Loaded, Vec<Problem>> {
    let mut problems = Problems::default();
    let mut courses = Vec::new();
    let mut top = Problems::default();
    for entry in files::entries(folder, &mut top) {
        let Entry::Folder(entry) = entry else { continue };
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
        let course = load_course(&entry, id, &mut course_problems);
        match course {
            Some(course) if course_problems.is_empty() => courses.push(Arc::new(course)),
            _ => problems.extend(course_problems),
        }
    }
    problems.extend(top);
    if !problems.is_empty() && broken == BrokenCourses::Refuse {
        return Err(problems.into_vec());
    }
    Ok(Loaded { catalog: Catalog { courses }, skipped: problems.into_vec() })
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
    manifest: ModuleManifest,
    folder: PathBuf,
    lessons: Vec<LessonFile>,
}

fn load_course(folder: &Path, id: String, problems: &mut Problems) -> Option<Course> {
    let listing = files::entries(folder, problems);
    let manifest = read_manifest(folder, &listing, problems);
    let assets = read_assets(folder, &listing, problems);
    let modules = read_modules(folder, listing, problems);
    let numbered = number_lessons(&modules, problems);
    let modules = build_modules(folder, &id, modules, numbered, &assets, problems);

    let manifest = manifest?;
    if manifest.certificate.min_average_score.is_some_and(|score| score > 100) {
        problems.report(&folder.join("course.toml"), 1, "certificate.min_average_score is a percentage: 0 to 100");
    }
    Some(Course {
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
        assets,
        content_version: content_version(folder),
        resolved_folder: folder.canonicalize().unwrap_or_else(|_| folder.to_path_buf()),
    })
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

/// The images in `assets/`, by path, with their served names.
fn read_assets(folder: &Path, listing: &[Entry], problems: &mut Problems) -> BTreeMap<PathBuf, String> {
    match listing.iter().find(|entry| entry.path() == folder.join("assets")) {
        Some(Entry::Folder(assets)) => load_assets(folder, assets, problems),
        Some(Entry::File(file)) => {
            problems.report(file, 1, "assets must be a folder of images");
            BTreeMap::new()
        }
        None => BTreeMap::new(),
    }
}

/// The module folders (`NN-slug`) and their files, in order.
fn read_modules(folder: &Path, listing: Vec<Entry>, problems: &mut Problems) -> Vec<ModuleFiles> {
    let mut modules = Vec::new();
    for entry in listing {
        let name = file_name(entry.path());
        if name == "course.toml" || name == "assets" {
            continue;
        }
        let Entry::Folder(entry) = entry else {
            problems.report(entry.path(), 1, "unexpected file: lessons belong in module folders, images in assets/");
            continue;
        };
        match split_order_prefix(&name) {
            Some((_, slug)) if is_slug(slug) => {
                if let Some(module) = load_module_files(&entry, slug.to_string(), problems) {
                    modules.push(module);
                }
            }
            _ => problems.report(
                &entry,
                1,
                format!("module folder `{name}` must be named `NN-slug`, like `01-getting-started`"),
            ),
        }
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
}

fn number_lessons(modules: &[ModuleFiles], problems: &mut Problems) -> NumberedLessons {
    let mut numbered = NumberedLessons::default();
    let mut first_use: HashMap<String, PathBuf> = HashMap::new();
    let mut originals: HashMap<(PathBuf, String), String> = HashMap::new(); // (module folder, slug) -> id
    for module in modules {
        for file in module.lessons.iter().filter(|file| file.translation_of.is_none()) {
            let mut file_problems = Problems::default();
            let Some(split) = split_front_matter(&file.text, &file.path, &mut file_problems) else {
                problems.extend(file_problems);
                continue;
            };
            let Some(front_matter) = parse_toml::<LessonFrontMatter>(split.front_matter, &file.path, 2, problems)
            else {
                continue;
            };
            let id = front_matter.id.clone().unwrap_or_else(|| file.slug.clone());
            if !is_slug(&id) {
                problems.report(
                    &file.path,
                    2,
                    format!("lesson id `{id}` must be a slug: lowercase letters, digits and hyphens"),
                );
                continue;
            }
            if let Some(earlier) = first_use.get(&id) {
                problems.report(&file.path, 1, format!("lesson id `{id}` is already used by {}", earlier.display()));
                continue;
            }
            first_use.insert(id.clone(), file.path.clone());
            numbered.ids.insert(file.relative.clone(), id.clone());
            originals.insert((module.folder.clone(), file.slug.clone()), id);
            numbered.front_matters.insert(file.path.clone(), front_matter);
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
    folder: &Path,
    course_id: &str,
    modules: Vec<ModuleFiles>,
    mut numbered: NumberedLessons,
    assets: &BTreeMap<PathBuf, String>,
    problems: &mut Problems,
) -> Vec<Module> {
    let mut built_modules = Vec::new();
    for module in modules {
        let folder_relative = module.folder.strip_prefix(folder).unwrap_or(&module.folder).to_path_buf();
        let targets = LinkTargets { course_id, folder: &folder_relative, lessons: &numbered.ids, assets };
        let mut lessons = Vec::new();
        for file in module.lessons.iter().filter(|file| file.translation_of.is_none()) {
            let Some(front_matter) = numbered.front_matters.remove(&file.path) else {
                continue;
            };
            let lesson_id = numbered.ids[&file.relative].clone();
            let Some((content, written, words)) = render_lesson(file, front_matter.title.clone(), &targets, problems)
            else {
                continue;
            };
            let quiz = build_quiz(&written, front_matter.pass_mark, file, problems);
            let minutes = front_matter.minutes.unwrap_or_else(|| estimated_minutes(words, written.len()));
            let mut lesson = Lesson {
                id: lesson_id,
                source: file.path.clone(),
                minutes,
                content,
                translations: BTreeMap::new(),
                quiz,
            };
            for translation in module.lessons.iter().filter(|t| t.translation_of.is_some() && t.slug == file.slug) {
                let language = translation.translation_of.expect("filtered to translations");
                if let Some(content) = render_translation(translation, &written, &targets, problems) {
                    lesson.translations.insert(language, content);
                }
            }
            lessons.push(lesson);
        }
        if lessons.is_empty() && module.lessons.is_empty() {
            problems.report(
                &module.folder.join("module.toml"),
                1,
                "this module has no lessons: add a file like `01-welcome.md`",
            );
        }
        built_modules.push(Module {
            slug: module.slug,
            title: module.manifest.title,
            summary: module.manifest.summary,
            translations: module.manifest.translations,
            lessons,
        });
    }
    built_modules
}

fn load_module_files(folder: &Path, slug: String, problems: &mut Problems) -> Option<ModuleFiles> {
    let manifest_path = folder.join("module.toml");
    let mut listing = files::entries(folder, problems);
    let manifest = if listing.contains(&Entry::File(manifest_path.clone())) {
        files::read_text(&manifest_path, problems)
            .and_then(|text| parse_toml::<ModuleManifest>(&text, &manifest_path, 1, problems))
    } else {
        problems.report(folder, 1, "a module needs a module.toml with at least `title`");
        None
    };
    let course_folder = folder.parent().unwrap_or(folder);
    let mut lessons = Vec::new();
    // Lessons in order of their prefix number, whatever its width.
    listing.sort_by_key(|entry| {
        (split_order_prefix(&file_name(entry.path())).map(|(order, _)| order), entry.path().to_path_buf())
    });
    for entry in listing {
        let name = file_name(entry.path());
        if name == "module.toml" {
            continue;
        }
        let (Entry::File(entry), Some(stem)) = (&entry, name.strip_suffix(".md")) else {
            problems.report(
                entry.path(),
                1,
                "unexpected file: a module holds module.toml and lessons named like `01-welcome.md`",
            );
            continue;
        };
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
        let Some((_, lesson_slug)) = split_order_prefix(stem).filter(|(_, slug)| is_slug(slug)) else {
            problems.report(
                &entry,
                1,
                format!("lesson file `{name}` must be named `NN-slug.md`, like `01-welcome.md`"),
            );
            continue;
        };
        let Some(text) = files::read_text(&entry, problems) else {
            continue;
        };
        lessons.push(LessonFile {
            relative: entry.strip_prefix(course_folder).unwrap_or(&entry).to_path_buf(),
            path: entry.clone(),
            translation_of,
            slug: lesson_slug.to_string(),
            text,
        });
    }
    Some(ModuleFiles { slug, manifest: manifest?, folder: folder.to_path_buf(), lessons })
}

/// Renders an original lesson: its content, its written questions and its word count.
fn render_lesson(
    file: &LessonFile,
    title: String,
    targets: &LinkTargets,
    problems: &mut Problems,
) -> Option<(LessonContent, Vec<WrittenQuestion>, usize)> {
    let split = split_front_matter(&file.text, &file.path, problems)?;
    let extracted = extract_questions(split.body, split.body_first_line, &file.path, problems);
    let source = Source { path: &file.path, first_line: split.body_first_line };
    let rendered = render(&extracted.markdown, &source, targets, problems);
    let questions = render_questions(&extracted.questions, &file.path, targets, problems);
    let content = LessonContent { title, html: rendered.html, contents: rendered.contents, questions };
    Some((content, extracted.questions, rendered.words))
}

fn render_translation(
    file: &LessonFile,
    original: &[WrittenQuestion],
    targets: &LinkTargets,
    problems: &mut Problems,
) -> Option<LessonContent> {
    let split = split_front_matter(&file.text, &file.path, problems)?;
    let front_matter: TranslationFrontMatter = parse_toml(split.front_matter, &file.path, 2, problems)?;
    let extracted = extract_questions(split.body, split.body_first_line, &file.path, problems);
    if !same_quiz(original, &extracted.questions) {
        problems.report(
            &file.path,
            split.body_first_line,
            "a translation must have the same questions and options as the original lesson: same ids, same correct answers, same order",
        );
        return None;
    }
    let source = Source { path: &file.path, first_line: split.body_first_line };
    let rendered = render(&extracted.markdown, &source, targets, problems);
    let questions = render_questions(&extracted.questions, &file.path, targets, problems);
    Some(LessonContent { title: front_matter.title, html: rendered.html, contents: rendered.contents, questions })
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
    path: &Path,
    targets: &LinkTargets,
    problems: &mut Problems,
) -> Vec<QuestionText> {
    questions
        .iter()
        .map(|question| QuestionText {
            prompt_html: render_fragment(
                &question.prompt,
                &Source { path, first_line: question.line + 1 },
                targets,
                problems,
            ),
            options: question
                .options
                .iter()
                .map(|option| {
                    let source = Source { path, first_line: option.line };
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

/// Every image under `assets/` (folders nested at most
/// [`files::MAX_DEPTH`] deep), keyed by its path relative to the course
/// folder, with a hash of its content.
fn load_assets(course: &Path, folder: &Path, problems: &mut Problems) -> BTreeMap<PathBuf, String> {
    let mut assets = BTreeMap::new();
    let mut pending = vec![(folder.to_path_buf(), 1)];
    while let Some((folder, depth)) = pending.pop() {
        for entry in files::entries(&folder, problems) {
            let entry = match entry {
                Entry::Folder(inner) if depth < files::MAX_DEPTH => {
                    pending.push((inner, depth + 1));
                    continue;
                }
                Entry::Folder(inner) => {
                    problems.report(&inner, 1, format!("folders in assets/ nest at most {} deep", files::MAX_DEPTH));
                    continue;
                }
                Entry::File(file) => file,
            };
            let extension = entry.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
            if !IMAGE_EXTENSIONS.contains(&extension.as_str()) {
                problems.report(&entry, 1, "assets/ holds images only: PNG, JPEG, WebP, GIF or SVG");
                continue;
            }
            if let Some(bytes) = files::read_reported(&entry, files::MAX_ASSET_BYTES, problems) {
                let relative = entry.strip_prefix(course).unwrap_or(&entry).to_path_buf();
                assets.insert(relative, hex(&Sha256::digest(&bytes))[..16].to_string());
            }
        }
    }
    assets
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

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
