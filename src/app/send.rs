//! `letters send`: turns flags into a delivery plan, lists (dry run) or sends the
//! messages, and reports what happened.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::cli::SendArgs;
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::messages;
use crate::render::email;
use crate::send::summary::Document;
use crate::send::{
    self, Delivery, Ledger, Line, Rate, Report, Secret, Selection, Setting, SettingError,
    SmtpConfig, Status, Stop, Test, LEDGER_FILE, PASSWORD_VAR,
};
use crate::sink;

use super::Diagnostics;

/// The ledger's default place: beside the first message file, or in the first directory.
fn default_ledger(paths: &[PathBuf]) -> PathBuf {
    match paths.first() {
        Some(first) if first.is_dir() => first.join(LEDGER_FILE),
        Some(first) => match first.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.join(LEDGER_FILE),
            _ => PathBuf::from(LEDGER_FILE),
        },
        None => PathBuf::from(LEDGER_FILE),
    }
}

/// Runs `--password-command` and takes the first line it prints. Neither the output nor
/// the command's error output is ever shown.
fn password_from_command(command: &str) -> Result<Secret> {
    let flag = |message: String| Error::flag("--password-command", message);
    #[cfg(windows)]
    let mut cmd = {
        let mut c = Command::new("cmd");
        c.args(["/C", command]);
        c
    };
    #[cfg(not(windows))]
    let mut cmd = {
        let mut c = Command::new("sh");
        c.args(["-c", command]);
        c
    };
    let output = cmd
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| flag(format!("cannot run it: {e}")))?;
    if !output.status.success() {
        return Err(flag(format!("it failed ({})", output.status)));
    }
    let text = String::from_utf8(output.stdout)
        .map_err(|_| flag("it printed something that is not UTF-8 text".to_string()))?;
    let password = text.lines().next().unwrap_or_default().to_string();
    if password.is_empty() {
        return Err(flag("it printed no password".to_string()));
    }
    Ok(Secret::new(password))
}

fn password(args: &SendArgs) -> Result<Option<Secret>> {
    if let Some(command) = &args.password_command {
        return password_from_command(command).map(Some);
    }
    Ok(std::env::var(PASSWORD_VAR)
        .ok()
        .filter(|p| !p.is_empty())
        .map(Secret::new))
}

/// A bad send setting, blamed on the flag that gave it.
fn flag_error(error: SettingError) -> Error {
    let flag = match error.setting {
        Setting::Server => "--smtp",
        Setting::User => "--smtp-user",
        Setting::Rate => "--rate",
        Setting::RetryDelay => "--retry-delay",
    };
    Error::flag(flag, error.message)
}

/// `--rate` and `--retry-delay`, checked for a dry run too.
fn pacing(args: &SendArgs) -> Result<(Option<Rate>, Duration)> {
    let rate = args
        .rate
        .as_deref()
        .map(Rate::parse)
        .transpose()
        .map_err(flag_error)?;
    let delay = send::retry_delay(args.retry_delay).map_err(flag_error)?;
    Ok((rate, delay))
}

fn delivery(args: &SendArgs) -> Result<Delivery> {
    let (rate, retry_delay) = pacing(args)?;
    let Some(url) = &args.smtp else {
        let asked = if args.send { "--send" } else { "--test-to" };
        return Err(Error::flag(
            "--smtp",
            format!(
                "{asked} needs a server: --smtp smtp://host:port, starttls://host:587 or smtps://host:465 \
                 (or $LETTERS_SMTP)"
            ),
        ));
    };
    let mut smtp = SmtpConfig::parse(url).map_err(flag_error)?;
    if let Some(user) = &args.smtp_user {
        smtp.user = Some(user.clone()).filter(|u| !u.is_empty());
    }
    if smtp.user.is_some() {
        smtp.password = password(args)?;
    }
    smtp.timeout = Duration::from_secs(args.timeout.max(1));
    smtp.validate().map_err(flag_error)?;
    let test = args
        .test_to
        .as_deref()
        .map(|to| {
            let mailbox = email::parse_mailbox("--test-to", to)?;
            Ok::<_, Error>(Test {
                to: mailbox.email,
                count: args.test_count,
            })
        })
        .transpose()?;
    if test.as_ref().is_some_and(|t| t.count == 0) {
        return Err(Error::flag(
            "--test-count",
            "send at least one test message",
        ));
    }
    Ok(Delivery {
        smtp,
        rate,
        retries: args.retries,
        retry_delay,
        bcc_self: args.bcc_self,
        keep_date: args.keep_date,
        test,
    })
}

