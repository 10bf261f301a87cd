//! Learners' lesson pages, made once per place. A learner's lesson page is
//! the same for every learner in the same place (lesson, course version,
//! language, enrolled or not, completed or not, best score: the
//! [`PlaceKey`]) but for three holes: their name, their account's number
//! and a quiz's attempt key. The first learner in a place gets the page
//! rendered with random words in the holes (`app::lesson_text::ReaderHoles`)
//! and the lesson's text set aside (`stitched`); it is cut at the holes,
//! each piece compressed once at the best level and kept, the text as the
//! one segment every page of that text shares. Every learner's page is then
//! those pieces with their own holes filled in between, as stored deflate
//! blocks: the gzip of the whole page, nothing rendered or compressed for
//! them.
//!
//! The place is computed before anything is rendered, from the same reading
//! of the lesson (`app::learning::lesson_for_reader`) that the page makes,
//! and the page, as it renders, says which place it was made for: it is
//! kept only if the two agree, so a page whose reader moved on while it
//! was rendered is theirs alone. The page is rendered for the viewer read
//! once, here.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use app::language::Language;
use app::lesson_text::{PlaceKey, ReaderHoles, SetAside};
use app::model::{Role, SavedCopy, Viewer};
use app::state::AppState;
use axum::body::{Body, Bytes};
use axum::http::{HeaderValue, Method, Request, StatusCode, header};
use axum::response::Response;
use crc32fast::Hasher;
use flate2::Compression;
use tower_sessions::Session;

use crate::stitched::{Segment, Texts};

/// Places kept at most.
const MOST: usize = 2_000;
/// The bytes their own pieces may take at most (the texts are shared).
const MOST_BYTES: usize = 16 * 1024 * 1024;
/// How far back a piece may refer into the fixed bytes before it.
const WINDOW: usize = 32 * 1024;

/// A learner reading a lesson: who, and their place.
pub struct Reading {
    viewer: Viewer,
    place: PlaceKey,
}

/// A page cut at its holes, each piece compressed.
struct Made {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    pieces: Vec<Piece>,
}

enum Piece {
    Fixed(Segment),
    /// The lesson's text, shared by every page of it.
    Text(Arc<Segment>),
    Hole(Hole),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hole {
    Name,
    User,
    Attempt,
}

/// The pages made per place.
#[derive(Default)]
pub struct LearnerPages {
    made: Mutex<Kept>,
}

/// The pages kept, and the bytes of their own pieces.
#[derive(Default)]
struct Kept {
    pages: HashMap<PlaceKey, Arc<Made>>,
    bytes: usize,
}

impl std::fmt::Debug for LearnerPages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LearnerPages")
    }
}

/// A lesson page asked for: by whom (their session), in which language.
pub struct LessonAsked {
    session: Session,
    language: Language,
    course: String,
    lesson: String,
}

/// The lesson page `request` asks for, if a place may share it: a GET of
/// `/courses/{course}/{lesson}` with no query (no form errors, no graded
/// attempt, no language link) and a session, not the copy saved on a phone.
pub fn lesson_asked(request: &Request<Body>) -> Option<LessonAsked> {
    if request.method() != Method::GET || request.uri().query().is_some() {
        return None;
    }
    if request.extensions().get::<SavedCopy>().is_some() {
        return None;
    }
    let (course, lesson) = lesson_address(request.uri().path())?;
    let (course, lesson) = (course.to_string(), lesson.to_string());
    let session = request.extensions().get::<Session>()?.clone();
    let language = request.extensions().get::<Language>().copied().unwrap_or_default();
    Some(LessonAsked { session, language, course, lesson })
}

/// The learner who `asked` and their place, if they are a signed-in
/// learner whose page a place can share; `None`: render it whole.
pub async fn reading(state: &AppState, asked: LessonAsked) -> Option<Reading> {
    let LessonAsked { session, language: asked, course, lesson } = asked;
    let viewer = app::auth::viewer(&session, state).await.ok()??;
    if viewer.role != Role::Learner {
        return None;
    }
    let (_, rule) = app::policy::SERVER_FUNCTIONS.iter().find(|(path, _)| *path == "/api/lesson")?;
    if !rule.allows(Some(&viewer)) {
        return None;
    }
    let language = viewer.language.unwrap_or(asked);
    let catalog = state.catalog.current();
    let view = app::learning::lesson_for_reader(state, &catalog, Some(&viewer), &course, &lesson, language, None)
        .await
        .ok()?;
    let place = PlaceKey::of(&view, &viewer, language, catalog.generation())?;
    Some(Reading { viewer, place })
}

/// `(course, lesson)` of a lesson page's path.
fn lesson_address(path: &str) -> Option<(&str, &str)> {
    let mut parts = path.strip_prefix("/courses/")?.split('/');
    let (course, lesson) = (parts.next()?, parts.next()?);
    (parts.next().is_none() && !course.is_empty() && !lesson.is_empty()).then_some((course, lesson))
}

