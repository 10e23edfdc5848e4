//! One font file, parsed: its character map looked up fast for the characters letters
//! use most, its advance widths in thousandths of an em for line breaking, its
//! kerning (`kerning`), its PostScript name, and subsetting with allsorts to the glyphs
//! one document draws, under a subset tag that depends only on those glyphs.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU32, Ordering};

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{subset, CmapTarget, SubsetProfile};
use allsorts::tables::{FontTableProvider, NameTable};
use allsorts::tag;
use md5::{Digest, Md5};
use printpdf::ParsedFont;

use super::glyph_set::GlyphSet;
use super::kerning::Kerning;

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
    /// Advance widths in thousandths of an em (rounded, as the PDF's /W gives them),
    /// by glyph id.
    advances: Vec<i32>,
    /// The font's pair kerning, if it has any.
    kerning: Option<Kerning>,
    /// Tells this face from every other parsed in the process (for caches).
    id: u32,
}

/// The next face's id.
static NEXT_ID: AtomicU32 = AtomicU32::new(0);

/// Characters looked up in a table rather than the font's map: Latin, Greek,
/// Cyrillic, general punctuation, currency and more.
const DIRECT_CHARS: u32 = 0x3000;

impl Face {
    /// Parses a TrueType/OpenType font; `None` if it is not one.
    pub(super) fn parse(bytes: &[u8]) -> Option<Face> {
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
                thousandths(width.unwrap_or(0), units_per_em)
            })
            .collect();
        let kerning = Kerning::read(bytes, units_per_em);
        Some(Face {
            font,
            postscript_name,
            units_per_em,
            direct,
            advances,
            kerning,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
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

    /// The advance width of a glyph, in thousandths of an em.
    pub fn advance_units(&self, gid: u16) -> i32 {
        self.advances.get(usize::from(gid)).copied().unwrap_or(0)
    }

    /// Whether the face kerns at all.
    pub fn kerns(&self) -> bool {
        self.kerning.is_some()
    }

    /// The kerning after each glyph of a word, in thousandths of an em.
    pub fn kern_word(&self, gids: &[u16]) -> Vec<i32> {
        match &self.kerning {
            Some(kerning) => kerning.word(gids),
            None => vec![0; gids.len()],
        }
    }

    /// This face's id in the process.
    pub fn id(&self) -> u32 {
        self.id
    }

    /// Ascender and descender, in ems (descender negative).
    pub fn metrics(&self) -> (f32, f32) {
        (
            f32::from(self.font.font_metrics.ascent) / self.units_per_em,
            f32::from(self.font.font_metrics.descent) / self.units_per_em,
        )
    }

    /// A font holding only `gids` (and .notdef), renumbered: the new id of each old one.
    pub fn subset(&self, gids: &GlyphSet) -> Result<Subset, String> {
        let bytes = &self.font.original_bytes;
        let data = ReadScope::new(bytes)
            .read::<FontData<'_>>()
            .map_err(|e| e.to_string())?;
        let provider = data.table_provider(0).map_err(|e| e.to_string())?;
        let ids: Vec<u16> = std::iter::once(0)
            .chain(gids.iter().filter(|g| *g != 0))
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

/// `value` font units in thousandths of an em, rounded (the unit of /W widths).
pub fn thousandths(value: impl Into<f32>, units_per_em: f32) -> i32 {
    (value.into() * 1000.0 / units_per_em).round() as i32
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

#[cfg(test)]
mod tests {
    use crate::render::pdf::fonts::{Fonts, GlyphSet};

    #[test]
    fn subset_is_small_and_renumbered() {
        let fonts = Fonts::bundled().unwrap();
        let face = fonts.face(0);
        let gids: GlyphSet = "Hola".chars().filter_map(|c| face.glyph(c)).collect();
        let subset = face.subset(&gids).unwrap();
        assert!(subset.font.original_bytes.len() < 20_000);
        assert_eq!(subset.map.len(), gids.len() + 1);
        let name = subset.font.font_name.unwrap();
        assert!(name.ends_with("+LiberationSerif"), "{name}");
        let again = face.subset(&gids).unwrap();
        assert_eq!(again.font.original_bytes, subset.font.original_bytes);
    }
}
