//! Security: nothing a user's data says can make `letters` write outside its output
//! directory, follow a planted symlink, or read files through a template.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{files, Env};

/// Plants a link at `at` pointing to `to`.
#[cfg(unix)]
fn plant(env: &Env, at: &str, to: &std::path::Path) {
    let at = env.join(at);
    std::fs::create_dir_all(at.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(to, at).unwrap();
}

/// Every file letters creates or appends to refuses a link planted where it goes, with
/// exit code 4 and a message that says so; the file the link points to is untouched,
/// and a dangling link never creates its target.
#[cfg(unix)]
#[test]
fn a_symlink_planted_where_any_file_goes_is_refused() {
    let batch = [
        "batch",
        "--signers",
        "s.csv",
        "-t",
        "election-integrity",
        "-o",
        "out",
    ];
    let combined = [&batch[..], &["--combine"]].concat();
    let resume = [&batch[..], &["--resume"]].concat();
    let draft = [
        "draft",
        "-t",
        "election-integrity",
        "--sender-name",
        "Ana",
        "-o",
        "letter.txt",
    ];
    let email = [
        "draft",
        "-t",
        "detention-urgent-action",
        "--to",
        "ve-attorney-general",
        "--sender-name",
        "Ana",
        "--sender-email",
        "ana@example.org",
        "--format",
        "email",
        "-o",
        "mail/",
    ];
    let send = ["send", "mail"];
    let cases: Vec<(&str, &str, Vec<&str>, &[&str])> = vec![
        (
            "a letter",
            "out/0002-ana--us-secretary-of-state.txt",
            vec![],
            &batch,
        ),
        ("the manifest", "out/manifest.jsonl", vec![], &batch),
        (
            "the manifest, resuming",
            "out/manifest.jsonl",
            vec![],
            &resume,
        ),
        ("failed rows", "out/failed.csv", vec![], &batch),
        (
            "a combined file",
            "out/election-integrity.txt",
            vec![],
            &combined,
        ),
        ("a single letter", "letter.txt", vec![], &draft),
        (
            "the send ledger",
            "mail/letters-ledger.jsonl",
            vec!["email"],
            &send,
        ),
    ];
    for (what, at, setup, args) in cases {
        for dangling in [false, true] {
            let env = Env::new();
            env.write(".home/.bashrc", "# mine\n");
            env.write("s.csv", "name,email\nAna,\nBea,not-an-address\n");
            if setup == ["email"] {
                env.run(&email).ok();
            }
            let victim = if dangling {
                env.join("nowhere/created.txt")
            } else {
                env.join(".home/.bashrc")
            };
            plant(&env, at, &victim);
            let run = env.run(args);
            let stderr = run.fails(4);
            assert!(
                stderr.contains("symbolic link"),
                "{what} (dangling: {dangling}): {stderr}"
            );
            assert_eq!(env.read(".home/.bashrc"), "# mine\n", "{what}");
            assert!(!env.join("nowhere").exists(), "{what}: {stderr}");
            let link = std::fs::symlink_metadata(env.join(at)).unwrap();
            assert!(
                link.file_type().is_symlink(),
                "{what}: the link is left as it was"
            );
        }
    }
}

/// A device or pipe given as the output (`-o /dev/null`) is written into, never replaced
/// by a regular file (a pipe stands in for the device here, so that no test can harm
/// the machine's /dev/null).
#[cfg(unix)]
#[test]
fn a_pipe_as_output_is_written_into_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let env = Env::new();
    let fifo = env.join("pipe");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    env.run(&[
        "draft",
        "-t",
        "election-integrity",
        "--sender-name",
        "Ana",
        "-o",
        "pipe",
    ])
    .ok();
    assert!(reader.join().unwrap().contains("\nAna\n"));
    let meta = std::fs::symlink_metadata(&fifo).unwrap();
    assert!(meta.file_type().is_fifo(), "the pipe is still a pipe");
}

