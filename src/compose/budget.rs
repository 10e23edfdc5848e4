//! What rendering one letter may use: its Markdown may grow to `MAX_OUTPUT_BYTES`, and
//! the blocks of `{{#each}}` may be repeated for `MAX_LOOP_STEPS` steps. Rendering stops
//! as soon as either is passed, so no data can make a template take long or fill memory.
//! (The limits on the template itself are `bounds.rs`.)
//!
//! The steps left belong to the letter being rendered on the current thread: Handlebars
//! calls `{{#each}}` (`each.rs`) in the middle of rendering, on the same thread, with no
//! way to hand it anything of ours.

use std::cell::Cell;

use handlebars::template::Template;
use handlebars::{Context, Handlebars, Output, RenderContext, RenderError, Renderable};

/// The most Markdown one letter's body may render to, some 300 pages: a bundled letter
/// is about 2 KiB, one with the largest own words a signers cell may hold (64 KiB) under
/// 70 KiB.
pub const MAX_OUTPUT_BYTES: usize = 1024 * 1024;

/// The most steps of `{{#each}}` work in one letter. Each repetition of a block costs one
/// step, and one more for every text, tag and parameter in the block (counting nested
/// blocks), so that steps follow the work. A bundled letter takes about 25; an
/// `{{#each}}` over 500 columns of fields with a line of text each, about 4,000.
pub const MAX_LOOP_STEPS: u64 = 100_000;

/// The loop steps of the letter being rendered on a thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Steps {
    /// No letter is being rendered.
    Idle,
    Left(u64),
    /// The letter asked for more than it had.
    Exhausted,
}

thread_local! {
    static STEPS: Cell<Steps> = const { Cell::new(Steps::Idle) };
}

/// Takes `steps` from the letter being rendered on this thread; false when it has not
/// that many left (or no letter is being rendered).
pub fn take_steps(steps: u64) -> bool {
    STEPS.with(|cell| match cell.get() {
        Steps::Left(left) if left >= steps => {
            cell.set(Steps::Left(left - steps));
            true
        }
        Steps::Left(_) => {
            cell.set(Steps::Exhausted);
            false
        }
        Steps::Idle | Steps::Exhausted => false,
    })
}

/// The steps of one letter, given back when the letter is done (or panics).
struct Letter;

impl Letter {
    fn start() -> Letter {
        STEPS.with(|cell| cell.set(Steps::Left(MAX_LOOP_STEPS)));
        Letter
    }

    fn exhausted(&self) -> bool {
        STEPS.with(|cell| cell.get() == Steps::Exhausted)
    }
}

impl Drop for Letter {
    fn drop(&mut self) {
        STEPS.with(|cell| cell.set(Steps::Idle));
    }
}

/// Rendered Markdown that refuses to grow past `MAX_OUTPUT_BYTES`.
#[derive(Default)]
struct Capped {
    text: String,
    overflowed: bool,
}

impl Output for Capped {
    fn write(&mut self, seg: &str) -> std::io::Result<()> {
        if self.text.len() + seg.len() > MAX_OUTPUT_BYTES {
            self.overflowed = true;
            return Err(std::io::Error::other("the letter is too long"));
        }
        self.text.push_str(seg);
        Ok(())
    }
}

/// Which limit a letter passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overrun {
    Output,
    Loops,
}

impl Overrun {
    /// What to tell the user, after the location.
    pub fn message(self) -> String {
        match self {
            Overrun::Output => format!(
                "the letter grows past {} MiB here, the most one letter may hold: look for an `{{{{#each}}}}` that repeats more than meant, or a long value printed many times",
                MAX_OUTPUT_BYTES / (1024 * 1024)
            ),
            Overrun::Loops => format!(
                "the `{{{{#each}}}}` here repeats its block too often for this letter (more than {} steps, one for every text, tag and parameter each time a block repeats): nest fewer `{{{{#each}}}}` blocks or loop over less data",
                thousands(MAX_LOOP_STEPS)
            ),
        }
    }
}

/// `100000` as `100,000`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Why a letter could not be rendered.
#[derive(Debug)]
pub struct Failure {
    pub error: RenderError,
    /// The limit passed, if that is why.
    pub overrun: Option<Overrun>,
}

/// Renders a compiled body of `registry` with `context`, within the limits.
pub fn render(
    registry: &Handlebars<'_>,
    template: &Template,
    context: &Context,
) -> Result<String, Failure> {
    let letter = Letter::start();
    let mut out = Capped::default();
    let mut rc = RenderContext::new(template.name.as_ref());
    match template.render(registry, context, &mut rc, &mut out) {
        Ok(()) => Ok(out.text),
        Err(error) => {
            let overrun = if out.overflowed {
                Some(Overrun::Output)
            } else if letter.exhausted() {
                Some(Overrun::Loops)
            } else {
                None
            };
            Err(Failure { error, overrun })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(100_000), "100,000");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(999), "999");
    }

    #[test]
    fn output_stops_at_the_limit() {
        let mut out = Capped::default();
        assert!(out.write(&"x".repeat(MAX_OUTPUT_BYTES)).is_ok());
        assert!(out.write("y").is_err());
        assert!(out.overflowed);
        assert_eq!(out.text.len(), MAX_OUTPUT_BYTES);
    }

    #[test]
    fn steps_belong_to_the_letter_being_rendered() {
        assert!(!take_steps(1), "no letter: no steps");
        let letter = Letter::start();
        assert!(take_steps(MAX_LOOP_STEPS));
        assert!(!letter.exhausted());
        assert!(!take_steps(1));
        assert!(letter.exhausted());
        drop(letter);
        assert!(!take_steps(1));
    }
}
