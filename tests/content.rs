//! What a letter says and to whom: the holder of an office on the letter's date, the
//! commands that keep the holders up to date (`recipients show`, `update`, `verify`,
//! `import`), sources cited per language, figures no source states, the voice a letter
//! speaks in, one convention of dates per letter, and text the user brings (own words in
//! another language, mojibake that cannot be repaired).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{sender_flags, Env};

/// A draft of `campaign` in `lang` dated `date`, as text, by a person signing for
/// themselves: the letter, and what was said on standard error.
fn dated(env: &Env, campaign: &str, lang: &str, date: &str) -> (String, String) {
    let run = env.run(&[
        "draft",
        "--template",
        campaign,
        "--lang",
        lang,
        "--date",
        date,
        "--sender-name",
        "Ana Pérez",
    ]);
    (run.ok().to_string(), run.stderr.clone())
}

/// `text` with its lines joined: what a phrase wrapped across lines is checked against.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

// Officeholders by date.

#[test]
fn a_letter_goes_to_whoever_held_the_office_on_its_date() {
    let env = Env::new();
    // Before the change, on Blinken's last day, on Rubio's first day, and after.
    for (date, header, holder) in [
        (
            "2024-07-25",
            "July 25, 2024",
            "The Honorable Antony Blinken",
        ),
        (
            "2025-01-20",
            "January 20, 2025",
            "The Honorable Antony Blinken",
        ),
        (
            "2025-01-21",
            "January 21, 2025",
            "The Honorable Marco Rubio",
        ),
        ("2025-04-15", "April 15, 2025", "The Honorable Marco Rubio"),
    ] {
        let (letter, _) = dated(&env, "accountability-2025", "en", date);
        assert!(letter.starts_with(&format!("{header}\n")), "{letter}");
        assert!(
            letter.contains(&format!("\n{holder}\n")),
            "{date}: {letter}"
        );
    }
    // The same in Spanish.
    let (letter, _) = dated(&env, "election-integrity", "es", "2024-07-25");
    assert!(
        letter.contains("\nExcelentísimo señor Antony Blinken\n"),
        "{letter}"
    );
}

#[test]
fn a_letter_dated_after_the_last_check_says_the_holder_may_have_changed_and_since_when() {
    let env = Env::new();
    // Dated on the day the record was verified: nothing to say.
    let (_, stderr) = dated(&env, "accountability-2025", "en", "2025-01-21");
    assert!(!stderr.contains("the officeholder"), "{stderr}");
    // A day later: the holder named, and since when.
    let (_, stderr) = dated(&env, "accountability-2025", "en", "2025-01-22");
    assert!(
        stderr.contains("recipient `us-secretary-of-state` was last verified on 2025-01-21 and this letter is dated 22 January 2025: the officeholder (Marco Rubio) may have changed since 21 January 2025"),
        "{stderr}"
    );
    assert!(
        stderr.contains("letters recipients verify us-secretary-of-state"),
        "{stderr}"
    );
}

#[test]
fn recipients_show_prints_the_history_of_holders() {
    let env = Env::new();
    let out = env
        .run(&["recipients", "show", "us-secretary-of-state"])
        .ok()
        .to_string();
    assert!(
        out.contains("    … – 2025-01-20  The Honorable Antony Blinken\n"),
        "{out}"
    );
    assert!(
        out.contains("    2025-01-21 – …  The Honorable Marco Rubio  (in office today)\n"),
        "{out}"
    );
    let json = env
        .run(&["recipients", "show", "us-secretary-of-state", "--json"])
        .ok()
        .to_string();
    let record: serde_json::Value = serde_json::from_str(&json).unwrap();
    let holders = record["holders"].as_array().expect("holders");
    assert_eq!(holders.len(), 2, "{json}");
    assert_eq!(holders[1]["name"], "Marco Rubio", "{json}");
    assert_eq!(holders[1]["since"], "2025-01-21", "{json}");
}

