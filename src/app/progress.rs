//! What a batch shows while it runs: warnings (escaped) on stderr, and on a terminal a
//! progress bar with the share of the signers file read, the letters written, their
//! rate, and the time left (a spinner when reading standard input, whose end is unknown).

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use crate::batch::Observer;
use crate::load::signers::ReadProgress;
use crate::messages;
use crate::text::control_chars::escape;

use super::Diagnostics;

/// Warnings and progress on stderr; a bar only on a terminal.
pub struct Progress {
    diagnostics: Diagnostics,
    bar: Option<ProgressBar>,
    read: ReadProgress,
    letters: AtomicU64,
    rows: AtomicU64,
    lock: Mutex<()>,
}

impl Progress {
    /// Progress over a signers file read as `read` says.
    pub fn new(diagnostics: Diagnostics, read: ReadProgress) -> Progress {
        let shown = std::io::stderr().is_terminal() && !diagnostics.quiet;
        let bar = shown.then(|| {
            let (bar, template) = match read.total {
                Some(total) => (
                    ProgressBar::new(total),
                    "{wide_bar} {percent:>3}%  {msg}  {elapsed} (ETA {eta})",
                ),
                None => (ProgressBar::new_spinner(), "{spinner} {msg}  {elapsed}"),
            };
            bar.set_style(
                ProgressStyle::with_template(template)
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Progress {
            diagnostics,
            bar,
            read,
            letters: AtomicU64::new(0),
            rows: AtomicU64::new(0),
            lock: Mutex::new(()),
        }
    }

    /// Where the bar stands once `rows_done` rows are written: the bytes read so far,
    /// in the share of the rows read that are done (reading runs ahead of writing; at
    /// the end of the file the rows read are all there are, and the share is exact).
    fn position(&self, rows_done: u64) -> u64 {
        if self.read.in_rows {
            return rows_done;
        }
        let read = self.read.read.load(Ordering::Relaxed);
        match self.read.rows.load(Ordering::Relaxed) {
            0 => read,
            rows_read => {
                let share = rows_done.min(rows_read) as f64 / rows_read as f64;
                (read as f64 * share) as u64
            }
        }
    }

    /// Takes the bar off the screen.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Observer for Progress {
    fn warn(&self, message: &str) {
        let _guard = self.lock.lock();
        match &self.bar {
            Some(bar) => {
                let label = messages::text(self.diagnostics.language.code(), "warning-label");
                bar.println(format!("{label}: {}", escape(message)));
            }
            None => self.diagnostics.warn(message),
        }
    }

    fn letters_done(&self, letters: usize, rows: usize) {
        let letters = self.letters.fetch_add(letters as u64, Ordering::Relaxed) + letters as u64;
        let rows = self.rows.fetch_add(rows as u64, Ordering::Relaxed) + rows as u64;
        if let Some(bar) = &self.bar {
            bar.set_position(self.position(rows));
            let per_second = letters as f64 / bar.elapsed().as_secs_f64().max(0.001);
            let rate = format!("{per_second:.0}");
            bar.set_message(messages::format_counts(
                self.diagnostics.language.code(),
                "progress-letters",
                &[("rate", &rate)],
                &[("count", letters)],
            ));
        }
    }
}