impl LearnerPages {
    /// The page `request` asks for, for `reading`'s learner, as gzip.
    pub async fn page(&self, state: AppState, request: Request<Body>, reading: Reading, texts: &Texts) -> Response {
        let found = self.made.lock().ok().and_then(|kept| kept.pages.get(&reading.place).cloned());
        if let Some(made) = found {
            metrics::counter!("learn_learner_pages_total", "made" => "before").increment(1);
            return made.for_reader(&reading.viewer);
        }
        metrics::counter!("learn_learner_pages_total", "made" => "now").increment(1);
        let holes = ReaderHoles::new(app::codes::generate(26), app::codes::generate(26), app::codes::generate(26));
        let aside = SetAside::default();
        let catalog = state.catalog.clone();
        let rendered =
            crate::pages::render_for_place(state, request, reading.viewer.clone(), holes.clone(), aside.clone()).await;
        let text = aside.take().map(|(key, text)| (texts.segment(key, &text), text));
        let Some(made) = Made::cut(rendered, &holes, text).await else {
            return Response::builder()
                .status(StatusCode::INTERNAL_SERVER_ERROR)
                .body(Body::empty())
                .unwrap_or_default();
        };
        let made = Arc::new(made);
        // Kept only if made for the place it was asked for, from the
        // catalogue that is current.
        let current = catalog.current().generation();
        let agreed = holes.place().as_ref() == Some(&reading.place) && reading.place.catalog == current;
        if agreed
            && made.status == StatusCode::OK
            && let Ok(mut kept) = self.made.lock()
        {
            let bytes = made.bytes();
            if kept.pages.len() >= MOST || kept.bytes + bytes > MOST_BYTES {
                *kept = Kept::default();
            }
            // Pages of an older catalogue are of no use any more.
            if kept.pages.keys().any(|other| other.catalog != current) {
                kept.pages.retain(|other, _| other.catalog == current);
                kept.bytes = kept.pages.values().map(|made| made.bytes()).sum();
            }
            if let Some(replaced) = kept.pages.insert(reading.place.clone(), made.clone()) {
                kept.bytes -= replaced.bytes();
            }
            kept.bytes += bytes;
        }
        made.for_reader(&reading.viewer)
    }
}

impl Made {
    /// `rendered` cut at `holes`' words and the lesson text's marker (the
    /// text's segment and the text given), each piece compressed; `None` if
    /// its body cannot be read.
    async fn cut(rendered: Response, holes: &ReaderHoles, text: Option<(Arc<Segment>, String)>) -> Option<Made> {
        let (parts, body) = rendered.into_parts();
        let page = axum::body::to_bytes(body, 4 * 1024 * 1024).await.ok()?;
        let marker = app::lesson_text::MARKER.as_bytes();
        let words = [
            (holes.name.as_bytes(), Some(Hole::Name)),
            (holes.user.as_bytes(), Some(Hole::User)),
            (holes.attempt.as_bytes(), Some(Hole::Attempt)),
            (marker, None),
        ];
        let mut pieces = Vec::new();
        // The bytes since the last hole: a piece may refer back into them.
        let mut known: Vec<u8> = Vec::new();
        let fixed = |bytes: &[u8], known: &mut Vec<u8>, pieces: &mut Vec<Piece>| {
            pieces.push(Piece::Fixed(segment(bytes, &known[known.len().saturating_sub(WINDOW)..])));
            known.extend_from_slice(bytes);
        };
        let mut rest = &page[..];
        let mut text = text;
        while let Some((at, length, hole)) = words
            .iter()
            .filter_map(|(word, hole)| find(rest, word).map(|at| (at, word.len(), *hole)))
            .min_by_key(|(at, _, _)| *at)
        {
            fixed(&rest[..at], &mut known, &mut pieces);
            match hole {
                Some(hole) => {
                    pieces.push(Piece::Hole(hole));
                    known.clear();
                }
                // The text goes where its marker is, once.
                None => match text.take() {
                    Some((segment, plain)) => {
                        pieces.push(Piece::Text(segment));
                        known.extend_from_slice(plain.as_bytes());
                    }
                    None => fixed(marker, &mut known, &mut pieces),
                },
            }
            rest = &rest[at + length..];
        }
        fixed(rest, &mut known, &mut pieces);
        let mut headers = parts.headers;
        for personal in [header::SET_COOKIE, header::CONTENT_LENGTH, header::CONTENT_ENCODING] {
            headers.remove(personal);
        }
        headers.remove(crate::pages::LEARNER_HEADER);
        Some(Made { status: parts.status, headers, pieces })
    }

    /// The bytes of this page's own pieces.
    fn bytes(&self) -> usize {
        self.pieces.iter().map(|piece| if let Piece::Fixed(fixed) = piece { fixed.deflated.len() } else { 0 }).sum()
    }

