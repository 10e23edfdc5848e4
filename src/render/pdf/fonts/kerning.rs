//! A face's kerning, applied by allsorts: the GPOS `kern` feature (pair and class
//! kerning, as OpenType fonts carry it), or the legacy `kern` table of an older
//! TrueType font. Only positioning is applied, never substitution, so each character
//! keeps its own glyph and copies out as itself.

use std::sync::Arc;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::gpos::{self, Info};
use allsorts::gsub::{FeatureMask, GlyphOrigin, RawGlyph, RawGlyphFlags};
use allsorts::layout::{new_layout_cache, GDEFTable, LayoutCache, LayoutTable, GPOS};
use allsorts::tables::kern::{self, KernTable};
use allsorts::tables::FontTableProvider;
use allsorts::tag;
use allsorts::tinyvec::tiny_vec;

use super::face::thousandths;

/// What a face kerns with.
pub struct Kerning {
    gpos: Option<LayoutCache<GPOS>>,
    gdef: Option<Arc<GDEFTable>>,
    /// The legacy table, when there is no GPOS.
    kern: Option<kern::owned::KernTable>,
    units_per_em: f32,
}

impl std::fmt::Debug for Kerning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kerning")
            .field("gpos", &self.gpos.is_some())
            .field("kern", &self.kern.is_some())
            .finish()
    }
}

impl Kerning {
    /// The kerning of the font in `bytes`, if it has a GPOS or a `kern` table that
    /// reads (a table that does not read means no kerning, not a broken font).
    pub fn read(bytes: &[u8], units_per_em: f32) -> Option<Kerning> {
        let data = ReadScope::new(bytes).read::<FontData<'_>>().ok()?;
        let provider = data.table_provider(0).ok()?;
        let table = |tag| provider.table_data(tag).ok().flatten();
        let gpos = table(tag::GPOS).and_then(|data| {
            let layout = ReadScope::new(&data).read::<LayoutTable<GPOS>>().ok()?;
            Some(new_layout_cache::<GPOS>(layout))
        });
        let gdef = table(tag::GDEF)
            .and_then(|data| ReadScope::new(&data).read::<GDEFTable>().ok())
            .map(Arc::new);
        let kern = match gpos {
            Some(_) => None,
            None => table(tag::KERN).and_then(|data| {
                ReadScope::new(&data)
                    .read::<KernTable<'_>>()
                    .ok()
                    .map(|k| k.to_owned())
            }),
        };
        (gpos.is_some() || kern.is_some()).then_some(Kerning {
            gpos,
            gdef,
            kern,
            units_per_em,
        })
    }

    /// The kerning after each glyph of a word, in thousandths of an em.
    pub fn word(&self, gids: &[u16]) -> Vec<i32> {
        let glyphs = gids
            .iter()
            .map(|gid| RawGlyph {
                unicodes: tiny_vec![],
                glyph_index: *gid,
                liga_component_pos: 0,
                glyph_origin: GlyphOrigin::Direct,
                flags: RawGlyphFlags::empty(),
                variation: None,
                extra_data: (),
            })
            .collect();
        let mut infos = Info::init_from_glyphs(self.gdef.as_deref(), glyphs);
        let applied = match (&self.gpos, &self.kern) {
            (Some(gpos), _) => gpos::apply(
                gpos,
                self.gdef.as_deref(),
                None,
                true,
                FeatureMask::empty(),
                &[],
                None,
                tag::LATN,
                None,
                &mut infos,
            ),
            (None, Some(kern)) => {
                gpos::apply_fallback(Some(kern.as_borrowed()), tag::LATN, &mut infos)
            }
            (None, None) => Ok(()),
        };
        if applied.is_err() {
            // A lookup that does not read kerns nothing.
            return vec![0; gids.len()];
        }
        infos
            .iter()
            .map(|info| thousandths(info.kerning, self.units_per_em))
            .collect()
    }
}
