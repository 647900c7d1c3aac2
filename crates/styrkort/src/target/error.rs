//! The error of the strict target parser: where in the text it failed and what it expected.

use std::ops::Range;

/// A target text that fits no form of the target language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{hint} (bytes {}..{} of '{input}')", span.start, span.end)]
pub struct TargetError {
    /// The whole text given to the parser.
    pub input: String,
    /// The byte range of `input` where parsing failed (empty at the end of the text when
    /// something is missing there).
    pub span: Range<usize>,
    /// What was expected, in English, quoting the Swedish words ("expected a number after
    /// 'Minska med'").
    pub hint: String,
}
