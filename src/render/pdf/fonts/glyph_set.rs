//! A set of glyph ids of one face, as a bit per glyph: what a letter draws in a face is
//! gathered glyph by glyph (thousands per letter), widened to a standard set and used
//! as the key of the subset cache, and a bitmap does each of these in a few word
//! operations where an ordered set allocated and compared node by node.

/// Glyph ids of one face, in ascending order when iterated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct GlyphSet {
    /// Bit `g % 64` of word `g / 64` is set when glyph `g` is in the set; no trailing
    /// zero words, so that equal sets are equal vectors.
    words: Vec<u64>,
}

impl GlyphSet {
    pub fn new() -> GlyphSet {
        GlyphSet::default()
    }

    pub fn insert(&mut self, gid: u16) {
        let word = usize::from(gid / 64);
        if self.words.len() <= word {
            self.words.resize(word + 1, 0);
        }
        self.words[word] |= 1 << (gid % 64);
    }

    pub fn contains(&self, gid: u16) -> bool {
        self.words
            .get(usize::from(gid / 64))
            .is_some_and(|word| word & (1 << (gid % 64)) != 0)
    }

    /// Adds every glyph of `other`.
    pub fn extend(&mut self, other: &GlyphSet) {
        if self.words.len() < other.words.len() {
            self.words.resize(other.words.len(), 0);
        }
        for (mine, theirs) in self.words.iter_mut().zip(&other.words) {
            *mine |= theirs;
        }
    }

    pub fn len(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|w| *w == 0)
    }

    /// The glyph ids, ascending.
    pub fn iter(&self) -> impl Iterator<Item = u16> + '_ {
        self.words.iter().enumerate().flat_map(|(i, word)| {
            let mut bits = *word;
            std::iter::from_fn(move || {
                if bits == 0 {
                    return None;
                }
                let bit = bits.trailing_zeros();
                bits &= bits - 1;
                // A set only holds u16 ids, so this never truncates.
                Some((i * 64 + bit as usize) as u16)
            })
        })
    }
}

impl FromIterator<u16> for GlyphSet {
    fn from_iter<I: IntoIterator<Item = u16>>(iter: I) -> GlyphSet {
        let mut set = GlyphSet::new();
        for gid in iter {
            set.insert(gid);
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_ids_in_order_and_compares_by_content() {
        let ids = [65535, 0, 3, 64, 63, 3, 1000];
        let set: GlyphSet = ids.into_iter().collect();
        assert_eq!(set.iter().collect::<Vec<_>>(), [0, 3, 63, 64, 1000, 65535]);
        assert_eq!(set.len(), 6);
        assert!(set.contains(64) && !set.contains(65));
        let mut small: GlyphSet = [3, 0].into_iter().collect();
        assert_ne!(small, set);
        small.extend(&set);
        assert_eq!(small, set);
        assert!(GlyphSet::new().is_empty());
    }
}
