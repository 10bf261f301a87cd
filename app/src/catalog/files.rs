//! Reading a course folder without trusting it. A course comes from an
//! instructor's repository, so nothing in it may reach outside it: symbolic
//! links are never followed (a link `key.png -> /data/issuer-key.pem` would
//! publish the signing key), only regular files are read (a link to
//! `/dev/zero` or a FIFO would never end), every file has a size bound, and
//! folders nest only so deep. Whatever is refused is reported as a problem,
//! like any other mistake in a course.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::problem::Problems;

/// The largest lesson, manifest or translation read: far beyond any lesson
/// a learner would read on a phone.
pub const MAX_TEXT_BYTES: u64 = 1024 * 1024;
/// The largest image kept in `assets/`.
pub const MAX_ASSET_BYTES: u64 = 10 * 1024 * 1024;
/// Folders below a course folder, at most (`assets/a/b/…`).
pub const MAX_DEPTH: usize = 8;
/// Entries in one folder, at most.
pub const MAX_ENTRIES: usize = 5_000;

/// A thing found in a course folder that may be read.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Entry {
    Folder(PathBuf),
    File(PathBuf),
}

impl Entry {
    pub fn path(&self) -> &Path {
        match self {
            Entry::Folder(path) | Entry::File(path) => path,
        }
    }
}

/// What a folder holds that instructors meant to publish (not hidden, not
/// `_draft`), in name order. Symbolic links and special
/// files are reported and left out.
pub fn entries(folder: &Path, problems: &mut Problems) -> Vec<Entry> {
    let listing = match fs::read_dir(folder) {
        Ok(listing) => listing,
        Err(error) => {
            problems.report(folder, 1, format!("cannot read this folder: {error}"));
            return Vec::new();
        }
    };
    let mut found = Vec::new();
    for entry in listing {
        let Ok(entry) = entry else { continue };
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name.starts_with('_') {
            continue;
        }
        if found.len() == MAX_ENTRIES {
            problems.report(
                folder,
                1,
                format!("this folder holds more than {MAX_ENTRIES} entries; the rest are left out"),
            );
            break;
        }
        // The entry itself, not what a link points at.
        match entry.file_type() {
            Ok(kind) if kind.is_symlink() => problems.report(
                &path,
                1,
                "this is a symbolic link, and links are not followed: put the file itself in the course folder",
            ),
            Ok(kind) if kind.is_dir() => found.push(Entry::Folder(path)),
            Ok(kind) if kind.is_file() => found.push(Entry::File(path)),
            Ok(_) => problems.report(&path, 1, "this is not a regular file or folder, and is not read"),
            Err(error) => problems.report(&path, 1, format!("cannot read this entry: {error}")),
        }
    }
    found.sort_by(|a, b| a.path().cmp(b.path()));
    found
}

/// A text file of the course (UTF-8, at most [`MAX_TEXT_BYTES`]).
pub fn read_text(path: &Path, problems: &mut Problems) -> Option<String> {
    let (bytes, _) = read_reported(path, MAX_TEXT_BYTES, problems)?;
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(_) => {
            problems.report(path, 1, "this file is not UTF-8 text: save it as UTF-8");
            None
        }
    }
}

/// A file of the course, at most `limit` bytes, with a problem reported
/// when it cannot be read safely; with its stamp as it was opened.
pub fn read_reported(path: &Path, limit: u64, problems: &mut Problems) -> Option<(Vec<u8>, Stamp)> {
    match read_stamped(path, limit) {
        Ok(read) => Some(read),
        Err(error) if error.kind() == io::ErrorKind::FileTooLarge => {
            problems.report(
                path,
                1,
                format!("this file is larger than {} KB, the most a course file may be", limit / 1024),
            );
            None
        }
        Err(error) => {
            problems.report(path, 1, format!("cannot read this file: {error}"));
            None
        }
    }
}

/// What tells a file from what it was: where it is on disk, its length,
/// and when its content or the file itself last changed. Writing to it,
/// replacing it, even `touch` or a copy that keeps times (`rsync -t`,
/// which sets the modification time and so the change time) give it
/// another stamp.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    device: u64,
    inode: u64,
    bytes: u64,
    modified: (i64, i64),
    changed: (i64, i64),
}

