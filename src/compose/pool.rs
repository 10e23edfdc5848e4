//! Template contexts kept between letters. A batch writes many letters to the same
//! recipient in the same language: their context is built once, and only the signer's
//! values (sender, own words, fields) are written over for each letter.

use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use handlebars::Context;

use super::context;
use crate::draft::Draft;
use crate::model::{Language, Recipient, Template};

/// The most contexts kept idle: a few recipients and languages for each worker thread.
const KEPT: usize = 64;

/// What the shared part of a context was built from.
struct Key {
    template: Arc<Template>,
    recipient: Arc<Recipient>,
    language: Language,
    date: NaiveDate,
    /// Each demand's id and text in the letter's language.
    demands: Vec<(String, String)>,
}

impl Key {
    fn of(draft: &Draft) -> Key {
        Key {
            template: Arc::clone(&draft.template),
            recipient: Arc::clone(&draft.recipient),
            language: draft.language,
            date: draft.date,
            demands: draft
                .demands
                .iter()
                .map(|d| {
                    (
                        d.id.clone(),
                        d.text.get_or_empty(draft.language).to_string(),
                    )
                })
                .collect(),
        }
    }

    /// Whether a context built for this key is right for `draft` (the same template and
    /// recipient records, not merely equal ones).
    fn fits(&self, draft: &Draft) -> bool {
        Arc::ptr_eq(&self.template, &draft.template)
            && Arc::ptr_eq(&self.recipient, &draft.recipient)
            && self.language == draft.language
            && self.date == draft.date
            && self.demands.len() == draft.demands.len()
            && self
                .demands
                .iter()
                .zip(&draft.demands)
                .all(|((id, text), demand)| {
                    *id == demand.id && text == demand.text.get_or_empty(draft.language)
                })
    }
}

/// A context and what its shared part was built from.
struct Kept {
    key: Key,
    context: Context,
}

/// Idle contexts, shared by the threads composing letters.
#[derive(Default)]
pub struct ContextPool {
    idle: Mutex<Vec<Kept>>,
}

impl ContextPool {
    /// Calls `render` with the template context of `draft`.
    pub fn with<R>(&self, draft: &Draft, render: impl FnOnce(&Context) -> R) -> R {
        let mut kept = self.take(draft).unwrap_or_else(|| Kept {
            key: Key::of(draft),
            context: Context::from(context::build_fixed(draft)),
        });
        context::set_signer(kept.context.data_mut(), draft);
        let result = render(&kept.context);
        if let Ok(mut idle) = self.idle.lock() {
            if idle.len() < KEPT {
                idle.push(kept);
            }
        }
        result
    }

    fn take(&self, draft: &Draft) -> Option<Kept> {
        let mut idle = self.idle.lock().ok()?;
        let index = idle.iter().rposition(|kept| kept.key.fits(draft))?;
        Some(idle.swap_remove(index))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::collections::BTreeMap;

    use super::*;
    use crate::load::{bundled, Recipients, Templates};
    use crate::model::Sender;

    fn draft(
        template: &Arc<Template>,
        recipient: &Arc<Recipient>,
        language: Language,
        sender: &str,
        fields: &[(&str, &str)],
    ) -> Draft {
        Draft {
            template: Arc::clone(template),
            language,
            recipient: Arc::clone(recipient),
            sender: Sender {
                name: sender.to_string(),
                organization: format!("{sender} & Co."),
                ..Sender::default()
            },
            demands: template.meta.demands.clone(),
            own_words: Some(format!("{sender} says so.")).filter(|_| sender.len() > 3),
            own_words_language: None,
            date: NaiveDate::from_ymd_opt(2024, 8, 20).unwrap(),
            fields: fields
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<BTreeMap<_, _>>(),
            cosigners: Vec::new(),
            signature: None,
            voice: crate::model::Voice::of_signer(&format!("{sender} & Co.")),
            convention: crate::model::locale::Convention::for_letter(language, &recipient.country),
            holder: recipient.holder_index_on(NaiveDate::from_ymd_opt(2024, 8, 20).unwrap()),
        }
    }

    #[test]
    fn a_kept_context_is_the_same_as_a_new_one() {
        let templates = Templates::from_bundled(&bundled::TEMPLATES, bundled::PREFIX);
        let template = Arc::new(templates.get("detention-urgent-action").unwrap().clone());
        let records = Recipients::parse("recipients.toml", bundled::RECIPIENTS).unwrap();
        let general = Arc::new(records.get("ve-attorney-general").unwrap().clone());
        let mission = Arc::new(records.get("ve-un-mission").unwrap().clone());
        let drafts = [
            draft(
                &template,
                &general,
                Language::ES,
                "Ana",
                &[("city", "Mérida")],
            ),
            draft(
                &template,
                &general,
                Language::ES,
                "Bea",
                &[("city", "Coro")],
            ),
            draft(&template, &mission, Language::EN, "Carla", &[]),
            draft(
                &template,
                &general,
                Language::ES,
                "Dora",
                &[("a", "1"), ("city", "")],
            ),
            draft(
                &template,
                &general,
                Language::EN,
                "Eva",
                &[("city", "Caracas")],
            ),
            draft(
                &template,
                &general,
                Language::ES,
                "Flor",
                &[("city", "Mérida")],
            ),
        ];
        let pool = ContextPool::default();
        for draft in drafts.iter().chain(&drafts) {
            let mut fresh = context::build_fixed(draft);
            context::set_signer(&mut fresh, draft);
            let kept = pool.with(draft, |context| context.data().clone());
            assert_eq!(kept, fresh, "{}", draft.sender.name);
        }
    }
}
