//! What is generated from the command line's own definition: man pages (one per command)
//! and the shell code for completions, which asks `letters` itself for the campaigns and
//! recipients to offer.

use std::path::Path;

use clap_complete::env::Shells;
use clap_complete::Shell;

use crate::cli;
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::sink;

/// The environment variable the completion code sets when it asks for completions.
pub const COMPLETE_VAR: &str = "COMPLETE";

/// The roff of the page of `command` (the top level, or a subcommand by name).
fn page(command: &clap::Command, name: &str) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    clap_mangen::Man::new(command.clone().name(name.to_string()))
        .render(&mut out)
        .map_err(|e| Error::write(Path::new("<stdout>"), e))?;
    Ok(out)
}

/// The page of every command: `letters`, then `letters-draft`, `letters-batch`, ...,
/// each with its file name.
fn pages() -> Result<Vec<(String, Vec<u8>)>> {
    let mut top = cli::command();
    top.build();
    let mut pages = vec![("letters.1".to_string(), page(&top, "letters")?)];
    for sub in top.get_subcommands() {
        let name = format!("letters-{}", sub.get_name());
        pages.push((format!("{name}.1"), page(sub, &name)?));
    }
    Ok(pages)
}

/// `letters man [COMMAND]` prints one page; `letters man --dir DIR` writes them all.
pub fn man(command: Option<&str>, dir: Option<&Path>) -> Result<Exit> {
    let pages = pages()?;
    if let Some(dir) = dir {
        for (file, bytes) in &pages {
            sink::write_atomic(&dir.join(file), bytes)?;
        }
        return Ok(Exit::Success);
    }
    let wanted = match command {
        None => "letters.1".to_string(),
        Some(name) => format!("letters-{name}.1"),
    };
    let top = cli::command();
    let Some((_, bytes)) = pages.iter().find(|(file, _)| *file == wanted) else {
        let names: Vec<String> = top
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .collect();
        return Err(Error::UnknownId {
            kind: "command",
            id: command.unwrap_or_default().to_string(),
            suggestion: crate::text::suggest::closest(
                command.unwrap_or_default(),
                names.iter().map(String::as_str),
            ),
            see: format!("letters man (commands: {})", names.join(", ")),
        });
    };
    sink::write_stdout(bytes)?;
    Ok(Exit::Success)
}

/// `letters completions SHELL`: the code a shell sources so that it asks `letters` for
/// completions (`COMPLETE=SHELL letters -- ...`), campaigns and recipients included.
pub fn completions(shell: Shell) -> Result<Exit> {
    let name = shell.to_string();
    let shells = Shells::builtins();
    let completer = shells.completer(&name).ok_or_else(|| {
        Error::flag(
            "SHELL",
            format!("completions for {name} are not available: use bash, zsh, fish, elvish or powershell"),
        )
    })?;
    let mut out = Vec::new();
    completer
        .write_registration(COMPLETE_VAR, "letters", "letters", "letters", &mut out)
        .map_err(|e| Error::write(Path::new("<stdout>"), e))?;
    sink::write_stdout(&out)?;
    Ok(Exit::Success)
}
