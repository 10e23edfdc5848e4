//! The page layouts a PDF letter can have (`--layout`, `[pdf] layout`): their names and
//! what each is for. Where things go on the page is the PDF renderer's business.

use std::fmt;
use std::str::FromStr;

use serde::Deserialize;

/// A page layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Layout {
    /// A4, DIN 5008 form B: address in a window envelope (DL, C5/6), fold marks.
    #[serde(rename = "din5008-b")]
    Din5008B,
    /// A4, DIN 5008 form A: the shorter letterhead, address higher, fold marks.
    #[serde(rename = "din5008-a")]
    Din5008A,
    /// US Letter, address placed for a #10 window envelope.
    #[serde(rename = "us-letter")]
    UsLetter,
    /// Plain A4, no envelope window.
    #[serde(rename = "a4")]
    A4,
    /// Plain US Letter, no envelope window.
    #[serde(rename = "letter")]
    Letter,
}

impl Layout {
    /// Every layout, in the order they are offered.
    pub const ALL: [Layout; 5] = [
        Layout::Din5008B,
        Layout::Din5008A,
        Layout::UsLetter,
        Layout::A4,
        Layout::Letter,
    ];

    /// The default for a recipient: US Letter for the United States, DIN 5008 form B
    /// (A4 with a window-envelope address field) everywhere else.
    pub fn default_for(country: &str) -> Layout {
        if country.trim().eq_ignore_ascii_case("US") {
            Layout::UsLetter
        } else {
            Layout::Din5008B
        }
    }

    /// The name used on the command line and in `letters.toml`.
    pub fn name(self) -> &'static str {
        match self {
            Layout::Din5008B => "din5008-b",
            Layout::Din5008A => "din5008-a",
            Layout::UsLetter => "us-letter",
            Layout::A4 => "a4",
            Layout::Letter => "letter",
        }
    }

    /// What the layout is for, in a few words.
    pub fn description(self) -> &'static str {
        match self {
            Layout::Din5008B => {
                "A4, DIN 5008 form B: address in a window envelope (DL, C5/6), fold marks"
            }
            Layout::Din5008A => {
                "A4, DIN 5008 form A: the shorter letterhead, address higher, fold marks"
            }
            Layout::UsLetter => "US Letter, address placed for a #10 window envelope",
            Layout::A4 => "Plain A4, no envelope window",
            Layout::Letter => "Plain US Letter, no envelope window",
        }
    }
}

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Layout {
    type Err = String;

    fn from_str(text: &str) -> Result<Layout, String> {
        Layout::ALL
            .into_iter()
            .find(|layout| layout.name().eq_ignore_ascii_case(text.trim()))
            .ok_or_else(|| {
                format!(
                    "unknown layout `{text}`: use one of {}",
                    Layout::ALL.map(Layout::name).join(", ")
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_follows_the_country() {
        assert_eq!(Layout::default_for("us"), Layout::UsLetter);
        assert_eq!(Layout::default_for("VE"), Layout::Din5008B);
    }

    #[test]
    fn names_parse_back() {
        for layout in Layout::ALL {
            assert_eq!(layout.name().parse::<Layout>(), Ok(layout));
        }
        assert!("a5".parse::<Layout>().is_err());
    }
}
