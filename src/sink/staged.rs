//! Files written whole or not at all: the bytes go to a temporary file beside the
//! target, which is then renamed into place, so a reader never sees half a letter and a
//! killed run leaves only a temporary file (removed by the next batch in that folder).
//!
//! The rename never follows a symbolic link and never replaces anything but a regular
//! file (see [`super::target`]). New files get the permissions the user's umask allows
//! (0666 before the umask), like any file a program creates.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use super::target::{self, Existing};
use crate::error::{Error, Result};
use crate::letter::naming;

/// The operating system's error without the temporary file's name, which means nothing
/// to the user: the message names the file being written instead.
fn without_temp_path(error: io::Error) -> io::Error {
    if error.raw_os_error().is_some() {
        return error;
    }
    let text = error.to_string();
    match text.find(" at path ") {
        Some(at) => io::Error::new(error.kind(), &text[..at]),
        None => error,
    }
}

/// A file being written in the directory of its target, put in place by `commit`.
/// Dropped without `commit`, it disappears.
pub struct Staged {
    temp: NamedTempFile,
    target: PathBuf,
}

impl Staged {
    /// Starts `target`, whose directory `dir` must exist.
    pub fn new(dir: &Path, target: PathBuf) -> Result<Staged> {
        let mut builder = tempfile::Builder::new();
        builder
            .prefix(naming::TEMP_PREFIX)
            .suffix(naming::TEMP_SUFFIX);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let temp = builder
            .tempfile_in(dir)
            .map_err(|e| Error::write(&target, without_temp_path(e)))?;
        Ok(Staged { temp, target })
    }

    /// Where the file goes.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// The temporary file, to write to (errors from it name no path).
    pub fn file(&mut self) -> &mut File {
        self.temp.as_file_mut()
    }

    /// Puts the file in place: synced to disk first when `sync`.
    pub fn commit(self, sync: bool) -> Result<()> {
        let Staged { temp, target } = self;
        if sync {
            temp.as_file()
                .sync_all()
                .map_err(|e| Error::write(&target, e))?;
        }
        // A new name is the common case, and cannot be a planted link: one system call.
        let temp = match temp.persist_noclobber(&target) {
            Ok(_) => return Ok(()),
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => e.file,
            Err(e) => return Err(Error::write(&target, without_temp_path(e.error))),
        };
        match target::inspect(&target)? {
            // A rename replaces a link that appears meanwhile; it never follows one.
            Existing::RegularFile | Existing::Nothing => temp
                .persist(&target)
                .map(|_| ())
                .map_err(|e| Error::write(&target, without_temp_path(e.error))),
            Existing::Stream => {
                let mut bytes = Vec::new();
                let mut file = temp.reopen().map_err(|e| Error::read(&target, e))?;
                std::io::Read::read_to_end(&mut file, &mut bytes)
                    .map_err(|e| Error::read(&target, e))?;
                write_stream(&target, &bytes)
            }
        }
    }
}

impl Write for Staged {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.temp.as_file_mut().write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.temp.as_file_mut().flush()
    }
}

/// Writes into a device or pipe as it is (`-o /dev/null`), never replacing it.
fn write_stream(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    let mut file = target::no_follow(&mut options)
        .open(path)
        .map_err(|e| open_error(path, e))?;
    file.write_all(bytes).map_err(|e| Error::write(path, e))
}

/// The error for a file that cannot be opened for writing.
pub(super) fn open_error(path: &Path, error: io::Error) -> Error {
    if target::is_symlink_error(&error) {
        target::symlink_refused(path)
    } else {
        Error::write(path, error)
    }
}

/// Writes `bytes` to `path` atomically and durably (synced to disk before the rename),
/// creating the parent directory if needed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| Error::write(&parent, e))?;
    if target::inspect(path)? == Existing::Stream {
        return write_stream(path, bytes);
    }
    let mut staged = Staged::new(&parent, path.to_path_buf())?;
    staged
        .file()
        .write_all(bytes)
        .map_err(|e| Error::write(path, e))?;
    staged.commit(true)
}

/// Writes `bytes` to `dir/name` atomically but without waiting for the disk: a killed
/// process never leaves a partial file, but a power cut may lose recent files. Batches
/// use it and rely on `--resume`, which checks every file's hash, to rewrite those.
/// `dir` must exist (and is best absolute: nothing is looked up per file).
pub fn write_atomic_unsynced(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    let path = dir.join(name);
    let mut staged = Staged::new(dir, path)?;
    staged
        .file()
        .write_all(bytes)
        .map_err(|e| Error::write(&dir.join(name), e))?;
    staged.commit(false)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn atomic_write_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sub/letter.txt");
        write_atomic(&target, b"hello").unwrap();
        write_atomic(&target, b"again").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"again");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub")).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn links_are_refused_and_devices_written_into() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep").unwrap();
        let link = dir.path().join("letter.txt");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        for result in [
            write_atomic(&link, b"x"),
            write_atomic_unsynced(dir.path(), "letter.txt", b"x"),
        ] {
            let err = result.unwrap_err();
            assert!(matches!(err, Error::Refused { .. }), "{err}");
            assert_eq!(err.exit_code(), crate::exit::Exit::Output);
        }
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        write_atomic(Path::new("/dev/null"), b"discarded").unwrap();
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 2, "no temporary file is left behind");
    }
}
