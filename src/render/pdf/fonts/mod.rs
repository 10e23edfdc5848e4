//! Fonts for PDF letters, under both halves: layout breaks lines with their advance
//! widths, writing draws their glyphs and embeds their subsets, and both place glyphs
//! with `shape` (kerned, through `kerning`). The family is the bundled Liberation Serif
//! (SIL Open Font License, embedded in the binary, license in `fonts/OFL.txt`) or an
//! organization's own TrueType files; `face` parses one file, measures it and subsets
//! it. Here: the four faces (one family: a style the organization gives no file for is
//! set in its regular face, never in the bundled one), glyph lookup with a fallback to
//! the regular face, and the run's cache of subsets made ready to embed (the one thing
//! here that knows the writing side, as the cache must live as long as the faces).

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

mod face;
mod kerning;
mod shape;

pub use face::{thousandths, Face, Subset};
pub use shape::{each_glyph, shape, width, Glyph, GlyphRun};

use super::write::Embedded;
use crate::error::{Error, Result};

const BUNDLED_REGULAR: &[u8] = include_bytes!("../../../../fonts/LiberationSerif-Regular.ttf");
const BUNDLED_BOLD: &[u8] = include_bytes!("../../../../fonts/LiberationSerif-Bold.ttf");
const BUNDLED_ITALIC: &[u8] = include_bytes!("../../../../fonts/LiberationSerif-Italic.ttf");
const BUNDLED_BOLD_ITALIC: &[u8] =
    include_bytes!("../../../../fonts/LiberationSerif-BoldItalic.ttf");

/// One of the four faces of a family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Style {
    Regular = 0,
    Bold = 1,
    Italic = 2,
    BoldItalic = 3,
}

impl Style {
    pub const ALL: [Style; 4] = [
        Style::Regular,
        Style::Bold,
        Style::Italic,
        Style::BoldItalic,
    ];

    pub fn new(bold: bool, italic: bool) -> Style {
        match (bold, italic) {
            (false, false) => Style::Regular,
            (true, false) => Style::Bold,
            (false, true) => Style::Italic,
            (true, true) => Style::BoldItalic,
        }
    }

