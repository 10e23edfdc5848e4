//! A sign-on letter: one letter per recipient from the whole list, signed by the
//! batch's signer, every row a co-signer in input order, each listed once. A `kind`
//! column says whether a row signs as an organization or as an individual, so that the
//! letter can list them apart. It speaks as "we" with them (the sign-on voice) unless
//! `--voice` says otherwise.

use std::collections::HashSet;
use std::time::Instant;

use super::columns::COSIGNER_KIND;
use super::engine::Engine;
use super::failures::{self, Failure};
use super::{manifest, record_failure, Observer, Summary};
use crate::draft::LetterRequest;
use crate::error::{Error, Result, Source};
use crate::letter::naming;
use crate::load::signers::SignersReader;
use crate::model::{organization_kind, Cosigner, Sender, Voice};
use crate::render;
use crate::sink;

/// One letter per recipient from the whole list: every row a co-signer, in input order,
/// without repeats.
pub fn sign_on(
    engine: &Engine<'_>,
    rows: SignersReader,
    mut failures: failures::FailureFile,
    mut manifest: Option<manifest::Writer>,
    observer: &dyn Observer,
    started: Instant,
) -> Result<Summary> {
    let request = engine.request;
    // Co-signers speak for themselves: no defaults are filled in.
    let cosigner_base = LetterRequest {
        sender: Sender::default(),
        ..request.letter.clone()
    };
    let mut summary = Summary::default();
    let mut cosigners: Vec<Cosigner> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for item in rows {
        let row = match item {
            Ok(row) if row.is_blank() => {
                summary.blank += 1;
                continue;
            }
            Ok(row) => row,
            Err(bad) => {
                summary.rows += 1;
                record_failure(
                    &mut summary,
                    &mut failures,
                    observer,
                    &engine.source,
                    bad.into(),
                )?;
                continue;
            }
        };
        summary.rows += 1;
        let checked = engine.row_request(&row, &cosigner_base).and_then(|checked| {
            let kind = checked.request.fields.get(COSIGNER_KIND).map_or("", String::as_str);
            match organization_kind(kind) {
                Some(organization) => Ok((checked, organization)),
                None => Err(Error::invalid(
                    &Source::Cell {
                        file: engine.source.clone(),
                        row: row.row,
                        column: COSIGNER_KIND.to_string(),
                    },
                    format!("`{kind}` is neither `organization` nor `individual` (a blank cell signs as an individual)"),
                )),
            }
        });
        match checked {
            Ok((checked, organization)) => {
                for warning in &checked.warnings {
                    observer.warn(warning);
                }
                let own = &checked.request.sender;
                let line = [
                    own.name.as_str(),
                    own.title.as_str(),
                    own.organization.as_str(),
                ]
                .iter()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
                let key = line.to_lowercase();
                if seen.insert(key) {
                    cosigners.push(Cosigner { line, organization });
                    summary.signers += 1;
                } else {
                    summary.duplicates += 1;
                }
            }
            Err(error) => {
                record_failure(
                    &mut summary,
                    &mut failures,
                    observer,
                    &engine.source,
                    Failure::of(&row, &error),
                )?;
            }
        }
    }
    for recipient in engine.planner.recipients(&request.letter.recipients)? {
        let mut warnings = Vec::new();
        let mut draft = engine
            .planner
            .draft(&recipient, &request.letter, &mut warnings)?;
        for warning in warnings {
            observer.warn(&warning);
        }
        draft.cosigners.clone_from(&cosigners);
        // A sign-on letter speaks as "we", with its co-signers, unless --voice says otherwise.
        if request.letter.voice.is_none() {
            draft.voice = Voice::SignOn;
        }
        let letter = engine.composer.compose(&draft)?;
        let bytes = render::render(&letter, &request.render)?;
        let file = naming::letter(
            &request.letter.template,
            &recipient,
            letter.language,
            request.render.format.extension(),
        );
        let recipient_id = recipient.clone();
        let entry = manifest::Entry {
            campaign: request.letter.template.clone(),
            row: 0,
            signer: request.letter.sender.name.clone(),
            signer_email: Some(request.letter.sender.email.clone()).filter(|e| !e.is_empty()),
            recipient,
            language: letter.language,
            file: file.clone(),
            bytes: bytes.len() as u64,
            sha256: manifest::sha256(&bytes),
            cosigners: cosigners.len(),
            time: sink::timestamp(),
        };
        if let Some(manifest) = &mut manifest {
            sink::write_atomic(&request.out_dir.join(&file), &bytes)?;
            manifest.append(&entry)?;
        }
        summary.wrote(&recipient_id, letter.language);
        observer.letters_done(1, 0);
    }
    if let Some(manifest) = &mut manifest {
        manifest.sync()?;
        summary.manifest_file = Some(request.out_dir.join(manifest::FILE));
    }
    if failures.count() > 0 {
        summary.failures_file = Some(failures.path().to_path_buf());
    }
    failures.finish()?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}
