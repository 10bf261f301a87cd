//! What saving a course for offline downloads: a manifest per course,
//! language and kind of reader (enrolled or not), listing every file with
//! its address, size and hash. The phone says how much it will download
//! before it starts, checks each file against its hash, and on a new
//! course version fetches only the files whose hash changed.

use std::path::PathBuf;

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::sync::CourseState;
use crate::catalog::Course;
use crate::catalog::images::{Encoding, PHONE_WIDTH};

#[derive(Clone, Debug, Serialize)]
pub struct Manifest {
    pub course: String,
    pub title: String,
    /// The language the pages were saved in (the reader's).
    pub language: &'static str,
    /// The course's content version: sent back with what is done offline.
    pub version: String,
    /// Every file, pages first.
    pub files: Vec<ManifestFile>,
    /// The sum of the files' sizes.
    pub bytes: u64,
    /// Where the reader stands now, to show on the saved pages.
    pub state: CourseState,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ManifestFile {
    /// The address pages use, which the service worker answers offline.
    pub url: String,
    /// Where to download it, when that is not `url` (a page's saved copy).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Its size as stored on the phone (not compressed).
    pub bytes: u64,
    /// SHA-256 of those bytes, in hex.
    pub sha256: String,
}

impl ManifestFile {
    pub fn of(url: String, from: Option<String>, body: &[u8]) -> ManifestFile {
        ManifestFile { url, from, bytes: body.len() as u64, sha256: sha256_hex(body) }
    }
}

pub fn sha256_hex(body: &[u8]) -> String {
    Sha256::digest(body).iter().map(|byte| format!("{byte:02x}")).collect()
}

/// A picture a saved page shows, in the copy a phone keeps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picture {
    pub url: String,
    /// The course file, relative to the course folder.
    pub relative: PathBuf,
    /// The resized copy (width, encoding), or `None` for the file itself.
    pub copy: Option<(u32, Encoding)>,
}

/// The pictures `html` (a page of `course`, as rendered) shows, each once:
/// the WebP copy a phone at [`PHONE_WIDTH`] picks (offline, the service
/// worker answers for the picture's other copies with it), or the file
/// itself when it has no copies. Files to download are left out: they may
/// be large, and the lesson says they need a connection.
pub fn pictures_in(course: &Course, html: &str) -> Vec<Picture> {
    let mut pictures = Vec::new();
    for relative in course.files_in(html) {
        let Some((_, file)) = course.file(&relative.to_string_lossy()) else { continue };
        let Some(image) = &file.image else { continue };
        let href = crate::catalog::media_href(&course.id, &relative, &file.hash);
        let webp: Vec<_> = image.variants_in(Encoding::Webp).collect();
        let picture = match webp.iter().find(|variant| variant.width >= PHONE_WIDTH).or(webp.last()) {
            Some(variant) => Picture {
                url: format!("{href}&w={}&f=webp", variant.width),
                relative,
                copy: Some((variant.width, Encoding::Webp)),
            },
            None => Picture { url: href, relative, copy: None },
        };
        if !pictures.contains(&picture) {
            pictures.push(picture);
        }
    }
    pictures
}
