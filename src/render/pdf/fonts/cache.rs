//! The run's cache of embedded subsets: each face subset to a glyph set, as the PDF
//! objects that embed it, by (face slot, glyph set), shared by every thread. It keeps
//! the sets used most recently and lets the oldest go when full, so that a long batch
//! whose letters drift to other glyph sets (names with rarer letters) keeps hitting
//! instead of making every subset anew once the cache has filled. Entries are pure
//! functions of their keys, so a hit gives exactly the bytes a miss would have made,
//! whatever the order letters are rendered in.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::render::pdf::write::Embedded;

use super::GlyphSet;

/// A face slot and the glyphs a subset keeps.
pub type SubsetKey = (usize, GlyphSet);

/// Subsets kept at most. A batch uses a handful of glyph sets (see
/// `Fonts::canonical`) plus one per rare combination of letters; each entry is a
/// compressed font program of some 10–30 KB, so this bounds memory to a few MB.
const ENTRIES: usize = 128;

#[derive(Debug, Default)]
pub struct Cache {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    /// Each subset with when it was last used.
    entries: HashMap<SubsetKey, (Arc<Embedded>, u64)>,
    /// Counts uses: the stamp the next use gets.
    clock: u64,
}

impl Cache {
    /// The subset under `key`, if kept; it becomes the most recently used.
    pub fn get(&self, key: &SubsetKey) -> Option<Arc<Embedded>> {
        let mut inner = lock(&self.inner);
        let stamp = inner.tick();
        let (embedded, used) = inner.entries.get_mut(key)?;
        *used = stamp;
        Some(Arc::clone(embedded))
    }

    /// Keeps `embedded` under `key`, letting the least recently used subset go when
    /// the cache is full.
    pub fn insert(&self, key: SubsetKey, embedded: Arc<Embedded>) {
        let mut inner = lock(&self.inner);
        let stamp = inner.tick();
        if inner.entries.len() >= ENTRIES && !inner.entries.contains_key(&key) {
            let oldest = inner
                .entries
                .iter()
                .min_by_key(|(_, (_, used))| *used)
                .map(|(key, _)| key.clone());
            if let Some(oldest) = oldest {
                inner.entries.remove(&oldest);
            }
        }
        inner.entries.insert(key, (embedded, stamp));
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        lock(&self.inner).entries.len()
    }
}

impl Inner {
    fn tick(&mut self) -> u64 {
        self.clock += 1;
        self.clock
    }
}

/// The cache's map; a panic elsewhere cannot leave it half-updated, so poisoning is
/// ignored.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::pdf::fonts::Fonts;

    #[test]
    fn keeps_the_most_recently_used_subsets() {
        let fonts = Fonts::bundled().unwrap();
        let face = fonts.face(0);
        let gids: GlyphSet = "Ab".chars().filter_map(|c| face.glyph(c)).collect();
        let embedded = Arc::new(Embedded::new(&face.subset(&gids).unwrap()).unwrap());
        let cache = Cache::default();
        let key = |n: usize| (0, std::iter::once(n as u16).collect::<GlyphSet>());
        cache.insert(key(0), Arc::clone(&embedded));
        for n in 1..ENTRIES + 10 {
            cache.insert(key(n), Arc::clone(&embedded));
            // The first set is used all along: it stays.
            assert!(cache.get(&key(0)).is_some());
        }
        assert_eq!(cache.len(), ENTRIES);
        assert!(cache.get(&key(1)).is_none(), "the oldest set went");
        assert!(cache.get(&key(ENTRIES + 9)).is_some());
    }
}
