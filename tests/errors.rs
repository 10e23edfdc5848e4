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
