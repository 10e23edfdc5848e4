//! A catalogue of bad input: each case asserts the exit code and the exact message a
//! user sees (snapshots), and that nothing panics.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{files, manifest, signers, Env};

/// Runs `args` in a fresh directory holding `files`; the stderr of a run that must fail
/// with `code`.
fn case(files: &[(&str, &[u8])], args: &[&str], code: i32) -> String {
    let env = Env::new();
    for (name, bytes) in files {
        let path = env.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(path, bytes).unwrap();
    }
    let run = env.run(args);
    without_timing(run.fails(code))
}

/// The summary line's time and rate change from run to run.
fn without_timing(stderr: &str) -> String {
    stderr
        .lines()
        .map(|line| match line.find(" in ") {
            Some(at) if line.ends_with("letters/s)") || line.contains("letters/s);") => {
                let rest = &line[at..];
                let tail = rest.find(')').map_or("", |end| &rest[end + 1..]);
                format!("{} in [TIME]{tail}", &line[..at])
            }
            _ => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

fn workspace_case(edit: &[(&str, &str)], args: &[&str], code: i32) -> String {
    let env = Env::new();
    env.run(&["init", "ws"]).ok();
    for (file, text) in edit {
        env.write(file, text);
    }
    env.run(args).fails(code).to_string()
}

const RECORD: &str =
    "office = \"O\"\ncountry = \"VE\"\nlanguages = [\"es\"]\nverified = 2026-01-01\n";

#[test]
fn data_files() {
    let bad_utf8: &[u8] = b"[ve-x]\noffice = \"Fiscal\xeda\"\n";
    insta::assert_snapshot!(
        "recipients-not-utf8",
        case(
            &[("r.toml", bad_utf8)],
            &["--recipients", "r.toml", "recipients", "list"],
            2
        )
    );
    insta::assert_snapshot!(
        "recipients-missing-file",
        case(&[], &["--recipients", "nope.toml", "recipients", "list"], 2)
    );
    let no_langs =
        "[ve-x]\noffice = \"O\"\ncountry = \"VE\"\nlanguages = []\nverified = 2026-01-01\n";
    insta::assert_snapshot!(
        "recipient-without-languages",
        case(
            &[("r.toml", no_langs.as_bytes())],
            &["--recipients", "r.toml", "recipients", "list"],
            2
        )
    );
    let bad_date = RECORD.replace("2026-01-01", "\"yesterday\"");
    insta::assert_snapshot!(
        "recipient-bad-verified-date",
        case(
            &[("r.toml", format!("[ve-x]\n{bad_date}").as_bytes())],
            &["--recipients", "r.toml", "recipients", "list"],
            2
        )
    );
    let bad_lang = RECORD.replace("[\"es\"]", "[\"fr\"]");
    insta::assert_snapshot!(
        "recipient-unknown-language",
        case(
            &[("r.toml", format!("[ve-x]\n{bad_lang}").as_bytes())],
            &["--recipients", "r.toml", "recipients", "list"],
            2
        )
    );
    insta::assert_snapshot!(
        "workspace-settings-unknown-key",
        case(
            &[("letters.toml", b"[sender]\nnmae = \"Ana\"\n")],
            &["recipients", "list"],
            2
        )
    );
}

#[test]
fn templates() {
    let meta = "ws/letter-templates/election-integrity/template.toml";
    insta::assert_snapshot!(
        "demand-missing-spanish",
        workspace_case(
            &[(meta, "name = { en = \"N\", es = \"N\" }\nsubject = { en = \"S\", es = \"A\" }\nlanguages = [\"en\", \"es\"]\nrecipients = [\"us-secretary-of-state\"]\n\n[[demands]]\nid = \"one\"\ntext = { en = \"Do it.\" }\n")],
            &["draft", "--templates", "ws/letter-templates", "-t", "election-integrity", "--sender-name", "Ana", "--lang", "es"],
            2,
        )
    );
    insta::assert_snapshot!(
        "template-missing-subject",
        workspace_case(
            &[(meta, "name = \"N\"\nlanguages = [\"en\"]\n")],
            &[
                "draft",
                "--templates",
                "ws/letter-templates",
                "-t",
                "election-integrity",
                "--sender-name",
                "Ana"
            ],
            2,
        )
    );
    insta::assert_snapshot!(
        "template-duplicate-demand",
        workspace_case(
            &[(meta, "name = \"N\"\nsubject = \"S\"\nlanguages = [\"en\"]\n[[demands]]\nid = \"a\"\ntext = \"x\"\n[[demands]]\nid = \"a\"\ntext = \"y\"\n")],
            &["draft", "--templates", "ws/letter-templates", "-t", "election-integrity", "--sender-name", "Ana"],
            2,
        )
    );
    insta::assert_snapshot!(
        "template-missing-body",
        case(
            &[("t/x/template.toml", b"name = \"N\"\nsubject = \"S\"\nlanguages = [\"en\"]\nrecipients = [\"ve-un-mission\"]\n")],
            &["draft", "--templates", "t", "-t", "x", "--sender-name", "Ana"],
            2,
        )
    );
    insta::assert_snapshot!(
        "template-unused-footnote",
        workspace_case(
            &[(
                "ws/letter-templates/election-integrity/en.md.hbs",
                "Body.\n\n[^a]: A note nobody marks.\n"
            )],
            &[
                "draft",
                "--templates",
                "ws/letter-templates",
                "-t",
                "election-integrity",
                "--sender-name",
                "Ana"
            ],
            2,
        )
    );
    insta::assert_snapshot!(
        "template-unknown-helper",
        workspace_case(
            &[(
                "ws/letter-templates/election-integrity/en.md.hbs",
                "Body {{shout recipient.name}}.\n"
            )],
            &[
                "draft",
                "--templates",
                "ws/letter-templates",
                "-t",
                "election-integrity",
                "--sender-name",
                "Ana"
            ],
            2,
        )
    );
}

#[test]
fn signers_files() {
    let batch = [
        "batch",
        "--signers",
        "s.csv",
        "-t",
        "election-integrity",
        "-o",
        "out",
    ];
    insta::assert_snapshot!("signers-missing", case(&[], &batch, 2));
    insta::assert_snapshot!("signers-empty", case(&[("s.csv", b"")], &batch, 2));
    insta::assert_snapshot!(
        "signers-unterminated-quote",
        case(
            &[(
                "s.csv",
                b"name,email\nAna,a@example.org\n\"Luis,l@example.org\nEva,e@example.org\n"
            )],
            &batch,
            1
        )
    );
    let huge = format!("name,own_words\nAna,{}\n", "x".repeat(200_000));
    insta::assert_snapshot!(
        "signers-huge-cell",
        case(&[("s.csv", huge.as_bytes())], &batch, 1)
    );
    insta::assert_snapshot!(
        "signers-extra-cells",
        case(
            &[("s.csv", b"name,email\nAna,a@example.org,oops\n")],
            &batch,
            1
        )
    );
    insta::assert_snapshot!(
        "signers-mixed-encodings",
        case(
            &[("s.csv", b"name\nJos\xc3\xa9\nN\xfa\xf1ez\n")],
            &[
                "batch",
                "--signers",
                "s.csv",
                "-t",
                "election-integrity",
                "-o",
                "out",
                "--encoding",
                "utf-8"
            ],
            1
        )
    );
    insta::assert_snapshot!(
        "signers-bad-delimiter",
        case(
            &[("s.csv", b"name\nAna\n")],
            &[
                "batch",
                "--signers",
                "s.csv",
                "-t",
                "election-integrity",
                "-o",
                "out",
                "--delimiter",
                "ñ"
            ],
            2
        )
    );
    insta::assert_snapshot!(
        "signers-unknown-recipient-flag",
        case(
            &[("s.csv", b"name\nAna\n")],
            &[
                "batch",
                "--signers",
                "s.csv",
                "-t",
                "election-integrity",
                "--to",
                "us-secretary",
                "-o",
                "out"
            ],
            2
        )
    );
}

#[test]
fn flags_and_paths() {
    fn with<'a>(extra: &[&'a str]) -> Vec<&'a str> {
        let mut args = vec!["draft", "-t", "election-integrity", "--sender-name", "Ana"];
        args.extend_from_slice(extra);
        args
    }
    insta::assert_snapshot!(
        "impossible-date",
        case(&[], &with(&["--date", "2024-02-30"]), 2)
    );
    insta::assert_snapshot!("unknown-format", case(&[], &with(&["--format", "docx"]), 2));
    insta::assert_snapshot!(
        "output-cannot-be-written",
        case(&[], &with(&["-o", "/proc/letters-test/letter.txt"]), 4)
    );
    insta::assert_snapshot!(
        "empty-demand-list",
        case(&[], &with(&["--demands", ","]), 2)
    );
    insta::assert_snapshot!(
        "signature-not-an-image",
        case(
            &[("sig.png", b"not an image")],
            &with(&["--signature", "sig.png", "--format", "pdf", "-o", "x.pdf"]),
            2
        )
    );
    insta::assert_snapshot!(
        "email-without-recipient-address",
        case(&[], &with(&["--format", "email", "-o", "x.eml"]), 2)
    );
    insta::assert_snapshot!(
        "email-bad-from",
        case(
            &[],
            &[
                "draft",
                "-t",
                "detention-urgent-action",
                "--to",
                "ve-un-mission",
                "--sender-name",
                "Ana",
                "--format",
                "email",
                "--from",
                "ana at example",
                "-o",
                "x.eml"
            ],
            2
        )
    );
}

