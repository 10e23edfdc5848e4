//! `letters draft` end to end: the real binary, every bundled campaign in both languages.

mod common;

use common::{sender_flags, Env};

const CAMPAIGNS: [&str; 4] = [
    "election-integrity",
    "post-election-audit",
    "detention-urgent-action",
    "accountability-2025",
];

/// The co-signers of the sign-on letters below.
const COSIGNERS: &str =
    "name,title,organization\nLuis Gómez,Director,Foro Cívico\nMarta Ruiz,,Colectivo Abierto\n";

/// Every bundled campaign, in each language and each voice, to each of its default
/// recipients: what a reviewer reads. A person signing for themselves ("I"), for an
/// organization ("we"), and a sign-on letter with co-signers ("we, the undersigned").
/// The organization's letters keep the names they had before voices were added.
#[test]
fn every_campaign_in_each_language_and_voice() {
    let env = Env::new();
    env.write("cosigners.csv", COSIGNERS);
    for campaign in CAMPAIGNS {
        for lang in ["en", "es"] {
            let own_words = "--own-words";
            let words = if lang == "en" {
                "My own paragraph, written for this letter."
            } else {
                "Mi propio párrafo, escrito para esta carta."
            };
            let mut organization = vec!["-q", "draft", "--template", campaign, "--lang", lang];
            organization.extend(sender_flags());
            organization.extend([own_words, words]);
            insta::assert_snapshot!(format!("{campaign}-{lang}"), env.run(&organization).ok());

            let individual = [
                "-q",
                "draft",
                "--template",
                campaign,
                "--lang",
                lang,
                "--sender-name",
                "Ana Pérez",
                own_words,
                words,
            ];
            insta::assert_snapshot!(
                format!("{campaign}-{lang}-individual"),
                env.run(&individual).ok()
            );

            let out = format!("sign-on-{campaign}-{lang}");
            let mut sign_on = vec![
                "-q",
                "batch",
                "--signers",
                "cosigners.csv",
                "--sign-on",
                "-t",
                campaign,
                "--lang",
                lang,
                "-o",
                &out,
            ];
            sign_on.extend(sender_flags());
            env.run(&sign_on).ok();
            let letters: Vec<String> = common::files(&env.join(&out))
                .into_iter()
                .filter(|f| f.ends_with(".txt"))
                .map(|f| env.read(&format!("{out}/{f}")))
                .collect();
            assert!(!letters.is_empty(), "{campaign} {lang}");
            insta::assert_snapshot!(
                format!("{campaign}-{lang}-sign-on"),
                letters.join("\n\u{c}\n")
            );
        }
    }
}

