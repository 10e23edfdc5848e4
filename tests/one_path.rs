//! Flags, `letters.toml`, the guided flow and a batch row go through one conversion, so
//! a value is checked the same way whichever way it came in. These cases once differed
//! between `draft` and `batch`; `-` means standard input or output wherever a file is
//! read or written.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::Env;

const BATCH: [&str; 7] = [
    "batch",
    "--signers",
    "s.csv",
    "-t",
    "election-integrity",
    "-o",
    "out",
];

fn with(extra: &[&str]) -> Vec<String> {
    BATCH.iter().chain(extra).map(|s| s.to_string()).collect()
}

fn run(env: &Env, args: &[String]) -> common::Run {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    env.run(&args)
}

#[test]
fn a_control_character_in_a_batch_flag_is_refused_as_in_draft() {
    for (flag, value) in [
        ("--own-words", "x\u{1b}[31my"),
        ("--field", "city=\u{1b}"),
        ("--sender-title", "Coordinadora\u{7}"),
    ] {
        let env = Env::new();
        env.write("s.csv", "name\nAna\n");
        let batch = run(&env, &with(&[flag, value]));
        let stderr = batch.fails(2);
        assert!(stderr.starts_with(&format!("error: {flag}: ")), "{stderr}");
        assert!(!env.join("out").exists(), "nothing is written");
        let draft = env.run(&[
            "draft",
            "-t",
            "election-integrity",
            "--sender-name",
            "Ana",
            flag,
            value,
        ]);
        assert_eq!(draft.fails(2), stderr, "draft and batch say the same");
    }
}

#[test]
fn a_width_too_narrow_is_refused_in_batch_as_in_draft() {
    let env = Env::new();
    env.write("s.csv", "name\nAna\n");
    let stderr = run(&env, &with(&["--width", "5"])).fails(2).to_string();
    assert_eq!(stderr, "error: --width: 5 is too narrow: use at least 20\n");
    let draft = env.run(&[
        "draft",
        "-t",
        "election-integrity",
        "--sender-name",
        "Ana",
        "--width",
        "5",
    ]);
    assert_eq!(draft.fails(2), stderr);
}

#[test]
fn mojibake_in_a_sender_flag_is_reported_in_batch_as_in_draft() {
    let env = Env::new();
    env.write("s.csv", "name\nAna\n");
    let batch = run(&env, &with(&["--sender-title", "Coordinadora de CampaÃ±a"]));
    batch.ok();
    assert!(
        batch
            .stderr
            .contains("warning: --sender-title: text looks mis-decoded"),
        "{}",
        batch.stderr
    );
}

#[test]
fn a_control_character_in_letters_toml_is_blamed_on_the_file() {
    let env = Env::new();
    env.write(
        "letters.toml",
        "[sender]\nname = \"Ana\"\ntitle = \"Jefa\\u0007\"\n",
    );
    env.write("s.csv", "name\nBea\n");
    for args in [vec!["draft", "-t", "election-integrity"], BATCH.to_vec()] {
        let stderr = env.run(&args).fails(2).to_string();
        assert!(
            stderr.contains("letters.toml [sender] title: contains the control character U+0007"),
            "{stderr}"
        );
    }
}

#[test]
fn dash_is_standard_output_for_draft() {
    let env = Env::new();
    let run = env.run(&[
        "draft",
        "-t",
        "election-integrity",
        "--sender-name",
        "Ana",
        "-o",
        "-",
    ]);
    assert!(run.ok().contains("\nAna\n"));
    assert!(!env.join("-").exists(), "no file named -");
}

#[test]
fn dash_is_standard_input_for_send() {
    let env = Env::new();
    let eml = env.run(&[
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
    ]);
    let message = eml.ok().to_string();
    let dry = env.run_with_stdin(&["send", "-"], &message);
    assert!(
        dry.ok().contains("ministeriopublico@mp.gob.ve"),
        "{}",
        dry.stdout
    );
    assert!(!env.join("-").exists());
}

#[test]
fn a_batch_that_writes_no_letter_says_so() {
    let env = Env::new();
    env.write("s.csv", "name,email\n");
    let run = run(&env, &with(&[]));
    run.ok();
    assert!(
        run.stderr
            .contains("warning: s.csv has no rows below its header: no letter was written"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_old_name_of_the_batch_output_flag_still_works() {
    let env = Env::new();
    env.write("s.csv", "name\nAna\n");
    env.run(&[
        "-q",
        "batch",
        "--signers",
        "s.csv",
        "-t",
        "election-integrity",
        "--out-dir",
        "old",
    ])
    .ok();
    assert_eq!(common::manifest(&env.join("old")).len(), 1);
    let help = env.run(&["batch", "--help"]);
    assert!(!help.ok().contains("--out-dir"), "a hidden alias");
}

/// On a terminal, a batch shows how far it has got: a bar with the share of the
/// signers file done (not merely read ahead), the letters written and the time left.
#[test]
fn a_batch_on_a_terminal_shows_progress_with_an_eta() {
    let env = Env::new();
    env.write("s.csv", &common::signers(1500));
    let mut p = common::pty::spawn(
        &env,
        &[
            "batch",
            "--signers",
            "s.csv",
            "-t",
            "election-integrity",
            "-o",
            "out",
        ],
    );
    let shown = common::pty::utf8(&p.exp_eof().unwrap());
    assert_eq!(common::pty::exit_code(&p), 0, "{shown}");
    assert!(shown.contains("(ETA "), "{shown}");
    assert!(shown.contains(" letters, "), "{shown}");
    // Each frame reads "NN%  L letters, R/s": the share shown keeps pace with the
    // letters written, out of 1500.
    let frames: Vec<(f64, f64)> = shown
        .split('\r')
        .filter_map(|frame| {
            let (share, rest) = frame.split_once("%  ")?;
            let share: f64 = share.rsplit(' ').next()?.trim().parse().ok()?;
            let letters: f64 = rest.split(' ').next()?.parse().ok()?;
            Some((share, letters * 100.0 / 1500.0))
        })
        .collect();
    assert!(!frames.is_empty(), "{shown}");
    for (share, done) in &frames {
        assert!(
            (share - done).abs() <= 10.0,
            "{share}% shown at {done:.0}% done"
        );
    }
    assert!(shown.contains("1500 written"), "{shown}");
}

/// A fixed "today" far outside the years a letter may be dated is refused up front,
/// as a date given with --date would be, rather than dating letters 1066.
#[test]
fn a_fixed_today_outside_the_dating_range_is_refused() {
    let env = Env::new();
    let out = env
        .cmd(&["draft", "-t", "election-integrity", "--sender-name", "Ana"])
        .env("LETTERS_TODAY", "1066-10-14")
        .output()
        .unwrap();
    let run = common::Run::from(out, env.path());
    let shown = run.fails(2);
    assert!(shown.contains("LETTERS_TODAY"), "{shown}");
    assert!(shown.contains("1970 to 2100"), "{shown}");
}
