//! What the command line and the settings files ask for, as a raw letter request: each
//! value with the flag, or the file and key, it came from. The one conversion
//! ([`crate::draft::validate`]) checks them; here they are only gathered. Reading
//! `--own-words @FILE` and `-` happens here, bounded.

use std::io::Read;
use std::path::Path;

use crate::cli::{LetterArgs, SenderArgs};
use chrono::NaiveDate;

use crate::draft::{self, Checked, Context, Given, LetterRequest, RawRequest, RawSender};
use crate::error::{Error, Result, Source};
use crate::load::signers::MAX_CELL_BYTES;
use crate::load::{DataSet, SenderSetting};
use crate::model::{Language, Sender};

/// The most own words read: the same as a signers cell, far more than a paragraph or
/// two, and little enough that `@/dev/zero` or a wrong file stops at once.
pub const MAX_OWN_WORDS_BYTES: usize = MAX_CELL_BYTES;

fn flag<T>(value: T, name: &'static str) -> Given<T> {
    Given::new(value, Source::Flag(name))
}

/// The signer the `--sender-*` flags give.
pub fn sender_flags(args: &SenderArgs) -> RawSender {
    let text = |value: &Option<String>, name| value.clone().map(|v| flag(v, name));
    RawSender {
        name: text(&args.sender_name, "--sender-name"),
        title: text(&args.sender_title, "--sender-title"),
        organization: text(&args.sender_org, "--sender-org"),
        email: text(&args.sender_email, "--sender-email"),
        address: (!args.sender_address.is_empty())
            .then(|| flag(args.sender_address.clone(), "--sender-address")),
        phone: text(&args.sender_phone, "--sender-phone"),
        web: text(&args.sender_web, "--sender-web"),
        signature: args.signature.clone().map(|p| flag(p, "--signature")),
    }
}

/// The signer a settings file's `[sender]` table gives, each value named by the file
/// and its key.
pub fn sender_setting(setting: &SenderSetting) -> RawSender {
    let file = setting.file.display().to_string();
    let source = |key: &str| Source::Setting {
        file: file.clone(),
        key: format!("[sender] {key}"),
    };
    let text = |value: &str, key: &str| {
        (!value.trim().is_empty()).then(|| Given::new(value.to_string(), source(key)))
    };
    let Sender {
        name,
        title,
        organization,
        address,
        email,
        phone,
        web,
        signature,
    } = &setting.sender;
    RawSender {
        name: text(name, "name"),
        title: text(title, "title"),
        organization: text(organization, "organization"),
        email: text(email, "email"),
        address: (!address.is_empty()).then(|| Given::new(address.clone(), source("address"))),
        phone: text(phone, "phone"),
        web: text(web, "web"),
        signature: signature
            .clone()
            .map(|path| Given::new(path, source("signature"))),
    }
}

/// The signer the settings files give, the first file's values over the next's.
pub fn sender_settings(settings: &[SenderSetting]) -> RawSender {
    settings
        .iter()
        .map(sender_setting)
        .fold(RawSender::default(), RawSender::or)
}

/// Up to one byte more than [`MAX_OWN_WORDS_BYTES`] of `input`, enough to tell it is
/// too long without reading the rest.
fn read_capped(input: impl Read) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    input
        .take(MAX_OWN_WORDS_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Reads `--own-words`: literal text, `@FILE`, or `-` for standard input; at most
/// [`MAX_OWN_WORDS_BYTES`] of it.
pub fn own_words(value: &str) -> Result<String> {
    let (bytes, what) = if value == "-" {
        let bytes = read_capped(std::io::stdin().lock()).map_err(|e| {
            Error::flag("--own-words -", format!("cannot read standard input: {e}"))
        })?;
        (bytes, "standard input".to_string())
    } else if let Some(path) = value.strip_prefix('@') {
        let path = Path::new(path);
        let bytes = std::fs::File::open(path)
            .and_then(read_capped)
            .map_err(|e| {
                Error::flag(
                    "--own-words",
                    format!("cannot read {}: {e}", path.display()),
                )
            })?;
        (bytes, path.display().to_string())
    } else {
        (value.as_bytes().to_vec(), "the text given".to_string())
    };
    if bytes.len() > MAX_OWN_WORDS_BYTES {
        return Err(Error::flag(
            "--own-words",
            format!(
                "{what} holds more than {} KB, the most own words a letter takes: give a paragraph or two (is it the right file?)",
                MAX_OWN_WORDS_BYTES / 1024
            ),
        ));
    }
    String::from_utf8(bytes).map_err(|_| {
        Error::flag(
            "--own-words",
            format!("{what} is not UTF-8 text: save it as UTF-8 and try again"),
        )
    })
}

/// `--field KEY=VALUE` pairs.
fn fields(pairs: &[String]) -> Result<Vec<(String, Given<String>)>> {
    pairs
        .iter()
        .map(|pair| match pair.split_once('=') {
            Some((key, value)) if !key.trim().is_empty() => {
                Ok((key.trim().to_string(), flag(value.to_string(), "--field")))
            }
            _ => Err(Error::flag(
                "--field",
                format!("`{pair}` is not KEY=VALUE (for example --field city=Caracas)"),
            )),
        })
        .collect()
}

/// What the letter flags ask for over what the settings files say, checked through the
/// one conversion as a request of its own (dated `today` unless `--date`).
pub fn checked_flags(
    letter: &LetterArgs,
    sender: &SenderArgs,
    data: &DataSet,
    today: NaiveDate,
) -> Result<Checked> {
    check(raw_flags(letter, sender, data)?, today, Language::EN)
}

/// What the letter flags ask for over what the settings files say, not yet checked.
pub fn raw_flags(letter: &LetterArgs, sender: &SenderArgs, data: &DataSet) -> Result<RawRequest> {
    let mut raw = letter_flags(letter, sender)?;
    raw.sender = raw.sender.or(sender_settings(&data.senders));
    Ok(raw)
}

/// A raw request from the command line (flags, settings, answers) checked on its own,
/// its warnings in the language `messages`.
pub fn check(raw: RawRequest, today: NaiveDate, messages: Language) -> Result<Checked> {
    draft::validate(
        raw,
        &LetterRequest::empty(today),
        Context {
            signatures_dir: None,
            messages,
        },
    )
}

/// What the letter flags ask for (own words read from their file or standard input).
fn letter_flags(args: &LetterArgs, sender: &SenderArgs) -> Result<RawRequest> {
    let text = |value: &Option<String>, name| value.clone().map(|v| flag(v, name));
    Ok(RawRequest {
        template: text(&args.template, "--template"),
        recipients: (!args.to.is_empty()).then(|| flag(args.to.clone(), "--to")),
        language: text(&args.lang, "--lang"),
        demands: text(&args.demands, "--demands"),
        own_words: args
            .own_words
            .as_deref()
            .map(own_words)
            .transpose()?
            .map(|t| flag(t, "--own-words")),
        date: text(&args.date, "--date"),
        width: args.width.map(|w| flag(w, "--width")),
        voice: text(&args.voice, "--voice"),
        sender: sender_flags(sender),
        fields: fields(&args.fields)?,
        fix_mojibake: args.fix_mojibake,
    })
}
