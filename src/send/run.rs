//! A run of `letters send`: which messages it sends (by their state in the ledger),
//! sending each with retries and the pace, recording every step, and what it did.

use std::time::Duration;

use crate::error::Result;

use super::config::SmtpConfig;
use super::ledger::{Ledger, Outcome, Record, Status};
use super::messages::Outgoing;
use super::rate::{backoff, Pacer, Rate};
use super::session::{transaction, Delivered, Envelope, Failure, Session};

/// Which messages a run sends.
#[derive(Debug, Clone, Copy, Default)]
pub struct Selection {
    /// Only messages that failed before (rejected or deferred), none that are new.
    pub retry_failed: bool,
    /// Also messages whose last attempt was cut short (may reach someone twice).
    pub resend_uncertain: bool,
}

impl Selection {
    /// Whether a message in this state is sent.
    pub fn sends(self, status: Status) -> bool {
        match status {
            Status::New => !self.retry_failed,
            Status::Deferred => true,
            Status::Rejected => self.retry_failed,
            Status::Uncertain => self.resend_uncertain,
            Status::Accepted | Status::Partial => false,
        }
    }
}

/// How to send.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub smtp: SmtpConfig,
    pub rate: Option<Rate>,
    /// Retries of a transient failure, after the first attempt.
    pub retries: u32,
    /// The wait before the first retry; each next one waits twice as long, up to
    /// [`MAX_RETRY_DELAY`].
    pub retry_delay: Duration,
    /// Send each message to its From address too (a blind copy).
    pub bcc_self: bool,
    /// Send the Date header as the file has it, instead of the time of sending.
    pub keep_date: bool,
    /// Send the first messages to this address only, as tests.
    pub test: Option<Test>,
}

/// A test run: the first `count` messages go to `to` only.
#[derive(Debug, Clone)]
pub struct Test {
    pub to: lettre::Address,
    pub count: usize,
}

impl Delivery {
    /// Who `message` goes to in this run.
    fn recipients(&self, message: &Outgoing) -> Vec<lettre::Address> {
        if let Some(test) = &self.test {
            return vec![test.to.clone()];
        }
        let mut recipients = message.recipients.clone();
        if self.bcc_self && !recipients.contains(&message.from) {
            recipients.push(message.from.clone());
        }
        recipients
    }
}

/// The end state of one message after a run.
#[derive(Debug, Clone)]
pub struct Line {
    pub status: Status,
    /// Whether this run tried to send it.
    pub attempted: bool,
    /// Whether it would be (dry run) or was not reached (the run stopped).
    pub pending: bool,
    pub message: String,
    pub to: String,
    pub source: String,
    pub subject: String,
}

/// Why a run stopped before the end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// The server could not be reached (or dropped every attempt to connect).
    Unreachable(String),
    /// The server did not take the user name and password.
    LoginRefused(String),
}

/// What a run did.
#[derive(Debug, Default)]
pub struct Report {
    pub lines: Vec<Line>,
    /// Set when the run stopped early (the server cannot be reached, or refused the login).
    pub stopped: Option<Stop>,
}

impl Report {
    pub fn count(&self, status: Status) -> usize {
        self.lines
            .iter()
            .filter(|l| l.status == status && !l.pending)
            .count()
    }

    pub fn pending(&self) -> usize {
        self.lines.iter().filter(|l| l.pending).count()
    }

    /// Whether every message has reached every recipient.
    pub fn all_done(&self) -> bool {
        self.lines.iter().all(|l| l.status.is_done() && !l.pending)
    }
}

fn line(message: &Outgoing, status: Status, attempted: bool, pending: bool, note: String) -> Line {
    Line {
        status,
        attempted,
        pending,
        message: note,
        to: message
            .recipients
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        source: message.source.clone(),
        subject: message.subject.clone(),
    }
}

/// What a test run does: the first `count` messages, to the test address.
pub fn plan_test(messages: &[Outgoing], test: &Test) -> Report {
    let lines = messages
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let mut line = line(m, Status::New, false, i < test.count, String::new());
            if i < test.count {
                line.to = test.to.to_string();
            }
            line
        })
        .collect();
    Report {
        lines,
        stopped: None,
    }
}

/// Lists what a run would do, sending nothing.
pub fn plan(messages: &[Outgoing], ledger: &Ledger, selection: Selection) -> Report {
    let lines = messages
        .iter()
        .map(|m| {
            let status = ledger.status(&m.message_id);
            let pending = selection.sends(status);
            let note = ledger
                .last(&m.message_id)
                .map(|r| r.response.clone())
                .unwrap_or_default();
            line(m, status, false, pending, note)
        })
        .collect();
    Report {
        lines,
        stopped: None,
    }
}

