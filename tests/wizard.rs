//! The guided flow of `letters draft`, driven in a real pseudo-terminal: arrow keys,
//! space, enter, typed text, Ctrl-C and Esc.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::process::Command;

use common::pty::{exit_code, send, spawn, spawn_sized, spawn_with_env, utf8};
use common::Env;
use rexpect::reader::Options;

const DOWN: &str = "\x1b[B";
const ESC: &str = "\x1b";

fn files_in(env: &Env) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(env.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    names
}

#[test]
fn the_whole_flow_writes_the_letter_and_prints_the_command() {
    let env = Env::new();
    let mut p = spawn(&env, &["draft"]);
    p.exp_string("Campaign").unwrap();
    send(&mut p, "detention");
    send(&mut p, "\r");
    p.exp_string("Recipients").unwrap();
    // Untick the Attorney General (second in the list), keep the UN mission.
    send(&mut p, DOWN);
    send(&mut p, " ");
    send(&mut p, "\r");
    p.exp_string("ve-un-mission").unwrap();
    p.exp_string("Language of the letter").unwrap();
    send(&mut p, DOWN); // español → English
    send(&mut p, "\r");
    p.exp_string("Demands").unwrap();
    // Untick the first demand.
    send(&mut p, " ");
    send(&mut p, "\r");
    p.exp_string("Your name").unwrap();
    send(&mut p, "\r"); // empty: re-asked
    p.exp_string("Your name").unwrap();
    send(&mut p, "Ana Pérez\r");
    p.exp_string("Title").unwrap();
    send(&mut p, "Coordinator\r");
    p.exp_string("Organization").unwrap();
    send(&mut p, "\r");
    p.exp_string("Email").unwrap();
    send(&mut p, "\r");
    p.exp_string("Remember these details").unwrap();
    send(&mut p, "n\r");
    p.exp_string("Your own paragraph").unwrap();
    send(&mut p, "\r");
    p.exp_string("Your paragraph").unwrap();
    send(&mut p, "I write from Mérida.\r");
    p.exp_string("Format").unwrap();
    send(&mut p, "\r");
    p.exp_string("File to write the letter to").unwrap();
    send(&mut p, "missing-dir/letter.txt\r");
    p.exp_string("does not exist").unwrap();
    send(&mut p, "letter.txt\r");
    p.exp_string("Your Excellency:").unwrap();
    p.exp_string("Write it?").unwrap();
    send(&mut p, "y\r");
    p.exp_string("Written: letter.txt").unwrap();
    let tail = utf8(&p.exp_eof().unwrap());
    assert_eq!(exit_code(&p), 0);

    let command = tail
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("letters draft"))
        .unwrap_or_else(|| panic!("no command printed in {tail:?}"));
    assert_eq!(
        command,
        "letters draft --template detention-urgent-action --to ve-un-mission --lang en \
         --demands protect-vulnerable-detainees,guarantee-due-process,protect-peaceful-protest \
         --sender-name 'Ana Pérez' --sender-title Coordinator --own-words 'I write from Mérida.' \
         --format text -o letter.txt"
    );
    let letter = env.read("letter.txt");
    assert!(
        letter.contains("His Excellency Mr. Héctor Constant Rosales"),
        "{letter}"
    );
    assert!(letter.contains("\nI write from Mérida.\n"), "{letter}");
    assert!(letter.contains("\nAna Pérez\nCoordinator\n"), "{letter}");
    assert!(
        !letter.contains("Release without delay"),
        "the unticked demand is left out"
    );

    // The printed command makes the same letter.
    let args = shell_words::split(command).unwrap();
    let elsewhere = Env::new();
    let args: Vec<&str> = args[1..].iter().map(String::as_str).collect();
    elsewhere.run(&args).ok();
    assert_eq!(elsewhere.read("letter.txt"), letter);
}

