//! A tiny harness: runs the real `letters` binary in a temporary directory, with a
//! fixed date, an empty home and config directory, and no terminal.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod pty;
pub mod smtp;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use tempfile::TempDir;

/// The fixed "today" of every test.
pub const TODAY: &str = "2026-11-23";

/// The flags of a full signer: name, title, organization, address and email.
pub fn sender_flags() -> Vec<&'static str> {
    vec![
        "--sender-name",
        "Ana Pérez",
        "--sender-title",
        "Coordinadora",
        "--sender-org",
        "Red de Ejemplo",
        "--sender-address",
        "Apartado 123",
        "--sender-address",
        "Caracas, Venezuela",
        "--sender-email",
        "ana@example.org",
    ]
}

/// A temporary working directory and a way to run `letters` in it.
pub struct Env {
    pub dir: TempDir,
}

/// What a run printed, and how it ended.
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn join(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) -> PathBuf {
        let path = self.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&path, text).expect("write");
        path
    }

    /// Saves the first attachment of the email message `eml` as `to`, and returns
    /// `to`'s path.
    pub fn first_attachment(&self, eml: &str, to: &str) -> PathBuf {
        let bytes = std::fs::read(self.join(eml)).unwrap();
        let message = mail_parser::MessageParser::default().parse(&bytes).unwrap();
        let saved = self.join(to);
        std::fs::write(&saved, message.attachment(0).unwrap().contents()).unwrap();
        saved
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.join(rel)).expect("read")
    }

    /// The command, set up to run in the temp dir with a clean environment.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("letters").expect("binary");
        let home = self.join(".home");
        let _ = std::fs::create_dir_all(&home);
        cmd.current_dir(self.path())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &home)
            .env("LETTERS_CONFIG_DIR", self.join(".config-letters"))
            .env("LETTERS_TODAY", TODAY)
            .env("LANG", "C.UTF-8")
            .args(args);
        cmd
    }

    /// The same command as a plain `std::process::Command`, to spawn and kill.
    pub fn std_cmd(&self, args: &[&str]) -> std::process::Command {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_letters"));
        let home = self.join(".home");
        let _ = std::fs::create_dir_all(&home);
        cmd.current_dir(self.path())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &home)
            .env("LETTERS_CONFIG_DIR", self.join(".config-letters"))
            .env("LETTERS_TODAY", TODAY)
            .env("LANG", "C.UTF-8")
            .stdin(std::process::Stdio::null())
            .args(args);
        cmd
    }

    /// Runs with stdin closed (as scripts and CI do).
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with_stdin(args, "")
    }

    pub fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Run {
        let output = self.cmd(args).write_stdin(stdin).output().expect("run");
        Run::from(output, self.path())
    }
}

impl Run {
    /// What a command run in `dir` printed, with `dir` written as `[TMP]`.
    pub fn from(output: Output, dir: &Path) -> Run {
        let clean = |bytes: &[u8]| {
            String::from_utf8_lossy(bytes).replace(&dir.display().to_string(), "[TMP]")
        };
        Run {
            stdout: clean(&output.stdout),
            stderr: clean(&output.stderr),
            code: output.status.code().unwrap_or(-1),
        }
    }

    /// Asserts success and returns stdout.
    pub fn ok(&self) -> &str {
        assert_eq!(
            self.code, 0,
            "stderr:\n{}\nstdout:\n{}",
            self.stderr, self.stdout
        );
        &self.stdout
    }

    /// Asserts exit code `code` and returns stderr.
    pub fn fails(&self, code: i32) -> &str {
        assert_eq!(
            self.code, code,
            "stderr:\n{}\nstdout:\n{}",
            self.stderr, self.stdout
        );
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
        &self.stderr
    }
}

/// The lines of a batch's manifest.
pub fn manifest(dir: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(dir.join("manifest.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The names of the files in `dir`.
pub fn files(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

/// A signers file of `n` rows.
pub fn signers(n: usize) -> String {
    let mut text = String::from("name,title,organization,email\n");
    for i in 1..=n {
        text.push_str(&format!(
            "Signer {i},Volunteer,\"Group {i}, Caracas\",s{i}@example.org\n"
        ));
    }
    text
}

/// Waits until `ready` is true, looking every few milliseconds; false if it is not
/// within `limit`. Tests wait on what happened (a line in a ledger or a server log, a
/// file appearing), never for a fixed time.
pub fn wait_for(limit: Duration, mut ready: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    loop {
        if ready() {
            return true;
        }
        if start.elapsed() >= limit {
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}
