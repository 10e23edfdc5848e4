//! A catalogue of bad input: each case asserts the exit code and the exact message a
//! user sees (snapshots), and that nothing panics.
//!
//! The cases are rows of the table in `bad_input/cases.rs`: a name (which is the
//! snapshot's, `snapshots/bad_input__<name>.snap`), the files the directory holds, the
//! command line, standard input, and the exit code. Adding a case is adding a row. One
//! test, [`catalogue`], runs every row in a fresh directory, several at a time, and
//! reports every row that fails, not just the first; `BAD_INPUT=<part of a name>` runs
//! only the rows whose name contains it. Rows that need a small tmpfs (root) run in
//! [`tmpfs_catalogue`], which is ignored unless asked for (`scripts/test.sh` does, as
//! root).
//!
//! The few cases a row cannot hold are test functions below: a full disk that is given
//! room again and resumed, signers files in UTF-16, the failed rows of a JSON Lines
//! file, and inputs next to the bad ones that must still work.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "bad_input/cases.rs"]
mod cases;
mod common;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use cases::CASES;
use common::{files, manifest, signers, Env, Run};

/// One case of bad input: what the directory holds, what is run, how it must end.
struct Case {
    /// The case's name, which is its snapshot's.
    name: &'static str,
    /// What is prepared before the files are written.
    setup: Setup,
    /// Files to write, by path in the directory (folders are made as needed).
    files: &'static [(&'static str, Content)],
    /// The command line after `letters`, split as a shell would (single and double
    /// quotes, backslashes).
    args: &'static str,
    /// What standard input holds; closed at once when `None`.
    stdin: Option<Content>,
    /// The exit code the run must end with.
    code: i32,
    /// What of the run is compared with the snapshot.
    shown: Shown,
    /// Further assertions.
    checks: &'static [Check],
}

impl Case {
    /// The defaults of a row: nothing prepared, no files, stdin closed, standard error
    /// shown. Every row names its exit code all the same.
    const PLAIN: Case = Case {
        name: "",
        setup: Setup::None,
        files: &[],
        args: "",
        stdin: None,
        code: 2,
        shown: Shown::Stderr,
        checks: &[],
    };
}

