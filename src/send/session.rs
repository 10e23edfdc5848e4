//! One SMTP connection, opened when first needed and reopened after a failure, driven
//! command by command so that the ledger's `attempting` record is written after MAIL,
//! RCPT and DATA, one system call before the body (sent with its final dot in one
//! write).

use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{SmtpConnection, TlsParameters};
use lettre::transport::smtp::commands::{Data, Mail, Quit, Rcpt, Rset};
use lettre::transport::smtp::extension::{ClientId, Extension, MailBodyParameter, MailParameter};

use crate::error::Result;

use super::config::{Security, SmtpConfig};
use super::ledger::{Ledger, Outcome, Record};
use super::messages::{with_header, Outgoing};

/// Why one attempt failed.
#[derive(Debug, Clone)]
pub(super) enum Failure {
    /// Could not connect or log in; `permanent` when retrying cannot help (a refused
    /// login); `login` when the connection worked and the login did not.
    Connect {
        message: String,
        permanent: bool,
        login: bool,
    },
    /// A 4xx answer or a lost connection during a transaction: try again later.
    Transient(String),
    /// A 5xx answer (or a message the server cannot take): do not retry.
    Permanent(String),
}

impl Failure {
    /// What went wrong, for the ledger and the listing.
    pub(super) fn text(&self) -> &str {
        match self {
            Failure::Connect { message, .. } => message,
            Failure::Transient(text) | Failure::Permanent(text) => text,
        }
    }
}

fn describe(error: &lettre::transport::smtp::Error) -> String {
    error.to_string().replace(['\r', '\n'], " ")
}

fn classify(error: &lettre::transport::smtp::Error) -> Failure {
    if error.is_permanent() || error.is_client() {
        Failure::Permanent(describe(error))
    } else {
        Failure::Transient(describe(error))
    }
}

/// An SMTP connection, opened when first needed and reopened after a failure.
pub(super) struct Session<'a> {
    config: &'a SmtpConfig,
    hello: ClientId,
    connection: Option<SmtpConnection>,
}

