//! Running `letters` in a real pseudo-terminal, as a person at a terminal would: typing
//! keys once the prompt reads them, and reading back what it printed.

use std::process::Command;

use rexpect::process::WaitStatus;
use rexpect::reader::Options;
use rexpect::session::PtySession;

use super::Env;

pub fn spawn(env: &Env, args: &[&str]) -> PtySession {
    start(
        env,
        Command::new(assert_cmd::cargo::cargo_bin("letters")),
        args,
    )
}

/// As `spawn`, with environment variables set (over `LANG=C.UTF-8`).
pub fn spawn_with_env(env: &Env, vars: &[(&str, &str)], args: &[&str]) -> PtySession {
    let mut cmd = Command::new("env");
    cmd.args(vars.iter().map(|(name, value)| format!("{name}={value}")))
        .arg(assert_cmd::cargo::cargo_bin("letters"));
    start(env, cmd, args)
}

/// As `spawn`, on a terminal `rows` high and `columns` wide.
pub fn spawn_sized(env: &Env, rows: u16, columns: u16, args: &[&str]) -> PtySession {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!(
            "stty rows {rows} cols {columns} && exec \"$0\" \"$@\""
        ))
        .arg(assert_cmd::cargo::cargo_bin("letters"));
    start(env, cmd, args)
}

fn start(env: &Env, mut cmd: Command, args: &[&str]) -> PtySession {
    cmd.current_dir(env.path())
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.join(".home"))
        .env("LETTERS_CONFIG_DIR", env.join(".config-letters"))
        .env("LETTERS_TODAY", super::TODAY)
        .env("TERM", "xterm")
        .env("LANG", "C.UTF-8")
        .args(args);
    let options = Options::default()
        .timeout_ms(Some(60_000))
        .strip_ansi_escape_codes(true);
    rexpect::spawn_with_options(cmd, options).expect("spawn in a pty")
}

/// Types into the terminal once the prompt has had time to switch to reading keys.
pub fn send(p: &mut PtySession, keys: &str) {
    std::thread::sleep(std::time::Duration::from_millis(200));
    p.send(keys).unwrap();
    p.flush().unwrap();
}

/// What the session printed, as UTF-8 (the pty reader hands back one char per byte).
pub fn utf8(text: &str) -> String {
    let bytes: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

pub fn exit_code(session: &PtySession) -> i32 {
    match session.process().wait().expect("wait") {
        WaitStatus::Exited(_, code) => code,
        other => panic!("did not exit normally: {other:?}"),
    }
}
