//! The other subcommands: recipients, templates, check, init, completions, man, --help.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::Env;

#[test]
fn help_is_stable() {
    let env = Env::new();
    insta::assert_snapshot!("help", env.run(&["--help"]).ok());
    insta::assert_snapshot!("draft-help", env.run(&["draft", "--help"]).ok());
    insta::assert_snapshot!("batch-help", env.run(&["batch", "--help"]).ok());
    insta::assert_snapshot!("send-help", env.run(&["send", "--help"]).ok());
}

/// Every command shows examples, and flags act only where they are shown.
#[test]
fn every_command_has_examples_and_only_its_own_flags() {
    let env = Env::new();
    for command in [
        "draft",
        "batch",
        "send",
        "recipients",
        "templates",
        "check",
        "init",
        "completions",
        "man",
    ] {
        let help = env.run(&[command, "--help"]);
        assert!(
            help.ok().contains("Examples:"),
            "{command}: {}",
            help.stdout
        );
    }
    let send = env.run(&["send", "--help"]);
    assert!(!send.ok().contains("--templates"), "{}", send.stdout);
    let draft = env.run(&["draft", "--help"]);
    for heading in ["Letter:", "Sender:", "Email:", "PDF:", "Output:", "Data:"] {
        assert!(draft.ok().contains(heading), "{heading}: {}", draft.stdout);
    }
}

#[test]
fn recipients_list_and_show() {
    let env = Env::new();
    let list = env.run(&["recipients", "list"]);
    insta::assert_snapshot!("recipients-list", list.ok());
    let show = env.run(&["recipients", "show", "us-secretary-of-state"]);
    let out = show.ok();
    assert!(out.contains("STALE"), "{out}");
    assert!(out.contains("January 2025"), "{out}");
    assert!(
        show.stderr.contains("more than 12 months"),
        "{}",
        show.stderr
    );

    let json: serde_json::Value =
        serde_json::from_str(env.run(&["recipients", "list", "--json"]).ok()).unwrap();
    let ids: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "us-secretary-of-state",
            "ve-attorney-general",
            "ve-un-mission"
        ]
    );
    let one: serde_json::Value = serde_json::from_str(
        env.run(&["recipients", "show", "ve-attorney-general", "--json"])
            .ok(),
    )
    .unwrap();
    assert_eq!(one["email"], "ministeriopublico@mp.gob.ve");
    assert_eq!(one["verified"], "2024-08-07");
}

#[test]
fn templates_list_and_show() {
    let env = Env::new();
    insta::assert_snapshot!("templates-list", env.run(&["templates", "list"]).ok());
    let show = env.run(&[
        "templates",
        "show",
        "detention-urgent-action",
        "--lang",
        "es",
    ]);
    let out = show.ok();
    assert!(out.contains("27 de septiembre de 2024"), "{out}");
    assert!(out.contains("release-detained: "), "{out}");
    let json: serde_json::Value = serde_json::from_str(
        env.run(&["templates", "show", "detention-urgent-action", "--json"])
            .ok(),
    )
    .unwrap();
    assert_eq!(json["act_before"], "2024-09-27");
    assert_eq!(json["demands"].as_array().map(Vec::len), Some(4));
    assert!(json["people"][0]["pronouns"]
        .as_str()
        .is_some_and(|p| !p.is_empty()));
    let list: serde_json::Value =
        serde_json::from_str(env.run(&["templates", "list", "--json"]).ok()).unwrap();
    assert_eq!(list.as_array().map(Vec::len), Some(4));
}

#[test]
fn bundled_data_checks_clean() {
    let env = Env::new();
    let run = env.run(&["check"]);
    let out = run.ok();
    assert!(!out.contains("error:"), "{out}");
    assert!(
        out.contains("recipient `us-secretary-of-state` was last verified on 2025-01-21"),
        "{out}"
    );
    // Every figure of every bundled body is in one of its campaign's sources, and every
    // campaign says when its facts were current.
    assert!(
        !out.contains("appears in none of the campaign's sources"),
        "{out}"
    );
    assert!(!out.contains("neither `act_before` nor `as_of`"), "{out}");
    assert!(
        out.ends_with("checked 3 recipients, 4 templates and 19 demands: 0 errors, 5 warnings\n"),
        "{out}"
    );
}