/// A status, as `send` lists it, in `language`.
fn status_in(status: Status, language: &str) -> String {
    messages::format(language, &format!("send-status-{}", status.label()), &[])
}

/// "3 accepted", in `language`.
fn status_count(status: Status, n: usize, language: &str) -> String {
    let id = format!("send-count-{}", status.label());
    messages::format_counts(language, &id, &[], &[("count", n as u64)])
}

/// One line of output for a message.
fn describe(line: &Line, dry_run: bool, language: &str) -> String {
    let state = if dry_run && line.pending {
        messages::format(language, "send-state-send", &[])
    } else if dry_run || !line.attempted {
        let status = status_in(line.status, language);
        messages::format(language, "send-state-skip", &[("status", &status)])
    } else {
        status_in(line.status, language)
    };
    let mut text = format!(
        "{state:<16} {}  \"{}\"  {}",
        line.to, line.subject, line.source
    );
    if line.attempted && line.status != Status::Accepted && !line.message.is_empty() {
        text.push_str(&format!("\n{:<16} {}", "", line.message));
    }
    text
}

fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    // A closed pipe only ends the listing, never the run.
    let _ = writeln!(out, "{text}").and_then(|()| out.flush());
}

/// The run's last line; a dry run's says which Date each message will have.
fn summary(report: &Report, ledger: &Path, dry_run: bool, keep_date: bool) -> String {
    let l = messages::language();
    let counted = |id: &str, n: usize| messages::format_counts(l, id, &[], &[("count", n as u64)]);
    let total = report.lines.len() as u64;
    let ledger = ledger.display().to_string();
    if dry_run {
        let accepted = report.count(Status::Accepted) + report.count(Status::Partial);
        let mut parts = vec![counted("send-to-send", report.pending())];
        if accepted > 0 {
            parts.push(counted("send-already-accepted", accepted));
        }
        for status in [Status::Rejected, Status::Uncertain] {
            let n = report.count(status);
            if n > 0 {
                parts.push(status_count(status, n, l));
            }
        }
        let date = if keep_date {
            "send-note-keep-date"
        } else {
            "send-note-date-when-sent"
        };
        let first = messages::format_counts(
            l,
            "send-dry-run-summary",
            &[("parts", &parts.join(", ")), ("ledger", &ledger)],
            &[("total", total)],
        );
        return [
            first,
            messages::format(l, "send-dry-run-nothing-sent", &[]),
            messages::format(l, date, &[]),
        ]
        .join("\n");
    }
    let attempted: Vec<&Line> = report.lines.iter().filter(|l| l.attempted).collect();
    let count = |status: Status| attempted.iter().filter(|l| l.status == status).count();
    let mut parts = vec![status_count(Status::Accepted, count(Status::Accepted), l)];
    for status in [Status::Partial, Status::Rejected, Status::Deferred] {
        let n = count(status);
        if n > 0 {
            parts.push(status_count(status, n, l));
        }
    }
    let skipped = report
        .lines
        .iter()
        .filter(|l| !l.attempted && !l.pending)
        .count();
    let mut text = messages::format_counts(
        l,
        "send-summary",
        &[("parts", &parts.join(", "))],
        &[("attempted", attempted.len() as u64), ("total", total)],
    );
    if skipped > 0 {
        text.push_str(&counted("send-skipped", skipped));
    }
    if report.pending() > 0 {
        text.push_str(&counted("send-not-attempted", report.pending()));
    }
    text.push_str(&messages::format(l, "send-ledger", &[("path", &ledger)]));
    text
}

/// Prints the JSON summary, if asked.
fn print_json(
    args: &SendArgs,
    report: &Report,
    ledger: &Path,
    started: (String, Instant),
    exit: Exit,
) {
    if args.json {
        let document = Document::new(
            report,
            !args.send && args.test_to.is_none(),
            args.test_to.clone(),
            ledger.display().to_string(),
            started.0,
            started.1.elapsed(),
            i32::from(exit.code()),
        );
        print(document.to_json().trim_end());
    }
}

