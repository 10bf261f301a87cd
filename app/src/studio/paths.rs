//! The files a studio course may hold, and how large: the course folder
//! format (`courses/README.md`), checked before anything is kept. A path
//! is relative to the course folder, `/`-separated, and names what the
//! loader reads: `course.toml`, a module's `module.toml` and lessons, and
//! the pictures and files learners download. Nothing else is kept, so
//! nothing the loader would refuse in a folder can come in here.

use crate::catalog::course_files::IMAGE_EXTENSIONS;
use crate::catalog::slug::{is_slug, split_order_prefix};
use crate::language::Language;

/// A lesson's markdown, at most: far beyond any lesson read on a phone.
pub const MAX_LESSON_BYTES: usize = 200 * 1024;
/// `course.toml` or `module.toml`, at most.
pub const MAX_MANIFEST_BYTES: usize = 16 * 1024;
/// A picture or another file, at most.
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;
/// Every file of one course's draft together, at most.
pub const MAX_COURSE_BYTES: u64 = 100 * 1024 * 1024;
/// Files in one course, at most.
pub const MAX_FILES: usize = 1_000;
/// A path, at most.
pub const MAX_PATH_CHARS: usize = 200;

/// Files learners may download besides pictures, by extension.
const DOWNLOAD_EXTENSIONS: [&str; 3] = ["pdf", "txt", "csv"];

/// What a path in a course is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// `course.toml`.
    Course,
    /// `NN-module/module.toml`.
    Module,
    /// `NN-module/NN-lesson.md`, or a translation `NN-lesson.ur.md`.
    Lesson { translation: Option<Language> },
    /// A picture (`png`, `jpg`, `jpeg`, `webp`, `gif`, `svg`).
    Picture,
    /// A file to download (`pdf`, `txt`, `csv`).
    Download,
}

impl FileKind {
    /// The most bytes a file of this kind may hold.
    pub fn max_bytes(&self) -> usize {
        match self {
            FileKind::Course | FileKind::Module => MAX_MANIFEST_BYTES,
            FileKind::Lesson { .. } => MAX_LESSON_BYTES,
            FileKind::Picture | FileKind::Download => MAX_UPLOAD_BYTES,
        }
    }

    pub fn is_text(&self) -> bool {
        matches!(self, FileKind::Course | FileKind::Module | FileKind::Lesson { .. })
    }
}

/// Why a path is refused; each names its message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathProblem {
    /// Not a name the course format knows.
    NotACourseFile,
}

fn sound_segment(segment: &str) -> bool {
    !segment.is_empty()
        && segment.len() <= 100
        && !segment.starts_with(['.', '_', '-'])
        && segment.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
}

/// `NN-slug`.
pub fn is_numbered_slug(name: &str) -> bool {
    split_order_prefix(name).is_some_and(|(_, slug)| is_slug(slug))
}

/// What `path` is in a course, or why it cannot be one.
pub fn kind_of(path: &str) -> Result<FileKind, PathProblem> {
    let refused = Err(PathProblem::NotACourseFile);
    if path.is_empty() || path.chars().count() > MAX_PATH_CHARS {
        return refused;
    }
    let segments: Vec<&str> = path.split('/').collect();
    if segments.len() > 4 || !segments.iter().all(|segment| sound_segment(segment)) {
        return refused;
    }
    // A folder is never named like a file (`course.toml/x.png`): a file and
    // a folder of one name cannot both be written.
    if segments[..segments.len() - 1].iter().any(|folder| folder.contains('.')) {
        return refused;
    }
    let name = segments[segments.len() - 1];
    if segments.len() == 1 && name == "course.toml" {
        return Ok(FileKind::Course);
    }
    let extension = name.rsplit_once('.').map(|(_, extension)| extension.to_ascii_lowercase()).unwrap_or_default();
    if segments.len() == 2 && is_numbered_slug(segments[0]) {
        if name == "module.toml" {
            return Ok(FileKind::Module);
        }
        if let Some(stem) = name.strip_suffix(".md") {
            let (stem, language) = match stem.split_once('.') {
                Some((stem, code)) => match Language::from_code(code) {
                    Some(language) => (stem, Some(language)),
                    None => return refused,
                },
                None => (stem, None),
            };
            return if is_numbered_slug(stem) { Ok(FileKind::Lesson { translation: language }) } else { refused };
        }
    }
    // Pictures and downloads live anywhere below the course, by custom in
    // `assets/` or beside the lessons of a module.
    if name.ends_with(".md") || name.ends_with(".toml") {
        return refused;
    }
    if IMAGE_EXTENSIONS.contains(&extension.as_str()) {
        return Ok(FileKind::Picture);
    }
    if DOWNLOAD_EXTENSIONS.contains(&extension.as_str()) {
        return Ok(FileKind::Download);
    }
    refused
}

