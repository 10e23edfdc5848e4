//! Shaping: which glyph draws each character of a run of text, and where it goes,
//! kerned with the font's own pairs. Layout measures with it and writing places glyphs
//! with it, so both agree to the thousandth of an em.
//!
//! Positions are whole thousandths of an em (the unit of a PDF's /W widths): advances
//! are rounded to it once, in [`super::Face`], and so are kerning values, so the writer
//! tracks the pen exactly and writes a number in a TJ array only where a kern is.
//! Kerning applies inside a word of one face (white space and a change of face end
//! it), the way a word processor kerns: the font's GPOS `kern` feature through allsorts,
//! or its legacy `kern` table.

use std::cell::RefCell;
use std::collections::HashMap;

use super::{Fonts, Style};

/// A glyph of a shaped run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyph {
    /// The glyph id in its face.
    pub gid: u16,
    /// The character it draws (what copying the text gives back).
    pub c: char,
    /// Where it starts, in thousandths of an em from the run's start.
    pub at: i32,
}

/// Glyphs of one face, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct GlyphRun {
    /// The face slot.
    pub slot: usize,
    /// Where the run starts, in thousandths of an em from the text's start.
    pub at: i32,
    pub glyphs: Vec<Glyph>,
}

/// The glyph that draws `c` in `style`: white space no face has is drawn as a space.
fn resolve(fonts: &Fonts, style: Style, c: char) -> Option<(usize, u16)> {
    fonts.resolve(style, c).or_else(|| {
        c.is_whitespace()
            .then(|| fonts.resolve(style, ' '))
            .flatten()
    })
}

/// `text` in `style` as runs of glyphs by face, kerned. Characters no face draws are
/// left out (layout has refused the letter before writing ever sees one). A batch sets
/// most lines alike in every letter: shaped lines are kept per thread (see
/// [`SHAPED`]).
pub fn shape(fonts: &Fonts, style: Style, text: &str) -> Vec<GlyphRun> {
    let faces = faces_key(fonts, style);
    let hit = SHAPED.with(|cell| {
        let cell = cell.borrow();
        cell.get(&faces).and_then(|lines| lines.get(text).cloned())
    });
    if let Some(runs) = hit {
        return runs;
    }
    let runs = shape_text(fonts, style, text);
    SHAPED.with(|cell| {
        let mut cell = cell.borrow_mut();
        let lines = cell.entry(faces).or_default();
        if lines.len() >= CACHED_LINES {
            lines.clear();
        }
        lines.insert(text.into(), runs.clone());
    });
    runs
}

/// Lines a thread keeps shaped: several letters' worth.
const CACHED_LINES: usize = 4096;

/// Lines shaped so far on this thread, by the faces that set them. Each entry is a
/// pure function of its key, so what is cached changes no output.
type ShapeCache = HashMap<
    u64,
    HashMap<Box<str>, Vec<GlyphRun>, rustc_hash::FxBuildHasher>,
    rustc_hash::FxBuildHasher,
>;

thread_local! {
    static SHAPED: RefCell<ShapeCache> = RefCell::new(ShapeCache::default());
}

/// The faces that set `style`, as one key: its own and the regular one it falls back
/// to.
fn faces_key(fonts: &Fonts, style: Style) -> u64 {
    u64::from(fonts.face(fonts.slots[style.index()]).id()) << 32
        | u64::from(fonts.face(Style::Regular.index()).id())
}

/// [`shape`], without the cache.
fn shape_text(fonts: &Fonts, style: Style, text: &str) -> Vec<GlyphRun> {
    let mut runs: Vec<GlyphRun> = Vec::new();
    let mut at = 0i32;
    let mut word = Word::default();
    for c in text.chars() {
        let Some((slot, gid)) = resolve(fonts, style, c) else {
            continue;
        };
        let space = c.is_whitespace();
        if runs.last().is_none_or(|run| run.slot != slot) {
            word.end(fonts, &mut runs, &mut at);
            runs.push(GlyphRun {
                slot,
                at,
                glyphs: Vec::new(),
            });
        }
        let Some(run) = runs.last_mut() else {
            continue;
        };
        if space {
            word.end_in(fonts, run, &mut at);
            run.glyphs.push(Glyph {
                gid,
                c,
                at: at - run.at,
            });
            at += fonts.face(slot).advance_units(gid);
        } else {
            word.push(run, gid, c);
        }
    }
    word.end(fonts, &mut runs, &mut at);
    runs
}

