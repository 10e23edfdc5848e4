//! A signature image named in a request: it must be a PNG or JPEG file (read far enough
//! to tell), and one named in a signers file must stay inside the folder signatures are
//! taken from (the signers file's own, or `--signatures-dir`), so that a spreadsheet
//! cell cannot pick any image the user can read.

use std::io::Read;
use std::path::{Component, Path, PathBuf};

use crate::error::{Error, Result, Source};

/// Whether some part of `relative`, followed from `base`, is a symbolic link.
fn passes_through_link(base: &Path, relative: &Path) -> bool {
    let mut path = base.to_path_buf();
    for component in relative.components() {
        path.push(component);
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => return true,
            Ok(_) => {}
            Err(_) => return false,
        }
    }
    false
}

/// The image `cell` names, confined to `base`. An absolute path, one that climbs out with
/// `..`, or one through a link that leads out are refused alike, with one message that
/// does not tell whether such a file exists.
fn confined(base: &Path, cell: &Path) -> std::result::Result<PathBuf, String> {
    let refused = || {
        let folder = if base == Path::new(".") || base.as_os_str().is_empty() {
            "the current folder".to_string()
        } else {
            base.display().to_string()
        };
        format!(
            "signature `{}` is refused: a signers file may only name images inside {folder} \
             (a relative path such as signatures/ana.png); give --signatures-dir DIR to use another folder",
            cell.display()
        )
    };
    let mut depth = 0usize;
    for component in cell.components() {
        match component {
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            Component::ParentDir if depth > 0 => depth -= 1,
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => {
                return Err(refused())
            }
        }
    }
    let root = base
        .canonicalize()
        .map_err(|e| format!("cannot read the signatures folder {}: {e}", base.display()))?;
    let joined = if base == Path::new(".") {
        cell.to_path_buf()
    } else {
        base.join(cell)
    };
    match joined.canonicalize() {
        Ok(real) if real.starts_with(&root) => Ok(joined),
        Ok(_) => Err(refused()),
        Err(_) if passes_through_link(base, cell) => Err(refused()),
        Err(e) => Err(format!(
            "cannot read signature image {}: {e}",
            joined.display()
        )),
    }
}

/// Reads the start of the image, far enough to know it is a PNG or JPEG.
fn is_png_or_jpeg(path: &Path) -> std::result::Result<(), String> {
    let mut magic = [0u8; 8];
    let mut file = std::fs::File::open(path)
        .map_err(|e| format!("cannot read signature image {}: {e}", path.display()))?;
    let n = file
        .read(&mut magic)
        .map_err(|e| format!("cannot read signature image {}: {e}", path.display()))?;
    let png = n >= 8 && magic == [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    let jpeg = n >= 3 && magic[..3] == [0xFF, 0xD8, 0xFF];
    if png || jpeg {
        Ok(())
    } else {
        Err(format!(
            "signature {} is not a PNG or JPEG image: give a PNG (transparency is kept) or a JPEG file",
            path.display()
        ))
    }
}

/// The signature image `path` names, checked: a cell's confined to `signatures_dir`.
pub fn check(path: &Path, source: &Source, signatures_dir: Option<&Path>) -> Result<PathBuf> {
    let path = match source {
        Source::Cell { .. } => confined(signatures_dir.unwrap_or(Path::new(".")), path)
            .map_err(|m| Error::invalid(source, m))?,
        _ => path.to_path_buf(),
    };
    is_png_or_jpeg(&path).map_err(|m| Error::invalid(source, m))?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn cell() -> Source {
        Source::Cell {
            file: "s.csv".into(),
            row: 2,
            column: "signature".into(),
        }
    }

    #[test]
    fn signatures_stay_inside_their_folder() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().join("signers");
        std::fs::create_dir_all(base.join("sig")).unwrap();
        let png = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/signature.png"
        ))
        .unwrap();
        std::fs::write(base.join("sig/ana.png"), &png).unwrap();
        std::fs::write(dir.path().join("secret.png"), &png).unwrap();
        let signed = |path: &str| check(Path::new(path), &cell(), Some(&base));
        assert!(signed("sig/ana.png").is_ok());
        assert!(signed("./sig/../sig/ana.png").is_ok());
        let outside = dir.path().join("secret.png");
        let missing = dir.path().join("missing.png");
        let cases = [
            outside.display().to_string(),
            missing.display().to_string(),
            "../secret.png".to_string(),
            "../missing.png".to_string(),
            "sig/../../secret.png".to_string(),
        ];
        let messages: Vec<String> = cases
            .iter()
            .map(|path| {
                signed(path)
                    .unwrap_err()
                    .to_string()
                    .replace(path.as_str(), "PATH")
            })
            .collect();
        assert!(messages[0].contains("is refused"), "{}", messages[0]);
        // The same words whether or not the file exists.
        assert!(messages.iter().all(|m| *m == messages[0]), "{messages:?}");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.png"), base.join("link.png"))
                .unwrap();
            std::os::unix::fs::symlink(dir.path().join("missing.png"), base.join("dangling.png"))
                .unwrap();
            std::os::unix::fs::symlink(dir.path(), base.join("up")).unwrap();
            for path in [
                "link.png",
                "dangling.png",
                "up/secret.png",
                "up/missing.png",
            ] {
                let message = signed(path).unwrap_err().to_string().replace(path, "PATH");
                assert_eq!(message, messages[0], "{path}");
            }
        }
        // A flag's image is the user's own choice, wherever it is.
        assert!(check(&outside, &Source::Flag("--signature"), None).is_ok());
    }
}
