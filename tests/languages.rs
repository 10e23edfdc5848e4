//! Letter languages as data: the bundled French and Portuguese frames around test
//! campaigns (`tests/fixtures/languages/`), as text and as PDF read back with poppler;
//! a language added by a workspace's locale file alone; `letters check` of locale files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::{sender_flags, Env};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/languages");
const COSIGNERS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cosigners.csv");

/// The command line of a letter from the test campaigns, dated 25 July 2024.
fn draft<'a>(campaign: &'a str, recipient: &'a str, lang: &'a str) -> Vec<&'a str> {
    let mut args = vec![
        "draft",
        "--recipients",
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/languages/recipients.toml"
        ),
        "--templates",
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/languages/letter-templates"
        ),
        "-t",
        campaign,
        "--to",
        recipient,
        "--lang",
        lang,
        "--date",
        "2024-07-25",
    ];
    args.extend(sender_flags());
    args
}

fn pdftotext(pdf: &Path, page: Option<usize>) -> String {
    let mut cmd = std::process::Command::new("pdftotext");
    cmd.args(["-enc", "UTF-8"]);
    if let Some(page) = page {
        cmd.args(["-f", &page.to_string(), "-l", &page.to_string()]);
    }
    let out = cmd.arg(pdf).arg("-").output().expect("pdftotext");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn pages(pdf: &Path) -> usize {
    let out = std::process::Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo");
    let info = String::from_utf8_lossy(&out.stdout).to_string();
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count")
}

/// pdftotext writes the narrow no-break space as it is and a no-break space as a space.
fn plain_spaces(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
}

#[test]
fn a_french_letter_has_the_french_frame_as_text() {
    let env = Env::new();
    let mut args = draft("essai-fr", "bureau-essai", "fr");
    let own = "Je souhaite ajouter ceci : une réponse rapide serait la bienvenue.";
    args.extend(["--own-words", own]);
    let run = env.run(&args);
    let text = run.ok().to_string();
    // Own words in the letter's language raise no warning.
    assert!(!run.stderr.contains("own words"), "{}", run.stderr);
    assert!(text.contains(own), "{text}");
    assert!(text.contains("25 juillet 2024"), "{text}");
    assert!(text.contains("Objet\u{a0}: Demande de réponse"), "{text}");
    assert!(text.contains("Madame la Directrice,"), "{text}");
    // The closing repeats the salutation, and the organization speaks as "we".
    assert!(
        text.contains("Nous vous prions d’agréer, Madame la Directrice, l’expression de notre"),
        "{text}"
    );
    // A closing that is a sentence wraps as a paragraph.
    assert!(text.contains("de notre\nhaute considération.\n"), "{text}");
}

#[test]
fn a_record_without_a_salutation_in_the_language_falls_back_to_the_language_s_own() {
    let env = Env::new();
    let run = env.run(&draft("essai-fr", "gabinete-sem-vocativo", "fr"));
    let text = run.ok();
    assert!(text.contains("\nMadame, Monsieur,\n"), "{text}");
    assert!(
        text.contains("Nous vous prions d’agréer, Madame, Monsieur, l’expression"),
        "{text}"
    );
    assert!(
        run.stderr
            .contains("has no salutation in `fr`; using \"Madame, Monsieur,\""),
        "{}",
        run.stderr
    );
    let mut individual = draft("ensaio-pt", "gabinete-sem-vocativo", "pt");
    individual.truncate(individual.len() - sender_flags().len());
    individual.extend(["--sender-name", "Ana Pérez"]);
    let text = env.run(&individual).ok().to_string();
    assert!(text.contains("25 de julho de 2024"), "{text}");
    assert!(text.contains("Assunto: Pedido de resposta"), "{text}");
    assert!(
        text.contains("\nPrezada Senhora, Prezado Senhor,\n"),
        "{text}"
    );
    assert!(text.contains("\nRespeitosamente,\n"), "{text}");
    assert!(text.contains("Escrevo a respeito"), "{text}");
}

#[test]
fn french_and_portuguese_pdfs_read_back_with_their_frame() {
    let env = Env::new();
    let long = "Cette phrase est répétée pour que la lettre tienne sur deux pages. ".repeat(40);
    env.write("long-fr.txt", &long);
    let mut args = draft("essai-fr", "bureau-essai", "fr");
    args.extend([
        "--own-words",
        "@long-fr.txt",
        "--format",
        "pdf",
        "-o",
        "fr.pdf",
    ]);
    env.run(&args).ok();
    let pdf = env.join("fr.pdf");
    assert_eq!(pages(&pdf), 2);
    let first = plain_spaces(&pdftotext(&pdf, Some(1)));
    assert!(first.contains("25 juillet 2024"), "{first}");
    // The PDF sets the subject in bold, without its label.
    assert!(
        first.contains("Demande de réponse à un courrier"),
        "{first}"
    );
    assert!(first.contains("Madame la Directrice,"), "{first}");
    assert!(first.contains("Page 1 sur 2"), "{first}");
    let second = plain_spaces(&pdftotext(&pdf, Some(2)));
    assert!(second.contains("Page 2 sur 2"), "{second}");
    assert!(
        second.contains("l’expression de notre haute considération."),
        "{second}"
    );

    let long = "Esta frase é repetida para que a carta ocupe duas páginas. ".repeat(40);
    env.write("long-pt.txt", &long);
    let mut args = draft("ensaio-pt", "gabinete-sem-vocativo", "pt");
    args.extend([
        "--own-words",
        "@long-pt.txt",
        "--format",
        "pdf",
        "-o",
        "pt.pdf",
    ]);
    env.run(&args).ok();
    let pdf = env.join("pt.pdf");
    assert_eq!(pages(&pdf), 2);
    let first = pdftotext(&pdf, Some(1));
    assert!(first.contains("25 de julho de 2024"), "{first}");
    assert!(
        first.contains("Prezada Senhora, Prezado Senhor,"),
        "{first}"
    );
    assert!(first.contains("Página 1 de 2"), "{first}");
    let second = pdftotext(&pdf, Some(2));
    assert!(second.contains("Página 2 de 2"), "{second}");
    assert!(second.contains("Respeitosamente,"), "{second}");
}

#[test]
fn sign_on_letters_name_their_co_signers_in_the_language() {
    let env = Env::new();
    for (campaign, lang, heading, groups) in [
        (
            "essai-fr",
            "fr",
            "Ont également signé :",
            ["Organisations", "À titre individuel"],
        ),
        (
            "ensaio-pt",
            "pt",
            "Também assinam:",
            ["Organizações", "A título individual"],
        ),
    ] {
        for format in ["txt", "pdf"] {
            let out = format!("sign-on-{lang}-{format}");
            let mut args = vec![
                "-q",
                "batch",
                "--recipients",
                concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/tests/fixtures/languages/recipients.toml"
                ),
                "--templates",
                concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/tests/fixtures/languages/letter-templates"
                ),
                "--signers",
                COSIGNERS,
                "--sign-on",
                "-t",
                campaign,
                "--lang",
                lang,
                "--date",
                "2024-07-25",
                "--format",
                if format == "txt" { "text" } else { "pdf" },
                "-o",
                &out,
            ];
            args.extend(sender_flags());
            env.run(&args).ok();
            let file = common::files(&env.join(&out))
                .into_iter()
                .find(|f| f.ends_with(&format!(".{format}")))
                .expect("a letter");
            let path = env.join(&format!("{out}/{file}"));
            let text = if format == "pdf" {
                plain_spaces(&pdftotext(&path, None))
            } else {
                plain_spaces(&env.read(&format!("{out}/{file}")))
            };
            assert!(text.contains(heading), "{lang} {format}: {text}");
            for group in groups {
                assert!(text.contains(group), "{lang} {format}: {text}");
            }
        }
    }
}

