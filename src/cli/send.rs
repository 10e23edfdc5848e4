//! `letters send`: delivery of message files over SMTP, a dry run unless `--send`.

use std::path::PathBuf;

use clap::Args;

const AFTER_HELP: &str = "The password comes from $LETTERS_SMTP_PASSWORD or --password-command, never from a flag.

The ledger (JSON Lines: Message-ID, recipients, time, outcome) is flushed to disk before and \
after each message. Running the same command again sends only what was not accepted; a message \
cut short by a kill is reported as uncertain and not sent again unless --resend-uncertain.

Examples:
  letters draft -t detention-urgent-action --format email -o out/
  letters send out/
  letters send out/ --test-to me@example.org --smtp starttls://mail.example.org:587 --smtp-user ana
  LETTERS_SMTP_PASSWORD=... letters send out/ --send --smtp starttls://mail.example.org:587 --smtp-user ana --rate 30/min
  letters draft -t detention-urgent-action --to ve-attorney-general --format email | letters send -";

#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct SendArgs {
    /// .eml files, mbox files, directories of them (as `letters draft --format email -o DIR`
    /// writes), or - for one message or mbox on standard input.
    #[arg(required = true, value_name = "PATH|-")]
    pub paths: Vec<PathBuf>,

    /// Send for real. Without it, list what would be sent to whom (a dry run).
    #[arg(long)]
    pub send: bool,

    /// The SMTP server: smtp://host:port (no encryption), starttls://host:587, smtps://host:465.
    #[arg(
        long,
        value_name = "URL",
        env = "LETTERS_SMTP",
        hide_env_values = true,
        help_heading = "Server"
    )]
    pub smtp: Option<String>,

    /// The SMTP user (or smtp://user@host).
    #[arg(
        long,
        value_name = "USER",
        env = "LETTERS_SMTP_USER",
        hide_env_values = true,
        help_heading = "Server"
    )]
    pub smtp_user: Option<String>,

    /// A command that prints the SMTP password, such as `pass show smtp`. Default: $LETTERS_SMTP_PASSWORD.
    #[arg(long, value_name = "CMD", help_heading = "Server")]
    pub password_command: Option<String>,

    /// Seconds to wait for the server before giving up on a connection.
    #[arg(
        long,
        value_name = "SECONDS",
        default_value_t = 60,
        help_heading = "Server"
    )]
    pub timeout: u64,

    /// At most this many messages: N/min, N/s, N/h or N/day (from 1/day to 1000/s).
    #[arg(long, value_name = "N/min", help_heading = "Pace and retries")]
    pub rate: Option<String>,

    /// How many times to retry a transient failure (4xx, lost connection).
    #[arg(
        long,
        value_name = "N",
        default_value_t = 3,
        help_heading = "Pace and retries"
    )]
    pub retries: u32,

    /// Seconds before the first retry (0 to 3600); each next retry waits twice as long, an hour at most.
    #[arg(
        long,
        value_name = "SECONDS",
        default_value_t = 2.0,
        help_heading = "Pace and retries"
    )]
    pub retry_delay: f64,

    /// The ledger file. Default: letters-ledger.jsonl beside the (first) messages.
    #[arg(long, value_name = "FILE", help_heading = "Ledger")]
    pub ledger: Option<PathBuf>,

    /// Send only the messages that failed before (rejected or deferred).
    #[arg(long, help_heading = "Ledger")]
    pub retry_failed: bool,

    /// Also send messages whose last attempt was cut short: they may reach someone twice.
    #[arg(long, help_heading = "Ledger")]
    pub resend_uncertain: bool,

    /// Send the first message(s) to this address only, as a test (marked so in the
    /// ledger; the real recipients get nothing). Needs --smtp, not --send.
    #[arg(
        long,
        value_name = "ADDRESS",
        conflicts_with = "send",
        help_heading = "Test and copies"
    )]
    pub test_to: Option<String>,

    /// How many messages --test-to sends.
    #[arg(
        long,
        value_name = "N",
        default_value_t = 1,
        requires = "test_to",
        help_heading = "Test and copies"
    )]
    pub test_count: usize,

    /// Also send each message to its own From address (a blind copy, not in the headers).
    #[arg(long, help_heading = "Test and copies")]
    pub bcc_self: bool,

    /// Send the Date header as the file has it, instead of the time of sending.
    #[arg(long, help_heading = "Test and copies")]
    pub keep_date: bool,

    /// Print one JSON summary on standard output instead of a line per message (see
    /// README.md, "Machine-readable summaries").
    #[arg(long)]
    pub json: bool,
}
