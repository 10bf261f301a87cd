//! Course files as they are sent: opened, never read whole, so that a
//! browser that reads slowly (or never) holds no more of the server's
//! memory than the chunk on its way. An original is opened again as
//! carefully as at load and told apart from the version loaded by its
//! [`Stamp`]; a folder's ZIP is made once per version of its files into
//! the cache folder and sent from there.

use std::fs::{self, File};
use std::io::{self, Seek};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::course_files::hex;
use super::files::{self, Stamp};
use super::images::Encoding;
use super::{Course, archive, links};

/// A made ZIP larger than this is not ours: its files are at most
/// [`links::MAX_FOLDER_BYTES`], and deflating adds little even to what
/// does not compress.
const MAX_ZIP_BYTES: u64 = 2 * links::MAX_FOLDER_BYTES;

/// A file opened to be sent, a chunk at a time.
#[derive(Debug)]
pub struct OpenedFile {
    pub file: File,
    /// What to send: the file's length when it was opened.
    pub bytes: u64,
    /// Which version it is (the content hash addresses carry), when known;
    /// `None` for a file changed on disk since the courses were loaded.
    pub version: Option<String>,
}

impl Course {
    /// One of the course's files (`relative` to the course folder), if it
    /// is one: opened again as carefully as at load time (no link
    /// followed, nothing outside the course folder, bounded in size), since
    /// the folder may have changed since. With `copy`, one of the resized
    /// copies of an image, from the cache.
    pub fn open_file(&self, relative: &str, copy: Option<(u32, Encoding)>) -> Option<io::Result<OpenedFile>> {
        let (path, known) = self.file(relative)?;
        if let Some((width, encoding)) = copy {
            let variant = known
                .image
                .as_ref()?
                .variants
                .iter()
                .find(|variant| variant.width == width && variant.encoding == encoding)?;
            // A copy is named by the hash of the original it was made from.
            let opened = files::open_regular(&variant.path, files::MAX_ASSET_BYTES);
            return Some(opened.map(|(file, stamp)| OpenedFile {
                file,
                bytes: stamp.bytes(),
                version: Some(known.hash.clone()),
            }));
        }
        if !files::stays_inside(&path, &self.resolved_folder) {
            return Some(Err(io::Error::other("the file now leads outside the course folder")));
        }
        let opened = files::open_regular(&path, files::MAX_ASSET_BYTES);
        Some(opened.map(|(file, stamp)| OpenedFile {
            file,
            bytes: stamp.bytes(),
            version: (known.stamp == Some(stamp)).then(|| known.hash.clone()),
        }))
    }

    /// A folder of the course (`relative` to it, with `.zip` after its
    /// name), if lessons link to it, as a ZIP to send. Looks at each of its
    /// files on disk (without reading them) to tell whether they are still
    /// the versions loaded.
    pub fn folder_zip(&self, relative: &str) -> Option<FolderZip> {
        let folder = Path::new(relative.strip_suffix(".zip")?);
        if !self.folders.contains(folder) || !self.referenced.contains(folder) {
            return None;
        }
        let parent = folder.parent().unwrap_or(Path::new(""));
        let mut version = Sha256::new();
        version.update(archive::FORMAT.as_bytes());
        let mut as_loaded = true;
        let mut entries = Vec::new();
        for (path, known) in links::files_under(&self.files, folder) {
            let name = path.strip_prefix(parent).unwrap_or(path).to_string_lossy().into_owned();
            let path = self.folder.join(path);
            let now = fs::symlink_metadata(&path).ok().map(|metadata| Stamp::of(&metadata));
            as_loaded &= known.stamp.is_some() && now == known.stamp;
            for part in [name.as_bytes(), known.hash.as_bytes()] {
                version.update(part);
                version.update([0]);
            }
            entries.push(ZipEntry { name, path, stamp: known.stamp });
        }
        // Named by what it holds: a new version of any file makes another
        // ZIP, and one made by an earlier load is found again.
        let version = as_loaded.then(|| hex(&version.finalize())[..32].to_string());
        let kept = match (&self.cache, &version) {
            (Some(cache), Some(version)) => Some(cache.join(format!("folder-{version}.zip"))),
            _ => None,
        };
        Some(FolderZip {
            entries,
            resolved_folder: self.resolved_folder.clone(),
            work: self.cache.clone().unwrap_or_else(std::env::temp_dir),
            version,
            kept,
        })
    }
}

/// A folder's ZIP, found made ([`FolderZip::find_made`]) or to be made
/// ([`FolderZip::make`]).
#[derive(Debug)]
pub struct FolderZip {
    entries: Vec<ZipEntry>,
    /// What every file must still be inside.
    resolved_folder: PathBuf,
    /// Where it is written while it is made.
    work: PathBuf,
    /// Of the files it holds, when they are the versions loaded.
    version: Option<String>,
    /// Where it is kept once made: `None` when the files changed since the
    /// courses were loaded (or there is no cache folder).
    kept: Option<PathBuf>,
}

#[derive(Debug)]
struct ZipEntry {
    /// Inside the archive: the folder's own name, then the file's path in it.
    name: String,
    path: PathBuf,
    /// As it was loaded.
    stamp: Option<Stamp>,
}

impl FolderZip {
    /// Which version of the folder's files it holds, when known.
    pub fn version(&self) -> Option<&str> {
        self.version.as_deref()
    }

