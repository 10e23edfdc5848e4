//! `letters batch` end to end: real spreadsheets, bad rows, resume after kill -9, shards,
//! sign-on letters.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Duration;

use common::{files, manifest, signers, wait_for, Env};

fn letters(dir: &Path) -> BTreeSet<String> {
    files(dir)
        .into_iter()
        .filter(|f| f.ends_with(".txt"))
        .collect()
}

#[test]
fn an_excel_export_in_windows_1252_with_semicolons_blank_duplicate_and_bad_rows() {
    let env = Env::new();
    let bytes: &[u8] = b"Name;Title;Organization;Email;City;lang\r\n\
Jos\xe9 N\xfa\xf1ez;Coordinador;\"Red \"\"Uno\"\"; Caracas\";jose@example.org;M\xe9rida;es\r\n\
;;;;;\r\n\
Ana O'Brien;;;ana@example;Quito;\r\n\
Jos\xe9 N\xfa\xf1ez;Coordinador;\"Red \"\"Uno\"\"; Caracas\";jose@example.org;M\xe9rida;es\r\n\
\"Mar\xeda\r\nde los \xc1ngeles\";;;;;en\r\n";
    std::fs::write(env.join("signers.csv"), bytes).unwrap();
    let run = env.run(&[
        "batch",
        "--signers",
        "signers.csv",
        "-t",
        "detention-urgent-action",
        "--to",
        "ve-attorney-general",
        "-o",
        "out",
    ]);
    let stderr = run.fails(1);
    assert!(
        stderr.contains(
            "signers.csv row 4: column `Email`: `ana@example` is not a valid email address"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("signers.csv row 5 repeats an earlier row; skipped"),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 written") || stderr.contains("2 written"),
        "{stderr}"
    );
    assert!(
        stderr.contains("2 written, 0 skipped, 1 failed, 1 duplicate rows, 1 blank rows"),
        "{stderr}"
    );

    let out = env.join("out");
    assert_eq!(
        letters(&out),
        BTreeSet::from([
            "0002-jose-nunez--ve-attorney-general.txt".to_string(),
            "0006-maria-de-los-angeles--ve-attorney-general.txt".to_string(),
        ])
    );
    let jose = env.read("out/0002-jose-nunez--ve-attorney-general.txt");
    assert!(
        jose.contains("\nJosé Núñez\nCoordinador\nRed \"Uno\"; Caracas\n"),
        "{jose}"
    );
    assert!(
        jose.contains("Señor Fiscal General:"),
        "row language es: {jose}"
    );
    let maria = env.read("out/0006-maria-de-los-angeles--ve-attorney-general.txt");
    assert!(
        maria.contains("Dear Attorney General,"),
        "row language en, British style to Caracas: {maria}"
    );

    let failed = env.read("out/failed.csv");
    assert_eq!(
        failed,
        "Name,Title,Organization,Email,City,lang,error\nAna O'Brien,,,ana@example,Quito,,column `Email`: `ana@example` is not a valid email address: write it as user@example.org\n"
    );
    let entries = manifest(&out);
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["row"], 2);
    assert_eq!(entries[0]["signer"], "José Núñez");
    assert_eq!(entries[0]["language"], "es");
    let bytes = std::fs::read(out.join("0002-jose-nunez--ve-attorney-general.txt")).unwrap();
    assert_eq!(entries[0]["bytes"], bytes.len());
}

