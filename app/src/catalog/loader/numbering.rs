//! Numbering a course's lessons: every lesson's id and front matter,
//! and every translation matched to its original, before any is rendered.

use std::collections::HashMap;
use std::path::PathBuf;

use super::module_files::ModuleFiles;
use crate::catalog::manifest::{LessonFrontMatter, lesson_parts};
use crate::catalog::problem::{Problem, Problems};
use crate::catalog::slug::is_slug;

/// Every lesson's id and front matter, found before any is rendered so
/// that links between lessons resolve.
#[derive(Default)]
pub(super) struct NumberedLessons {
    /// Lesson file (relative to the courses folder), original or
    /// translation, to its lesson's id.
    pub(super) ids: HashMap<PathBuf, String>,
    pub(super) front_matters: HashMap<PathBuf, LessonFrontMatter>,
    /// Lessons that cannot even be numbered, by module folder: (slug, problems).
    pub(super) unreadable: HashMap<PathBuf, Vec<(String, Vec<Problem>)>>,
}

pub(super) fn number_lessons(modules: &[ModuleFiles], problems: &mut Problems) -> NumberedLessons {
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
