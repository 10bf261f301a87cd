//! Lesson markdown to safe HTML: pulldown-cmark renders, we give headings
//! anchors, resolve links between lessons and images in `assets/`, and
//! ammonia removes anything unsafe that raw HTML might have brought.

use std::collections::{BTreeMap, HashMap};
use std::path::{Component, Path, PathBuf};
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::problem::{Problems, line_of};
use super::slug::anchor_for;
use crate::model::TocEntry;

/// What a lesson's links and images may point at.
pub struct LinkTargets<'a> {
    pub course_id: &'a str,
    /// The folder of the file being rendered, relative to the course folder.
    pub folder: &'a Path,
    /// Lesson files (originals and translations), relative to the course folder, with their lesson id.
    pub lessons: &'a HashMap<PathBuf, String>,
    /// Files under `assets/`, relative to the course folder, with their content hash.
    pub assets: &'a BTreeMap<PathBuf, String>,
}

/// Where a problem in the rendered text is reported.
pub struct Source<'a> {
    pub path: &'a Path,
    /// The line of the file on which the markdown starts.
    pub first_line: usize,
}

pub struct Rendered {
    pub html: String,
    pub contents: Vec<TocEntry>,
    pub words: usize,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders a whole lesson body.
pub fn render(markdown: &str, source: &Source, targets: &LinkTargets, problems: &mut Problems) -> Rendered {
    let mut events = Vec::new();
    let mut contents = Vec::new();
    // Ids the page itself uses; a heading that would take one gets a suffix.
    let mut anchors: HashMap<String, usize> = RESERVED_IDS.into_iter().map(|id| (id.to_string(), 1)).collect();
    let mut words = 0;
    let mut heading: Option<(HeadingLevel, Option<CowStr>, Vec<Event>, String)> = None;
    let mut image: Option<(usize, String)> = None; // (line, alt text so far)
    let mut in_table_head = false;
    let mut header_cell: Option<(usize, String)> = None; // (line, text so far)
    let mut last_heading: Option<String> = None; // its anchor, to name the tables below it

    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        let line = source.first_line + line_of(markdown, range.start) - 1;
        if let Event::Text(text) | Event::Code(text) = &event {
            words += text.split_whitespace().count();
            if let Some((_, _, _, heading_text)) = heading.as_mut() {
                heading_text.push_str(text);
            }
            if let Some((_, alt)) = image.as_mut() {
                alt.push_str(text);
            }
            if let Some((_, cell)) = header_cell.as_mut() {
                cell.push_str(text);
            }
        }
        let event = match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading = Some((level, id, Vec::new(), String::new()));
                continue;
            }
            Event::End(TagEnd::Heading(level)) => {
                let Some((_, id, inner, text)) = heading.take() else {
                    continue;
                };
                let anchor =
                    unique_anchor(id.map(|id| id.to_string()).unwrap_or_else(|| anchor_for(&text)), &mut anchors);
                last_heading = Some(anchor.clone());
                if matches!(level, HeadingLevel::H2 | HeadingLevel::H3) {
                    contents.push(TocEntry {
                        level: if level == HeadingLevel::H2 { 2 } else { 3 },
                        anchor: anchor.clone(),
                        text: text.trim().to_string(),
                    });
                }
                events.push(Event::Start(Tag::Heading {
                    level,
                    id: Some(anchor.into()),
                    classes: Vec::new(),
                    attrs: Vec::new(),
                }));
                events.extend(inner);
                events.push(Event::End(TagEnd::Heading(level)));
                continue;
            }
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let dest_url = resolve_link(&dest_url, targets).unwrap_or_else(|message| {
                    problems.report(source.path, line, message);
                    "#".to_string()
                });
                Event::Start(Tag::Link { link_type, dest_url: dest_url.into(), title, id })
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                image = Some((line, String::new()));
                let dest_url = resolve_image(&dest_url, targets).unwrap_or_else(|message| {
                    problems.report(source.path, line, message);
                    String::new()
                });
                Event::Start(Tag::Image { link_type, dest_url: dest_url.into(), title, id })
            }
            Event::End(TagEnd::Image) => {
                if let Some((line, alt)) = image.take()
                    && alt.trim().is_empty()
                {
                    problems.report(
                        source.path,
                        line,
                        "this image has no alt text: describe it inside the brackets, `![what the picture shows](…)`",
                    );
                }
                Event::End(TagEnd::Image)
            }
            Event::Start(Tag::TableHead) => {
                in_table_head = true;
                Event::Start(Tag::TableHead)
            }
            Event::End(TagEnd::TableHead) => {
                in_table_head = false;
                Event::End(TagEnd::TableHead)
            }
            Event::Start(Tag::TableCell) => {
                if in_table_head {
                    header_cell = Some((line, String::new()));
                }
                Event::Start(Tag::TableCell)
            }
            Event::End(TagEnd::TableCell) => {
                if let Some((line, text)) = header_cell.take()
                    && text.trim().is_empty()
                {
                    problems.report(
                        source.path,
                        line,
                        "a table column has no heading: screen readers announce each cell with its column's heading",
                    );
                }
                Event::End(TagEnd::TableCell)
            }
            Event::TaskListMarker(done) => Event::InlineHtml(
                if done { "<span class=\"task-box\">☑</span> " } else { "<span class=\"task-box\">☐</span> " }.into(),
            ),
            Event::Start(Tag::Table(alignments)) => {
                // Wide tables scroll sideways on a phone instead of widening the page;
                // the wrapper is a focusable region, named by the heading above
                // it, so that keyboards can scroll it too.
                let wrap = match &last_heading {
                    Some(anchor) => format!(
                        "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"{anchor}\">"
                    ),
                    None => "<div class=\"table-wrap\">".to_string(),
                };
                push(&mut heading, &mut events, Event::Html(wrap.into()));
                Event::Start(Tag::Table(alignments))
            }
            Event::End(TagEnd::Table) => {
                push(&mut heading, &mut events, Event::End(TagEnd::Table));
                Event::Html("</div>".into())
            }
            other => other,
        };
        push(&mut heading, &mut events, event);
    }

    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Rendered { html: SANITIZER.clean(&html).to_string(), contents, words }
}

