//! The values some flags take from a fixed list (`--format`, `--layout`,
//! `--pdf-standard`, `--encoding`):
//! how clap offers, completes and parses them. The types themselves are plain data below.

use clap::builder::PossibleValue;
use clap::ValueEnum;

use crate::load::signers::SignersEncoding;
use crate::model::{Layout, PdfStandard};
use crate::render::Format;

impl ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        &Format::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()).help(self.description()))
    }
}

impl ValueEnum for Layout {
    fn value_variants<'a>() -> &'a [Self] {
        &Layout::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()).help(self.description()))
    }
}

impl ValueEnum for PdfStandard {
    fn value_variants<'a>() -> &'a [Self] {
        &PdfStandard::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()).help(self.description()))
    }
}

impl ValueEnum for SignersEncoding {
    fn value_variants<'a>() -> &'a [Self] {
        &SignersEncoding::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let value = PossibleValue::new(self.name()).help(self.description());
        Some(
            self.aliases()
                .iter()
                .fold(value, |v, alias| v.alias(*alias)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_parses_back() {
        for format in Format::ALL {
            assert_eq!(Format::from_str(format.name(), false), Ok(format));
        }
        for layout in Layout::ALL {
            assert_eq!(Layout::from_str(layout.name(), false), Ok(layout));
        }
        for standard in PdfStandard::ALL {
            assert_eq!(PdfStandard::from_str(standard.name(), false), Ok(standard));
        }
        for encoding in SignersEncoding::ALL {
            assert_eq!(
                SignersEncoding::from_str(encoding.name(), false),
                Ok(encoding)
            );
        }
    }
}
