//! The standards a PDF letter is written to (`--pdf-standard`, `[pdf] pdf-standard`):
//! by default tagged for
//! screen readers (PDF/UA-1) and fit for archives (PDF/A-2b) at once; or neither, for
//! whoever needs the smallest files.

use serde::Deserialize;

/// The standards a PDF is written to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub enum PdfStandard {
    /// PDF/UA-1 and PDF/A-2b: a structure tree, XMP metadata, an sRGB output intent.
    #[default]
    #[serde(rename = "ua1-a2b")]
    Ua1A2b,
    /// Neither.
    #[serde(rename = "none")]
    None,
}

impl PdfStandard {
    /// Every choice, in the order they are offered.
    pub const ALL: [PdfStandard; 2] = [PdfStandard::Ua1A2b, PdfStandard::None];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            PdfStandard::Ua1A2b => "ua1-a2b",
            PdfStandard::None => "none",
        }
    }

    /// What the choice gives, for `--help`.
    pub fn description(self) -> &'static str {
        match self {
            PdfStandard::Ua1A2b => {
                "tagged for screen readers (PDF/UA-1) and archival (PDF/A-2b): the default"
            }
            PdfStandard::None => {
                "neither: no structure tree, XMP metadata or colour profile, for the smallest files"
            }
        }
    }

    /// Whether the PDF is tagged (and archival).
    pub fn tagged(self) -> bool {
        self == PdfStandard::Ua1A2b
    }
}
