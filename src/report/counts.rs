//! Counting, per campaign: letters written (each letter file once, however often its
//! batch was resumed: the manifest's last line about a file is the one that counts, and
//! a letter a killed run wrote without recording it is not counted, since `--resume`
//! writes it again), by recipient, language and day; signers, each once (by email
//! address, else by name); failed rows, from each batch's last whole run; and emails,
//! each message once (by Message-ID, over every ledger), by where its last record leaves
//! it. Test messages (`letters send --test-to`) are counted apart.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Local};
use serde::Serialize;

use super::sources::Sources;
use crate::batch::{manifest, summary};
use crate::error::Result;
use crate::send::{Outcome, Record};
use crate::sink::Journal;

/// Letters written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Letters {
    pub written: usize,
    pub by_recipient: BTreeMap<String, usize>,
    pub by_language: BTreeMap<String, usize>,
    /// By the day they were written (`YYYY-MM-DD`, where they were written).
    pub by_day: BTreeMap<String, usize>,
}

/// Email messages, each once, by where the ledgers leave it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Emails {
    /// Messages the ledgers know of (tests apart).
    pub messages: usize,
    pub accepted: usize,
    /// Accepted for some recipients, refused for others.
    pub partial: usize,
    pub rejected: usize,
    pub deferred: usize,
    /// Cut short by a stop: they may or may not have arrived.
    pub uncertain: usize,
    /// Messages sent as tests only (`--test-to`).
    pub tests: usize,
    pub accepted_by_recipient: BTreeMap<String, usize>,
    pub accepted_by_day: BTreeMap<String, usize>,
}

/// What one campaign produced and delivered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Campaign {
    /// The campaign (template id); `null` for records that do not say.
    pub campaign: Option<String>,
    pub letters: Letters,
    /// Signers, each once.
    pub signers: usize,
    /// The co-signers of the longest sign-on letter.
    pub cosigners: usize,
    pub failed_rows: usize,
    pub emails: Emails,
}

/// Where the counts of one campaign grow.
#[derive(Default)]
struct Tally {
    campaign: Campaign,
    signers: HashSet<String>,
    /// Signers of combined batches, which record no one by name.
    unnamed_signers: usize,
}

impl Tally {
    fn finish(mut self) -> Campaign {
        self.campaign.signers = self.signers.len() + self.unnamed_signers;
        self.campaign
    }
}

/// Every campaign's tally, and the totals over all of them.
#[derive(Default)]
struct Tallies {
    by_campaign: BTreeMap<Option<String>, Tally>,
    total: Tally,
}

impl Tallies {
    /// Calls `add` on the campaign's tally and on the totals.
    fn add(&mut self, campaign: &Option<String>, mut add: impl FnMut(&mut Tally)) {
        add(self.by_campaign.entry(campaign.clone()).or_default());
        add(&mut self.total);
    }
}

fn bump(map: &mut BTreeMap<String, usize>, key: &str, by: usize) {
    *map.entry(key.to_string()).or_default() += by;
}

/// The day a time stamp names, as written (where it was stamped).
fn day_of(time: &str) -> Option<String> {
    DateTime::parse_from_rfc3339(time)
        .ok()
        .map(|t| t.date_naive().to_string())
}

/// The day a file was last written, here: the day of a letter from a manifest written
/// before letters were stamped.
fn file_day(path: &Path) -> Option<String> {
    let modified = std::fs::metadata(path).ok()?.modified().ok()?;
    Some(DateTime::<Local>::from(modified).date_naive().to_string())
}

/// Who a signer is, for counting each once: the email address, else the name.
fn signer_key(entry: &manifest::Entry) -> String {
    match entry.signer_email.as_deref().map(str::trim) {
        Some(email) if !email.is_empty() => format!("email:{}", email.to_lowercase()),
        _ => format!(
            "name:{}",
            entry
                .signer
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        ),
    }
}

fn campaign_of(text: &str) -> Option<String> {
    Some(text.trim().to_string()).filter(|c| !c.is_empty())
}