/// Calls `f` with the face slot and glyph of each character of `text` in `style` that
/// some face draws, as [`shape`] resolves them (kerning moves glyphs, never changes
/// them, so this is all subsetting needs).
pub fn each_glyph(fonts: &Fonts, style: Style, text: &str, mut f: impl FnMut(usize, u16)) {
    for c in text.chars() {
        if let Some((slot, gid)) = resolve(fonts, style, c) {
            f(slot, gid);
        }
    }
}

/// The width of `text` in `style` at `size` points, kerned as [`shape`] sets it;
/// `missing` is told of each character no face can draw.
pub fn width(
    fonts: &Fonts,
    style: Style,
    size: f32,
    text: &str,
    missing: &mut dyn FnMut(char),
) -> f32 {
    let faces = faces_key(fonts, style);
    let cached = WIDTHS.with(|cell| {
        let cell = cell.borrow();
        cell.get(&faces).and_then(|words| words.get(text).copied())
    });
    let units = match cached {
        Some(units) => units,
        None => {
            let mut complete = true;
            let units = measure(fonts, style, text, &mut |c| {
                complete = false;
                missing(c);
            });
            if complete && text.len() <= MEASURED_TEXT {
                WIDTHS.with(|cell| {
                    let mut cell = cell.borrow_mut();
                    let words = cell.entry(faces).or_default();
                    if words.len() >= CACHED_WORDS {
                        words.clear();
                    }
                    words.insert(text.into(), units);
                });
            }
            units
        }
    };
    units as f32 * size / 1000.0
}

/// Texts longer than this (whole lines, not words) are measured and not kept.
const MEASURED_TEXT: usize = 48;

/// Widths of words measured so far on this thread, in thousandths of an em, by the
/// faces that set them: line breaking measures the same words in every letter of a
/// batch. Each entry is a pure function of its key, so what is cached changes no output.
type WidthCache =
    HashMap<u64, HashMap<Box<str>, i32, rustc_hash::FxBuildHasher>, rustc_hash::FxBuildHasher>;

thread_local! {
    static WIDTHS: RefCell<WidthCache> = RefCell::new(WidthCache::default());
}

/// The width of `text` in `style`, kerned, in thousandths of an em.
fn measure(fonts: &Fonts, style: Style, text: &str, missing: &mut dyn FnMut(char)) -> i32 {
    let mut units = 0i32;
    let mut word: Vec<u16> = Vec::new();
    let mut word_slot = usize::MAX;
    let flush = |word: &mut Vec<u16>, slot: usize, units: &mut i32| {
        if word.len() > 1 {
            *units += kerning_total(fonts, slot, word);
        }
        word.clear();
    };
    for c in text.chars() {
        let Some((slot, gid)) = resolve(fonts, style, c) else {
            missing(c);
            continue;
        };
        let face = fonts.face(slot);
        units += face.advance_units(gid);
        if c.is_whitespace() || slot != word_slot {
            flush(&mut word, word_slot, &mut units);
            word_slot = slot;
        }
        if !c.is_whitespace() {
            word.push(gid);
        }
    }
    flush(&mut word, word_slot, &mut units);
    units
}

/// A word being read: the glyphs of the current run from `start` on, and a buffer for
/// their ids.
#[derive(Default)]
struct Word {
    start: Option<usize>,
    gids: Vec<u16>,
}

impl Word {
    fn push(&mut self, run: &mut GlyphRun, gid: u16, c: char) {
        self.start.get_or_insert(run.glyphs.len());
        // Positions are set when the word ends, once its kerning is known.
        run.glyphs.push(Glyph { gid, c, at: 0 });
    }

    /// Ends the word in the last of `runs`.
    fn end(&mut self, fonts: &Fonts, runs: &mut [GlyphRun], at: &mut i32) {
        if let Some(run) = runs.last_mut() {
            self.end_in(fonts, run, at);
        }
    }