const GERMAN: &str = r#"# Der Rahmen eines Briefes auf Deutsch.
language = "de"
name = "Deutsch"
date = "long"
quotes = ["„", "“"]

[labels]
subject = "Betreff:"
page = "Seite {page} von {total}"
cosigned-by = "Mitunterzeichnet von:"
organizations = "Organisationen"
individuals = "Einzelpersonen"
enclosures = "Anlagen:"
cc = "Kopie an:"
signature = "Unterschrift von {name}"

[[convention]]
code = "de"
salutation-end = ","
fallback-salutation = "Sehr geehrte Damen und Herren"
closing = "Mit freundlichen Grüßen"
"#;

/// A workspace with a German locale file, a campaign with a German body, and an
/// office whose record has no German salutation.
fn german_workspace(env: &Env) {
    env.write("letters.toml", "");
    env.write("locales/de.toml", GERMAN);
    env.write(
        "recipients.toml",
        "[amt]\noffice = { de = \"Prüfamt\" }\naddress = [\"Beispielweg 1\", \"10115 Berlin\"]\ncountry = \"DE\"\nlanguages = [\"de\"]\nverified = 2026-11-01\n",
    );
    env.write(
        "letter-templates/probe/template.toml",
        "name = { de = \"Probe\" }\nsubject = { de = \"Bitte um Antwort\" }\nlanguages = [\"de\"]\nrecipients = [\"amt\"]\nas_of = \"2026-11\"\n",
    );
    env.write(
        "letter-templates/probe/de.md.hbs",
        "{{#if voice.we}}Wir bitten{{else}}Ich bitte{{/if}} Sie um eine schriftliche Antwort.\n",
    );
}