#[test]
fn smtp_settings() {
    let env = Env::new();
    env.run(&[
        "-q",
        "draft",
        "-t",
        "detention-urgent-action",
        "--to",
        "ve-un-mission",
        "--sender-name",
        "Ana",
        "--sender-email",
        "ana@example.org",
        "--format",
        "email",
        "-o",
        "out/",
    ])
    .ok();
    let send = |extra: &[&str]| {
        let mut args = vec!["send", "out", "--send"];
        args.extend_from_slice(extra);
        env.run(&args)
    };
    insta::assert_snapshot!(
        "smtp-bad-scheme",
        send(&["--smtp", "http://127.0.0.1:25"]).fails(2)
    );
    insta::assert_snapshot!(
        "smtp-password-in-url",
        send(&["--smtp", "smtp://ana:hunter2@127.0.0.1:25"]).fails(2)
    );
    insta::assert_snapshot!(
        "smtp-bad-rate",
        send(&["--smtp", "smtp://127.0.0.1:25", "--rate", "fast"]).fails(2)
    );
    insta::assert_snapshot!(
        "smtp-port-out-of-range",
        send(&["--smtp", "smtp://127.0.0.1:99999"]).fails(2)
    );
    insta::assert_snapshot!("smtp-no-host", send(&["--smtp", "smtp://"]).fails(2));
    insta::assert_snapshot!(
        "smtp-password-command-fails",
        send(&[
            "--smtp",
            "smtp://127.0.0.1:2525",
            "--smtp-user",
            "ana",
            "--password-command",
            "false"
        ])
        .fails(2)
    );
}