    /// Places the word's glyphs in `run` from `at` on, kerned, and moves `at` past it.
    fn end_in(&mut self, fonts: &Fonts, run: &mut GlyphRun, at: &mut i32) {
        let Some(start) = self.start.take() else {
            return;
        };
        let face = fonts.face(run.slot);
        let origin = run.at;
        let glyphs = &mut run.glyphs[start..];
        self.gids.clear();
        self.gids.extend(glyphs.iter().map(|g| g.gid));
        let mut place = |kerns: &[i32]| {
            for (i, glyph) in glyphs.iter_mut().enumerate() {
                glyph.at = *at - origin;
                *at += face.advance_units(glyph.gid) + kerns.get(i).copied().unwrap_or(0);
            }
        };
        if self.gids.len() > 1 {
            with_kerns(fonts, run.slot, &self.gids, place);
        } else {
            place(&[]);
        }
    }
}

/// The sum of a word's kerning, in thousandths of an em.
fn kerning_total(fonts: &Fonts, slot: usize, gids: &[u16]) -> i32 {
    with_kerns(fonts, slot, gids, |kerns| kerns.iter().sum())
}

/// Words kerned so far on this thread, by face and glyphs: a batch sets the same
/// words in every letter, and a thread-local map costs no lock. Each entry is a pure
/// function of its key, so what is cached changes no output. Keys are hashed with
/// rustc-hash's fast hash: they are a few glyph ids, and no one chooses them to collide.
type KernCache = HashMap<Vec<u16>, Box<[i32]>, rustc_hash::FxBuildHasher>;

/// Words a thread keeps: some hundreds of letters' worth of different words.
const CACHED_WORDS: usize = 1 << 16;

thread_local! {
    static KERNS: RefCell<(KernCache, Vec<u16>)> = RefCell::new((KernCache::default(), Vec::new()));
}

/// Calls `f` with the kerning of a word (from the cache, or from the font; empty when
/// the face does not kern).
fn with_kerns<T>(fonts: &Fonts, slot: usize, gids: &[u16], f: impl FnOnce(&[i32]) -> T) -> T {
    let face = fonts.face(slot);
    if !face.kerns() {
        return f(&[]);
    }
    KERNS.with(|cell| {
        let mut cell = cell.borrow_mut();
        let (cache, key) = &mut *cell;
        key.clear();
        let id = face.id();
        key.extend([(id >> 16) as u16, id as u16]);
        key.extend_from_slice(gids);
        if let Some(kerns) = cache.get(key.as_slice()) {
            return f(kerns);
        }
        let kerns = face.kern_word(gids).into_boxed_slice();
        let result = f(&kerns);
        if cache.len() >= CACHED_WORDS {
            cache.clear();
        }
        cache.insert(key.clone(), kerns);
        result
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_the_font_kerns_come_closer() {
        let fonts = Fonts::bundled().unwrap();
        let runs = shape(&fonts, Style::Regular, "AVATAR");
        assert_eq!(runs.len(), 1);
        let face = fonts.face(0);
        let plain: i32 = runs[0]
            .glyphs
            .iter()
            .map(|g| face.advance_units(g.gid))
            .sum();
        let last = runs[0].glyphs.last().unwrap();
        let kerned = last.at + face.advance_units(last.gid);
        assert!(kerned < plain - 100, "{kerned} vs {plain}");
        let measured = width(&fonts, Style::Regular, 10.0, "AVATAR", &mut |_| {});
        assert!((measured - kerned as f32 / 100.0).abs() < 1e-4);
    }

    #[test]
    fn spaces_and_faces_end_a_word() {
        let fonts = Fonts::bundled().unwrap();
        let together = width(&fonts, Style::Regular, 10.0, "AV", &mut |_| {});
        let apart = width(&fonts, Style::Regular, 10.0, "A V", &mut |_| {})
            - width(&fonts, Style::Regular, 10.0, " ", &mut |_| {});
        let plain = width(&fonts, Style::Regular, 10.0, "A", &mut |_| {})
            + width(&fonts, Style::Regular, 10.0, "V", &mut |_| {});
        assert!(together < plain);
        assert!((apart - plain).abs() < 1e-4);
        let runs = shape(&fonts, Style::Regular, "To ¿qué?");
        let text: String = runs
            .iter()
            .flat_map(|r| r.glyphs.iter().map(|g| g.c))
            .collect();
        assert_eq!(text, "To ¿qué?");
    }

    #[test]
    fn the_same_word_kerns_alike_from_the_cache() {
        let fonts = Fonts::bundled().unwrap();
        let first = shape(&fonts, Style::Bold, "Tráfico Yo");
        let again = shape(&fonts, Style::Bold, "Tráfico Yo");
        assert_eq!(first, again);
    }
}
