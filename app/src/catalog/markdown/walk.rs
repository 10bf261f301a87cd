//! One walk through a lesson's parsed events: each is written as it is,
//! or replaced by what a phone should get (a heading with its anchor, a
//! lesson's address, a picture, a download, a highlighted block, a
//! scrolling table), and what a learner would not see as the author meant
//! is reported on its line. Words, letters, headings and images are
//! counted on the way.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Tag, TagEnd};

mod pandoc;
mod pictures;

use super::Source;
use super::code_blocks::{code_block, is_diagram, language_of};
use super::downloads::{download_link, file_link_size, folder_link_size};
use super::media::video_card;
use super::tables::{HeadingRow, cells_in_row, table_wrap};
use crate::catalog::fenced_divs::closing_html;
use crate::catalog::links::{Link, LinkTargets, resolve_link, video_site};
use crate::catalog::problem::Problems;
use crate::catalog::sanitise::{RESERVED_IDS, dropped_images, removed_tags};
use crate::catalog::slug::anchor_for;
use crate::model::TocEntry;

type Heading<'a> = Option<(HeadingLevel, Option<CowStr<'a>>, Vec<Event<'a>>, String)>;

/// What the link being rendered became.
enum OpenLink {
    Kept,
    /// Its target is broken: the text stays, the link goes.
    Dropped,
    /// A course file: its size follows the text.
    File(String),
}

/// The events to write as HTML, and what the walk counted.
pub(super) struct Walked<'m> {
    pub(super) events: Vec<Event<'m>>,
    /// Raw HTML tags met, each counted by its `<`.
    pub(super) raw_tags: usize,
    pub(super) contents: Vec<TocEntry>,
    pub(super) words: usize,
    pub(super) letters: usize,
    pub(super) headings: usize,
    pub(super) images: Vec<(String, u64)>,
}

/// Where the walk is, and what it has written and counted so far.
struct Walk<'m, 'c> {
    markdown: &'m str,
    parsed: Vec<(Event<'m>, Range<usize>)>,
    /// The next parsed event to take; an image, a code block or a video
    /// card takes the events inside it as well.
    next: usize,
    /// Where each line starts, to find an event's line without rescanning.
    line_starts: Vec<usize>,
    source: &'c Source<'c>,
    targets: &'c LinkTargets<'c>,
    problems: &'c mut Problems,
    events: Vec<Event<'m>>,
    contents: Vec<TocEntry>,
    anchors: HashMap<String, usize>,
    words: usize,
    letters: usize,
    headings: usize,
    images: Vec<(String, u64)>,
    heading: Heading<'m>,
    open_link: Option<OpenLink>,
    heading_row: HeadingRow,
    /// The anchor of the last heading, to name the tables below it.
    last_heading: Option<String>,
    raw_tags: usize,
    /// The fenced divs open here, innermost last, by class.
    open_divs: Vec<String>,
    /// How many of them are folded (a solution, a hint).
    folded_open: usize,
}

/// Walks through a lesson's parsed events once, rewriting them.
pub(super) fn through<'m>(
    markdown: &'m str,
    parsed: Vec<(Event<'m>, Range<usize>)>,
    source: &Source,
    targets: &LinkTargets,
    problems: &mut Problems,
) -> Walked<'m> {
    let mut walk = Walk {
        markdown,
        parsed,
        next: 0,
        line_starts: std::iter::once(0).chain(markdown.match_indices('\n').map(|(at, _)| at + 1)).collect(),
        source,
        targets,
        problems,
        events: Vec::new(),
        contents: Vec::new(),
        // Ids the page itself uses; a heading that would take one gets a suffix.
        anchors: RESERVED_IDS.into_iter().map(|id| (id.to_string(), 1)).collect(),
        words: 0,
        letters: 0,
        headings: 0,
        images: Vec::new(),
        heading: None,
        open_link: None,
        heading_row: HeadingRow::default(),
        last_heading: None,
        raw_tags: 0,
        open_divs: Vec::new(),
        folded_open: 0,
    };
    while walk.next < walk.parsed.len() {
        let (event, range) = walk.parsed[walk.next].clone();
        walk.next += 1;
        let line = walk.line_of(range.start);
        walk.take(event, range, line);
    }
    // A block left open runs to the end (the question reader warned).
    while let Some(class) = walk.open_divs.pop() {
        walk.events.push(Event::Html(closing_html(&class).into()));
    }
    let Walk { events, raw_tags, contents, words, letters, headings, images, .. } = walk;
    Walked { events, raw_tags, contents, words, letters, headings, images }
}