    /// What the face is called in messages.
    pub fn name(self) -> &'static str {
        match self {
            Style::Regular => "regular",
            Style::Bold => "bold",
            Style::Italic => "italic",
            Style::BoldItalic => "bold italic",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Font files chosen by flags or `letters.toml`, read; `None` keeps the bundled face.
#[derive(Debug, Clone, Default)]
pub struct FontFiles {
    pub regular: Option<FontFile>,
    pub bold: Option<FontFile>,
    pub italic: Option<FontFile>,
    pub bold_italic: Option<FontFile>,
}

/// A font file, read.
#[derive(Debug, Clone, Default)]
pub struct FontFile {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

impl FontFiles {
    fn get(&self, style: Style) -> Option<&FontFile> {
        match style {
            Style::Regular => self.regular.as_ref(),
            Style::Bold => self.bold.as_ref(),
            Style::Italic => self.italic.as_ref(),
            Style::BoldItalic => self.bold_italic.as_ref(),
        }
    }

    pub fn is_empty(&self) -> bool {
        Style::ALL.iter().all(|s| self.get(*s).is_none())
    }
}

/// Entries each cache keeps at most: a batch uses a handful of glyph sets (see
/// [`Fonts::canonical`]), so this bounds memory without costing hits.
const CACHE_ENTRIES: usize = 64;

/// A face slot and the glyph ids (ascending) a subset keeps.
type SubsetKey = (usize, Vec<u16>);

/// Work done once per run instead of once per letter: each face's subset to a glyph
/// set, as the PDF objects that embed it, by (face slot, glyph set). Entries are pure
/// functions of their keys, so a hit gives exactly the bytes a miss would have made,
/// whatever the order letters are rendered in.
#[derive(Debug, Default)]
struct Cache {
    embedded: Mutex<HashMap<SubsetKey, Arc<Embedded>>>,
}

/// The four faces a letter is set in.
#[derive(Debug, Clone)]
pub struct Fonts {
    faces: [Arc<Face>; 4],
    /// The face slot that sets each style: its own, or the regular one when an
    /// organization's family has no file for it.
    slots: [usize; 4],
    /// Whether every face is the bundled one (errors then suggest --font-*).
    bundled: bool,
    cache: Arc<Cache>,
}

fn bundled_faces() -> Option<&'static [Arc<Face>; 4]> {
    static FACES: OnceLock<Option<[Arc<Face>; 4]>> = OnceLock::new();
    FACES
        .get_or_init(|| {
            Some([
                Arc::new(Face::parse(BUNDLED_REGULAR)?),
                Arc::new(Face::parse(BUNDLED_BOLD)?),
                Arc::new(Face::parse(BUNDLED_ITALIC)?),
                Arc::new(Face::parse(BUNDLED_BOLD_ITALIC)?),
            ])
        })
        .as_ref()
}

impl Fonts {
    /// The bundled Liberation Serif family.
    pub fn bundled() -> Result<Fonts> {
        let faces = bundled_faces()
            .ok_or_else(|| Error::render("the bundled font does not parse (a build error)"))?;
        Ok(Fonts {
            faces: faces.clone(),
            slots: [0, 1, 2, 3],
            bundled: true,
            cache: Arc::default(),
        })
    }

    /// The organization's family: the regular face `files` gives, and each other style
    /// from its own file or else in that regular face, so that a letter is set in one
    /// family. Files for other styles without a regular one are refused.
    pub fn load(files: &FontFiles) -> Result<Fonts> {
        let mut fonts = Fonts::bundled()?;
        if files.is_empty() {
            return Ok(fonts);
        }
        if files.regular.is_none() {
            let given: Vec<&str> = Style::ALL
                .into_iter()
                .filter(|s| files.get(*s).is_some())
                .map(Style::name)
                .collect();
            return Err(Error::Render {
                message: format!(
                    "a {} font was given without a regular one: a letter is set in one family, and its regular face sets most of it",
                    given.join(" and ")
                ),
                hint: Some(
                    "give the family's regular face too (--font-regular, or font-regular in [pdf] of letters.toml)"
                        .to_string(),
                ),
            });
        }
        fonts.slots = [0; 4];
        for style in Style::ALL {
            let Some(file) = files.get(style) else {
                continue;
            };
            let face = Face::parse(&file.bytes).ok_or_else(|| Error::Render {
                message: format!(
                    "{} (the {} face) is not a TrueType or OpenType font with a Unicode character map",
                    file.path.display(),
                    style.name()
                ),
                hint: Some("give a .ttf or .otf file".to_string()),
            })?;
            fonts.faces[style.index()] = Arc::new(face);
            fonts.slots[style.index()] = style.index();
        }
        fonts.bundled = false;
        fonts.cache = Arc::default();
        Ok(fonts)
    }

    pub fn face(&self, slot: usize) -> &Face {
        &self.faces[slot.min(3)]
    }

    /// The face slot and glyph that draw `c` in `style`: that style's face, else the
    /// regular one.
    pub fn resolve(&self, style: Style, c: char) -> Option<(usize, u16)> {
        let own = self.slots[style.index()];
        if let Some(gid) = self.faces[own].glyph(c) {
            return Some((own, gid));
        }
        let regular = Style::Regular.index();
        (own != regular)
            .then(|| self.faces[regular].glyph(c).map(|gid| (regular, gid)))
            .flatten()
    }

    /// The glyph set a face is subset to: for the regular face, every printable ASCII
    /// character it has plus `gids`, so that most letters of a batch (which differ in
    /// names, numbers and addresses, all set in the regular face) share one set and
    /// their subsets and compressed font programs come from the cache. The other faces
    /// draw the template's fixed text (subject, headings) and keep exactly `gids`:
    /// widening them too would push a one-page signed letter past 40 KB.
    pub fn canonical(&self, slot: usize, gids: &BTreeSet<u16>) -> BTreeSet<u16> {
        if slot != Style::Regular.index() {
            return gids.clone();
        }
        let face = self.face(slot);
        let mut wide: BTreeSet<u16> = (' '..='~').filter_map(|c| face.glyph(c)).collect();
        wide.extend(gids.iter().copied());
        wide
    }

    /// Face `slot` subset to `gids`, ready to embed, made once per run.
    pub fn embedded(&self, slot: usize, gids: &BTreeSet<u16>) -> Result<Arc<Embedded>, String> {
        let key = (slot, gids.iter().copied().collect::<Vec<u16>>());
        if let Some(hit) = lock(&self.cache.embedded).get(&key) {
            return Ok(Arc::clone(hit));
        }
        let embedded = Arc::new(Embedded::new(&self.face(slot).subset(gids)?)?);
        let mut cache = lock(&self.cache.embedded);
        if cache.len() < CACHE_ENTRIES {
            cache.insert(key, Arc::clone(&embedded));
        }
        Ok(embedded)
    }

    /// Whether only bundled faces are in use.
    pub fn is_bundled(&self) -> bool {
        self.bundled
    }
}

/// A cache's map; a panic elsewhere cannot leave it half-updated, so poisoning is ignored.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_faces_cover_spanish_and_typography() {
        let fonts = Fonts::bundled().unwrap();
        for style in Style::ALL {
            for c in "áéíóúüñÑ¿¡«»“”‘’—–…€".chars() {
                assert!(fonts.resolve(style, c).is_some(), "{style:?} lacks {c}");
            }
        }
        assert!(fonts.resolve(Style::Regular, '李').is_none());
    }
}