#[test]
fn flags_given_are_not_asked_again_and_spanish_prompts_follow_the_locale() {
    let env = Env::new();
    let mut p = spawn(
        &env,
        &[
            "draft",
            "--to",
            "ve-attorney-general",
            "--lang",
            "es",
            "--demands",
            "all",
            "--format",
            "text",
            "-o",
            "carta.txt",
            "--own-words",
            "Escribo desde Mérida.",
            "--ui-lang",
            "es",
            "--no-remember",
            "--yes",
        ],
    );
    p.exp_string("(escriba para filtrar)").unwrap();
    send(&mut p, "detention\r");
    p.exp_string("Su nombre").unwrap();
    send(&mut p, "Ana\r\r\r\r");
    p.exp_string("Escrita: carta.txt").unwrap();
    let rest = utf8(&p.exp_eof().unwrap());
    assert!(!rest.contains("Destinatarios"), "{rest}");
    assert_eq!(exit_code(&p), 0);
    assert!(env.read("carta.txt").contains("Señor Fiscal General:"));
}

#[test]
fn ctrl_c_at_any_step_or_esc_at_the_first_writes_nothing_and_exits_130() {
    // (keys to reach the step, then how to stop)
    let steps: [(&[&str], &str); 5] = [
        (&[], "c"),
        (&[], ESC),
        (&["detention\r"], "c"),
        (&["detention\r", "\r"], "c"),
        (&["detention\r", "\r", "\r", "\r", "Ana\r"], "c"),
    ];
    for (keys, stop) in steps {
        let env = Env::new();
        let mut p = spawn(&env, &["draft", "-o", "out.txt"]);
        p.exp_string("Campaign").unwrap();
        for key in keys {
            send(&mut p, key);
        }
        if stop == "c" {
            std::thread::sleep(std::time::Duration::from_millis(200));
            p.send_control('c').unwrap();
        } else {
            send(&mut p, stop);
        }
        p.exp_eof().unwrap();
        assert_eq!(exit_code(&p), 130, "keys {keys:?} then {stop:?}");
        assert!(files_in(&env).is_empty(), "wrote {:?}", files_in(&env));
    }
}

#[test]
fn saying_no_at_the_preview_writes_nothing() {
    let env = Env::new();
    let mut p = spawn(
        &env,
        &[
            "draft",
            "-t",
            "election-integrity",
            "--to",
            "us-secretary-of-state",
            "--lang",
            "en",
            "--demands",
            "all",
            "-f",
            "text",
            "-o",
            "x.txt",
            "--own-words",
            "",
            "--no-remember",
        ],
    );
    p.exp_string("Your name").unwrap();
    send(&mut p, "Ana\r\r\r\r");
    p.exp_string("Write it?").unwrap();
    send(&mut p, "n\r");
    p.exp_string("nothing was written").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&p), 130);
    assert!(files_in(&env).is_empty());
}

#[test]
fn the_signer_is_remembered_only_when_the_user_agrees() {
    let env = Env::new();
    let mut p = spawn(
        &env,
        &[
            "draft",
            "-t",
            "election-integrity",
            "--to",
            "us-secretary-of-state",
            "--lang",
            "en",
            "--demands",
            "all",
            "-f",
            "text",
            "-o",
            "-",
            "--own-words",
            "",
            "--yes",
        ],
    );
    p.exp_string("Your name").unwrap();
    send(
        &mut p,
        "Ana Pérez\rCoordinator\rOur Network\rana@example.org\r",
    );
    p.exp_string("Remember these details").unwrap();
    send(&mut p, "y\r");
    p.exp_string("Saved in").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&p), 0);
    let saved = env.read(".config-letters/letters.toml");
    assert!(saved.contains("name = \"Ana Pérez\""), "{saved}");

    // Next time nothing about the signer is asked, and no terminal is needed at all.
    let run = env.run(&["-q", "draft", "-t", "election-integrity"]);
    assert!(
        run.ok().contains("\nAna Pérez\nCoordinator\nOur Network\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn without_a_terminal_on_stdin_nothing_is_asked() {
    let env = Env::new();
    let bin = assert_cmd::cargo::cargo_bin("letters");
    // stderr is the pseudo-terminal, stdin is /dev/null.
    let mut cmd = Command::new("bash");
    cmd.arg("-c")
        .arg(format!("'{}' draft < /dev/null", bin.display()))
        .current_dir(env.path())
        .env("LETTERS_TODAY", common::TODAY)
        .env("LETTERS_CONFIG_DIR", env.join(".config-letters"))
        .env("TERM", "xterm");
    let options = Options::default()
        .timeout_ms(Some(15_000))
        .strip_ansi_escape_codes(true);
    let mut p = rexpect::spawn_with_options(cmd, options).unwrap();
    p.exp_string("error: missing --template").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&p), 2);
}

