//! Fonts for PDF letters: the bundled Liberation Serif family (SIL Open Font License,
//! embedded in the binary, license in `fonts/OFL.txt`) or an organization's own TrueType
//! files; glyph lookup with a fallback to the regular face, advance widths for our own
//! line breaking, and subsetting to the glyphs one document uses.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{subset, CmapTarget, SubsetProfile};
use allsorts::tables::{FontTableProvider, NameTable};
use allsorts::tag;
use md5::{Digest, Md5};
use printpdf::ParsedFont;

use super::embed::Embedded;
use crate::error::{Error, Result};

const BUNDLED_REGULAR: &[u8] = include_bytes!("../../../fonts/LiberationSerif-Regular.ttf");
const BUNDLED_BOLD: &[u8] = include_bytes!("../../../fonts/LiberationSerif-Bold.ttf");
const BUNDLED_ITALIC: &[u8] = include_bytes!("../../../fonts/LiberationSerif-Italic.ttf");
const BUNDLED_BOLD_ITALIC: &[u8] = include_bytes!("../../../fonts/LiberationSerif-BoldItalic.ttf");

/// The tables a subset keeps: outlines, metrics and hinting; no names, no layout tables.
const SUBSET_TABLES: [u32; 9] = [
    tag::CMAP,
    tag::HEAD,
    tag::CVT,
    tag::FPGM,
    tag::HHEA,
    tag::HMTX,
    tag::MAXP,
    tag::POST,
    tag::PREP,
];

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

/// One font file, parsed: its character map and advance widths.
#[derive(Debug)]
pub struct Face {
    font: ParsedFont,
    /// The PostScript name, for the PDF font dictionary.
    postscript_name: String,
    units_per_em: f32,
    /// The glyph of each character below [`DIRECT_CHARS`] (0: none), looked up by
    /// index: line breaking asks for every character of a letter more than once.
    direct: Vec<u16>,
    /// Advance widths in ems, by glyph id.
    advances: Vec<f32>,
}

/// Characters looked up in a table rather than the font's map: Latin, Greek,
/// Cyrillic, general punctuation, currency and more.
const DIRECT_CHARS: u32 = 0x3000;

impl Face {
    /// Parses a TrueType/OpenType font; `None` if it is not one.
    fn parse(bytes: &[u8]) -> Option<Face> {
        let font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())?;
        if font.codepoint_to_glyph.is_empty() || font.units_per_em == 0 {
            return None;
        }
        let postscript_name = postscript_name(bytes).unwrap_or_else(|| "Font".to_string());
        let units_per_em = f32::from(font.units_per_em);
        let mut direct = vec![0; DIRECT_CHARS as usize];
        for (c, gid) in font.codepoint_to_glyph.range(..DIRECT_CHARS) {
            direct[*c as usize] = *gid;
        }
        let glyphs = font
            .glyph_widths
            .keys()
            .next_back()
            .map_or(0, |g| *g as usize + 1);
        let advances = (0..glyphs)
            .map(|gid| {
                let width = u16::try_from(gid)
                    .ok()
                    .and_then(|gid| font.get_glyph_width(gid));
                f32::from(width.unwrap_or(0)) / units_per_em
            })
            .collect();
        Some(Face {
            font,
            postscript_name,
            units_per_em,
            direct,
            advances,
        })
    }

    /// The glyph for `c`, if the face has one.
    pub fn glyph(&self, c: char) -> Option<u16> {
        let gid = match self.direct.get(c as usize) {
            Some(gid) => *gid,
            None => self.font.lookup_glyph_index(u32::from(c)).unwrap_or(0),
        };
        (gid != 0).then_some(gid)
    }

    /// The advance width of a glyph, in ems.
    pub fn advance(&self, gid: u16) -> f32 {
        self.advances.get(usize::from(gid)).copied().unwrap_or(0.0)
    }

    /// Ascender and descender, in ems (descender negative).
    pub fn metrics(&self) -> (f32, f32) {
        (
            f32::from(self.font.font_metrics.ascent) / self.units_per_em,
            f32::from(self.font.font_metrics.descent) / self.units_per_em,
        )
    }

    /// A font holding only `gids` (and .notdef), renumbered: the new id of each old one.
    pub fn subset(&self, gids: &BTreeSet<u16>) -> Result<Subset, String> {
        let bytes = &self.font.original_bytes;
        let data = ReadScope::new(bytes)
            .read::<FontData<'_>>()
            .map_err(|e| e.to_string())?;
        let provider = data.table_provider(0).map_err(|e| e.to_string())?;
        let ids: Vec<u16> = std::iter::once(0)
            .chain(gids.iter().copied().filter(|g| *g != 0))
            .collect();
        let program = subset(
            &provider,
            &ids,
            &SubsetProfile::Custom(SUBSET_TABLES.to_vec()),
            CmapTarget::Unicode,
        )
        .map_err(|e| e.to_string())?;
        let mut font = ParsedFont::from_bytes(&program, 0, &mut Vec::new())
            .ok_or_else(|| "the subset font does not parse".to_string())?;
        // The subset tag (ISO 32000-1, 9.6.4) comes from the glyphs kept, so the same
        // text always gives the same name.
        let mut hash = Md5::new();
        hash.update(self.postscript_name.as_bytes());
        for id in &ids {
            hash.update(id.to_be_bytes());
        }
        let tag: String = hash
            .finalize()
            .iter()
            .take(6)
            .map(|b| char::from(b'A' + b % 26))
            .collect();
        font.font_name = Some(format!("{tag}+{}", self.postscript_name));
        let map = ids
            .iter()
            .enumerate()
            .filter_map(|(new, old)| Some((*old, u16::try_from(new).ok()?)))
            .collect();
        Ok(Subset { font, map })
    }
}