/// What a file (or standard input) holds.
#[derive(Clone, Copy)]
enum Content {
    Text(&'static str),
    /// Bytes that are not UTF-8 (`b"…\xed…"`).
    Bytes(&'static [u8]),
    /// Made when the case runs: large, repeated, or cut from a fixture.
    Made(fn() -> Vec<u8>),
}

impl Content {
    fn bytes(self) -> Vec<u8> {
        match self {
            Content::Text(text) => text.as_bytes().to_vec(),
            Content::Bytes(bytes) => bytes.to_vec(),
            Content::Made(make) => make(),
        }
    }
}

/// What is prepared in the directory before the files are written.
#[derive(Clone, Copy)]
enum Setup {
    None,
    /// A workspace, `ws/`, made with `letters init ws`; the row's files replace its own.
    Workspace,
    /// A letter drafted as email into `out/`, to send.
    Drafted,
    /// As `Drafted`, and a local SMTP server that offers AUTH and refuses every password:
    /// `{smtp}` in the arguments is its URL, and its port reads `[PORT]` in the snapshot.
    DraftedAndLoginRefused,
    /// A symbolic link at `link` to `target` (which need not exist).
    Symlink {
        link: &'static str,
        target: &'static str,
    },
    /// A small tmpfs mounted at `at` with these mount options. Needs root: such rows run
    /// in `tmpfs_catalogue`.
    Tmpfs {
        at: &'static str,
        options: &'static str,
    },
    /// Standard output is `/dev/full`.
    FullStdout,
}

/// What a setup left that the run needs, and that is undone when dropped.
struct Prepared {
    _disk: Option<SmallDisk>,
    smtp_port: Option<u16>,
}

/// The command that drafts a letter as email into `out/`.
const DRAFT_EMAIL: [&str; 14] = [
    "-q",
    "draft",
    "-t",
    "detention-urgent-action",
    "--to",
    "ve-un-mission",
    "--sender-name",
    "Ana",
    "--sender-email",
    "ana@example.org",
    "--format",
    "email",
    "-o",
    "out/",
];

impl Setup {
    fn needs_root(self) -> bool {
        matches!(self, Setup::Tmpfs { .. })
    }

    fn prepare(self, env: &Env) -> Prepared {
        let mut prepared = Prepared {
            _disk: None,
            smtp_port: None,
        };
        match self {
            Setup::None | Setup::FullStdout => {}
            Setup::Workspace => {
                env.run(&["init", "ws"]).ok();
            }
            Setup::Drafted => {
                env.run(&DRAFT_EMAIL).ok();
            }
            Setup::DraftedAndLoginRefused => {
                env.run(&DRAFT_EMAIL).ok();
                prepared.smtp_port = Some(refusing_smtp_server());
            }
            Setup::Symlink { link, target } => {
                let link = env.join(link);
                std::fs::create_dir_all(link.parent().unwrap()).unwrap();
                #[cfg(unix)]
                std::os::unix::fs::symlink(env.join(target), link).unwrap();
                #[cfg(not(unix))]
                panic!("symbolic links to {target} are made on Unix only");
            }
            Setup::Tmpfs { at, options } => {
                prepared._disk = Some(SmallDisk::mount(env.join(at), options));
            }
        }
        prepared
    }
}

/// What of a run is compared with the snapshot.
#[derive(Clone, Copy)]
enum Shown {
    /// Standard error, with the summary line's time and rate taken out.
    Stderr,
    /// Only the `error:` and `hint:` lines of standard error.
    ErrorAndHint,
    /// Standard error without the warnings about the campaign and the recipient (which
    /// may come before or after the rows' failures).
    RowsOnly,
    /// Standard output.
    Stdout,
}

impl Shown {
    fn of(self, run: &Run) -> String {
        match self {
            Shown::Stderr => without_timing(&run.stderr),
            Shown::ErrorAndHint => run
                .stderr
                .lines()
                .filter(|l| l.starts_with("error") || l.starts_with("hint"))
                .collect::<Vec<_>>()
                .join("\n"),
            Shown::RowsOnly => without_timing(&run.stderr)
                .lines()
                .filter(|line| {
                    !line.starts_with("warning: campaign")
                        && !line.starts_with("warning: recipient")
                })
                .map(|line| format!("{line}\n"))
                .collect(),
            Shown::Stdout => run.stdout.clone(),
        }
    }
}

/// Assertions beyond the exit code and the snapshot.
#[derive(Clone, Copy)]
enum Check {
    /// What is shown holds no raw ESC: control characters are quoted back escaped.
    NoRawEscape,
    /// The run ends within this many seconds.
    Within(u64),
    /// The file holds no raw ESC.
    FileWithoutRawEscape(&'static str),
    /// The file holds the text.
    FileContains(&'static str, &'static str),
    /// The file starts with the text.
    FileStartsWith(&'static str, &'static str),
    /// The folder is there and holds nothing.
    NothingIn(&'static str),
    /// Nothing was written at this path.
    NoOutput(&'static str),
}

impl Check {
    fn assert(self, env: &Env, shown: &str, took: Duration) {
        match self {
            Check::NoRawEscape => {
                no_raw_escape(shown);
            }
            Check::Within(seconds) => assert!(
                took < Duration::from_secs(seconds),
                "took {took:?}, more than {seconds} s"
            ),
            Check::FileWithoutRawEscape(file) => {
                no_raw_escape(&env.read(file));
            }
            Check::FileContains(file, text) => {
                let held = env.read(file);
                assert!(held.contains(text), "{file} lacks {text:?}:\n{held}");
            }
            Check::FileStartsWith(file, text) => {
                let held = env.read(file);
                assert!(held.starts_with(text), "{file} starts otherwise:\n{held}");
            }
            Check::NothingIn(folder) => {
                let held = files(&env.join(folder));
                assert!(held.is_empty(), "{folder} holds {held:?}");
            }
            Check::NoOutput(path) => {
                assert!(!env.join(path).exists(), "{path} was written");
            }
        }
    }
}

/// However a case goes wrong, a run ends within this time (and fails the case).
const RUN_LIMIT: Duration = Duration::from_secs(120);

impl Case {
    /// Runs the case in a fresh directory; panics on the first assertion that fails.
    fn run(&self) {
        let env = Env::new();
        let prepared = self.setup.prepare(&env);
        for (name, content) in self.files {
            let path = env.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, content.bytes()).unwrap();
        }
        let smtp = prepared
            .smtp_port
            .map(|port| format!("smtp://127.0.0.1:{port}"));
        let args: Vec<String> = shell_words::split(self.args)
            .unwrap_or_else(|e| panic!("the command line {:?}: {e}", self.args))
            .into_iter()
            .map(|arg| match &smtp {
                Some(url) => arg.replace("{smtp}", url),
                None => arg,
            })
            .collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let started = Instant::now();
        let output = match self.setup {
            Setup::FullStdout => env
                .std_cmd(&args)
                .stdout(std::fs::File::create("/dev/full").unwrap())
                .output(),
            _ => env
                .cmd(&args)
                .write_stdin(self.stdin.map(Content::bytes).unwrap_or_default())
                .timeout(RUN_LIMIT)
                .output(),
        };
        let took = started.elapsed();
        let run = Run::from(output.expect("run letters"), env.path());
        assert!(
            run.code == self.code,
            "exit code {}, not {}\nstderr:\n{}\nstdout:\n{}",
            run.code,
            self.code,
            run.stderr,
            run.stdout
        );
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
        let mut shown = self.shown.of(&run);
        if let Some(port) = prepared.smtp_port {
            shown = shown.replace(&format!("127.0.0.1:{port}"), "127.0.0.1:[PORT]");
        }
        insta::assert_snapshot!(self.name, shown);
        for check in self.checks {
            check.assert(&env, &shown, took);
        }
    }
}

/// Runs `cases`, a few at a time; fails listing every case that failed.
fn run_all<'a>(cases: impl Iterator<Item = &'a Case>) {
    let mut names: Vec<&str> = CASES.iter().map(|case| case.name).collect();
    names.sort_unstable();
    let twice: Vec<&&str> = names
        .windows(2)
        .filter_map(|w| (w[0] == w[1]).then_some(&w[0]))
        .collect();
    assert!(twice.is_empty(), "cases named twice: {twice:?}");

    let only = std::env::var("BAD_INPUT").unwrap_or_default();
    assert!(
        CASES.iter().any(|case| case.name.contains(&only)),
        "no case is named like {only:?}"
    );
    let cases: Vec<&Case> = cases.filter(|case| case.name.contains(&only)).collect();
    if cases.is_empty() {
        return;
    }
    let next = AtomicUsize::new(0);
    let failed = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(cases.len());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while let Some(case) = cases.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let outcome =
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| case.run()));
                    if let Err(panic) = outcome {
                        let message = panic
                            .downcast_ref::<String>()
                            .map(String::as_str)
                            .or_else(|| panic.downcast_ref::<&str>().copied())
                            .unwrap_or("panicked");
                        let first = message.lines().next().unwrap_or_default().to_string();
                        failed
                            .lock()
                            .unwrap()
                            .push(format!("{}: {first}", case.name));
                    }
                }
            });
        }
    });
    let mut failed = failed.into_inner().unwrap();
    failed.sort();
    assert!(
        failed.is_empty(),
        "{} of {} cases failed (each is shown above):\n  {}",
        failed.len(),
        cases.len(),
        failed.join("\n  ")
    );
}