#[test]
fn update_records_a_new_holder_in_the_users_own_copy_keeping_the_history() {
    let env = Env::new();
    let run = env.run(&[
        "recipients",
        "update",
        "us-secretary-of-state",
        "--name",
        "Jane Doe",
        "--honorific",
        "en=The Honorable",
        "--honorific",
        "es=Excelentísima señora",
        "--since",
        "2026-11-02",
    ]);
    run.ok();
    assert!(
        run.stderr.contains(
            "recorded Jane Doe as holder of `us-secretary-of-state` since 2026-11-02 after Marco Rubio (until 2026-11-01)"
        ),
        "{}",
        run.stderr
    );
    // The user's own copy, in the config directory; the history kept.
    let copy = env.read(".config-letters/recipients.toml");
    for holder in ["Antony Blinken", "Marco Rubio", "Jane Doe"] {
        assert!(copy.contains(&format!("name = \"{holder}\"")), "{copy}");
    }
    assert!(copy.contains("until = 2026-11-01"), "{copy}");
    // Letters follow the record by date: before the change, and from it.
    let (before, _) = dated(&env, "accountability-2025", "en", "2026-11-01");
    assert!(before.contains("\nThe Honorable Marco Rubio\n"), "{before}");
    let (after, stderr) = dated(&env, "accountability-2025", "es", "2026-11-02");
    assert!(
        after.contains("\nExcelentísima señora Jane Doe\n"),
        "{after}"
    );
    assert!(!stderr.contains("the officeholder"), "{stderr}");
    // The bundled records are untouched: a fresh workspace still has Marco Rubio.
    env.run(&["init", "ws"]).ok();
    assert!(!env.read("ws/recipients.toml").contains("Jane Doe"));
}

#[test]
fn update_refuses_a_bad_date_an_unknown_office_and_a_date_before_the_holder() {
    let env = Env::new();
    let bad = [
        (
            vec!["--name", "Jane Doe", "--since", "2026-02-30"],
            "us-secretary-of-state",
            "--since: `2026-02-30`",
        ),
        (
            vec!["--name", "Jane Doe", "--since", "2026-01-01"],
            "us-secretary-of-stat",
            "unknown recipient `us-secretary-of-stat`; did you mean `us-secretary-of-state`?",
        ),
        (
            vec!["--name", "Jane Doe", "--since", "2024-01-01"],
            "us-secretary-of-state",
            "--since: 2024-01-01 is not after the day Marco Rubio took office (2025-01-21)",
        ),
    ];
    for (flags, id, message) in bad {
        let mut args = vec!["recipients", "update", id];
        args.extend(flags);
        let stderr = env.run(&args).fails(2).to_string();
        assert!(stderr.contains(message), "{stderr}");
    }
    assert!(!env.join(".config-letters/recipients.toml").exists());
}

#[test]
fn verify_records_the_day_of_the_check_and_refuses_a_future_one() {
    let env = Env::new();
    let run = env.run(&[
        "recipients",
        "verify",
        "ve-un-mission",
        "--date",
        "2026-11-20",
    ]);
    run.ok();
    assert!(
        run.stderr
            .contains("recorded that `ve-un-mission` (holder: Héctor Constant Rosales) was verified on 2026-11-20"),
        "{}",
        run.stderr
    );
    assert!(env
        .read(".config-letters/recipients.toml")
        .contains("verified = 2026-11-20"));
    // A letter dated after that day is warned from then on; one dated that day is not.
    let run = env.run(&[
        "draft",
        "-t",
        "detention-urgent-action",
        "--to",
        "ve-un-mission",
        "--date",
        "2026-11-20",
        "--sender-name",
        "Ana Pérez",
    ]);
    run.ok();
    assert!(!run.stderr.contains("the officeholder"), "{}", run.stderr);

    let stderr = env
        .run(&[
            "recipients",
            "verify",
            "ve-un-mission",
            "--date",
            "2027-01-01",
        ])
        .fails(2)
        .to_string();
    assert!(
        stderr.contains("--date: 2027-01-01 is after today"),
        "{stderr}"
    );
    let stderr = env
        .run(&["recipients", "verify", "ve-un-misson"])
        .fails(2)
        .to_string();
    assert!(
        stderr.contains("unknown recipient `ve-un-misson`; did you mean `ve-un-mission`?"),
        "{stderr}"
    );
}

