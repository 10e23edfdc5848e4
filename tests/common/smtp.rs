//! The test SMTP server (tests/smtp/server.py, aiosmtpd) on 127.0.0.1, killed when
//! dropped, and what it logged: every message it took, parsed by Python's `email`.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use serde_json::Value;

use super::Env;

pub struct Server {
    child: Child,
    log: PathBuf,
    pub port: u16,
}

impl Server {
    /// Starts a server that logs to `<name>.log` in the test's directory, with the
    /// server's own flags (`--reject ADDR`, …).
    pub fn start(env: &Env, name: &str, args: &[&str]) -> Server {
        let log = env.join(&format!("{name}.log"));
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/smtp/server.py");
        let mut child = Command::new("python3")
            .arg(script)
            .arg("--log")
            .arg(&log)
            .args(["--lifetime", "90"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 tests/smtp/server.py (scripts/test.sh installs aiosmtpd)");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .trim()
            .strip_prefix("PORT ")
            .unwrap_or_else(|| panic!("the test server did not start: {line:?}"))
            .parse()
            .unwrap();
        Server { child, log, port }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every event it logged (connections, commands, messages, faults), in order.
    pub fn events(&self) -> Vec<Value> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    /// How many events of `kind` it has logged.
    pub fn count(&self, kind: &str) -> usize {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .matches(&format!("\"kind\": \"{kind}\""))
            .count()
    }

    /// The messages it took, as it logged them (`rcpt_tos`, `from_`, `to`,
    /// `from_default`, `header_names`, `body`, …).
    pub fn messages(&self) -> Vec<Value> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .filter(|e| e["kind"] == "message")
            .collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
