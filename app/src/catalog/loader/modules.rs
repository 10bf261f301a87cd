//! Building a course's modules: lessons rendered, translated and given
//! their quizzes, broken ones withheld, and each module's introduction.

use std::collections::BTreeMap;

use super::CourseContext;
use super::lessons::{build_quiz, render_lesson};
use super::module_files::{LessonFile, ModuleFiles};
use super::numbering::NumberedLessons;
use super::translations::{Original, file_hash, render_translation};
use crate::catalog::manifest::{TranslationFrontMatter, lesson_parts};
use crate::catalog::markdown::{LinkTargets, Source, render};
use crate::catalog::problem::Problems;
use crate::catalog::{Lesson, Module, Withheld};
use crate::language::Language;

/// Each module with its lessons rendered, translated and their quizzes built.
pub(super) fn build_modules(
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
        let mut unreadable = numbered.unreadable.remove(&module.folder).unwrap_or_default();
        for file in module.lessons.iter().filter(|file| file.translation_of.is_none()) {
            let Some(front_matter) = numbered.front_matters.remove(&file.path) else {
                if let Some(at) = unreadable.iter().position(|(slug, _)| *slug == file.slug) {
                    let (slug, found) = unreadable.remove(at);
                    let place = lessons.len();
                    withheld.push(Withheld { id: slug.clone(), title: slug, place, problems: found, preview: None });
                }
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
                    place: lessons.len(),
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
                // Every lesson is withheld now, in the files' order.
                let mut earlier = std::mem::take(&mut withheld).into_iter().peekable();
                for (index, lesson) in lessons.drain(..).enumerate() {
                    while let Some(before) = earlier.next_if(|before| before.place <= index) {
                        withheld.push(Withheld { place: 0, ..before });
                    }
                    withheld.push(Withheld {
                        id: lesson.id,
                        title: lesson.content.title.clone(),
                        place: 0,
                        problems: missing.clone(),
                        preview: Some(lesson.content),
                    });
                }
                withheld.extend(earlier.map(|after| Withheld { place: 0, ..after }));
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
        let source = Source { path: &file.path, first_line, language, original_images: &[] };
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
