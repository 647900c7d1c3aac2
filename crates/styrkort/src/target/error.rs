//! The error of the strict target parser: an [`Error`] of kind [`ErrorKind::TargetSyntax`]
//! whose one diagnostic has the byte span where parsing failed (and its line and character
//! column) and, as message, the hint: what was expected, quoting the Swedish words.

use crate::error::{Diagnostic, Error, ErrorKind, Location};
use std::ops::Range;

/// The error for `input` failing at `span` with a hint ("expected a number after 'Minska
/// med'"). The message quotes the input, so that it stands on its own in a list of errors.
pub(crate) fn target_error(input: &str, span: Range<usize>, hint: String) -> Error {
    let before = input.get(..span.start).unwrap_or(input);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let location = Location { line: Some(line), column: Some(column), ..Location::default() }.spanning(span);
    Error::new(ErrorKind::TargetSyntax, vec![Diagnostic::new(location, format!("{hint} in '{input}'"))])
}