/// Whatever the flags and the answers set, the command printed at the end says it all:
/// run elsewhere, it makes the same bytes. Flags the prompts never ask about (layout,
/// signature, sender address, phone and web, --from, --cc, fields, width, date) are kept.
#[test]
fn the_replayed_command_makes_the_same_bytes() {
    let env = Env::new();
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signature.png"),
        env.join("firma.png"),
    )
    .unwrap();
    for (format, file) in [("pdf", "carta.pdf"), ("email", "carta.eml")] {
        let mut p = spawn(
            &env,
            &[
                "draft",
                "--layout",
                "a4",
                "--signature",
                "firma.png",
                "--sender-address",
                "Apartado 123",
                "--sender-address",
                "Caracas",
                "--sender-phone",
                "+58 212 555 0100",
                "--sender-web",
                "https://example.org",
                "--from",
                "Red <red@example.org>",
                "--cc",
                "Copia <copia@example.org>",
                "--field",
                "city=Mérida",
                "--width",
                "60",
                "--date",
                "2024-08-20",
                "--format",
                format,
                "-o",
                file,
                "--no-remember",
                "--yes",
            ],
        );
        p.exp_string("Campaign").unwrap();
        send(&mut p, "detention");
        send(&mut p, "\r");
        p.exp_string("Recipients").unwrap();
        send(&mut p, DOWN);
        send(&mut p, " ");
        send(&mut p, "\r");
        p.exp_string("Language of the letter").unwrap();
        send(&mut p, "\r");
        p.exp_string("Demands").unwrap();
        send(&mut p, DOWN);
        send(&mut p, " ");
        send(&mut p, "\r");
        p.exp_string("Your name").unwrap();
        send(&mut p, "Ana O'Brien\r");
        p.exp_string("Title").unwrap();
        send(&mut p, "Coordinadora\r");
        p.exp_string("Organization").unwrap();
        send(&mut p, "Red \"Uno\"\r");
        p.exp_string("Email").unwrap();
        send(&mut p, "ana@example.org\r");
        p.exp_string("Your own paragraph").unwrap();
        send(&mut p, "\r");
        p.exp_string("Your paragraph").unwrap();
        send(&mut p, "Escribo desde Mérida; me importa.\r");
        let tail = utf8(&p.exp_eof().unwrap());
        assert_eq!(exit_code(&p), 0, "{tail}");
        let command = tail
            .lines()
            .map(str::trim)
            .find(|l| l.starts_with("letters draft"))
            .unwrap_or_else(|| panic!("no command printed in {tail:?}"));
        for flag in [
            "--layout a4",
            "--signature firma.png",
            "--sender-address 'Apartado 123'",
            "--from 'Red <red@example.org>'",
            "--cc 'Copia <copia@example.org>'",
            "--date 2024-08-20",
            "--width 60",
        ] {
            assert!(command.contains(flag), "{flag}: {command}");
        }
        let written = std::fs::read(env.join(file)).unwrap();
        let elsewhere = Env::new();
        std::fs::copy(env.join("firma.png"), elsewhere.join("firma.png")).unwrap();
        let args = shell_words::split(command).unwrap();
        let args: Vec<&str> = args[1..].iter().map(String::as_str).collect();
        elsewhere.run(&args).ok();
        let again = std::fs::read(elsewhere.join(file)).unwrap();
        assert!(
            again == written,
            "{format}: the replayed command made other bytes"
        );
    }
}

