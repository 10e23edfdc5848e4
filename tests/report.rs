//! `letters report` against batches and sends whose numbers are known: a batch killed
//! with `kill -9` and resumed, a batch split into shards whose signers overlap another's,
//! a batch with a failed row, and a send to a server that rejects one office, killed and
//! run again, with a test message sent first. Nothing may be counted twice.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use common::smtp::Server;
use common::{manifest, signers, wait_for, Env};
use serde_json::Value;

fn report_json(env: &Env, args: &[&str]) -> Value {
    let mut all = vec!["report", "--json"];
    all.extend(args);
    let run = env.run(&all);
    serde_json::from_str(run.ok()).unwrap()
}

fn campaign<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["campaigns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["campaign"] == id)
        .unwrap_or_else(|| panic!("no campaign {id}: {report}"))
}

#[test]
fn killed_resumed_and_sharded_batches_are_counted_once() {
    let env = Env::new();
    env.write("s.csv", &signers(1200));
    // One batch, killed once its first letters are recorded, and resumed: 1,200 rows × 2
    // recipients. (A batch that ends first is not killed part way; the counts hold all
    // the same.)
    let args = [
        "-q",
        "batch",
        "--signers",
        "s.csv",
        "-t",
        "detention-urgent-action",
        "-o",
        "campaign/main",
        "--jobs",
        "1",
    ];
    let mut child = env.std_cmd(&args).spawn().unwrap();
    let out = env.join("campaign/main");
    assert!(wait_for(Duration::from_secs(60), || out
        .join("manifest.jsonl")
        .metadata()
        .is_ok_and(|m| m.len() > 0)));
    child.kill().unwrap();
    child.wait().unwrap();
    let mut resume = args.to_vec();
    resume.push("--resume");
    env.run(&resume).ok();
    // Resumed once more, with a letter damaged: it is written again, and recorded again.
    let first = manifest(&out)[0]["file"].as_str().unwrap().to_string();
    std::fs::write(out.join(&first), "damaged").unwrap();
    env.run(&resume).ok();
    assert!(
        manifest(&out).len() > 2400,
        "the manifest has a line per write"
    );

    // The same signers again, split in two shards (the signers are the same people).
    for shard in ["1/2", "2/2"] {
        let dir = format!("campaign/shard-{}", &shard[..1]);
        env.run(&[
            "-q",
            "batch",
            "--signers",
            "s.csv",
            "-t",
            "detention-urgent-action",
            "--to",
            "ve-un-mission",
            "-o",
            &dir,
            "--shard",
            shard,
        ])
        .ok();
    }
    // Another campaign, with a failed row, combined into one file.
    env.write(
        "other.csv",
        "name,email\nAna,ana@example.org\nLuis,luis@example\nEva,eva@example.org\n",
    );
    let run = env.run(&[
        "-q",
        "batch",
        "--signers",
        "other.csv",
        "-t",
        "election-integrity",
        "-o",
        "campaign/other",
        "--combine",
    ]);
    run.fails(1);

    let report = report_json(&env, &["campaign"]);
    let detention = campaign(&report, "detention-urgent-action");
    assert_eq!(detention["letters"]["written"], 2400 + 1200, "{detention}");
    assert_eq!(
        detention["letters"]["by_recipient"]["ve-attorney-general"],
        1200
    );
    assert_eq!(detention["letters"]["by_recipient"]["ve-un-mission"], 2400);
    assert_eq!(detention["letters"]["by_language"]["es"], 3600);
    let by_day: u64 = detention["letters"]["by_day"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(by_day, 3600);
    assert_eq!(detention["signers"], 1200, "each signer once");
    assert_eq!(detention["failed_rows"], 0);
    let other = campaign(&report, "election-integrity");
    assert_eq!(other["letters"]["written"], 2);
    assert_eq!(other["failed_rows"], 1);
    assert_eq!(other["signers"], 2);
    assert_eq!(report["totals"]["letters"]["written"], 3602);

    // The same directory named twice, or through its parent, is read once.
    let again = report_json(
        &env,
        &["campaign", "campaign/main", "campaign/main/manifest.jsonl"],
    );
    assert_eq!(again["totals"]["letters"]["written"], 3602);

    // A table, CSV, and a page with its charts.
    let table = env.run(&["report", "campaign"]);
    let text = table.ok();
    assert!(
        text.contains("detention-urgent-action     3600     1200"),
        "{text}"
    );
    let csv = env.run(&["report", "campaign", "--csv"]);
    assert!(csv.ok().starts_with("campaign,measure,key,count\n"));
    assert!(
        csv.stdout
            .contains("detention-urgent-action,letters,,3600\n"),
        "{}",
        csv.stdout
    );
    assert!(csv
        .stdout
        .contains("detention-urgent-action,letters_by_recipient,ve-un-mission,2400\n"));
    assert!(csv.stdout.contains("total,letters,,3602\n"));
    env.run(&["-q", "report", "campaign", "--html", "report.html"])
        .ok();
    let html = env.read("report.html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<svg").count(), 4, "two charts a campaign");
    // Self-contained: nothing is loaded or run (the SVG namespace is a name, not a fetch).
    for outside in ["<script", "<link", "src=", "href=", "url(", "@import"] {
        assert!(!html.contains(outside), "{outside}");
    }
}

