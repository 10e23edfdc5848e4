//! The command that makes the same letter again, printed at the end of the guided flow.
//! It is built from the checked request itself (and the output settings), so it says
//! everything that shaped the letter: running it gives the same bytes.

use std::path::Path;

use chrono::NaiveDate;

use crate::cli::{EmailArgs, PdfArgs};
use crate::draft::{DemandSelection, LetterRequest, DEFAULT_WIDTH};
use crate::render::Format;

/// What besides the request decides the output.
pub struct Output<'a> {
    pub format: Format,
    pub path: Option<&'a Path>,
    pub email: &'a EmailArgs,
    pub pdf: &'a PdfArgs,
    /// The day the letter is drafted: a letter of that date needs no `--date`.
    pub today: NaiveDate,
}

/// The words of the command.
fn words(request: &LetterRequest, output: &Output<'_>) -> Vec<String> {
    let mut words: Vec<String> = vec!["letters".into(), "draft".into()];
    let mut flag = |name: &str, value: &str| {
        words.push(name.to_string());
        words.push(value.to_string());
    };
    flag("--template", &request.template);
    for recipient in &request.recipients {
        flag("--to", recipient);
    }
    if let Some(language) = request.language {
        flag("--lang", language.code());
    }
    if request.demands != DemandSelection::All {
        flag("--demands", &request.demands.to_text());
    }
    let sender = &request.sender;
    for (name, value) in [
        ("--sender-name", &sender.name),
        ("--sender-title", &sender.title),
        ("--sender-org", &sender.organization),
        ("--sender-email", &sender.email),
    ] {
        if !value.is_empty() {
            flag(name, value);
        }
    }
    for line in &sender.address {
        flag("--sender-address", line);
    }
    for (name, value) in [
        ("--sender-phone", &sender.phone),
        ("--sender-web", &sender.web),
    ] {
        if !value.is_empty() {
            flag(name, value);
        }
    }
    if let Some(signature) = &sender.signature {
        flag("--signature", &signature.display().to_string());
    }
    if let Some(text) = &request.own_words {
        flag("--own-words", text);
    }
    if request.date != output.today {
        flag("--date", &request.date.format("%Y-%m-%d").to_string());
    }
    for (key, value) in &request.fields {
        flag("--field", &format!("{key}={value}"));
    }
    if let Some(voice) = request.voice {
        flag("--voice", voice.name());
    }
    if request.width != DEFAULT_WIDTH {
        flag("--width", &request.width.to_string());
    }
    flag("--format", output.format.name());
    if let Some(path) = output.path {
        flag("-o", &path.display().to_string());
    }
    let email = output.email;
    if let Some(from) = &email.from {
        flag("--from", from);
    }
    for (name, list) in [
        ("--cc", &email.cc),
        ("--bcc", &email.bcc),
        ("--reply-to", &email.reply_to),
    ] {
        for value in list {
            flag(name, value);
        }
    }
    let pdf = output.pdf;
    if let Some(layout) = pdf.layout {
        flag("--layout", layout.name());
    }
    for (name, font) in [
        ("--font-regular", &pdf.font_regular),
        ("--font-bold", &pdf.font_bold),
        ("--font-italic", &pdf.font_italic),
        ("--font-bold-italic", &pdf.font_bold_italic),
    ] {
        if let Some(path) = font {
            flag(name, &path.display().to_string());
        }
    }
    if email.attach_pdf {
        words.push("--attach-pdf".into());
    }
    if request.fix_mojibake {
        words.push("--fix-mojibake".into());
    }
    words
}

/// The command, quoted for a POSIX shell.
pub fn command(request: &LetterRequest, output: &Output<'_>) -> String {
    shell_words::join(words(request, output))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use clap::Parser;

    use super::*;
    use crate::cli::{Cli, Command};
    use crate::model::{Language, Sender};

    #[test]
    fn every_value_of_the_request_is_said_and_parses_back() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut request = LetterRequest::empty(today);
        request.template = "election-integrity".into();
        request.recipients = vec!["us-secretary-of-state".into()];
        request.language = Some(Language::ES);
        request.demands = DemandSelection::Ids(vec!["a".into(), "b".into()]);
        request.sender = Sender {
            name: "Ana O'Brien".into(),
            title: "Coordinadora".into(),
            organization: "Red \"Uno\"".into(),
            address: vec!["Apartado 1".into(), "Caracas".into()],
            email: "ana@example.org".into(),
            phone: "+58 1".into(),
            web: "https://x.org".into(),
            signature: Some("firma.png".into()),
        };
        request.own_words = Some("Me importa; mucho.".into());
        request.date = NaiveDate::from_ymd_opt(2024, 7, 25).unwrap();
        request.fields.insert("city".into(), "Mérida".into());
        request.width = 60;
        let email = EmailArgs {
            cc: vec!["José <j@x.org>".into()],
            ..EmailArgs::default()
        };
        let pdf = PdfArgs::default();
        let output = Output {
            format: Format::Pdf,
            path: Some(Path::new("out dir/")),
            email: &email,
            pdf: &pdf,
            today,
        };
        let line = command(&request, &output);
        let cli = Cli::try_parse_from(shell_words::split(&line).unwrap()).unwrap();
        let Command::Draft(args) = cli.command else {
            panic!("{line}")
        };
        assert_eq!(args.letter.template.as_deref(), Some("election-integrity"));
        assert_eq!(args.letter.demands.as_deref(), Some("a,b"));
        assert_eq!(args.sender.sender_address, ["Apartado 1", "Caracas"]);
        assert_eq!(args.letter.date.as_deref(), Some("2024-07-25"));
        assert_eq!(args.letter.width, Some(60));
        assert_eq!(args.letter.fields, ["city=Mérida"]);
        assert_eq!(args.email.cc, ["José <j@x.org>"]);
        assert_eq!(args.output.as_deref(), Some(Path::new("out dir/")));
    }
}