impl Stamp {
    pub fn of(metadata: &fs::Metadata) -> Stamp {
        use std::os::unix::fs::MetadataExt;
        Stamp {
            device: metadata.dev(),
            inode: metadata.ino(),
            bytes: metadata.size(),
            modified: (metadata.mtime(), metadata.mtime_nsec()),
            changed: (metadata.ctime(), metadata.ctime_nsec()),
        }
    }

    /// The file's length.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }
}

/// Opens a regular file of at most `limit` bytes: never through a symbolic
/// link (the last part of the path is opened with `O_NOFOLLOW`, and a
/// FIFO or device is refused before a byte is read). Used at load time and
/// again each time a course file is served. The stamp is taken before a
/// byte is read: a file written to while it is read is found changed
/// afterwards (to the precision of the file system's times).
pub fn open_regular(path: &Path, limit: u64) -> io::Result<(File, Stamp)> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = File::options()
        .read(true)
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is
        // refused below as not a regular file.
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)?;
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "not a regular file"));
    }
    if metadata.len() > limit {
        return Err(io::Error::new(io::ErrorKind::FileTooLarge, "file too large"));
    }
    Ok((file, Stamp::of(&metadata)))
}

/// Reads a regular file of at most `limit` bytes, as carefully as
/// [`open_regular`] opens it.
pub fn read_regular(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    read_stamped(path, limit).map(|(bytes, _)| bytes)
}

/// [`read_regular`], with the file's stamp as it was opened.
pub fn read_stamped(path: &Path, limit: u64) -> io::Result<(Vec<u8>, Stamp)> {
    let (file, stamp) = open_regular(path, limit)?;
    let mut bytes = Vec::with_capacity(stamp.bytes() as usize);
    // Bounded even if the file grows while it is read.
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(io::Error::new(io::ErrorKind::FileTooLarge, "file too large"));
    }
    Ok((bytes, stamp))
}

/// Whether `path`, with every link resolved, is still inside `folder` (as
/// resolved when the course was loaded): a folder of the course, or the
/// course folder itself, swapped for a link since is not.
pub fn stays_inside(path: &Path, folder: &Path) -> bool {
    path.canonicalize().is_ok_and(|path| path.starts_with(folder))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_and_special_files_are_reported_not_followed() {
        let folder = tempfile::tempdir().unwrap();
        fs::write(folder.path().join("a.md"), "text").unwrap();
        fs::create_dir(folder.path().join("sub")).unwrap();
        std::os::unix::fs::symlink("/etc/passwd", folder.path().join("b.md")).unwrap();
        std::os::unix::fs::symlink(folder.path(), folder.path().join("loop")).unwrap();
        let mut problems = Problems::default();
        let found = entries(folder.path(), &mut problems);
        assert_eq!(found, [Entry::File(folder.path().join("a.md")), Entry::Folder(folder.path().join("sub"))]);
        let problems = problems.into_vec();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems.iter().all(|p| p.message.contains("symbolic link")));
    }

    #[test]
    fn reading_never_follows_a_link_nor_reads_a_device() {
        let folder = tempfile::tempdir().unwrap();
        let link = folder.path().join("key.png");
        std::os::unix::fs::symlink("/etc/hostname", &link).unwrap();
        assert!(read_regular(&link, 1024).is_err());
        assert!(read_regular(Path::new("/dev/zero"), 1024).is_err());
        let big = folder.path().join("big.png");
        fs::write(&big, vec![0u8; 2048]).unwrap();
        assert_eq!(read_regular(&big, 1024).unwrap_err().kind(), io::ErrorKind::FileTooLarge);
        assert_eq!(read_regular(&big, 4096).unwrap().len(), 2048);
    }

    #[test]
    fn a_file_put_in_place_of_another_has_another_stamp() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("sheet.pdf");
        fs::write(&path, b"first").unwrap();
        let (_, first) = open_regular(&path, 1024).unwrap();
        assert_eq!(open_regular(&path, 1024).unwrap().1, first, "unchanged, the same stamp");
        let replacement = folder.path().join("new.pdf");
        fs::write(&replacement, b"other").unwrap();
        fs::rename(&replacement, &path).unwrap();
        let (_, now) = open_regular(&path, 1024).unwrap();
        assert_eq!(now.bytes(), first.bytes());
        assert_ne!(now, first, "the same length, but another file");
    }
}
