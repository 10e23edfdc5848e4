//! The paragraphs of a letter that hold the signer's own words written in another
//! language than the letter's: each paragraph of the body whose text is part of the own
//! words says which language it is in, so a screen reader reads it in that language's
//! voice and a spell checker does not mark every word.

use crate::letter::{Block, Inline};
use crate::model::Language;

/// Marks with `language` every paragraph of `blocks` (list entries included) whose text
/// is part of `own_words`.
pub fn mark(blocks: &mut [Block], own_words: &str, language: Language) {
    let own = words(own_words);
    if own.is_empty() {
        return;
    }
    mark_in(blocks, &own, language);
}

fn mark_in(blocks: &mut [Block], own: &str, language: Language) {
    for block in blocks {
        match block {
            Block::Paragraph { content, lang } => {
                let text = words(&plain_text(content));
                if text.chars().any(char::is_alphabetic) && own.contains(&text) {
                    *lang = Some(language);
                }
            }
            Block::Heading { .. } => {}
            Block::OrderedList { items, .. } | Block::BulletList { items } => {
                for item in items {
                    mark_in(item, own, language);
                }
            }
        }
    }
}

/// The text of `content` as it reads: its words, a line break as a space, without the
/// footnote numbers.
fn plain_text(content: &[Inline]) -> String {
    let mut text = String::new();
    for inline in content {
        match inline {
            Inline::Text { text: run, .. } => text.push_str(run),
            Inline::LineBreak => text.push(' '),
            Inline::FootnoteRef { .. } => {}
        }
    }
    text
}

/// `text`'s words separated by single spaces.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> Block {
        Block::Paragraph {
            content: vec![Inline::plain(text)],
            lang: None,
        }
    }

    fn lang_of(block: &Block) -> Option<Language> {
        match block {
            Block::Paragraph { lang, .. } => *lang,
            _ => None,
        }
    }

    #[test]
    fn only_the_paragraphs_of_the_own_words_are_marked() {
        let own = "Mi primo fue detenido en Caracas.\n\nDesde entonces   no sabemos nada.";
        let mut blocks = vec![
            paragraph("I write about the detention of my cousin."),
            paragraph("Mi primo fue detenido en Caracas."),
            paragraph("Desde entonces\nno sabemos nada."),
            Block::BulletList {
                items: vec![vec![paragraph("Release him.")]],
            },
        ];
        mark(&mut blocks, own, Language::ES);
        let marked: Vec<Option<Language>> = blocks.iter().map(lang_of).collect();
        assert_eq!(marked, [None, Some(Language::ES), Some(Language::ES), None]);
    }

    #[test]
    fn a_paragraph_without_words_is_left_alone() {
        let mut blocks = vec![Block::Paragraph {
            content: vec![Inline::FootnoteRef { number: 1 }],
            lang: None,
        }];
        mark(
            &mut blocks,
            "Mi primo fue detenido en Caracas.",
            Language::ES,
        );
        assert_eq!(lang_of(&blocks[0]), None);
    }
}
