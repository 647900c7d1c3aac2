//! The target language: the Swedish prose in which plans state a measure's target ("Öka",
//! "72 %", "Under 6,5 %", "100 % i dec", "K 16,0 % M 17,2 %", "I nivå med riket", "Följa
//! utvecklingen"), parsed into a typed [`Target`] and rendered back as canonical Swedish.
//!
//! - [`Target::parse`] is strict: text that fits no form is an [`Error`](crate::Error) of kind
//!   [`TargetSyntax`](crate::ErrorKind::TargetSyntax) with a byte span and a hint.
//! - [`Target::parse_lenient`] never fails: unknown text becomes a `milestone` (for activities,
//!   "aktivitet") or `unparsed` (other measures), keeping the text ([`Fallback`]).
//! - `Display` writes the canonical text, and `Target::parse(&t.to_string()) == Ok(t)` for every
//!   target the strict parser can produce (a property test checks it).
//! - Serialised with serde, a target is a JSON object with `kind` and the typed fields of its
//!   form, plus `note` for a parenthesised rationale ("35 000 (Dubbling jmf 2020)").
//!
//! - [`ParsedTarget`] is what the command line prints and the bindings hand out: the input,
//!   the canonical text and the target, as one flat JSON object.
//!
//! The forms are those of SPEC §2; `FORMS.md` beside this file lists the forms found in the
//! Region Norrbotten documents and in other regions' plans that the SPEC table does not name, and
//! how they are read.

mod atomic;
mod change;
mod direction;
mod display;
mod error;
mod lexer;
mod parsed;
mod parser;
mod parts;
mod qualitative;
mod quantity;
mod split;
mod vocab;
mod whole;

pub use direction::{AbsoluteChange, Base, ChangeDirection, ChangeUnit, Direction, DirectionTarget, RelativeChange};
pub use parsed::ParsedTarget;
pub use qualitative::{Benchmark, BenchmarkKind, Milestone, NoTarget, NoTargetReason, Population, Unparsed};
pub use quantity::{Bound, BoundKind, Deadline, Fraction, GenderBalance, Level, PerUnit, Unit};
pub use split::{Component, Composite, PerPeriod, PerSex, PerYear, PeriodPart, SexPart, YearPart};

use parser::Parser;
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use whole::Whole;

/// The form of a target: one variant per `kind` of the target language.
///
/// Serialised internally tagged: `{"kind": "level", "value": "72", "unit": "%"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TargetForm {
    /// `direction`: "Öka", "Minska jmf 2019", "Bibehålla", "Positiv trend".
    Direction(DirectionTarget),
    /// `relative_change`: "Öka 5 %", "Minska med 50 % jmf 2019", "Dubbling".
    RelativeChange(RelativeChange),
    /// `absolute_change`: "Öka med 1 200", "Minska med 3 st".
    AbsoluteChange(AbsoluteChange),
    /// `level`: "72 %", "35 000", "350 kr", "2018: 7,1 %".
    Level(Level),
    /// `bound`: "Under 6,5 %", "Högst 5", "Minst 80 %", "Över 90 %", "≥ 85 %".
    Bound(Bound),
    /// `deadline`: "100 % i dec", "95 % vid årets slut", "75,0 % (2027)", "80 % senast 2025".
    Deadline(Deadline),
    /// `per_period`: "DÅ 04: 56 % DÅ 08: 57 % ÅR: 58 %".
    PerPeriod(PerPeriod),
    /// `per_year`: "2025: 60 % 2026: 65 %", "-3,2% (2025) -1% (2026)".
    PerYear(PerYear),
    /// `per_sex`: "K 16,0 % M 17,2 %", "K40", "150 kvinnor, 150 män".
    PerSex(PerSex),
    /// `fraction`: "4/20".
    Fraction(Fraction),
    /// `gender_balance`: "60/40%", "40/60".
    GenderBalance(GenderBalance),
    /// `benchmark`: "I nivå med riket", "Snittet i riket", "Bättre än riket", "Högre än länet".
    Benchmark(Benchmark),
    /// `per_unit`: "Minst ett projekt per kommun".
    PerUnit(PerUnit),
    /// `budget`: "Budget hålls", "Inom budget", "Hålla budget", "Alla verksamheter".
    Budget,
    /// `composite`: labelled components, each a target.
    Composite(Composite),
    /// `milestone`: an activity's deliverable ("Handlingsplan antagen").
    Milestone(Milestone),
    /// `none`: "Följa utvecklingen", "Efter behov", "Basvärde tas fram", "-", empty.
    None(NoTarget),
    /// `unparsed`: text that fits no form (lenient mode only).
    Unparsed(Unparsed),
}