#[test]
fn a_workspace_adds_a_language_by_its_files_alone() {
    let env = Env::new();
    german_workspace(&env);
    let run = env.run(&[
        "draft",
        "-t",
        "probe",
        "--date",
        "2024-07-25",
        "--sender-name",
        "Ana Pérez",
    ]);
    let text = run.ok();
    assert!(text.contains("25. Juli 2024"), "{text}");
    assert!(text.contains("Betreff: Bitte um Antwort"), "{text}");
    assert!(text.contains("Sehr geehrte Damen und Herren,"), "{text}");
    assert!(text.contains("Ich bitte Sie"), "{text}");
    assert!(text.contains("Mit freundlichen Grüßen"), "{text}");

    // `--lang` takes it, and the PDF reads back with its labels.
    let mut args = vec![
        "draft",
        "-t",
        "probe",
        "--lang",
        "de",
        "--date",
        "2024-07-25",
        "--format",
        "pdf",
        "-o",
        "de.pdf",
    ];
    args.extend(sender_flags());
    env.run(&args).ok();
    let text = pdftotext(&env.join("de.pdf"), None);
    assert!(text.contains("25. Juli 2024"), "{text}");
    assert!(text.contains("Sehr geehrte Damen und Herren,"), "{text}");
    assert!(text.contains("Mit freundlichen Grüßen"), "{text}");

    // `letters check` reads the locale file with the rest of the workspace.
    let run = env.run(&["check", "."]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
}

#[test]
fn a_language_no_locale_file_gives_is_refused_naming_the_loaded_ones() {
    let env = Env::new();
    let run = env.run(&[
        "draft",
        "-t",
        "election-integrity",
        "--lang",
        "de",
        "--sender-name",
        "A",
    ]);
    let err = run.fails(2);
    assert!(
        err.contains("unknown language `de`: use one of en, es, fr, pt"),
        "{err}"
    );
}

#[test]
fn test_fixtures_pass_letters_check() {
    let env = Env::new();
    let run = env.run(&["check", FIXTURES]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
}

#[test]
fn a_salutation_ends_as_the_convention_of_its_language_says() {
    let env = Env::new();
    german_workspace(&env);
    // German ends its salutation with a comma; Spanish with a colon. A bare one is
    // given the ending; another mark is an error.
    env.write(
        "recipients.toml",
        "[amt]\noffice = { de = \"Prüfamt\", es = \"Oficina\" }\naddress = [\"Beispielweg 1\", \"10115 Berlin\"]\ncountry = \"DE\"\nlanguages = [\"de\", \"es\"]\nsalutation = { de = \"Sehr geehrte Damen und Herren:\", es = \"Señor Director,\" }\nverified = 2026-11-01\n",
    );
    let run = env.run(&["check", "."]);
    assert_eq!(run.code, 2, "{}\n{}", run.stdout, run.stderr);
    let all = format!("{}{}", run.stdout, run.stderr);
    assert!(
        all.contains("the salutation \"Sehr geehrte Damen und Herren:\" in `de` must end with a comma (as letters in de to this office do)"),
        "{all}"
    );
    assert!(
        all.contains("the salutation \"Señor Director,\" in `es` must end with a colon"),
        "{all}"
    );

    env.write(
        "recipients.toml",
        "[amt]\noffice = { de = \"Prüfamt\", es = \"Oficina\" }\naddress = [\"Beispielweg 1\", \"10115 Berlin\"]\ncountry = \"DE\"\nlanguages = [\"de\", \"es\"]\nsalutation = { de = \"Sehr geehrte Damen und Herren,\", es = \"Señor Director\" }\nverified = 2026-11-01\n",
    );
    let run = env.run(&["check", "."]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
}

#[test]
fn check_speaks_the_interface_language() {
    let env = Env::new();
    german_workspace(&env);
    env.write(
        "recipients.toml",
        "[amt]\noffice = { de = \"Prüfamt\", es = \"Oficina\" }\naddress = [\"Beispielweg 1\", \"10115 Berlin\"]\ncountry = \"DE\"\nlanguages = [\"de\", \"es\"]\nsalutation = { es = \"Señor Director,\" }\nverified = 2020-11-01\n",
    );
    let run = env.run(&["--ui-lang", "es", "check", "."]);
    assert_eq!(run.code, 2, "{}\n{}", run.stdout, run.stderr);
    let out = &run.stdout;
    for said in [
        "error: ./recipients.toml [amt]: el saludo \"Señor Director,\" en `es` debe terminar con dos puntos",
        "aviso: ./recipients.toml [amt]: no hay saludo en `de`, un idioma preferido de la oficina",
        "aviso: el destinatario `amt` se verificó por última vez el",
        "comprobados: 1 destinatario, 1 plantilla y 0 peticiones: 1 error, 2 avisos",
    ] {
        assert!(out.contains(said), "{said}\n{out}");
    }
    // The JSON report keeps its English messages.
    let run = env.run(&["--ui-lang", "es", "check", ".", "--json"]);
    assert!(
        run.stdout.contains("must end with a colon"),
        "{}",
        run.stdout
    );

    // A file that does not load is said in Spanish too.
    env.write("recipients.toml", "[amt\n");
    let run = env.run(&["--ui-lang", "es", "check", "."]);
    assert!(run.stdout.contains("error: "), "{}", run.stdout);
    assert!(
        run.stdout.contains("comprobados: 0 destinatarios"),
        "{}",
        run.stdout
    );
}
