//! What a lesson's links and images point at: another lesson, a file kept
//! in the course, an image of the course, or a page elsewhere. Resolved
//! without touching the disk, against what the load found.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Component, Path, PathBuf};

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use sha2::{Digest, Sha256};

use super::CourseFile;

/// What a lesson's links and images may point at.
pub struct LinkTargets<'a> {
    pub course_id: &'a str,
    /// The folder of the file being rendered, relative to the course folder.
    pub folder: &'a Path,
    /// Lesson files (originals and translations), relative to the course folder, with their lesson id.
    pub lessons: &'a HashMap<PathBuf, String>,
    /// Every other file of the course, relative to the course folder.
    pub files: &'a BTreeMap<PathBuf, CourseFile>,
    /// The course's folders, relative to the course folder.
    pub folders: &'a BTreeSet<PathBuf>,
    /// The files and folders lessons show or link to, as they are found:
    /// only those are served.
    pub referenced: &'a RefCell<BTreeSet<PathBuf>>,
}

pub enum Link {
    /// A lesson, an anchor, or a page elsewhere.
    Page(String),
    /// A file of the course, downloaded.
    File { href: String, bytes: u64, kind: String },
    /// A folder of the course, downloaded as a ZIP of its files.
    Folder { href: String, bytes: u64, files: usize },
}

/// The most a folder may hold to be downloaded as one ZIP.
pub const MAX_FOLDER_BYTES: u64 = 20 * 1024 * 1024;

/// The files under `folder` (course-relative), in name order.
pub fn files_under<'a>(
    files: &'a BTreeMap<PathBuf, CourseFile>,
    folder: &'a Path,
) -> impl Iterator<Item = (&'a PathBuf, &'a CourseFile)> {
    files.range(folder.to_path_buf()..).take_while(move |(path, _)| path.starts_with(folder))
}

pub enum Image<'a> {
    Course {
        href: String,
        file: &'a CourseFile,
    },
    /// From another site: never fetched by our pages.
    Outside(String),
}

pub fn is_external(url: &str) -> bool {
    ["https://", "http://", "mailto:"].iter().any(|scheme| url.to_ascii_lowercase().starts_with(scheme))
}

/// The site a link to a video leads to, if it is a video site's.
pub fn video_site(url: &str) -> Option<&'static str> {
    let lower = url.to_ascii_lowercase();
    let host = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"))?;
    let host = host.split(['/', '?', '#']).next()?.trim_start_matches("www.").trim_start_matches("m.");
    match host {
        "youtube.com" | "youtu.be" | "youtube-nocookie.com" => Some("YouTube"),
        "vimeo.com" | "player.vimeo.com" => Some("Vimeo"),
        _ => None,
    }
}

