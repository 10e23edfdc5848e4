//! Where rendered bytes go: standard output, or files written atomically (a temporary
//! file beside the target, then a rename), so a reader never sees half a letter.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Writes `bytes` to `path` atomically and durably (synced to disk before the rename),
/// creating the parent directory if needed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_replacing(path, bytes, true)
}

/// Writes `bytes` to `dir/name` atomically but without waiting for the disk: a killed
/// process never leaves a partial file, but a power cut may lose recent files. Batches
/// use it and rely on `--resume`, which checks every file's hash, to rewrite those.
/// `dir` must exist (and is best absolute: nothing is looked up per file).
pub fn write_atomic_unsynced(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    replace(dir, &dir.join(name), bytes, false)
}

fn write_replacing(path: &Path, bytes: &[u8], sync: bool) -> Result<()> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| Error::write(&parent, e))?;
    replace(&parent, path, bytes, sync)
}

/// Letters are ordinary documents: readable by others, writable by their owner
/// (temporary files would otherwise keep their private 0600 mode after the rename).
#[cfg(unix)]
fn document_permissions() -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    std::fs::Permissions::from_mode(0o644)
}

fn replace(parent: &Path, path: &Path, bytes: &[u8], sync: bool) -> Result<()> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".letters-").suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(document_permissions());
    let mut temp = builder
        .tempfile_in(parent)
        .map_err(|e| Error::write(path, without_temp_path(e)))?;
    temp.as_file_mut()
        .write_all(bytes)
        .map_err(|e| Error::write(path, e))?;
    if sync {
        temp.as_file()
            .sync_all()
            .map_err(|e| Error::write(path, e))?;
    }
    temp.persist(path)
        .map_err(|e| Error::write(path, e.error))?;
    Ok(())
}

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

/// Whether standard output was closed by the reader (`letters … | head`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stdout {
    Open,
    Closed,
}

/// Writes to standard output; a closed pipe is not an error, it just ends the output.
pub fn write_stdout(bytes: &[u8]) -> Result<Stdout> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(Stdout::Open),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Stdout::Closed),
        Err(e) => Err(Error::write(Path::new("<stdout>"), e)),
    }
}

#[cfg(test)]
mod tests {
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
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&target).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o644);
        }
    }
}