impl<'a> Session<'a> {
    pub(super) fn new(config: &'a SmtpConfig) -> Session<'a> {
        Session {
            config,
            hello: ClientId::default(),
            connection: None,
        }
    }

    pub(super) fn tls(&self) -> std::result::Result<TlsParameters, Failure> {
        TlsParameters::builder(self.config.host.clone())
            .build_rustls()
            .map_err(|e| Failure::Connect {
                message: describe(&e),
                permanent: true,
                login: false,
            })
    }

    pub(super) fn connect(&mut self) -> std::result::Result<&mut SmtpConnection, Failure> {
        if self
            .connection
            .as_ref()
            .is_some_and(SmtpConnection::has_broken)
        {
            self.drop_connection();
        }
        if self.connection.is_none() {
            let config = self.config;
            let connect_failure = |e: lettre::transport::smtp::Error| Failure::Connect {
                permanent: e.is_permanent(),
                message: describe(&e),
                login: false,
            };
            let wrapper = match config.security {
                Security::Tls => Some(self.tls()?),
                _ => None,
            };
            let mut connection = SmtpConnection::connect(
                (config.host.as_str(), config.port),
                Some(config.timeout),
                &self.hello,
                wrapper.as_ref(),
                None,
            )
            .map_err(connect_failure)?;
            if config.security == Security::StartTls {
                let tls = self.tls()?;
                connection
                    .starttls(&tls, &self.hello)
                    .map_err(connect_failure)?;
            }
            if let (Some(user), Some(password)) = (&config.user, &config.password) {
                let credentials = Credentials::new(user.clone(), password.reveal().to_string());
                connection
                    .auth(&[Mechanism::Plain, Mechanism::Login], &credentials)
                    .map_err(|e| Failure::Connect {
                        permanent: e.is_permanent() || e.is_client(),
                        message: format!("login as {user} failed: {}", describe(&e)),
                        login: true,
                    })?;
            }
            self.connection = Some(connection);
        }
        self.connection.as_mut().ok_or_else(|| Failure::Connect {
            message: "no connection".to_string(),
            permanent: false,
            login: false,
        })
    }

    pub(super) fn drop_connection(&mut self) {
        if let Some(mut connection) = self.connection.take() {
            connection.abort();
        }
    }

    /// Gets ready for the next transaction after `failure`: a permanent refusal leaves the
    /// connection good (the transaction is reset); anything else closes it.
    pub(super) fn recover(&mut self, failure: &Failure) {
        match failure {
            Failure::Permanent(_) => self.reset(),
            Failure::Transient(_) | Failure::Connect { .. } => self.drop_connection(),
        }
    }

    /// After a permanent refusal the connection is still good: reset the transaction.
    pub(super) fn reset(&mut self) {
        if let Some(connection) = self.connection.as_mut() {
            if connection.command(Rset).is_err() {
                self.drop_connection();
            }
        }
    }

    pub(super) fn quit(&mut self) {
        if let Some(mut connection) = self.connection.take() {
            let _ = connection.command(Quit);
        }
    }
}

/// What one transaction achieved.
pub(super) struct Delivered {
    pub response: String,
    pub accepted: Vec<String>,
    pub refused: Vec<String>,
}

/// A message body with its dots doubled (RFC 5321 §4.5.2) and the final CRLF . CRLF,
/// written as one piece. lettre's `message()` writes the final dot separately, and that
/// small second write waits for the server's delayed acknowledgement of the first
/// (Nagle's algorithm): about 40 ms a message, measured on 127.0.0.1.
struct DataBody(String);

impl DataBody {
    pub(super) fn new(text: &str) -> DataBody {
        let mut body = String::with_capacity(text.len() + 64);
        if text.starts_with('.') {
            body.push('.');
        }
        body.push_str(&text.replace("\r\n.", "\r\n.."));
        body.push_str("\r\n.\r\n");
        DataBody(body)
    }
}

impl std::fmt::Display for DataBody {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Who a message goes to in one run, and how.
pub(super) struct Envelope {
    /// The RCPT TO addresses: the message's own, its From with `--bcc-self`, or the test
    /// address alone.
    pub recipients: Vec<lettre::Address>,
    /// A test (`--test-to`): recorded as such.
    pub test: bool,
    /// Send the Date header as written instead of the time of sending.
    pub keep_date: bool,
}

impl Envelope {
    pub(super) fn names(&self) -> Vec<String> {
        self.recipients.iter().map(ToString::to_string).collect()
    }
}

/// One SMTP transaction; writes the `attempting` record just before the body goes out.
/// The message's Date becomes the time of sending, unless asked to keep it.
pub(super) fn transaction(
    session: &mut Session<'_>,
    message: &Outgoing,
    envelope: &Envelope,
    ledger: &mut Ledger,
) -> Result<std::result::Result<Delivered, Failure>> {
    let connection = match session.connect() {
        Ok(c) => c,
        Err(failure) => return Ok(Err(failure)),
    };
    let mut parameters = Vec::new();
    if !message.bytes.is_ascii() {
        if !connection
            .server_info()
            .supports_feature(Extension::EightBitMime)
        {
            return Ok(Err(Failure::Permanent(
                "the message has 8-bit content and the server does not accept 8BITMIME".to_string(),
            )));
        }
        parameters.push(MailParameter::Body(MailBodyParameter::EightBitMime));
    }
    if let Err(e) = connection.command(Mail::new(Some(message.from.clone()), parameters)) {
        return Ok(Err(classify(&e)));
    }
    let mut accepted = Vec::new();
    let mut refused = Vec::new();
    for recipient in &envelope.recipients {
        match connection.command(Rcpt::new(recipient.clone(), vec![])) {
            Ok(_) => accepted.push(recipient.to_string()),
            Err(e) => match classify(&e) {
                Failure::Permanent(text) => refused.push(format!("{recipient}: {text}")),
                other => return Ok(Err(other)),
            },
        }
    }
    if accepted.is_empty() {
        return Ok(Err(Failure::Permanent(format!(
            "every recipient was refused: {}",
            refused.join("; ")
        ))));
    }
    if let Err(e) = connection.command(Data) {
        return Ok(Err(classify(&e)));
    }
    // Everything is ready before the record, so that nothing but one write separates it
    // from the body's.
    let dated;
    let bytes = if envelope.keep_date {
        &message.bytes
    } else {
        dated = with_header(&message.bytes, "Date", &chrono::Local::now().to_rfc2822());
        &dated
    };
    let body = std::str::from_utf8(bytes).ok().map(DataBody::new);
    let mut attempting = Record::about(message, Outcome::Attempting);
    attempting.recipients.clone_from(&accepted);
    attempting.test = envelope.test;
    ledger.append_unsynced(attempting)?;
    let answer = match &body {
        Some(body) => connection.command(body),
        None => connection.message(bytes),
    };
    Ok(match answer {
        Ok(response) => Ok(Delivered {
            response: format!(
                "{} {}",
                response.code(),
                response.message().collect::<Vec<_>>().join(" ")
            )
            .trim()
            .to_string(),
            accepted,
            refused,
        }),
        Err(e) => Err(classify(&e)),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn data_body_doubles_leading_dots_and_ends_with_a_dot_line() {
        assert_eq!(
            DataBody::new(".a\r\nb\r\n.\r\n..c").to_string(),
            "..a\r\nb\r\n..\r\n...c\r\n.\r\n"
        );
    }
}