/// A PNG that declares 40,000 × 40,000 pixels (4.8 GB decoded) in a few dozen bytes.
fn png_bomb() -> Vec<u8> {
    fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        let mut out = (data.len() as u32).to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&crc.sum().to_be_bytes());
        out
    }
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&40_000u32.to_be_bytes());
    ihdr.extend_from_slice(&40_000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // 8-bit RGB
    let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    png.extend(chunk(b"IHDR", &ihdr));
    png.extend(chunk(
        b"IDAT",
        &[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    ));
    png.extend(chunk(b"IEND", &[]));
    png
}

#[test]
fn a_png_bomb_signature_is_refused_without_decoding_it() {
    let bomb = png_bomb();
    insta::assert_snapshot!(
        "signature-png-bomb",
        case(
            &[("bomb.png", &bomb)],
            &[
                "draft",
                "-t",
                "election-integrity",
                "--sender-name",
                "Ana",
                "--signature",
                "bomb.png",
                "--format",
                "pdf",
                "-o",
                "x.pdf"
            ],
            2,
        )
    );
}

#[test]
fn more_data_files() {
    let list = ["--recipients", "r.toml", "recipients", "list"];
    let dup_key = format!("[ve-x]\n{RECORD}office = \"Again\"\n");
    insta::assert_snapshot!(
        "recipients-duplicate-key",
        case(&[("r.toml", dup_key.as_bytes())], &list, 2)
    );
    let dup_record = format!("[ve-x]\n{RECORD}\n[ve-x]\n{RECORD}");
    insta::assert_snapshot!(
        "recipients-duplicate-record",
        case(&[("r.toml", dup_record.as_bytes())], &list, 2)
    );
    let bad_id = format!("[Ve_X]\n{RECORD}");
    insta::assert_snapshot!(
        "recipients-bad-id",
        case(&[("r.toml", bad_id.as_bytes())], &list, 2)
    );
    insta::assert_snapshot!(
        "recipients-not-toml",
        case(&[("r.toml", b"Fiscal General, Caracas\n")], &list, 2)
    );
    let control = RECORD.replace("\"O\"", "\"Fiscal\\u001b[31m\"");
    insta::assert_snapshot!(
        "recipient-control-character",
        case(
            &[("r.toml", format!("[ve-x]\n{control}").as_bytes())],
            &list,
            2
        )
    );
}

#[test]
fn more_templates() {
    let body = "ws/letter-templates/election-integrity/en.md.hbs";
    let meta = "ws/letter-templates/election-integrity/template.toml";
    let draft = [
        "draft",
        "--templates",
        "ws/letter-templates",
        "-t",
        "election-integrity",
        "--sender-name",
        "Ana",
    ];
    insta::assert_snapshot!(
        "template-unclosed-block",
        workspace_case(
            &[(body, "Body.\n\n{{#each demands}}\n1. {{this.text}}\n")],
            &draft,
            2
        )
    );
    insta::assert_snapshot!(
        "template-unknown-variable",
        workspace_case(&[(body, "Dear {{recipient.nickname}},\n")], &draft, 2)
    );
    insta::assert_snapshot!(
        "template-toml-syntax",
        workspace_case(
            &[(meta, "name = \"N\nsubject = \"S\"\nlanguages = [\"en\"]\n")],
            &draft,
            2
        )
    );
    insta::assert_snapshot!(
        "template-impossible-deadline",
        workspace_case(
            &[(
                meta,
                "name = \"N\"\nsubject = \"S\"\nlanguages = [\"en\"]\nact_before = 2024-13-45\n"
            )],
            &draft,
            2
        )
    );
    insta::assert_snapshot!(
        "template-control-character",
        workspace_case(&[(body, "Body with a bell \u{7} in it.\n")], &draft, 2)
    );
}

#[test]
fn more_signers() {
    let batch = [
        "batch",
        "--signers",
        "s.csv",
        "-t",
        "election-integrity",
        "-o",
        "out",
    ];
    // A 50 MB cell (a quote never closed in a large export looks like this): refused
    // without a letter, the other rows written.
    let mut huge = b"name,own_words\nAna,\"".to_vec();
    huge.extend(std::iter::repeat_n(b'x', 50 * 1024 * 1024));
    huge.extend_from_slice(b"\"\nLuis,\n");
    insta::assert_snapshot!("signers-50mb-cell", case(&[("s.csv", &huge)], &batch, 1));
    insta::assert_snapshot!(
        "signers-control-character",
        case(
            &[("s.csv", b"name,city\nAna\x1b[2J,Caracas\nLuis,M\x07rida\n")],
            &batch,
            1
        )
    );
    insta::assert_snapshot!(
        "signers-json-lines-broken-line",
        case(
            &[("s.jsonl", b"{\"name\": \"Ana\"}\n{\"name\": \"Luis\"\n")],
            &[
                "batch",
                "--signers",
                "s.jsonl",
                "-t",
                "election-integrity",
                "-o",
                "out"
            ],
            1
        )
    );
    insta::assert_snapshot!(
        "signers-row-without-name",
        case(&[("s.csv", b"name,email\n,ana@example.org\n")], &batch, 1)
    );
    insta::assert_snapshot!(
        "signers-invalid-email",
        case(&[("s.csv", b"name,email\nAna,ana@example\n")], &batch, 1)
    );
    insta::assert_snapshot!(
        "signers-unknown-language",
        case(&[("s.csv", b"name,lang\nAna,fr\n")], &batch, 1)
    );
}

#[test]
fn more_flags_and_images() {
    fn with<'a>(extra: &[&'a str]) -> Vec<&'a str> {
        let mut args = vec!["draft", "-t", "election-integrity"];
        args.extend_from_slice(extra);
        args
    }
    insta::assert_snapshot!(
        "sender-name-control-character",
        case(&[], &with(&["--sender-name", "Ana\u{1b}[31m"]), 2)
    );
    insta::assert_snapshot!(
        "own-words-file-missing",
        case(
            &[],
            &with(&["--sender-name", "Ana", "--own-words", "@nope.txt"]),
            2
        )
    );
    insta::assert_snapshot!(
        "width-too-narrow",
        case(&[], &with(&["--sender-name", "Ana", "--width", "5"]), 2)
    );
    let png = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/signature.png"
    ))
    .unwrap();
    insta::assert_snapshot!(
        "signature-truncated-png",
        case(
            &[("sig.png", &png[..60])],
            &with(&[
                "--sender-name",
                "Ana",
                "--signature",
                "sig.png",
                "--format",
                "pdf",
                "-o",
                "x.pdf"
            ]),
            2
        )
    );
    insta::assert_snapshot!(
        "signature-missing",
        case(
            &[],
            &with(&[
                "--sender-name",
                "Ana",
                "--signature",
                "nope.png",
                "--format",
                "pdf",
                "-o",
                "x.pdf"
            ]),
            2
        )
    );
}

