//! Signed-in lesson pages, stitched. Such a page is rendered for its reader
//! every time, but most of it is the lesson's text, the same for everyone:
//! the page is rendered with the text set aside (`app::lesson_text`), and
//! the gzip response is made of three deflate segments, each ending on a
//! byte boundary: the reader's part before the text and after it,
//! compressed as they are rendered, and the text itself, compressed once per
//! version at the best level and kept. The part after the text may refer
//! back into the last 8 KB before it (a preset dictionary: a quiz repeats
//! the lesson's words), which the browser has just decoded. The CRC of the
//! whole is combined from the three parts' CRCs.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use app::lesson_text::{MARKER, TextKey};
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;
use crc32fast::Hasher;
use flate2::{Compress, Compression, FlushCompress, Status};

/// Texts kept at most (every lesson in four languages fits many times).
const MOST: usize = 4_000;

/// A lesson's text as one deflate segment, with what the gzip trailer needs.
pub(crate) struct Segment {
    pub(crate) deflated: Bytes,
    pub(crate) crc: Hasher,
    pub(crate) bytes: u64,
}

/// Lesson texts compressed once per version.
#[derive(Default)]
pub struct Texts {
    texts: Mutex<HashMap<TextKey, Arc<Segment>>>,
}

impl std::fmt::Debug for Texts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Texts")
    }
}

/// Whether the browser takes gzip (every browser does).
pub fn accepts_gzip(headers: &HeaderMap) -> bool {
    let accepts = headers.get(header::ACCEPT_ENCODING).and_then(|value| value.to_str().ok()).unwrap_or_default();
    accepts.split(',').any(|part| {
        let mut pieces = part.trim().split(';');
        pieces.next().is_some_and(|coding| coding.trim() == "gzip")
            && !pieces.any(|parameter| parameter.trim().replace(' ', "") == "q=0")
    })
}

impl Texts {
    /// The page `rendered` with the lesson's `text` where its marker is, as
    /// gzip; the page as it was (with the text put back) if it is not a
    /// whole page with one marker.
    pub async fn stitch(&self, rendered: Response, key: TextKey, text: String) -> Response {
        let (mut parts, body) = rendered.into_parts();
        let Ok(page) = axum::body::to_bytes(body, 4 * 1024 * 1024).await else {
            return Response::from_parts(parts, Body::empty());
        };
        let marked = std::str::from_utf8(&page).ok().and_then(|page| {
            let at = page.find(MARKER)?;
            (!page[at + MARKER.len()..].contains(MARKER)).then_some(at)
        });
        let Some(at) = marked.filter(|_| !parts.headers.contains_key(header::CONTENT_ENCODING)) else {
            let put_back = String::from_utf8_lossy(&page).replacen(MARKER, &text, 1);
            parts.headers.remove(header::CONTENT_LENGTH);
            return Response::from_parts(parts, Body::from(put_back));
        };
        let segment = self.segment(key, &text);
        let gzip = gzip_of(&page[..at], &segment, text.as_bytes(), &page[at + MARKER.len()..]);
        parts.headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        parts.headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
        parts.headers.remove(header::CONTENT_LENGTH);
        Response::from_parts(parts, Body::from(gzip))
    }

    /// The text's segment, compressed now if no page has needed it yet.
    pub(crate) fn segment(&self, key: TextKey, text: &str) -> Arc<Segment> {
        if let Some(found) = self.texts.lock().ok().and_then(|texts| texts.get(&key).cloned()) {
            return found;
        }
        let mut crc = Hasher::new();
        crc.update(text.as_bytes());
        let deflated = deflate(text.as_bytes(), Compression::best(), false).into();
        let segment = Arc::new(Segment { deflated, crc, bytes: text.len() as u64 });
        if let Ok(mut texts) = self.texts.lock() {
            if texts.len() >= MOST {
                texts.clear();
            }
            // An older version of a course's text is of no use any more.
            texts.retain(|kept, _| !(kept.course == key.course && kept.version != key.version));
            texts.insert(key, segment.clone());
        }
        segment
    }
}

/// The level of the reader's parts: a few kilobytes each, so a middle
/// level costs microseconds and saves the learner bytes.
const READERS_LEVEL: u32 = 4;

/// How far back the part after the text may refer.
const DICTIONARY: usize = 8 * 1024;

thread_local! {
    /// A compressor for the reader's parts, one per thread, reset between
    /// uses: making one clears a few hundred kilobytes of tables, which
    /// would cost more than compressing a page's few kilobytes.
    static READERS: RefCell<Compress> = RefCell::new(Compress::new(Compression::new(READERS_LEVEL), false));
}

