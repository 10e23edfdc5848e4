//! The work on one row: its request checked and laid over the batch's, then a letter
//! composed and rendered for each of its recipients (or found intact on disk when
//! resuming). Rows are processed on every core at once; nothing here writes a file.

use std::collections::HashMap;
use std::path::PathBuf;

use super::failures::Failure;
use super::{manifest, row, BatchRequest};
use crate::compose::Composer;
use crate::draft::{self, Checked, Context, LetterRequest, Planner};
use crate::error::{Error, Result};
use crate::letter::{naming, Letter};
use crate::load::signers::mapping::Columns;
use crate::load::signers::SignerRow;
use crate::model::Language;
use crate::render::{self, Format};

/// A row and what became of it.
pub enum RowOutcome {
    Done {
        letters: Vec<LetterOutcome>,
        warnings: Vec<String>,
    },
    Failed(Failure, Vec<String>),
}

/// One letter of a row.
pub enum LetterOutcome {
    /// A letter to write to its own file, then record in the manifest.
    Composed(manifest::Entry, Vec<u8>),
    Skipped,
    /// A letter for the combined file, its recipient office and its language.
    Combined(Vec<u8>, String, Language),
    /// A letter for the combined PDF, typeset (its objects are numbered as it is
    /// written), its recipient office and its language.
    CombinedPdf(Box<render::pdf::Typeset>, String, Language),
}

/// What every row's work shares.
pub struct Engine<'a> {
    pub request: &'a BatchRequest,
    /// The output directory, absolute.
    pub dir: PathBuf,
    pub planner: Planner<'a>,
    pub composer: Composer,
    /// The letters an earlier run recorded (when resuming), by file name.
    pub previous: HashMap<String, manifest::Entry>,
    /// The signers file, for messages.
    pub source: String,
    /// Which columns fill which signer field.
    pub columns: Columns,
}

impl Engine<'_> {
    /// The row's request, checked through the one conversion and laid over `base` (the
    /// batch's own request, or for a co-signer, one with no signer to fill in from).
    pub fn row_request(&self, row: &SignerRow, base: &LetterRequest) -> Result<Checked> {
        let map = self.columns.map_for(&row.keys);
        let raw = row::raw_request(row, &self.source, &map)?;
        let context = Context {
            signatures_dir: Some(&self.request.signatures_dir),
            messages: crate::messages::language()
                .parse()
                .unwrap_or(crate::model::Language::EN),
        };
        draft::validate(raw, base, context)
    }

    pub fn letter(
        &self,
        request: &LetterRequest,
        recipient: &str,
        warnings: &mut Vec<String>,
    ) -> Result<Letter> {
        let draft = self.planner.draft(recipient, request, warnings)?;
        if self.request.render.format.is_postal() {
            self.planner.check_postal_address(&draft.recipient)?;
        }
        self.composer.compose(&draft)
    }

    pub fn process(&self, row: &SignerRow) -> RowOutcome {
        let fail = |error: Error, warnings: Vec<String>| {
            RowOutcome::Failed(Failure::of(row, &error), warnings)
        };
        let Checked {
            request,
            mut warnings,
        } = match self.row_request(row, &self.request.letter) {
            Ok(checked) => checked,
            Err(error) => return fail(error, Vec::new()),
        };
        let recipients = match self.planner.recipients(&request.recipients) {
            Ok(ids) => ids,
            Err(e) => return fail(e, warnings),
        };
        let options = &self.request.render;
        let mut letters = Vec::with_capacity(recipients.len());
        for recipient in &recipients {
            // A combined batch writes no file of its own per letter.
            let file = if self.request.combine {
                String::new()
            } else {
                naming::batch_letter(
                    row.row,
                    &request.sender.name,
                    recipient,
                    options.format.extension(),
                )
            };
            if self.request.resume {
                if let Some(entry) = self.previous.get(&file) {
                    if manifest::is_intact(&self.dir, entry) {
                        letters.push(LetterOutcome::Skipped);
                        continue;
                    }
                }
            }
            let letter = match self.letter(&request, recipient, &mut warnings) {
                Ok(letter) => letter,
                Err(e) => return fail(e, warnings),
            };
            if self.request.combine && options.format == Format::Pdf {
                match render::pdf::typeset(&letter, &options.pdf) {
                    Ok(mut typeset) => {
                        warnings.append(&mut typeset.warnings);
                        letters.push(LetterOutcome::CombinedPdf(
                            Box::new(typeset),
                            recipient.clone(),
                            letter.language,
                        ));
                        continue;
                    }
                    Err(e) => return fail(e, warnings),
                }
            }
            let rendered = if self.request.combine && options.format == Format::Json {
                Ok(render::json::render_line(&letter).into_bytes())
            } else {
                render::render_noting(&letter, options, &mut warnings)
            };
            let bytes = match rendered {
                Ok(bytes) => bytes,
                Err(e) => return fail(e, warnings),
            };
            if self.request.combine {
                letters.push(LetterOutcome::Combined(
                    bytes,
                    recipient.clone(),
                    letter.language,
                ));
                continue;
            }
            let entry = manifest::Entry {
                campaign: request.template.clone(),
                row: row.row,
                signer: request.sender.name.clone(),
                signer_email: Some(request.sender.email.clone()).filter(|e| !e.is_empty()),
                recipient: recipient.clone(),
                language: letter.language,
                file,
                bytes: bytes.len() as u64,
                sha256: manifest::sha256(&bytes),
                cosigners: 0,
                // Stamped when it is recorded.
                time: String::new(),
            };
            letters.push(LetterOutcome::Composed(entry, bytes));
        }
        RowOutcome::Done { letters, warnings }
    }
}