#[test]
fn catalogue() {
    run_all(CASES.iter().filter(|case| !case.setup.needs_root()));
}

#[test]
#[ignore = "needs root: mounts a tmpfs"]
fn tmpfs_catalogue() {
    run_all(CASES.iter().filter(|case| case.setup.needs_root()));
}

/// The snapshots of the cases that are test functions rather than rows.
const SNAPSHOTS_OF_FUNCTIONS: &[&str] = &[
    "disk-full-batch",
    "disk-full-manifest-first",
    "disk-full-failed-rows-first",
    "disk-full-combined-first",
];

/// Every snapshot of this file belongs to a case, and every case has its snapshot: a
/// row renamed or removed does not leave its old snapshot behind.
#[test]
fn every_snapshot_belongs_to_a_case() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut on_disk: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .filter_map(|entry| {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            let case = name.strip_prefix("bad_input__")?.strip_suffix(".snap")?;
            Some(case.to_string())
        })
        .collect();
    on_disk.sort();
    let mut named: Vec<String> = CASES
        .iter()
        .map(|case| case.name)
        .chain(SNAPSHOTS_OF_FUNCTIONS.iter().copied())
        .map(String::from)
        .collect();
    named.sort();
    assert_eq!(on_disk, named);
}

/// The summary line's time and rate change from run to run.
fn without_timing(stderr: &str) -> String {
    stderr
        .lines()
        .map(|line| match line.find(" in ") {
            Some(at) if line.ends_with("letters/s)") || line.contains("letters/s);") => {
                let rest = &line[at..];
                let tail = rest.find(')').map_or("", |end| &rest[end + 1..]);
                format!("{} in [TIME]{tail}", &line[..at])
            }
            _ => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// Asserts that no ESC reached `text` raw, and returns it.
fn no_raw_escape(text: &str) -> &str {
    assert!(!text.contains('\u{1b}'), "a raw ESC in:\n{text}");
    text
}

/// A test fixture's bytes.
fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap()
}

/// A PNG that declares 40,000 × 40,000 pixels (4.8 GB decoded) in a few dozen bytes.
fn png_bomb() -> Vec<u8> {
    fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        let mut out = (data.len() as u32).to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&crc.sum().to_be_bytes());
        out
    }
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&40_000u32.to_be_bytes());
    ihdr.extend_from_slice(&40_000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // 8-bit RGB
    let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    png.extend(chunk(b"IHDR", &ihdr));
    png.extend(chunk(
        b"IDAT",
        &[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    ));
    png.extend(chunk(b"IEND", &[]));
    png
}

/// A local SMTP server that offers AUTH and refuses every password (535); its port.
fn refusing_smtp_server() -> u16 {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut out = stream.try_clone().unwrap();
            let mut lines = BufReader::new(stream).lines();
            let _ = out.write_all(b"220 test.invalid ESMTP\r\n");
            while let Some(Ok(line)) = lines.next() {
                let verb = line
                    .split(' ')
                    .next()
                    .unwrap_or_default()
                    .to_ascii_uppercase();
                let answer: &[u8] = match verb.as_str() {
                    "EHLO" => b"250-test.invalid\r\n250 AUTH PLAIN LOGIN\r\n",
                    "AUTH" => b"535 5.7.8 Authentication credentials invalid\r\n",
                    "QUIT" => b"221 Bye\r\n",
                    _ => b"502 5.5.2 Not implemented\r\n",
                };
                if out.write_all(answer).is_err() || verb == "QUIT" {
                    break;
                }
            }
        }
    });
    port
}