#[test]
fn spanish_prompts_describe_formats_warn_and_answer_yes_or_no_in_spanish() {
    let env = Env::new();
    let mut p = spawn(
        &env,
        &[
            "draft",
            "-t",
            "detention-urgent-action",
            "--to",
            "ve-attorney-general",
            "--lang",
            "es",
            "--demands",
            "all",
            "--own-words",
            "",
            "--ui-lang",
            "es",
            "--no-remember",
        ],
    );
    p.exp_string("Su nombre").unwrap();
    send(&mut p, "Ana\r\r\r\r");
    p.exp_string("Formato").unwrap();
    p.exp_string("Texto sin formato").unwrap();
    send(&mut p, "\r");
    p.exp_string("Archivo donde escribir la carta").unwrap();
    send(&mut p, "carta.txt\r");
    // The pseudo-terminal's bytes come back one a character: match ASCII, then read the
    // rest as UTF-8.
    let before = utf8(&p.exp_string("Escribirla?").unwrap());
    // The warnings are said in the prompts' language too.
    assert!(
        before.contains("aviso: la campaña `detention-urgent-action` pedía actuar antes del 27 de septiembre de 2024"),
        "{before}"
    );
    assert!(
        before.contains("aviso: el destinatario `ve-attorney-general` se verificó por última vez el 2024-08-07 y esta carta lleva fecha del 23 de noviembre de 2026"),
        "{before}"
    );
    assert!(
        before.contains("(nota: Titular del cargo según una acción urgente de agosto de 2024."),
        "{before}"
    );
    assert!(!before.contains("warning:"), "{before}");
    p.exp_string("(S/n)").unwrap();
    send(&mut p, "s\r");
    let rest = utf8(&p.exp_eof().unwrap());
    assert!(rest.contains("¿Escribirla? · sí"), "{rest}");
    assert!(rest.contains("Escrita: carta.txt"), "{rest}");
    assert_eq!(exit_code(&p), 0);
    assert!(env.read("carta.txt").contains("Señor Fiscal General:"));
}

#[test]
fn a_campaigns_deadline_mark_is_never_cut_off() {
    let env = Env::new();
    let mut p = spawn(&env, &["draft", "-o", "out.txt"]);
    p.exp_string("Campaign").unwrap();
    // The urgent action's label is longer than the terminal; its mark stays whole.
    p.exp_string("[act before 27 September 2024: passed] Mass detention")
        .unwrap();
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&p), 130);
}

const BACKSPACE: &str = "\x7f";

/// Waits for `text`, which may be UTF-8: the pseudo-terminal's reader hands back one
/// char per byte.
fn expect(p: &mut rexpect::session::PtySession, text: &str) {
    let bytes: String = text.bytes().map(char::from).collect();
    if let Err(err) = p.exp_string(&bytes) {
        panic!("waiting for {text:?}: {err}");
    }
}