pub fn run(args: SendArgs, diagnostics: Diagnostics) -> Result<Exit> {
    let started = (sink::timestamp(), Instant::now());
    let messages = send::load(&args.paths)?;
    let ledger_path = args
        .ledger
        .clone()
        .unwrap_or_else(|| default_ledger(&args.paths));
    let selection = Selection {
        retry_failed: args.retry_failed,
        resend_uncertain: args.resend_uncertain,
    };
    if args.send || args.test_to.is_some() {
        // Check every flag before touching the ledger.
        let delivery = delivery(&args)?;
        let mut ledger = Ledger::open(&ledger_path)?;
        warn_damaged(&ledger, diagnostics);
        let json = args.json;
        let report = send::send(&messages, &mut ledger, selection, &delivery, &mut |line| {
            if !json {
                print(&describe(line, false, messages::language()));
            }
        })?;
        let outcome = finish(&report, &ledger_path, diagnostics, delivery.test.is_some());
        let exit = match &outcome {
            Ok(exit) => *exit,
            Err(error) => error.exit_code(),
        };
        print_json(&args, &report, &ledger_path, started, exit);
        return outcome;
    }
    pacing(&args)?;
    let ledger = Ledger::read(&ledger_path)?;
    warn_damaged(&ledger, diagnostics);
    let report = send::plan(&messages, &ledger, selection);
    if !args.json {
        for line in &report.lines {
            print(&describe(line, true, messages::language()));
        }
    }
    diagnostics.info(&summary(&report, &ledger_path, true, args.keep_date));
    uncertain_hint(&report, diagnostics);
    print_json(&args, &report, &ledger_path, started, Exit::Success);
    Ok(Exit::Success)
}

fn warn_damaged(ledger: &Ledger, diagnostics: Diagnostics) {
    if let Some(damage) = &ledger.damage {
        diagnostics.warn(damage);
    }
}

fn uncertain_hint(report: &Report, diagnostics: Diagnostics) {
    let uncertain = report
        .lines
        .iter()
        .filter(|l| l.status == Status::Uncertain && !l.pending)
        .count();
    if uncertain > 0 {
        diagnostics.warn(&format!(
            "{uncertain} message(s) were being sent when a run was stopped and may or may not have \
             arrived; they are not sent again, so that none arrives twice. Check the server's log \
             or ask the recipients, then add --resend-uncertain to send them anyway"
        ));
    }
}

fn finish(report: &Report, ledger: &Path, diagnostics: Diagnostics, test: bool) -> Result<Exit> {
    diagnostics.info(&summary(report, ledger, false, false));
    if test {
        diagnostics.info(
            "test: only the test address was sent to (marked `test` in the ledger); the real recipients got nothing: check the message, then run again with --send",
        );
    }
    uncertain_hint(report, diagnostics);
    // The message that met the failure is recorded as deferred, not pending.
    let not_sent = report.pending() + 1;
    match &report.stopped {
        Some(Stop::Unreachable(message)) => {
            return Err(Error::delivery(
                message.clone(),
                Some(format!(
                    "{not_sent} message(s) not sent; run the same command again to send them \
                     once the server can be reached"
                )),
            ))
        }
        Some(Stop::LoginRefused(message)) => {
            return Err(Error::delivery(
                message.clone(),
                Some(format!(
                    "the server did not take the user name and password: check the user \
                     (--smtp-user, $LETTERS_SMTP_USER or smtp://USER@host) and the password \
                     (${PASSWORD_VAR}, or the first line --password-command prints); \
                     {not_sent} message(s) not sent: run the same command again once the \
                     login works"
                )),
            ))
        }
        None => {}
    }
    if test {
        let all = report
            .lines
            .iter()
            .filter(|l| l.attempted)
            .all(|l| l.status.is_done());
        return Ok(if all { Exit::Success } else { Exit::Delivery });
    }
    Ok(if report.all_done() {
        Exit::Success
    } else {
        Exit::Delivery
    })
}
