//! Reading the image files a letter carries (signatures), whole and bounded, before any
//! letter is rendered: the renderers never touch the file system.

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::model::ImageFile;

/// The largest image file read: far more than any signature, photographed or scanned.
pub const MAX_IMAGE_BYTES: u64 = 32 * 1024 * 1024;

/// Reads the image at `path`.
pub fn read_image(path: &Path) -> Result<ImageFile> {
    let bad = |message: String| Error::Signature {
        path: path.to_path_buf(),
        message,
    };
    let file = std::fs::File::open(path).map_err(|e| bad(format!("cannot be read: {e}")))?;
    let mut bytes = Vec::new();
    file.take(MAX_IMAGE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| bad(format!("cannot be read: {e}")))?;
    if bytes.len() as u64 > MAX_IMAGE_BYTES {
        return Err(bad(format!(
            "is over {} MB, far more than a signature needs: scan or export it smaller",
            MAX_IMAGE_BYTES / (1024 * 1024)
        )));
    }
    Ok(ImageFile {
        path: path.to_path_buf(),
        bytes: Arc::from(bytes),
    })
}