/// What a first-time user meets, on a small and a large terminal, in each language: a
/// filter that matches nothing says so; Esc goes back one step (and the screen says so);
/// a stray Enter after a yes-or-no question answers nothing else; the letter's language
/// is offered as the recipient's and the user's own; an email format is not offered for
/// an office without an email address, and the screen says why.
#[test]
fn a_first_time_user_goes_back_and_finishes_on_small_and_large_terminals() {
    struct Words {
        flags: &'static [&'static str],
        keys_hint: &'static str,
        nothing: &'static str,
        filter: &'static str,
        back: &'static str,
        recipients: &'static str,
        recipients_language: &'static str,
        own_language: &'static str,
        name: &'static str,
        title: &'static str,
        remember: &'static str,
        paragraph: &'static str,
        not_offered: &'static str,
        file: &'static str,
        write: &'static str,
        written: &'static str,
    }
    let english = Words {
        flags: &[],
        keys_hint: "Esc goes back one step; Ctrl-C cancels",
        nothing: "nothing matches",
        filter: "integr",
        back: "Back one step",
        recipients: "Recipients",
        recipients_language: "English (en) — the recipient's language, your language",
        own_language: "español (es)\r\n",
        name: "Your name",
        title: "Title",
        remember: "Remember these details for your next letters? (y/N)",
        paragraph: "Your own paragraph",
        not_offered: "Not offered: email: `us-secretary-of-state` has no email address.",
        file: "File to write the letter to",
        write: "Write it? (Y/n)",
        written: "Written: ",
    };
    let spanish = Words {
        flags: &["--ui-lang", "es"],
        keys_hint: "Esc vuelve al paso anterior; Ctrl-C cancela",
        nothing: "nada coincide",
        filter: "integr",
        back: "Un paso atr",
        recipients: "Destinatarios",
        recipients_language: "English (en) — el idioma del destinatario",
        own_language: "(es) — su idioma",
        name: "Su nombre",
        title: "Cargo",
        remember: "para sus pr",
        paragraph: "Su propio p",
        not_offered: "No disponible: email: `us-secretary-of-state` no tiene direcci",
        file: "Archivo donde escribir la carta",
        write: "Escribirla? (S/n)",
        written: "Escrita: ",
    };
    for (rows, columns) in [(24, 80), (40, 120)] {
        for words in [&english, &spanish] {
            let env = Env::new();
            let mut args = vec!["draft"];
            args.extend(words.flags);
            let mut p = spawn_sized(&env, rows, columns, &args);
            expect(&mut p, words.keys_hint);
            send(&mut p, "zzqx");
            expect(&mut p, words.nothing);
            send(&mut p, &BACKSPACE.repeat(4));
            send(&mut p, words.filter);
            send(&mut p, "\r");
            expect(&mut p, words.recipients);
            send(&mut p, ESC);
            expect(&mut p, words.back);
            send(&mut p, words.filter);
            send(&mut p, "\r");
            expect(&mut p, words.recipients);
            send(&mut p, "\r");
            expect(&mut p, words.recipients_language);
            expect(&mut p, words.own_language);
            send(&mut p, "\r");
            send(&mut p, "\r"); // the demands, all ticked
            expect(&mut p, words.name);
            send(&mut p, "Ana\r");
            expect(&mut p, words.title);
            send(&mut p, ESC);
            expect(&mut p, words.back);
            // The name typed before is offered again, to be edited.
            expect(&mut p, &format!("{} › Ana", words.name));
            send(&mut p, " Pérez\r\r\r\r");
            expect(&mut p, words.remember);
            // Enter takes the default (no); the Enter after it is not an answer to the
            // next question.
            send(&mut p, "\r");
            expect(&mut p, words.paragraph);
            send(&mut p, &format!("{DOWN}{DOWN}\r"));
            expect(&mut p, words.not_offered);
            send(&mut p, "\r");
            expect(&mut p, words.file);
            send(&mut p, "\r");
            expect(&mut p, words.write);
            send(&mut p, "\r");
            expect(&mut p, words.written);
            p.exp_eof().unwrap();
            assert_eq!(exit_code(&p), 0, "{rows}×{columns} {:?}", words.flags);
            let files = files_in(&env);
            assert_eq!(files.len(), 1, "{files:?}");
            let letter = env.read(&files[0]);
            assert!(letter.contains("\nAna Pérez\n"), "{letter}");
            assert!(!env.path().join(".config-letters/letters.toml").exists());
        }
    }
}

/// Markers come first on a choice, so an 80-column terminal shows them whole.
#[test]
fn markers_come_first_at_80_columns() {
    let env = Env::new();
    let mut p = spawn_sized(&env, 24, 80, &["draft", "-t", "detention-urgent-action"]);
    expect(&mut p, "Recipients");
    expect(&mut p, "⚠ not verified since 2024-08-07 Attorney General");
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();
    let env = Env::new();
    let mut p = spawn_sized(&env, 24, 80, &["draft", "--ui-lang", "es"]);
    expect(
        &mut p,
        "[actuar antes del 27 de septiembre de 2024: vencido] Detenciones",
    );
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&p), 130);
}

/// A format given on the command line that a ticked office cannot receive is said at
/// once, at the recipients, not after every other answer.
#[test]
fn a_format_an_office_cannot_receive_is_said_at_the_recipients() {
    let env = Env::new();
    let mut p = spawn(
        &env,
        &["draft", "-t", "election-integrity", "--format", "email"],
    );
    p.exp_string("Recipients").unwrap();
    send(&mut p, "\r");
    expect(
        &mut p,
        "`us-secretary-of-state` has no email address for the format you gave",
    );
    p.exp_string("Recipients").unwrap();
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&p), 130);
    assert!(files_in(&env).is_empty());
}

