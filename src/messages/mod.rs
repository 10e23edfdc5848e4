//! The interface's messages (prompts, hints, choices, notes) in each interface language,
//! from one Fluent catalogue per language (`en.ftl`, `es.ftl` beside this file, built into
//! the binary). A message is found by its id; `tests` checks that every id the code uses
//! is in every catalogue and that each language's message uses the same placeholders.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

/// The catalogues: language code, Fluent source.
pub const CATALOGUES: [(&str, &str); 2] = [
    ("en", include_str!("en.ftl")),
    ("es", include_str!("es.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static HashMap<&'static str, Bundle> {
    static BUNDLES: OnceLock<HashMap<&'static str, Bundle>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        CATALOGUES
            .iter()
            .map(|(code, source)| (*code, bundle(code, source)))
            .collect()
    })
}

/// A catalogue as a bundle. The catalogues are built in and checked by the tests, so a
/// message that does not parse is left out (and the tests fail), never a panic.
fn bundle(code: &str, source: &str) -> Bundle {
    let locale = code.parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![locale]);
    // Placeholders are plain text on a terminal: no bidirectional isolation marks.
    bundle.set_use_isolating(false);
    let resource = match FluentResource::try_new(source.to_string()) {
        Ok(resource) | Err((resource, _)) => resource,
    };
    let _ = bundle.add_resource(resource);
    bundle
}

/// The language errors are reported in, for the whole run: English unless the
/// interface's language was chosen (`--ui-lang`, `LETTERS_UI_LANG`, the guided flow).
static LANGUAGE: Mutex<&str> = Mutex::new("en");

/// Sets the language errors are reported in (a code, `en` or `es`).
pub fn set_language(code: &'static str) {
    *LANGUAGE.lock().unwrap_or_else(PoisonError::into_inner) = code;
}

/// The language errors are reported in.
pub fn language() -> &'static str {
    *LANGUAGE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The message `id` in `language` (a code, `en` or `es`) with `args` in its placeholders;
/// in English when the language has no catalogue, the id itself when no catalogue has it.
pub fn format(language: &str, id: &str, args: &[(&str, &str)]) -> String {
    format_counts(language, id, args, &[])
}

/// As `format`, with `counts` as numbers (a message may choose its words by their plural
/// category: "1 fila", "2 filas").
pub fn format_counts(
    language: &str,
    id: &str,
    args: &[(&str, &str)],
    counts: &[(&str, u64)],
) -> String {
    let bundles = bundles();
    let found = [language, "en"].iter().find_map(|code| {
        let bundle = bundles.get(code)?;
        let pattern = bundle.get_message(id)?.value()?;
        Some((bundle, pattern))
    });
    let Some((bundle, pattern)) = found else {
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, *value);
    }
    for (name, count) in counts {
        fluent_args.set(*name, *count);
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// The message `id` in `language`, without placeholders, kept for the whole run (a
/// prompt is also the source named in the error of a bad answer).
pub fn text(language: &str, id: &str) -> &'static str {
    static KEPT: OnceLock<Mutex<HashMap<(String, String), &'static str>>> = OnceLock::new();
    let kept = KEPT.get_or_init(Default::default);
    let mut kept = kept.lock().unwrap_or_else(PoisonError::into_inner);
    let key = (language.to_string(), id.to_string());
    if let Some(text) = kept.get(&key) {
        return text;
    }
    let text: &'static str = Box::leak(format(language, id, &[]).into_boxed_str());
    kept.insert(key, text);
    text
}

/// How many details `detail` remembers for a run; beyond that, a detail is said in
/// English (a batch with many failed rows still uses bounded memory).
const DETAILS_KEPT: usize = 4096;

/// How a remembered detail is said again: by its message, or as already said.
enum Kept {
    Message(String, Vec<(String, String)>),
    Said(String),
}

fn details() -> &'static Mutex<HashMap<String, Kept>> {
    static DETAILS: OnceLock<Mutex<HashMap<String, Kept>>> = OnceLock::new();
    DETAILS.get_or_init(Default::default)
}

/// A detail of an error (what a check says about a value, inside the error's
/// paragraph), in English as `Display` says it. When the interface speaks another
/// language, the message is remembered so that `detail_in` can say it again in that
/// language; the error keeps its English text for scripts and files.
pub fn detail(id: &str, args: &[(&str, &str)]) -> String {
    let english = format("en", id, args);
    if language() != "en" {
        let args = args
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect();
        keep(&english, Kept::Message(id.to_string(), args));
    }
    english
}

/// Remembers that `english` (a message as `Display` or a report says it) is said
/// `said(language)` in the interface's language, for `detail_in`. Nothing is kept (and
/// `said` is not called) when the interface speaks English.
pub fn remember(english: &str, said: impl FnOnce(&str) -> String) {
    let language = language();
    if language != "en" {
        keep(english, Kept::Said(said(language)));
    }
}

fn keep(english: &str, how: Kept) {
    let mut kept = details().lock().unwrap_or_else(PoisonError::into_inner);
    if kept.len() < DETAILS_KEPT {
        kept.insert(english.to_string(), how);
    }
}

/// A detail `detail` made, said in `language`; any other text as it is.
pub fn detail_in(language: &str, text: &str) -> String {
    if language == "en" {
        return text.to_string();
    }
    let kept = details().lock().unwrap_or_else(PoisonError::into_inner);
    match kept.get(text) {
        Some(Kept::Message(id, args)) => {
            let args: Vec<(&str, &str)> = args
                .iter()
                .map(|(name, value)| (name.as_str(), value.as_str()))
                .collect();
            format(language, id, &args)
        }
        Some(Kept::Said(said)) => said.clone(),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests;