/// Whether `bytes` are what a file named `path` of `kind` claims to be,
/// judged by content, never by name: a picture by its signature, text as
/// UTF-8 without NUL.
pub fn content_matches(path: &str, kind: &FileKind, bytes: &[u8]) -> bool {
    let extension = path.rsplit_once('.').map(|(_, extension)| extension.to_ascii_lowercase()).unwrap_or_default();
    let text = || std::str::from_utf8(bytes).is_ok_and(|text| !text.contains('\0'));
    match kind {
        FileKind::Course | FileKind::Module | FileKind::Lesson { .. } => text(),
        FileKind::Picture => match extension.as_str() {
            "png" => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            "jpg" | "jpeg" => bytes.starts_with(&[0xff, 0xd8, 0xff]),
            "gif" => bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a"),
            "webp" => bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP",
            "svg" => {
                text() && {
                    let start: String = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
                    start.contains("<svg")
                }
            }
            _ => false,
        },
        FileKind::Download => match extension.as_str() {
            "pdf" => bytes.starts_with(b"%PDF-"),
            _ => text(),
        },
    }
}

/// The file name a picture or download is kept under: what was uploaded,
/// lowercased, with anything outside `a-z 0-9 . _ -` made a hyphen.
pub fn tidy_file_name(name: &str) -> String {
    let name = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let tidy: String = name
        .chars()
        .map(|c| c.to_ascii_lowercase())
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') { c } else { '-' })
        .collect();
    let tidy = tidy.trim_start_matches(['.', '_', '-']).to_string();
    tidy.chars().rev().take(80).collect::<Vec<_>>().into_iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_the_course_format_knows_is_a_course_file() {
        assert_eq!(kind_of("course.toml"), Ok(FileKind::Course));
        assert_eq!(kind_of("01-basics/module.toml"), Ok(FileKind::Module));
        assert_eq!(kind_of("01-basics/02-phone.md"), Ok(FileKind::Lesson { translation: None }));
        assert_eq!(kind_of("01-basics/02-phone.ur.md"), Ok(FileKind::Lesson { translation: Some(Language::Ur) }));
        assert_eq!(kind_of("assets/phone.png"), Ok(FileKind::Picture));
        assert_eq!(kind_of("01-basics/sheet.pdf"), Ok(FileKind::Download));
        for refused in [
            "",
            "../course.toml",
            "01-basics/../../etc/passwd",
            "/course.toml",
            "01-basics/02-phone.xx.md",
            "basics/02-phone.md",
            "01-basics/phone.md",
            ".hidden/x.png",
            "assets/x.exe",
            "assets/page.html",
            "assets/notes.md",
            "a/b/c/d/e.png",
            "assets/pic ture.png",
            "assets\\x.png",
            "course.toml/x.png",
            "01-basics/01-a.md/x.png",
            "assets.v2/x.png",
        ] {
            assert!(kind_of(refused).is_err(), "{refused:?} is refused");
        }
    }

    #[test]
    fn content_is_judged_by_its_bytes_not_its_name() {
        assert!(content_matches("a.png", &FileKind::Picture, b"\x89PNG\r\n\x1a\n...."));
        assert!(!content_matches("a.png", &FileKind::Picture, b"<svg onload=alert(1)>"));
        assert!(content_matches("a.svg", &FileKind::Picture, b"<?xml version='1.0'?><svg></svg>"));
        assert!(!content_matches("a.pdf", &FileKind::Download, b"MZ\x90\x00"));
        assert!(!content_matches("01-a/01-b.md", &FileKind::Lesson { translation: None }, b"\xff\xfe"));
    }

    #[test]
    fn uploaded_names_are_tidied() {
        assert_eq!(tidy_file_name("C:\\Users\\Amina\\My Phone.PNG"), "my-phone.png");
        assert_eq!(tidy_file_name("../../.hidden.png"), "hidden.png");
    }
}