#[cfg(unix)]
#[test]
fn a_full_standard_output_is_an_error() {
    let env = Env::new();
    let out = std::fs::File::create("/dev/full").unwrap();
    let output = env
        .std_cmd(&["draft", "-t", "election-integrity", "--sender-name", "Ana"])
        .stdout(out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4));
    let stderr = String::from_utf8_lossy(&output.stderr);
    insta::assert_snapshot!(
        "stdout-full",
        stderr
            .lines()
            .filter(|l| l.starts_with("error") || l.starts_with("hint"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// A small tmpfs mounted in a test's directory, unmounted when dropped. `None` when this
/// machine does not let tests mount one (it takes root); the test then says so and stops.
struct SmallDisk {
    path: std::path::PathBuf,
}

impl SmallDisk {
    fn mount(path: std::path::PathBuf, options: &str) -> Option<SmallDisk> {
        std::fs::create_dir_all(&path).unwrap();
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs"])
            .arg(&path)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !mounted {
            eprintln!("not run: mounting a tmpfs needs root");
            return None;
        }
        Some(SmallDisk { path })
    }

    fn remount(&self, options: &str) {
        let status = std::process::Command::new("mount")
            .args(["-o", &format!("remount,{options}")])
            .arg(&self.path)
            .status()
            .unwrap();
        assert!(status.success());
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.path)
            .status();
    }
}

#[test]
fn a_full_disk_stops_the_batch_and_resume_finishes_it() {
    let env = Env::new();
    let Some(disk) = SmallDisk::mount(env.join("disk"), "size=48k") else {
        return;
    };
    env.write("s.csv", &signers(40));
    let batch = |out: &str, extra: &[&str]| {
        let mut args = vec![
            "-q",
            "batch",
            "--signers",
            "s.csv",
            "-t",
            "election-integrity",
            "-o",
            out,
        ];
        args.extend_from_slice(extra);
        env.run(&args)
    };
    let full = batch("disk/out", &[]);
    let message = full.fails(4).to_string();
    insta::with_settings!({filters => vec![(r"disk/out(/[0-9a-z-]+\.txt)?:", "disk/out/[FILE]:")]}, {
        insta::assert_snapshot!("disk-full-batch", message);
    });
    let out = env.join("disk/out");
    assert!(
        files(&out).iter().all(|f| !f.ends_with(".tmp")),
        "temporary files left: {:?}",
        files(&out)
    );
    // Room again: the same command with --resume writes exactly the rest.
    disk.remount("size=4m");
    batch("disk/out", &["--resume"]).ok();
    batch("plain-out", &[]).ok();
    assert_eq!(files(&out), files(&env.join("plain-out")));
    for name in files(&out) {
        if name.ends_with(".txt") {
            assert_eq!(
                std::fs::read(out.join(&name)).unwrap(),
                std::fs::read(env.join("plain-out").join(&name)).unwrap(),
                "{name} differs from a batch written in one go"
            );
        }
    }
    let mut recorded: Vec<String> = manifest(&out)
        .iter()
        .map(|entry| entry["file"].to_string())
        .collect();
    let count = recorded.len();
    recorded.sort();
    recorded.dedup();
    assert_eq!(recorded.len(), count, "a letter recorded twice");
    assert_eq!(count, 40);
}

/// Fills a small disk up to `free` bytes short of full (tmpfs counts whole 4 KB pages).
fn fill(disk: &std::path::Path, size: usize, free: usize) {
    std::fs::write(disk.join("filler"), vec![0u8; size - free]).unwrap();
}

/// Whichever file a full disk strikes first (a letter, the manifest, failed rows, the
/// combined file), the batch stops with exit code 4, names that file (never a temporary
/// one), and says how to finish: --resume, or for a combined file, the same command.
#[test]
fn a_full_disk_names_the_file_it_struck_and_how_to_finish() {
    let cases: [(&str, &str, usize, &[&str]); 3] = [
        // One page left: the letter fits, the manifest's first line does not.
        ("disk-full-manifest-first", "name\nAna\n", 4096, &[]),
        // No room at all, and the only row fails: failed.csv is the first file written.
        (
            "disk-full-failed-rows-first",
            "name,email\nAna,not-an-address\n",
            0,
            &[],
        ),
        // No room at all for the combined file.
        ("disk-full-combined-first", "name\nAna\n", 0, &["--combine"]),
    ];
    for (name, signers, free, extra) in cases {
        let env = Env::new();
        let Some(disk) = SmallDisk::mount(env.join("disk"), "size=32k") else {
            return;
        };
        fill(&env.join("disk"), 32 * 1024, free);
        env.write("s.csv", signers);
        let mut args = vec![
            "-q",
            "batch",
            "--signers",
            "s.csv",
            "-t",
            "election-integrity",
            "-o",
            "disk/out",
        ];
        args.extend_from_slice(extra);
        let message = env.run(&args).fails(4).to_string();
        insta::assert_snapshot!(name, message);
        assert!(!message.contains(".tmp"), "{message}");
        let out = env.join("disk/out");
        assert!(
            files(&out).iter().all(|f| !f.ends_with(".tmp")),
            "{name}: temporary files left: {:?}",
            files(&out)
        );
        if extra.is_empty() {
            // Room again: --resume finishes it, each letter once.
            std::fs::remove_file(env.join("disk/filler")).unwrap();
            disk.remount("size=4m");
            args.push("--resume");
            let run = env.run(&args);
            let failed_rows = signers.contains("not-an-address");
            assert_eq!(run.code, i32::from(failed_rows), "{name}: {}", run.stderr);
            assert_eq!(out.join("failed.csv").exists(), failed_rows, "{name}");
            let entries = manifest(&out);
            let letters = files(&out).iter().filter(|f| f.ends_with(".txt")).count();
            assert_eq!(entries.len(), letters, "{name}");
        }
    }
}

#[test]
fn a_read_only_output_directory_is_an_error() {
    let env = Env::new();
    let Some(_disk) = SmallDisk::mount(env.join("ro"), "size=64k,ro") else {
        return;
    };
    insta::assert_snapshot!(
        "output-read-only",
        env.run(&[
            "-q",
            "draft",
            "-t",
            "election-integrity",
            "--sender-name",
            "Ana",
            "-o",
            "ro/letter.txt",
        ])
        .fails(4)
    );
}

#[cfg(unix)]
#[test]
fn output_safety() {
    let env = Env::new();
    env.write("s.csv", "name,signature\nAna,\nBea,/etc/shadow\n");
    std::fs::create_dir_all(env.join("out")).unwrap();
    std::os::unix::fs::symlink(env.join(".home/.bashrc"), env.join("out/manifest.jsonl")).unwrap();
    let batch = [
        "-q",
        "batch",
        "--signers",
        "s.csv",
        "-t",
        "election-integrity",
        "-o",
        "out",
    ];
    insta::assert_snapshot!("symlink-in-output-folder", env.run(&batch).fails(4));
    std::fs::remove_file(env.join("out/manifest.jsonl")).unwrap();
    let run = env.run(&[&batch[1..7], &["out2"]].concat());
    insta::assert_snapshot!(
        "signature-outside-signers-folder",
        without_timing(run.fails(1))
    );
}

/// A signers file's bytes in UTF-16 with a byte order mark, as Excel's "Unicode text"
/// export writes it (little-endian) or as other programs may (big-endian).
fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    bytes
}

/// The batch command over `signers`, with `extra` flags.
fn batch_with<'a>(signers: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "batch",
        "--signers",
        signers,
        "-t",
        "election-integrity",
        "-o",
        "out",
    ];
    args.extend_from_slice(extra);
    args
}

/// A recipients file of one record, `[ve-x]`, with `extra` lines.
fn record_with(extra: &str) -> Vec<u8> {
    format!("[ve-x]\noffice = \"O\"\nlanguages = [\"es\"]\nverified = 2026-01-01\n{extra}")
        .into_bytes()
}