/// What a report could not read, or read in part, to warn about.
pub type Warnings = Vec<String>;

/// The letters of the manifests, each file once; returns where each letter is, for
/// ledgers that do not name their campaign.
fn count_letters(
    sources: &Sources,
    summaries: &HashMap<PathBuf, summary::Document>,
    tallies: &mut Tallies,
    warnings: &mut Warnings,
) -> Result<HashMap<PathBuf, manifest::Entry>> {
    let mut letters: HashMap<PathBuf, manifest::Entry> = HashMap::new();
    for path in &sources.manifests {
        let replay = Journal::read::<manifest::Entry>(path)?;
        if let Some(warning) = replay.warning(path, "the letter it described is not counted") {
            warnings.push(warning);
        }
        let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        let fallback = summaries
            .get(&dir)
            .map(|s| s.campaign.clone())
            .unwrap_or_default();
        for mut entry in replay.records {
            if entry.campaign.is_empty() {
                entry.campaign.clone_from(&fallback);
            }
            // The last line about a file is the letter on disk.
            letters.insert(dir.join(&entry.file), entry);
        }
    }
    for (file, entry) in &letters {
        let campaign = campaign_of(&entry.campaign);
        let day = day_of(&entry.time)
            .or_else(|| file_day(file))
            .unwrap_or_else(|| "unknown".to_string());
        let key = signer_key(entry);
        tallies.add(&campaign, |tally| {
            let letters = &mut tally.campaign.letters;
            letters.written += 1;
            bump(&mut letters.by_recipient, &entry.recipient, 1);
            bump(&mut letters.by_language, &entry.language.to_string(), 1);
            bump(&mut letters.by_day, &day, 1);
            tally.signers.insert(key.clone());
            tally.campaign.cosigners = tally.campaign.cosigners.max(entry.cosigners);
        });
    }
    Ok(letters)
}

/// Failed rows from every batch's summary, and the letters of combined batches (which
/// have no manifest).
fn count_summaries(
    summaries: &HashMap<PathBuf, summary::Document>,
    manifest_dirs: &HashSet<PathBuf>,
    tallies: &mut Tallies,
) {
    let mut dirs: Vec<&PathBuf> = summaries.keys().collect();
    dirs.sort();
    for dir in dirs {
        let document = &summaries[dir];
        let campaign = campaign_of(&document.campaign);
        let combined = !manifest_dirs.contains(dir.as_path());
        let day = day_of(&document.finished).unwrap_or_else(|| "unknown".to_string());
        tallies.add(&campaign, |tally| {
            tally.campaign.failed_rows += document.failed_rows;
            if combined {
                let letters = &mut tally.campaign.letters;
                letters.written += document.letters.written;
                for (recipient, n) in &document.letters.by_recipient {
                    bump(&mut letters.by_recipient, recipient, *n);
                }
                for (language, n) in &document.letters.by_language {
                    bump(&mut letters.by_language, language, *n);
                }
                if document.letters.written > 0 {
                    bump(&mut letters.by_day, &day, document.letters.written);
                }
                tally.unnamed_signers += document.signers;
            }
        });
    }
}

/// Where one message stands over every ledger.
#[derive(Default)]
struct Message {
    /// The time and outcome of its last record that is not a test.
    last: Option<(Option<DateTime<FixedOffset>>, Outcome, bool)>,
    accepted_day: Option<String>,
    campaign: String,
    recipient: String,
    tested: bool,
}

