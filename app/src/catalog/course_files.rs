//! The files a course keeps besides its lessons: images (anywhere in the
//! course, `assets/` by custom) and files for learners to download
//! (starter code, worksheets, PDFs). Each is read once at load, hashed,
//! stamped (to tell later whether it is still that version) and, if it is
//! a large picture, resized for phones.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, SyncSender};
use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::Instant;

use sha2::{Digest, Sha256};

use super::files::{self, Entry, Stamp};
use super::images::{self, ImageInfo};
use super::problem::Problems;
use super::slug::{is_slug, split_order_prefix};

/// A file of the course other than its lessons and manifests.
#[derive(Clone, Debug)]
pub struct CourseFile {
    /// Of its content: the address carries it, so browsers may keep it for good.
    pub hash: String,
    pub bytes: u64,
    /// For pictures browsers show.
    pub image: Option<ImageInfo>,
    /// The file as it was when hashed: when it is sent, whether it is still
    /// the version `hash` names. `None` when unknown (never the same).
    pub(crate) stamp: Option<Stamp>,
}

pub const IMAGE_EXTENSIONS: [&str; 6] = ["png", "jpg", "jpeg", "webp", "gif", "svg"];
/// Files kept by one course, at most.
pub const MAX_FILES: usize = 2_000;
/// Bytes of all the files of one course, at most.
pub const MAX_TOTAL_BYTES: u64 = 512 * 1024 * 1024;

pub struct Found {
    pub files: BTreeMap<PathBuf, CourseFile>,
    /// Every folder of the course, relative to it.
    pub folders: BTreeSet<PathBuf>,
}

/// Whether a file in a module folder is part of the module itself (its
/// manifest, introduction or lessons) rather than a file of the course.
pub fn is_module_text(name: &str) -> bool {
    if name == "module.toml" {
        return true;
    }
    let Some(stem) = name.strip_suffix(".md") else {
        return false;
    };
    let stem = stem.split_once('.').map(|(stem, _)| stem).unwrap_or(stem);
    stem == "module" || stem == "README" || split_order_prefix(stem).is_some_and(|(_, slug)| is_slug(slug))
}

/// Why a markdown file of a module is not one of its lessons (it is then
/// kept as a file lessons may link to): the real cause, named.
pub fn why_not_a_lesson(name: &str) -> String {
    let stem = name.strip_suffix(".md").unwrap_or(name);
    let stem = stem.split_once('.').map(|(stem, _)| stem).unwrap_or(stem);
    let kept = "it is kept as a file lessons may link to";
    let Some((_, slug)) = split_order_prefix(stem) else {
        return format!(
            "`{name}` is not a lesson: a lesson's file starts with its place in the module, like `01-welcome.md`; {kept}"
        );
    };
    let length = slug.chars().count();
    if length > 64 {
        return format!(
            "`{name}` is not a lesson: its name after the number is {length} characters, and a lesson's may have at most 64; {kept}"
        );
    }
    format!(
        "`{name}` is not a lesson: its name after the number may have only lowercase letters, digits and single hyphens between them (like `01-first-steps.md`); {kept}"
    )
}

/// Whether a top-level folder of a course is a module (`NN-slug`).
pub fn is_module_folder(name: &str) -> bool {
    split_order_prefix(name).is_some_and(|(_, slug)| is_slug(slug))
}

/// Every file of `course` that is not a lesson, manifest or module
/// introduction, with images prepared (their copies in `cache`, made until
/// `copies_until`; the rest are made in the background for the next load).
pub fn collect(course: &Path, cache: Option<&Path>, copies_until: Option<Instant>, problems: &mut Problems) -> Found {
    let mut found = Found { files: BTreeMap::new(), folders: BTreeSet::new() };
    // (folder, depth, inside a module folder directly)
    let mut pending = vec![(course.to_path_buf(), 0, false)];
    let mut ignored = Problems::default();
    let mut total = 0;
    let mut budget = images::Budget::for_course(copies_until);
    while let Some((folder, depth, module_level)) = pending.pop() {
        // The course and module folders are listed (and their problems
        // reported) by the loader; other folders' problems are reported here.
        let listing_problems = if depth == 0 || module_level { &mut ignored } else { &mut *problems };
        for entry in files::entries(&folder, listing_problems) {
            let name = entry.path().file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let relative = entry.path().strip_prefix(course).unwrap_or(entry.path()).to_path_buf();
            match entry {
                Entry::Folder(inner) if depth < files::MAX_DEPTH => {
                    let is_module = depth == 0 && is_module_folder(&name);
                    found.folders.insert(relative);
                    pending.push((inner, depth + 1, is_module));
                }
                Entry::Folder(inner) => {
                    problems.report(&inner, 1, format!("folders in a course nest at most {} deep", files::MAX_DEPTH));
                }
                Entry::File(file) => {
                    if depth == 0 && name == "course.toml" || module_level && is_module_text(&name) {
                        continue;
                    }
                    if found.files.len() == MAX_FILES {
                        problems.report(
                            &file,
                            1,
                            format!("a course keeps at most {MAX_FILES} files; this one and the rest are left out"),
                        );
                        return found;
                    }
                    if let Some(kept) = read(&file, course, cache, &mut budget, problems) {
                        total += kept.bytes;
                        if total > MAX_TOTAL_BYTES {
                            problems.report(
                                &file,
                                1,
                                format!(
                                    "a course's files weigh at most {} MB in all; this one and the rest are left out",
                                    MAX_TOTAL_BYTES / 1024 / 1024
                                ),
                            );
                            return found;
                        }
                        found.files.insert(relative, kept);
                    }
                }
            }
        }
    }
    found
}