#[test]
fn input_safety() {
    fn draft<'a>(extra: &[&'a str]) -> Vec<&'a str> {
        let mut args = vec!["draft", "-t", "election-integrity", "--sender-name", "Ana"];
        args.extend_from_slice(extra);
        args
    }
    // Own words are read up to 64 KB, however much the file, device or pipe holds.
    let started = std::time::Instant::now();
    insta::assert_snapshot!(
        "own-words-endless-device",
        case(&[], &draft(&["--own-words", "@/dev/zero"]), 2)
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    let big = vec![b'x'; 20 * 1024 * 1024];
    insta::assert_snapshot!(
        "own-words-huge-file",
        case(
            &[("big.txt", &big)],
            &draft(&["--own-words", "@big.txt"]),
            2
        )
    );
    let env = Env::new();
    let piped = "word ".repeat(20_000);
    insta::assert_snapshot!(
        "own-words-huge-stdin",
        env.run_with_stdin(&draft(&["--own-words", "-"]), &piped)
            .fails(2)
    );
    insta::assert_snapshot!(
        "batch-own-words-huge-file",
        case(
            &[("s.csv", b"name\nAna\n"), ("big.txt", &big[..100_000])],
            &batch_with("s.csv", &["--own-words", "@big.txt"]),
            2
        )
    );
    // Dates an email's Date header can carry.
    insta::assert_snapshot!(
        "date-year-zero",
        case(&[], &draft(&["--date", "0000-01-01"]), 2)
    );
    insta::assert_snapshot!(
        "date-after-2100",
        case(&[], &draft(&["--date", "2101-01-01"]), 2)
    );
    Env::new().run(&draft(&["--date", "1970-01-01"])).ok();
    // A delimiter must be able to separate cells.
    for (name, delimiter) in [
        ("line-feed", "\n"),
        ("carriage-return", "\r"),
        ("quote", "\""),
    ] {
        insta::assert_snapshot!(
            format!("signers-delimiter-{name}"),
            case(
                &[("s.csv", b"name\nAna\n")],
                &batch_with("s.csv", &["--delimiter", delimiter]),
                2
            )
        );
    }
}

#[test]
fn input_safety_signers_shape() {
    // A million columns on one row fail that row, without a million cells in memory.
    let mut wide = b"name,email\nAna,a@example.org\n".to_vec();
    wide.extend(std::iter::repeat_n(b',', 1_000_000));
    wide.extend_from_slice(b"\nLuis,l@example.org\n");
    insta::assert_snapshot!(
        "signers-million-columns",
        case(&[("s.csv", &wide)], &batch_with("s.csv", &[]), 1)
    );
    let wide_header = format!("name{}\nAna\n", ",extra".repeat(1_000));
    insta::assert_snapshot!(
        "signers-header-too-many-columns",
        case(
            &[("s.csv", wide_header.as_bytes())],
            &batch_with("s.csv", &[]),
            2
        )
    );
    insta::assert_snapshot!(
        "signers-column-named-twice",
        case(
            &[("s.csv", b"Name,email,name \nAna,a@example.org,Ana\n")],
            &batch_with("s.csv", &[]),
            2
        )
    );
    // A row of four full cells and more (each under the cell bound) is refused too.
    let cell = "x".repeat(60 * 1024);
    let heavy = format!("name,a,b,c,d,e\nAna,{cell},{cell},{cell},{cell},{cell}\nLuis,,,,,\n");
    insta::assert_snapshot!(
        "signers-row-too-large",
        case(&[("s.csv", heavy.as_bytes())], &batch_with("s.csv", &[]), 1)
    );
}

#[test]
fn input_safety_json_lines() {
    insta::assert_snapshot!(
        "signers-json-duplicate-key",
        case(
            &[(
                "s.jsonl",
                b"{\"name\": \"Ana\", \"email\": \"a@example.org\", \"email\": \"b@example.org\"}\n{\"Name\": \"Eva\", \"name\": \"Eve\"}\n{\"name\": \"Luis\"}\n"
            )],
            &batch_with("s.jsonl", &[]),
            1
        )
    );
    insta::assert_snapshot!(
        "signers-json-value-not-text",
        case(
            &[(
                "s.jsonl",
                b"{\"name\": 42}\n{\"name\": \"Eva\", \"own_words\": {\"text\": \"x\"}}\n{\"name\": \"Ivo\", \"lang\": true}\n{\"name\": \"Ana\", \"to\": [\"ve-un-mission\", 7]}\n{\"name\": \"Luis\", \"to\": [\"ve-un-mission\"], \"zip\": 1010}\n"
            )],
            &batch_with("s.jsonl", &[]),
            1
        )
    );
}

#[test]
fn input_safety_utf16_signers() {
    // Excel's "Unicode text": UTF-16LE with a BOM, tab-separated.
    let text = "Name\tOrganization\tCity\r\nJosé Núñez\tRed \"Uno\"\tMérida\r\nZoë Ðorđević\t\tCaracas\r\n";
    for (little_endian, file) in [(true, "unicode.txt"), (false, "big-endian.txt")] {
        let env = Env::new();
        std::fs::write(env.join(file), utf16(text, little_endian)).unwrap();
        env.run(&[
            "-q",
            "batch",
            "--signers",
            file,
            "-t",
            "election-integrity",
            "-o",
            "out",
        ])
        .ok();
        let letters: Vec<String> = files(&env.join("out"))
            .into_iter()
            .filter(|f| f.ends_with(".txt"))
            .map(|f| std::fs::read_to_string(env.join("out").join(f)).unwrap())
            .collect();
        assert_eq!(letters.len(), 2, "{file}");
        assert!(letters.iter().any(|l| l.contains("José Núñez")), "{file}");
        assert!(letters.iter().any(|l| l.contains("Zoë Ðorđević")), "{file}");
        assert!(letters.iter().all(|l| !l.contains('\0')), "{file}");
    }
    // Named, for a file without a BOM (read as little-endian).
    let env = Env::new();
    std::fs::write(env.join("s.txt"), &utf16("name\nAna Pérez\n", true)[2..]).unwrap();
    env.run(&[
        "-q",
        "batch",
        "--signers",
        "s.txt",
        "--encoding",
        "utf-16",
        "-t",
        "election-integrity",
        "-o",
        "out",
    ])
    .ok();
    assert_eq!(manifest(&env.join("out"))[0]["signer"], "Ana Pérez");
}