/// The emails of the ledgers, each message once.
fn count_emails(
    sources: &Sources,
    letters: &HashMap<PathBuf, manifest::Entry>,
    tallies: &mut Tallies,
    warnings: &mut Warnings,
) -> Result<()> {
    let mut messages: BTreeMap<String, Message> = BTreeMap::new();
    for path in &sources.ledgers {
        let replay = Journal::read::<Record>(path)?;
        if let Some(warning) = replay.warning(path, "the message keeps its last whole record") {
            warnings.push(warning);
        }
        let dir = path.parent().unwrap_or(Path::new("."));
        for record in replay.records {
            let message = messages.entry(record.message_id.clone()).or_default();
            // A ledger written before letters were named: the manifest beside it knows.
            let letter = (record.campaign.is_empty() || record.recipient.is_empty())
                .then(|| source_file(&record.source))
                .flatten()
                .and_then(|file| letters.get(&dir.join(file)));
            let campaign = match letter {
                Some(entry) if record.campaign.is_empty() => entry.campaign.clone(),
                _ => record.campaign.clone(),
            };
            let recipient = match letter {
                Some(entry) if record.recipient.is_empty() => entry.recipient.clone(),
                _ => record.recipient.clone(),
            };
            if !campaign.is_empty() {
                message.campaign = campaign;
            }
            if !recipient.is_empty() {
                message.recipient = recipient;
            }
            if record.test {
                message.tested = true;
                continue;
            }
            let time = DateTime::parse_from_rfc3339(&record.time).ok();
            let later = match &message.last {
                Some((Some(last), _, _)) => time.is_none_or(|t| t >= *last),
                _ => true,
            };
            if later {
                let partial = !record.refused.is_empty();
                message.last = Some((time, record.outcome, partial));
                if record.outcome == Outcome::Accepted {
                    message.accepted_day = day_of(&record.time);
                }
            }
        }
    }
    for message in messages.values() {
        let campaign = campaign_of(&message.campaign);
        tallies.add(&campaign, |tally| {
            let emails = &mut tally.campaign.emails;
            let Some((_, outcome, partial)) = message.last else {
                if message.tested {
                    emails.tests += 1;
                }
                return;
            };
            emails.messages += 1;
            match outcome {
                Outcome::Accepted => {
                    if partial {
                        emails.partial += 1;
                    } else {
                        emails.accepted += 1;
                    }
                    let recipient = if message.recipient.is_empty() {
                        "unknown"
                    } else {
                        &message.recipient
                    };
                    bump(&mut emails.accepted_by_recipient, recipient, 1);
                    let day = message.accepted_day.as_deref().unwrap_or("unknown");
                    bump(&mut emails.accepted_by_day, day, 1);
                }
                Outcome::Rejected => emails.rejected += 1,
                Outcome::Deferred => emails.deferred += 1,
                Outcome::Attempting => emails.uncertain += 1,
            }
        });
    }
    Ok(())
}

/// The file name of a message's source (`out/x.eml`; an mbox's `out/x.mbox:3` has none
/// of its own).
fn source_file(source: &str) -> Option<&str> {
    let name = source.rsplit(['/', '\\']).next()?;
    name.ends_with(".eml").then_some(name)
}

/// Every campaign's counts, and the totals over all of them.
pub fn count(sources: &Sources) -> Result<(Vec<Campaign>, Campaign, Warnings)> {
    let mut warnings = Warnings::new();
    let mut summaries = HashMap::new();
    for path in &sources.summaries {
        match summary::read(path) {
            Some(document) => {
                let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
                summaries.insert(dir, document);
            }
            None => warnings.push(format!(
                "{}: not a batch summary; its failed rows are not counted",
                path.display()
            )),
        }
    }
    let manifest_dirs: HashSet<PathBuf> = sources
        .manifests
        .iter()
        .filter_map(|p| p.parent().map(Path::to_path_buf))
        .collect();
    let mut tallies = Tallies::default();
    let letters = count_letters(sources, &summaries, &mut tallies, &mut warnings)?;
    count_summaries(&summaries, &manifest_dirs, &mut tallies);
    count_emails(sources, &letters, &mut tallies, &mut warnings)?;
    let mut campaigns: Vec<Campaign> = Vec::new();
    let mut unknown = None;
    for (name, tally) in tallies.by_campaign {
        let mut campaign = tally.finish();
        campaign.campaign.clone_from(&name);
        match name {
            Some(_) => campaigns.push(campaign),
            None => unknown = Some(campaign),
        }
    }
    campaigns.extend(unknown);
    Ok((campaigns, tallies.total.finish(), warnings))
}
