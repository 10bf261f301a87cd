//! What lessons in Pandoc's markdown (the Carpentries Workbench) write
//! beyond CommonMark, in the walk: fenced divs (as markers the question
//! reader left), bracketed spans and attribute lists.

use pulldown_cmark::{CowStr, Event};

use super::{Walk, unique_anchor};
use crate::catalog::fenced_divs::{Marker, closing_html, folds, marker_of, opening_html};
use crate::catalog::markdown::attributes;

impl<'m> Walk<'m, '_> {
    /// A text of the lesson; a bracketed span in it (`[term]{#term}`) shows
    /// its words, and keeps its id as an anchor.
    pub(super) fn take_text(&mut self, text: CowStr<'m>) {
        if attributes::first_span(&text).is_none() {
            self.read_text(&text);
            self.push(Event::Text(text));
            return;
        }
        // Spans are found from an offset on: each byte is looked at once.
        let mut from = 0;
        while let Some(span) = attributes::first_span(&text[from..]) {
            let before = text[from..from + span.start].to_string();
            let inner = span.inner.to_string();
            let (id, end) = (span.attributes.id, from + span.end);
            self.read_text(&before);
            self.push(Event::Text(before.into()));
            self.read_text(&inner);
            match id {
                Some(id) => {
                    let anchor = unique_anchor(id, &mut self.anchors);
                    self.push(Event::InlineHtml(format!("<span id=\"{anchor}\">").into()));
                    self.push(Event::Text(inner.into()));
                    self.push(Event::InlineHtml("</span>".into()));
                }
                None => self.push(Event::Text(inner.into())),
            }
            from = end;
        }
        let rest = text[from..].to_string();
        self.read_text(&rest);
        self.push(Event::Text(rest.into()));
    }

    /// A Pandoc attribute list right after a picture, a link or code: read,
    /// and taken out of the text that follows.
    pub(super) fn take_attributes_after(&mut self) -> Option<attributes::Attributes> {
        let (Event::Text(text), range) = self.parsed.get(self.next)? else {
            return None;
        };
        let found = attributes::leading(text)?;
        let rest = text[found.length..].to_string();
        let range = (range.start + found.length).min(range.end)..range.end;
        if rest.is_empty() {
            self.next += 1;
        } else {
            self.parsed[self.next] = (Event::Text(rest.into()), range);
        }
        Some(found)
    }

    /// Markers the question reader left for fenced divs open or close a
    /// box; `false` when `raw` is something else.
    pub(super) fn take_fenced_div_markers(&mut self, raw: &str) -> bool {
        let markers: Option<Vec<Marker>> = raw.lines().filter(|line| !line.trim().is_empty()).map(marker_of).collect();
        let Some(markers) = markers.filter(|markers| !markers.is_empty()) else {
            return false;
        };
        // Each is a tag of the page, counted against the lesson's bound.
        self.raw_tags += markers.len();
        for marker in markers {
            match marker {
                Marker::Open(class) => {
                    self.events.push(Event::Html(opening_html(&class, self.source.language).into()));
                    self.folded_open += usize::from(folds(&class));
                    self.open_divs.push(class);
                }
                Marker::Close => {
                    if let Some(class) = self.open_divs.pop() {
                        self.folded_open -= usize::from(folds(&class));
                        self.events.push(Event::Html(closing_html(&class).into()));
                    }
                }
            }
        }
        true
    }
}