/// A failure after every answer (here, the output is a link, which is never written
/// through) prints the command that makes the same letter once it is fixed.
#[test]
fn a_late_failure_prints_the_command_with_every_answer() {
    let env = Env::new();
    std::os::unix::fs::symlink("elsewhere.txt", env.join("letter.txt")).unwrap();
    let mut p = spawn(
        &env,
        &[
            "draft",
            "-t",
            "election-integrity",
            "--to",
            "us-secretary-of-state",
            "--own-words",
            "",
            "--no-remember",
            "-f",
            "text",
            "-o",
            "letter.txt",
        ],
    );
    p.exp_string("Language of the letter").unwrap();
    send(&mut p, "\r");
    send(&mut p, "\r");
    p.exp_string("Your name").unwrap();
    send(&mut p, "Ana\rCoordinator\r\r\r");
    p.exp_string("Write it?").unwrap();
    send(&mut p, "\r");
    let tail = utf8(&p.exp_eof().unwrap());
    assert_ne!(exit_code(&p), 0, "{tail}");
    assert!(tail.contains("Your answers, as one command"), "{tail}");
    assert!(
        tail.contains("--sender-name Ana --sender-title Coordinator"),
        "{tail}"
    );
    assert!(!env.join("elsewhere.txt").exists());
}

/// The prompts are in Spanish from `LETTERS_UI_LANG`, or from a Spanish locale as the
/// platform reads it (`LANGUAGE` first, unless the locale is C), else English.
#[test]
fn the_prompts_language_comes_from_the_environment_as_the_platform_reads_it() {
    let cases: [(&[(&str, &str)], &str); 4] = [
        (&[("LETTERS_UI_LANG", "es")], "(escriba para filtrar)"),
        (
            &[("LANG", "en_US.UTF-8"), ("LANGUAGE", "es_VE:en")],
            "Campa",
        ),
        (&[("LC_ALL", "es_VE.UTF-8")], "(escriba para filtrar)"),
        (&[("LANGUAGE", "es")], "(type to filter)"),
    ];
    for (vars, prompt) in cases {
        let env = Env::new();
        let mut p = spawn_with_env(&env, vars, &["draft"]);
        expect(&mut p, prompt);
        p.send_control('c').unwrap();
        p.exp_eof().unwrap();
        assert_eq!(exit_code(&p), 130, "{vars:?}");
    }
}

/// The language step offers any loaded language a campaign is written in: the
/// recipient's first (French, from the bundled locale), then the user's own.
#[test]
fn the_language_step_offers_a_loaded_language_recipient_s_first() {
    let env = Env::new();
    env.write("letters.toml", "");
    env.write(
        "recipients.toml",
        "[bureau]\noffice = { fr = \"Bureau d’essai\", es = \"Oficina de prueba\" }\naddress = [\"1, rue de l’Exemple\", \"75000 Paris\"]\ncountry = \"FR\"\nlanguages = [\"fr\"]\nverified = 2026-11-01\n",
    );
    env.write(
        "letter-templates/essai/template.toml",
        "name = { es = \"Prueba\", fr = \"Essai\" }\nsubject = { es = \"Asunto de prueba\", fr = \"Objet d’essai\" }\nlanguages = [\"es\", \"fr\"]\nrecipients = [\"bureau\"]\nas_of = \"2026-11\"\n",
    );
    env.write("letter-templates/essai/es.md.hbs", "Le escribo.\n");
    env.write("letter-templates/essai/fr.md.hbs", "Je vous écris.\n");
    let mut p = spawn(
        &env,
        &["draft", "-t", "essai", "--to", "bureau", "--ui-lang", "es"],
    );
    p.exp_string("Idioma de la carta").unwrap();
    let screen = utf8(&p.exp_string("su idioma").unwrap());
    let french = screen.find("français (fr) — el idioma del destinatario");
    let spanish = screen.find("español (es)");
    assert!(
        matches!((french, spanish), (Some(f), Some(s)) if f < s),
        "{screen}"
    );
    std::thread::sleep(std::time::Duration::from_millis(200));
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&p), 130);
}