#[test]
fn old_manifests_and_ledgers_are_still_read() {
    let env = Env::new();
    env.write(
        "old/manifest.jsonl",
        "{\"row\":2,\"signer\":\"Ana\",\"recipient\":\"ve-un-mission\",\"language\":\"es\",\"file\":\"0002-ana--ve-un-mission.eml\",\"bytes\":1,\"sha256\":\"x\"}\n",
    );
    env.write("old/0002-ana--ve-un-mission.eml", "x");
    env.write(
        "old/letters-ledger.jsonl",
        "{\"time\":\"2026-11-20T10:00:00Z\",\"message_id\":\"a@x\",\"recipients\":[\"m@x.org\"],\"outcome\":\"attempting\",\"source\":\"out/0002-ana--ve-un-mission.eml\"}\n\
         {\"time\":\"2026-11-20T10:00:01Z\",\"message_id\":\"a@x\",\"recipients\":[\"m@x.org\"],\"outcome\":\"accepted\",\"response\":\"250 OK\",\"source\":\"out/0002-ana--ve-un-mission.eml\"}\n",
    );
    let report = report_json(&env, &["old"]);
    let unknown = &report["campaigns"][0];
    assert_eq!(unknown["campaign"], Value::Null);
    assert_eq!(unknown["letters"]["written"], 1);
    assert_eq!(unknown["emails"]["accepted"], 1);
    assert_eq!(
        unknown["emails"]["accepted_by_recipient"]["ve-un-mission"],
        1
    );
    assert_eq!(unknown["emails"]["accepted_by_day"]["2026-11-20"], 1);
    // Nothing to read is an error that says what to name.
    let run = env.run(&["report", "old/0002-ana--ve-un-mission.eml"]);
    assert!(
        run.fails(2).contains("not a file `letters report` reads"),
        "{}",
        run.stderr
    );
}

#[test]
fn sends_killed_and_run_again_with_a_test_first_are_counted_once() {
    let env = Env::new();
    env.write("s.csv", &signers(25));
    env.run(&[
        "-q",
        "batch",
        "--signers",
        "s.csv",
        "-t",
        "detention-urgent-action",
        "--format",
        "email",
        "-o",
        "out",
    ])
    .ok();
    let server = Server::start(
        &env,
        "smtp",
        &["--reject", "misionvene@venezuelaonu.gob.ve"],
    );
    let url = server.url();
    // A test first: one message, to the test address only.
    env.run(&[
        "-q",
        "send",
        "out",
        "--smtp",
        &url,
        "--test-to",
        "me@example.org",
    ])
    .ok();
    // Killed part way, then run again to the end (an uncertain message sent anyway).
    let mut child = env
        .std_cmd(&[
            "-q", "send", "out", "--send", "--smtp", &url, "--rate", "40/s",
        ])
        .spawn()
        .unwrap();
    let ledger = env.join("out/letters-ledger.jsonl");
    assert!(wait_for(Duration::from_secs(60), || {
        std::fs::read_to_string(&ledger)
            .unwrap_or_default()
            .lines()
            .count()
            >= 15
    }));
    child.kill().unwrap();
    child.wait().unwrap();
    let run = env.run(&[
        "-q",
        "send",
        "out",
        "--send",
        "--smtp",
        &url,
        "--resend-uncertain",
    ]);
    assert_eq!(run.code, 3, "rejected messages: {}", run.stderr);
    let records: Vec<Value> = std::fs::read_to_string(&ledger)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(records
        .iter()
        .all(|r| r["campaign"] == "detention-urgent-action"));
    assert_eq!(
        records.iter().filter(|r| r["test"] == true).count(),
        2,
        "attempting and accepted"
    );

    let report = report_json(&env, &["out"]);
    let emails = &campaign(&report, "detention-urgent-action")["emails"];
    assert_eq!(emails["messages"], 50, "{emails}");
    assert_eq!(emails["accepted"], 25);
    assert_eq!(emails["rejected"], 25);
    assert_eq!(emails["deferred"], 0);
    assert_eq!(emails["uncertain"], 0);
    assert_eq!(
        emails["tests"], 0,
        "the tested message was sent for real too"
    );
    assert_eq!(emails["accepted_by_recipient"]["ve-attorney-general"], 25);
}

