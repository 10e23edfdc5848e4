//! `letters draft --format email|mbox|mailto` end to end: the real binary, every message
//! parsed back with a MIME parser.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::Env;
use mail_parser::MessageParser;

const SENDER: [&str; 4] = [
    "--sender-name",
    "Ana María \"La Flaca\" Pérez O'Brien",
    "--sender-email",
    "ana@example.org",
];

fn draft(env: &Env, extra: &[&str]) -> common::Run {
    let mut args = vec![
        "-q",
        "draft",
        "-t",
        "detention-urgent-action",
        "--lang",
        "es",
    ];
    args.extend(SENDER);
    args.extend(extra);
    env.run(&args)
}

/// The header block of a message, for snapshots.
fn head(message: &str) -> String {
    message
        .split("\r\n\r\n")
        .next()
        .unwrap()
        .replace("\r\n", "\n")
}

#[test]
fn an_eml_has_every_header_encoded() {
    let env = Env::new();
    let run = draft(
        &env,
        &[
            "--to",
            "ve-attorney-general",
            "--format",
            "email",
            "--cc",
            "José Gómez <jose@example.org>",
            "--reply-to",
            "\"Pérez, Ana\" <respuestas@example.org>",
        ],
    );
    let eml = run.ok();
    insta::assert_snapshot!("eml-headers", head(eml));
    let parsed = MessageParser::default().parse(eml.as_bytes()).unwrap();
    let from = parsed.from().unwrap().first().unwrap();
    assert_eq!(from.name(), Some("Ana María \"La Flaca\" Pérez O'Brien"));
    assert_eq!(
        parsed.subject(),
        Some("Llamado urgente a favor de las personas detenidas en Venezuela tras las elecciones presidenciales")
    );
    let text = draft(&env, &["--to", "ve-attorney-general"]);
    let body = parsed.body_text(0).unwrap().replace("\r\n", "\n");
    assert_eq!(body.trim_end(), text.ok().trim_end());
    // The same letter gives the same message, byte for byte.
    let again = draft(
        &env,
        &[
            "--to",
            "ve-attorney-general",
            "--format",
            "email",
            "--cc",
            "José Gómez <jose@example.org>",
            "--reply-to",
            "\"Pérez, Ana\" <respuestas@example.org>",
        ],
    );
    assert_eq!(again.ok(), eml);
}

#[test]
fn one_eml_per_letter_in_a_directory_and_one_mbox_for_all() {
    let env = Env::new();
    draft(&env, &["--format", "email", "-o", "out/"]).ok();
    let mut names: Vec<String> = std::fs::read_dir(env.join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "detention-urgent-action--ve-attorney-general--es.eml",
            "detention-urgent-action--ve-un-mission--es.eml"
        ]
    );
    for name in &names {
        let bytes = std::fs::read(env.join(&format!("out/{name}"))).unwrap();
        let parsed = MessageParser::default().parse(&bytes).unwrap();
        assert!(parsed.message_id().unwrap().ends_with("@example.org"));
    }

    draft(&env, &["--format", "mbox", "-o", "batch.mbox"]).ok();
    let mbox = env.read("batch.mbox");
    let messages = letters::send::split_mbox(mbox.as_bytes());
    assert_eq!(messages.len(), 2);
    for (message, name) in messages.iter().zip(&names) {
        let eml = std::fs::read(env.join(&format!("out/{name}"))).unwrap();
        assert_eq!(
            letters::send::crlf(message),
            eml,
            "the mbox holds the same messages"
        );
    }
}

#[test]
fn several_letters_cannot_share_one_eml() {
    let env = Env::new();
    let run = draft(&env, &["--format", "email"]);
    insta::assert_snapshot!("eml-several-on-stdout", run.fails(2));
}

#[test]
fn a_recipient_without_email_is_an_error_that_suggests_print() {
    let env = Env::new();
    let run = env.run(&[
        "-q",
        "draft",
        "-t",
        "election-integrity",
        "--sender-name",
        "Ana",
        "--sender-email",
        "ana@example.org",
        "--format",
        "email",
        "-o",
        "out/",
    ]);
    insta::assert_snapshot!("eml-no-recipient-email", run.fails(2));
    assert!(!env.join("out").exists(), "nothing is written");
}

#[test]
fn mailto_prints_one_uri_per_letter() {
    let env = Env::new();
    let run = draft(&env, &["--format", "mailto"]);
    let lines: Vec<&str> = run.ok().lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with("mailto:ministeriopublico@mp.gob.ve?subject=Llamado%20urgente"));
    assert!(lines[1].starts_with("mailto:misionvene@venezuelaonu.gob.ve?subject="));
    assert!(lines.iter().all(|l| l.is_ascii() && !l.contains(' ')));
    assert!(lines[0].contains("&body=Ana%20Mar%C3%ADa%20%22La%20Flaca%22"));
}

#[test]
fn header_injection_through_flags_is_impossible() {
    let env = Env::new();
    let evil = "x\r\nBcc: victim@example.net\r\nX-Injected: yes";
    // Through a text field: it stays inside its header.
    let mut args = vec![
        "-q",
        "draft",
        "-t",
        "detention-urgent-action",
        "--to",
        "ve-attorney-general",
        "--format",
        "email",
        "--sender-email",
        "ana@example.org",
        "--sender-name",
    ];
    let name = format!("Ana {evil}");
    args.push(&name);
    let run = env.run(&args);
    let parsed = MessageParser::default().parse(run.ok().as_bytes()).unwrap();
    let headers: Vec<String> = parsed
        .headers()
        .iter()
        .map(|h| h.name().to_ascii_lowercase())
        .collect();
    assert!(
        !headers.iter().any(|h| h == "bcc" || h == "x-injected"),
        "{headers:?}"
    );
    // Through an address: refused, naming the flag.
    for flag in ["--from", "--cc", "--bcc", "--reply-to", "--sender-email"] {
        let value = format!("a@example.org{evil}");
        let mut args = vec![
            "-q",
            "draft",
            "-t",
            "detention-urgent-action",
            "--to",
            "ve-attorney-general",
            "--format",
            "email",
            "--sender-name",
            "Ana",
        ];
        if flag != "--sender-email" {
            args.extend(["--sender-email", "ana@example.org"]);
        }
        args.extend([flag, value.as_str()]);
        let run = env.run(&args);
        let stderr = run.fails(2);
        assert!(stderr.starts_with(&format!("error: {flag}: ")), "{stderr}");
        assert!(
            (1..=2).contains(&stderr.lines().count()),
            "one error line, and a hint when there is more to say: {stderr}"
        );
        assert!(!stderr.contains("\nBcc:"), "{stderr}");
    }
}

#[test]
fn from_overrides_the_signer() {
    let env = Env::new();
    let run = draft(
        &env,
        &[
            "--to",
            "ve-un-mission",
            "--format",
            "email",
            "--from",
            "Red de Ejemplo <red@example.org>",
        ],
    );
    let parsed = MessageParser::default().parse(run.ok().as_bytes()).unwrap();
    let from = parsed.from().unwrap().first().unwrap();
    assert_eq!(from.name(), Some("Red de Ejemplo"));
    assert_eq!(from.address(), Some("red@example.org"));
    let run = draft(
        &env,
        &[
            "--to",
            "ve-un-mission",
            "--format",
            "email",
            "--cc",
            "not an address",
        ],
    );
    insta::assert_snapshot!("eml-bad-cc", run.fails(2));
}
