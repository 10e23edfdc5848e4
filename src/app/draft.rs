//! `letters draft`: the flags (over `letters.toml`) become one checked request, one
//! letter per recipient is drafted, and the letters go to standard output, a file, or a
//! directory. On a terminal, the guided flow asks for whatever the flags leave open.

use crate::cli::DraftArgs;
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::load::{DataOptions, DataSet};
use crate::messages;
use crate::render::Format;

use super::{clock, inputs, letters, output, prompt, Diagnostics};

fn missing_choices(template: bool, sender: bool, data: &DataSet) -> Error {
    let mut missing = Vec::new();
    if template {
        let ids: Vec<&str> = data
            .templates
            .templates
            .keys()
            .map(String::as_str)
            .collect();
        missing.push(messages::detail(
            "detail-missing-template",
            &[("ids", &ids.join(", "))],
        ));
    }
    if sender {
        missing.push(messages::detail("detail-missing-sender-name", &[]));
    }
    Error::MissingChoices {
        missing,
        hint: messages::detail("detail-no-terminal-to-ask", &[]),
    }
}

pub fn run(args: DraftArgs, data_options: &DataOptions, diagnostics: Diagnostics) -> Result<Exit> {
    let data = DataSet::load(data_options)?;
    let today = clock::today()?;
    let raw = inputs::raw_flags(&args.letter, &args.sender, &data)?;
    let no_template = raw
        .template
        .as_ref()
        .is_none_or(|t| t.value.trim().is_empty());
    let no_sender = !raw.sender.has_name();
    if no_template || no_sender {
        if prompt::is_possible() {
            return prompt::run(&args, raw, &data, today, diagnostics);
        }
        return Err(missing_choices(no_template, no_sender, &data));
    }
    let diagnostics = Diagnostics {
        language: prompt::messages_language(&args)?,
        ..diagnostics
    };
    crate::messages::set_language(diagnostics.language.code());
    let checked = inputs::check(raw, today, diagnostics.language)?;
    let letters = letters::compose(&checked, &data, today, diagnostics)?;
    let format = args.format.unwrap_or(Format::Text);
    letters::check_postal_addresses(&letters, format, &data)?;
    let options = output::render_options(
        format,
        checked.request.width,
        &args.email,
        &args.pdf,
        &data.pdf,
    )?;
    output::write(&letters, &options, args.output.as_deref(), diagnostics)?;
    Ok(Exit::Success)
}
