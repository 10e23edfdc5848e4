//! A bad value among the settings of a send (the server URL, the user, the pace): what it
//! is about and what is wrong, for the caller to name where the value came from.

use std::fmt;

/// Which setting a value is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    Server,
    User,
    Rate,
    RetryDelay,
}

/// A value that cannot be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingError {
    pub setting: Setting,
    pub message: String,
}

impl SettingError {
    pub fn new(setting: Setting, message: impl Into<String>) -> SettingError {
        SettingError {
            setting,
            message: message.into(),
        }
    }
}

impl fmt::Display for SettingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
