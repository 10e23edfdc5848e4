//! Security: nothing a user's data says can make `letters` write outside its output
//! directory, follow a planted symlink, or read files through a template.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{files, Env};

#[cfg(unix)]
#[test]
fn a_symlink_planted_where_a_letter_goes_is_replaced_not_followed() {
    let env = Env::new();
    env.write("victim.txt", "do not touch");
    std::fs::create_dir(env.join("out")).unwrap();
    std::os::unix::fs::symlink(
        env.join("victim.txt"),
        env.join("out/0002-ana--us-secretary-of-state.txt"),
    )
    .unwrap();
    env.write("s.csv", "name\nAna\n");
    env.run(&[
        "-q",
        "batch",
        "--signers",
        "s.csv",
        "-t",
        "election-integrity",
        "-o",
        "out",
    ])
    .ok();
    assert_eq!(env.read("victim.txt"), "do not touch");
    let written = env.join("out/0002-ana--us-secretary-of-state.txt");
    assert!(!std::fs::symlink_metadata(&written)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(env
        .read("out/0002-ana--us-secretary-of-state.txt")
        .contains("\nAna\n"));

    // The same for a single letter written with -o.
    std::os::unix::fs::symlink(env.join("victim.txt"), env.join("letter.txt")).unwrap();
    env.run(&[
        "-q",
        "draft",
        "-t",
        "election-integrity",
        "--sender-name",
        "Ana",
        "-o",
        "letter.txt",
    ])
    .ok();
    assert_eq!(env.read("victim.txt"), "do not touch");
}

#[test]
fn names_cannot_steer_where_batch_files_go() {
    let env = Env::new();
    env.write(
        "s.csv",
        "name\n../../escaped\n/etc/passwd\n..\nCON\n\"a\\b/c\"\n",
    );
    env.run(&[
        "-q",
        "batch",
        "--signers",
        "s.csv",
        "-t",
        "election-integrity",
        "-o",
        "out",
    ])
    .ok();
    let names: Vec<String> = files(&env.join("out"))
        .into_iter()
        .filter(|n| n.ends_with(".txt"))
        .collect();
    assert_eq!(
        names,
        [
            "0002-escaped--us-secretary-of-state.txt",
            "0003-etc-passwd--us-secretary-of-state.txt",
            "0004-signer--us-secretary-of-state.txt",
            "0005-con--us-secretary-of-state.txt",
            "0006-a-b-c--us-secretary-of-state.txt",
        ]
    );
    assert!(!env.join("escaped--us-secretary-of-state.txt").exists());
}

#[test]
fn ids_that_reach_file_names_are_checked_when_data_is_loaded() {
    let env = Env::new();
    env.write(
        "r.toml",
        "[\"../../x\"]\noffice = \"O\"\ncountry = \"VE\"\nlanguages = [\"es\"]\nverified = 2026-01-01\n",
    );
    let run = env.run(&["--recipients", "r.toml", "recipients", "list"]);
    assert!(
        run.fails(2).contains("`../../x` is not a valid office id"),
        "{}",
        run.stderr
    );
}

#[test]
fn templates_cannot_include_files() {
    let env = Env::new();
    env.run(&["init", "ws"]).ok();
    env.write("secret.txt", "SECRET");
    for attempt in [
        "{{> ../../secret.txt}}",
        "{{> secret}}",
        "{{#> ../../secret.txt}}{{/../../secret.txt}}",
    ] {
        env.write(
            "ws/letter-templates/election-integrity/en.md.hbs",
            &format!(
                "Body {attempt}\n\n{{{{#each demands}}}}\n1. {{{{this.text}}}}\n{{{{/each}}}}\n"
            ),
        );
        let run = env.run(&[
            "draft",
            "--templates",
            "ws/letter-templates",
            "-t",
            "election-integrity",
            "--sender-name",
            "Ana",
        ]);
        // A partial block with no such partial renders its own content (Handlebars'
        // fallback); a bare partial is an error. Neither ever reads a file.
        if !attempt.starts_with("{{#>") {
            assert_eq!(run.code, 2, "{attempt}: {}{}", run.stdout, run.stderr);
        }
        assert!(!run.stdout.contains("SECRET") && !run.stderr.contains("SECRET"));
    }
}