/// Two embassies (one new, one a new holder of a bundled office), as CSV.
const EMBASSIES: &str = "id,office,title,organization,address,country,languages,salutation,name,honorific,since,verified
ve-embassy-uk,Ambassador of Venezuela to the United Kingdom,Ambassador,Embassy of Venezuela,1 Cromwell Road|London SW7 2HW|United Kingdom,GB,en,\"Dear Ambassador,\",Ana Díaz,Her Excellency,2024-01-01,2026-11-01
ve-un-mission,,,,,,,,Luis Mora,His Excellency Mr.,2026-10-01,2026-11-01
";

#[test]
fn import_is_a_dry_run_until_write_and_says_what_would_change() {
    let env = Env::new();
    env.write("embassies.csv", EMBASSIES);
    let run = env.run(&["recipients", "import", "embassies.csv"]);
    run.ok();
    assert!(
        run.stdout.contains("embassies.csv: would add 1 office (ve-embassy-uk), change 1 office and leave 0 offices unchanged"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("new holder Luis Mora since 2026-10-01"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains("dry run: nothing was written"),
        "{}",
        run.stderr
    );
    assert!(!env.join(".config-letters/recipients.toml").exists());

    let run = env.run(&["recipients", "import", "embassies.csv", "--write"]);
    run.ok();
    assert!(
        run.stdout.contains("embassies.csv: added 1 office (ve-embassy-uk), changed 1 office and left 0 offices unchanged"),
        "{}",
        run.stdout
    );
    let uk = env
        .run(&["recipients", "show", "ve-embassy-uk"])
        .ok()
        .to_string();
    assert!(
        uk.contains("  salutation: Dear Ambassador, (the same in every language)\n"),
        "{uk}"
    );
    let show = env
        .run(&["recipients", "show", "ve-un-mission"])
        .ok()
        .to_string();
    assert!(
        show.contains("– 2026-09-30  His Excellency Mr. Héctor Constant Rosales"),
        "{show}"
    );
    assert!(
        show.contains("2026-10-01 – …  His Excellency Mr. Luis Mora"),
        "{show}"
    );
    // The new office takes letters like any other: British style to London.
    let letter = env
        .run(&[
            "draft",
            "-t",
            "detention-urgent-action",
            "--to",
            "ve-embassy-uk",
            "--lang",
            "en",
            "--sender-name",
            "Ana Pérez",
        ])
        .ok()
        .to_string();
    assert!(letter.starts_with("23 November 2026\n"), "{letter}");
    assert!(letter.contains("\nHer Excellency Ana Díaz\n"), "{letter}");
    assert!(letter.contains("\nDear Ambassador,\n"), "{letter}");
    // The same file again changes nothing.
    let run = env.run(&["recipients", "import", "embassies.csv"]);
    run.ok();
    assert!(
        run.stdout
            .contains("embassies.csv: nothing to change (2 offices already as given)"),
        "{}",
        run.stdout
    );
}

#[test]
fn import_reads_json_lines_and_toml_too() {
    let env = Env::new();
    env.write(
        "parliament.jsonl",
        "{\"id\":\"ve-an-president\",\"office\":\"President of the National Assembly\",\"country\":\"VE\",\"languages\":[\"es\"],\"address\":[\"Palacio Federal Legislativo\",\"Caracas\"],\"salutation\":{\"es\":\"Señor Presidente:\"},\"name\":\"Juan Pérez\",\"honorific\":\"Señor\",\"since\":\"2026-01-05\",\"verified\":\"2026-11-01\"}\n",
    );
    let run = env.run(&["recipients", "import", "parliament.jsonl", "--write"]);
    run.ok();
    assert!(
        run.stdout.contains("added 1 office (ve-an-president)"),
        "{}",
        run.stdout
    );
    env.write(
        "more.toml",
        "[ve-ombudsman]\noffice = \"Defensor del Pueblo\"\ncountry = \"VE\"\nlanguages = [\"es\"]\naddress = [\"Caracas\"]\nsalutation = \"Señor Defensor:\"\nverified = 2026-11-01\n\n[[ve-ombudsman.holders]]\nname = \"Pedro Gil\"\nhonorific = \"Señor\"\nsince = 2025-03-01\n",
    );
    let run = env.run(&["recipients", "import", "more.toml", "--write"]);
    run.ok();
    let list = env.run(&["recipients", "list"]).ok().to_string();
    assert!(
        list.contains("ve-an-president") && list.contains("Señor Juan Pérez"),
        "{list}"
    );
    assert!(
        list.contains("ve-ombudsman") && list.contains("Señor Pedro Gil"),
        "{list}"
    );
}

#[test]
fn import_refuses_bad_rows_and_writes_nothing() {
    let env = Env::new();
    env.write(
        "bad-date.csv",
        "id,office,name,since\nve-un-mission,,Luis Mora,2026-13-01\n",
    );
    env.write("bad-column.csv", "id,office,colour\nve-x,O,red\n");
    env.write("bad.jsonl", "{\"id\":\"ve-x\"}\nnot json\n");
    for (file, message) in [
        (
            "bad-date.csv",
            "bad-date.csv row 2: `since` = \"2026-13-01\" is not a date",
        ),
        (
            "bad-column.csv",
            "bad-column.csv row 1: unknown column `colour`",
        ),
        ("bad.jsonl", "bad.jsonl line 2: not a JSON object"),
    ] {
        let stderr = env
            .run(&["recipients", "import", file, "--write"])
            .fails(2)
            .to_string();
        assert!(stderr.contains(message), "{stderr}");
    }
    assert!(!env.join(".config-letters/recipients.toml").exists());
}

// Sources and figures.

#[test]
fn a_footnote_cites_its_source_in_each_language_and_convention() {
    let env = Env::new();
    let (en, _) = dated(&env, "election-integrity", "en", "2024-07-25");
    assert!(
        en.contains("[1] Transparencia Venezuela, “Atentados, amenazas y uso de redes de"),
        "{en}"
    );
    // US style to Washington: the source's date as the header's.
    assert!(
        en.contains("presidential campaign], July 19, 2024.\n"),
        "{en}"
    );
    let (es, _) = dated(&env, "election-integrity", "es", "2024-07-25");
    assert!(
        es.contains("[1] Transparencia Venezuela, «Atentados, amenazas y uso de redes de"),
        "{es}"
    );
    assert!(
        es.contains("presidencial 2024», 19 de julio de 2024.\n"),
        "{es}"
    );
}

#[test]
fn templates_show_lists_the_sources() {
    let env = Env::new();
    let out = env
        .run(&["templates", "show", "election-integrity"])
        .ok()
        .to_string();
    assert!(
        out.contains("  sources (cite in a body as [^ID]):\n"),
        "{out}"
    );
    assert!(
        out.contains("    transparencia-2024-07-19: Transparencia Venezuela, “Atentados, amenazas"),
        "{out}"
    );
    assert!(out.contains("      supports: "), "{out}");
    let es = env
        .run(&["templates", "show", "election-integrity", "--lang", "es"])
        .ok()
        .to_string();
    assert!(
        es.contains("campaña presidencial 2024», 19 de julio de 2024."),
        "{es}"
    );
}

#[test]
fn check_warns_about_a_figure_no_source_states() {
    let env = Env::new();
    env.run(&["init", "ws"]).ok();
    let body = "ws/letter-templates/post-election-audit/en.md.hbs";
    let text = env
        .read(body)
        .replace("16 people had been killed", "19 people had been killed");
    env.write(body, &text);
    let out = env.run(&["check", "ws"]).ok().to_string();
    assert!(
        out.contains("post-election-audit/en.md.hbs: the figure \"19\" appears in none of the campaign's sources"),
        "{out}"
    );
    // The figures that are in a source, and the other language, are not named.
    assert!(!out.contains("the figure \"16\""), "{out}");
    assert!(!out.contains("es.md.hbs: the figure"), "{out}");
}

// Voice.

#[test]
fn the_voice_follows_the_signer_and_the_flag_overrides_it() {
    let env = Env::new();
    let draft = |extra: &[&str]| {
        let mut args = vec![
            "-q",
            "draft",
            "-t",
            "detention-urgent-action",
            "--to",
            "ve-attorney-general",
        ];
        args.extend(extra);
        flat(env.run(&args).ok())
    };
    let mut organization = vec!["--lang", "en"];
    organization.extend(sender_flags());
    let letter = draft(&organization);
    assert!(
        letter.contains("On behalf of Red de Ejemplo, we are writing to express our grave concern"),
        "{letter}"
    );
    let mut as_person = organization.clone();
    as_person.extend(["--voice", "individual"]);
    let letter = draft(&as_person);
    assert!(
        letter.contains("I am writing to express my grave concern"),
        "{letter}"
    );
    assert!(
        letter.contains("I therefore respectfully urge you"),
        "{letter}"
    );
    let letter = draft(&["--lang", "es", "--sender-name", "Ana Pérez"]);
    assert!(
        letter.contains("Me dirijo a usted para expresarle mi grave preocupación"),
        "{letter}"
    );
    assert!(letter.contains("Confío en que actuará"), "{letter}");
    let letter = draft(&[
        "--lang",
        "es",
        "--sender-name",
        "Ana Pérez",
        "--voice",
        "sign-on",
    ]);
    assert!(
        letter.contains(
            "Quienes suscribimos esta carta nos dirigimos a usted para expresarle nuestra"
        ),
        "{letter}"
    );
    assert!(letter.contains("Confiamos en que actuará"), "{letter}");

    let stderr = env
        .run(&[
            "draft",
            "-t",
            "election-integrity",
            "--sender-name",
            "Ana",
            "--voice",
            "plural",
        ])
        .fails(2)
        .to_string();
    assert!(stderr.contains("--voice"), "{stderr}");
}

// Text the user brings.

#[test]
fn own_words_in_another_language_than_the_letter_are_warned_about() {
    let env = Env::new();
    let run = env.run(&[
        "draft", "-t", "election-integrity", "--lang", "en", "--sender-name", "Ana Pérez",
        "--own-words",
        "Quiero expresar mi profunda preocupación por la situación de los presos políticos en Venezuela.",
    ]);
    run.ok();
    assert!(
        run.stderr.contains("--own-words: the paragraph in your own words (“Quiero expresar mi profunda preocupación por…”) reads as Spanish, but the letter to `us-secretary-of-state` is in English"),
        "{}",
        run.stderr
    );
    let run = env.run(&[
        "draft",
        "-t",
        "election-integrity",
        "--lang",
        "en",
        "--sender-name",
        "Ana Pérez",
        "--own-words",
        "I am deeply worried about the people held for protesting peacefully in Venezuela.",
    ]);
    run.ok();
    assert!(!run.stderr.contains("own words"), "{}", run.stderr);
}

#[test]
fn in_a_batch_the_warning_names_the_row_whose_own_words_are_in_another_language() {
    let env = Env::new();
    env.write(
        "signers.csv",
        "name,own_words\nAna,\"Quiero expresar mi profunda preocupación por la situación de los presos políticos en Venezuela.\"\nLuis,\"I am deeply worried about the people held for protesting peacefully.\"\n",
    );
    let run = env.run(&[
        "batch",
        "--signers",
        "signers.csv",
        "-t",
        "election-integrity",
        "--lang",
        "en",
        "-o",
        "out",
    ]);
    run.ok();
    assert!(
        run.stderr.contains("signers.csv row 2, column `own_words`: the paragraph in your own words (“Quiero expresar mi profunda preocupación por…”) reads as Spanish"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("row 3, column `own_words`"),
        "{}",
        run.stderr
    );
}

#[test]
fn mojibake_that_cannot_be_repaired_is_said_as_such() {
    let env = Env::new();
    let words = "The situation is grave 鈥 and it must end now, Nicol谩s Maduro.";
    let base = [
        "draft",
        "-t",
        "election-integrity",
        "--lang",
        "en",
        "--sender-name",
        "Ana Pérez",
        "--own-words",
        words,
        "--fix-mojibake",
    ];
    let run = env.run(&base);
    let letter = run.ok();
    assert!(letter.contains("Nicolás Maduro"), "{letter}");
    assert!(
        run.stderr.contains("\"Nicol谩s\" reads as \"Nicolás\"; repaired (--fix-mojibake); \"鈥\" cannot be recovered"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("copy the paragraph beginning “The situation is grave 鈥 and…” again"),
        "{}",
        run.stderr
    );
    // Nothing repairable: "repaired" is not said.
    let run = env.run(&[
        "draft",
        "-t",
        "election-integrity",
        "--lang",
        "en",
        "--sender-name",
        "Ana Pérez",
        "--own-words",
        "Grave 鈥 indeed.",
        "--fix-mojibake",
    ]);
    run.ok();
    assert!(
        run.stderr.contains("\"鈥\" cannot be recovered"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("repaired"), "{}", run.stderr);
    // A PDF names the remnant and where it is, and asks for no CJK font.
    let mut pdf = base.to_vec();
    pdf.extend(["--format", "pdf", "-o", "letter.pdf"]);
    let stderr = env.run(&pdf).fails(2).to_string();
    assert!(stderr.contains("grave 鈥 and it must end now"), "{stderr}");
    assert!(
        stderr.contains("which is not Chinese but what is left of a quotation mark or dash"),
        "{stderr}"
    );
    assert!(!stderr.contains("CJK"), "{stderr}");
    assert!(!stderr.contains("--font"), "{stderr}");
}

// Conventions.

#[test]
fn one_convention_per_letter_even_without_a_salutation_of_its_own() {
    let env = Env::new();
    env.write(
        "r.toml",
        "[uk-office]\noffice = \"Office\"\ncountry = \"GB\"\nlanguages = [\"en\"]\naddress = [\"1 High Street\", \"London\"]\nverified = 2026-11-01\n\n[[uk-office.holders]]\nname = \"Jo Bloggs\"\nsince = 2026-01-01\n\n[us-office]\noffice = \"Office\"\ncountry = \"US\"\nlanguages = [\"en\"]\naddress = [\"1 Main Street\", \"Springfield, IL 62701\"]\nverified = 2026-11-01\n\n[[us-office.holders]]\nname = \"Jo Bloggs\"\nsince = 2026-01-01\n",
    );
    let letter = |to: &str| {
        let run = env.run(&[
            "--recipients",
            "r.toml",
            "draft",
            "-t",
            "detention-urgent-action",
            "--to",
            to,
            "--lang",
            "en",
            "--sender-name",
            "Ana Pérez",
        ]);
        (run.ok().to_string(), run.stderr.clone())
    };
    let (uk, stderr) = letter("uk-office");
    assert!(uk.starts_with("23 November 2026\n"), "{uk}");
    assert!(uk.contains("\nDear Sir or Madam,\n"), "{uk}");
    assert!(uk.contains("Between 29 July and 7 August 2024,"), "{uk}");
    assert!(uk.contains("\nYours faithfully,\n"), "{uk}");
    assert!(
        stderr.contains(
            "recipient `uk-office` has no salutation in `en`; using \"Dear Sir or Madam,\""
        ),
        "{stderr}"
    );
    let (us, _) = letter("us-office");
    assert!(us.starts_with("November 23, 2026\n"), "{us}");
    assert!(us.contains("\nDear Sir or Madam:\n"), "{us}");
    assert!(us.contains("Between July 29 and August 7, 2024,"), "{us}");
    assert!(us.contains("\nSincerely,\n"), "{us}");
}

#[test]
fn ui_lang_es_says_the_warnings_of_a_draft_in_spanish() {
    let env = Env::new();
    let run = env.run(&[
        "draft",
        "-t",
        "detention-urgent-action",
        "--to",
        "ve-un-mission",
        "--lang",
        "en",
        "--sender-name",
        "Ana Pérez",
        "--ui-lang",
        "es",
        "-o",
        "carta.txt",
    ]);
    run.ok();
    assert!(
        run.stderr.contains("aviso: la campaña `detention-urgent-action` pedía actuar antes del 27 de septiembre de 2024"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("aviso: el destinatario `ve-un-mission` se verificó por última vez el 2024-08-07 y esta carta lleva fecha del 23 de noviembre de 2026: quien ocupa el cargo (Héctor Constant Rosales) puede haber cambiado desde el 7 de agosto de 2024"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("(nota: Titular y dirección según una acción urgente de agosto de 2024."),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("escrito carta.txt"), "{}", run.stderr);
    assert!(!run.stderr.contains("warning:"), "{}", run.stderr);
}