/// A signature a signers file names stays inside the signers file's folder (or
/// --signatures-dir), and a refused path is never read.
#[test]
fn signature_cells_cannot_reach_outside_their_folder() {
    let env = Env::new();
    let png = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/signature.png"
    ))
    .unwrap();
    std::fs::create_dir_all(env.join("campaign/sig")).unwrap();
    std::fs::create_dir_all(env.join("private")).unwrap();
    std::fs::write(env.join("campaign/sig/ana.png"), &png).unwrap();
    std::fs::write(env.join("private/id.png"), &png).unwrap();
    let id = env.join("private/id.png").display().to_string();
    env.write(
        "campaign/s.csv",
        &format!(
            "name,signature\nAna,sig/ana.png\nBea,{id}\nCid,../private/id.png\nDee,../private/none.png\n"
        ),
    );
    let run = env.run(&[
        "batch",
        "--signers",
        "campaign/s.csv",
        "-t",
        "election-integrity",
        "--format",
        "pdf",
        "-o",
        "out",
    ]);
    let stderr = run.fails(1);
    assert_eq!(common::manifest(&env.join("out")).len(), 1, "{stderr}");
    let failed = env.read("out/failed.csv");
    assert_eq!(failed.matches("is refused").count(), 3, "{failed}");
    assert!(!failed.contains("No such file"), "{failed}");
    // With --signatures-dir, the images come from there.
    env.write("campaign/t.csv", "name,signature\nEva,id.png\n");
    env.run(&[
        "-q",
        "batch",
        "--signers",
        "campaign/t.csv",
        "--signatures-dir",
        "private",
        "-t",
        "election-integrity",
        "--format",
        "pdf",
        "-o",
        "out2",
    ])
    .ok();
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
        "{{> ws/letter-templates/election-integrity/es.md.hbs}}",
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
        // Partials are refused outright: nothing is included, not even another body.
        assert_eq!(run.code, 2, "{attempt}: {}{}", run.stdout, run.stderr);
        assert!(run.stderr.contains("are not supported in a letter body"));
        assert!(!run.stdout.contains("SECRET") && !run.stderr.contains("SECRET"));
    }
}

/// Every file letters creates gets the permissions the user's umask allows, like any
/// other program's files: letters, failed rows, combined files alike.
#[cfg(unix)]
#[test]
fn new_files_follow_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    for (umask, expected) in [("027", 0o640), ("002", 0o664)] {
        let env = Env::new();
        env.write("s.csv", "name,email\nAna,\nBea,not-an-address\n");
        // The same command as the harness runs, under a shell that sets the umask.
        let run = |args: &[&str]| {
            let letters = env.std_cmd(&[]);
            std::process::Command::new("sh")
                .current_dir(env.path())
                .env_clear()
                .envs(letters.get_envs().filter_map(|(k, v)| Some((k, v?))))
                .arg("-c")
                .arg(format!("umask {umask} && exec \"$0\" \"$@\""))
                .arg(letters.get_program())
                .args(args)
                .stdin(std::process::Stdio::null())
                .status()
                .unwrap()
        };
        let batch = [
            "-q",
            "batch",
            "--signers",
            "s.csv",
            "-t",
            "election-integrity",
        ];
        run(&[&batch[..], &["-o", "out"]].concat());
        run(&[&batch[..], &["-o", "combined", "--combine"]].concat());
        run(&[
            "-q",
            "draft",
            "-t",
            "election-integrity",
            "--sender-name",
            "Ana",
            "-o",
            "one.txt",
        ]);
        for file in [
            "out/0002-ana--us-secretary-of-state.txt",
            "out/failed.csv",
            "out/manifest.jsonl",
            "combined/election-integrity.txt",
            "combined/failed.csv",
            "one.txt",
        ] {
            let mode = std::fs::metadata(env.join(file))
                .unwrap_or_else(|e| panic!("{file}: {e}"))
                .permissions()
                .mode();
            assert_eq!(
                mode & 0o777,
                expected,
                "{file} under umask {umask}: {mode:o}"
            );
        }
    }
}
