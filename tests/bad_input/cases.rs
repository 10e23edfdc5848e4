//! The catalogue of bad input, one row a case: its name (and snapshot's), the files the
//! directory holds, the command line, and the exit code it must end with. What a row
//! leaves out is as in `Case::PLAIN`: nothing prepared, no files, standard input closed,
//! standard error compared with the snapshot.
//!
//! A new case is a new row. Run it alone with `BAD_INPUT=<its name> cargo test --test
//! bad_input catalogue`; the first time, insta writes the snapshot it found to
//! `snapshots/bad_input__<name>.snap.new`: read it as a user would, then accept it
//! (`cargo insta review`, or rename the file).

use super::Content::{Bytes, Made, Text};
use super::{fixture, png_bomb, signers, Case, Check, Content, Setup, Shown};

/// The body and the settings of a campaign in the workspace `ws/` (Setup::Workspace).
const BODY: &str = "ws/letter-templates/election-integrity/en.md.hbs";
const META: &str = "ws/letter-templates/election-integrity/template.toml";

/// A recipient, a template for it and that template's body, where the recipient has an
/// email address but no postal address.
pub(super) const NO_ADDRESS: [(&str, Content); 3] = [
    (
        "r.toml",
        Text("[ve-x]\noffice = \"O\"\nlanguages = [\"es\"]\nverified = 2026-01-01\ncountry = \"VE\"\nemail = \"fiscal@example.org\"\nsalutation = \"Señor Fiscal:\"\n"),
    ),
    (
        "t/x/template.toml",
        Text("name = \"N\"\nsubject = \"S\"\nlanguages = [\"es\"]\nrecipients = [\"ve-x\"]\n"),
    ),
    ("t/x/es.md.hbs", Text("Cuerpo.\n")),
];

/// A recipient whose street line is wider than any envelope window.
const WIDE_ADDRESS: [(&str, Content); 3] = [
    (
        "r.toml",
        Text("[ve-x]\noffice = \"O\"\nlanguages = [\"es\"]\nverified = 2026-01-01\ncountry = \"VE\"\naddress = [\"Esquinas de Misericordia a Pele El Ojo, Avenida México, frente a la plaza mayor\", \"Caracas\"]\nsalutation = \"Señor Fiscal:\"\n"),
    ),
    (
        "t/x/template.toml",
        Text("name = \"N\"\nsubject = \"S\"\nlanguages = [\"es\"]\nrecipients = [\"ve-x\"]\n"),
    ),
    ("t/x/es.md.hbs", Text("Cuerpo.\n")),
];

/// A locale file that adds Italian.
const ITALIAN: &str = "language = \"it\"
name = \"italiano\"
date = \"long\"
quotes = [\"«\", \"»\"]

[labels]
subject = \"Oggetto:\"
page = \"Pagina {page} di {total}\"
cosigned-by = \"Hanno firmato anche:\"
organizations = \"Organizzazioni\"
individuals = \"A titolo individuale\"
enclosures = \"Allegati:\"
cc = \"Per conoscenza:\"
signature = \"Firma di {name}\"

[[convention]]
code = \"it\"
salutation-end = \",\"
fallback-salutation = \"Gentili Signore e Signori\"
closing = \"Distinti saluti,\"
";

/// A font file: the bundled face.
fn fixture_font() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fonts/LiberationSerif-Bold.ttf"
    ))
    .unwrap_or_default()
}

/// The signature fixture, a JPEG.
fn jpeg() -> Vec<u8> {
    fixture("signature.jpg")
}

/// 33 nested blocks, one a line: refused before Handlebars parses them (its parser takes
/// minutes over a few thousand levels, and recurses once per level).
fn blocks_too_deep() -> Vec<u8> {
    format!(
        "Body.\n\n{}x\n{}",
        "{{#if own_words}}\n".repeat(33),
        "{{/if}}\n".repeat(33)
    )
    .into()
}

/// Three `{{#each}}` levels are allowed; a long paragraph repeated 125 times passes 1 MiB
/// and rendering stops there.
fn letter_too_long() -> Vec<u8> {
    format!(
        "Body.\n\n{{{{#each demands}}}}{{{{#each ../demands}}}}{{{{#each ../../demands}}}}\n{}\n{{{{/each}}}}{{{{/each}}}}{{{{/each}}}}\n",
        "x".repeat(8500)
    )
    .into()
}

/// A body of 3,200 lines, past the size a body may have.
fn body_too_large() -> Vec<u8> {
    "A long line of text.\n".repeat(3200).into()
}

