//! Properties that must hold for any input: wrapping never loses, reorders or splits
//! text; slugs are safe and unique; shards partition the rows; Markdown escaping gives
//! back what was escaped; the mojibake repair leaves clean text alone.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use letters::batch::shard::Shard;
use letters::compose::{markdown_escape, parse_markdown};
use letters::letter::naming::{batch_letter, slug};
use letters::letter::{Block, Inline};
use letters::render::text::wrap;
use letters::text::mojibake;
use proptest::prelude::*;

/// Words as people type them: letters with accents, punctuation, digits, dashes.
fn word() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9áéíóúñÑüÜ¿¡«»“”’—–.,;:!?()'\"&*_\\[\\]<>#-]{1,18}"
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 0..60).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn wrapping_keeps_every_word_in_order_within_the_width(text in text(), width in 20usize..100) {
        let lines = wrap(&text, width, "", "");
        let words: Vec<&str> = text.split_whitespace().collect();
        let wrapped: Vec<&str> = lines.iter().flat_map(|l| l.split_whitespace()).collect();
        prop_assert_eq!(&wrapped, &words);
        for line in &lines {
            let fits = line.chars().count() <= width;
            prop_assert!(fits || !line.trim().contains(' '), "line over {}: {:?}", width, line);
        }
    }

    #[test]
    fn hanging_indents_are_kept(text in text(), width in 20usize..100) {
        let lines = wrap(&text, width, "1. ", "   ");
        for line in lines.iter().skip(1) {
            prop_assert!(line.starts_with("   "));
        }
    }

    #[test]
    fn slugs_are_safe(name in any::<String>()) {
        let s = slug(&name);
        prop_assert!(!s.is_empty() && s.len() <= 40);
        prop_assert!(s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
        prop_assert!(!s.starts_with('-') && !s.ends_with('-') && !s.contains(".."));
    }

    #[test]
    fn file_names_are_unique_per_row_and_recipient(
        a in any::<String>(), b in any::<String>(), row_a in 1usize..100_000, row_b in 1usize..100_000,
    ) {
        let x = batch_letter(row_a, &a, "ve-un-mission", "pdf");
        let y = batch_letter(row_b, &b, "ve-un-mission", "pdf");
        prop_assert_eq!(x == y, row_a == row_b && slug(&a) == slug(&b));
        prop_assert!(!x.contains('/') && !x.contains('\\') && !x.starts_with('.'));
    }

    #[test]
    fn shards_partition_any_row_count(count in 1usize..64, rows in 0usize..5_000) {
        let mut owners = vec![0u8; rows + 1];
        for index in 1..=count {
            let shard = Shard { index, count };
            for (row, owner) in owners.iter_mut().enumerate().skip(1) {
                if shard.contains(row) {
                    *owner += 1;
                }
            }
        }
        prop_assert!(owners.iter().skip(1).all(|&n| n == 1));
    }

    #[test]
    fn markdown_escaping_round_trips(value in "[^\\n\\r\\t]{1,80}") {
        let value = value.trim().to_string();
        prop_assume!(!value.is_empty());
        let parsed = parse_markdown(&markdown_escape(&value)).unwrap();
        let text: String = match parsed.blocks.as_slice() {
            [Block::Paragraph { content, .. }] => content
                .iter()
                .map(|i| match i {
                    Inline::Text {
                        text, bold, italic, ..
                    } => {
                        assert!(!bold && !italic);
                        text.clone()
                    }
                    other => panic!("unexpected {other:?}"),
                })
                .collect(),
            other => panic!("not one paragraph: {other:?}"),
        };
        // Markdown folds runs of spaces inside a paragraph only at its ends.
        prop_assert_eq!(text, value);
    }

    #[test]
    fn mojibake_repair_leaves_clean_spanish_and_english_alone(text in text()) {
        prop_assert_eq!(mojibake::repair(&text), None);
    }

    #[test]
    fn mojibake_repair_undoes_windows_1252_damage(text in text()) {
        let (bytes, _, _) = encoding_rs::UTF_8.encode(&text);
        let (damaged, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
        if damaged != text {
            let repaired = mojibake::repair(&damaged);
            prop_assert_eq!(repaired.as_deref(), Some(text.as_str()));
        }
    }
}
