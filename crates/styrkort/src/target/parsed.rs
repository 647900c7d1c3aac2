//! One target text as the command line prints it and the C ABI and the Python package hand it
//! out: the text as given, its canonical Swedish form and the typed target, serialised as one
//! flat JSON object.

use super::{Fallback, Target};
use serde::{Deserialize, Serialize};

/// A target text and what the target language made of it.
///
/// Serialised as one flat JSON object, in this order: `input`, `canonical`, `kind`, the typed
/// fields of the form, and `note` when there is one:
///
/// ```
/// use styrkort::target::ParsedTarget;
/// let parsed = ParsedTarget::parse("Minska med 50 % jmf 2019 (Halvering)")?;
/// assert_eq!(
///     serde_json::to_string(&parsed).expect("serialises"),
///     r#"{"input":"Minska med 50 % jmf 2019 (Halvering)","canonical":"Minska med 50 % jmf 2019 (Halvering)","kind":"relative_change","direction":"decrease","value":"50","unit":"percent","base":"2019","note":"Halvering"}"#
/// );
/// # Ok::<(), styrkort::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParsedTarget {
    /// The text as given, verbatim (white space and all).
    pub input: String,
    /// The canonical Swedish text of the target ([`Target`]'s `Display`), which parses back
    /// to the same target.
    pub canonical: String,
    /// The target: its `kind`, the typed fields of its form and its `note`, flattened into
    /// the same JSON object.
    #[serde(flatten)]
    pub target: Target,
}

impl ParsedTarget {
    /// Pairs a text with the target read from it; the canonical text is the target's.
    pub fn new(input: impl Into<String>, target: Target) -> ParsedTarget {
        ParsedTarget { input: input.into(), canonical: target.to_string(), target }
    }

    /// Parses a text strictly, as [`Target::parse`]: a target of the language, or an
    /// [`Error`](crate::Error) of kind [`TargetSyntax`](crate::ErrorKind::TargetSyntax) with
    /// the byte span and a hint.
    ///
    /// ```
    /// use styrkort::target::ParsedTarget;
    /// assert_eq!(ParsedTarget::parse("≥ 85 %")?.canonical, "Minst 85 %");
    /// assert!(ParsedTarget::parse("M30 M35").is_err());
    /// # Ok::<(), styrkort::Error>(())
    /// ```
    pub fn parse(input: &str) -> Result<ParsedTarget, crate::Error> {
        Target::parse(input).map(|target| ParsedTarget::new(input, target))
    }

    /// Parses a text leniently, as [`Target::parse_lenient`]: text that fits no form becomes
    /// a `milestone` or `unparsed` target (by `fallback`) that keeps it. Never fails.
    ///
    /// ```
    /// use styrkort::target::{Fallback, ParsedTarget};
    /// let parsed = ParsedTarget::lenient("Sjuttio procent", Fallback::Unparsed);
    /// assert_eq!((parsed.kind(), parsed.canonical.as_str()), ("unparsed", "Sjuttio procent"));
    /// ```
    pub fn lenient(input: &str, fallback: Fallback) -> ParsedTarget {
        ParsedTarget::new(input, Target::parse_lenient(input, fallback))
    }

    /// The machine name of the target's form (see [`TargetForm::kind`](super::TargetForm::kind)).
    pub fn kind(&self) -> &'static str {
        self.target.kind()
    }
}
