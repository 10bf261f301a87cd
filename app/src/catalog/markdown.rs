//! Lesson markdown to safe HTML: pulldown-cmark renders; we give headings
//! anchors, resolve links between lessons and to the course's files, make
//! images fit a phone, turn a linked video thumbnail into a link card,
//! highlight code; ammonia removes anything unsafe that raw HTML might
//! have brought, and what it would remove is reported.

use std::collections::HashMap;
use std::path::Path;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::highlight::{self, escape_into};
use super::images::{Encoding, ImageInfo};
pub use super::links::LinkTargets;
use super::links::{Image, Link, resolve_image, resolve_link, video_site};
use super::problem::Problems;
use super::sanitise::{RESERVED_IDS, SANITIZER, dropped_images, removed_tags};
use super::slug::anchor_for;
use crate::language::Language;
use crate::model::TocEntry;
use crate::msg;

/// Where a problem in the rendered text is reported, and its language.
pub struct Source<'a> {
    pub path: &'a Path,
    /// The line of the file on which the markdown starts.
    pub first_line: usize,
    pub language: Language,
}

pub struct Rendered {
    pub html: String,
    pub contents: Vec<TocEntry>,
    pub words: usize,
    /// Every course image shown, as written, with the bytes a phone fetches for it.
    pub images: Vec<(String, u64)>,
    pub headings: usize,
    /// Letters of its text, to compare a translation with its original.
    pub letters: usize,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Raw HTML tags one lesson may hold.
const MAX_RAW_TAGS: usize = 1_000;

/// Fences that GitHub draws as diagrams with a script; we show their text.
const DIAGRAM_LANGUAGES: [&str; 5] = ["mermaid", "plantuml", "dot", "graphviz", "geojson"];

/// The width images take on the page, for the browser to pick a copy.
const IMAGE_SIZES: &str = "(min-width: 44rem) 42rem, 100vw";

type Heading<'a> = Option<(HeadingLevel, Option<CowStr<'a>>, Vec<Event<'a>>, String)>;

/// What the link being rendered became.
enum OpenLink {
    Kept,
    /// Its target is broken: the text stays, the link goes.
    Dropped,
    /// A course file: its size follows the text.
    File(String),
}

/// Renders a whole lesson body.
pub fn render(markdown: &str, source: &Source, targets: &LinkTargets, problems: &mut Problems) -> Rendered {
    let parsed: Vec<(Event, std::ops::Range<usize>)> =
        Parser::new_ext(markdown, options()).into_offset_iter().collect();
    let mut events = Vec::new();
    let mut contents = Vec::new();
    // Ids the page itself uses; a heading that would take one gets a suffix.
    let mut anchors: HashMap<String, usize> = RESERVED_IDS.into_iter().map(|id| (id.to_string(), 1)).collect();
    let mut words = 0;
    let mut letters = 0;
    let mut headings = 0;
    let mut images = Vec::new();
    let mut heading: Heading = None;
    let mut open_link: Option<OpenLink> = None;
    let mut in_table_head = false;
    let mut header_cells = 0;
    let mut header_cell: Option<(usize, String)> = None; // (line, text so far)
    let mut last_heading: Option<String> = None; // its anchor, to name the tables below it

    // Where each line starts, to find an event's line without rescanning.
    let line_starts: Vec<usize> =
        std::iter::once(0).chain(markdown.match_indices('\n').map(|(at, _)| at + 1)).collect();
    let mut raw_tags = 0;
    let mut index = 0;
    while index < parsed.len() {
        let (event, range) = parsed[index].clone();
        index += 1;
        let line = source.first_line + line_starts.partition_point(|&start| start <= range.start) - 1;
        if let Event::Text(text) | Event::Code(text) = &event {
            words += text.split_whitespace().count();
            letters += text.chars().filter(|c| c.is_alphabetic()).count();
            if let Some((_, _, _, heading_text)) = heading.as_mut() {
                heading_text.push_str(text);
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
                headings += 1;
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
                if let Some(site) = video_site(&dest_url)
                    && matches!(parsed.get(index), Some((Event::Start(Tag::Image { .. }), _)))
                {
                    let (card, consumed) = video_card(&parsed[index..], &dest_url, &title, site, source.language);
                    index += consumed;
                    push(&mut heading, &mut events, Event::Html(card.into()));
                    continue;
                }
                match resolve_link(&dest_url, targets) {
                    Ok(Link::Page(href)) => {
                        open_link = Some(OpenLink::Kept);
                        Event::Start(Tag::Link { link_type, dest_url: href.into(), title, id })
                    }
                    Ok(Link::File { href, bytes, kind }) => {
                        let mut size = String::new();
                        escape_into(&mut size, &file_size(source.language, &kind, bytes));
                        open_link = Some(OpenLink::File(size));
                        download_link(&href)
                    }
                    Ok(Link::Folder { href, bytes, files }) => {
                        let count = fluent_bundle::FluentArgs::from_iter([("files", files)]);
                        let size = format!(
                            "{}, {}",
                            file_size(source.language, "ZIP", bytes),
                            crate::i18n::translate(source.language, msg::LESSON_FOLDER_FILES, Some(&count))
                        );
                        let mut escaped = String::new();
                        escape_into(&mut escaped, &size);
                        open_link = Some(OpenLink::File(escaped));
                        download_link(&href)
                    }
                    Err(message) => {
                        problems.warn(source.path, line, format!("{message} (shown as plain text)"));
                        open_link = Some(OpenLink::Dropped);
                        continue;
                    }
                }
            }
            Event::End(TagEnd::Link) => match open_link.take() {
                Some(OpenLink::Dropped) => continue,
                Some(OpenLink::File(size)) => {
                    Event::Html(format!(" <span class=\"file-size\">({size})</span></a>").into())
                }
                _ => Event::End(TagEnd::Link),
            },
            Event::Start(Tag::Image { dest_url, title, .. }) => {
                let (alt, consumed) =
                    collect_text(&parsed[index..], |event| matches!(event, Event::End(TagEnd::Image)));
                index += consumed;
                if alt.trim().is_empty() {
                    problems.warn(
                        source.path,
                        line,
                        "this image has no alt text: describe it inside the brackets, `![what the picture shows](…)`",
                    );
                }
                let html = match resolve_image(&dest_url, targets) {
                    Ok(Image::Course { href, file }) => {
                        let info = file.image.as_ref().expect("resolved images have image info");
                        images.push((dest_url.to_string(), info.phone_bytes(file.bytes)));
                        picture(&href, info, &alt, &title, images.len() == 1)
                    }
                    Ok(Image::Outside(url)) => {
                        problems.warn(
                            source.path,
                            line,
                            format!("image `{url}` is on another site: our pages never make a learner's phone fetch from elsewhere, so it is shown as a link to it"),
                        );
                        let mut html = String::new();
                        if open_link.is_none() {
                            html.push_str("<a href=\"");
                            escape_into(&mut html, &url);
                            html.push_str("\">");
                        }
                        escape_into(&mut html, if alt.trim().is_empty() { &url } else { &alt });
                        if open_link.is_none() {
                            html.push_str("</a>");
                        }
                        html
                    }
                    Err(message) => {
                        problems.warn(source.path, line, format!("{message} (its alt text is shown instead)"));
                        let mut html = String::new();
                        escape_into(&mut html, &alt);
                        html
                    }
                };
                Event::Html(html.into())
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let (code, consumed) =
                    collect_text(&parsed[index..], |event| matches!(event, Event::End(TagEnd::CodeBlock)));
                index += consumed;
                words += code.split_whitespace().count();
                let language = match &kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or("").to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                if DIAGRAM_LANGUAGES.contains(&language.to_ascii_lowercase().as_str()) {
                    problems.warn(
                        source.path,
                        line,
                        format!("a `{language}` diagram is shown as its source text (no script draws it on a learner's phone): put a picture of it, with alt text, in its place"),
                    );
                }
                Event::Html(code_block(&code, &language).into())
            }
            Event::Html(raw) | Event::InlineHtml(raw) => {
                raw_tags += raw.matches('<').count();
                for src in dropped_images(&raw) {
                    problems.warn(
                        source.path,
                        line,
                        format!("a raw HTML image (`<img src=\"{src}\">`) is removed: write it in markdown, `![what it shows]({src})`, so that it is found in the course and sized for phones"),
                    );
                }
                for tag in removed_tags(&raw) {
                    problems.warn(
                        source.path,
                        line,
                        format!("`{tag}` is not HTML a page keeps: the sanitiser removes it and learners see nothing; to show it as text write it in backticks or as `\\{tag}`"),
                    );
                }
                Event::Html(raw)
            }
            Event::Start(Tag::TableHead) => {
                in_table_head = true;
                header_cells = 0;
                Event::Start(Tag::TableHead)
            }
            Event::End(TagEnd::TableHead) => {
                in_table_head = false;
                Event::End(TagEnd::TableHead)
            }
            Event::Start(Tag::TableRow) => {
                let cells = cells_in_row(&markdown[range.clone()]);
                if cells > header_cells {
                    problems.warn(
                        source.path,
                        line,
                        format!("this table row has {cells} cells but the table's heading row has {header_cells}: the cells past the last column are not shown"),
                    );
                }
                Event::Start(Tag::TableRow)
            }
            Event::Start(Tag::TableCell) => {
                if in_table_head {
                    header_cells += 1;
                    header_cell = Some((line, String::new()));
                }
                Event::Start(Tag::TableCell)
            }
            Event::End(TagEnd::TableCell) => {
                if let Some((line, text)) = header_cell.take()
                    && text.trim().is_empty()
                {
                    problems.warn(
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
                    Some(anchor) => {
                        let mut escaped = String::new();
                        escape_into(&mut escaped, anchor);
                        format!(
                            "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"{escaped}\">"
                        )
                    }
                    None => "<div class=\"table-wrap\" tabindex=\"0\">".to_string(),
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

    if raw_tags > MAX_RAW_TAGS {
        // Misnested raw HTML can make an HTML parser build millions of
        // elements from a few kilobytes: such a lesson is not parsed at all.
        problems.report(
            source.path,
            source.first_line,
            format!("this text holds more than {MAX_RAW_TAGS} raw HTML tags: write it in markdown"),
        );
        return Rendered { html: String::new(), contents, words, images, headings, letters };
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Rendered { html: SANITIZER.clean(&html).to_string(), contents, words, images, headings, letters }
}

/// The start of a link that downloads a file of the course.
fn download_link(href: &str) -> Event<'static> {
    let mut html = String::from("<a class=\"file-link\" download href=\"");
    escape_into(&mut html, href);
    html.push_str("\">");
    Event::Html(html.into())
}

/// The text of the events up to the one `end` matches, and how many events that was.
fn collect_text(events: &[(Event, std::ops::Range<usize>)], end: impl Fn(&Event) -> bool) -> (String, usize) {
    let mut text = String::new();
    for (count, (event, _)) in events.iter().enumerate() {
        match event {
            event if end(event) => return (text, count + 1),
            Event::Text(part) | Event::Code(part) => text.push_str(part),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    (text, events.len())
}

/// `[![alt](thumbnail)](video)`: a card linking to the video, with its
/// title and length when given. The thumbnail is never fetched.
fn video_card(
    events: &[(Event, std::ops::Range<usize>)],
    href: &str,
    title: &str,
    site: &str,
    language: Language,
) -> (String, usize) {
    let (text, consumed) = collect_text(events, |event| matches!(event, Event::End(TagEnd::Link)));
    let name = if title.trim().is_empty() { text.trim() } else { title.trim() };
    let name = if name.is_empty() { site } else { name };
    let mut meta = crate::i18n::translate(
        language,
        msg::LESSON_VIDEO_OPENS,
        Some(&fluent_bundle::FluentArgs::from_iter([("site", site)])),
    );
    if let Some(length) = duration_in(title).or_else(|| duration_in(&text)) {
        meta.push_str(" · ");
        meta.push_str(&length);
    }
    let mut html = String::from("<a class=\"video-card\" href=\"");
    escape_into(&mut html, href);
    html.push_str("\"><span class=\"video-card-title\">");
    escape_into(&mut html, name);
    html.push_str("</span> <span class=\"video-card-meta\">");
    escape_into(&mut html, &meta);
    html.push_str("</span></a>");
    (html, consumed)
}

/// A length like `12:34` or `1:02:03` written in a video's title.
fn duration_in(text: &str) -> Option<String> {
    text.split(|c: char| !(c.is_ascii_digit() || c == ':')).find_map(|part| {
        let pieces: Vec<&str> = part.split(':').collect();
        let well_formed = (2..=3).contains(&pieces.len())
            && pieces[0].len() <= 2
            && !pieces[0].is_empty()
            && pieces[1..].iter().all(|piece| piece.len() == 2 && piece < &"60");
        well_formed.then(|| part.to_string())
    })
}

/// "PDF, 120 KB" in the lesson's language.
fn file_size(language: Language, kind: &str, bytes: u64) -> String {
    let (id, amount) = if bytes >= 1024 * 1024 {
        (msg::LESSON_FILE_SIZE_MB, crate::format::tenths_in(language, (bytes * 10).div_ceil(1024 * 1024)))
    } else {
        (msg::LESSON_FILE_SIZE_KB, crate::format::number_in(language, bytes.div_ceil(1024)))
    };
    let args = fluent_bundle::FluentArgs::from_iter([("kind", kind.to_string()), ("size", amount)]);
    crate::i18n::translate(language, id, Some(&args))
}

/// An image in the copies made for it, the browser choosing the smallest
/// that fills its width; its size given, so nothing moves as it arrives.
fn picture(href: &str, info: &ImageInfo, alt: &str, title: &str, first: bool) -> String {
    let srcset = |encoding: Encoding| {
        info.variants_in(encoding)
            .map(|variant| format!("{href}&w={}&f={} {}w", variant.width, encoding.extension(), variant.width))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut html = String::new();
    let fallback = info.fallback();
    if fallback.is_some() {
        html.push_str("<picture><source type=\"image/webp\" srcset=\"");
        escape_into(&mut html, &srcset(Encoding::Webp));
        html.push_str("\" sizes=\"");
        html.push_str(IMAGE_SIZES);
        html.push_str("\">");
    }
    html.push_str("<img src=\"");
    match fallback {
        Some(encoding) => {
            let chosen = info.variants_in(encoding).find(|v| v.width >= super::images::PHONE_WIDTH);
            let width = chosen.or(info.variants_in(encoding).last()).map(|v| v.width).unwrap_or_default();
            escape_into(&mut html, &format!("{href}&w={width}&f={}", encoding.extension()));
            html.push_str("\" srcset=\"");
            escape_into(&mut html, &srcset(encoding));
            html.push_str("\" sizes=\"");
            html.push_str(IMAGE_SIZES);
        }
        None => escape_into(&mut html, href),
    }
    html.push_str("\" alt=\"");
    escape_into(&mut html, alt.trim());
    if !title.is_empty() {
        html.push_str("\" title=\"");
        escape_into(&mut html, title);
    }
    if let Some((width, height)) = info.size {
        html.push_str(&format!("\" width=\"{width}\" height=\"{height}"));
    }
    // The first picture is likely on the first screen; the rest wait until
    // the reader scrolls near them.
    html.push_str(if first { "\" decoding=\"async\">" } else { "\" loading=\"lazy\" decoding=\"async\">" });
    if fallback.is_some() {
        html.push_str("</picture>");
    }
    html
}

/// A code block: its language as a label, its text highlighted when the language is known.
fn code_block(code: &str, language: &str) -> String {
    let mut html = String::new();
    let language: String =
        language.chars().filter(|c| c.is_alphanumeric() || matches!(c, '-' | '+' | '#' | '.')).take(24).collect();
    if !language.is_empty() {
        html.push_str("<div class=\"code-block\"><span class=\"code-language\">");
        escape_into(&mut html, &language);
        html.push_str("</span>");
    }
    html.push_str("<pre><code>");
    match highlight::highlight(code, &language) {
        Some(highlighted) => html.push_str(&highlighted),
        None => escape_into(&mut html, code),
    }
    html.push_str("</code></pre>");
    if !language.is_empty() {
        html.push_str("</div>");
    }
    html.push('\n');
    html
}

/// The cells of a table row as written: `| a | b \| c | `x|y` |` has three.
fn cells_in_row(row: &str) -> usize {
    let row = row.trim();
    let row = row.strip_prefix('|').unwrap_or(row);
    let mut separators = 0;
    let mut in_code = false;
    let mut escaped = false;
    let mut last_was_separator = false;
    for c in row.chars() {
        last_was_separator = false;
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '`' => in_code = !in_code,
            '|' if !in_code => {
                separators += 1;
                last_was_separator = true;
            }
            _ => {}
        }
    }
    if last_was_separator { separators } else { separators + 1 }
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

fn push<'a>(heading: &mut Heading<'a>, events: &mut Vec<Event<'a>>, event: Event<'a>) {
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

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::PathBuf;

    use super::super::CourseFile;
    use super::super::images::ImageInfo;
    use super::*;

    struct Fixture {
        lessons: HashMap<PathBuf, String>,
        files: BTreeMap<PathBuf, CourseFile>,
        folders: BTreeSet<PathBuf>,
    }

    impl Fixture {
        fn new() -> Fixture {
            let mut lessons = HashMap::new();
            lessons.insert(PathBuf::from("01-basics/02-wifi.md"), "wifi".to_string());
            lessons.insert(PathBuf::from("02-more/01-apps.md"), "apps".to_string());
            let mut files = BTreeMap::new();
            let image = ImageInfo { size: Some((320, 180)), ..ImageInfo::default() };
            files.insert(
                PathBuf::from("assets/phone.svg"),
                CourseFile { hash: "abc123".to_string(), bytes: 900, image: Some(image), stamp: None },
            );
            files.insert(
                PathBuf::from("01-basics/starter/index.html"),
                CourseFile { hash: "def456".to_string(), bytes: 3000, image: None, stamp: None },
            );
            let folders = ["assets", "01-basics", "01-basics/starter", "02-more"].map(PathBuf::from).into();
            Fixture { lessons, files, folders }
        }

        fn render(&self, markdown: &str) -> (Rendered, Vec<super::super::problem::Problem>) {
            let targets = LinkTargets {
                course_id: "phones",
                folder: Path::new("01-basics"),
                lessons: &self.lessons,
                files: &self.files,
                folders: &self.folders,
                referenced: &Default::default(),
            };
            let mut problems = Problems::default();
            let path = PathBuf::from("courses/phones/01-basics/01-intro.md");
            let source = Source { path: &path, first_line: 5, language: Language::En };
            let rendered = render(markdown, &source, &targets, &mut problems);
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
        assert!(problems[0].message.contains("points at nothing"));
        assert!(problems.iter().all(|p| !p.is_error()), "a broken link is a warning: {problems:?}");
        assert_eq!(problems[1].line, 9);
    }

    #[test]
    fn images_come_from_assets_with_a_hash_and_need_alt_text() {
        let (rendered, problems) = Fixture::new().render("![The home screen](../assets/phone.svg)");
        assert!(problems.is_empty(), "{problems:?}");
        assert!(rendered.html.contains(r#"src="/media/phones/assets/phone.svg?v=abc123""#), "{}", rendered.html);
        assert!(rendered.html.contains(r#"alt="The home screen""#));
        assert!(rendered.html.contains(r#"width="320" height="180""#), "{}", rendered.html);

        let (_, problems) = Fixture::new().render("![](../assets/phone.svg)\n\n![x](../assets/missing.png)\n");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].message.contains("alt text"));
        assert!(problems[1].message.contains("not found"));
        assert!(problems.iter().all(|p| !p.is_error()), "{problems:?}");
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
        assert!(rendered.html.contains(r#"<div class="table-wrap" tabindex="0"><table>"#), "{}", rendered.html);
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
            files: &fixture.files,
            folders: &fixture.folders,
            referenced: &Default::default(),
        };
        let mut problems = Problems::default();
        let path = PathBuf::from("x.md");
        let source = Source { path: &path, first_line: 1, language: Language::En };
        let html = render_fragment("Use **four** words", &source, &targets, &mut problems);
        assert_eq!(html, "Use <strong>four</strong> words");
    }

    #[test]
    fn a_linked_video_thumbnail_becomes_a_card_that_fetches_nothing() {
        let (rendered, problems) = Fixture::new().render(
            "[![Intro to HTML (12:05)](https://img.youtube.com/vi/abc/0.jpg)](https://youtube.com/watch?v=abc \"Intro to HTML\")\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert!(!rendered.html.contains("img.youtube.com"), "{}", rendered.html);
        assert!(!rendered.html.contains("<img"), "{}", rendered.html);
        assert!(
            rendered.html.contains(r#"class="video-card" href="https://youtube.com/watch?v=abc""#),
            "{}",
            rendered.html
        );
        assert!(rendered.html.contains("Intro to HTML</span>"), "{}", rendered.html);
        assert!(rendered.html.contains("opens YouTube · 12:05"), "{}", rendered.html);
    }

    #[test]
    fn an_outside_image_becomes_a_link_with_a_warning() {
        let (rendered, problems) = Fixture::new().render("![A badge](https://shields.example/b.svg)\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(!problems[0].is_error());
        assert!(!rendered.html.contains("<img"), "{}", rendered.html);
        assert!(rendered.html.contains(r#"href="https://shields.example/b.svg""#), "{}", rendered.html);
    }

    #[test]
    fn files_and_folders_of_the_course_are_downloads_with_their_size() {
        let (rendered, problems) = Fixture::new().render("[the starter page](starter/index.html)\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert!(
            rendered.html.contains(r#"href="/media/phones/01-basics/starter/index.html?v=def456""#),
            "{}",
            rendered.html
        );
        assert!(rendered.html.contains("(HTML, 3 KB)"), "{}", rendered.html);
        let (rendered, problems) = Fixture::new().render("[starter files](./starter/)\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert!(rendered.html.contains(r#"href="/media/phones/01-basics/starter.zip?v="#), "{}", rendered.html);
        assert!(rendered.html.contains("(ZIP, 3 KB, one file)"), "{}", rendered.html);
        let (_, problems) = Fixture::new().render("[nothing here](../02-more/)\n");
        assert!(problems[0].message.contains("no files in it"), "{problems:?}");
    }

    #[test]
    fn a_quoted_address_is_named_as_the_cause() {
        let (_, problems) = Fixture::new().render("[x]('#')\n");
        assert!(problems[0].message.contains("the quotes are part of the address"), "{problems:?}");
        assert!(problems[0].message.contains("`(#)`"), "{problems:?}");
    }

    #[test]
    fn what_the_sanitiser_removes_is_reported() {
        let (rendered, problems) = Fixture::new().render("If applied, this commit will <your subject line here>\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].message.contains("`<your subject line here>`"), "{problems:?}");
        assert!(!rendered.html.contains("your subject"), "{}", rendered.html);
        let (rendered, problems) = Fixture::new().render("If applied, this commit will `<your subject line here>`\n");
        assert!(problems.is_empty());
        assert!(rendered.html.contains("&lt;your subject line here&gt;"), "{}", rendered.html);
    }

    #[test]
    fn a_row_with_more_cells_than_the_heading_is_reported() {
        let (_, problems) = Fixture::new().render("| a | b |\n|---|---|\n| 1 | 2 | 3 |\n| 4 \\| x | `|` |\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, 7);
        assert!(problems[0].message.contains("3 cells"), "{problems:?}");
    }

    #[test]
    fn code_blocks_keep_their_language_as_a_label_and_are_highlighted() {
        let (rendered, problems) = Fixture::new().render("```bash\n# go home\ncd ~\n```\n\n```\nplain\n```\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert!(
            rendered.html.contains(
                r#"<div class="code-block"><span class="code-language">bash</span><pre><code><span class="hl-c">"#
            ),
            "{}",
            rendered.html
        );
        assert!(rendered.html.contains("<pre><code>plain\n</code></pre>"), "{}", rendered.html);
        let (_, problems) = Fixture::new().render("text\n\n```mermaid\ngraph TD\n  A --> B\n```\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].message.contains("`mermaid` diagram is shown as its source"), "{problems:?}");
        assert_eq!(problems[0].line, 7);
    }

    #[test]
    fn a_flood_of_raw_html_is_refused_before_any_parser_sees_it() {
        let mut flood = String::from("<p>");
        for i in 0..600 {
            flood.push_str(&format!("<b title={i}>"));
        }
        flood.push_str(&"<p>a".repeat(600));
        let started = std::time::Instant::now();
        let (rendered, problems) = Fixture::new().render(&flood);
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        assert!(rendered.html.is_empty());
        assert!(problems.iter().any(|p| p.is_error() && p.message.contains("raw HTML tags")), "{problems:?}");
    }
}