#[test]
fn json_lines_on_stdin_with_per_row_recipients_and_fields() {
    let env = Env::new();
    env.run(&["init", "ws"]).ok();
    let body = env.read("ws/letter-templates/detention-urgent-action/en.md.hbs");
    env.write(
        "ws/letter-templates/detention-urgent-action/en.md.hbs",
        &format!("I write from {{{{fields.city}}}}.\n\n{body}"),
    );
    // A template field is fine for `check`: it comes from a column or --field.
    let check = env.run(&["check", "ws"]);
    assert!(check.ok().contains(" 0 errors"), "{}", check.stdout);
    let rows = "{\"name\": \"Ana\", \"to\": \"ve-un-mission\", \"lang\": \"en\", \"city\": \"Quito\"}\n\
                {\"name\": \"Luis\", \"to\": [\"ve-attorney-general\", \"ve-un-mission\"], \"lang\": \"en\", \"city\": \"Lima\"}\n\
                {\"name\": \"Eva\", \"to\": \"nobody\", \"lang\": \"en\", \"city\": \"Cusco\"}\n";
    let run = env.run_with_stdin(
        &[
            "batch",
            "--templates",
            "ws/letter-templates",
            "--signers",
            "-",
            "-t",
            "detention-urgent-action",
            "-o",
            "out",
        ],
        rows,
    );
    assert!(
        run.fails(1)
            .contains("<stdin> row 3: unknown recipient `nobody`"),
        "{}",
        run.stderr
    );
    let out = env.join("out");
    assert_eq!(letters(&out).len(), 3);
    assert!(env
        .read("out/0001-ana--ve-un-mission.txt")
        .starts_with("November 23, 2026"));
    assert!(env
        .read("out/0002-luis--ve-attorney-general.txt")
        .contains("I write from Lima."));
    let failed = env.read("out/failed.jsonl");
    assert!(
        failed.contains("\"name\":\"Eva\"")
            && failed.contains("\"error\":\"unknown recipient `nobody`"),
        "{failed}"
    );
}

#[test]
fn resume_rewrites_only_what_is_missing_or_damaged() {
    let env = Env::new();
    env.write("s.csv", &signers(20));
    let args = [
        "-q",
        "batch",
        "--signers",
        "s.csv",
        "-t",
        "election-integrity",
        "-o",
        "out",
    ];
    env.run(&args).ok();
    let out = env.join("out");
    let all = letters(&out);
    assert_eq!(all.len(), 20);

    // Without --resume, an existing batch is never mixed into.
    let again = env.run(&args);
    assert!(
        again.fails(2).contains("already holds a batch"),
        "{}",
        again.stderr
    );

    std::fs::remove_file(out.join("0003-signer-2--us-secretary-of-state.txt")).unwrap();
    std::fs::write(
        out.join("0010-signer-9--us-secretary-of-state.txt"),
        "damaged",
    )
    .unwrap();
    let mut resume = args.to_vec();
    resume.retain(|a| *a != "-q");
    resume.push("--resume");
    let run = env.run(&resume);
    assert!(run.ok().is_empty());
    assert!(
        run.stderr.contains("2 written, 18 skipped, 0 failed"),
        "{}",
        run.stderr
    );
    assert_eq!(letters(&out), all);
    assert!(env
        .read("out/0010-signer-9--us-secretary-of-state.txt")
        .contains("Signer 9"));
}

/// The lines of a batch's manifest so far.
fn manifest_lines(out: &Path) -> usize {
    std::fs::read(out.join("manifest.jsonl"))
        .map_or(0, |bytes| bytes.iter().filter(|b| **b == b'\n').count())
}

