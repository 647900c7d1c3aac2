//! Standard output and standard error as the command uses them: what comes from files is shown
//! with its control characters escaped when it goes to a terminal (an ANSI escape in a plan's
//! text must not recolour or clear the screen), a closed pipe (`styrkort check | head`) ends the
//! command quietly, and the exit codes the README documents.

use std::borrow::Cow;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// 1: a file has problems, or cannot be read or written.
pub const INVALID: u8 = 1;
/// 2: the command line is wrong (clap's own errors are 2 as well).
pub const USAGE: u8 = 2;
/// 141: standard output was closed before everything was written, as a program ended by
/// SIGPIPE (128 + 13) reports it.
pub const CLOSED_PIPE: u8 = 141;

/// Exit code 1.
pub fn invalid() -> ExitCode {
    ExitCode::from(INVALID)
}

/// Exit code 2, after a message on standard error.
pub fn usage(message: &str) -> ExitCode {
    error(message);
    ExitCode::from(USAGE)
}

/// Whether a character would move the cursor, change colours or reorder text on a terminal:
/// the C0 and C1 controls (but a tab and a line feed), DEL, and the bidirectional overrides.
fn is_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The text with every control character shown as its escape (`\u{1b}`).
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars().map(|c| if is_control(c) { c.escape_unicode().to_string() } else { c.to_string() }).collect(),
    )
}

/// Whether a text has a character [`escape_controls`] escapes.
pub fn has_controls(text: &str) -> bool {
    text.chars().any(is_control)
}

/// Whether standard output is a terminal.
pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

/// Writes text to standard output, escaped when it is a terminal: exit code 0, 141 when the
/// pipe was closed (nothing more is said), or 1 with a message.
pub fn print(text: &str) -> ExitCode {
    let text = if stdout_is_terminal() { escape_controls(text) } else { Cow::Borrowed(text) };
    print_raw(&text)
}

/// Writes text to standard output as it is (a report's own colours).
pub fn print_raw(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(CLOSED_PIPE),
        Err(error) => {
            self::error(&format!("cannot write to standard output: {error}"));
            invalid()
        }
    }
}

/// Writes lines to standard error, escaped when it is a terminal; a closed standard error is
/// ignored (there is nowhere left to say anything).
pub fn eprint_lines(text: &str) {
    let text = if std::io::stderr().is_terminal() { escape_controls(text) } else { Cow::Borrowed(text) };
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
    if !text.ends_with('\n') {
        let _ = err.write_all(b"\n");
    }
}

/// `styrkort: <message>` on standard error.
pub fn error(message: &str) {
    eprint_lines(&format!("styrkort: {message}"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_text_is_kept() {
        assert_eq!(escape_controls("Mål\t2021\n"), "Mål\t2021\n");
        assert_eq!(escape_controls("\u{1b}[2Jröd\r"), "\\u{1b}[2Jröd\\u{d}");
        assert_eq!(escape_controls("a\u{202e}b\u{9b}"), "a\\u{202e}b\\u{9b}");
        assert!(has_controls("\u{7f}") && !has_controls("Å"));
    }
}