#[test]
fn init_writes_a_workspace_whose_data_replaces_the_bundled() {
    let env = Env::new();
    let run = env.run(&["init", "ws"]);
    run.ok();
    assert!(
        run.stderr.contains("created a workspace in ws"),
        "{}",
        run.stderr
    );
    for file in [
        "ws/letters.toml",
        "ws/recipients.toml",
        "ws/letter-templates/election-integrity/es.md.hbs",
    ] {
        assert!(env.join(file).is_file(), "{file}");
    }
    // A second init refuses to overwrite.
    let again = env.run(&["init", "ws"]);
    assert!(
        again.fails(2).contains("already exists"),
        "{}",
        again.stderr
    );

    // Edit the workspace: a new officeholder and a default signer.
    let recipients = env
        .read("ws/recipients.toml")
        .replace("Marco Rubio", "Test Officeholder");
    env.write("ws/recipients.toml", &recipients);
    let settings =
        env.read("ws/letters.toml")
            .replacen("name = \"\"", "name = \"Workspace Signer\"", 1);
    env.write("ws/letters.toml", &settings);

    let mut cmd = env.cmd(&["-q", "draft", "-t", "election-integrity"]);
    cmd.current_dir(env.join("ws/letter-templates"));
    let output = cmd.output().unwrap();
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(out.contains("The Honorable Test Officeholder"), "{out}");
    assert!(out.contains("\nWorkspace Signer\n"), "{out}");

    // The same data through flags, from outside the workspace.
    let run = env.run(&[
        "-q",
        "draft",
        "-t",
        "election-integrity",
        "--sender-name",
        "Ana",
        "--recipients",
        "ws/recipients.toml",
        "--templates",
        "ws/letter-templates",
    ]);
    assert!(run.ok().contains("Test Officeholder"));

    let check = env.run(&["check", "ws"]);
    assert!(check.ok().contains("0 errors"), "{}", check.stdout);
}

/// What a shell gets when it asks `letters` for completions of `words` (the cursor on
/// the last one), as the code `letters completions bash` installs asks.
fn complete(env: &Env, words: &[&str]) -> Vec<String> {
    let mut cmd = env.cmd(&[&["--", "letters"], words].concat());
    cmd.env("COMPLETE", "bash")
        .env("_CLAP_IFS", "\n")
        .env("_CLAP_COMPLETE_INDEX", words.len().to_string());
    let output = cmd.output().unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn completions_and_man_pages() {
    let env = Env::new();
    let bash = env.run(&["completions", "bash"]);
    assert!(bash.ok().contains("COMPLETE=\"bash\""), "{}", bash.stdout);
    assert!(bash.stdout.contains("complete -o"), "{}", bash.stdout);
    let zsh = env.run(&["completions", "zsh"]);
    assert!(zsh.ok().contains("#compdef letters"));
    // Campaigns, recipients and flags are completed from the data in use.
    assert_eq!(
        complete(&env, &["draft", "-t", ""]),
        [
            "accountability-2025",
            "detention-urgent-action",
            "election-integrity",
            "post-election-audit"
        ]
    );
    assert_eq!(
        complete(&env, &["batch", "--to", "ve"]),
        ["ve-attorney-general", "ve-un-mission"]
    );
    assert_eq!(
        complete(&env, &["recipients", "show", "us"]),
        ["us-secretary-of-state"]
    );
    assert_eq!(complete(&env, &["draft", "--sender-n"]), ["--sender-name"]);

    let man = env.run(&["man"]);
    let page = man.ok();
    assert!(page.starts_with(".ie"), "{}", &page[..80.min(page.len())]);
    assert!(page.contains(".TH letters"), "roff title");
    assert!(page.contains("draft"));
    // Every page the top one points to exists.
    let draft = env.run(&["man", "draft"]);
    assert!(draft.ok().contains(".TH letters-draft"), "{}", draft.stdout);
    assert!(draft.stdout.contains("sender\\-name"), "{}", draft.stdout);
    env.run(&["man", "--dir", "pages"]).ok();
    let pages = common::files(&env.join("pages"));
    for name in [
        "draft",
        "batch",
        "send",
        "recipients",
        "templates",
        "check",
        "init",
    ] {
        assert!(pages.contains(&format!("letters-{name}.1")), "{pages:?}");
        assert!(page.contains(&format!("letters\\-{name}(1)")), "{name}");
    }
    let unknown = env.run(&["man", "drafts"]);
    assert!(
        unknown.fails(2).contains("did you mean `draft`"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn recipients_list_and_show_speak_the_interface_language() {
    let env = Env::new();
    let out = env
        .run(&["--ui-lang", "es", "recipients", "list"])
        .ok()
        .to_string();
    assert!(out.starts_with("ID "), "{out}");
    assert!(out.contains("DESTINATARIO"), "{out}");
    assert!(out.contains("VERIFICADO"), "{out}");
    assert!(out.contains("Señor Tarek William Saab"), "{out}");
    assert!(out.contains("(antiguo)"), "{out}");

    let run = env.run(&[
        "--ui-lang",
        "es",
        "recipients",
        "show",
        "ve-attorney-general",
    ]);
    let out = run.ok();
    for line in [
        "ve-attorney-general  Fiscal General de la República Bolivariana de Venezuela",
        "  destinatario: Señor Tarek William Saab",
        "  correo:     ministeriopublico@mp.gob.ve",
        "  saludo (es): Señor Fiscal General:",
        "(en el cargo hoy)",
        "  verificado: 2024-08-07  (ANTIGUO: hace más de 12 meses",
        "  nota:       Titular del cargo",
    ] {
        assert!(out.contains(line), "{line}\n{out}");
    }
    assert!(
        run.stderr
            .contains("aviso: el destinatario `ve-attorney-general` se verificó"),
        "{}",
        run.stderr
    );
}