/// Resolves a link written in a lesson.
pub fn resolve_link(url: &str, targets: &LinkTargets) -> Result<Link, String> {
    if is_external(url) || url.starts_with('#') {
        return Ok(Link::Page(url.to_string()));
    }
    if let Some(inner) = quoted(url) {
        return Err(format!(
            "link `{url}`: the quotes are part of the address, so it leads nowhere; write `({inner})` without quotes"
        ));
    }
    if url.is_empty() {
        return Err("this link has no address: write one inside the parentheses, `[text](address)`".to_string());
    }
    if url.contains("://") || url.starts_with("//") || url.contains(':') && !url.contains('/') {
        return Err(format!("link `{url}`: links to other sites must start with https://, http:// or mailto:"));
    }
    if url.starts_with('/') {
        return Err(format!(
            "link `{url}` starts with `/`: link to lessons and files of the course relatively, like `02-wifi.md` or `../files/sheet.pdf`"
        ));
    }
    let (file, anchor) = match url.split_once('#') {
        Some((file, anchor)) => (file, Some(anchor)),
        None => (url, None),
    };
    let file = percent_encoding::percent_decode_str(file).decode_utf8_lossy();
    let target = course_relative(targets.folder, &file).ok_or_else(|| {
        format!(
            "link `{url}` leaves the course folder: copy what it leads to into the course, or link to it with https://"
        )
    })?;
    if let Some(lesson) = targets.lessons.get(&target) {
        let mut href = format!("/courses/{}/{}", targets.course_id, lesson);
        if let Some(anchor) = anchor {
            href.push('#');
            href.push_str(anchor);
        }
        return Ok(Link::Page(href));
    }
    if let Some(found) = targets.files.get(&target) {
        let kind = target.extension().map(|e| e.to_string_lossy().to_uppercase()).unwrap_or_default();
        let href = media_href(targets.course_id, &target, &found.hash);
        targets.referenced.borrow_mut().insert(target);
        return Ok(Link::File { href, bytes: found.bytes, kind });
    }
    if targets.folders.contains(&target) {
        let inside: Vec<(&PathBuf, &CourseFile)> = files_under(targets.files, &target).collect();
        let bytes: u64 = inside.iter().map(|(_, file)| file.bytes).sum();
        if inside.is_empty() {
            return Err(format!("link `{url}` leads to a folder with no files in it"));
        }
        if bytes > MAX_FOLDER_BYTES {
            return Err(format!(
                "link `{url}` leads to a folder of {} MB, more than the {} MB a folder may hold to be downloaded as one ZIP: link to its files",
                bytes / 1024 / 1024,
                MAX_FOLDER_BYTES / 1024 / 1024
            ));
        }
        let mut hasher = Sha256::new();
        for (path, file) in &inside {
            hasher.update(path.to_string_lossy().as_bytes());
            hasher.update(file.hash.as_bytes());
        }
        let hash: String = hasher.finalize()[..8].iter().map(|b| format!("{b:02x}")).collect();
        let zip = PathBuf::from(format!("{}.zip", target.display()));
        let href = media_href(targets.course_id, &zip, &hash);
        let files = inside.len();
        targets.referenced.borrow_mut().insert(target);
        return Ok(Link::Folder { href, bytes, files });
    }
    if target.as_os_str().is_empty() {
        return Err(format!("link `{url}` leads to the course folder itself: link to a lesson or a file"));
    }
    Err(format!(
        "link `{url}` points at nothing in the course: link to a lesson's .md file (like `02-wifi.md` or `../02-module/01-lesson.md`) or to a file kept in the course"
    ))
}

/// An image of the course (anywhere in its folder), or one from outside.
pub fn resolve_image<'a>(url: &str, targets: &LinkTargets<'a>) -> Result<Image<'a>, String> {
    if is_external(url) {
        return Ok(Image::Outside(url.to_string()));
    }
    if url.contains(':') || url.starts_with('/') {
        return Err(format!(
            "image `{url}`: images are files of the course, linked relatively like `../assets/picture.png`"
        ));
    }
    let decoded = percent_encoding::percent_decode_str(url).decode_utf8_lossy();
    let target =
        course_relative(targets.folder, &decoded).ok_or_else(|| {
        format!("image `{url}` leaves the course folder: copy the picture into the course (into assets/, say) and link it from there")
    })?;
    match targets.files.get(&target) {
        Some(file) if file.image.is_some() => {
            let href = media_href(targets.course_id, &target, &file.hash);
            targets.referenced.borrow_mut().insert(target);
            Ok(Image::Course { href, file })
        }
        Some(_) => Err(format!("image `{url}` is not a picture browsers show: use PNG, JPEG, WebP, GIF or SVG")),
        None => Err(format!("image `{url}` not found: put it in the course folder, for example in assets/")),
    }
}

/// `'#'` or `"page.md"`: an address in quotes.
fn quoted(url: &str) -> Option<&str> {
    ['\'', '"', '‘', '’', '“', '”']
        .iter()
        .find_map(|quote| url.strip_prefix(*quote))
        .and_then(|rest| rest.strip_suffix(['\'', '"', '‘', '’', '“', '”']))
}

/// Characters escaped in a path segment of an address.
const SEGMENT: &AsciiSet = &CONTROLS.add(b' ').add(b'"').add(b'#').add(b'%').add(b'<').add(b'>').add(b'?').add(b'`');

/// The address of a course file; it carries the content hash so browsers
/// may keep it for good.
pub fn media_href(course_id: &str, relative: &Path, hash: &str) -> String {
    let path: Vec<String> = relative
        .components()
        .map(|part| utf8_percent_encode(&part.as_os_str().to_string_lossy(), SEGMENT).to_string())
        .collect();
    format!("/media/{course_id}/{}?v={hash}", path.join("/"))
}

/// Resolves `relative` against `folder` without touching the disk; `None`
/// when the result would leave the course folder.
pub fn course_relative(folder: &Path, relative: &str) -> Option<PathBuf> {
    let joined = folder.join(relative.trim_end_matches('/'));
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
