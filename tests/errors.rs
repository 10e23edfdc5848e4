//! Every class of error: one clear paragraph naming the file, line or flag, the right
//! exit code, and never a panic.

mod common;

use common::Env;

fn workspace(env: &Env) {
    env.run(&["init", "ws"]).ok();
}

#[test]
fn unknown_recipient_suggests_the_closest_id() {
    let env = Env::new();
    let run = env.run(&[
        "draft",
        "-t",
        "detention-urgent-action",
        "--to",
        "ve-attorney-genral",
        "--sender-name",
        "Ana",
    ]);
    insta::assert_snapshot!("unknown-recipient", run.fails(2));
}

#[test]
fn unknown_template_suggests_the_closest_id() {
    let env = Env::new();
    let run = env.run(&["draft", "-t", "detention-urgent", "--sender-name", "Ana"]);
    insta::assert_snapshot!("unknown-template", run.fails(2));
}

#[test]
fn unknown_demand_suggests_the_closest_id() {
    let env = Env::new();
    let run = env.run(&[
        "draft",
        "-t",
        "detention-urgent-action",
        "--sender-name",
        "Ana",
        "--demands",
        "release-detainees",
    ]);
    insta::assert_snapshot!("unknown-demand", run.fails(2));
}

#[test]
fn bad_flag_values() {
    let env = Env::new();
    let base = ["draft", "-t", "election-integrity", "--sender-name", "Ana"];
    let with = |extra: &[&str]| {
        let mut args = base.to_vec();
        args.extend(extra);
        env.run(&args)
    };
    insta::assert_snapshot!("bad-date", with(&["--date", "25/07/2024"]).fails(2));
    insta::assert_snapshot!("bad-lang", with(&["--lang", "de"]).fails(2));
    insta::assert_snapshot!("bad-field", with(&["--field", "novalue"]).fails(2));
    insta::assert_snapshot!("narrow-width", with(&["--width", "5"]).fails(2));
    insta::assert_snapshot!(
        "missing-own-words-file",
        with(&["--own-words", "@nope.txt"]).fails(2)
    );
}

#[test]
fn language_a_template_does_not_offer() {
    let env = Env::new();
    workspace(&env);
    let meta = env
        .read("ws/letter-templates/election-integrity/template.toml")
        .replace("languages = [\"en\", \"es\"]", "languages = [\"en\"]");
    env.write(
        "ws/letter-templates/election-integrity/template.toml",
        &meta,
    );
    let run = env.run(&[
        "draft",
        "--templates",
        "ws/letter-templates",
        "-t",
        "election-integrity",
        "--sender-name",
        "Ana",
        "--lang",
        "es",
    ]);
    insta::assert_snapshot!("language-not-offered", run.fails(2));
}

#[test]
fn toml_syntax_error_names_file_line_and_column() {
    let env = Env::new();
    env.write("bad.toml", "[ve-x]\noffice = \"Office\"\ncountry = VE\n");
    let run = env.run(&["--recipients", "bad.toml", "recipients", "list"]);
    insta::assert_snapshot!("toml-syntax", run.fails(2));
}

#[test]
fn toml_duplicate_key_and_missing_field() {
    let env = Env::new();
    env.write("dup.toml", "[ve-x]\noffice = \"A\"\noffice = \"B\"\n");
    let run = env.run(&["--recipients", "dup.toml", "recipients", "list"]);
    insta::assert_snapshot!("toml-duplicate-key", run.fails(2));
    env.write(
        "missing.toml",
        "[ve-x]\noffice = \"A\"\ncountry = \"VE\"\nlanguages = [\"es\"]\n",
    );
    let run = env.run(&["--recipients", "missing.toml", "recipients", "list"]);
    insta::assert_snapshot!("toml-missing-field", run.fails(2));
    env.write("typo.toml", "[ve-x]\noffice = \"A\"\ncountry = \"VE\"\nlanguages = [\"es\"]\nverified = 2024-01-01\nsalutaton = \"x\"\n");
    let run = env.run(&["--recipients", "typo.toml", "recipients", "list"]);
    insta::assert_snapshot!("toml-unknown-field", run.fails(2));
}

