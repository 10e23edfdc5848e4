//! Where a value came from: a flag, a key of a settings file, an answer to a prompt, or
//! a cell of a signers file. It travels with the value until the value is checked, so
//! that a bad value is blamed on the place the user can fix.

use std::fmt;

/// The origin of one value of a letter request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A command-line flag, such as `--sender-name`.
    Flag(&'static str),
    /// A key of a settings file: `letters.toml` and `[sender] name`.
    Setting { file: String, key: String },
    /// The answer to a question of the guided flow.
    Prompt(&'static str),
    /// A cell of a signers file: the file, the row (as a spreadsheet numbers it) and the
    /// column as its header names it.
    Cell {
        file: String,
        row: usize,
        column: String,
    },
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag(flag) => f.write_str(flag),
            Source::Setting { file, key } => write!(f, "{file} {key}"),
            Source::Prompt(question) => write!(f, "the answer to “{question}”"),
            Source::Cell { file, row, column } => {
                write!(f, "{file} row {row}, column `{column}`")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_source_names_where_to_look() {
        assert_eq!(Source::Flag("--sender-name").to_string(), "--sender-name");
        let setting = Source::Setting {
            file: "ws/letters.toml".into(),
            key: "[sender] name".into(),
        };
        assert_eq!(setting.to_string(), "ws/letters.toml [sender] name");
        assert_eq!(
            Source::Prompt("Your name").to_string(),
            "the answer to “Your name”"
        );
        let cell = Source::Cell {
            file: "s.csv".into(),
            row: 3,
            column: "Email".into(),
        };
        assert_eq!(cell.to_string(), "s.csv row 3, column `Email`");
    }
}
