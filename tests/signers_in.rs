//! Signers as NGO staff have them: an .xlsx and an .ods saved by LibreOffice, Calc's
//! UTF-16 "Unicode text", and the headers of three CRM exports (Salesforce, Action
//! Network, a Spanish one in Windows-1252 with semicolons), read by `letters batch` with
//! no mapping given; columns mapped explicitly; and `--dry-run`, which must agree with
//! the real run.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;

use common::{files, manifest, Env};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/signers")
        .join(name)
}

fn batch(env: &Env, signers: &str, extra: &[&str]) -> common::Run {
    let path = fixture(signers);
    let mut args = vec![
        "batch",
        "--signers",
        path.to_str().unwrap(),
        "-t",
        "detention-urgent-action",
        "--to",
        "ve-attorney-general",
        "-o",
        "out",
    ];
    args.extend(extra);
    env.run(&args)
}

/// The signer block of a letter: the lines after "Atentamente,".
fn signed(env: &Env, file: &str) -> String {
    let text = env.read(&format!("out/{file}"));
    text.split("Atentamente,")
        .nth(1)
        .unwrap_or_default()
        .to_string()
}

#[test]
fn spreadsheets_saved_by_libreoffice_and_its_unicode_text_are_read_alike() {
    for name in [
        "contacts.xlsx",
        "contacts.ods",
        "contacts-utf16.txt",
        "contacts.csv",
    ] {
        let env = Env::new();
        let run = batch(&env, name, &[]);
        let stderr = run.fails(1);
        assert!(
            stderr.contains("row 5: column `Email`: `maria@example` is not a valid email address"),
            "{name}: {stderr}"
        );
        assert!(
            stderr.contains("2 written, 0 skipped, 1 failed") && stderr.contains("1 blank rows"),
            "{name}: {stderr}"
        );
        // Given names first, whatever the order of the columns; accents kept.
        let jose = signed(&env, "0002-jose-nunez--ve-attorney-general.txt");
        assert!(
            jose.contains("José Núñez\nRed de Ejemplo"),
            "{name}: {jose}"
        );
        let ana = signed(&env, "0003-ana-o-brien--ve-attorney-general.txt");
        assert!(ana.contains("Ana O'Brien\nAmigos, Unidos"), "{name}: {ana}");
        // The failed row as the spreadsheet shows it: numbers as written, dates as dates.
        let failed = env.read("out/failed.csv");
        let row = failed.lines().nth(1).unwrap();
        assert!(
            row.starts_with("María de los Ángeles,Pérez,maria@example,Derechos Ya,Mérida,5101,2024-08-09,donor,"),
            "{name}: {failed}"
        );
        let entries = manifest(&env.join("out"));
        assert_eq!(entries.len(), 2, "{name}");
        assert_eq!(entries[0]["campaign"], "detention-urgent-action");
    }
}

#[test]
fn a_sheet_is_chosen_by_name_and_a_wrong_one_lists_the_sheets() {
    let env = Env::new();
    batch(&env, "contacts.xlsx", &["--sheet", "contacts", "-q"]).fails(1);
    assert_eq!(manifest(&env.join("out")).len(), 2);
    let env = Env::new();
    let stderr = batch(&env, "contacts.ods", &["--sheet", "Firmantes"])
        .fails(2)
        .to_string();
    assert!(
        stderr.contains("has no sheet `Firmantes`; its sheets are: `contacts`"),
        "{stderr}"
    );
    assert!(!env.join("out").exists(), "nothing is written");
}

#[test]
fn a_file_that_is_not_signers_is_refused_not_printed() {
    let env = Env::new();
    let mut zip = b"PK\x03\x04".to_vec();
    zip.extend_from_slice(&[0u8; 200]);
    std::fs::write(env.join("s.xlsx"), &zip).unwrap();
    let run = env.run(&[
        "batch",
        "--signers",
        "s.xlsx",
        "-t",
        "detention-urgent-action",
        "-o",
        "out",
    ]);
    let stderr = run.fails(2);
    assert!(
        stderr.contains("s.xlsx: is not a spreadsheet that can be read"),
        "{stderr}"
    );
    assert!(
        stderr.lines().count() <= 3,
        "one error, no garbage: {stderr}"
    );
    std::fs::write(
        env.join("s.bin"),
        [0x89u8, 0, 0, 0, 0x13, 0x37, 0, 0xff, 0, 0],
    )
    .unwrap();
    let run = env.run(&[
        "batch",
        "--signers",
        "s.bin",
        "-t",
        "detention-urgent-action",
        "-o",
        "out",
    ]);
    assert!(
        run.fails(2).contains("s.bin: is not a text file"),
        "{}",
        run.stderr
    );
}