pub(super) static CASES: &[Case] = &[
    // Data files.
    Case {
        name: "recipients-not-utf8",
        files: &[("r.toml", Bytes(b"[ve-x]\noffice = \"Fiscal\xeda\"\n"))],
        args: "--recipients r.toml recipients list",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "recipients-missing-file",
        args: "--recipients nope.toml recipients list",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "recipient-without-languages",
        files: &[(
            "r.toml",
            Text("[ve-x]\noffice = \"O\"\ncountry = \"VE\"\nlanguages = []\nverified = 2026-01-01\n"),
        )],
        args: "--recipients r.toml recipients list",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "recipient-bad-verified-date",
        files: &[(
            "r.toml",
            Text("[ve-x]\noffice = \"O\"\ncountry = \"VE\"\nlanguages = [\"es\"]\nverified = \"yesterday\"\n"),
        )],
        args: "--recipients r.toml recipients list",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "recipient-unknown-language",
        files: &[(
            "r.toml",
            Text("[ve-x]\noffice = \"O\"\ncountry = \"VE\"\nlanguages = [\"de\"]\nverified = 2026-01-01\n"),
        )],
        args: "--recipients r.toml recipients list",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "workspace-settings-unknown-key",
        files: &[("letters.toml", Text("[sender]\nnmae = \"Ana\"\n"))],
        args: "recipients list",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "workspace-settings-unknown-pdf-standard",
        files: &[("letters.toml", Text("[pdf]\npdf-standard = \"pdf-a\"\n"))],
        args: "recipients list",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "recipients-duplicate-key",
        files: &[(
            "r.toml",
            Text("[ve-x]\noffice = \"O\"\ncountry = \"VE\"\nlanguages = [\"es\"]\nverified = 2026-01-01\noffice = \"Again\"\n"),
        )],
        args: "--recipients r.toml recipients list",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "recipients-duplicate-record",
        files: &[(
            "r.toml",
            Text("[ve-x]\noffice = \"O\"\ncountry = \"VE\"\nlanguages = [\"es\"]\nverified = 2026-01-01\n\n[ve-x]\noffice = \"O\"\ncountry = \"VE\"\nlanguages = [\"es\"]\nverified = 2026-01-01\n"),
        )],
        args: "--recipients r.toml recipients list",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "recipients-bad-id",
        files: &[(
            "r.toml",
            Text("[Ve_X]\noffice = \"O\"\ncountry = \"VE\"\nlanguages = [\"es\"]\nverified = 2026-01-01\n"),
        )],
        args: "--recipients r.toml recipients list",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "recipients-not-toml",
        files: &[("r.toml", Text("Fiscal General, Caracas\n"))],
        args: "--recipients r.toml recipients list",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "recipient-control-character",
        files: &[(
            "r.toml",
            Text("[ve-x]\noffice = \"Fiscal\\u001b[31m\"\ncountry = \"VE\"\nlanguages = [\"es\"]\nverified = 2026-01-01\n"),
        )],
        args: "--recipients r.toml recipients list",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "recipient-blank-address-line",
        files: &[(
            "r.toml",
            Text("[ve-x]\noffice = \"O\"\nlanguages = [\"es\"]\nverified = 2026-01-01\ncountry = \"VE\"\naddress = [\"Av. Urdaneta\", \"\", \"Caracas\"]\n"),
        )],
        args: "--recipients r.toml recipients list",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "recipient-country-name",
        files: &[(
            "r.toml",
            Text("[ve-x]\noffice = \"O\"\nlanguages = [\"es\"]\nverified = 2026-01-01\ncountry = \"Venezuela\"\n"),
        )],
        args: "--recipients r.toml recipients list",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "recipient-country-unknown",
        files: &[(
            "r.toml",
            Text("[ve-x]\noffice = \"O\"\nlanguages = [\"es\"]\nverified = 2026-01-01\ncountry = \"XX\"\n"),
        )],
        args: "--recipients r.toml recipients list",
        code: 2,
        ..Case::PLAIN
    },
    // Changes to the user's own copy of the recipient records: refused whole, nothing
    // written.
    Case {
        name: "recipients-update-bad-date",
        args: "recipients update us-secretary-of-state --name 'Jane Doe' --since 2026-02-30",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "recipients-update-unknown-id",
        args: "recipients update us-secretary-of-stat --name 'Jane Doe' --since 2026-01-01",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "recipients-update-before-the-holder",
        args: "recipients update us-secretary-of-state --name 'Jane Doe' --since 2024-01-01",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "recipients-verify-future-date",
        args: "recipients verify ve-un-mission --date 2027-01-01",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "recipients-import-bad-date",
        files: &[(
            "offices.csv",
            Text("id,office,name,since\nve-un-mission,,Luis Mora,2026-13-01\n"),
        )],
        args: "recipients import offices.csv --write",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "recipients-import-unknown-column",
        files: &[("offices.csv", Text("id,office,colour\nve-x,O,red\n"))],
        args: "recipients import offices.csv",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "recipients-import-unknown-language",
        files: &[(
            "offices.csv",
            Text("id,office,languages,country,address,salutation,name,since,verified\nve-z,Z,xx,VE,Caracas,Señor:,N,2026-01-01,2026-01-01\n"),
        )],
        args: "recipients import offices.csv",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "recipients-import-broken-json-line",
        files: &[(
            "offices.jsonl",
            Text("{\"id\":\"ve-x\",\"office\":\"O\"}\n{\"id\": \"ve-y\", office}\n"),
        )],
        args: "recipients import offices.jsonl",
        code: 2,
        ..Case::PLAIN
    },
    // No postal address: fine for email and JSON (`near_misses_are_accepted`), not for
    // a letter to post.
    Case {
        name: "recipient-without-address-text",
        files: &NO_ADDRESS,
        args: "--recipients r.toml --templates t draft -t x --sender-name Ana --sender-email ana@example.org --format text -o letter.txt",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "recipient-without-address-pdf",
        files: &NO_ADDRESS,
        args: "--recipients r.toml --templates t draft -t x --sender-name Ana --sender-email ana@example.org --format pdf -o letter.pdf",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "batch-recipient-without-address",
        files: &[NO_ADDRESS[0], NO_ADDRESS[1], NO_ADDRESS[2], ("s.csv", Text("name\nAna\n"))],
        args: "--recipients r.toml --templates t batch --signers s.csv -t x -o out",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "workspace-sender-control-character",
        files: &[("letters.toml", Text("[sender]\nname = \"Ana\\u001b[31m\"\n"))],
        args: "draft -t election-integrity",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "user-config-sender-control-character",
        files: &[(
            ".config-letters/letters.toml",
            Text("[sender]\nname = \"Ana\"\naddress = [\"Calle 1\", \"Caracas\\u0007\"]\n"),
        )],
        args: "draft -t election-integrity",
        code: 2,
        ..Case::PLAIN
    },
    // A data file's id quoted back.
    Case {
        name: "data-file-control-character-escaped",
        files: &[(
            "r.toml",
            Text("[\"ve-\\u001b]0;owned\\u0007\"]\noffice = \"O\"\ncountry = \"VE\"\nlanguages = [\"es\"]\nverified = 2026-01-01\n"),
        )],
        args: "--recipients r.toml recipients list",
        code: 2,
        checks: &[Check::NoRawEscape],
        ..Case::PLAIN
    },
    // Templates.
    Case {
        name: "demand-missing-spanish",
        setup: Setup::Workspace,
        files: &[(
            META,
            Text("name = { en = \"N\", es = \"N\" }\nsubject = { en = \"S\", es = \"A\" }\nlanguages = [\"en\", \"es\"]\nrecipients = [\"us-secretary-of-state\"]\n\n[[demands]]\nid = \"one\"\ntext = { en = \"Do it.\" }\n"),
        )],
        args: "draft --templates ws/letter-templates -t election-integrity --sender-name Ana --lang es",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "template-missing-subject",
        setup: Setup::Workspace,
        files: &[(META, Text("name = \"N\"\nlanguages = [\"en\"]\n"))],
        args: "draft --templates ws/letter-templates -t election-integrity --sender-name Ana",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "template-duplicate-demand",
        setup: Setup::Workspace,
        files: &[(
            META,
            Text("name = \"N\"\nsubject = \"S\"\nlanguages = [\"en\"]\n[[demands]]\nid = \"a\"\ntext = \"x\"\n[[demands]]\nid = \"a\"\ntext = \"y\"\n"),
        )],
        args: "draft --templates ws/letter-templates -t election-integrity --sender-name Ana",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "template-missing-body",
        files: &[(
            "t/x/template.toml",
            Text("name = \"N\"\nsubject = \"S\"\nlanguages = [\"en\"]\nrecipients = [\"ve-un-mission\"]\n"),
        )],
        args: "draft --templates t -t x --sender-name Ana",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "template-unused-footnote",
        setup: Setup::Workspace,
        files: &[(BODY, Text("Body.\n\n[^a]: A note nobody marks.\n"))],
        args: "draft --templates ws/letter-templates -t election-integrity --sender-name Ana",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "template-unknown-helper",
        setup: Setup::Workspace,
        files: &[(BODY, Text("Body {{shout recipient.name}}.\n"))],
        args: "draft --templates ws/letter-templates -t election-integrity --sender-name Ana",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "template-unclosed-block",
        setup: Setup::Workspace,
        files: &[(BODY, Text("Body.\n\n{{#each demands}}\n1. {{this.text}}\n"))],
        args: "draft --templates ws/letter-templates -t election-integrity --sender-name Ana",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "template-unknown-variable",
        setup: Setup::Workspace,
        files: &[(BODY, Text("Dear {{recipient.nickname}},\n"))],
        args: "draft --templates ws/letter-templates -t election-integrity --sender-name Ana",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "template-toml-syntax",
        setup: Setup::Workspace,
        files: &[(META, Text("name = \"N\nsubject = \"S\"\nlanguages = [\"en\"]\n"))],
        args: "draft --templates ws/letter-templates -t election-integrity --sender-name Ana",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "template-source-title-unknown-language",
        setup: Setup::Workspace,
        files: &[(
            META,
            Text("name = \"N\"\nsubject = \"S\"\nlanguages = [\"en\"]\n\n[[sources]]\nid = \"r\"\ntitle = \"Relatório anual\"\ntitle_lang = \"portugues do Brasil\"\ndate = 2024-07-19\nsupports = \"x\"\n"),
        )],
        args: "draft --templates ws/letter-templates -t election-integrity --sender-name Ana",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "template-impossible-deadline",
        setup: Setup::Workspace,
        files: &[(
            META,
            Text("name = \"N\"\nsubject = \"S\"\nlanguages = [\"en\"]\nact_before = 2024-13-45\n"),
        )],
        args: "draft --templates ws/letter-templates -t election-integrity --sender-name Ana",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "template-control-character",
        setup: Setup::Workspace,
        files: &[(BODY, Text("Body with a bell \u{7} in it.\n"))],
        args: "draft --templates ws/letter-templates -t election-integrity --sender-name Ana",
        code: 2,
        ..Case::PLAIN
    },
    // Templates come from users: whatever a body asks for, every command ends in bounded
    // time and memory with an error naming the file (and the line, where there is one).
    // The bodies below are each just past a limit, so that each case proves its bound
    // quickly. A partial that includes itself would recurse until the stack overflows.
    Case {
        name: "template-self-recursive-partial",
        setup: Setup::Workspace,
        files: &[(
            BODY,
            Text("Body.\n\n{{#*inline \"x\"}}{{> x}}{{/inline}}{{> x}}\n"),
        )],
        args: "draft --templates ws/letter-templates -t election-integrity --sender-name Ana",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "template-partial",
        setup: Setup::Workspace,
        files: &[(BODY, Text("Body.\n\n{{> es.md.hbs}}\n"))],
        args: "draft --templates ws/letter-templates -t election-integrity --sender-name Ana",
        code: 2,
        ..Case::PLAIN
    },
    // Triple braces would print the name unescaped: `*"La Flaca"*` would become emphasis.
    Case {
        name: "template-triple-braces",
        setup: Setup::Workspace,
        files: &[(BODY, Text("Body.\n\nSigned, {{{sender.name}}}\n"))],
        args: r#"draft --templates ws/letter-templates -t election-integrity --sender-name "Ana *\"La Flaca\"* O'Brien""#,
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "template-blocks-too-deep",
        setup: Setup::Workspace,
        files: &[(BODY, Made(blocks_too_deep))],
        args: "draft --templates ws/letter-templates -t election-integrity --sender-name Ana",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "template-parentheses-too-deep",
        setup: Setup::Workspace,
        files: &[(
            BODY,
            Made(|| {
                format!(
                    "Body {{{{lookup {}fields{} \"x\"}}}}.\n",
                    "(lookup ".repeat(33),
                    " \"x\")".repeat(33)
                )
                .into()
            }),
        )],
        args: "draft --templates ws/letter-templates -t election-integrity --sender-name Ana",
        code: 2,
        ..Case::PLAIN
    },
    // A `}}` inside a quoted string: Handlebars would read on past it, where blocks
    // could hide from the nesting count.
    Case {
        name: "template-unreadable-tag",
        setup: Setup::Workspace,
        files: &[(BODY, Text("Body.\n\n{{#if own_words}}{{x \"}}{{/if}}\"}}\n"))],
        args: "draft --templates ws/letter-templates -t election-integrity --sender-name Ana",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "template-tag-never-closed",
        setup: Setup::Workspace,
        files: &[(BODY, Text("Body.\n\nSigned, {{sender.name\n"))],
        args: "draft --templates ws/letter-templates -t election-integrity --sender-name Ana",
        code: 2,
        ..Case::PLAIN
    },
    // Handlebars would search to the end of the body for the `--}}` of each comment.
    Case {
        name: "template-comment-never-closed",
        setup: Setup::Workspace,
        files: &[(BODY, Text("Body.\n\n{{!-- a note }}\n{{!-- another }}\n"))],
        args: "draft --templates ws/letter-templates -t election-integrity --sender-name Ana",
        code: 2,
        ..Case::PLAIN
    },
    // Handlebars counts from the start of the body for the line of every tag.
    Case {
        name: "template-too-many-tags",
        setup: Setup::Workspace,
        files: &[(
            BODY,
            Made(|| "Dear {{recipient.name}},\n".repeat(1001).into()),
        )],
        args: "draft --templates ws/letter-templates -t election-integrity --sender-name Ana",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "template-body-too-large",
        setup: Setup::Workspace,
        files: &[(BODY, Made(body_too_large))],
        args: "draft --templates ws/letter-templates -t election-integrity --sender-name Ana",
        code: 2,
        ..Case::PLAIN
    },
    // Four `{{#each}}` levels over the five demands would repeat the block 625 times.
    Case {
        name: "template-each-too-deep",
        setup: Setup::Workspace,
        files: &[(
            BODY,
            Text("Body.\n\n{{#each demands}}{{#each ../demands}}{{#each ../../demands}}\n{{#each ../../../demands}}\n{{this.text}}\n{{/each}}{{/each}}{{/each}}{{/each}}\n"),
        )],
        args: "draft --templates ws/letter-templates -t election-integrity --sender-name Ana",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "template-letter-too-long",
        setup: Setup::Workspace,
        files: &[(BODY, Made(letter_too_long))],
        args: "draft --templates ws/letter-templates -t election-integrity --sender-name Ana",
        code: 2,
        ..Case::PLAIN
    },
    // The same with a block that prints nothing: its work is counted all the same.
    Case {
        name: "template-loops-too-long",
        setup: Setup::Workspace,
        files: &[(
            BODY,
            Made(|| {
                format!(
                    "Body.\n\n{{{{#each demands}}}}{{{{#each ../demands}}}}{{{{#each ../../demands}}}}\n{}\n{{{{/each}}}}{{{{/each}}}}{{{{/each}}}}\n",
                    "{{#if ../../../own_words}}{{/if}}".repeat(300)
                )
                .into()
            }),
        )],
        args: "draft --templates ws/letter-templates -t election-integrity --sender-name Ana",
        code: 2,
        ..Case::PLAIN
    },
    // In a batch, a problem of the template is found before any row; one that depends
    // on a row's data (here an `{{#each}}` in an `{{#each}}` over 400 columns) fails that
    // row alone.
    Case {
        name: "batch-template-partial",
        setup: Setup::Workspace,
        files: &[
            (BODY, Text("{{#*inline \"x\"}}{{> x}}{{/inline}}{{> x}}\n")),
            ("s.csv", Text("name\nAna\n")),
        ],
        args: "batch --templates ws/letter-templates -t election-integrity --signers s.csv -o out",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "batch-loops-too-long-for-a-row",
        setup: Setup::Workspace,
        files: &[
            (
                BODY,
                Text("Body.\n\n{{#each fields}}{{#each ../fields}}{{@key}}{{/each}}{{/each}}\n"),
            ),
            (
                "s.csv",
                Made(|| {
                    let columns: Vec<String> = (1..=400).map(|i| format!("c{i}")).collect();
                    let cells: Vec<String> = (1..=400).map(|i| i.to_string()).collect();
                    let cells = cells.join(",");
                    format!("name,{}\nAna,{cells}\nLuis,{cells}\n", columns.join(",")).into()
                }),
            ),
        ],
        args: "batch --templates ws/letter-templates -t election-integrity --signers s.csv -o out",
        code: 1,
        shown: Shown::RowsOnly,
        ..Case::PLAIN
    },
    // `letters check` renders every body against sample data, within the same limits,
    // and reports each problem the same way.
    Case {
        name: "check-template-bounds",
        setup: Setup::Workspace,
        files: &[
            (BODY, Text("Body.\n\nSigned, {{{sender.name}}}\n")),
            (
                "ws/letter-templates/post-election-audit/en.md.hbs",
                Text("{{#*inline \"x\"}}{{> x}}{{/inline}}{{> x}}\n"),
            ),
            (
                "ws/letter-templates/detention-urgent-action/es.md.hbs",
                Made(blocks_too_deep),
            ),
            (
                "ws/letter-templates/accountability-2025/en.md.hbs",
                Made(letter_too_long),
            ),
            (
                "ws/letter-templates/long-campaign/template.toml",
                Text("name = \"N\"\nsubject = \"S\"\nlanguages = [\"en\"]\n"),
            ),
            (
                "ws/letter-templates/long-campaign/en.md.hbs",
                Made(body_too_large),
            ),
        ],
        args: "check ws",
        code: 2,
        shown: Shown::Stdout,
        ..Case::PLAIN
    },
    // Signers files.
    Case {
        name: "signers-missing",
        args: "batch --signers s.csv -t election-integrity -o out",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "signers-empty",
        files: &[("s.csv", Text(""))],
        args: "batch --signers s.csv -t election-integrity -o out",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "signers-unterminated-quote",
        files: &[(
            "s.csv",
            Text("name,email\nAna,a@example.org\n\"Luis,l@example.org\nEva,e@example.org\n"),
        )],
        args: "batch --signers s.csv -t election-integrity -o out",
        code: 1,
        ..Case::PLAIN
    },
    Case {
        name: "signers-huge-cell",
        files: &[(
            "s.csv",
            Made(|| format!("name,own_words\nAna,{}\n", "x".repeat(200_000)).into()),
        )],
        args: "batch --signers s.csv -t election-integrity -o out",
        code: 1,
        ..Case::PLAIN
    },
    // A 50 MB cell (a quote never closed in a large export looks like this): refused
    // without a letter, the other rows written.
    Case {
        name: "signers-50mb-cell",
        files: &[(
            "s.csv",
            Made(|| {
                let mut huge = b"name,own_words\nAna,\"".to_vec();
                huge.extend(std::iter::repeat_n(b'x', 50 * 1024 * 1024));
                huge.extend_from_slice(b"\"\nLuis,\n");
                huge
            }),
        )],
        args: "batch --signers s.csv -t election-integrity -o out",
        code: 1,
        ..Case::PLAIN
    },
    Case {
        name: "signers-extra-cells",
        files: &[("s.csv", Text("name,email\nAna,a@example.org,oops\n"))],
        args: "batch --signers s.csv -t election-integrity -o out",
        code: 1,
        ..Case::PLAIN
    },
    Case {
        name: "signers-mixed-encodings",
        files: &[("s.csv", Bytes(b"name\nJos\xc3\xa9\nN\xfa\xf1ez\n"))],
        args: "batch --signers s.csv -t election-integrity -o out --encoding utf-8",
        code: 1,
        ..Case::PLAIN
    },
    Case {
        name: "signers-bad-delimiter",
        files: &[("s.csv", Text("name\nAna\n"))],
        args: "batch --signers s.csv -t election-integrity -o out --delimiter ñ",
        code: 2,
        ..Case::PLAIN
    },
    // A delimiter must be able to separate cells.
    Case {
        name: "signers-delimiter-line-feed",
        files: &[("s.csv", Text("name\nAna\n"))],
        args: "batch --signers s.csv -t election-integrity -o out --delimiter '\n'",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "signers-delimiter-carriage-return",
        files: &[("s.csv", Text("name\nAna\n"))],
        args: "batch --signers s.csv -t election-integrity -o out --delimiter '\r'",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "signers-delimiter-quote",
        files: &[("s.csv", Text("name\nAna\n"))],
        args: "batch --signers s.csv -t election-integrity -o out --delimiter '\"'",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "signers-unknown-recipient-flag",
        files: &[("s.csv", Text("name\nAna\n"))],
        args: "batch --signers s.csv -t election-integrity --to us-secretary -o out",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "signers-control-character",
        files: &[(
            "s.csv",
            Bytes(b"name,city\nAna\x1b[2J,Caracas\nLuis,M\x07rida\n"),
        )],
        args: "batch --signers s.csv -t election-integrity -o out",
        code: 1,
        ..Case::PLAIN
    },
    // A signers cell and column name: quoted back in a warning, kept in failed.csv.
    Case {
        name: "signers-control-character-escaped",
        files: &[(
            "s.csv",
            Made(|| {
                let long = "x".repeat(70 * 1024);
                format!("name,ci\u{1b}[31mty\nAna\u{1b}[2J,Caracas\nLuis,{long}\n").into()
            }),
        )],
        args: "batch --signers s.csv -t election-integrity -o out",
        code: 1,
        checks: &[
            Check::NoRawEscape,
            Check::FileWithoutRawEscape("out/failed.csv"),
            Check::FileContains("out/failed.csv", "Ana\\u{1b}[2J"),
            Check::FileStartsWith("out/failed.csv", "name,ci\\u{1b}[31mty,error\n"),
        ],
        ..Case::PLAIN
    },
    Case {
        name: "signers-json-lines-broken-line",
        files: &[(
            "s.jsonl",
            Text("{\"name\": \"Ana\"}\n{\"name\": \"Luis\"\n"),
        )],
        args: "batch --signers s.jsonl -t election-integrity -o out",
        code: 1,
        ..Case::PLAIN
    },
    Case {
        name: "signers-row-without-name",
        files: &[("s.csv", Text("name,email\n,ana@example.org\n"))],
        args: "batch --signers s.csv -t election-integrity -o out",
        code: 1,
        ..Case::PLAIN
    },
    Case {
        name: "signers-invalid-email",
        files: &[("s.csv", Text("name,email\nAna,ana@example\n"))],
        args: "batch --signers s.csv -t election-integrity -o out",
        code: 1,
        ..Case::PLAIN
    },
    Case {
        name: "signers-unknown-language",
        files: &[("s.csv", Text("name,lang\nAna,de\n"))],
        args: "batch --signers s.csv -t election-integrity -o out",
        code: 1,
        ..Case::PLAIN
    },
    // A million columns on one row fail that row, without a million cells in memory.
    Case {
        name: "signers-million-columns",
        files: &[(
            "s.csv",
            Made(|| {
                let mut wide = b"name,email\nAna,a@example.org\n".to_vec();
                wide.extend(std::iter::repeat_n(b',', 1_000_000));
                wide.extend_from_slice(b"\nLuis,l@example.org\n");
                wide
            }),
        )],
        args: "batch --signers s.csv -t election-integrity -o out",
        code: 1,
        ..Case::PLAIN
    },
    Case {
        name: "signers-header-too-many-columns",
        files: &[(
            "s.csv",
            Made(|| format!("name{}\nAna\n", ",extra".repeat(1_000)).into()),
        )],
        args: "batch --signers s.csv -t election-integrity -o out",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "signers-column-named-twice",
        files: &[("s.csv", Text("Name,email,name \nAna,a@example.org,Ana\n"))],
        args: "batch --signers s.csv -t election-integrity -o out",
        code: 2,
        ..Case::PLAIN
    },
    // A row of four full cells and more (each under the cell bound) is refused too.
    Case {
        name: "signers-row-too-large",
        files: &[(
            "s.csv",
            Made(|| {
                let cell = "x".repeat(60 * 1024);
                format!("name,a,b,c,d,e\nAna,{cell},{cell},{cell},{cell},{cell}\nLuis,,,,,\n")
                    .into()
            }),
        )],
        args: "batch --signers s.csv -t election-integrity -o out",
        code: 1,
        ..Case::PLAIN
    },
    Case {
        name: "signers-json-duplicate-key",
        files: &[(
            "s.jsonl",
            Text("{\"name\": \"Ana\", \"email\": \"a@example.org\", \"email\": \"b@example.org\"}\n{\"Name\": \"Eva\", \"name\": \"Eve\"}\n{\"name\": \"Luis\"}\n"),
        )],
        args: "batch --signers s.jsonl -t election-integrity -o out",
        code: 1,
        ..Case::PLAIN
    },
    Case {
        name: "signers-json-value-not-text",
        files: &[(
            "s.jsonl",
            Text("{\"name\": 42}\n{\"name\": \"Eva\", \"own_words\": {\"text\": \"x\"}}\n{\"name\": \"Ivo\", \"lang\": true}\n{\"name\": \"Ana\", \"to\": [\"ve-un-mission\", 7]}\n{\"name\": \"Luis\", \"to\": [\"ve-un-mission\"], \"zip\": 1010}\n"),
        )],
        args: "batch --signers s.jsonl -t election-integrity -o out",
        code: 1,
        ..Case::PLAIN
    },
    // Flags and paths.
    Case {
        name: "impossible-date",
        args: "draft -t election-integrity --sender-name Ana --date 2024-02-30",
        code: 2,
        ..Case::PLAIN
    },
    // Dates an email's Date header can carry.
    Case {
        name: "date-year-zero",
        args: "draft -t election-integrity --sender-name Ana --date 0000-01-01",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "date-after-2100",
        args: "draft -t election-integrity --sender-name Ana --date 2101-01-01",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "unknown-format",
        args: "draft -t election-integrity --sender-name Ana --format docx",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "output-cannot-be-written",
        args: "draft -t election-integrity --sender-name Ana -o /proc/letters-test/letter.txt",
        code: 4,
        ..Case::PLAIN
    },
    Case {
        name: "empty-demand-list",
        args: "draft -t election-integrity --sender-name Ana --demands ,",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "width-too-narrow",
        args: "draft -t election-integrity --sender-name Ana --width 5",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "email-without-recipient-address",
        args: "draft -t election-integrity --sender-name Ana --format email -o x.eml",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "email-bad-from",
        args: "draft -t detention-urgent-action --to ve-un-mission --sender-name Ana --format email --from 'ana at example' -o x.eml",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "sender-name-control-character",
        args: "draft -t election-integrity --sender-name 'Ana\u{1b}[31m'",
        code: 2,
        ..Case::PLAIN
    },
    // A flag value quoted back.
    Case {
        name: "flag-value-control-character-escaped",
        args: "draft -t election-integrity --sender-name Ana --to 've-\u{1b}[2J'",
        code: 2,
        checks: &[Check::NoRawEscape],
        ..Case::PLAIN
    },
    Case {
        name: "stdout-full",
        setup: Setup::FullStdout,
        args: "draft -t election-integrity --sender-name Ana",
        code: 4,
        shown: Shown::ErrorAndHint,
        ..Case::PLAIN
    },
    Case {
        name: "output-read-only",
        setup: Setup::Tmpfs {
            at: "ro",
            options: "size=64k,ro",
        },
        args: "-q draft -t election-integrity --sender-name Ana -o ro/letter.txt",
        code: 4,
        ..Case::PLAIN
    },
    Case {
        name: "symlink-in-output-folder",
        setup: Setup::Symlink {
            link: "out/manifest.jsonl",
            target: ".home/.bashrc",
        },
        files: &[("s.csv", Text("name,signature\nAna,\nBea,/etc/shadow\n"))],
        args: "-q batch --signers s.csv -t election-integrity -o out",
        code: 4,
        ..Case::PLAIN
    },
    Case {
        name: "signature-outside-signers-folder",
        files: &[("s.csv", Text("name,signature\nAna,\nBea,/etc/shadow\n"))],
        args: "batch --signers s.csv -t election-integrity -o out2",
        code: 1,
        ..Case::PLAIN
    },
    // Own words are read up to 64 KB, however much the file, device or pipe holds.
    Case {
        name: "own-words-file-missing",
        args: "draft -t election-integrity --sender-name Ana --own-words @nope.txt",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "own-words-endless-device",
        args: "draft -t election-integrity --sender-name Ana --own-words @/dev/zero",
        code: 2,
        checks: &[Check::Within(20)],
        ..Case::PLAIN
    },
    Case {
        name: "own-words-huge-file",
        files: &[("big.txt", Made(|| vec![b'x'; 20 * 1024 * 1024]))],
        args: "draft -t election-integrity --sender-name Ana --own-words @big.txt",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "own-words-huge-stdin",
        args: "draft -t election-integrity --sender-name Ana --own-words -",
        stdin: Some(Made(|| "word ".repeat(20_000).into())),
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "batch-own-words-huge-file",
        files: &[
            ("s.csv", Text("name\nAna\n")),
            ("big.txt", Made(|| vec![b'x'; 100_000])),
        ],
        args: "batch --signers s.csv -t election-integrity -o out --own-words @big.txt",
        code: 2,
        ..Case::PLAIN
    },
    // Signature images that do not decode completely.
    Case {
        name: "signature-missing",
        args: "draft -t election-integrity --sender-name Ana --signature nope.png --format pdf -o x.pdf",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "signature-not-an-image",
        files: &[("sig.png", Text("not an image"))],
        args: "draft -t election-integrity --sender-name Ana --signature sig.png --format pdf -o x.pdf",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "signature-truncated-png",
        files: &[("sig.png", Made(|| fixture("signature.png")[..60].to_vec()))],
        args: "draft -t election-integrity --sender-name Ana --signature sig.png --format pdf -o x.pdf",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "duplex-not-pdf",
        files: &[("s.csv", Text("name\nAna\n"))],
        args: "batch --signers s.csv -t election-integrity --combine --duplex -o out",
        code: 2,
        ..Case::PLAIN
    },
    // A letter is set in one family: a bold face alone would sit beside the bundled serif.
    Case {
        name: "pdf-font-bold-without-regular",
        files: &[("bold.ttf", Made(fixture_font))],
        args: "-q draft -t election-integrity --sender-name Ana --font-bold bold.ttf --format pdf -o x.pdf",
        code: 2,
        ..Case::PLAIN
    },
    // A street line wider than the envelope window even in the smallest type is never
    // wrapped: the letter is refused, naming the record and the line.
    Case {
        name: "pdf-address-wider-than-window",
        files: &WIDE_ADDRESS,
        args: "--recipients r.toml --templates t draft -t x --sender-name Ana --layout din5008-b --format pdf -o letter.pdf",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "sign-on-unknown-kind",
        files: &[("s.csv", Text("name,kind\nAna,individual\nRed,company\n"))],
        args: "batch --signers s.csv --sign-on -t election-integrity --sender-name Ana --format text -o out",
        code: 1,
        ..Case::PLAIN
    },
    // A PNG that declares 40,000 × 40,000 pixels is refused without decoding it.
    Case {
        name: "signature-png-bomb",
        files: &[("bomb.png", Made(png_bomb))],
        args: "draft -t election-integrity --sender-name Ana --signature bomb.png --format pdf -o x.pdf",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "signature-truncated-jpeg",
        files: &[(
            "sig.jpg",
            Made(|| {
                let jpeg = jpeg();
                jpeg[..jpeg.len() / 2].to_vec()
            }),
        )],
        args: "draft -t post-election-audit --to ve-un-mission --sender-name Ana --signature sig.jpg --format pdf -o x.pdf",
        code: 2,
        ..Case::PLAIN
    },
    // The counts of the first Huffman table, all 0xFF.
    Case {
        name: "signature-corrupt-jpeg",
        files: &[(
            "sig.jpg",
            Made(|| {
                let mut jpeg = jpeg();
                let dht = jpeg.windows(2).position(|w| w == [0xFF, 0xC4]).unwrap();
                jpeg[dht + 5..dht + 21].fill(0xFF);
                jpeg
            }),
        )],
        args: "draft -t post-election-audit --to ve-un-mission --sender-name Ana --signature sig.jpg --format pdf -o x.pdf",
        code: 2,
        ..Case::PLAIN
    },
    // A frame header that declares 40,000 × 40,000 pixels.
    Case {
        name: "signature-huge-jpeg",
        files: &[(
            "sig.jpg",
            Made(|| {
                let mut jpeg = jpeg();
                let sof = jpeg.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
                jpeg[sof + 5..sof + 9].copy_from_slice(&[0x9C, 0x40, 0x9C, 0x40]);
                jpeg
            }),
        )],
        args: "draft -t post-election-audit --to ve-un-mission --sender-name Ana --signature sig.jpg --format pdf -o x.pdf",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "batch-signature-truncated-jpeg",
        files: &[
            ("s.csv", Text("name;signature\nAna;sig.jpg\nLuis;cut.jpg\n")),
            ("sig.jpg", Made(jpeg)),
            (
                "cut.jpg",
                Made(|| {
                    let jpeg = jpeg();
                    jpeg[..jpeg.len() - 2].to_vec()
                }),
            ),
        ],
        args: "batch --signers s.csv -t post-election-audit --to ve-un-mission --format pdf --combine -o out",
        code: 1,
        ..Case::PLAIN
    },
    // A combined PDF that fills the disk: an error naming it, and no file at all.
    Case {
        name: "combined-pdf-disk-full",
        setup: Setup::Tmpfs {
            at: "disk",
            options: "size=48k",
        },
        files: &[("s.csv", Made(|| signers(40).into()))],
        args: "-q batch --signers s.csv -t election-integrity --format pdf --combine -o disk/out",
        code: 4,
        checks: &[Check::NothingIn("disk/out")],
        ..Case::PLAIN
    },
    // SMTP settings and the pace of sending.
    Case {
        name: "smtp-bad-scheme",
        setup: Setup::Drafted,
        args: "send out --send --smtp http://127.0.0.1:25",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "smtp-password-in-url",
        setup: Setup::Drafted,
        args: "send out --send --smtp smtp://ana:hunter2@127.0.0.1:25",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "smtp-bad-rate",
        setup: Setup::Drafted,
        args: "send out --send --smtp smtp://127.0.0.1:25 --rate fast",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "smtp-port-out-of-range",
        setup: Setup::Drafted,
        args: "send out --send --smtp smtp://127.0.0.1:99999",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "smtp-no-host",
        setup: Setup::Drafted,
        args: "send out --send --smtp smtp://",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "smtp-empty-port",
        setup: Setup::Drafted,
        args: "send out --send --smtp smtp://127.0.0.1:",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "smtp-unknown-tls-value",
        setup: Setup::Drafted,
        args: "send out --send --smtp smtp://mail.example.org?tls=bogus",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "smtp-tls-contradicts-scheme",
        setup: Setup::Drafted,
        args: "send out --send --smtp starttls://mail.example.org?tls=none",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "smtp-unknown-url-setting",
        setup: Setup::Drafted,
        args: "send out --send --smtp smtp://mail.example.org?TLS=starttls",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "smtp-password-command-fails",
        setup: Setup::Drafted,
        args: "send out --send --smtp smtp://127.0.0.1:2525 --smtp-user ana --password-command false",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "smtp-login-refused",
        setup: Setup::DraftedAndLoginRefused,
        args: "send out --send --smtp {smtp} --smtp-user ana --password-command 'echo wrong'",
        code: 3,
        ..Case::PLAIN
    },
    Case {
        name: "send-rate-too-slow",
        setup: Setup::Drafted,
        args: "send out --send --smtp smtp://127.0.0.1:25 --rate 1e-300/min",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "send-rate-too-fast",
        setup: Setup::Drafted,
        args: "send out --send --smtp smtp://127.0.0.1:25 --rate 1e9/s",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "send-retry-delay-too-long",
        setup: Setup::Drafted,
        args: "send out --send --smtp smtp://127.0.0.1:25 --retry-delay 1e300",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "send-retry-delay-negative",
        setup: Setup::Drafted,
        args: "send out --send --smtp smtp://127.0.0.1:25 --retry-delay=-1",
        code: 2,
        ..Case::PLAIN
    },
    // A dry run checks the pace too.
    Case {
        name: "send-dry-run-rate-too-slow",
        setup: Setup::Drafted,
        args: "send out --rate 0.5/day",
        code: 2,
        ..Case::PLAIN
    },
    // Messages to send.
    Case {
        name: "send-mbox-empty",
        files: &[("batch.mbox", Text(""))],
        args: "send batch.mbox",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "send-mbox-empty-send",
        files: &[("batch.mbox", Text("no message here\n"))],
        args: "send batch.mbox --send --smtp smtp://127.0.0.1:25",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "send-eml-unparsable-to",
        files: &[(
            "m.eml",
            Text("Message-ID: <m@x>\r\nFrom: a@example.org\r\nTo: Fiscal General \u{1b}[31m\r\n\r\nbody\r\n"),
        )],
        args: "send m.eml",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "send-eml-bad-to-address",
        files: &[(
            "m.eml",
            Text("Message-ID: <m@x>\r\nFrom: a@example.org\r\nTo: \"Fiscal\" <fiscal@>\r\n\r\nbody\r\n"),
        )],
        args: "send m.eml",
        code: 2,
        ..Case::PLAIN
    },
    // Signers from spreadsheets and CRM exports: sheets and column mappings.
    Case {
        name: "signers-unknown-sheet",
        files: &[("c.xlsx", Made(|| fixture("signers/contacts.xlsx")))],
        args: "batch --signers c.xlsx -t detention-urgent-action -o out --sheet Hoja1",
        code: 2,
        checks: &[Check::NoOutput("out")],
        ..Case::PLAIN
    },
    Case {
        name: "signers-sheet-of-a-csv",
        files: &[("s.csv", Text("name\nAna\n"))],
        args: "batch --signers s.csv -t detention-urgent-action -o out --sheet Hoja1",
        code: 2,
        ..Case::PLAIN
    },
    // A file named .xlsx that is no spreadsheet: refused, never printed as text.
    Case {
        name: "signers-garbage-xlsx",
        files: &[("s.xlsx", Bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00\xff\xfe\x00garbage\x1b[31m"))],
        args: "batch --signers s.xlsx -t detention-urgent-action -o out",
        code: 2,
        checks: &[Check::NoRawEscape, Check::NoOutput("out")],
        ..Case::PLAIN
    },
    // One cell far off would make a sheet of billions of blank cells: refused at once
    // (tests/fixtures/signers/make.sh wrote these 1.5 KB workbooks).
    Case {
        name: "signers-xlsx-cell-far-off",
        files: &[("s.xlsx", Made(|| fixture("signers/far-cell.xlsx")))],
        args: "batch --signers s.xlsx -t detention-urgent-action -o out --dry-run",
        code: 2,
        checks: &[Check::Within(20)],
        ..Case::PLAIN
    },
    Case {
        name: "signers-xlsx-too-many-cells",
        files: &[("s.xlsx", Made(|| fixture("signers/tall-sheet.xlsx")))],
        args: "batch --signers s.xlsx -t detention-urgent-action -o out",
        code: 2,
        checks: &[Check::Within(20), Check::NoOutput("out")],
        ..Case::PLAIN
    },
    // A spreadsheet cut short (the zip's directory is lost).
    Case {
        name: "signers-truncated-ods",
        files: &[("s.ods", Made(|| fixture("signers/contacts.ods")[..2000].to_vec()))],
        args: "batch --signers s.ods -t detention-urgent-action -o out",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "column-not-field-equals-column",
        files: &[("s.csv", Text("First Name,Last Name\nAna,Pérez\n"))],
        args: "batch --signers s.csv -t detention-urgent-action -o out --column 'First Name'",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "column-unknown-field",
        files: &[("s.csv", Text("First Name,Last Name\nAna,Pérez\n"))],
        args: "batch --signers s.csv -t detention-urgent-action -o out --column birthday='First Name'",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "column-empty-part",
        files: &[("s.csv", Text("First Name,Last Name\nAna,Pérez\n"))],
        args: "batch --signers s.csv -t detention-urgent-action -o out --column 'name=\"First Name\"+'",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "column-open-quote",
        files: &[("s.csv", Text("First Name,Last Name\nAna,Pérez\n"))],
        args: "batch --signers s.csv -t detention-urgent-action -o out --column 'name=\"First Name+Last Name'",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "column-not-in-header",
        files: &[("s.csv", Text("First Name,Last Name\nAna,Pérez\n"))],
        args: "batch --signers s.csv -t detention-urgent-action -o out --column 'name=\"Given Name\"+\"Last Name\"'",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "column-map-toml-syntax",
        files: &[
            ("s.csv", Text("First Name,Last Name\nAna,Pérez\n")),
            ("map.toml", Text("name = [\"First Name\", \"Last Name\"\nemail = \"E-mail\"\n")),
        ],
        args: "batch --signers s.csv -t detention-urgent-action -o out --column-map map.toml",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "column-map-unknown-field",
        files: &[
            ("s.csv", Text("First Name,Last Name\nAna,Pérez\n")),
            ("map.toml", Text("birthday = \"Born\"\n")),
        ],
        args: "batch --signers s.csv -t detention-urgent-action -o out --column-map map.toml",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "column-map-not-a-column",
        files: &[
            ("s.csv", Text("First Name,Last Name\nAna,Pérez\n")),
            ("map.toml", Text("name = 3\n")),
        ],
        args: "batch --signers s.csv -t detention-urgent-action -o out --column-map map.toml",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "column-map-missing-file",
        files: &[("s.csv", Text("First Name,Last Name\nAna,Pérez\n"))],
        args: "batch --signers s.csv -t detention-urgent-action -o out --column-map map.toml",
        code: 2,
        ..Case::PLAIN
    },
    // A CRM export whose header has no column for a name.
    Case {
        name: "signers-header-without-name",
        files: &[("s.csv", Text("Email,Phone\nana@example.org,123\n"))],
        args: "batch --signers s.csv -t detention-urgent-action -o out",
        code: 2,
        checks: &[Check::NoOutput("out")],
        ..Case::PLAIN
    },
    // Reports.
    Case {
        name: "report-nothing-to-report",
        files: &[("notes/readme.txt", Text("nothing here\n"))],
        args: "report notes",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "report-not-a-report-file",
        files: &[("notes/readme.txt", Text("nothing here\n"))],
        args: "report notes/readme.txt",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "report-missing-path",
        args: "report out-1",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "report-json-and-csv",
        setup: Setup::Drafted,
        args: "report --json --csv out",
        code: 2,
        ..Case::PLAIN
    },
    // Test sends.
    Case {
        name: "send-test-to-bad-address",
        setup: Setup::Drafted,
        args: "send out --smtp smtp://127.0.0.1:25 --test-to 'me at example.org'",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "send-test-to-and-send",
        setup: Setup::Drafted,
        args: "send out --send --smtp smtp://127.0.0.1:25 --test-to me@example.org",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "send-test-to-without-server",
        setup: Setup::Drafted,
        args: "send out --test-to me@example.org",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "send-test-count-zero",
        setup: Setup::Drafted,
        args: "send out --smtp smtp://127.0.0.1:25 --test-to me@example.org --test-count 0",
        code: 2,
        ..Case::PLAIN
    },
    Case {
        name: "send-test-count-without-test-to",
        setup: Setup::Drafted,
        args: "send out --smtp smtp://127.0.0.1:25 --test-count 2",
        code: 2,
        ..Case::PLAIN
    },
    // Locale files: a letter language added by a workspace, checked like any data file.
    Case {
        name: "locale-unknown-key",
        setup: Setup::Workspace,
        files: &[("ws/locales/it.toml", Made(|| ITALIAN.replace("date = ", "currency = \"EUR\"\ndate = ").into()))],
        args: "check ws",
        code: 2,
        shown: Shown::Stdout,
        ..Case::PLAIN
    },
    Case {
        name: "locale-missing-label",
        setup: Setup::Workspace,
        files: &[("ws/locales/it.toml", Made(|| ITALIAN.replace("page = \"Pagina {page} di {total}\"\n", "").into()))],
        args: "check ws",
        code: 2,
        shown: Shown::Stdout,
        ..Case::PLAIN
    },
    Case {
        name: "locale-label-without-placeholder",
        setup: Setup::Workspace,
        files: &[("ws/locales/it.toml", Made(|| ITALIAN.replace("di {total}", "di tutte").into()))],
        args: "check ws",
        code: 2,
        shown: Shown::Stdout,
        ..Case::PLAIN
    },
    Case {
        name: "locale-unknown-date-style",
        setup: Setup::Workspace,
        files: &[("ws/locales/it.toml", Made(|| ITALIAN.replace("date = \"long\"", "date = \"longest\"").into()))],
        args: "check ws",
        code: 2,
        shown: Shown::Stdout,
        ..Case::PLAIN
    },
    Case {
        name: "locale-duplicate-tag",
        setup: Setup::Workspace,
        files: &[
            ("ws/locales/it.toml", Text(ITALIAN)),
            ("ws/locales/italiano.toml", Text(ITALIAN)),
            ("ws/locales/francais.toml", Made(|| ITALIAN.replace("\"it\"", "\"fr\"").into())),
        ],
        args: "check ws",
        code: 2,
        shown: Shown::Stdout,
        ..Case::PLAIN
    },
    Case {
        name: "locale-without-cldr-dates",
        setup: Setup::Workspace,
        files: &[("ws/locales/qaa.toml", Made(|| ITALIAN.replace("\"it\"", "\"qaa\"").into()))],
        args: "check ws",
        code: 2,
        shown: Shown::Stdout,
        ..Case::PLAIN
    },
    // A broken locale file stops a letter as a broken recipients file does.
    Case {
        name: "locale-broken-when-drafting",
        files: &[
            ("letters.toml", Text("")),
            ("locales/it.toml", Made(|| ITALIAN.replace("code = \"it\"", "code = \"it\"\ncountries = [\"IT\"]").into())),
        ],
        args: "draft -t election-integrity --sender-name Ana",
        code: 2,
        ..Case::PLAIN
    },
    // letters.toml naming a locales directory that is not there.
    Case {
        name: "workspace-locales-directory-missing",
        files: &[("letters.toml", Text("# Our workspace\n\nlocales = \"languages\"\n\n[sender]\nname = \"Ana\"\n"))],
        args: "draft -t election-integrity",
        code: 2,
        ..Case::PLAIN
    },
];