#[test]
fn template_using_an_unknown_variable_names_the_file_and_line() {
    let env = Env::new();
    workspace(&env);
    let body = env.read("ws/letter-templates/election-integrity/en.md.hbs");
    let body = body.replacen("\n\n", "\n\nDear {{recipient.nickname}},\n\n", 1);
    env.write("ws/letter-templates/election-integrity/en.md.hbs", &body);
    let run = env.run(&[
        "draft",
        "--templates",
        "ws/letter-templates",
        "-t",
        "election-integrity",
        "--sender-name",
        "Ana",
    ]);
    insta::assert_snapshot!("template-missing-variable", run.fails(2));
    let check = env.run(&["check", "ws"]);
    assert!(check.fails(2).is_empty());
    assert!(
        check
            .stdout
            .contains("error: ws/letter-templates/election-integrity/en.md.hbs:3:"),
        "{}",
        check.stdout
    );
}

#[test]
fn template_with_an_unclosed_block() {
    let env = Env::new();
    workspace(&env);
    env.write(
        "ws/letter-templates/election-integrity/es.md.hbs",
        "Texto.\n\n{{#each demands}}\n1. {{this.text}}\n",
    );
    let run = env.run(&[
        "draft",
        "--templates",
        "ws/letter-templates",
        "-t",
        "election-integrity",
        "--sender-name",
        "Ana",
        "--lang",
        "es",
    ]);
    insta::assert_snapshot!("template-unclosed-block", run.fails(2));
}

#[test]
fn check_reports_every_problem_with_its_place() {
    let env = Env::new();
    workspace(&env);
    let meta = env.read("ws/letter-templates/detention-urgent-action/template.toml");
    // A demand without its Spanish text, and a default recipient that does not exist.
    let meta = meta.replacen("es = ", "xx = ", 0);
    let meta = meta.replace(
        "recipients = [\"ve-attorney-general\", \"ve-un-mission\"]",
        "recipients = [\"ve-attorney-generl\"]",
    );
    env.write(
        "ws/letter-templates/detention-urgent-action/template.toml",
        &meta,
    );
    env.write(
        "ws/letter-templates/new-campaign/template.toml",
        "name = { en = \"New\", es = \"Nueva\" }\nsubject = { en = \"S\", es = \"A\" }\nlanguages = [\"en\", \"es\"]\n\n[[demands]]\nid = \"one\"\ntext = { en = \"Do it.\" }\n",
    );
    env.write(
        "ws/letter-templates/new-campaign/en.md.hbs",
        "Body with a note.[^n]\n\n{{#each demands}}\n1. {{this.text}}\n{{/each}}\n",
    );
    let recipients = env
        .read("ws/recipients.toml")
        .replace("Tarek William Saab", "Tarek William Saab Ã©");
    env.write("ws/recipients.toml", &recipients);
    let run = env.run(&["check", "ws"]);
    run.fails(2);
    insta::assert_snapshot!("check-report", run.stdout);
}

/// Under `--ui-lang es` or `LETTERS_UI_LANG=es`, an error and its hint are said in
/// Spanish; without them, in English whatever the locale.
#[test]
fn errors_are_said_in_the_interface_language() {
    let env = Env::new();
    let args = [
        "draft",
        "-t",
        "election-integrity",
        "--to",
        "us-secretary-of-state",
        "--sender-name",
        "Ana",
        "--format",
        "email",
        "--ui-lang",
        "es",
    ];
    let run = env.run(&args);
    let stderr = run.fails(2);
    assert!(
        stderr.contains("error: el destinatario `us-secretary-of-state` no tiene dirección de correo electrónico"),
        "{stderr}"
    );
    assert!(
        stderr.contains("sugerencia: use --format pdf o --format text"),
        "{stderr}"
    );

    let output = env
        .cmd(&["templates", "show", "detention-urgent"])
        .env("LETTERS_UI_LANG", "es")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("error: no se conoce la campaña `detention-urgent`; ¿quiso decir `detention-urgent-action`?"),
        "{stderr}"
    );
    assert!(stderr.contains("sugerencia: véase:"), "{stderr}");

    let output = env
        .cmd(&["templates", "show", "detention-urgent"])
        .env("LANG", "es_ES.UTF-8")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("error: unknown template"), "{stderr}");

    // `--ui-lang` is taken by every command, before or after it.
    for args in [
        ["--ui-lang", "es", "templates", "show", "detention-urgent"],
        ["templates", "show", "detention-urgent", "--ui-lang", "es"],
    ] {
        let stderr = env.run(&args).fails(2).to_string();
        assert!(
            stderr.contains("error: no se conoce la campaña `detention-urgent`"),
            "{stderr}"
        );
    }
    // The interface is in English or Spanish; a letter language is not an interface one.
    let stderr = env
        .run(&["--ui-lang", "fr", "templates", "list"])
        .fails(2)
        .to_string();
    assert!(
        stderr.contains("--ui-lang: the interface is not written in `fr`: use en or es"),
        "{stderr}"
    );
}