/// The `<svg>…</svg>` blocks of a page whose caption is `title`.
fn chart<'a>(html: &'a str, title: &str) -> Vec<&'a str> {
    html.split("<svg")
        .skip(1)
        .map(|s| s.split("</svg>").next().unwrap())
        .filter(|svg| texts(svg).iter().any(|t| t == title))
        .collect()
}

/// The text of every `<text>` element of an SVG.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| t.split_once('>').map(|(_, rest)| rest))
        .filter_map(|rest| rest.split("</text>").next())
        .map(|t| t.trim().to_string())
        .collect()
}

#[test]
fn the_html_page_is_self_contained_with_charts_of_the_counts() {
    let env = Env::new();
    let batch = |signers_file: &str, template: &str, out: &str| {
        env.run(&[
            "-q",
            "batch",
            "--signers",
            signers_file,
            "-t",
            template,
            "--format",
            "email",
            "-o",
            out,
        ])
        .ok();
    };
    env.write("six.csv", &signers(6));
    env.write("four.csv", &signers(4).replace("Signer ", "Other signer "));
    batch("six.csv", "detention-urgent-action", "campaign/monday");
    batch("four.csv", "detention-urgent-action", "campaign/tuesday");
    batch("four.csv", "post-election-audit", "audit");
    // The first batch was written on an earlier day.
    let monday = env.join("campaign/monday/manifest.jsonl");
    let lines: Vec<String> = manifest(&env.join("campaign/monday"))
        .into_iter()
        .map(|mut line| {
            let time = line["time"].as_str().unwrap().to_string();
            line["time"] = format!("2026-11-16{}", &time[10..]).into();
            line.to_string()
        })
        .collect();
    std::fs::write(&monday, lines.join("\n") + "\n").unwrap();
    let today = manifest(&env.join("campaign/tuesday"))[0]["time"]
        .as_str()
        .unwrap()[..10]
        .to_string();
    // The second one is sent; one office refuses.
    let server = Server::start(
        &env,
        "smtp",
        &["--reject", "misionvene@venezuelaonu.gob.ve"],
    );
    let run = env.run(&[
        "-q",
        "send",
        "campaign/tuesday",
        "--send",
        "--smtp",
        &server.url(),
    ]);
    assert_eq!(run.code, 3, "{}", run.stderr);

    env.run(&["-q", "report", "campaign", "audit", "--html", "report.html"])
        .ok();
    let html = env.read("report.html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    // Nothing is run or fetched: no script, no link, image, frame or style sheet from
    // elsewhere; the only URL is the SVG namespace, a name that is never fetched.
    for outside in [
        "<script",
        "<link",
        "<img",
        "<iframe",
        "<object",
        "<embed",
        "src=",
        "href=",
        "url(",
        "@import",
        "javascript:",
    ] {
        assert!(!html.to_lowercase().contains(outside), "{outside}");
    }
    let urls: Vec<&str> = html
        .match_indices("http")
        .map(|(at, _)| html[at..].split(['"', '\'', ' ', '<', ')']).next().unwrap())
        .collect();
    assert!(
        urls.iter().all(|u| *u == "http://www.w3.org/2000/svg"),
        "{urls:?}"
    );

    // Two charts a campaign, and each shows its counts.
    assert_eq!(html.matches("<svg").count(), 4);
    let per_day = chart(&html, "Letters per day");
    assert_eq!(per_day.len(), 2);
    let detention = texts(per_day.iter().find(|s| s.contains("2026-11-16")).unwrap());
    for shown in ["2026-11-16", "12", &today, "8"] {
        assert!(
            detention.iter().any(|t| t == shown),
            "{shown} in {detention:?}"
        );
    }
    let per_recipient = chart(&html, "Letters per recipient");
    assert_eq!(per_recipient.len(), 2);
    for svg in &per_recipient {
        let shown = texts(svg);
        assert!(
            shown.iter().any(|t| t == "ve-attorney-general"),
            "{shown:?}"
        );
        assert!(shown.iter().any(|t| t == "ve-un-mission"), "{shown:?}");
    }
    assert!(per_recipient
        .iter()
        .any(|svg| texts(svg).iter().filter(|t| *t == "10").count() >= 2));
    assert!(per_recipient
        .iter()
        .any(|svg| texts(svg).iter().filter(|t| *t == "4").count() >= 2));
    // And the page says what went out (the four signers of Tuesday signed on Monday
    // too, by the same addresses: they are counted once).
    assert!(
        html.contains("20 letters from 6 signers; 8 emails: 4 accepted, 4 rejected"),
        "{html}"
    );
}
