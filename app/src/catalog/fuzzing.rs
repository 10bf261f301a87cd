//! Entry points for the fuzz targets (`fuzz/`, `make fuzz`): a lesson's
//! text goes through what loading does to it (front matter, questions,
//! markdown, the sanitiser), without a course folder around it.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::manifest::{LessonFrontMatter, lesson_parts, split_front_matter};
use super::markdown::{LinkTargets, Source, render, render_fragment};
use super::problem::Problems;
use super::quiz::extract_questions;

/// What a lesson's text became: every piece of HTML that could reach a
/// page, and how many problems were reported.
pub struct Rendered {
    pub html: Vec<String>,
    pub problems: usize,
}

/// The lesson `text` as loading renders it, in a course with one other
/// lesson (`02-next.md`) and one image (`assets/picture.png`).
pub fn lesson(text: &str) -> Rendered {
    let path = Path::new("fuzz/01-module/01-lesson.md");
    let mut problems = Problems::default();
    let lessons: HashMap<PathBuf, String> = [(PathBuf::from("01-module/02-next.md"), "next".to_string())].into();
    let picture = super::CourseFile {
        hash: "0123456789abcdef".to_string(),
        bytes: 1000,
        image: Some(super::images::ImageInfo { size: Some((640, 480)), ..Default::default() }),
        stamp: None,
    };
    let sheet = super::CourseFile { hash: "fedcba9876543210".to_string(), bytes: 2000, image: None, stamp: None };
    let files: BTreeMap<PathBuf, super::CourseFile> =
        [(PathBuf::from("assets/picture.png"), picture), (PathBuf::from("01-module/sheet.pdf"), sheet)].into();
    let folders = [PathBuf::from("assets"), PathBuf::from("01-module")].into();
    let targets = LinkTargets {
        course_id: "fuzz",
        folder: Path::new("01-module"),
        lessons: &lessons,
        files: &files,
        folders: &folders,
        referenced: &Default::default(),
    };
    let mut html = Vec::new();
    // Front matter as loading reads it: TOML, YAML or a first heading.
    let body = match lesson_parts::<LessonFrontMatter>(text, path, &mut problems) {
        Some((_, split)) => (split.body.to_string(), split.body_first_line),
        None => match split_front_matter(text, path, &mut problems) {
            Some(split) => (split.body.to_string(), split.body_first_line),
            None => (text.to_string(), 1),
        },
    };
    let extracted = extract_questions(&body.0, body.1, path, &mut problems);
    html.push(
        render(
            &extracted.markdown,
            &Source { path, first_line: body.1, language: crate::language::Language::En, original_images: &[] },
            &targets,
            &mut problems,
        )
        .html,
    );
    for question in &extracted.questions {
        let source =
            Source { path, first_line: question.line, language: crate::language::Language::Ur, original_images: &[] };
        html.push(render_fragment(&question.prompt, &source, &targets, &mut problems));
        for option in &question.options {
            html.push(render_fragment(&option.text, &source, &targets, &mut problems));
            html.push(render_fragment(&option.explanation, &source, &targets, &mut problems));
        }
    }
    Rendered { html, problems: problems.len() }
}

/// Whether rendered lesson HTML is safe to put on a page: no script, no
/// event handler, no style, no frame or form, and links and images only
/// where lesson links may lead (this site, http, https, mailto).
pub fn is_safe(html: &str) -> Result<(), String> {
    let lower = html.to_ascii_lowercase();
    // Elements (text is escaped, so `<` only ever starts a tag).
    let elements = ["<script", "<style", "<iframe", "<object", "<embed", "<form", "<input", "<button", "<svg", "<math"];
    for forbidden in elements.iter().chain(&["<base", "<meta", "<link", "<frame", "<template"]) {
        if lower.contains(forbidden) {
            return Err(format!("{forbidden} survived"));
        }
    }
    // Attributes, as the sanitiser writes them (`name="value"`): no on…=
    // handlers, no style, links and images only where lessons may lead.
    for (name, value) in attributes(&lower) {
        if name.starts_with("on")
            || ["style", "formaction", "action", "srcdoc", "srcset", "xlink:href"].contains(&name.as_str())
        {
            return Err(format!("attribute {name} survived"));
        }
        if name == "href" || name == "src" {
            let allowed = value.starts_with("https://")
                || value.starts_with("http://")
                || value.starts_with("mailto:")
                || value.starts_with('#')
                || (value.starts_with('/') && !value.starts_with("//") && !value.contains('\\'));
            if !allowed {
                return Err(format!("a link or image to {value} survived"));
            }
        }
    }
    Ok(())
}

/// Every attribute of every tag in serialised HTML, as (name, value).
fn attributes(html: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut chars = html.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '<' {
            continue;
        }
        // The tag name.
        while chars.peek().is_some_and(|c| !c.is_whitespace() && *c != '>') {
            chars.next();
        }
        loop {
            while chars.peek().is_some_and(|c| c.is_whitespace()) {
                chars.next();
            }
            let mut name = String::new();
            while let Some(&c) = chars.peek().filter(|c| !c.is_whitespace() && !matches!(c, '=' | '>' | '/')) {
                name.push(c);
                chars.next();
            }
            let mut value = String::new();
            if chars.peek() == Some(&'=') {
                chars.next();
                let quote = chars.next();
                for c in chars.by_ref() {
                    if Some(c) == quote {
                        break;
                    }
                    value.push(c);
                }
            }
            if !name.is_empty() {
                found.push((name, value));
            }
            match chars.next() {
                Some('>') | None => break,
                Some(_) => {}
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_lessons_render_safely() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../courses");
        let mut checked = 0;
        let mut pending = vec![folder];
        while let Some(folder) = pending.pop() {
            for entry in std::fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    pending.push(path);
                } else if path.extension().is_some_and(|e| e == "md") && !path.ends_with("README.md") {
                    for html in lesson(&std::fs::read_to_string(&path).unwrap()).html {
                        is_safe(&html).unwrap_or_else(|why| panic!("{}: {why}", path.display()));
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > 30);
    }

    #[test]
    fn the_check_sees_what_it_looks_for() {
        assert!(is_safe("<p onclick=\"x()\">").is_err());
        assert!(is_safe("<a href=\"//evil.example\">").is_err());
        assert!(is_safe("<img src=\"/media/x.png\" alt=\"x\">").is_ok());
        assert!(is_safe("<a href=\"javascript:alert(1)\">").is_err());
        assert!(is_safe("<p>text about javascript: and data: is text</p>").is_ok());
    }

    #[test]
    fn hostile_lessons_render_safely() {
        for text in [
            "+++\ntitle = \"x\"\n+++\n<script>alert(1)</script><img src=x onerror=alert(1)>",
            "<a href=\"/\\evil.example\">x</a> <a href=\"//evil.example\">y</a> <a href=\" javascript:x\">z</a>",
            "<svg><script>x</script></svg><iframe srcdoc=x></iframe><div style=\"x\">",
            "[x](javascript:alert(1)) ![y](https://tracker.example/p.png)",
            "::: question q single\n<img src=x onerror=y>\n\n- [x] <b onmouseover=z>a</b> {#a}\n  <script>b</script>\n:::\n",
        ] {
            for html in lesson(text).html {
                is_safe(&html).unwrap_or_else(|why| panic!("{text:?}: {why}\n{html}"));
            }
        }
    }
}