impl<'m> Walk<'m, '_> {
    /// The line of the file on which the markdown at `offset` is.
    fn line_of(&self, offset: usize) -> usize {
        self.source.first_line + self.line_starts.partition_point(|&start| start <= offset) - 1
    }

    fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.problems.warn(self.source.path, line, message);
    }

    /// Writes an event, into the heading being written when there is one:
    /// a heading's anchor is known only at its end.
    fn push(&mut self, event: Event<'m>) {
        match &mut self.heading {
            Some((_, _, inner, _)) => inner.push(event),
            None => self.events.push(event),
        }
    }

    /// Takes the event that starts at `range`, on `line`.
    fn take(&mut self, event: Event<'m>, range: Range<usize>, line: usize) {
        if let Event::Code(text) = &event {
            self.read_text(text);
        }
        match event {
            Event::Text(text) => self.take_text(text),
            Event::Code(code) => {
                self.push(Event::Code(code));
                // `code`{.bash}: the list is Pandoc's, not the learner's.
                self.take_attributes_after();
            }
            Event::Start(Tag::Heading { level, id, .. }) => {
                self.heading = Some((level, id, Vec::new(), String::new()));
            }
            Event::End(TagEnd::Heading(level)) => self.end_heading(level),
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                self.start_link(link_type, dest_url, title, id, line);
            }
            Event::End(TagEnd::Link) => self.end_link(),
            Event::Start(Tag::Image { dest_url, title, .. }) => self.take_image(dest_url, title, line),
            Event::Start(Tag::CodeBlock(kind)) => self.take_code_block(kind, line),
            Event::Html(raw) | Event::InlineHtml(raw) => self.take_raw_html(raw, line),
            Event::Start(Tag::TableHead) => {
                self.heading_row.start();
                self.push(Event::Start(Tag::TableHead));
            }
            Event::End(TagEnd::TableHead) => {
                self.heading_row.end();
                self.push(Event::End(TagEnd::TableHead));
            }
            Event::Start(Tag::TableRow) => self.start_table_row(range, line),
            Event::Start(Tag::TableCell) => {
                self.heading_row.start_cell(line);
                self.push(Event::Start(Tag::TableCell));
            }
            Event::End(TagEnd::TableCell) => self.end_table_cell(),
            Event::TaskListMarker(done) => self.push(Event::InlineHtml(
                if done { "<span class=\"task-box\">☑</span> " } else { "<span class=\"task-box\">☐</span> " }.into(),
            )),
            Event::Start(Tag::Table(alignments)) => {
                let wrap = table_wrap(self.last_heading.as_deref());
                self.push(Event::Html(wrap.into()));
                self.push(Event::Start(Tag::Table(alignments)));
            }
            Event::End(TagEnd::Table) => {
                self.push(Event::End(TagEnd::Table));
                self.push(Event::Html("</div>".into()));
            }
            other => self.push(other),
        }
    }

    /// Text of the lesson: counted, and kept as the text of the heading or
    /// heading cell it is in.
    fn read_text(&mut self, text: &str) {
        self.words += text.split_whitespace().count();
        self.letters += text.chars().filter(|c| c.is_alphabetic()).count();
        if let Some((_, _, _, heading_text)) = self.heading.as_mut() {
            heading_text.push_str(text);
        }
        self.heading_row.push_text(text);
    }

    /// A heading ends: it gets its anchor, and sections and subsections
    /// an entry in the table of contents.
    fn end_heading(&mut self, level: HeadingLevel) {
        let Some((_, id, inner, text)) = self.heading.take() else {
            return;
        };
        self.headings += 1;
        let anchor = unique_anchor(id.map(|id| id.to_string()).unwrap_or_else(|| anchor_for(&text)), &mut self.anchors);
        self.last_heading = Some(anchor.clone());
        // A solution's heading is not a part of the lesson to jump to.
        if matches!(level, HeadingLevel::H2 | HeadingLevel::H3) && self.folded_open == 0 {
            self.contents.push(TocEntry {
                level: if level == HeadingLevel::H2 { 2 } else { 3 },
                anchor: anchor.clone(),
                text: text.trim().to_string(),
            });
        }
        self.events.push(Event::Start(Tag::Heading {
            level,
            id: Some(anchor.into()),
            classes: Vec::new(),
            attrs: Vec::new(),
        }));
        self.events.extend(inner);
        self.events.push(Event::End(TagEnd::Heading(level)));
    }

    /// A link starts: a linked video thumbnail becomes a card; a link to a
    /// lesson, its address; to a file or folder of the course, a download;
    /// a broken one, its text alone.
    fn start_link(
        &mut self,
        link_type: LinkType,
        dest_url: CowStr<'m>,
        title: CowStr<'m>,
        id: CowStr<'m>,
        line: usize,
    ) {
        let targets = self.targets;
        let language = self.source.language;
        if let Some(site) = video_site(&dest_url)
            && matches!(self.parsed.get(self.next), Some((Event::Start(Tag::Image { .. }), _)))
        {
            let text = self.take_text_until(|event| matches!(event, Event::End(TagEnd::Link)));
            let card = video_card(&text, &dest_url, &title, site, language);
            self.push(Event::Html(card.into()));
            return;
        }
        let event = match resolve_link(&dest_url, targets) {
            Ok(Link::Page(href)) => {
                self.open_link = Some(OpenLink::Kept);
                Event::Start(Tag::Link { link_type, dest_url: href.into(), title, id })
            }
            Ok(Link::File { href, bytes, kind }) => {
                self.open_link = Some(OpenLink::File(file_link_size(language, &kind, bytes)));
                download_link(&href)
            }
            Ok(Link::Folder { href, bytes, files }) => {
                self.open_link = Some(OpenLink::File(folder_link_size(language, bytes, files)));
                download_link(&href)
            }
            Err(message) => {
                self.warn(line, format!("{message} (shown as plain text)"));
                self.open_link = Some(OpenLink::Dropped);
                return;
            }
        };
        self.push(event);
    }

    fn end_link(&mut self) {
        // `[text](url){target="_blank"}`: the list is Pandoc's.
        self.take_attributes_after();
        match self.open_link.take() {
            Some(OpenLink::Dropped) => {}
            Some(OpenLink::File(size)) => {
                self.push(Event::Html(format!(" <span class=\"file-size\">({size})</span></a>").into()));
            }
            _ => self.push(Event::End(TagEnd::Link)),
        }
    }

    /// A code block, with the events of its text.
    fn take_code_block(&mut self, kind: CodeBlockKind<'m>, line: usize) {
        let code = self.take_text_until(|event| matches!(event, Event::End(TagEnd::CodeBlock)));
        self.words += code.split_whitespace().count();
        let language = language_of(&kind);
        if is_diagram(&language) {
            self.warn(
                line,
                format!("a `{language}` diagram is shown as its source text (no script draws it on a learner's phone): put a picture of it, with alt text, in its place"),
            );
        }
        self.push(Event::Html(code_block(&code, &language).into()));
    }

    /// Raw HTML is kept for the sanitiser, which removes what is unsafe; what
    /// it removes is reported here, where its line is known.
    fn take_raw_html(&mut self, raw: CowStr<'m>, line: usize) {
        if self.take_fenced_div_markers(&raw) {
            return;
        }
        self.raw_tags += raw.matches('<').count();
        for src in dropped_images(&raw) {
            self.warn(
                line,
                format!("a raw HTML image (`<img src=\"{src}\">`) is removed: write it in markdown, `![what it shows]({src})`, so that it is found in the course and sized for phones"),
            );
        }
        for tag in removed_tags(&raw) {
            self.warn(
                line,
                format!("`{tag}` is not HTML a page keeps: the sanitiser removes it and learners see nothing; to show it as text write it in backticks or as `\\{tag}`"),
            );
        }
        self.push(Event::Html(raw));
    }

    /// A table row, as written from `range`.
    fn start_table_row(&mut self, range: Range<usize>, line: usize) {
        let cells = cells_in_row(&self.markdown[range]);
        let header_cells = self.heading_row.cells;
        if cells > header_cells {
            self.warn(
                line,
                format!("this table row has {cells} cells but the table's heading row has {header_cells}: the cells past the last column are not shown"),
            );
        }
        self.push(Event::Start(Tag::TableRow));
    }

    fn end_table_cell(&mut self) {
        if let Some(line) = self.heading_row.end_cell() {
            self.warn(
                line,
                "a table column has no heading: screen readers announce each cell with its column's heading",
            );
        }
        self.push(Event::End(TagEnd::TableCell));
    }

    /// The text of the next events, up to and with the one `end` matches;
    /// they are taken, never written.
    fn take_text_until(&mut self, end: impl Fn(&Event) -> bool) -> String {
        let (text, consumed) = collect_text(&self.parsed[self.next..], end);
        self.next += consumed;
        text
    }
}

/// The text of the events up to the one `end` matches, and how many events that was.
fn collect_text(events: &[(Event, Range<usize>)], end: impl Fn(&Event) -> bool) -> (String, usize) {
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

fn unique_anchor(anchor: String, seen: &mut HashMap<String, usize>) -> String {
    let count = seen.entry(anchor.clone()).or_insert(0);
    *count += 1;
    if *count == 1 { anchor } else { format!("{anchor}-{count}") }
}
