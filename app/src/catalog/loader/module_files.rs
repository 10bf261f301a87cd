//! Reading a course's module folders from disk: each module's
//! `module.toml` and its lesson and introduction files, before anything is
//! rendered.

use std::path::{Path, PathBuf};

use super::file_name;
use crate::catalog::course_files::{is_module_folder, is_module_text, why_not_a_lesson};
use crate::catalog::files::{self, Entry};
use crate::catalog::manifest::{ModuleManifest, parse_toml};
use crate::catalog::problem::Problems;
use crate::catalog::slug::split_order_prefix;
use crate::language::Language;

/// A lesson file found on disk, before rendering.
pub(super) struct LessonFile {
    pub(super) path: PathBuf,
    /// Relative to the course folder.
    pub(super) relative: PathBuf,
    /// `None` for the original, the language for a translation.
    pub(super) translation_of: Option<Language>,
    /// The file name without order prefix, language and `.md`.
    pub(super) slug: String,
    pub(super) text: String,
}

pub(super) struct ModuleFiles {
    pub(super) slug: String,
    pub(super) manifest: Option<ModuleManifest>,
    pub(super) folder: PathBuf,
    pub(super) lessons: Vec<LessonFile>,
    /// `module.md` or `README.md`, and their translations.
    pub(super) intro: Vec<LessonFile>,
}

/// The module folders (`NN-slug`) and their files, in order. Other folders
/// and files are the course's files, kept for lessons to show or link.
pub(super) fn read_modules(folder: &Path, listing: Vec<Entry>, problems: &mut Problems) -> Vec<ModuleFiles> {
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
                problems.warn(entry, 1, why_not_a_lesson(&name));
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
