//! Records a full disk or a crash cuts short: the batch manifest and the send ledger end
//! with a half line, even cut inside a character. `--resume` and `letters send` must
//! recognise it, say so once, cut it off, and carry on; a full disk must stop a batch
//! with the `--resume` hint whichever file it strikes first.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{files, manifest, Env};

const BATCH: [&str; 7] = [
    "batch",
    "--signers",
    "s.csv",
    "-t",
    "election-integrity",
    "-o",
    "out",
];

#[test]
fn a_manifest_cut_inside_a_character_is_repaired_on_resume() {
    let env = Env::new();
    env.write("s.csv", "name\nJosé Núñez\nMaría Peña\nÑandú Ibáñez\n");
    env.run(&BATCH).ok();
    env.run(&[&BATCH[..6], &["plain-out"]].concat()).ok();
    // The last record cut short inside "Ñ", as a full disk leaves it; its letter is gone.
    let path = env.join("out/manifest.jsonl");
    let text = std::fs::read(&path).unwrap();
    let last_start = text[..text.len() - 1]
        .iter()
        .rposition(|b| *b == b'\n')
        .unwrap()
        + 1;
    let cut = last_start + text[last_start..].iter().position(|b| *b == 0xC3).unwrap() + 1;
    std::fs::write(&path, &text[..cut]).unwrap();
    std::fs::remove_file(env.join("out/0004-nandu-ibanez--us-secretary-of-state.txt")).unwrap();

    let run = env.run(&[&BATCH[..], &["--resume"]].concat());
    run.ok();
    let warnings: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning:") && l.contains("manifest"))
        .collect();
    assert_eq!(warnings.len(), 1, "{}", run.stderr);
    assert!(warnings[0].contains("manifest.jsonl: its last line was cut short"));
    assert!(warnings[0].contains("written again"), "{}", warnings[0]);
    assert!(
        run.stderr.contains("1 written, 2 skipped"),
        "{}",
        run.stderr
    );
    // Every line parses (as jq would need), each letter once, each as a clean run made it.
    let entries = manifest(&env.join("out"));
    assert_eq!(entries.len(), 3);
    assert_eq!(files(&env.join("out")), files(&env.join("plain-out")));
    for name in files(&env.join("out")) {
        if name.ends_with(".txt") {
            assert_eq!(
                env.read(&format!("out/{name}")),
                env.read(&format!("plain-out/{name}"))
            );
        }
    }
    // A second resume finds nothing to repair and nothing to write.
    let again = env.run(&[&BATCH[..], &["--resume"]].concat());
    again.ok();
    assert!(!again.stderr.contains("manifest"), "{}", again.stderr);
    assert!(
        again.stderr.contains("0 written, 3 skipped"),
        "{}",
        again.stderr
    );
}