/// Renders a short piece of markdown (a quiz prompt, option or explanation);
/// a single paragraph is returned without its `<p>`.
pub fn render_fragment(markdown: &str, source: &Source, targets: &LinkTargets, problems: &mut Problems) -> String {
    let html = render(markdown, source, targets, problems).html;
    let trimmed = html.trim();
    match trimmed.strip_prefix("<p>").and_then(|rest| rest.strip_suffix("</p>")) {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => trimmed.to_string(),
    }
}

fn push<'a>(
    heading: &mut Option<(HeadingLevel, Option<CowStr<'a>>, Vec<Event<'a>>, String)>,
    events: &mut Vec<Event<'a>>,
    event: Event<'a>,
) {
    match heading {
        Some((_, _, inner, _)) => inner.push(event),
        None => events.push(event),
    }
}

fn unique_anchor(anchor: String, seen: &mut HashMap<String, usize>) -> String {
    let count = seen.entry(anchor.clone()).or_insert(0);
    *count += 1;
    if *count == 1 { anchor } else { format!("{anchor}-{count}") }
}

fn is_external(url: &str) -> bool {
    ["https://", "http://", "mailto:"].iter().any(|scheme| url.starts_with(scheme))
}

/// A link to another lesson (by its file), an anchor, or an external page.
fn resolve_link(url: &str, targets: &LinkTargets) -> Result<String, String> {
    if is_external(url) || url.starts_with('#') {
        return Ok(url.to_string());
    }
    if url.contains("://") || url.starts_with("//") || url.contains(':') && !url.contains('/') {
        return Err(format!("link `{url}`: external links must start with https://, http:// or mailto:"));
    }
    let (file, anchor) = match url.split_once('#') {
        Some((file, anchor)) => (file, Some(anchor)),
        None => (url, None),
    };
    let target =
        course_relative(targets.folder, file).ok_or_else(|| format!("link `{url}` leaves the course folder"))?;
    let lesson = targets
        .lessons
        .get(&target)
        .ok_or_else(|| format!("link `{url}` points at no lesson: link to a lesson's .md file, like `02-wifi.md` or `../02-module/01-lesson.md`"))?;
    let mut href = format!("/courses/{}/{}", targets.course_id, lesson);
    if let Some(anchor) = anchor {
        href.push('#');
        href.push_str(anchor);
    }
    Ok(href)
}

/// An image must be one of the course's own `assets/`; its address carries
/// the content hash so browsers may cache it for good.
fn resolve_image(url: &str, targets: &LinkTargets) -> Result<String, String> {
    if url.contains(':') || url.starts_with('/') {
        return Err(format!(
            "image `{url}`: images must be files in the course's assets/ folder, linked relatively like `../assets/picture.png`"
        ));
    }
    let target =
        course_relative(targets.folder, url).ok_or_else(|| format!("image `{url}` leaves the course folder"))?;
    let hash = targets
        .assets
        .get(&target)
        .ok_or_else(|| format!("image `{url}` not found: put it in the course's assets/ folder"))?;
    let in_assets = target.strip_prefix("assets").expect("assets are keyed under assets/");
    Ok(format!("/media/{}/{}?v={hash}", targets.course_id, in_assets.display()))
}

