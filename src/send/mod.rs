//! SMTP delivery of message files (`.eml`, mbox), with a ledger so that a run can be
//! killed at any moment and started again without sending a message twice.
//!
//! The ledger is a JSON Lines file, one record per event. For each message, in order:
//!
//! 1. MAIL FROM, RCPT TO and DATA are sent. Nothing is delivered yet: a server that
//!    loses the connection now drops the message.
//! 2. An `attempting` record is written (one `write`, no fsync).
//! 3. The body and its final `.` are sent in one `write`; the server answers 250 (it has
//!    taken responsibility for the message) or an error.
//! 4. As soon as the answer is read, the outcome (`accepted`, `rejected`, `deferred`) is
//!    written and the file flushed to disk (fsync), with the `attempting` record before
//!    it. A failure that will be retried is written too (`deferred`, with the answer),
//!    before the run waits to retry or for the pace (`--rate`), and before it resets or
//!    closes the connection.
//!
//! A run killed before 2 left no record: the message is sent on the next run. A run
//! killed between 2 and 4 cannot know whether the server took the message: the message
//! is `uncertain`, and the next run does not send it again unless asked to
//! (`--resend-uncertain`): at most once. That window holds nothing but the body's
//! `write` and the wait for the server's answer; a run killed while it waits for anything
//! else leaves the message `deferred` (sent again by the next run) or done. Between the
//! two `write`s of 2 and 3 there is nothing (no fsync, no formatting), so a kill that
//! leaves `attempting` without having sent the body needs to land in those microseconds;
//! a kill after 3 leaves the body with the server, which takes it unless it answers an
//! error. No client can close that window: SMTP has no way to ask a server afterwards
//! whether it took a message.
//!
//! A written record survives the death of the process (it is in the system's cache); only
//! a crash of the whole machine can lose an `attempting` record that was not yet flushed,
//! and then the message is sent again on the next run: at least once, for that case.
//! Flushing before the body instead would make every kill during the flush (milliseconds)
//! leave an undelivered message marked uncertain, which a test of random kills showed.
//!
//! A server that closes the connection or answers 4xx after the body has *not* taken the

mod config;
mod ledger;
mod mbox;
mod messages;
mod rate;
mod run;
mod session;
mod setting;
pub mod summary;

pub use config::{Secret, Security, SmtpConfig};
pub use ledger::{Ledger, Outcome, Record, Status};
pub use mbox::split_mbox;
pub use messages::{crlf, load, parse, with_header, without_header, Outgoing};
pub use rate::{retry_delay, Rate, MAX_RETRY_DELAY};
pub use run::{plan, plan_test, send, Delivery, Line, Report, Selection, Stop, Test};
pub use setting::{Setting, SettingError};

/// The ledger's file name when it sits beside the messages.
pub const LEDGER_FILE: &str = crate::letter::naming::LEDGER;
/// The environment variable holding the SMTP password.
pub const PASSWORD_VAR: &str = "LETTERS_SMTP_PASSWORD";
