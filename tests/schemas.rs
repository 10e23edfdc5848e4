//! The JSON that `letters batch --json`, a batch's `summary.json`, `letters send --json`
//! and `letters report --json` print, from real runs (a failed row, a dry run, a test
//! send, a send with a rejected message), validated against the schemas in
//! docs/schemas/ by Python's `jsonschema` (tests/schema_check.py): every field of every
//! document must be one the schema describes, of the type it says.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::smtp::Server;
use common::Env;
use serde_json::Value;

/// Whether `json` is valid under `docs/schemas/<schema>`, and what is wrong if not.
fn check(schema: &str, json: &str) -> Result<(), String> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut child = Command::new("python3")
        .arg(format!("{root}/tests/schema_check.py"))
        .arg(format!("{root}/docs/schemas/{schema}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 with jsonschema (scripts/test.sh installs it)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(json.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

fn valid(schema: &str, json: &str) {
    if let Err(problems) = check(schema, json) {
        panic!("not valid under {schema}:\n{problems}\n{json}");
    }
}

const BATCH: &str = "batch-summary.schema.json";
const SEND: &str = "send-summary.schema.json";
const REPORT: &str = "report.schema.json";

fn batch(env: &Env, extra: &[&str]) -> (i32, Value, String) {
    let mut args = vec![
        "-q",
        "batch",
        "--signers",
        "s.csv",
        "-t",
        "detention-urgent-action",
        "--format",
        "email",
        "--json",
    ];
    args.extend(extra);
    let run = env.run(&args);
    let value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", run.stdout, run.stderr));
    (run.code, value, run.stdout.clone())
}

#[test]
fn batch_send_and_report_summaries_follow_their_schemas() {
    let env = Env::new();
    env.write(
        "s.csv",
        "First Name,Last Name,E-mail Address,Notes\n\
         Ana,Pérez,ana@example.org,x\n\
         ,,nobody@example.org,y\n\
         Luis,Gómez,luis@example.org,z\n",
    );

    // A dry run: the first rows as read, nothing written.
    let (code, dry, text) = batch(&env, &["-o", "dry", "--dry-run"]);
    assert_eq!(code, 1, "a row fails");
    valid(BATCH, &text);
    assert_eq!(dry["dry_run"], true);
    assert_eq!(dry["preview"].as_array().unwrap().len(), 3);
    assert!(
        dry["files"]
            .as_object()
            .unwrap()
            .values()
            .all(Value::is_null),
        "a dry run names no file: {dry}"
    );
    assert!(!env.join("dry").exists());

    // The real run, and the summary it keeps.
    let (code, real, text) = batch(&env, &["-o", "out"]);
    assert_eq!(code, 1);
    valid(BATCH, &text);
    assert_eq!(real["failed_rows"], 1);
    assert_eq!(real["letters"]["written"], 4);
    assert_eq!(real["failures"][0]["row"], 3);
    assert!(real.get("preview").is_none());
    assert_eq!(real["files"]["failed"], "out/failed.csv");
    let kept = env.read("out/summary.json");
    valid(BATCH, &kept);
    assert_eq!(serde_json::from_str::<Value>(&kept).unwrap(), real);

    // Sends: a dry run, a test, and the real thing with one office refusing.
    let server = Server::start(
        &env,
        "smtp",
        &["--reject", "misionvene@venezuelaonu.gob.ve"],
    );
    let url = server.url();
    let run = env.run(&["-q", "send", "out", "--json"]);
    let dry: Value = serde_json::from_str(run.ok()).unwrap();
    valid(SEND, &run.stdout);
    assert_eq!(
        (dry["dry_run"].clone(), dry["sent"].clone()),
        (true.into(), 4.into())
    );

    let run = env.run(&[
        "-q",
        "send",
        "out",
        "--json",
        "--smtp",
        &url,
        "--test-to",
        "me@example.org",
    ]);
    let test: Value = serde_json::from_str(run.ok()).unwrap();
    valid(SEND, &run.stdout);
    assert_eq!(test["test_to"], "me@example.org");
    assert_eq!(test["sent"], 1);

    let run = env.run(&["-q", "send", "out", "--json", "--send", "--smtp", &url]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    valid(SEND, &run.stdout);
    let sent: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        (
            sent["accepted"].clone(),
            sent["rejected"].clone(),
            sent["exit_code"].clone()
        ),
        (2.into(), 2.into(), 3.into())
    );

    // The report over all of it.
    let run = env.run(&["-q", "report", "--json", "out"]);
    valid(REPORT, run.ok());
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["totals"]["letters"]["written"], 4);
    assert_eq!(report["totals"]["emails"]["accepted"], 2);
}

#[test]
fn the_check_finds_a_field_the_schema_does_not_describe() {
    let env = Env::new();
    env.write("s.csv", "name\nAna\n");
    let (_, mut summary, text) = batch(&env, &["-o", "out"]);
    valid(BATCH, &text);
    summary["letters"]["unheard_of"] = 1.into();
    let problems = check(BATCH, &summary.to_string()).unwrap_err();
    assert!(problems.contains("$.letters.unheard_of"), "{problems}");
    summary["letters"]["unheard_of"] = Value::Null;
    summary.as_object_mut().unwrap().remove("rows");
    let problems = check(BATCH, &summary.to_string()).unwrap_err();
    assert!(
        problems.contains("'rows' is a required property"),
        "{problems}"
    );
}
