//! The output directory of a batch: made ready (a batch already there refused unless
//! resuming, temporary files a killed run left removed), its manifest opened, and the
//! error that stops a batch when a file cannot be written.

use std::path::Path;

use super::{manifest, BatchRequest, Observer};
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::letter::naming;
use crate::sink::target::{self, Existing};

/// The error of a batch stopped by an output `error` (a full disk, a refused path): it
/// says what was kept and how to finish. Other errors are returned as they are.
pub fn stopped(error: Error, recorded: Option<usize>, resumable: bool) -> Error {
    if error.exit_code() != Exit::Output || matches!(error, Error::BatchStopped { .. }) {
        return error;
    }
    Error::BatchStopped {
        source: Box::new(error),
        recorded: recorded.filter(|_| resumable),
        resumable,
    }
}

/// Removes temporary files a killed run left behind.
fn remove_leftovers(dir: &Path) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::read(dir, e))?;
    for entry in entries.flatten() {
        if naming::is_temp(&entry.file_name().to_string_lossy()) {
            std::fs::remove_file(entry.path()).map_err(|e| Error::write(&entry.path(), e))?;
        }
    }
    Ok(())
}

/// Prepares the output directory: refuses to mix with an earlier batch unless resuming.
/// A dry run only says whether it would refuse.
pub fn prepare(request: &BatchRequest) -> Result<()> {
    let dir = &request.out_dir;
    if !request.dry_run {
        std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
    }
    let manifest_path = dir.join(manifest::FILE);
    let exists = target::inspect(&manifest_path)? != Existing::Nothing;
    if exists && !request.resume {
        return Err(Error::data(
            dir.display().to_string(),
            format!(
                "this directory already holds a batch ({}): pass --resume to finish it without writing anything twice, or choose another directory",
                manifest::FILE
            ),
        ));
    }
    if request.dry_run {
        return Ok(());
    }
    remove_leftovers(dir)
}

/// The letters an earlier run recorded, read without changing anything (a dry run).
pub fn read_manifest(
    request: &BatchRequest,
    observer: &dyn Observer,
) -> Result<manifest::Previous> {
    if !request.resume {
        return Ok(manifest::Previous::new());
    }
    let path = request.out_dir.join(manifest::FILE);
    let replay = crate::sink::Journal::read::<manifest::Entry>(&path)?;
    if let Some(warning) = replay.warning(&path, "the letter it described would be written again") {
        observer.warn(&warning);
    }
    Ok(replay
        .records
        .into_iter()
        .map(|entry| (entry.file.clone(), entry))
        .collect())
}

/// Opens the manifest, with the letters an earlier run recorded when resuming.
pub fn open_manifest(
    request: &BatchRequest,
    observer: &dyn Observer,
) -> Result<(manifest::Writer, manifest::Previous)> {
    let path = request.out_dir.join(manifest::FILE);
    let (writer, previous, warning) = manifest::Writer::open(&path)?;
    if let Some(warning) = warning {
        observer.warn(&warning);
    }
    Ok((writer, previous))
}