/// Resolves `relative` against `folder` without touching the disk; `None`
/// when the result would leave the course folder.
fn course_relative(folder: &Path, relative: &str) -> Option<PathBuf> {
    let joined = folder.join(relative);
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for component in joined.components() {
        match component {
            Component::Normal(part) => parts.push(part),
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(parts.iter().collect())
}

/// Ids the page around a lesson uses; lesson text may not take them.
const RESERVED_IDS: [&str; 5] = ["main", "contents-heading", "quiz-heading", "result", "result-heading"];

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(["http", "https", "mailto"].into())
        .add_tag_attributes("h1", ["id"])
        .add_tag_attributes("h2", ["id"])
        .add_tag_attributes("h3", ["id"])
        .add_tag_attributes("h4", ["id"])
        .add_tag_attributes("h5", ["id"])
        .add_tag_attributes("h6", ["id"])
        .add_tag_attributes("div", ["id", "tabindex", "role", "aria-labelledby"])
        .add_tag_attributes("li", ["id"])
        .add_allowed_classes("div", ["footnote-definition", "table-wrap"])
        .add_allowed_classes("sup", ["footnote-reference", "footnote-definition-label"])
        .add_allowed_classes("span", ["task-box"])
        .add_allowed_classes("section", ["footnotes"])
        // Raw HTML may not take the page's own ids, change the tab order, or
        // show images from outside the course's checked assets.
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            (_, "id") if RESERVED_IDS.contains(&value) => None,
            (_, "tabindex") if value != "0" => None,
            ("div", "role") if value != "region" => None,
            ("img", "src") if !value.starts_with("/media/") => None,
            ("a", "href") if !is_safe_raw_href(value) => None,
            _ => Some(value.into()),
        });
    builder
});

