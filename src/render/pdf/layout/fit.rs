//! Fitting a letter on fewer pages. A letter that spills onto another page by a little
//! (its last paragraph, the closing and the signature) is set again with less vertical
//! space, in this order and within these bounds (see `style`): the gaps around the
//! recipient block, the subject, the salutation and the closing down to half; then the
//! space between paragraphs down to 3 points; then the leading down to 1.15 times the
//! body size. Line breaks do not depend on any of them, so only pagination runs again:
//! the least tightening that saves the page is kept, and none when even the most would
//! not save it. The type is never made smaller.

use super::style::{LEADING, TIGHTEST_BLOCK, TIGHTEST_LEADING, TIGHTEST_PARAGRAPH};

/// The vertical space a letter is set with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spacing {
    /// What the gaps around the recipient block, subject, salutation and closing are
    /// multiplied by.
    pub block: f32,
    /// What the space between paragraphs is multiplied by.
    pub paragraph: f32,
    /// The body's leading.
    pub leading: f32,
}

impl Spacing {
    /// The letter's own spacing.
    pub const NATURAL: Spacing = Spacing {
        block: 1.0,
        paragraph: 1.0,
        leading: LEADING,
    };

    /// The most tightening allowed.
    pub const TIGHTEST: f32 = 3.0;

    /// Spacing tightened by `t`, from 0 (natural) to [`Spacing::TIGHTEST`]: the block
    /// gaps over the first unit, the paragraph space over the second, the leading over
    /// the third.
    pub fn tightened(t: f32) -> Spacing {
        let step = |from: f32, to: f32, part: f32| from + (to - from) * part.clamp(0.0, 1.0);
        Spacing {
            block: step(1.0, TIGHTEST_BLOCK, t),
            paragraph: step(1.0, TIGHTEST_PARAGRAPH, t - 1.0),
            leading: step(LEADING, TIGHTEST_LEADING, t - 2.0),
        }
    }
}

/// The least tightening with which `pages` (the page count a spacing gives) is fewer
/// than at the natural spacing, if there is one: the count of pages found by halving
/// the range of tightening a dozen times.
pub fn least_tightening(pages: &mut dyn FnMut(&Spacing) -> usize) -> Option<Spacing> {
    let natural = pages(&Spacing::NATURAL);
    if natural <= 1 {
        return None;
    }
    let target = natural - 1;
    let tightest = Spacing::tightened(Spacing::TIGHTEST);
    if pages(&tightest) > target {
        return None;
    }
    let (mut low, mut high) = (0.0f32, Spacing::TIGHTEST);
    for _ in 0..12 {
        let middle = (low + high) / 2.0;
        if pages(&Spacing::tightened(middle)) <= target {
            high = middle;
        } else {
            low = middle;
        }
    }
    Some(Spacing::tightened(high))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tightening_goes_gaps_then_paragraphs_then_leading() {
        let half = Spacing::tightened(0.5);
        assert!(half.block < 1.0 && half.paragraph == 1.0 && half.leading == LEADING);
        let more = Spacing::tightened(1.5);
        assert!(more.block == TIGHTEST_BLOCK && more.paragraph < 1.0);
        assert_eq!(more.leading, LEADING);
        let most = Spacing::tightened(Spacing::TIGHTEST);
        assert_eq!(most.leading, TIGHTEST_LEADING);
    }

    #[test]
    fn the_least_tightening_that_saves_a_page_is_found() {
        // A letter that needs 2 pages unless its leading is below 13.5.
        let mut count = |s: &Spacing| if s.leading < 13.5 { 1 } else { 2 };
        let found = least_tightening(&mut count).unwrap();
        assert!(found.leading < 13.5 && found.leading > 13.4, "{found:?}");
        let mut never = |_: &Spacing| 3;
        assert_eq!(least_tightening(&mut never), None);
        let mut one = |_: &Spacing| 1;
        assert_eq!(least_tightening(&mut one), None);
    }
}
