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

/// A learner's lesson page made once for every learner in the same place
/// (the same lesson, version, language and standing) and kept by the
/// server (`server/src/reader_pages.rs`): rendered with these holes where
/// what is the reader's alone goes (their name, their account's number,
/// the quiz's attempt key), each a random word no page can otherwise
/// hold, which the server fills in for each reader.
#[derive(Clone, Debug)]
pub struct ReaderHoles {
    pub name: String,
    pub user: String,
    pub attempt: String,
    place: Arc<Mutex<Option<PlaceKey>>>,
}

impl ReaderHoles {
    pub fn new(name: String, user: String, attempt: String) -> ReaderHoles {
        ReaderHoles { name, user, attempt, place: Arc::default() }
    }

    /// Said by the page as it is rendered: whose place it is, if a place
    /// can share it (see [`PlaceKey::of`]).
    pub fn made_for(&self, place: Option<PlaceKey>) {
        if let Ok(mut slot) = self.place.lock() {
            *slot = place;
        }
    }

    /// The place the page was rendered for; `None` if it is one reader's.
    pub fn place(&self) -> Option<PlaceKey> {
        self.place.lock().ok()?.clone()
    }
}

/// Everything a learner's lesson page depends on besides the holes of
/// [`ReaderHoles`]: two learners with the same key get the same page but
/// for their name, number and attempt key. A field of `LessonView` that
/// differs between readers must be here, or make [`PlaceKey::of`] say
/// `None`; `server/tests/api/learner_pages.rs` holds the pages made from a key to
/// the pages rendered whole, reader by reader.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PlaceKey {
    /// The catalogue the page was made from (any course change is a new one).
    pub catalog: u64,
    pub course: String,
    pub lesson: String,
    pub version: String,
    /// The interface's language (the lesson's own may differ).
    pub reader_language: Language,
    pub places: crate::policy::Places,
    pub may_record: bool,
    pub enrolled: bool,
    pub completed: bool,
    pub locked: bool,
    pub withheld: bool,
    pub quiz_open: bool,
    pub best_score: Option<u8>,
}

#[cfg(feature = "ssr")]
impl PlaceKey {
    /// The place of `viewer` reading `view`; `None` for a page only its
    /// reader may see as it is: staff's (with the lesson's problems), a
    /// graded attempt, anyone but a learner.
    pub fn of(
        view: &crate::model::LessonView,
        viewer: &crate::model::Viewer,
        reader_language: Language,
        catalog: u64,
    ) -> Option<PlaceKey> {
        use crate::model::{Role, Standing};
        let shared = viewer.role == Role::Learner
            && view.problems.is_empty()
            && view.result.is_none()
            && matches!(view.standing, Standing::NotEnrolled { .. } | Standing::Enrolled { .. });
        shared.then(|| PlaceKey {
            catalog,
            course: view.course_id.clone(),
            lesson: view.id.clone(),
            version: view.course_version.clone(),
            reader_language,
            places: crate::policy::places(viewer),
            may_record: view.standing.may_record(),
            enrolled: matches!(view.standing, Standing::Enrolled { .. }),
            completed: view.completed,
            locked: view.locked,
            withheld: view.withheld,
            quiz_open: view.attempt_key.is_some(),
            best_score: view.best_score,
        })
    }
}
