//! Where and how to send: the `--smtp` URL (scheme, host, port, TLS), the user and the
//! password, which never shows in output or errors and never travels unencrypted to
//! another host.

use std::time::Duration;

use super::setting::{Setting, SettingError};
use super::PASSWORD_VAR;

/// A secret that never shows in `Debug` output or error messages.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: String) -> Secret {
        Secret(value)
    }

    /// The secret itself, for the one place that needs it: the SMTP login.
    pub(super) fn reveal(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("[redacted]")
    }
}

/// How the connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// `smtp://`: no encryption (a local relay or test server).
    Plain,
    /// `starttls://` (or `smtp://…?tls=starttls`): STARTTLS required.
    StartTls,
    /// `smtps://`: TLS from the start.
    Tls,
}

/// Where and how to send.
#[derive(Debug, Clone)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub user: Option<String>,
    pub password: Option<Secret>,
    pub timeout: Duration,
}

impl SmtpConfig {
    /// Parses `smtp://[user@]host[:port]`, `starttls://…` or `smtps://…`. A password in
    /// the URL is refused (and not repeated in the error).
    pub fn parse(text: &str) -> Result<SmtpConfig, SettingError> {
        let flag = |message: String| SettingError::new(Setting::Server, message);
        let url = url::Url::parse(text.trim()).map_err(|e| {
            flag(format!(
                "not a URL ({e}): write smtp://host:port, starttls://host:587 or smtps://host:465"
            ))
        })?;
        if url.password().is_some() {
            return Err(flag(format!(
                "the URL holds a password: passwords are never taken from the command line, \
                 where other users and the shell history can see them; set {PASSWORD_VAR} \
                 or use --password-command"
            )));
        }
        let scheme = url.scheme();
        let by_scheme = match scheme {
            "smtp" => Security::Plain,
            "starttls" => Security::StartTls,
            "smtps" => Security::Tls,
            _ => {
                return Err(flag(format!(
                "unknown scheme `{scheme}`: use smtp:// (no encryption), starttls:// or smtps://"
            )))
            }
        };
        let mut tls_query: Option<String> = None;
        for (key, value) in url.query_pairs() {
            if key != "tls" {
                return Err(flag(format!(
                    "unknown setting `{}` in the URL: the only one is `?tls=` \
                     (none, starttls or required)",
                    key.escape_debug()
                )));
            }
            if tls_query.is_some() {
                return Err(flag("`?tls=` is given twice in the URL".to_string()));
            }
            tls_query = Some(value.to_string());
        }
        let security = match tls_query.as_deref() {
            None => by_scheme,
            Some(value) => {
                let asked = match value.to_ascii_lowercase().as_str() {
                    "none" => Security::Plain,
                    "starttls" | "required" => Security::StartTls,
                    _ => {
                        return Err(flag(format!(
                            "unknown `tls` value `{}`: write ?tls=none (no encryption), \
                             ?tls=starttls or ?tls=required (both: STARTTLS required), or use \
                             starttls://host:587 or smtps://host:465",
                            value.escape_debug()
                        )))
                    }
                };
                if scheme != "smtp" && asked != by_scheme {
                    return Err(flag(format!(
                        "`?tls={}` contradicts {scheme}://: leave out `?tls=`",
                        value.escape_debug()
                    )));
                }
                asked
            }
        };
        let default_port = match security {
            Security::Plain => 25,
            Security::StartTls => 587,
            Security::Tls => 465,
        };
        if has_empty_port(text.trim()) {
            return Err(flag(format!(
                "the URL has a `:` after the host but no port: write the port after it \
                 ({scheme}://host:PORT), or leave out the `:` for the default port, {default_port}"
            )));
        }
        let host = url
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or_else(|| flag("the URL names no host".to_string()))?
            .trim_matches(['[', ']'])
            .to_string();
        let user = percent_encoding::percent_decode_str(url.username())
            .decode_utf8_lossy()
            .to_string();
        Ok(SmtpConfig {
            host,
            port: url.port().unwrap_or(default_port),
            security,
            user: Some(user).filter(|u| !u.is_empty()),
            password: None,
            timeout: Duration::from_secs(60),
        })
    }

    /// Whether the host is this machine (where an unencrypted login is harmless).
    fn is_loopback(&self) -> bool {
        self.host == "localhost"
            || self
                .host
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    }