/// A small tmpfs mounted in a test's directory, unmounted when dropped. Mounting takes
/// root: the tests that use one are ignored unless asked for, and fail (rather than
/// pass unseen) when asked for without root.
struct SmallDisk {
    path: PathBuf,
}

impl SmallDisk {
    fn mount(path: PathBuf, options: &str) -> SmallDisk {
        std::fs::create_dir_all(&path).unwrap();
        let output = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs"])
            .arg(&path)
            .output()
            .expect("run mount");
        assert!(
            output.status.success(),
            "cannot mount a tmpfs (this test needs root): {}",
            String::from_utf8_lossy(&output.stderr).trim()
        );
        SmallDisk { path }
    }

    fn remount(&self, options: &str) {
        let status = std::process::Command::new("mount")
            .args(["-o", &format!("remount,{options}")])
            .arg(&self.path)
            .status()
            .unwrap();
        assert!(status.success());
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.path)
            .status();
    }
}

#[test]
#[ignore = "needs root: mounts a tmpfs"]
fn tmpfs_full_disk_stops_the_batch_and_resume_finishes_it() {
    let env = Env::new();
    let disk = SmallDisk::mount(env.join("disk"), "size=48k");
    env.write("s.csv", &signers(40));
    let batch = |out: &str, extra: &[&str]| {
        let mut args = vec![
            "-q",
            "batch",
            "--signers",
            "s.csv",
            "-t",
            "election-integrity",
            "-o",
            out,
        ];
        args.extend_from_slice(extra);
        env.run(&args)
    };
    let full = batch("disk/out", &[]);
    let message = full.fails(4).to_string();
    insta::with_settings!({filters => vec![(r"disk/out(/[0-9a-z-]+\.txt)?:", "disk/out/[FILE]:")]}, {
        insta::assert_snapshot!("disk-full-batch", message);
    });
    let out = env.join("disk/out");
    assert!(
        files(&out).iter().all(|f| !f.ends_with(".tmp")),
        "temporary files left: {:?}",
        files(&out)
    );
    // Room again: the same command with --resume writes exactly the rest.
    disk.remount("size=4m");
    batch("disk/out", &["--resume"]).ok();
    batch("plain-out", &[]).ok();
    assert_eq!(files(&out), files(&env.join("plain-out")));
    for name in files(&out) {
        if name.ends_with(".txt") {
            assert_eq!(
                std::fs::read(out.join(&name)).unwrap(),
                std::fs::read(env.join("plain-out").join(&name)).unwrap(),
                "{name} differs from a batch written in one go"
            );
        }
    }
    let mut recorded: Vec<String> = manifest(&out)
        .iter()
        .map(|entry| entry["file"].to_string())
        .collect();
    let count = recorded.len();
    recorded.sort();
    recorded.dedup();
    assert_eq!(recorded.len(), count, "a letter recorded twice");
    assert_eq!(count, 40);
}

