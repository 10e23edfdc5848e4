//! A line of text typed at a prompt, with Esc to go back a step (dialoguer's `Input`
//! ignores Esc) and Ctrl-C to cancel. The text may start filled in (a value the settings
//! give), edited from its end; a default (a file name) is shown and taken by Enter alone.

use std::io;

use dialoguer::console::{measure_text_width, Key, Term};
use dialoguer::theme::{ColorfulTheme, Theme};

/// What was typed (or the default, when nothing was) on Enter; `None` on Esc.
pub fn read(
    theme: &ColorfulTheme,
    prompt: &str,
    initial: &str,
    default: Option<&str>,
) -> io::Result<Option<String>> {
    let term = Term::stderr();
    let mut text: String = initial.to_string();
    let mut rows = 0;
    loop {
        let mut shown = String::new();
        let _ = theme.format_input_prompt(&mut shown, prompt, default);
        shown.push_str(&text);
        rows = redraw(&term, rows, &shown)?;
        match term.read_key()? {
            Key::Enter => break,
            Key::Escape => {
                clear(&term, rows)?;
                return Ok(None);
            }
            Key::Backspace => {
                text.pop();
            }
            Key::Char(c) if !c.is_control() => text.push(c),
            _ => {}
        }
    }
    clear(&term, rows)?;
    if let (true, Some(default)) = (text.trim().is_empty(), default) {
        text = default.to_string();
    }
    let mut done = String::new();
    let _ = theme.format_input_prompt_selection(&mut done, prompt, &text);
    term.write_line(&done)?;
    Ok(Some(text))
}

/// Rows a line of `width` columns takes on a terminal `columns` wide.
fn rows_of(width: usize, columns: usize) -> usize {
    width.saturating_sub(1) / columns.max(1) + 1
}

/// Clears the `rows` rows last drawn and draws `shown`; returns the rows it takes.
fn redraw(term: &Term, rows: usize, shown: &str) -> io::Result<usize> {
    clear(term, rows)?;
    term.write_str(shown)?;
    term.flush()?;
    Ok(rows_of(
        measure_text_width(shown),
        usize::from(term.size().1),
    ))
}

fn clear(term: &Term, rows: usize) -> io::Result<()> {
    term.clear_line()?;
    if rows > 1 {
        term.clear_last_lines(rows - 1)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::rows_of;

    #[test]
    fn a_line_as_wide_as_the_terminal_takes_one_row() {
        assert_eq!(rows_of(0, 80), 1);
        assert_eq!(rows_of(80, 80), 1);
        assert_eq!(rows_of(81, 80), 2);
        assert_eq!(rows_of(200, 80), 3);
    }
}