#[test]
fn input_safety_recipients() {
    let list = ["--recipients", "r.toml", "recipients", "list"];
    insta::assert_snapshot!(
        "recipient-blank-address-line",
        case(
            &[(
                "r.toml",
                &record_with("country = \"VE\"\naddress = [\"Av. Urdaneta\", \"\", \"Caracas\"]\n")
            )],
            &list,
            2
        )
    );
    insta::assert_snapshot!(
        "recipient-country-name",
        case(
            &[("r.toml", &record_with("country = \"Venezuela\"\n"))],
            &list,
            2
        )
    );
    insta::assert_snapshot!(
        "recipient-country-unknown",
        case(&[("r.toml", &record_with("country = \"XX\"\n"))], &list, 2)
    );
    // No address at all: fine for email and JSON, not for a letter to post.
    let template = (
        "t/x/template.toml",
        b"name = \"N\"\nsubject = \"S\"\nlanguages = [\"es\"]\nrecipients = [\"ve-x\"]\n"
            as &[u8],
    );
    let body = ("t/x/es.md.hbs", b"Cuerpo.\n" as &[u8]);
    let no_address = record_with(
        "country = \"VE\"\nemail = \"fiscal@example.org\"\nsalutation = \"Señor Fiscal:\"\n",
    );
    let files = [("r.toml", no_address.as_slice()), template, body];
    let draft = |format: &'static str, output: &'static str| {
        vec![
            "--recipients",
            "r.toml",
            "--templates",
            "t",
            "draft",
            "-t",
            "x",
            "--sender-name",
            "Ana",
            "--sender-email",
            "ana@example.org",
            "--format",
            format,
            "-o",
            output,
        ]
    };
    for (format, output) in [("text", "letter.txt"), ("pdf", "letter.pdf")] {
        insta::assert_snapshot!(
            format!("recipient-without-address-{format}"),
            case(&files, &draft(format, output), 2)
        );
    }
    for (format, output) in [("email", "letter.eml"), ("json", "letter.json")] {
        let env = Env::new();
        for (name, bytes) in &files {
            let path = env.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
        env.run(&draft(format, output)).ok();
    }
    let mut files_batch = files.to_vec();
    files_batch.push(("s.csv", b"name\nAna\n"));
    insta::assert_snapshot!(
        "batch-recipient-without-address",
        case(
            &files_batch,
            &[
                "--recipients",
                "r.toml",
                "--templates",
                "t",
                "batch",
                "--signers",
                "s.csv",
                "-t",
                "x",
                "-o",
                "out"
            ],
            2
        )
    );
}

#[test]
fn input_safety_settings() {
    insta::assert_snapshot!(
        "workspace-sender-control-character",
        case(
            &[("letters.toml", b"[sender]\nname = \"Ana\\u001b[31m\"\n")],
            &["draft", "-t", "election-integrity"],
            2
        )
    );
    insta::assert_snapshot!(
        "user-config-sender-control-character",
        case(
            &[(
                ".config-letters/letters.toml",
                b"[sender]\nname = \"Ana\"\naddress = [\"Calle 1\", \"Caracas\\u0007\"]\n"
            )],
            &["draft", "-t", "election-integrity"],
            2
        )
    );
}

/// Asserts that no ESC reached `text` raw, and returns it.
fn no_raw_escape(text: &str) -> &str {
    assert!(!text.contains('\u{1b}'), "a raw ESC in:\n{text}");
    text
}

#[test]
fn input_safety_escapes_control_characters() {
    // A flag value quoted back.
    insta::assert_snapshot!(
        "flag-value-control-character-escaped",
        no_raw_escape(&case(
            &[],
            &[
                "draft",
                "-t",
                "election-integrity",
                "--sender-name",
                "Ana",
                "--to",
                "ve-\u{1b}[2J"
            ],
            2
        ))
    );
    // A data file's id quoted back.
    insta::assert_snapshot!(
        "data-file-control-character-escaped",
        no_raw_escape(&case(
            &[(
                "r.toml",
                format!("[\"ve-\\u001b]0;owned\\u0007\"]\n{RECORD}").as_bytes()
            )],
            &["--recipients", "r.toml", "recipients", "list"],
            2
        ))
    );
    // A signers cell and column name: quoted back in a warning, kept in failed.csv.
    let env = Env::new();
    let long = "x".repeat(70 * 1024);
    env.write(
        "s.csv",
        &format!("name,ci\u{1b}[31mty\nAna\u{1b}[2J,Caracas\nLuis,{long}\n"),
    );
    let run = env.run(&batch_with("s.csv", &[]));
    insta::assert_snapshot!(
        "signers-control-character-escaped",
        no_raw_escape(&without_timing(run.fails(1)))
    );
    let failed = env.read("out/failed.csv");
    no_raw_escape(&failed);
    assert!(failed.contains("Ana\\u{1b}[2J"), "{failed}");
    assert!(
        failed.starts_with("name,ci\\u{1b}[31mty,error\n"),
        "{failed}"
    );
    // JSON Lines: failed.jsonl too.
    let env = Env::new();
    env.write(
        "s.jsonl",
        "{\"name\": \"Ana\\u001b[2J\", \"k\\u001b\": 1}\n",
    );
    no_raw_escape(env.run(&batch_with("s.jsonl", &[])).fails(1));
    let failed = env.read("out/failed.jsonl");
    assert!(
        !failed.contains('\u{1b}') && !failed.contains("\\u001b"),
        "{failed}"
    );
    assert!(failed.contains("Ana\\\\u{1b}[2J"), "{failed}");
}

/// A local SMTP server that offers AUTH and refuses every password (535); its port.
fn refusing_smtp_server() -> u16 {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut out = stream.try_clone().unwrap();
            let mut lines = BufReader::new(stream).lines();
            let _ = out.write_all(b"220 test.invalid ESMTP\r\n");
            while let Some(Ok(line)) = lines.next() {
                let verb = line
                    .split(' ')
                    .next()
                    .unwrap_or_default()
                    .to_ascii_uppercase();
                let answer: &[u8] = match verb.as_str() {
                    "EHLO" => b"250-test.invalid\r\n250 AUTH PLAIN LOGIN\r\n",
                    "AUTH" => b"535 5.7.8 Authentication credentials invalid\r\n",
                    "QUIT" => b"221 Bye\r\n",
                    _ => b"502 5.5.2 Not implemented\r\n",
                };
                if out.write_all(answer).is_err() || verb == "QUIT" {
                    break;
                }
            }
        }
    });
    port
}

