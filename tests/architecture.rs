//! The shape of the code stays as ARCHITECTURE.md draws it: layers point one way. A
//! file may use its own module and the modules below it, never one above:
//!
//! app → cli → batch | send | check | report → sink → render → compose → letter → draft → load →
//! model, with text, error and exit below them all. This reads every `crate::` path in
//! `src/` (the `use` lines and paths in code) and fails on one that points up. A second
//! test keeps clap (and its completion engine) out of everything below `cli`.

use std::path::{Path, PathBuf};

/// The layers, top first; modules on one line are side by side.
const LAYERS: &[&[&str]] = &[
    &["app"],
    &["cli"],
    &["batch", "send", "check", "report"],
    &["sink"],
    &["render"],
    &["compose"],
    &["letter"],
    &["draft"],
    &["load"],
    &["model"],
    &["text", "error", "exit", "messages"],
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// The top-level modules a file's code names through `crate::`.
fn used_modules(text: &str) -> Vec<(usize, String)> {
    let mut used = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default();
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let module: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !module.is_empty() {
                used.push((number + 1, module));
            }
            rest = after;
        }
        // `use crate::{a, b}` names several modules at once.
        if let Some(group) = code.trim().strip_prefix("use crate::{") {
            for name in group.split([',', '}', ' ']).filter(|s| !s.is_empty()) {
                let module = name.split("::").next().unwrap_or_default();
                used.push((number + 1, module.to_string()));
            }
        }
    }
    used
}

#[test]
fn layers_point_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 50, "the sources were not found");
    let mut upward = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap_or(file);
        let Some(own) = relative
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .map(|name| name.trim_end_matches(".rs"))
        else {
            continue;
        };
        let Some(own_layer) = layer(own) else {
            assert!(
                matches!(own, "lib" | "main"),
                "{own}: a module that belongs to no layer; add it to LAYERS and ARCHITECTURE.md"
            );
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for (line, module) in used_modules(&text) {
            match layer(&module) {
                Some(used) if used < own_layer => upward.push(format!(
                    "{}:{line}: `{own}` uses `{module}`, a layer above it",
                    relative.display()
                )),
                Some(_) => {}
                None => upward.push(format!(
                    "{}:{line}: `crate::{module}` is in no layer",
                    relative.display()
                )),
            }
        }
    }
    assert!(upward.is_empty(), "{}", upward.join("\n"));
}

#[test]
fn no_clap_below_the_command_line() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut found = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap_or(file);
        if relative.starts_with("cli")
            || relative.starts_with("app")
            || relative.ends_with("main.rs")
        {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for (number, line) in text.lines().enumerate() {
            if line.contains("clap::") || line.contains("clap_complete") {
                found.push(format!(
                    "{}:{}: {}",
                    relative.display(),
                    number + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The code of `path` before its unit tests.
fn code_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    match text.find("#[cfg(test)]") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// Only `app` knows which flag gave a value: nothing below it blames a flag.
#[test]
fn no_flag_names_below_the_application() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut found = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap_or(file);
        if relative.starts_with("app")
            || relative.starts_with("cli")
            || relative.starts_with("error")
        {
            continue;
        }
        for (number, line) in code_of(file).lines().enumerate() {
            if line.contains("Error::flag(") || line.contains("Source::Flag(") {
                found.push(format!(
                    "{}:{}: {}",
                    relative.display(),
                    number + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// Renderers turn a letter into bytes: they read no file.
#[test]
fn no_file_io_in_render() {
    let render = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/render");
    let mut files = Vec::new();
    rust_files(&render, &mut files);
    let mut found = Vec::new();
    for file in &files {
        for (number, line) in code_of(file).lines().enumerate() {
            if line.contains("std::fs::")
                || line.contains("File::open")
                || line.contains("fs::read")
            {
                found.push(format!(
                    "{}:{}: {}",
                    file.display(),
                    number + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