#[test]
fn three_crm_exports_are_read_without_a_mapping() {
    let env = Env::new();
    batch(&env, "salesforce.csv", &["-q", "--format", "pdf"]).ok();
    let pdf = env.join("out/0002-josefina-nunez--ve-attorney-general.pdf");
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    for expected in [
        "Josefina Núñez",
        "Coordinator",
        "Red de Ejemplo",
        "Av. Urdaneta 12",
        "Caracas, Distrito Capital, 1010",
        "Venezuela",
    ] {
        assert!(text.contains(expected), "{expected}: {text}");
    }
    assert!(
        !text.contains("Ms."),
        "Salutation is not a name part: {text}"
    );

    let env = Env::new();
    batch(&env, "action-network.csv", &["-q"]).ok();
    assert_eq!(
        files(&env.join("out"))
            .into_iter()
            .filter(|f| f.ends_with(".txt"))
            .collect::<Vec<_>>(),
        [
            "0002-rosa-martinez--ve-attorney-general.txt",
            "0003-tomas-ferrer--ve-attorney-general.txt"
        ]
    );

    let env = Env::new();
    batch(&env, "spanish-export.csv", &["-q"]).ok();
    let maria = signed(
        &env,
        "0002-maria-jose-alvarez-pena--ve-attorney-general.txt",
    );
    assert!(
        maria.contains("María José Álvarez Peña\nAsociación Derechos Ya"),
        "{maria}"
    );
    let jorge = env.read("out/0003-jorge-ibanez--ve-attorney-general.txt");
    assert!(
        jorge.contains("Dear Attorney General,"),
        "the `Idioma` column: {jorge}"
    );
}

#[test]
fn columns_are_mapped_explicitly_and_a_missing_name_stops_before_the_first_row() {
    let env = Env::new();
    env.write(
        "s.csv",
        "Vorname,Nachname,Adresse E-Mail,Notes\nJosé,Núñez,jose@example.org,x\nAna,Pérez,ana@example.org,y\n",
    );
    let base = [
        "batch",
        "--signers",
        "s.csv",
        "-t",
        "detention-urgent-action",
        "--to",
        "ve-attorney-general",
        "-o",
        "out",
    ];
    let run = env.run(&base);
    let stderr = run.fails(2);
    assert!(
        stderr.contains("s.csv: no column gives the signers' names (the columns are `Vorname`, `Nachname`, `Adresse E-Mail`, `Notes`)"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("error:").count(), 1, "said once: {stderr}");
    assert!(!env.join("out").exists());

    let mut args = base.to_vec();
    args.extend([
        "--column",
        "name=\"Vorname\"+\"Nachname\"",
        "--column",
        "email=Adresse E-Mail",
    ]);
    let run = env.run(&args);
    run.ok();
    // A column nothing uses is listed once, not once a row.
    assert_eq!(
        run.stderr.matches("`Notes` not used").count(),
        1,
        "{}",
        run.stderr
    );
    assert!(signed(&env, "0002-jose-nunez--ve-attorney-general.txt").contains("José Núñez"));
    assert_eq!(
        manifest(&env.join("out"))[0]["signer_email"],
        "jose@example.org"
    );

    // The same from a mapping file.
    env.write(
        "map.toml",
        "name = [\"Vorname\", \"Nachname\"]\nemail = \"Adresse E-Mail\"\n",
    );
    let mut args = base.to_vec();
    args[8] = "out2";
    args.extend(["--column-map", "map.toml", "-q"]);
    env.run(&args).ok();
    assert_eq!(manifest(&env.join("out2")).len(), 2);

    // A column that is not there is named, with the ones that are.
    let mut args = base.to_vec();
    args.extend(["--column", "name=Vornam"]);
    let stderr = env.run(&args).fails(2).to_string();
    assert!(
        stderr.contains(
            "--column: name: the signers file has no column `Vornam`; its columns are `Vorname`"
        ),
        "{stderr}"
    );
}

#[test]
fn a_dry_run_writes_nothing_and_agrees_with_the_real_run() {
    let env = Env::new();
    let run = batch(&env, "contacts.xlsx", &["--dry-run"]);
    let stdout = run.stdout.clone();
    assert_eq!(run.code, 1, "rows would fail: {}", run.stderr);
    assert!(!env.join("out").exists(), "a dry run writes nothing");
    for expected in [
        "3 rows, 1 blank",
        "First Name               → name",
        "Account Name             → organization",
        "Tags                     → unused",
        "row 2:\n      name: José Núñez",
        "row 5:\n      fails: column `Email`: `maria@example` is not a valid email address",
        "would write 2 letters",
        "1 rows would fail:\n  1 × column `Email`: `…` is not a valid email address",
    ] {
        assert!(stdout.contains(expected), "{expected}\n{stdout}");
    }
    assert!(
        run.stderr.contains("dry run: nothing was written"),
        "{}",
        run.stderr
    );

    // The JSON of the dry run and of the real run count the same.
    let dry: serde_json::Value =
        serde_json::from_str(&batch(&env, "contacts.xlsx", &["--dry-run", "--json", "-q"]).stdout)
            .unwrap();
    let real: serde_json::Value =
        serde_json::from_str(&batch(&env, "contacts.xlsx", &["--json", "-q"]).stdout).unwrap();
    assert_eq!(dry["dry_run"], true);
    assert_eq!(real["dry_run"], false);
    for key in [
        "rows",
        "failed_rows",
        "signers",
        "letters",
        "failures",
        "columns",
    ] {
        assert_eq!(dry[key], real[key], "{key}");
    }
    assert_eq!(real["letters"]["written"], 2);
}
