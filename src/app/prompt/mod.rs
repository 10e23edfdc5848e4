//! The guided flow of `letters draft` on a terminal: asks (with dialoguer) only for what
//! the flags and settings leave open, fills the same raw request the flags fill, checks
//! it through the one conversion, previews the letter, writes it, and prints the command
//! that makes it again (from the checked request, so it says everything; also when
//! writing fails after every answer). Esc goes back one step (at the first, it cancels);
//! Ctrl-C at any step writes nothing and exits with code 130.

mod filter;
mod line;
mod questions;
mod remember;
mod replay;
mod signer;
mod steps;
pub(super) mod ui;
mod yes_no;

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::PathBuf;

use chrono::NaiveDate;
use dialoguer::console::Term;
use dialoguer::theme::ColorfulTheme;

use crate::cli::DraftArgs;
use crate::draft::{self, RawRequest};
use crate::error::{Error, IoAction, Result};
use crate::exit::Exit;
use crate::load::DataSet;
use crate::render;

use super::{inputs, letters, output, Diagnostics};
use ui::Ui;

/// The language of the warnings of a `draft` that asks nothing: the one `--ui-lang` or
/// `LETTERS_UI_LANG` gives, else English (scripts read English messages whatever the
/// locale).
pub fn messages_language(args: &DraftArgs) -> Result<crate::model::Language> {
    let asked = std::env::var("LETTERS_UI_LANG").is_ok_and(|v| !v.is_empty());
    match args.prompts.ui_lang.as_deref() {
        Some(flag) => ui::language(Some(flag)),
        None if asked => ui::language(None),
        None => Ok(crate::model::Language::EN),
    }
}

/// Whether the guided flow can run: both stdin and stderr are terminals.
pub fn is_possible() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// Why a step stopped early.
enum Stop {
    /// Esc: back to the step before.
    Back,
    /// Ctrl-C, or "no" at the confirmation: nothing is written.
    Cancelled,
    Failed(Error),
}

impl From<Error> for Stop {
    fn from(err: Error) -> Stop {
        Stop::Failed(err)
    }
}

impl From<std::io::Error> for Stop {
    fn from(io: std::io::Error) -> Stop {
        if io.kind() == std::io::ErrorKind::Interrupted {
            Stop::Cancelled
        } else {
            Stop::Failed(Error::Io {
                action: IoAction::Use,
                path: PathBuf::from("the terminal"),
                source: io,
            })
        }
    }
}

impl From<dialoguer::Error> for Stop {
    fn from(err: dialoguer::Error) -> Stop {
        let dialoguer::Error::IO(io) = err;
        Stop::from(io)
    }
}

type Step<T> = std::result::Result<T, Stop>;

/// Shortens a choice to one terminal line, so lists redraw cleanly.
fn fit(label: &str) -> String {
    fit_keeping(label, "")
}

/// `mark` (a deadline passed, a record not verified) then `label`, cut to the terminal's
/// width: the mark comes first and whole, so it is seen where the choice is made.
fn fit_keeping(label: &str, mark: &str) -> String {
    let width = usize::from(Term::stderr().size().1)
        .saturating_sub(6)
        .max(30);
    shorten(label, mark, width)
}

/// `mark` then `label` in at most `width` characters: the label is cut (with "…"), never
/// the mark.
fn shorten(label: &str, mark: &str, width: usize) -> String {
    let room = width.saturating_sub(mark.chars().count());
    if label.chars().count() <= room {
        return format!("{mark}{label}");
    }
    let mut short: String = mark.to_string();
    short.extend(label.chars().take(room.saturating_sub(1)));
    short.push('…');
    short
}

/// Reports a multiple choice in one short line, as dialoguer reports single ones.
fn report(prompt: &str, chosen: &[String]) {
    eprintln!("✔ {prompt} · {}", fit(&chosen.join(", ")));
}

/// A dialoguer answer: `None` (Esc) goes back a step.
fn answered<T>(answer: Option<T>) -> Step<T> {
    answer.ok_or(Stop::Back)
}

/// Ctrl-C while no prompt reads keys: put the cursor back and leave with 130, writing
/// nothing. (While a prompt reads keys, Ctrl-C comes to it as a key and cancels the same.)
fn exit_on_interrupt() {
    let _ = ctrlc::set_handler(|| {
        let _ = Term::stderr().show_cursor();
        eprintln!();
        std::process::exit(i32::from(Exit::Interrupted.code()));
    });
}

