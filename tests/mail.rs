//! Mail that lands: names in From and To read back whole by two independent parsers
//! (Python's `email` with `policy.default`, and the `mail-parser` package); the Date a
//! message is sent with; a test send to oneself first; a copy to oneself; a mailto link
//! without a sender address; and a batch to an office without an address stopped before
//! its first row. Sends go to the real test server (tests/smtp/server.py).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::process::Command;

use chrono::{DateTime, Utc};
use common::smtp::Server;
use common::Env;
use serde_json::Value;

/// A long name, accents in most words, and a run of accented words longer than one
/// encoded word holds.
const SIGNER: &str =
    "María de los Ángeles Hernández-Ñúñez Castellanos de la Peña y Rodríguez Sáenz Ibáñez Muñoz";
const OFFICIAL: &str = "José Ángel Núñez-Güemes de la Concepción Echeverría y Saldaña";

/// The bundled attorney general's record, with a long accented name.
fn recipients(env: &Env) {
    env.write(
        "r.toml",
        &format!(
            r#"[ve-attorney-general]
office = {{ en = "Attorney General of the Republic of Venezuela", es = "Fiscal General de la República" }}
honorific = {{ en = "Mr.", es = "Señor" }}
name = "{OFFICIAL}"
title = {{ en = "Attorney General of the Republic", es = "Fiscal General de la República" }}
organization = "Ministerio Público"
address = ["Edificio Sede Principal del Ministerio Público", "Caracas", "Venezuela"]
email = "ministeriopublico@mp.gob.ve"
country = "VE"
languages = ["es", "en"]
salutation = {{ en = "Dear Attorney General:", es = "Señor Fiscal General:" }}
verified = 2026-08-07
"#
        ),
    );
}