#[test]
fn send_safety() {
    let env = Env::new();
    env.run(&[
        "-q",
        "draft",
        "-t",
        "detention-urgent-action",
        "--to",
        "ve-un-mission",
        "--sender-name",
        "Ana",
        "--sender-email",
        "ana@example.org",
        "--format",
        "email",
        "-o",
        "out/",
    ])
    .ok();
    let send = |extra: &[&str]| {
        let mut args = vec!["send", "out", "--send"];
        args.extend_from_slice(extra);
        env.run(&args)
    };
    let local = ["--smtp", "smtp://127.0.0.1:25"];
    let with_local = |extra: &[&str]| {
        let mut args = local.to_vec();
        args.extend_from_slice(extra);
        send(&args)
    };
    insta::assert_snapshot!(
        "send-rate-too-slow",
        with_local(&["--rate", "1e-300/min"]).fails(2)
    );
    insta::assert_snapshot!(
        "send-rate-too-fast",
        with_local(&["--rate", "1e9/s"]).fails(2)
    );
    insta::assert_snapshot!(
        "send-retry-delay-too-long",
        with_local(&["--retry-delay", "1e300"]).fails(2)
    );
    insta::assert_snapshot!(
        "send-retry-delay-negative",
        with_local(&["--retry-delay=-1"]).fails(2)
    );
    // A dry run checks the pace too.
    insta::assert_snapshot!(
        "send-dry-run-rate-too-slow",
        env.run(&["send", "out", "--rate", "0.5/day"]).fails(2)
    );

    insta::assert_snapshot!(
        "send-mbox-empty",
        case(&[("batch.mbox", b"")], &["send", "batch.mbox"], 2)
    );
    insta::assert_snapshot!(
        "send-mbox-empty-send",
        case(
            &[("batch.mbox", b"no message here\n")],
            &[
                "send",
                "batch.mbox",
                "--send",
                "--smtp",
                "smtp://127.0.0.1:25"
            ],
            2
        )
    );
    insta::assert_snapshot!(
        "send-eml-unparsable-to",
        case(
            &[(
                "m.eml",
                b"Message-ID: <m@x>\r\nFrom: a@example.org\r\nTo: Fiscal General \x1b[31m\r\n\r\nbody\r\n"
            )],
            &["send", "m.eml"],
            2
        )
    );
    insta::assert_snapshot!(
        "send-eml-bad-to-address",
        case(
            &[(
                "m.eml",
                b"Message-ID: <m@x>\r\nFrom: a@example.org\r\nTo: \"Fiscal\" <fiscal@>\r\n\r\nbody\r\n"
            )],
            &["send", "m.eml"],
            2
        )
    );

    insta::assert_snapshot!(
        "smtp-empty-port",
        send(&["--smtp", "smtp://127.0.0.1:"]).fails(2)
    );
    insta::assert_snapshot!(
        "smtp-unknown-tls-value",
        send(&["--smtp", "smtp://mail.example.org?tls=bogus"]).fails(2)
    );
    insta::assert_snapshot!(
        "smtp-tls-contradicts-scheme",
        send(&["--smtp", "starttls://mail.example.org?tls=none"]).fails(2)
    );
    insta::assert_snapshot!(
        "smtp-unknown-url-setting",
        send(&["--smtp", "smtp://mail.example.org?TLS=starttls"]).fails(2)
    );

    let url = format!("smtp://127.0.0.1:{}", refusing_smtp_server());
    let refused = send(&[
        "--smtp",
        &url,
        "--smtp-user",
        "ana",
        "--password-command",
        "echo wrong",
    ]);
    insta::with_settings!({filters => vec![(r"127\.0\.0\.1:[0-9]+", "127.0.0.1:[PORT]")]}, {
        insta::assert_snapshot!("smtp-login-refused", refused.fails(3));
    });
}

/// Signature images that do not decode completely, and a combined PDF that cannot be
/// written whole.
#[test]
fn pdf_safety() {
    let jpeg = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/signature.jpg"
    ))
    .unwrap();
    let draft = |file: &'static str| {
        vec![
            "draft",
            "-t",
            "post-election-audit",
            "--to",
            "ve-un-mission",
            "--sender-name",
            "Ana",
            "--signature",
            file,
            "--format",
            "pdf",
            "-o",
            "x.pdf",
        ]
    };
    insta::assert_snapshot!(
        "signature-truncated-jpeg",
        case(
            &[("sig.jpg", &jpeg[..jpeg.len() / 2])],
            &draft("sig.jpg"),
            2
        )
    );
    // The counts of the first Huffman table, all 0xFF.
    let dht = jpeg.windows(2).position(|w| w == [0xFF, 0xC4]).unwrap();
    let mut corrupt = jpeg.clone();
    corrupt[dht + 5..dht + 21].fill(0xFF);
    insta::assert_snapshot!(
        "signature-corrupt-jpeg",
        case(&[("sig.jpg", &corrupt)], &draft("sig.jpg"), 2)
    );
    // A frame header that declares 40,000 × 40,000 pixels.
    let sof = jpeg.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    let mut huge = jpeg.clone();
    huge[sof + 5..sof + 9].copy_from_slice(&[0x9C, 0x40, 0x9C, 0x40]);
    insta::assert_snapshot!(
        "signature-huge-jpeg",
        case(&[("sig.jpg", &huge)], &draft("sig.jpg"), 2)
    );
    let rows = "name;signature\nAna;sig.jpg\nLuis;cut.jpg\n";
    insta::assert_snapshot!(
        "batch-signature-truncated-jpeg",
        case(
            &[
                ("s.csv", rows.as_bytes()),
                ("sig.jpg", &jpeg),
                ("cut.jpg", &jpeg[..jpeg.len() - 2]),
            ],
            &[
                "batch",
                "--signers",
                "s.csv",
                "-t",
                "post-election-audit",
                "--to",
                "ve-un-mission",
                "--format",
                "pdf",
                "--combine",
                "-o",
                "out",
            ],
            1
        )
    );

    // A combined PDF that fills the disk: an error naming it, and no file at all.
    let env = Env::new();
    let Some(_disk) = SmallDisk::mount(env.join("disk"), "size=48k") else {
        return;
    };
    env.write("s.csv", &signers(40));
    let full = env.run(&[
        "-q",
        "batch",
        "--signers",
        "s.csv",
        "-t",
        "election-integrity",
        "--format",
        "pdf",
        "--combine",
        "-o",
        "disk/out",
    ]);
    insta::assert_snapshot!("combined-pdf-disk-full", full.fails(4));
    assert!(files(&env.join("disk/out")).is_empty());
}