    /// Checks that a login can happen safely.
    pub fn validate(&self) -> Result<(), SettingError> {
        match (&self.user, &self.password) {
            (Some(_), None) => {
                return Err(SettingError::new(
                    Setting::User,
                    format!(
                        "a user needs a password: set {PASSWORD_VAR} or use --password-command"
                    ),
                ))
            }
            (None, Some(_)) => {
                return Err(SettingError::new(
                    Setting::User,
                    "a password was given but no user: add --smtp-user or smtp://user@host",
                ))
            }
            _ => {}
        }
        if self.password.is_some() && self.security == Security::Plain && !self.is_loopback() {
            return Err(SettingError::new(
                Setting::Server,
                format!(
                    "refusing to send a password unencrypted to {}: use starttls://{}:587 or smtps://{}:465",
                    self.host, self.host, self.host
                ),
            ));
        }
        Ok(())
    }

    pub fn display(&self) -> String {
        let scheme = match self.security {
            Security::Plain => "smtp",
            Security::StartTls => "starttls",
            Security::Tls => "smtps",
        };
        format!("{scheme}://{}:{}", self.host, self.port)
    }
}

/// Whether the authority of `url` ends with a `:` and no port (`smtp://host:`), which the
/// URL parser takes for the default port.
fn has_empty_port(url: &str) -> bool {
    let Some((_, rest)) = url.split_once("://") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    host_port.ends_with(':')
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn smtp_urls() {
        let c = SmtpConfig::parse("smtp://127.0.0.1:2525").unwrap();
        assert_eq!(
            (c.host.as_str(), c.port, c.security),
            ("127.0.0.1", 2525, Security::Plain)
        );
        let c = SmtpConfig::parse("starttls://ana%40example.org@mail.example.org").unwrap();
        assert_eq!(c.port, 587);
        assert_eq!(c.security, Security::StartTls);
        assert_eq!(c.user.as_deref(), Some("ana@example.org"));
        let c = SmtpConfig::parse("smtps://mail.example.org").unwrap();
        assert_eq!((c.port, c.security), (465, Security::Tls));
        let c = SmtpConfig::parse("smtp://mail.example.org?tls=starttls").unwrap();
        assert_eq!(c.security, Security::StartTls);
        let err = SmtpConfig::parse("smtp://ana:hunter2@mail.example.org").unwrap_err();
        assert!(!err.to_string().contains("hunter2"), "{err}");
        assert!(SmtpConfig::parse("http://x").is_err());
    }

    #[test]
    fn smtp_urls_name_what_is_wrong() {
        let message = |url: &str| SmtpConfig::parse(url).unwrap_err().to_string();
        for url in [
            "smtp://mail.example.org:",
            "smtp://ana@mail.example.org:/",
            "starttls://mail.example.org:?tls=starttls",
            "smtp://[::1]:",
        ] {
            assert!(message(url).contains("no port"), "{url}: {}", message(url));
        }
        let err = message("smtp://mail.example.org?tls=bogus");
        assert!(err.contains("unknown `tls` value `bogus`"), "{err}");
        for accepted in ["?tls=none", "?tls=starttls", "?tls=required"] {
            assert!(err.contains(accepted), "{err}");
        }
        assert!(!err.contains("scheme"), "{err}");
        let c = SmtpConfig::parse("smtp://mail.example.org?tls=STARTTLS").unwrap();
        assert_eq!((c.security, c.port), (Security::StartTls, 587));
        let c = SmtpConfig::parse("starttls://mail.example.org?tls=required").unwrap();
        assert_eq!(c.security, Security::StartTls);
        for contradiction in [
            "starttls://mail.example.org?tls=none",
            "smtps://mail.example.org?tls=starttls",
        ] {
            assert!(
                message(contradiction).contains("contradicts"),
                "{contradiction}"
            );
        }
        assert!(message("smtp://mail.example.org?TLS=starttls").contains("unknown setting `TLS`"));
        assert!(message("smtp://h?tls=none&tls=starttls").contains("twice"));
        // A port is still optional.
        assert_eq!(
            SmtpConfig::parse("smtp://mail.example.org").unwrap().port,
            25
        );
        assert_eq!(
            SmtpConfig::parse("smtp://mail.example.org:2525/")
                .unwrap()
                .port,
            2525
        );
    }

    #[test]
    fn no_password_in_the_clear_to_another_host() {
        let mut c = SmtpConfig::parse("smtp://ana@mail.example.org").unwrap();
        c.password = Some(Secret::new("hunter2".to_string()));
        let err = c.validate().unwrap_err();
        assert!(err.to_string().contains("starttls://"), "{err}");
        assert!(!format!("{c:?}").contains("hunter2"));
        let mut local = SmtpConfig::parse("smtp://ana@127.0.0.1:2525").unwrap();
        local.password = Some(Secret::new("x".to_string()));
        assert!(local.validate().is_ok());
    }
}