impl TargetForm {
    /// The machine name of the form: `direction`, `relative_change`, `absolute_change`,
    /// `level`, `bound`, `deadline`, `per_period`, `per_year`, `per_sex`, `fraction`,
    /// `gender_balance`, `benchmark`, `per_unit`, `budget`, `composite`, `milestone`, `none` or
    /// `unparsed`.
    pub fn kind(&self) -> &'static str {
        match self {
            TargetForm::Direction(_) => "direction",
            TargetForm::RelativeChange(_) => "relative_change",
            TargetForm::AbsoluteChange(_) => "absolute_change",
            TargetForm::Level(_) => "level",
            TargetForm::Bound(_) => "bound",
            TargetForm::Deadline(_) => "deadline",
            TargetForm::PerPeriod(_) => "per_period",
            TargetForm::PerYear(_) => "per_year",
            TargetForm::PerSex(_) => "per_sex",
            TargetForm::Fraction(_) => "fraction",
            TargetForm::GenderBalance(_) => "gender_balance",
            TargetForm::Benchmark(_) => "benchmark",
            TargetForm::PerUnit(_) => "per_unit",
            TargetForm::Budget => "budget",
            TargetForm::Composite(_) => "composite",
            TargetForm::Milestone(_) => "milestone",
            TargetForm::None(_) => "none",
            TargetForm::Unparsed(_) => "unparsed",
        }
    }
}

/// A parsed target: its form and an optional parenthesised note.
///
/// Serialised as one JSON object: `kind`, the form's typed fields, and `note` when present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    /// What the target says.
    #[serde(flatten)]
    pub form: TargetForm,
    /// A parenthesised rationale written after the target ("35 000 (Dubbling jmf 2020)" has
    /// the note "Dubbling jmf 2020"), or the subject of a sentence ("Andelen nöjda invånare ska
    /// öka" has the note "Andelen nöjda invånare"; with a rationale too, "subject (rationale)");
    /// trimmed, never empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl From<TargetForm> for Target {
    fn from(form: TargetForm) -> Self {
        Target { form, note: None }
    }
}

/// What lenient parsing makes of text that fits no form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fallback {
    /// A `milestone` keeping the text: the loaders' default for activities ("aktivitet").
    Milestone,
    /// An `unparsed` target keeping the text: the default for styrmått and kontrollmått.
    Unparsed,
}

