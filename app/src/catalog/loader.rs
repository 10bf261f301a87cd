//! Reads the course folders into a [`Catalog`], reporting every problem.
//! A problem is as small as it can be: a broken lesson is withheld alone
//! (staff can still preview it), a broken translation leaves only itself
//! out, and only a course whose `course.toml` cannot be read is left out
//! whole.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use sha2::{Digest, Sha256};

use super::course_files::{self, Found, hex};
use super::files::{self, Entry};
use super::manifest::{CourseManifest, parse_toml};
use super::problem::{Problem, Problems};
use super::slug::is_slug;
use super::{Catalog, Course};
use crate::language::Language;

mod lessons;
mod module_files;
mod modules;
mod numbering;
mod translations;

use module_files::read_modules;
use modules::build_modules;
use numbering::number_lessons;

pub use translations::file_hash;

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
    Ok(Loaded { catalog: Catalog::new(courses, problems.clone(), folder.to_path_buf()), problems })
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