/// Fills a small disk up to `free` bytes short of full (tmpfs counts whole 4 KB pages).
fn fill(disk: &Path, size: usize, free: usize) {
    std::fs::write(disk.join("filler"), vec![0u8; size - free]).unwrap();
}

/// Whichever file a full disk strikes first (a letter, the manifest, failed rows, the
/// combined file), the batch stops with exit code 4, names that file (never a temporary
/// one), and says how to finish: --resume, or for a combined file, the same command.
#[test]
#[ignore = "needs root: mounts a tmpfs"]
fn tmpfs_full_disk_names_the_file_it_struck_and_how_to_finish() {
    let cases: [(&str, &str, usize, &[&str]); 3] = [
        // One page left: the letter fits, the manifest's first line does not.
        ("disk-full-manifest-first", "name\nAna\n", 4096, &[]),
        // No room at all, and the only row fails: failed.csv is the first file written.
        (
            "disk-full-failed-rows-first",
            "name,email\nAna,not-an-address\n",
            0,
            &[],
        ),
        // No room at all for the combined file.
        ("disk-full-combined-first", "name\nAna\n", 0, &["--combine"]),
    ];
    for (name, signers, free, extra) in cases {
        let env = Env::new();
        let disk = SmallDisk::mount(env.join("disk"), "size=32k");
        fill(&env.join("disk"), 32 * 1024, free);
        env.write("s.csv", signers);
        let mut args = vec![
            "-q",
            "batch",
            "--signers",
            "s.csv",
            "-t",
            "election-integrity",
            "-o",
            "disk/out",
        ];
        args.extend_from_slice(extra);
        let message = env.run(&args).fails(4).to_string();
        insta::assert_snapshot!(name, message);
        assert!(!message.contains(".tmp"), "{message}");
        let out = env.join("disk/out");
        assert!(
            files(&out).iter().all(|f| !f.ends_with(".tmp")),
            "{name}: temporary files left: {:?}",
            files(&out)
        );
        if extra.is_empty() {
            // Room again: --resume finishes it, each letter once.
            std::fs::remove_file(env.join("disk/filler")).unwrap();
            disk.remount("size=4m");
            args.push("--resume");
            let run = env.run(&args);
            let failed_rows = signers.contains("not-an-address");
            assert_eq!(run.code, i32::from(failed_rows), "{name}: {}", run.stderr);
            assert_eq!(out.join("failed.csv").exists(), failed_rows, "{name}");
            let entries = manifest(&out);
            let letters = files(&out).iter().filter(|f| f.ends_with(".txt")).count();
            assert_eq!(entries.len(), letters, "{name}");
        }
    }
}

