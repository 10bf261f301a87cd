//! A backup holds every password hash, every profile answer and the key
//! certificates are signed with: it is private from its first byte. The
//! folder is made 0700 and each file created 0600 before anything is
//! written into it, whatever the umask, so that there is no moment when
//! another account on the machine could open it.

use std::fs::File;
use std::io::Write;
use std::path::Path;

/// Makes `dest` a new private folder (or makes an existing empty one
/// private). Its parents are made as usual.
pub fn private_folder(dest: &Path) -> Result<(), String> {
    let error = |e: std::io::Error| format!("{}: {e}", dest.display());
    if dest.exists() {
        if std::fs::read_dir(dest).map_err(error)?.next().is_some() {
            return Err(format!("{} is not empty: a backup goes into a new folder", dest.display()));
        }
        return owner_only(dest, 0o700).map_err(error);
    }
    if let Some(parent) = dest.parent().filter(|parent| !parent.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dest).map_err(error)?;
    // The umask only ever takes permissions away; this puts nothing back
    // that 0700 did not give, but makes the mode exact.
    owner_only(dest, 0o700).map_err(error)
}

/// Creates the empty file `path`, readable by its owner only, for a tool
/// (SQLite's `VACUUM INTO`, `pg_dump`) to write into: both keep the mode
/// of a file that is already there.
pub fn private_file(path: &Path) -> Result<File, String> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let file = options.open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    owner_only(path, 0o600).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(file)
}

/// Writes `bytes` into the new private file `path` and makes them durable.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let mut file = private_file(path)?;
    file.write_all(bytes).and_then(|()| file.sync_all()).map_err(|e| format!("{}: {e}", path.display()))
}

/// Puts `bytes` at `path` (replacing what is there) through a new
/// private file renamed into place, so the old content or the new is
/// there, never half, and never readable by anyone else.
pub fn replace_private(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let staged = path.with_extension("restoring");
    let _ = std::fs::remove_file(&staged);
    write_private(&staged, bytes)?;
    std::fs::rename(&staged, path).map_err(|e| format!("{}: {e}", path.display()))
}

fn owner_only(path: &Path, mode: u32) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
    }
    #[cfg(not(unix))]
    {
        let _ = (path, mode);
        Ok(())
    }
}