/// Runs the guided flow for the choices `raw` (the flags over the settings) leaves open.
pub fn run(
    args: &DraftArgs,
    raw: RawRequest,
    data: &DataSet,
    today: NaiveDate,
    diagnostics: Diagnostics,
) -> Result<Exit> {
    let ui = Ui {
        language: ui::language(args.prompts.ui_lang.as_deref())?,
    };
    crate::messages::set_language(ui.language.code());
    exit_on_interrupt();
    let outcome = Flow {
        args,
        data,
        today,
        diagnostics: Diagnostics {
            language: ui.language,
            ..diagnostics
        },
        ui,
        theme: ColorfulTheme::default(),
        typed: RefCell::default(),
    }
    .run(raw);
    let _ = Term::stderr().show_cursor();
    match outcome {
        Ok(()) => Ok(Exit::Success),
        Err(Stop::Cancelled | Stop::Back) => {
            eprintln!("{}", ui.msg("cancelled-nothing-was-written"));
            Ok(Exit::Interrupted)
        }
        Err(Stop::Failed(err)) => Err(err),
    }
}

struct Flow<'a> {
    args: &'a DraftArgs,
    data: &'a DataSet,
    today: NaiveDate,
    diagnostics: Diagnostics,
    ui: Ui,
    theme: ColorfulTheme,
    /// What was typed at each text prompt, offered again when the user comes back to it.
    typed: RefCell<HashMap<String, String>>,
}

impl Flow<'_> {
    /// Says the message `id` on its own line.
    fn say(&self, id: &str) {
        eprintln!("{}", self.ui.msg(id));
    }

    /// Checks, composes and previews the letters, asks whether to write them, and writes
    /// them. A failure once the request is checked prints the command that makes the
    /// same letter, so no answer is lost.
    fn finish(&self, raw: RawRequest, format: render::Format, output: Option<PathBuf>) -> Step<()> {
        let checked = inputs::check(raw, self.today, self.ui.language)?;
        let replay = replay::Output {
            format,
            path: output.as_deref(),
            email: &self.args.email,
            pdf: &self.args.pdf,
            today: self.today,
        };
        let command = replay::command(&checked.request, &replay);
        match self.preview_and_write(&checked, format, output.as_deref()) {
            Ok(()) => {
                eprintln!("{}\n  {command}", self.ui.msg("next-time-the-same-letter"),);
                Ok(())
            }
            Err(Stop::Failed(err)) => {
                eprintln!(
                    "{}\n  {command}",
                    self.ui.msg("nothing-was-written-your-answers"),
                );
                Err(Stop::Failed(err))
            }
            Err(other) => Err(other),
        }
    }

    fn preview_and_write(
        &self,
        checked: &draft::Checked,
        format: render::Format,
        output: Option<&std::path::Path>,
    ) -> Step<()> {
        let ui = self.ui;
        let request = &checked.request;
        let letters = letters::compose(checked, self.data, self.today, self.diagnostics)?;
        letters::check_postal_addresses(&letters, format, self.data)?;

        let term_width = Term::stderr().size().1 as usize;
        let rule = "─".repeat(request.width.min(term_width.max(20)));
        for letter in &letters {
            eprintln!("{rule}");
            eprint!("{}", render::text::render(letter, request.width));
        }
        eprintln!("{rule}");

        if !self.args.prompts.yes {
            let write = answered(yes_no::ask(
                &self.theme,
                ui.language,
                ui.msg("write-it"),
                true,
            )?)?;
            if !write {
                return Err(Stop::Cancelled);
            }
        }
        let options = output::render_options(
            format,
            request.width,
            &self.args.email,
            &self.args.pdf,
            &self.data.pdf,
        )?;
        let quiet = Diagnostics {
            quiet: true,
            ..self.diagnostics
        };
        let written = output::write(&letters, &options, output, quiet)?;
        for path in &written {
            let path = path.display().to_string();
            eprintln!("{}", ui.msg_with("written", &[("path", &path)]));
        }
        if let (Some(dir), true) = (output, written.is_empty()) {
            if !output::is_stdout(Some(dir)) {
                let dir = dir.display().to_string();
                eprintln!("{}", ui.msg_with("nothing-written-in", &[("path", &dir)]));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn a_mark_survives_a_long_label() {
        let label = "Mass detention after the election (urgent action, August 2024) — Urgent action: appeal to the Attorney General";
        let mark = "[act before 27 September 2024: passed] ";
        let short = shorten(label, mark, 74);
        assert_eq!(short.chars().count(), 74, "{short}");
        assert!(short.starts_with(mark), "{short}");
        assert_eq!(shorten("short", mark, 74), format!("{mark}short"));
    }
}