/// A signers file's bytes in UTF-16 with a byte order mark, as Excel's "Unicode text"
/// export writes it (little-endian) or as other programs may (big-endian).
fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    bytes
}

#[test]
fn input_safety_utf16_signers() {
    // Excel's "Unicode text": UTF-16LE with a BOM, tab-separated.
    let text = "Name\tOrganization\tCity\r\nJosé Núñez\tRed \"Uno\"\tMérida\r\nZoë Ðorđević\t\tCaracas\r\n";
    for (little_endian, file) in [(true, "unicode.txt"), (false, "big-endian.txt")] {
        let env = Env::new();
        std::fs::write(env.join(file), utf16(text, little_endian)).unwrap();
        env.run(&[
            "-q",
            "batch",
            "--signers",
            file,
            "-t",
            "election-integrity",
            "-o",
            "out",
        ])
        .ok();
        let letters: Vec<String> = files(&env.join("out"))
            .into_iter()
            .filter(|f| f.ends_with(".txt"))
            .map(|f| std::fs::read_to_string(env.join("out").join(f)).unwrap())
            .collect();
        assert_eq!(letters.len(), 2, "{file}");
        assert!(letters.iter().any(|l| l.contains("José Núñez")), "{file}");
        assert!(letters.iter().any(|l| l.contains("Zoë Ðorđević")), "{file}");
        assert!(letters.iter().all(|l| !l.contains('\0')), "{file}");
    }
    // Named, for a file without a BOM (read as little-endian).
    let env = Env::new();
    std::fs::write(env.join("s.txt"), &utf16("name\nAna Pérez\n", true)[2..]).unwrap();
    env.run(&[
        "-q",
        "batch",
        "--signers",
        "s.txt",
        "--encoding",
        "utf-16",
        "-t",
        "election-integrity",
        "-o",
        "out",
    ])
    .ok();
    assert_eq!(manifest(&env.join("out"))[0]["signer"], "Ana Pérez");
}

/// JSON Lines: a signers cell and key with control characters are quoted back, and kept
/// in failed.jsonl escaped once.
#[test]
fn input_safety_json_lines_control_characters() {
    let env = Env::new();
    env.write(
        "s.jsonl",
        "{\"name\": \"Ana\\u001b[2J\", \"k\\u001b\": 1}\n",
    );
    no_raw_escape(
        env.run(&[
            "batch",
            "--signers",
            "s.jsonl",
            "-t",
            "election-integrity",
            "-o",
            "out",
        ])
        .fails(1),
    );
    let failed = env.read("out/failed.jsonl");
    assert!(
        !failed.contains('\u{1b}') && !failed.contains("\\u001b"),
        "{failed}"
    );
    assert!(failed.contains("Ana\\\\u{1b}[2J"), "{failed}");
}

/// Inputs next to bad ones that must still work.
#[test]
fn near_misses_are_accepted() {
    // The earliest date an email's Date header can carry.
    Env::new()
        .run(&[
            "draft",
            "-t",
            "election-integrity",
            "--sender-name",
            "Ana",
            "--date",
            "1970-01-01",
        ])
        .ok();
    // A recipient without an address: fine for email and JSON (not for a letter to post,
    // the rows recipient-without-address-*).
    for (format, output) in [("email", "letter.eml"), ("json", "letter.json")] {
        let env = Env::new();
        for (name, content) in cases::NO_ADDRESS {
            let path = env.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, content.bytes()).unwrap();
        }
        env.run(&[
            "--recipients",
            "r.toml",
            "--templates",
            "t",
            "draft",
            "-t",
            "x",
            "--sender-name",
            "Ana",
            "--sender-email",
            "ana@example.org",
            "--format",
            format,
            "-o",
            output,
        ])
        .ok();
    }
}