impl Target {
    /// The machine name of the target's form (see [`TargetForm::kind`]).
    pub fn kind(&self) -> &'static str {
        self.form.kind()
    }

    /// Parses a target strictly: every form of the target language, or an error with the byte
    /// span where parsing failed and a hint.
    ///
    /// ```
    /// use styrkort::target::Target;
    /// assert_eq!(Target::parse("K 16,0 % M 17,2 %")?.kind(), "per_sex");
    /// let error = Target::parse("Minska med").unwrap_err();
    /// assert_eq!(error.kind(), styrkort::ErrorKind::TargetSyntax);
    /// assert_eq!(error.diagnostics()[0].location.span, Some(10..10));
    /// assert_eq!(error.to_string(), "bytes 10..10: expected a number after 'Minska med' in 'Minska med'");
    /// # Ok::<(), styrkort::Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<Target, crate::Error> {
        let lead = text.len().saturating_sub(text.trim_start().len());
        let trimmed = text.trim();
        let (body, note) = split_note(trimmed);
        let clean = body.trim_end_matches(|c: char| c.is_whitespace() || TRAILING_PUNCTUATION.contains(&c));
        let mut toks = Vec::with_capacity(8);
        lexer::tokenize(clean, lead, &mut toks);
        let mut parser = Parser::new(text, &toks);
        let (form, subject) = match parser.whole() {
            Some(Whole::Form { form, subject }) => (form, subject),
            Some(Whole::None(reason)) => (TargetForm::None(NoTarget { reason, text: body.to_owned() }), None),
            Some(Whole::Milestone) => (TargetForm::Milestone(Milestone { text: body.to_owned() }), None),
            None => return Err(error::from_failure(text, parser.failure(), lead..lead.saturating_add(clean.len()))),
        };
        let note = match (subject, note) {
            (Some(subject), Some(note)) => Some(format!("{subject} ({note})")),
            (subject, note) => subject.or_else(|| note.map(str::to_owned)),
        };
        Ok(Target { form, note })
    }

    /// Parses a target leniently: as [`Target::parse`], and text that fits no form becomes a
    /// `milestone` or an `unparsed` target (by `fallback`) keeping the whole trimmed text,
    /// parenthesis included. Never fails, never panics.
    ///
    /// ```
    /// use styrkort::target::{Fallback, Target};
    /// let target = Target::parse_lenient("Säkra rutiner för överlämning", Fallback::Milestone);
    /// assert_eq!(target.kind(), "milestone");
    /// assert_eq!(Target::parse_lenient("Öka", Fallback::Unparsed).kind(), "direction");
    /// ```
    pub fn parse_lenient(text: &str, fallback: Fallback) -> Target {
        Target::parse(text).unwrap_or_else(|_| {
            let text = text.trim().to_owned();
            let form = match fallback {
                Fallback::Milestone => TargetForm::Milestone(Milestone { text }),
                Fallback::Unparsed => TargetForm::Unparsed(Unparsed { text }),
            };
            Target::from(form)
        })
    }
}

impl FromStr for Target {
    type Err = crate::Error;
    /// Strict parsing, as [`Target::parse`].
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Target::parse(text)
    }
}

/// Punctuation that may end any target ("Öka.", "72 %;", "12 000 (Ökning jmf 2022):").
const TRAILING_PUNCTUATION: &[char] = &['.', ',', ';', ':', '!', '?'];

/// Splits a final parenthesised note off `text` (already trimmed), also when punctuation follows
/// it: `("35 000", Some("Dubbling jmf 2020"))`. Parentheses must balance; an empty note is
/// dropped, and a bare year ("75,0 % (2027)") is no note but part of the target.
fn split_note(text: &str) -> (&str, Option<&str>) {
    let unpunctuated = text.trim_end_matches(|c: char| c.is_whitespace() || TRAILING_PUNCTUATION.contains(&c));
    let Some(inner) = unpunctuated.strip_suffix(')') else {
        return (text, None);
    };
    let mut depth = 1usize;
    for (at, c) in inner.char_indices().rev() {
        match c {
            ')' => depth = depth.saturating_add(1),
            '(' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    let note = inner.get(at.saturating_add(1)..).unwrap_or_default().trim();
                    if is_bare_year(note) {
                        return (text, None);
                    }
                    let body = inner[..at].trim_end();
                    return (body, (!note.is_empty()).then_some(note));
                }
            }
            _ => {}
        }
    }
    (text, None)
}

/// "2027": four digits, the year of a deadline or of a part of a per-year target.
fn is_bare_year(text: &str) -> bool {
    text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_a_final_note() {
        assert_eq!(split_note("35 000 (Dubbling jmf 2020)"), ("35 000", Some("Dubbling jmf 2020")));
        assert_eq!(split_note("a (b (c))"), ("a", Some("b (c)")));
        assert_eq!(split_note("a ( )"), ("a", None));
        assert_eq!(split_note("a b)"), ("a b)", None));
        assert_eq!(split_note("12 000 (Ökning jmf 2022):"), ("12 000", Some("Ökning jmf 2022")));
        assert_eq!(split_note("75,0 % (2027)"), ("75,0 % (2027)", None));
        assert_eq!(split_note("x)."), ("x).", None));
    }
}
