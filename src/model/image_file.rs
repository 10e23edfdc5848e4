//! An image file a letter carries (a handwritten signature): where it came from, for
//! messages and the JSON model, and its bytes, read once before anything is rendered.

use std::path::PathBuf;
use std::sync::Arc;

use serde::{Serialize, Serializer};

/// An image file and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageFile {
    pub path: PathBuf,
    pub bytes: Arc<[u8]>,
}

/// As data, an image file is where it came from.
impl Serialize for ImageFile {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.path.serialize(serializer)
    }
}