    /// The page for `viewer`, as gzip.
    fn for_reader(&self, viewer: &Viewer) -> Response {
        let name = html_escape::encode_double_quoted_attribute(&viewer.display_name);
        let user = viewer.id.to_string();
        let attempt = app::codes::generate(26);
        let mut out = Vec::with_capacity(
            self.pieces
                .iter()
                .map(|piece| match piece {
                    Piece::Fixed(fixed) => fixed.deflated.len(),
                    Piece::Text(text) => text.deflated.len(),
                    Piece::Hole(_) => 64,
                })
                .sum::<usize>()
                + 32,
        );
        // A gzip header: deflate, no name, no time, unknown system.
        out.extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
        let mut crc = Hasher::new();
        let mut length: u64 = 0;
        for piece in &self.pieces {
            match piece {
                Piece::Fixed(fixed) => {
                    out.extend_from_slice(&fixed.deflated);
                    crc.combine(&fixed.crc);
                    length += fixed.bytes;
                }
                Piece::Text(text) => {
                    out.extend_from_slice(&text.deflated);
                    crc.combine(&text.crc);
                    length += text.bytes;
                }
                Piece::Hole(hole) => {
                    let filling = match hole {
                        Hole::Name => name.as_bytes(),
                        Hole::User => user.as_bytes(),
                        Hole::Attempt => attempt.as_bytes(),
                    };
                    stored(&mut out, filling);
                    crc.update(filling);
                    length += filling.len() as u64;
                }
            }
        }
        // The last block: empty, fixed codes.
        out.extend_from_slice(&[0x03, 0x00]);
        out.extend_from_slice(&crc.finalize().to_le_bytes());
        // The length, modulo 2^32, as gzip keeps it.
        out.extend_from_slice(&(length as u32).to_le_bytes());
        let mut response = Response::new(Body::from(Bytes::from(out)));
        *response.status_mut() = self.status;
        *response.headers_mut() = self.headers.clone();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
        if let Ok(value) = HeaderValue::from_str(&user) {
            headers.insert(crate::pages::LEARNER_HEADER, value);
        }
        response
    }
}

/// `bytes` compressed at the best level, ending on a byte boundary, free
/// to refer back into `before` (what the reader will just have decoded).
fn segment(bytes: &[u8], before: &[u8]) -> Segment {
    let mut crc = Hasher::new();
    crc.update(bytes);
    let deflated = crate::stitched::deflate_after(bytes, before, Compression::best());
    Segment { deflated: deflated.into(), crc, bytes: bytes.len() as u64 }
}

/// `bytes` as stored (uncompressed) deflate blocks, not the last.
fn stored(out: &mut Vec<u8>, bytes: &[u8]) {
    for block in bytes.chunks(u16::MAX as usize) {
        let length = block.len() as u16;
        out.push(0x00);
        out.extend_from_slice(&length.to_le_bytes());
        out.extend_from_slice(&(!length).to_le_bytes());
        out.extend_from_slice(block);
    }
}

/// Where `word` first occurs in `bytes`.
fn find(bytes: &[u8], word: &[u8]) -> Option<usize> {
    bytes.windows(word.len()).position(|window| window == word)
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn lesson_addresses_are_two_parts_under_courses() {
        assert_eq!(lesson_address("/courses/a/b"), Some(("a", "b")));
        assert_eq!(lesson_address("/courses/a"), None);
        assert_eq!(lesson_address("/courses/a/b/c"), None);
        assert_eq!(lesson_address("/courses//b"), None);
        assert_eq!(lesson_address("/my/a/b"), None);
    }

    #[tokio::test]
    async fn a_page_cut_at_its_holes_is_each_readers_page_in_one_gzip_stream() {
        let holes = ReaderHoles::new("NAMEWORD".into(), "USERWORD".into(), "ATTEMPTWORD".into());
        let page = format!(
            "<html data-user=\"USERWORD\"><a aria-label=\"Signed in as NAMEWORD\"><bdi>NAMEWORD</bdi></a>{}<input value=\"ATTEMPTWORD\"></html>",
            "<p>The same for everyone.</p>".repeat(500)
        );
        let made = Made::cut(Response::new(Body::from(page.clone())), &holes, None).await.unwrap();
        assert_eq!(made.pieces.iter().filter(|piece| matches!(piece, Piece::Hole(_))).count(), 4);
        let viewer = Viewer {
            id: 42,
            role: app::model::Role::Learner,
            username: "a".into(),
            display_name: "A & \"B\" <C>".into(),
            language: None,
            organisation: None,
        };
        let response = made.for_reader(&viewer);
        assert_eq!(response.headers()[crate::pages::LEARNER_HEADER], "42");
        let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
        let mut text = String::new();
        flate2::read::GzDecoder::new(&body[..]).read_to_string(&mut text).unwrap();
        let (before, attempt) = text.split_at(text.find("<input value=\"").unwrap() + 14);
        let expected = page.replace("USERWORD", "42").replace("NAMEWORD", "A &amp; &quot;B&quot; &lt;C&gt;");
        assert_eq!(before, &expected[..before.len()]);
        assert_eq!(&attempt[26..], "\"></html>", "a fresh attempt key of 26 characters");
        assert!(body.len() < page.len() / 10, "compressed: {} B of {} B", body.len(), page.len());
    }
}
