//! Fonts for PDF letters, under both halves: layout breaks lines with their advance
//! widths, writing draws their glyphs and embeds their subsets, and both place glyphs
//! with `shape` (kerned, through `kerning`). The family is the bundled Liberation Serif
//! (SIL Open Font License, embedded in the binary, license in `fonts/OFL.txt`) or an
//! organization's own TrueType files; `face` parses one file, measures it and subsets
//! it. Here: the four faces (one family: a style the organization gives no file for is
//! set in its regular face, never in the bundled one), glyph lookup with a fallback to
//! the regular face, and the run's cache of subsets made ready to embed (the one thing
//! here that knows the writing side, as the cache must live as long as the faces).

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

mod cache;
mod face;
mod glyph_set;
mod kerning;
mod shape;

pub use face::{thousandths, Face, Subset};
pub use glyph_set::GlyphSet;
pub use shape::{each_glyph, shape, width, Glyph, GlyphRun};

use super::write::Embedded;
use crate::error::{Error, Result};
use cache::Cache;

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

/// The four faces a letter is set in.
#[derive(Debug, Clone)]
pub struct Fonts {
    faces: [Arc<Face>; 4],
    /// The face slot that sets each style: its own, or the regular one when an
    /// organization's family has no file for it.
    slots: [usize; 4],
    /// Whether every face is the bundled one (errors then suggest --font-*).
    bundled: bool,
    /// Each slot's standard glyph set (see [`Fonts::canonical`]).
    standard: Arc<[GlyphSet; 4]>,
    cache: Arc<Cache>,
}

/// The characters every subset of the regular face keeps, whether a letter draws them
/// or not: printable ASCII, the letters of Latin-1 (Spanish, and most names of Western
/// Europe and the Americas) and the typographic punctuation letters are set with.
const STANDARD_REGULAR: &str = concat!(
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`",
    "abcdefghijklmnopqrstuvwxyz{|}~",
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ",
    "¡¿«»°ºª§€‘’‚“”„–—…•",
);

/// The characters every subset of the other faces keeps: the digits and punctuation
/// of an organization's name in a letterhead ("Group 12, Caracas"). The letters they
/// draw (template headings, an organization's name, usually the same in every letter
/// of a batch) are kept as drawn: these faces draw little else, and each glyph kept
/// costs bytes in every letter.
const STANDARD_OTHER: &str = " &'(),-./0123456789:’";

/// The glyphs of each slot's standard characters.
fn standard_sets(faces: &[Arc<Face>; 4]) -> Arc<[GlyphSet; 4]> {
    let glyphs = |face: &Face, chars: &str| chars.chars().filter_map(|c| face.glyph(c)).collect();
    Arc::new([
        glyphs(&faces[0], STANDARD_REGULAR),
        glyphs(&faces[1], STANDARD_OTHER),
        glyphs(&faces[2], STANDARD_OTHER),
        glyphs(&faces[3], STANDARD_OTHER),
    ])
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
            standard: standard_sets(faces),
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
        fonts.standard = standard_sets(&fonts.faces);
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

    /// The glyph set face `slot` is subset to when a letter draws `gids` in it: those
    /// and the face's standard set (printable ASCII, Latin-1 letters and typographic
    /// punctuation for the regular face; digits and the punctuation of names for the
    /// others). Letters of a batch differ in names, numbers and addresses; with the
    /// standard sets nearly all of them share one subset per face, made once and then
    /// taken from the cache, and only names with rarer letters (ễ, ł, ő…) make subsets of
    /// their own.
    pub fn canonical(&self, slot: usize, gids: &GlyphSet) -> GlyphSet {
        let mut wide = self.standard[slot.min(3)].clone();
        wide.extend(gids);
        wide
    }

    /// Face `slot` subset to `gids`, ready to embed, made once per run (as long as the
    /// cache keeps it).
    pub fn embedded(&self, slot: usize, gids: &GlyphSet) -> Result<Arc<Embedded>, String> {
        let key = (slot, gids.clone());
        if let Some(hit) = self.cache.get(&key) {
            return Ok(hit);
        }
        let embedded = Arc::new(Embedded::new(&self.face(slot).subset(gids)?)?);
        self.cache.insert(key, embedded.clone());
        Ok(embedded)
    }

    /// Whether only bundled faces are in use.
    pub fn is_bundled(&self) -> bool {
        self.bundled
    }
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

    #[test]
    fn names_in_latin_letters_share_one_subset_and_rare_letters_add_to_it() {
        let fonts = Fonts::bundled().unwrap();
        let drawn = |text: &str| -> GlyphSet {
            text.chars()
                .filter_map(|c| fonts.resolve(Style::Regular, c))
                .map(|(_, gid)| gid)
                .collect()
        };
        let canonical = |text: &str| fonts.canonical(0, &drawn(text));
        let ana = canonical("Ana Pérez, Group 12, Caracas");
        assert_eq!(canonical("Zoë Müller-Håkansson, Group 3047, Mérida"), ana);
        assert_eq!(canonical("Chloé Lefèvre «¿Dónde?» — 5 €"), ana);
        let rare = canonical("Minh Nguyễn");
        assert_ne!(rare, ana);
        assert_eq!(rare.len(), ana.len() + 1);
        // The bold face keeps what it draws, digits and punctuation of names added.
        let bold = |text: &str| {
            let gids = text
                .chars()
                .filter_map(|c| fonts.resolve(Style::Bold, c))
                .map(|(_, gid)| gid)
                .collect();
            fonts.canonical(1, &gids)
        };
        assert_eq!(bold("Group 12, Caracas"), bold("Group 3047, Caracas"));
        assert!(bold("Group 12").len() < 30);
    }
}