/// What a check says about a value (a flag, a row's cell, a file) is said in the
/// interface's language too, while English stays as it was.
#[test]
fn details_of_common_errors_are_said_in_the_interface_language() {
    let env = Env::new();
    let said = |args: &[&str]| {
        let mut all = vec!["--ui-lang", "es"];
        all.extend_from_slice(args);
        env.run(&all).fails(2).to_string()
    };
    let draft = ["draft", "-t", "election-integrity", "--sender-name", "Ana"];
    let with = |more: &[&'static str]| {
        let mut args = draft.to_vec();
        args.extend_from_slice(more);
        args
    };

    let err = said(&with(&["--lang", "de"]));
    assert!(
        err.contains("error: --lang: no se conoce el idioma `de`: use uno de en, es, fr, pt"),
        "{err}"
    );
    let err = said(&with(&["--date", "2024-13-01"]));
    assert!(
        err.contains("error: --date: `2024-13-01` no es una fecha de la forma AAAA-MM-DD"),
        "{err}"
    );
    let err = said(&with(&["--date", "1024-12-01"]));
    assert!(
        err.contains("1024-12-01 no es una fecha que pueda llevar una carta"),
        "{err}"
    );
    let err = said(&with(&["--sender-email", "ana@"]));
    assert!(
        err.contains("`ana@` no es una dirección de correo electrónico válida"),
        "{err}"
    );
    let err = said(&with(&["--recipients", "missing.toml"]));
    assert!(
        err.contains("error: no se puede leer missing.toml: no existe ese archivo o carpeta"),
        "{err}"
    );
    // Nothing to ask on: the missing choices and what to do.
    let err = said(&["draft", "-t", "election-integrity"]);
    assert!(
        err.contains(
            "error: falta --sender-name <NOMBRE> (o name en la tabla [sender] de letters.toml)"
        ),
        "{err}"
    );
    assert!(
        err.contains("sugerencia: no hay un terminal en el que preguntar"),
        "{err}"
    );

    // letters.toml naming a locales directory that is not there.
    let ws = Env::new();
    ws.write("letters.toml", "\nlocales = \"idiomas\"\n");
    let err = ws.run(&["--ui-lang", "es", "recipients", "list"]);
    let err = err.fails(2);
    assert!(
        err.contains("letters.toml:2: `locales` indica [TMP]/idiomas, que no es una carpeta"),
        "{err}"
    );

    // A batch's rows: the warning for each failed row; failed.csv keeps English.
    env.write("s.csv", "name,email\n,a@example.org\nAna,ana@\n");
    let run = env.run(&[
        "--ui-lang",
        "es",
        "batch",
        "-t",
        "election-integrity",
        "--signers",
        "s.csv",
        "-o",
        "out",
    ]);
    let err = &run.stderr;
    assert!(
        err.contains(
            "aviso: s.csv fila 2: columna `name`: falta el nombre: rellene la columna `name`"
        ),
        "{err}"
    );
    assert!(
        err.contains("aviso: s.csv fila 3: columna `email`: `ana@` no es una dirección de correo electrónico válida"),
        "{err}"
    );
    assert!(
        err.contains("la campaña `election-integrity` pedía actuar"),
        "{err}"
    );
    let failed = std::fs::read_to_string(env.join("out/failed.csv")).unwrap();
    assert!(
        failed.contains("column `name`: no name: fill in the `name` column"),
        "{failed}"
    );

    // The same in English, as it always was.
    let err = env
        .run(&with(&["--date", "2024-13-01"]))
        .fails(2)
        .to_string();
    assert!(
        err.contains("error: --date: `2024-13-01` is not a date in the form YYYY-MM-DD"),
        "{err}"
    );
}