/// Whether a link written as raw HTML may stay: the same rule as markdown
/// links (http, https or mailto; an anchor; or a path on this site), read
/// the way a browser reads it. Browsers drop tabs and line breaks inside an
/// address and take `\` for `/`, so `/\evil.example` and `/\t/evil.example`
/// both lead to another site.
fn is_safe_raw_href(value: &str) -> bool {
    let url: String =
        value.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    if url.contains('\\') || url.starts_with("//") || url.chars().any(char::is_control) {
        return false;
    }
    if url.starts_with('#') || url.starts_with('/') {
        return true;
    }
    let lower = url.to_ascii_lowercase();
    ["https://", "http://", "mailto:"].iter().any(|scheme| lower.starts_with(scheme))
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fixture {
        lessons: HashMap<PathBuf, String>,
        assets: BTreeMap<PathBuf, String>,
    }

    impl Fixture {
        fn new() -> Fixture {
            let mut lessons = HashMap::new();
            lessons.insert(PathBuf::from("01-basics/02-wifi.md"), "wifi".to_string());
            lessons.insert(PathBuf::from("02-more/01-apps.md"), "apps".to_string());
            let mut assets = BTreeMap::new();
            assets.insert(PathBuf::from("assets/phone.svg"), "abc123".to_string());
            Fixture { lessons, assets }
        }

        fn render(&self, markdown: &str) -> (Rendered, Vec<super::super::problem::Problem>) {
            let targets = LinkTargets {
                course_id: "phones",
                folder: Path::new("01-basics"),
                lessons: &self.lessons,
                assets: &self.assets,
            };
            let mut problems = Problems::default();
            let path = PathBuf::from("courses/phones/01-basics/01-intro.md");
            let rendered = render(markdown, &Source { path: &path, first_line: 5 }, &targets, &mut problems);
            (rendered, problems.into_vec())
        }
    }

    #[test]
    fn headings_get_anchors_and_make_the_table_of_contents() {
        let (rendered, problems) = Fixture::new().render("## First steps\n\ntext\n\n### Detail\n\n## First steps\n");
        assert!(problems.is_empty());
        assert!(rendered.html.contains(r#"<h2 id="first-steps">First steps</h2>"#), "{}", rendered.html);
        assert!(rendered.html.contains(r#"<h2 id="first-steps-2">"#));
        let anchors: Vec<_> = rendered.contents.iter().map(|e| (e.level, e.anchor.as_str())).collect();
        assert_eq!(anchors, [(2, "first-steps"), (3, "detail"), (2, "first-steps-2")]);
    }

    #[test]
    fn links_to_lesson_files_become_lesson_addresses() {
        let (rendered, problems) = Fixture::new()
            .render("[wifi](02-wifi.md) and [apps](../02-more/01-apps.md#install) and [web](https://example.org)");
        assert!(problems.is_empty(), "{problems:?}");
        assert!(rendered.html.contains(r#"href="/courses/phones/wifi""#), "{}", rendered.html);
        assert!(rendered.html.contains(r#"href="/courses/phones/apps#install""#));
        assert!(rendered.html.contains(r#"href="https://example.org""#));
    }

    #[test]
    fn broken_links_are_reported_at_their_line() {
        let (_, problems) = Fixture::new().render("fine\n\n[gone](03-missing.md)\n\n[bad](javascript:alert(1))\n");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].line, 7);
        assert!(problems[0].message.contains("points at no lesson"));
        assert_eq!(problems[1].line, 9);
    }

    #[test]
    fn images_come_from_assets_with_a_hash_and_need_alt_text() {
        let (rendered, problems) = Fixture::new().render("![The home screen](../assets/phone.svg)");
        assert!(problems.is_empty(), "{problems:?}");
        assert!(rendered.html.contains(r#"src="/media/phones/phone.svg?v=abc123""#), "{}", rendered.html);
        assert!(rendered.html.contains(r#"alt="The home screen""#));

        let (_, problems) = Fixture::new().render("![](../assets/phone.svg)\n\n![x](../assets/missing.png)\n");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].message.contains("alt text"));
        assert!(problems[1].message.contains("not found"));
        assert_eq!(problems[1].line, 7);
    }

    #[test]
    fn raw_html_is_sanitised() {
        let (rendered, _) = Fixture::new().render(
            "<script>alert(1)</script>\n\n<p onclick=\"x()\">hi</p>\n\n<a href=\"javascript:x()\">link</a>\n\n<form><input></form>\n",
        );
        assert!(!rendered.html.contains("<script"), "{}", rendered.html);
        assert!(!rendered.html.contains("onclick"));
        assert!(!rendered.html.contains("javascript:"));
        assert!(!rendered.html.contains("<form"));
        assert!(!rendered.html.contains("<input"));
    }

    #[test]
    fn raw_html_links_follow_the_rule_of_markdown_links() {
        for hostile in [
            "//evil.example",
            "/\\evil.example",
            " //evil.example",
            "/\t/evil.example",
            "\\\\evil.example",
            "javascript:alert(1)",
            "JaVaScRiPt:x",
            "data:text/html,x",
            "evil.example",
        ] {
            let (rendered, _) = Fixture::new().render(&format!("<a href=\"{hostile}\">x</a>\n"));
            assert!(!rendered.html.contains("href"), "{hostile:?} kept: {}", rendered.html);
        }
        for fine in ["https://example.org/a", "mailto:help@example.org", "#top", "/courses/phones/wifi"] {
            let (rendered, _) = Fixture::new().render(&format!("<a href=\"{fine}\">x</a>\n"));
            assert!(rendered.html.contains(&format!("href=\"{fine}\"")), "{fine:?} lost: {}", rendered.html);
        }
    }

    #[test]
    fn raw_html_cannot_take_page_ids_tab_order_or_outside_images() {
        let (rendered, _) = Fixture::new().render(
            "<div id=\"main\" tabindex=\"5\">x</div>\n\n<img src=\"https://tracker.example/p.gif\" alt=\"x\">\n",
        );
        assert!(!rendered.html.contains("id=\"main\""), "{}", rendered.html);
        assert!(!rendered.html.contains("tabindex"), "{}", rendered.html);
        assert!(!rendered.html.contains("tracker.example"), "{}", rendered.html);
    }

    #[test]
    fn tables_footnotes_and_task_lists_render() {
        let (rendered, problems) = Fixture::new()
            .render("| a | b |\n|---|---|\n| 1 | 2 |\n\nA note[^n].\n\n[^n]: The note.\n\n- [ ] to do\n- [x] done\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert!(rendered.html.contains(r#"<div class="table-wrap"><table>"#), "{}", rendered.html);
        assert!(rendered.html.contains(r#"class="footnote-reference""#));
        assert!(rendered.html.contains(r#"class="footnote-definition""#));
        assert!(rendered.html.contains("☐"));
        assert!(rendered.html.contains("☑"));
        assert!(!rendered.html.contains("<input"));
        let (rendered, _) = Fixture::new().render("## Prices\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(
            rendered
                .html
                .contains(r#"<div class="table-wrap" tabindex="0" role="region" aria-labelledby="prices"><table>"#),
            "a table under a heading is a region named by it: {}",
            rendered.html
        );
    }

    #[test]
    fn every_table_column_needs_a_heading() {
        let (_, problems) = Fixture::new().render("text\n\n| | b |\n|---|---|\n| 1 | 2 |\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, 7);
        assert!(problems[0].message.contains("no heading"));
    }

    #[test]
    fn fragments_lose_their_single_paragraph() {
        let fixture = Fixture::new();
        let targets = LinkTargets {
            course_id: "phones",
            folder: Path::new("01-basics"),
            lessons: &fixture.lessons,
            assets: &fixture.assets,
        };
        let mut problems = Problems::default();
        let path = PathBuf::from("x.md");
        let html =
            render_fragment("Use **four** words", &Source { path: &path, first_line: 1 }, &targets, &mut problems);
        assert_eq!(html, "Use <strong>four</strong> words");
    }
}