/// The display names and addresses of From and To as Python reads them, with each
/// parser: `{"email": {"from": [name, addr], "to": …}, "mail_parser": {…}}`.
fn parsed_by_python(path: &std::path::Path) -> Value {
    let script = r#"
import email, email.policy, json, sys
import mailparser
raw = open(sys.argv[1], "rb").read()
m = email.message_from_bytes(raw, policy=email.policy.default)
p = mailparser.parse_from_bytes(raw)
one = lambda a: [a.display_name, a.addr_spec]
print(json.dumps({
    "email": {"from": one(m["From"].addresses[0]), "to": one(m["To"].addresses[0]),
              "defects": [str(d) for d in m.defects]},
    "mail_parser": {"from": list(p.from_[0]), "to": list(p.to[0])},
}))
"#;
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(path)
        .output()
        .expect("python3 with mail-parser (scripts/test.sh installs it)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

#[test]
fn long_accented_names_are_read_back_whole_by_python_email_and_mail_parser() {
    let env = Env::new();
    recipients(&env);
    env.run(&[
        "-q",
        "--recipients",
        "r.toml",
        "draft",
        "-t",
        "detention-urgent-action",
        "--to",
        "ve-attorney-general",
        "--sender-name",
        SIGNER,
        "--sender-email",
        "ana@example.org",
        "--format",
        "email",
        "-o",
        "letter.eml",
    ])
    .ok();
    let eml = env.read("letter.eml");
    let head = eml.split("\r\n\r\n").next().unwrap();
    assert!(
        head.lines().all(|l| l.len() <= 78),
        "folded within 78 columns:\n{head}"
    );
    assert!(head.contains("=?utf-8?"), "encoded:\n{head}");
    let parsed = parsed_by_python(&env.join("letter.eml"));
    let to = format!("Señor {OFFICIAL}");
    // mail-parser decodes as RFC 2047 says: exactly the name.
    let mp = &parsed["mail_parser"];
    assert_eq!(mp["from"], serde_json::json!([SIGNER, "ana@example.org"]));
    assert_eq!(
        mp["to"],
        serde_json::json!([to, "ministeriopublico@mp.gob.ve"])
    );
    // Python's policy.default keeps the folding space between two encoded words of a
    // display name (RFC 2047 says to drop it), so it may show a double space; but no
    // word is split or joined.
    let py = &parsed["email"];
    assert_eq!(
        words(py["from"][0].as_str().unwrap()),
        words(SIGNER),
        "{py}"
    );
    assert_eq!(py["from"][1], "ana@example.org");
    assert_eq!(words(py["to"][0].as_str().unwrap()), words(&to), "{py}");
    assert_eq!(py["to"][1], "ministeriopublico@mp.gob.ve");
    assert_eq!(py["defects"], serde_json::json!([]));
}

/// Drafts the two bundled offices' letters, dated 5 March 2024, into `out/`.
fn backdated(env: &Env) {
    env.run(&[
        "-q",
        "draft",
        "-t",
        "detention-urgent-action",
        "--lang",
        "es",
        "--date",
        "2024-03-05",
        "--sender-name",
        "Ana Pérez",
        "--sender-email",
        "ana@example.org",
        "--format",
        "email",
        "-o",
        "out/",
    ])
    .ok();
}

#[test]
fn the_date_header_is_the_time_of_sending_unless_kept() {
    let env = Env::new();
    backdated(&env);
    let file_date = "Tue, 05 Mar 2024 12:00:00 +0000";
    assert!(env
        .read("out/detention-urgent-action--ve-attorney-general--es.eml")
        .contains(&format!("\r\nDate: {file_date}\r\n")));

    // The dry run says which Date will go.
    let run = env.run(&["send", "out"]);
    run.ok();
    assert!(run
        .stderr
        .contains("Date header will be the time it is sent"));
    let run = env.run(&["send", "out", "--keep-date"]);
    run.ok();
    assert!(
        run.stderr.contains("keeps the Date header its file has"),
        "{}",
        run.stderr
    );

    let server = Server::start(&env, "smtp", &[]);
    let before = Utc::now();
    env.run(&["-q", "send", "out", "--send", "--smtp", &server.url()])
        .ok();
    let after = Utc::now();
    let messages = server.messages();
    assert_eq!(messages.len(), 2);
    for message in &messages {
        let date = message["date"].as_str().unwrap();
        let sent = DateTime::parse_from_rfc2822(date).unwrap();
        assert!(
            sent.timestamp() >= before.timestamp() - 1 && sent.timestamp() <= after.timestamp() + 1,
            "Date {date} is the time of sending"
        );
        // The letter keeps its own date in its text.
        assert!(message["body"]
            .as_str()
            .unwrap()
            .contains("5 de marzo de 2024"));
    }

    // --keep-date sends the file's Date (to a fresh ledger, so both go again).
    let server = Server::start(&env, "smtp-kept", &[]);
    env.run(&[
        "-q",
        "send",
        "out",
        "--send",
        "--smtp",
        &server.url(),
        "--keep-date",
        "--ledger",
        "kept.jsonl",
    ])
    .ok();
    let messages = server.messages();
    assert_eq!(messages.len(), 2);
    assert!(
        messages.iter().all(|m| m["date"] == file_date),
        "{messages:?}"
    );
}

fn ledger(env: &Env) -> Vec<Value> {
    env.read("out/letters-ledger.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_test_send_goes_to_the_test_address_alone_and_the_real_send_still_sends_everything() {
    let env = Env::new();
    env.write("s.csv", &common::signers(3));
    env.run(&[
        "-q",
        "batch",
        "--signers",
        "s.csv",
        "-t",
        "detention-urgent-action",
        "--format",
        "email",
        "-o",
        "out",
    ])
    .ok();
    let server = Server::start(&env, "smtp", &[]);
    let url = server.url();

    let run = env.run(&["send", "out", "--smtp", &url, "--test-to", "me@example.org"]);
    run.ok();
    let messages = server.messages();
    assert_eq!(messages.len(), 1, "one test message by default");
    assert_eq!(
        messages[0]["rcpt_tos"],
        serde_json::json!(["me@example.org"])
    );
    let records = ledger(&env);
    assert!(!records.is_empty());
    assert!(records.iter().all(|r| r["test"] == true), "{records:?}");

    env.run(&[
        "-q",
        "send",
        "out",
        "--smtp",
        &url,
        "--test-to",
        "me@example.org",
        "--test-count",
        "2",
    ])
    .ok();
    let messages = server.messages();
    assert_eq!(messages.len(), 3);
    assert!(messages
        .iter()
        .all(|m| m["rcpt_tos"] == serde_json::json!(["me@example.org"])));

    // The tests changed nothing: the real run sends all six, to the offices only.
    let run = env.run(&["-q", "send", "out", "--send", "--smtp", &url, "--json"]);
    let summary: Value = serde_json::from_str(run.ok()).unwrap();
    assert_eq!(summary["accepted"], 6, "{summary}");
    let real: Vec<Value> = server.messages().into_iter().skip(3).collect();
    assert_eq!(real.len(), 6);
    let mut offices: Vec<String> = real
        .iter()
        .map(|m| {
            m["rcpt_tos"].as_array().unwrap()[0]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    offices.sort();
    offices.dedup();
    assert_eq!(
        offices,
        [
            "ministeriopublico@mp.gob.ve",
            "misionvene@venezuelaonu.gob.ve"
        ]
    );
    assert!(real
        .iter()
        .all(|m| m["rcpt_tos"].as_array().unwrap().len() == 1));
}

#[test]
fn bcc_self_sends_a_copy_to_the_from_address_without_a_bcc_header() {
    let env = Env::new();
    backdated(&env);
    let server = Server::start(&env, "smtp", &[]);
    env.run(&[
        "-q",
        "send",
        "out",
        "--send",
        "--smtp",
        &server.url(),
        "--bcc-self",
    ])
    .ok();
    let messages = server.messages();
    assert_eq!(messages.len(), 2);
    for message in &messages {
        let rcpt: Vec<&str> = message["rcpt_tos"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(rcpt.len(), 2, "{rcpt:?}");
        assert!(rcpt.contains(&"ana@example.org"), "{rcpt:?}");
        assert_eq!(message["has_bcc"], false);
        assert!(!message["to"].as_str().unwrap().contains("ana@example.org"));
        assert!(!message["cc"].as_str().unwrap().contains("ana@example.org"));
    }
}

#[test]
fn a_mailto_link_needs_no_sender_address() {
    let env = Env::new();
    let run = env.run(&[
        "-q",
        "draft",
        "-t",
        "detention-urgent-action",
        "--to",
        "ve-attorney-general",
        "--sender-name",
        "Ana Pérez",
        "--format",
        "mailto",
    ]);
    let link = run.ok().trim();
    assert!(
        link.starts_with("mailto:ministeriopublico@mp.gob.ve?subject="),
        "{link}"
    );
    assert!(!link.contains("from="), "{link}");
    assert!(link.contains("Ana%20P%C3%A9rez"), "signed: {link}");
}

#[test]
fn a_batch_to_an_office_without_an_email_address_stops_before_the_first_row() {
    let env = Env::new();
    env.write("s.csv", &common::signers(3));
    let run = env.run(&[
        "-q",
        "batch",
        "--signers",
        "s.csv",
        "-t",
        "detention-urgent-action",
        "--to",
        "ve-attorney-general",
        "--to",
        "us-secretary-of-state",
        "--format",
        "email",
        "-o",
        "out",
    ]);
    let stderr = run.fails(2);
    assert_eq!(
        stderr.matches("error:").count(),
        1,
        "one error, not one a row: {stderr}"
    );
    assert!(
        stderr.contains("`us-secretary-of-state` has no email address"),
        "{stderr}"
    );
    assert!(!stderr.contains("row"), "{stderr}");
    assert!(!env.join("out").exists(), "nothing written");
}
