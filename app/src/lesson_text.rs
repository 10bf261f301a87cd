//! A signed-in lesson page with its lesson's text set aside. The text is
//! most of the page and the same for every reader of one lesson in one
//! language and version; the rest (the header with the person's name, their
//! progress, their quiz) is theirs. The page is rendered for its reader with
//! a marker where the text goes, and the server puts the text back in,
//! compressed once per version, between the reader's parts, compressed as
//! they are rendered (`server/src/stitched.rs`).

use std::sync::{Arc, Mutex};

use crate::language::Language;

/// Left in the page where the lesson's text goes. Nothing else on a page
/// can hold it: names and titles are escaped, so no `<!--` comes from them.
pub const MARKER: &str = "<!--lesson-text-->";

/// Which text: the same for every reader of it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TextKey {
    pub course: String,
    pub lesson: String,
    pub language: Language,
    /// The course's content version.
    pub version: String,
    /// The text's length, in case two texts ever share the rest.
    pub bytes: usize,
}

/// Where a page being rendered leaves its lesson's text, for the server.
/// Only a page rendered with this in its context sets its text aside.
#[derive(Clone, Debug, Default)]
pub struct SetAside(Arc<Mutex<Option<(TextKey, String)>>>);

impl SetAside {
    /// Keeps `text` for the server; the page shows [`MARKER`] instead.
    pub fn put(&self, key: TextKey, text: String) -> String {
        if let Ok(mut slot) = self.0.lock() {
            *slot = Some((key, text));
        }
        MARKER.to_string()
    }

    /// The text a page set aside, if it did.
    pub fn take(&self) -> Option<(TextKey, String)> {
        self.0.lock().ok()?.take()
    }
}
