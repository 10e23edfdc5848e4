//! The English catalogue says exactly what `Display` and `hint` say, for every kind of
//! error; the Spanish one says it in Spanish.

use std::path::PathBuf;

use crate::error::{Error, IoAction, Source};

fn every_kind() -> Vec<Error> {
    let io = |kind| std::io::Error::new(kind, "boom");
    vec![
        Error::flag("--width", "must be a number"),
        Error::Invalid {
            origin: Source::Prompt("Your name"),
            message: "is empty".into(),
        },
        Error::Invalid {
            origin: Source::Cell {
                file: "s.csv".into(),
                row: 3,
                column: "Email".into(),
            },
            message: "bad".into(),
        },
        Error::MissingChoices {
            missing: vec!["--template".into(), "--to".into()],
            hint: "give them".into(),
        },
        Error::Data {
            location: "r.toml:1:2".into(),
            message: "bad".into(),
        },
        Error::Signers {
            location: "s.csv".into(),
            message: "bad".into(),
        },
        Error::Template {
            location: "t.hbs".into(),
            message: "bad".into(),
        },
        Error::MissingVariable {
            location: "t.hbs:3".into(),
            name: "x".into(),
            available: "a, b",
        },
        Error::UnknownId {
            kind: "template",
            id: "detentoin".into(),
            suggestion: Some("detention".into()),
            see: "letters templates list".into(),
        },
        Error::UnknownId {
            kind: "recipient",
            id: "x".into(),
            suggestion: None,
            see: "letters recipients list".into(),
        },
        Error::NoEmail {
            recipient: "us-secretary-of-state".into(),
        },
        Error::NoAddress {
            recipient: "x".into(),
            path: "recipients.toml".into(),
        },
        Error::Address {
            field: "--from".into(),
            value: "a\tb".into(),
            message: "no @".into(),
        },
        Error::Mail {
            location: "m.eml".into(),
            message: "bad".into(),
        },
        Error::delivery("refused", Some("try later".into())),
        Error::Render {
            message: "bad font".into(),
            hint: None,
        },
        Error::Signature {
            path: PathBuf::from("s.png"),
            message: "not a PNG".into(),
        },
        Error::MissingGlyphs {
            chars: "鈥".into(),
            context: "of --own-words".into(),
            bundled: true,
        },
        Error::MissingGlyphs {
            chars: "字".into(),
            context: "the body".into(),
            bundled: true,
        },
        Error::MissingGlyphs {
            chars: "字".into(),
            context: "the body".into(),
            bundled: false,
        },
        Error::Io {
            action: IoAction::Read,
            path: PathBuf::from("a"),
            source: io(std::io::ErrorKind::NotFound),
        },
        Error::Io {
            action: IoAction::Write,
            path: PathBuf::from("a"),
            source: io(std::io::ErrorKind::StorageFull),
        },
        Error::Io {
            action: IoAction::Use,
            path: PathBuf::from("a"),
            source: io(std::io::ErrorKind::PermissionDenied),
        },
        Error::Refused {
            path: PathBuf::from("a"),
            reason: "it is a link".into(),
        },
        Error::InUse {
            path: PathBuf::from("manifest.jsonl"),
        },
        Error::BatchStopped {
            source: Box::new(Error::Refused {
                path: PathBuf::from("a"),
                reason: "it is a link".into(),
            }),
            recorded: Some(3),
            resumable: true,
        },
        Error::BatchStopped {
            source: Box::new(Error::InUse {
                path: PathBuf::from("m"),
            }),
            recorded: None,
            resumable: true,
        },
        Error::BatchStopped {
            source: Box::new(Error::InUse {
                path: PathBuf::from("m"),
            }),
            recorded: None,
            resumable: false,
        },
    ]
}

#[test]
fn the_english_catalogue_says_what_display_and_hint_say() {
    for error in every_kind() {
        assert_eq!(error.message_in("en"), error.to_string(), "{error:?}");
        assert_eq!(error.hint_in("en"), error.hint(), "{error:?}");
    }
}

#[test]
fn errors_and_hints_are_said_in_spanish() {
    let no_email = Error::NoEmail {
        recipient: "us-secretary-of-state".into(),
    };
    assert_eq!(
        no_email.message_in("es"),
        "el destinatario `us-secretary-of-state` no tiene dirección de correo electrónico, así que esta carta no puede ser un correo"
    );
    assert!(no_email
        .hint_in("es")
        .is_some_and(|h| h.starts_with("use --format pdf o --format text")));
    for error in every_kind() {
        let spanish = error.message_in("es");
        assert!(!spanish.contains('{'), "{spanish}");
        if let Some(hint) = error.hint_in("es") {
            assert!(!hint.contains('{'), "{hint}");
        }
    }
}