/// A subset font and how glyph ids were renumbered.
#[derive(Debug)]
pub struct Subset {
    pub font: ParsedFont,
    pub map: BTreeMap<u16, u16>,
}

fn postscript_name(bytes: &[u8]) -> Option<String> {
    let data = ReadScope::new(bytes).read::<FontData<'_>>().ok()?;
    let provider = data.table_provider(0).ok()?;
    let table = provider.read_table_data(tag::NAME).ok()?;
    let name = ReadScope::new(&table).read::<NameTable<'_>>().ok()?;
    let text = name.string_for_id(NameTable::POSTSCRIPT_NAME)?;
    // A PDF name: printable ASCII without delimiters or spaces.
    let clean: String = text
        .chars()
        .filter(|c| c.is_ascii_graphic() && !"()<>[]{}/%#".contains(*c))
        .collect();
    (!clean.is_empty()).then_some(clean)
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
            bundled: true,
            cache: Arc::default(),
        })
    }

    /// The bundled family with the faces `files` gives replaced by those fonts.
    pub fn load(files: &FontFiles) -> Result<Fonts> {
        let mut fonts = Fonts::bundled()?;
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
            fonts.bundled = false;
            fonts.cache = Arc::default();
        }
        Ok(fonts)
    }

    pub fn face(&self, slot: usize) -> &Face {
        &self.faces[slot.min(3)]
    }

    /// The face slot and glyph that draw `c` in `style`: that face, else the regular one.
    pub fn resolve(&self, style: Style, c: char) -> Option<(usize, u16)> {
        [style.index(), Style::Regular.index()]
            .into_iter()
            .find_map(|slot| self.faces[slot].glyph(c).map(|gid| (slot, gid)))
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

    #[test]
    fn subset_is_small_and_renumbered() {
        let fonts = Fonts::bundled().unwrap();
        let face = fonts.face(0);
        let gids: BTreeSet<u16> = "Hola".chars().filter_map(|c| face.glyph(c)).collect();
        let subset = face.subset(&gids).unwrap();
        assert!(subset.font.original_bytes.len() < 20_000);
        assert_eq!(subset.map.len(), gids.len() + 1);
        let name = subset.font.font_name.unwrap();
        assert!(name.ends_with("+LiberationSerif"), "{name}");
        let again = face.subset(&gids).unwrap();
        assert_eq!(again.font.original_bytes, subset.font.original_bytes);
    }
}
