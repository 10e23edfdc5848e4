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