/// A record about `message`, stamped now.
fn record(
    message: &Outgoing,
    outcome: Outcome,
    response: String,
    recipients: Vec<String>,
    refused: Vec<String>,
    test: bool,
) -> Record {
    let mut record = Record::about(message, outcome);
    if !recipients.is_empty() {
        record.recipients = recipients;
    }
    record.test = test;
    record.response = response;
    record.refused = refused;
    record
}

/// Sends what `selection` picks, recording every step in `ledger`; `progress` is told
/// about each message as it is done.
///
/// What a failed attempt taught is in the ledger (and on disk) before anything that can
/// take time: the retry's wait, the pacer's, even the RSET or the closing of the
/// connection. So a run killed while it waits leaves the message `deferred` (sent again
/// by the next run), never `attempting`: only a kill between the `attempting` record and
/// the server's answer to the body leaves a message uncertain.
pub fn send(
    messages: &[Outgoing],
    ledger: &mut Ledger,
    selection: Selection,
    delivery: &Delivery,
    progress: &mut dyn FnMut(&Line),
) -> Result<Report> {
    let mut report = match &delivery.test {
        Some(test) => plan_test(messages, test),
        None => plan(messages, ledger, selection),
    };
    let test = delivery.test.is_some();
    let mut session = Session::new(&delivery.smtp);
    let mut pacer = Pacer::new(delivery.rate);
    for (message, entry) in messages.iter().zip(report.lines.iter_mut()) {
        if !entry.pending || report.stopped.is_some() {
            continue;
        }
        let mut attempt: u32 = 0;
        let envelope = Envelope {
            recipients: delivery.recipients(message),
            test,
            keep_date: delivery.keep_date,
        };
        let outcome = loop {
            pacer.wait();
            let failure = match transaction(&mut session, message, &envelope, ledger)? {
                Ok(delivered) => break Ok(delivered),
                Err(failure) => failure,
            };
            let give_up = match &failure {
                Failure::Permanent(_) => true,
                Failure::Connect { permanent, .. } => *permanent || attempt >= delivery.retries,
                Failure::Transient(_) => attempt >= delivery.retries,
            };
            if give_up {
                break Err(failure);
            }
            ledger.append(record(
                message,
                Outcome::Deferred,
                failure.text().to_string(),
                envelope.names(),
                vec![],
                test,
            ))?;
            session.recover(&failure);
            std::thread::sleep(backoff(delivery.retry_delay, attempt));
            attempt += 1;
        };
        let mut failed = None;
        let (record_outcome, status, response, refused, accepted) = match outcome {
            Ok(delivered) => {
                let status = if delivered.refused.is_empty() {
                    Status::Accepted
                } else {
                    Status::Partial
                };
                let Delivered {
                    response,
                    accepted,
                    refused,
                } = delivered;
                (Outcome::Accepted, status, response, refused, accepted)
            }
            Err(failure) => {
                let (record_outcome, status) = match &failure {
                    Failure::Permanent(_) => (Outcome::Rejected, Status::Rejected),
                    Failure::Transient(_) => (Outcome::Deferred, Status::Deferred),
                    Failure::Connect { message, login, .. } => {
                        let stopped =
                            format!("cannot send through {}: {message}", delivery.smtp.display());
                        report.stopped = Some(if *login {
                            Stop::LoginRefused(stopped)
                        } else {
                            Stop::Unreachable(stopped)
                        });
                        (Outcome::Deferred, Status::Deferred)
                    }
                };
                let text = failure.text().to_string();
                failed = Some(failure);
                (record_outcome, status, text, vec![], envelope.names())
            }
        };
        ledger.append(record(
            message,
            record_outcome,
            response.clone(),
            accepted,
            refused.clone(),
            test,
        ))?;
        if let Some(failure) = &failed {
            session.recover(failure);
        }
        entry.status = status;
        entry.attempted = true;
        entry.pending = false;
        entry.message = if refused.is_empty() {
            response
        } else {
            format!("refused: {}", refused.join("; "))
        };
        progress(entry);
    }
    session.quit();
    Ok(report)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn selection() {
        let default = Selection::default();
        assert!(default.sends(Status::New) && default.sends(Status::Deferred));
        assert!(!default.sends(Status::Accepted) && !default.sends(Status::Rejected));
        assert!(!default.sends(Status::Uncertain) && !default.sends(Status::Partial));
        let retry = Selection {
            retry_failed: true,
            resend_uncertain: false,
        };
        assert!(!retry.sends(Status::New) && retry.sends(Status::Rejected));
    }
}
