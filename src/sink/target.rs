//! What is at an output path before `letters` writes there, and whether it may write:
//! a planted symbolic link is never followed or replaced, a directory or socket never
//! replaced; a device or pipe (`-o /dev/null`) is written into, never renamed over.

use std::path::Path;

use crate::error::{Error, Result};

/// What an output path holds now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Nothing: the file is created.
    Nothing,
    /// A regular file: it is replaced as a whole.
    RegularFile,
    /// A character device or a pipe: written into as it is.
    Stream,
}

/// Why a symbolic link is refused, for every file `letters` writes.
const SYMLINK: &str = "it is a symbolic link, and letters never writes through one \
(a link planted in an output folder could send a letter's text into any file you can write)";

/// The error for an output path that is a symbolic link.
pub fn symlink_refused(path: &Path) -> Error {
    Error::Refused {
        path: path.to_path_buf(),
        reason: SYMLINK.to_string(),
    }
}

/// Looks at `path` without following a symbolic link at its last component.
pub fn inspect(path: &Path) -> Result<Existing> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Existing::Nothing),
        Err(e) => return Err(Error::write(path, e)),
    };
    let kind = meta.file_type();
    if kind.is_symlink() {
        return Err(symlink_refused(path));
    }
    if kind.is_file() {
        return Ok(Existing::RegularFile);
    }
    if kind.is_dir() {
        return Err(Error::Refused {
            path: path.to_path_buf(),
            reason: "it is a directory".to_string(),
        });
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_char_device() || kind.is_fifo() {
            return Ok(Existing::Stream);
        }
    }
    Err(Error::Refused {
        path: path.to_path_buf(),
        reason: "it is not a regular file, and letters replaces only regular files".to_string(),
    })
}

/// Whether an I/O error is the one a symbolic link gives to an open that does not
/// follow links (`O_NOFOLLOW`).
pub fn is_symlink_error(error: &std::io::Error) -> bool {
    #[cfg(unix)]
    {
        error.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = error;
        false
    }
}

/// Open options that refuse a symbolic link at the last component of the path.
pub fn no_follow(options: &mut std::fs::OpenOptions) -> &mut std::fs::OpenOptions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW)
    }
    #[cfg(not(unix))]
    {
        options
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn tells_what_is_there() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        assert_eq!(inspect(&file).unwrap(), Existing::Nothing);
        std::fs::write(&file, "x").unwrap();
        assert_eq!(inspect(&file).unwrap(), Existing::RegularFile);
        assert!(matches!(inspect(dir.path()), Err(Error::Refused { .. })));
        #[cfg(unix)]
        {
            let link = dir.path().join("link");
            std::os::unix::fs::symlink(&file, &link).unwrap();
            let err = inspect(&link).unwrap_err();
            assert!(err.to_string().contains("symbolic link"), "{err}");
            assert_eq!(inspect(Path::new("/dev/null")).unwrap(), Existing::Stream);
        }
    }
}