fn read(
    file: &Path,
    course: &Path,
    cache: Option<&Path>,
    budget: &mut images::Budget,
    problems: &mut Problems,
) -> Option<CourseFile> {
    let (bytes, stamp) = files::read_reported(file, files::MAX_ASSET_BYTES, problems)?;
    let full_hash = hex(&Sha256::digest(&bytes));
    let hash = full_hash[..16].to_string();
    let extension = extension_of(file);
    let image = if IMAGE_EXTENSIONS.contains(&extension.as_str()) {
        // Copies are named by the whole hash: two pictures never share them.
        match images::prepare(&bytes, &extension, &full_hash, cache, budget) {
            Ok(info) => {
                match (&info.note, cache) {
                    // Waiting for its copies is not a flaw of the course (and
                    // `courses check --strict` must not depend on how fast the
                    // machine is): said in the log, not to the instructor.
                    (Some(note), Some(cache)) if info.deferred => {
                        tracing::info!(file = %file.display(), %note, "image copies left for the background");
                        copy_later(file, course, cache);
                    }
                    (Some(note), _) => problems.warn(file, 1, note.clone()),
                    (None, _) => {}
                }
                Some(info)
            }
            Err(message) => {
                problems.warn(file, 1, format!("{message}; it is offered as a download, not shown"));
                None
            }
        }
    } else {
        None
    };
    Some(CourseFile { hash, bytes: bytes.len() as u64, image, stamp: Some(stamp) })
}

fn extension_of(file: &Path) -> String {
    file.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default()
}

/// Pictures waiting for their copies, at most: one left out of a full
/// queue is queued again by the next load.
const WAITING_PICTURES: usize = 1_000;

/// A picture a load had no time (or pixels) to make copies of.
struct Waiting {
    file: PathBuf,
    /// The course folder, links resolved when the picture was queued.
    course: PathBuf,
    cache: PathBuf,
}

/// Has the copies of `file` made in the background by one thread, one
/// picture after another (and never beside a load's: see
/// `images::make_copies`), into `cache`, where the next load finds them.
fn copy_later(file: &Path, course: &Path, cache: &Path) {
    static QUEUE: OnceLock<Mutex<SyncSender<Waiting>>> = OnceLock::new();
    let queue = QUEUE.get_or_init(|| {
        let (sender, receiver) = mpsc::sync_channel::<Waiting>(WAITING_PICTURES);
        let worker = std::thread::Builder::new().name("image-copies".to_string()).spawn(move || {
            for waiting in receiver {
                make_copies(&waiting);
            }
        });
        if let Err(error) = worker {
            // The receiver is gone with the closure: nothing is queued.
            tracing::warn!(%error, "no thread to make image copies in the background");
        }
        Mutex::new(sender)
    });
    let Ok(course) = course.canonicalize() else { return };
    let waiting = Waiting { file: file.to_path_buf(), course, cache: cache.to_path_buf() };
    let _ = queue.lock().unwrap_or_else(PoisonError::into_inner).try_send(waiting);
}

/// The copies of a waiting picture, read again as carefully as at load (it
/// may have changed or gone since: its copies are then those of what is
/// there now, named by that content's hash).
fn make_copies(waiting: &Waiting) {
    if !files::stays_inside(&waiting.file, &waiting.course) {
        return;
    }
    let Ok(bytes) = files::read_regular(&waiting.file, files::MAX_ASSET_BYTES) else { return };
    let hash = hex(&Sha256::digest(&bytes));
    let extension = extension_of(&waiting.file);
    let started = Instant::now();
    let made = images::prepare(&bytes, &extension, &hash, Some(&waiting.cache), &mut images::Budget::unlimited());
    let file = waiting.file.display();
    match made {
        Ok(info) if info.note.is_none() => {
            tracing::info!(%file, elapsed = ?started.elapsed(), "image copies made in the background, for the next load");
        }
        Ok(info) => {
            let note = info.note.unwrap_or_default();
            tracing::warn!(%file, %note, "no image copies made in the background");
        }
        Err(message) => tracing::warn!(%file, %message, "no image copies made in the background"),
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_is_not_a_lesson_is_told_why() {
        assert!(why_not_a_lesson("notes.md").contains("starts with its place in the module"));
        let long = format!("01-{}.md", "a".repeat(65));
        assert!(why_not_a_lesson(&long).contains("65 characters"), "{}", why_not_a_lesson(&long));
        assert!(why_not_a_lesson("02-My_Lesson.md").contains("lowercase letters, digits and single hyphens"));
        assert!(why_not_a_lesson("02-My_Lesson.ur.md").contains("`02-My_Lesson.ur.md`"));
    }
}