#[test]
fn kill_9_at_any_moment_then_resume_gives_exactly_the_full_set() {
    let env = Env::new();
    let rows = 1500;
    env.write("s.csv", &signers(rows));
    let bin = assert_cmd::cargo::cargo_bin("letters");
    let out = env.join("out");
    let mut interrupted = 0;
    // The moments to kill at, from what the batch has done so far (letters are written,
    // then recorded in the manifest a chunk of rows at a time).
    type Reached = fn(&Path) -> bool;
    let moments: [(&str, Reached); 4] = [
        ("its output folder is made", |out| out.is_dir()),
        ("its first letter is written", |out| {
            out.is_dir() && !letters(out).is_empty()
        }),
        ("its first letters are recorded", |out| {
            manifest_lines(out) > 0
        }),
        ("half its letters are recorded", |out| {
            manifest_lines(out) >= 750
        }),
    ];
    for (moment, reached) in moments {
        let _ = std::fs::remove_dir_all(&out);
        let mut child = std::process::Command::new(&bin)
            .args([
                "-q",
                "batch",
                "--signers",
                "s.csv",
                "-t",
                "election-integrity",
                "-o",
                "out",
                "--jobs",
                "2",
            ])
            .current_dir(env.path())
            .env("LETTERS_TODAY", common::TODAY)
            .env("LETTERS_CONFIG_DIR", env.join(".config"))
            .spawn()
            .unwrap();
        // (A batch that ends first is not killed in the middle: counted below.)
        let seen = wait_for(Duration::from_secs(60), || {
            child.try_wait().unwrap().is_some() || reached(&out)
        });
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        assert!(seen, "the batch ran a minute, and {moment} never came");
        if out.is_dir() && letters(&out).len() < rows {
            interrupted += 1;
        }
        let run = env.run(&[
            "-q",
            "batch",
            "--signers",
            "s.csv",
            "-t",
            "election-integrity",
            "-o",
            "out",
            "--resume",
        ]);
        run.ok();
        let names = letters(&out);
        assert_eq!(names.len(), rows, "after a kill when {moment}");
        assert!(
            files(&out).iter().all(|f| !f.ends_with(".tmp")),
            "no partial files left"
        );
        // Every letter is intact and recorded; a manifest line may repeat only for a
        // letter rewritten with identical bytes, never with different content.
        let entries = manifest(&out);
        let recorded: BTreeSet<String> = entries
            .iter()
            .map(|e| e["file"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(recorded, names);
        for entry in &entries {
            let bytes = std::fs::read(out.join(entry["file"].as_str().unwrap())).unwrap();
            assert_eq!(entry["bytes"], bytes.len(), "{entry}");
        }
    }
    assert!(interrupted > 0, "no kill landed in the middle of a batch");
}

#[test]
fn shards_split_the_rows_without_overlap() {
    let env = Env::new();
    env.write("s.csv", &signers(25));
    let mut union = BTreeSet::new();
    let mut total = 0;
    for shard in ["1/3", "2/3", "3/3"] {
        env.run(&[
            "-q",
            "batch",
            "--signers",
            "s.csv",
            "-t",
            "election-integrity",
            "-o",
            shard.replace('/', "-").as_str(),
            "--shard",
            shard,
        ])
        .ok();
        let names = letters(&env.join(&shard.replace('/', "-")));
        total += names.len();
        union.extend(names);
    }
    assert_eq!(total, 25);
    assert_eq!(union.len(), 25);
    let bad = env.run(&[
        "batch",
        "--signers",
        "s.csv",
        "-t",
        "election-integrity",
        "-o",
        "x",
        "--shard",
        "4/3",
    ]);
    assert!(bad.fails(2).contains("is not a shard"), "{}", bad.stderr);
}

#[test]
fn sign_on_letter_lists_every_cosigner_once_in_order() {
    let env = Env::new();
    env.write(
        "orgs.csv",
        "name,organization\nAna Pérez,Red Uno\nLuis Gómez,\nAna Pérez,Red Uno\n,Nameless Org\nEva Díaz,Colectivo Tres\n",
    );
    let run = env.run(&[
        "batch",
        "--signers",
        "orgs.csv",
        "-t",
        "election-integrity",
        "--sign-on",
        "--sender-name",
        "María López",
        "--sender-org",
        "Coalición",
        "-o",
        "out",
    ]);
    run.fails(1);
    let letter = env.read("out/election-integrity--us-secretary-of-state--en.txt");
    let list = letter.split("Co-signed by:\n").nth(1).unwrap();
    assert!(
        list.starts_with("  Ana Pérez, Red Uno\n  Luis Gómez\n  Eva Díaz, Colectivo Tres\n"),
        "{list}"
    );
    assert!(letter.contains("\nMaría López\nCoalición\n"), "{letter}");
    let failed = env.read("out/failed.csv");
    assert!(
        failed.contains(",Nameless Org,column `name`: no name"),
        "{failed}"
    );
}

#[test]
fn combine_writes_one_file() {
    let env = Env::new();
    env.write("s.csv", &signers(5));
    env.run(&[
        "-q",
        "batch",
        "--signers",
        "s.csv",
        "-t",
        "detention-urgent-action",
        "--combine",
        "-o",
        "out",
    ])
    .ok();
    let text = env.read("out/detention-urgent-action.txt");
    assert_eq!(text.matches('\u{c}').count(), 9, "10 letters, 9 separators");
    let json = {
        env.run(&[
            "-q",
            "batch",
            "--signers",
            "s.csv",
            "-t",
            "detention-urgent-action",
            "--combine",
            "-f",
            "json",
            "-o",
            "json",
        ])
        .ok();
        env.read("json/detention-urgent-action.jsonl")
    };
    assert_eq!(json.lines().count(), 10);
    for line in json.lines() {
        let letter: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(letter["signature"]["name"]
            .as_str()
            .unwrap()
            .starts_with("Signer "));
    }
}

#[test]
fn email_batch_writes_messages_that_send_can_read() {
    let env = Env::new();
    env.write(
        "s.csv",
        "name,email\nJosé Núñez,jose@example.org\nAna,ana@example.org\n",
    );
    env.run(&[
        "-q",
        "batch",
        "--signers",
        "s.csv",
        "-t",
        "detention-urgent-action",
        "-f",
        "email",
        "-o",
        "out",
    ])
    .ok();
    let out = env.join("out");
    let names: Vec<String> = files(&out)
        .into_iter()
        .filter(|f| f.ends_with(".eml"))
        .collect();
    assert_eq!(names.len(), 4, "{names:?}");
    let eml = env.read("out/0002-jose-nunez--ve-attorney-general.eml");
    assert!(eml.contains("To: "), "{eml}");
    assert!(eml.contains("ministeriopublico@mp.gob.ve"), "{eml}");
    assert!(
        eml.contains("jose@example.org"),
        "the signer is the sender: {eml}"
    );
    let dry = env.run(&["send", "out"]);
    assert!(
        dry.ok().contains("misionvene@venezuelaonu.gob.ve")
            || dry.stderr.contains("misionvene@venezuelaonu.gob.ve"),
        "{}{}",
        dry.stdout,
        dry.stderr
    );

    env.run(&[
        "-q",
        "batch",
        "--signers",
        "s.csv",
        "-t",
        "detention-urgent-action",
        "-f",
        "email",
        "--combine",
        "-o",
        "mbox",
    ])
    .ok();
    let mbox = env.read("mbox/detention-urgent-action.mbox");
    assert_eq!(
        mbox.lines().filter(|l| l.starts_with("From ")).count(),
        4,
        "{mbox}"
    );
}

#[test]
fn mis_decoded_cells_are_reported_and_repaired_on_request() {
    let env = Env::new();
    env.write("s.csv", "name\nJosÃ© PÃ©rez\n");
    let run = env.run(&[
        "batch",
        "--signers",
        "s.csv",
        "-t",
        "election-integrity",
        "-o",
        "kept",
    ]);
    assert!(run.ok().is_empty());
    assert!(run.stderr.contains("s.csv row 2, column `name`: text looks mis-decoded (mojibake): \"JosÃ©\" reads as \"José\""), "{}", run.stderr);
    assert!(env
        .read("kept/0002-josa-c-pa-c-rez--us-secretary-of-state.txt")
        .contains("JosÃ© PÃ©rez"));
    let run = env.run(&[
        "batch",
        "--signers",
        "s.csv",
        "-t",
        "election-integrity",
        "-o",
        "fixed",
        "--fix-mojibake",
    ]);
    assert!(
        run.stderr.contains("repaired (--fix-mojibake)"),
        "{}",
        run.stderr
    );
    assert!(env
        .read("fixed/0002-jose-perez--us-secretary-of-state.txt")
        .contains("\nJosé Pérez\n"));
}

/// Under `LETTERS_UI_LANG=es` the line that ends a batch is in Spanish, with each count's
/// plural.
#[test]
fn the_summary_is_said_in_the_interface_language() {
    let env = Env::new();
    env.write(
        "signers.csv",
        "name,email\nAna,ana@example.org\n,\nJosé,jose@example.org\n",
    );
    let output = env
        .cmd(&[
            "batch",
            "--signers",
            "signers.csv",
            "-t",
            "detention-urgent-action",
            "--to",
            "ve-attorney-general",
            "-o",
            "out",
        ])
        .env("LETTERS_UI_LANG", "es")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("2 escritas, 0 omitidas, 0 fallidas, 1 fila en blanco en "),
        "{stderr}"
    );
    assert!(stderr.contains(" cartas/s)"), "{stderr}");
}