/// gzip of `before`, the text (`plain`, and as its `text` segment), and `after`.
fn gzip_of(before: &[u8], text: &Segment, plain: &[u8], after: &[u8]) -> Vec<u8> {
    let readers = |input: &[u8], last: bool, dictionary: &[u8]| {
        READERS.with_borrow_mut(|compress| {
            compress.reset();
            if !dictionary.is_empty() {
                // Only fails on a stream already begun, which a reset one is not.
                let _ = compress.set_dictionary(dictionary);
            }
            deflate_with(compress, input, last)
        })
    };
    let mut preceding = Vec::new();
    let dictionary = if plain.len() >= DICTIONARY {
        &plain[plain.len() - DICTIONARY..]
    } else {
        preceding.extend_from_slice(&before[before.len().saturating_sub(DICTIONARY - plain.len())..]);
        preceding.extend_from_slice(plain);
        &preceding[..]
    };
    let mut out = Vec::with_capacity(text.deflated.len() + (before.len() + after.len()) / 3 + 64);
    // A gzip header: deflate, no name, no time, unknown system.
    out.extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
    out.extend_from_slice(&readers(before, false, &[]));
    out.extend_from_slice(&text.deflated);
    out.extend_from_slice(&readers(after, true, dictionary));
    let mut crc = Hasher::new();
    crc.update(before);
    crc.combine(&text.crc);
    let mut rest = Hasher::new();
    rest.update(after);
    crc.combine(&rest);
    out.extend_from_slice(&crc.finalize().to_le_bytes());
    // The length, modulo 2^32, as gzip keeps it.
    let length = before.len() as u64 + text.bytes + after.len() as u64;
    out.extend_from_slice(&(length as u32).to_le_bytes());
    out
}

/// Raw deflate of `input`, ending on a byte boundary with nothing after it
/// referring to it (a full flush), or ending the stream when `last`.
fn deflate(input: &[u8], level: Compression, last: bool) -> Vec<u8> {
    deflate_with(&mut Compress::new(level, false), input, last)
}

/// [`deflate`] of `input`, not the last, free to refer back into `before`
/// (a preset dictionary: what precedes `input` in the stream).
pub(crate) fn deflate_after(input: &[u8], before: &[u8], level: Compression) -> Vec<u8> {
    let mut compress = Compress::new(level, false);
    if !before.is_empty() {
        // Only fails on a stream already begun, which a new one is not.
        let _ = compress.set_dictionary(before);
    }
    deflate_with(&mut compress, input, false)
}

/// [`deflate`] with a compressor at the start of a stream.
fn deflate_with(compress: &mut Compress, input: &[u8], last: bool) -> Vec<u8> {
    let flush = if last { FlushCompress::Finish } else { FlushCompress::Full };
    let mut out = Vec::with_capacity(input.len() / 2 + 64);
    loop {
        let consumed = compress.total_in() as usize;
        let status = compress.compress_vec(&input[consumed..], &mut out, flush);
        let all_in = compress.total_in() as usize == input.len();
        match status {
            Ok(Status::StreamEnd) => break,
            // Room left after a full flush: the flush is complete.
            Ok(_) if !last && all_in && out.len() < out.capacity() => break,
            Ok(_) => out.reserve(out.capacity().max(1024)),
            // Compressing into memory does not fail; were it to, the
            // page is better cut short than the server stopped.
            Err(_) => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn gunzip(bytes: &[u8]) -> String {
        let mut text = String::new();
        flate2::read::GzDecoder::new(bytes).read_to_string(&mut text).unwrap();
        text
    }

    #[test]
    fn three_segments_make_one_gzip_stream_of_the_whole_page() {
        let text = "<p>Lesson text, the same for everyone. </p>".repeat(400);
        let texts = Texts::default();
        let key = |version: &str| TextKey {
            course: "c".into(),
            lesson: "l".into(),
            language: app::language::Language::Ur,
            version: version.into(),
            bytes: text.len(),
        };
        let segment = texts.segment(key("1"), &text);
        let before = "<html><header>عائشہ</header><div class=\"lesson-body\">".as_bytes();
        let after = b"</div><form>quiz</form></html>";
        let page = gunzip(&gzip_of(before, &segment, text.as_bytes(), after));
        assert_eq!(
            page,
            format!("{}{text}{}", std::str::from_utf8(before).unwrap(), std::str::from_utf8(after).unwrap())
        );
        assert!(segment.deflated.len() < text.len() / 20, "compressed once, at the best level");
        // Kept, and the next version replaces it.
        assert!(Arc::ptr_eq(&segment, &texts.segment(key("1"), &text)));
        texts.segment(key("2"), &text);
        assert_eq!(texts.texts.lock().unwrap().len(), 1);
    }

    #[test]
    fn empty_parts_and_large_parts_stay_whole() {
        let texts = Texts::default();
        let big: String =
            (0..200_000u32).map(|n| char::from(b'a' + (n.wrapping_mul(2_654_435_761) >> 27) as u8 % 26)).collect();
        let key_of = |text: &str| TextKey {
            course: "c".into(),
            lesson: "l".into(),
            language: app::language::Language::En,
            version: "1".into(),
            bytes: text.len(),
        };
        let segment = texts.segment(key_of(&big), &big);
        assert_eq!(gunzip(&gzip_of(b"", &segment, big.as_bytes(), b"")), big);
        let three = gunzip(&gzip_of(big.as_bytes(), &segment, big.as_bytes(), big.as_bytes()));
        assert_eq!(three, big.repeat(3));
        // A short text: the dictionary reaches back into the part before it.
        let short = TextKey { version: "2".into(), ..key_of("<p>x") };
        let segment = texts.segment(short, "<p>x");
        assert_eq!(gunzip(&gzip_of(big.as_bytes(), &segment, b"<p>x", big.as_bytes())), format!("{big}<p>x{big}"));
    }

    #[test]
    fn gzip_is_offered_unless_refused() {
        let mut headers = HeaderMap::new();
        assert!(!accepts_gzip(&headers));
        headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_static("gzip, deflate, br"));
        assert!(accepts_gzip(&headers));
        headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_static("br, gzip;q=0"));
        assert!(!accepts_gzip(&headers));
    }
}