#[test]
fn spanish_letter_has_the_formal_frame() {
    let env = Env::new();
    let run = env.run(&[
        "draft",
        "--template",
        "detention-urgent-action",
        "--to",
        "ve-attorney-general",
        "--lang",
        "es",
        "--sender-name",
        "Ana Pérez",
        "--format",
        "text",
    ]);
    let out = run.ok();
    assert!(out.starts_with("23 de noviembre de 2026\n"), "{out}");
    assert!(out.contains("\nSeñor Fiscal General:\n"), "{out}");
    assert!(out.contains("Asunto: "), "{out}");
    assert!(out.contains("\n1. Poner en libertad"), "{out}");
    assert!(
        out.trim_end().ends_with("Atentamente,\n\nAna Pérez"),
        "{out}"
    );
    // Past the campaign's deadline and a stale record: both warned about, on stderr.
    assert!(
        run.stderr
            .contains("asked for action before 27 September 2024"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("recipient `ve-attorney-general` was last verified on 2024-08-07"),
        "{}",
        run.stderr
    );
}

#[test]
fn english_to_us_uses_us_date_and_footnote() {
    let env = Env::new();
    let run = env.run(&[
        "-q",
        "draft",
        "-t",
        "election-integrity",
        "--sender-name",
        "Ana",
        "--date",
        "2024-07-25",
    ]);
    let out = run.ok();
    assert!(out.starts_with("July 25, 2024\n"), "{out}");
    assert!(out.contains("Dear Mr. Secretary:"), "{out}");
    assert!(out.contains(".[1]"), "{out}");
    assert!(out.contains("\n[1] Transparencia Venezuela"), "{out}");
    assert!(out.contains("\nSincerely,\n"), "{out}");
}

#[test]
fn names_come_out_exactly_as_written() {
    let env = Env::new();
    let name = "Ana *\"La Flaca\"* O'Brien & Hijos <ana@x.org>";
    let run = env.run(&[
        "-q",
        "draft",
        "-t",
        "post-election-audit",
        "--to",
        "ve-un-mission",
        "--sender-name",
        name,
        "--sender-org",
        "[^1] _Org_ & <b>Co</b>",
        "--own-words",
        "1. Not a list *not bold* \\ back",
    ]);
    let out = run.ok();
    assert!(out.contains(&format!("\n{name}\n")), "{out}");
    assert!(out.contains("[^1] _Org_ & <b>Co</b>"), "{out}");
    assert!(out.contains("1. Not a list *not bold* \\ back"), "{out}");
}

#[test]
fn several_recipients_on_stdout_are_separated_by_form_feeds() {
    let env = Env::new();
    let run = env.run(&[
        "-q",
        "draft",
        "-t",
        "detention-urgent-action",
        "--sender-name",
        "Ana",
    ]);
    let out = run.ok();
    let letters: Vec<&str> = out.split('\u{c}').collect();
    assert_eq!(letters.len(), 2, "{out}");
    assert!(letters[0].contains("Tarek William Saab"));
    assert!(letters[1].contains("Héctor Constant Rosales"));
}

#[test]
fn several_recipients_to_a_directory_write_one_file_each() {
    let env = Env::new();
    let run = env.run(&[
        "draft",
        "-t",
        "detention-urgent-action",
        "--to",
        "ve-attorney-general",
        "--to",
        "ve-un-mission",
        "--lang",
        "en",
        "--sender-name",
        "Ana",
        "-o",
        "out",
    ]);
    run.ok();
    let a = env.read("out/detention-urgent-action--ve-attorney-general--en.txt");
    let b = env.read("out/detention-urgent-action--ve-un-mission--en.txt");
    // One convention per letter: British style to Caracas, US style to New York.
    assert!(a.starts_with("23 November 2026\n"), "{a}");
    assert!(a.contains("\nMr Tarek William Saab\n"), "{a}");
    assert!(a.contains("\nDear Attorney General,\n"), "{a}");
    assert!(a.contains("Between 29 July and 7 August 2024,"), "{a}");
    assert!(a.contains("\nYours sincerely,\n"), "{a}");
    assert!(b.starts_with("November 23, 2026\n"), "{b}");
    assert!(
        b.contains("\nHis Excellency Mr. Héctor Constant Rosales\n"),
        "{b}"
    );
    assert!(b.contains("\nYour Excellency:\n"), "{b}");
    assert!(b.contains("Between July 29 and August 7, 2024,"), "{b}");
    assert!(b.contains("\nSincerely,\n"), "{b}");
    assert!(run
        .stderr
        .contains("wrote out/detention-urgent-action--ve-un-mission--en.txt"));
    let entries = std::fs::read_dir(env.join("out")).unwrap().count();
    assert_eq!(entries, 2, "no temporary files are left behind");
}

#[test]
fn one_letter_to_a_file() {
    let env = Env::new();
    env.run(&[
        "-q",
        "draft",
        "-t",
        "accountability-2025",
        "--sender-name",
        "Ana",
        "-o",
        "letter.txt",
    ])
    .ok();
    assert!(env.read("letter.txt").contains("Edmundo González"));
}

#[test]
fn json_is_the_letter_model() {
    let env = Env::new();
    let run = env.run(&[
        "-q",
        "draft",
        "-t",
        "election-integrity",
        "--sender-name",
        "Ana",
        "--format",
        "json",
        "--demands",
        "publish-results-promptly,vote-in-safety",
    ]);
    assert_eq!(run.ok().lines().count(), 1, "one letter, one line");
    let letter: serde_json::Value = serde_json::from_str(run.ok()).unwrap();
    assert_eq!(letter["language"], "en");
    assert_eq!(letter["recipient"]["id"], "us-secretary-of-state");
    assert_eq!(letter["date"], "2026-11-23");
    assert_eq!(letter["footnotes"][0]["number"], 1);
    let list = letter["body"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["kind"] == "ordered_list")
        .expect("a numbered list of demands");
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(
        items[0][0]["content"][0]["text"],
        "Publish the results as soon as possible."
    );

    let run = env.run(&[
        "-q",
        "draft",
        "-t",
        "detention-urgent-action",
        "--sender-name",
        "Ana",
        "-f",
        "json",
    ]);
    // JSON Lines: one object a line, for two letters as for one.
    let lines: Vec<serde_json::Value> = run
        .ok()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    for letter in &lines {
        assert_eq!(letter["template"], "detention-urgent-action");
        assert!(letter["subject"].is_string());
    }
    assert_eq!(run.stdout.lines().count(), 2);
}

#[test]
fn default_language_is_the_recipients_preferred_one() {
    let env = Env::new();
    let out = env.run(&[
        "-q",
        "draft",
        "-t",
        "detention-urgent-action",
        "--to",
        "ve-un-mission",
        "--sender-name",
        "Ana",
    ]);
    assert!(
        out.ok().contains("Excelentísimo señor Embajador:"),
        "{}",
        out.stdout
    );
    let out = env.run(&[
        "-q",
        "draft",
        "-t",
        "election-integrity",
        "--sender-name",
        "Ana",
    ]);
    assert!(out.ok().contains("Dear Mr. Secretary:"));
}

#[test]
fn demands_can_be_picked() {
    let env = Env::new();
    let run = env.run(&[
        "-q",
        "draft",
        "-t",
        "detention-urgent-action",
        "--to",
        "ve-attorney-general",
        "--lang",
        "en",
        "--sender-name",
        "Ana",
        "--demands",
        "protect-peaceful-protest",
    ]);
    let out = run.ok();
    assert!(out.contains("\n1. "), "{out}");
    assert!(!out.contains("\n2. "), "{out}");
}

#[test]
fn own_words_from_a_file_and_from_stdin() {
    let env = Env::new();
    env.write(
        "mine.txt",
        "\u{feff}Escribo desde Mérida.\n\nSegundo párrafo.\n",
    );
    let base = [
        "-q",
        "draft",
        "-t",
        "detention-urgent-action",
        "--to",
        "ve-attorney-general",
        "--sender-name",
        "Ana",
    ];
    let mut args = base.to_vec();
    args.extend(["--own-words", "@mine.txt"]);
    let out = env.run(&args);
    assert!(
        out.ok()
            .contains("\nEscribo desde Mérida.\n\nSegundo párrafo.\n"),
        "{}",
        out.stdout
    );

    let mut args = base.to_vec();
    args.extend(["--own-words", "-"]);
    let out = env.run_with_stdin(&args, "Desde la entrada estándar.\n");
    assert!(
        out.ok().contains("\nDesde la entrada estándar.\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn text_wraps_at_the_width_asked() {
    let env = Env::new();
    for width in ["72", "40"] {
        let run = env.run(&[
            "-q",
            "draft",
            "-t",
            "accountability-2025",
            "--sender-name",
            "Ana",
            "--width",
            width,
        ]);
        let limit: usize = width.parse().unwrap();
        for line in run.ok().lines() {
            assert!(
                line.chars().count() <= limit || !line.trim().contains(' '),
                "line over {limit} columns: {line:?}"
            );
        }
    }
}

#[test]
fn mojibake_is_reported_and_repaired_on_request() {
    let env = Env::new();
    let args = [
        "draft",
        "-t",
        "election-integrity",
        "--sender-name",
        "JosÃ© PÃ©rez",
        "--own-words",
        "Venezuela鈥檚 future",
    ];
    let run = env.run(&args);
    run.ok();
    assert!(
        run.stderr.contains(
            "--sender-name: text looks mis-decoded (mojibake): \"JosÃ©\" reads as \"José\""
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("\"Venezuela鈥檚\" reads as \"Venezuela’s\""),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("JosÃ© PÃ©rez"));

    let mut fixed = args.to_vec();
    fixed.push("--fix-mojibake");
    let run = env.run(&fixed);
    assert!(run.ok().contains("\nJosé Pérez\n"), "{}", run.stdout);
    assert!(run.stdout.contains("Venezuela’s future"));
    assert!(run.stderr.contains("repaired (--fix-mojibake)"));
}

#[test]
fn broken_pipe_is_not_an_error() {
    let env = Env::new();
    // Own words of almost 64 KB (the most taken) in three letters: far more than a pipe holds.
    env.write("long.txt", &"A long paragraph of my own. ".repeat(2_000));
    let bin = assert_cmd::cargo::cargo_bin("letters");
    let script = format!(
        "set -o pipefail; '{}' -q draft -t election-integrity --sender-name Ana --own-words @long.txt \
         --to us-secretary-of-state,ve-attorney-general,ve-un-mission | head -1",
        bin.display()
    );
    let output = env.cmd(&[]).output().ok(); // ensure env dirs exist
    drop(output);
    let output = std::process::Command::new("bash")
        .arg("-c")
        .arg(&script)
        .current_dir(env.path())
        .env("LETTERS_TODAY", common::TODAY)
        .env("LETTERS_CONFIG_DIR", env.join(".config-letters"))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "November 23, 2026\n"
    );
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn without_a_terminal_missing_choices_are_an_error_not_a_prompt() {
    let env = Env::new();
    let run = env.run(&["draft"]);
    insta::assert_snapshot!("missing-choices", run.fails(2));
    let run = env.run(&["draft", "-t", "election-integrity"]);
    assert!(
        run.fails(2).contains("missing --sender-name <NAME>"),
        "{}",
        run.stderr
    );
}