    /// The ZIP, if it was made before (by this process or an earlier one).
    pub fn find_made(&self) -> Option<OpenedFile> {
        let (file, stamp) = files::open_regular(self.kept.as_ref()?, MAX_ZIP_BYTES).ok()?;
        (stamp.bytes() > 0).then(|| OpenedFile { file, bytes: stamp.bytes(), version: self.version.clone() })
    }

    /// Makes the ZIP, unless it was made meanwhile: its files are read one
    /// at a time, as carefully as [`Course::open_file`] opens them, and
    /// written to a file beside its place in the cache, renamed into it
    /// only once whole. When a file changed since the courses were loaded,
    /// the ZIP is made for this download alone and deleted once sent.
    pub fn make(&self) -> io::Result<OpenedFile> {
        if let Some(made) = self.find_made() {
            return Ok(made);
        }
        fs::create_dir_all(&self.work)?;
        let mut partial = tempfile::NamedTempFile::new_in(&self.work)?;
        let mut as_loaded = true;
        let mut total = 0;
        let entries = self.entries.iter().map(|entry| {
            if !files::stays_inside(&entry.path, &self.resolved_folder) {
                return Err(io::Error::other("a file now leads outside the course folder"));
            }
            let (content, stamp) = files::read_stamped(&entry.path, files::MAX_ASSET_BYTES)?;
            as_loaded &= entry.stamp == Some(stamp);
            total += content.len() as u64;
            if total > links::MAX_FOLDER_BYTES {
                return Err(io::Error::new(io::ErrorKind::FileTooLarge, "the folder grew too large"));
            }
            Ok((entry.name.clone(), content))
        });
        archive::write_zip(&mut partial, entries)?;
        let version = self.version.clone().filter(|_| as_loaded);
        let mut file = match &self.kept {
            Some(kept) if version.is_some() => {
                // On disk before it takes its name: a ZIP cut short by a
                // crash is never found under it.
                partial.as_file().sync_data()?;
                partial.persist(kept).map_err(|error| error.error)?
            }
            // Its name is removed now; its bytes once the file is closed.
            _ => partial.into_parts().0,
        };
        file.rewind()?;
        let bytes = file.metadata()?.len();
        Ok(OpenedFile { file, bytes, version })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{BrokenCourses, LoadOptions, load_with};

    /// A course whose first lesson links to a worksheet and to `starter/`,
    /// loaded with a cache folder.
    fn course_with_files(courses: &Path, cache: &Path) -> std::sync::Arc<Course> {
        let write = |relative: &str, text: &str| {
            let path = courses.join("phones").join(relative);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        };
        write("course.toml", "title = \"Phones\"\nsummary = \"Use your phone.\"\n");
        write("01-basics/module.toml", "title = \"Basics\"\n");
        write(
            "01-basics/01-welcome.md",
            "+++\ntitle = \"Welcome\"\n+++\n\n[Worksheet](sheet.txt) and [starter files](./starter/)\n",
        );
        write("01-basics/sheet.txt", "Fill in the blanks.");
        write("01-basics/starter/index.html", "<h1>Hello</h1>");
        let options = LoadOptions { image_cache: Some(cache.to_path_buf()), ..LoadOptions::new(BrokenCourses::Refuse) };
        let loaded = load_with(courses, &options).unwrap_or_else(|problems| panic!("{problems:?}"));
        loaded.catalog.course("phones").unwrap().clone()
    }

    #[test]
    fn a_file_is_sent_with_its_version_until_it_changes_on_disk() {
        let (courses, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let course = course_with_files(courses.path(), cache.path());
        let known = course.files.get(Path::new("01-basics/sheet.txt")).unwrap().hash.clone();
        let opened = course.open_file("01-basics/sheet.txt", None).expect("the lesson links it").unwrap();
        assert_eq!((opened.bytes, opened.version), (19, Some(known)));
        assert!(course.open_file("01-basics/starter/index.html", None).is_none(), "only what lessons link to");
        // The same bytes, but put there since: which version it is, is no longer known.
        let path = courses.path().join("phones/01-basics/sheet.txt");
        let replacement = courses.path().join("phones/new.txt");
        fs::write(&replacement, "Fill in the blanks.").unwrap();
        fs::rename(&replacement, &path).unwrap();
        assert_eq!(course.open_file("01-basics/sheet.txt", None).unwrap().unwrap().version, None);
    }

    #[test]
    fn a_folder_zip_is_made_once_and_found_again() {
        let (courses, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let course = course_with_files(courses.path(), cache.path());
        let zip = course.folder_zip("01-basics/starter.zip").expect("the lesson links the folder");
        assert!(zip.find_made().is_none());
        let made = zip.make().unwrap();
        assert!(made.version.is_some());
        assert_eq!(made.version.as_deref(), zip.version());
        let found = course.folder_zip("01-basics/starter.zip").unwrap().find_made().expect("kept in the cache");
        assert_eq!(found.bytes, made.bytes);
        assert!(course.folder_zip("01-basics/missing.zip").is_none());
    }

    #[test]
    fn a_folder_changed_since_loading_is_zipped_for_one_download_and_not_kept() {
        let (courses, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let course = course_with_files(courses.path(), cache.path());
        fs::write(courses.path().join("phones/01-basics/starter/index.html"), "<h1>Changed</h1>").unwrap();
        let zip = course.folder_zip("01-basics/starter.zip").unwrap();
        assert_eq!(zip.version(), None);
        let made = zip.make().unwrap();
        assert_eq!(made.version, None);
        assert!(made.bytes > 0);
        assert_eq!(fs::read_dir(cache.path()).unwrap().count(), 0, "nothing kept");
    }
}