/// Templates come from users: whatever a body asks for, every command ends in bounded
/// time and memory with an error naming the file (and the line, where there is one).
/// The bodies below are each just past a limit, so that each case proves its bound
/// quickly.
#[test]
fn template_bounds() {
    let body = "ws/letter-templates/election-integrity/en.md.hbs";
    let draft = [
        "draft",
        "--templates",
        "ws/letter-templates",
        "-t",
        "election-integrity",
        "--sender-name",
        "Ana",
    ];
    // A partial that includes itself would recurse until the stack overflows.
    insta::assert_snapshot!(
        "template-self-recursive-partial",
        workspace_case(
            &[(
                body,
                "Body.\n\n{{#*inline \"x\"}}{{> x}}{{/inline}}{{> x}}\n"
            )],
            &draft,
            2
        )
    );
    insta::assert_snapshot!(
        "template-partial",
        workspace_case(&[(body, "Body.\n\n{{> es.md.hbs}}\n")], &draft, 2)
    );
    // Triple braces would print the name unescaped: `*"La Flaca"*` would become emphasis.
    insta::assert_snapshot!(
        "template-triple-braces",
        workspace_case(
            &[(body, "Body.\n\nSigned, {{{sender.name}}}\n")],
            &[
                "draft",
                "--templates",
                "ws/letter-templates",
                "-t",
                "election-integrity",
                "--sender-name",
                "Ana *\"La Flaca\"* O'Brien",
            ],
            2
        )
    );
    // 33 nested blocks, one a line: refused before Handlebars parses them (its parser
    // takes minutes over a few thousand levels, and recurses once per level).
    let deep = format!(
        "Body.\n\n{}x\n{}",
        "{{#if own_words}}\n".repeat(33),
        "{{/if}}\n".repeat(33)
    );
    insta::assert_snapshot!(
        "template-blocks-too-deep",
        workspace_case(&[(body, &deep)], &draft, 2)
    );
    let parentheses = format!(
        "Body {{{{lookup {}fields{} \"x\"}}}}.\n",
        "(lookup ".repeat(33),
        " \"x\")".repeat(33)
    );
    insta::assert_snapshot!(
        "template-parentheses-too-deep",
        workspace_case(&[(body, &parentheses)], &draft, 2)
    );
    // A `}}` inside a quoted string: Handlebars would read on past it, where blocks
    // could hide from the nesting count.
    insta::assert_snapshot!(
        "template-unreadable-tag",
        workspace_case(
            &[(body, "Body.\n\n{{#if own_words}}{{x \"}}{{/if}}\"}}\n")],
            &draft,
            2
        )
    );
    insta::assert_snapshot!(
        "template-tag-never-closed",
        workspace_case(&[(body, "Body.\n\nSigned, {{sender.name\n")], &draft, 2)
    );
    // Handlebars would search to the end of the body for the `--}}` of each comment.
    insta::assert_snapshot!(
        "template-comment-never-closed",
        workspace_case(
            &[(body, "Body.\n\n{{!-- a note }}\n{{!-- another }}\n")],
            &draft,
            2
        )
    );
    // Handlebars counts from the start of the body for the line of every tag.
    insta::assert_snapshot!(
        "template-too-many-tags",
        workspace_case(
            &[(body, &"Dear {{recipient.name}},\n".repeat(1001))],
            &draft,
            2
        )
    );
    insta::assert_snapshot!(
        "template-body-too-large",
        workspace_case(&[(body, &"A long line of text.\n".repeat(3200))], &draft, 2)
    );
    // Four `{{#each}}` levels over the five demands would repeat the block 625 times.
    insta::assert_snapshot!(
        "template-each-too-deep",
        workspace_case(
            &[(
                body,
                "Body.\n\n{{#each demands}}{{#each ../demands}}{{#each ../../demands}}\n{{#each ../../../demands}}\n{{this.text}}\n{{/each}}{{/each}}{{/each}}{{/each}}\n"
            )],
            &draft,
            2
        )
    );
    // Three levels are allowed; a long paragraph repeated 125 times passes 1 MiB and
    // rendering stops there.
    let long = format!(
        "Body.\n\n{{{{#each demands}}}}{{{{#each ../demands}}}}{{{{#each ../../demands}}}}\n{}\n{{{{/each}}}}{{{{/each}}}}{{{{/each}}}}\n",
        "x".repeat(8500)
    );
    insta::assert_snapshot!(
        "template-letter-too-long",
        workspace_case(&[(body, &long)], &draft, 2)
    );
    // The same with a block that prints nothing: its work is counted all the same.
    let busy = format!(
        "Body.\n\n{{{{#each demands}}}}{{{{#each ../demands}}}}{{{{#each ../../demands}}}}\n{}\n{{{{/each}}}}{{{{/each}}}}{{{{/each}}}}\n",
        "{{#if ../../../own_words}}{{/if}}".repeat(300)
    );
    insta::assert_snapshot!(
        "template-loops-too-long",
        workspace_case(&[(body, &busy)], &draft, 2)
    );
    // In a batch, a problem of the template is found before any row; one that depends
    // on a row's data (here an `{{#each}}` in an `{{#each}}` over 400 columns) fails that
    // row alone.
    insta::assert_snapshot!(
        "batch-template-partial",
        workspace_case(
            &[
                (body, "{{#*inline \"x\"}}{{> x}}{{/inline}}{{> x}}\n"),
                ("s.csv", "name\nAna\n"),
            ],
            &[
                "batch",
                "--templates",
                "ws/letter-templates",
                "-t",
                "election-integrity",
                "--signers",
                "s.csv",
                "-o",
                "out"
            ],
            2
        )
    );
    let columns: Vec<String> = (1..=400).map(|i| format!("c{i}")).collect();
    let cells: Vec<String> = (1..=400).map(|i| i.to_string()).collect();
    let signers = format!(
        "name,{}\nAna,{}\nLuis,{}\n",
        columns.join(","),
        cells.join(","),
        cells.join(",")
    );
    // (The warnings about the campaign and the recipient may come before or after the
    // rows' failures: only the rows' lines are kept.)
    let rows_only = |stderr: String| -> String {
        without_timing(&stderr)
            .lines()
            .filter(|line| {
                !line.starts_with("warning: campaign") && !line.starts_with("warning: recipient")
            })
            .map(|line| format!("{line}\n"))
            .collect()
    };
    insta::assert_snapshot!(
        "batch-loops-too-long-for-a-row",
        rows_only(workspace_case(
            &[
                (
                    body,
                    "Body.\n\n{{#each fields}}{{#each ../fields}}{{@key}}{{/each}}{{/each}}\n"
                ),
                ("s.csv", &signers),
            ],
            &[
                "batch",
                "--templates",
                "ws/letter-templates",
                "-t",
                "election-integrity",
                "--signers",
                "s.csv",
                "-o",
                "out"
            ],
            1
        ))
    );
    // `letters check` renders every body against sample data, within the same limits,
    // and reports each problem the same way.
    let env = Env::new();
    env.run(&["init", "ws"]).ok();
    env.write(body, "Body.\n\nSigned, {{{sender.name}}}\n");
    env.write(
        "ws/letter-templates/post-election-audit/en.md.hbs",
        "{{#*inline \"x\"}}{{> x}}{{/inline}}{{> x}}\n",
    );
    env.write(
        "ws/letter-templates/detention-urgent-action/es.md.hbs",
        &deep,
    );
    env.write("ws/letter-templates/accountability-2025/en.md.hbs", &long);
    env.write(
        "ws/letter-templates/long-campaign/template.toml",
        "name = \"N\"\nsubject = \"S\"\nlanguages = [\"en\"]\n",
    );
    env.write(
        "ws/letter-templates/long-campaign/en.md.hbs",
        &"A long line of text.\n".repeat(3200),
    );
    let run = env.run(&["check", "ws"]);
    run.fails(2);
    insta::assert_snapshot!("check-template-bounds", run.stdout);
}
