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
//! The forms are those of SPEC §2; `FORMS.md` beside this file lists the forms found in the
//! Region Norrbotten documents that the SPEC table does not name, and how they are read.

mod direction;
mod display;
mod error;
mod lexer;
mod parser;
mod parts;
mod qualitative;
mod quantity;
mod split;
mod vocab;

pub use direction::{Base, ChangeDirection, ChangeUnit, Direction, DirectionTarget, RelativeChange};
pub use qualitative::{Benchmark, BenchmarkKind, Milestone, NoTarget, NoTargetReason, Unparsed};
pub use quantity::{Bound, BoundKind, Deadline, Fraction, GenderBalance, Level, PerUnit, Unit};
pub use split::{Component, Composite, PerPeriod, PerSex, PeriodPart, SexPart};

use parser::{Expect, Parser};
use parts::Whole;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

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
    /// `level`: "72 %", "35 000", "350 kr", "2018: 7,1 %".
    Level(Level),
    /// `bound`: "Under 6,5 %", "Högst 5", "Minst 80 %", "Över 90 %".
    Bound(Bound),
    /// `deadline`: "100 % i dec", "95 % vid årets slut".
    Deadline(Deadline),
    /// `per_period`: "DÅ 04: 56 % DÅ 08: 57 % ÅR: 58 %".
    PerPeriod(PerPeriod),
    /// `per_sex`: "K 16,0 % M 17,2 %", "K40", "150 kvinnor, 150 män".
    PerSex(PerSex),
    /// `fraction`: "4/20".
    Fraction(Fraction),
    /// `gender_balance`: "60/40%", "40/60".
    GenderBalance(GenderBalance),
    /// `benchmark`: "I nivå med riket", "Snittet i riket", "Bättre än riket".
    Benchmark(Benchmark),
    /// `per_unit`: "Minst ett projekt per kommun".
    PerUnit(PerUnit),
    /// `budget`: "Budget hålls", "Inom budget", "Hålla budget", "Alla verksamheter".
    Budget,
    /// `composite`: labelled components, each a target.
    Composite(Composite),
    /// `milestone`: an activity's deliverable ("Handlingsplan antagen").
    Milestone(Milestone),
    /// `none`: "Följa utvecklingen", "Efter behov", "-", empty.
    None(NoTarget),
    /// `unparsed`: text that fits no form (lenient mode only).
    Unparsed(Unparsed),
}

impl TargetForm {
    /// The machine name of the form: `direction`, `relative_change`, `level`, `bound`,
    /// `deadline`, `per_period`, `per_sex`, `fraction`, `gender_balance`, `benchmark`,
    /// `per_unit`, `budget`, `composite`, `milestone`, `none` or `unparsed`.
    pub fn kind(&self) -> &'static str {
        match self {
            TargetForm::Direction(_) => "direction",
            TargetForm::RelativeChange(_) => "relative_change",
            TargetForm::Level(_) => "level",
            TargetForm::Bound(_) => "bound",
            TargetForm::Deadline(_) => "deadline",
            TargetForm::PerPeriod(_) => "per_period",
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
    /// the note "Dubbling jmf 2020"), trimmed; never empty.
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
        let lead = text.len() - text.trim_start().len();
        let trimmed = text.trim();
        let (body, note) = split_note(trimmed);
        let clean =
            body.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '!' | '?'));
        let mut toks = Vec::with_capacity(8);
        lexer::tokenize(clean, lead, &mut toks);
        let note = note.map(str::to_owned);
        if toks.is_empty() {
            let form = TargetForm::None(NoTarget { reason: NoTargetReason::Missing, text: body.to_owned() });
            return Ok(Target { form, note });
        }
        let mut parser = Parser::new(text, &toks);
        let form = match parser.whole() {
            Some(Whole::Form(form)) => form,
            Some(Whole::None(reason)) => TargetForm::None(NoTarget { reason, text: body.to_owned() }),
            Some(Whole::Milestone) => TargetForm::Milestone(Milestone { text: body.to_owned() }),
            None => {
                return Err(error(text, parser.failure.map(|f| (f.span, f.expect)), (lead, lead + clean.len())));
            }
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

/// Splits a final parenthesised note off `text` (already trimmed): `("35 000", Some("Dubbling jmf
/// 2020"))`. Parentheses must balance; an empty note is dropped.
fn split_note(text: &str) -> (&str, Option<&str>) {
    if !text.ends_with(')') {
        return (text, None);
    }
    let mut depth = 0usize;
    for (at, c) in text.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    let note = text[at + 1..text.len() - 1].trim();
                    let body = text[..at].trim_end();
                    return (body, (!note.is_empty()).then_some(note));
                }
            }
            _ => {}
        }
    }
    (text, None)
}

/// Builds the strict error from the furthest failure.
fn error(input: &str, failure: Option<((usize, usize), Expect)>, whole: (usize, usize)) -> crate::Error {
    let quote = |from: usize, to: usize| input.get(from..to).unwrap_or("").to_owned();
    let ((start, end), expect) = failure.unwrap_or((whole, Expect::Unknown));
    const FORMS: &str = "a form such as Öka, Minska med 5 %, 72 %, Under 6,5 %, 100 % i dec, K 16,0 % M 17,2 %, \
                         4/20, I nivå med riket, Inom budget or Följa utvecklingen";
    let hint = match expect {
        Expect::NumberAfter(a, b) => format!("expected a number after '{}'", quote(a, b)),
        Expect::ChangeUnitAfter(a, b) => {
            format!("expected '%', 'procent', 'procentenheter' or 'gånger' after '{}'", quote(a, b))
        }
        Expect::BaseAfter(a, b) => format!(
            "expected a comparison base after '{}': a year (2019), a month (2019-12), 'motsvarande kvartal året innan' or 'föregående år'",
            quote(a, b)
        ),
        Expect::MonthAfter(a, b) => format!("expected a month after '{}' (dec, december, årets slut)", quote(a, b)),
        Expect::TargetAfter(a, b) => {
            format!("expected a target after '{}' (such as 72 %, Öka, Under 6,5 %)", quote(a, b))
        }
        Expect::ReferenceAfter(a, b) => format!("expected a reference after '{}' (such as riket)", quote(a, b)),
        Expect::Unexpected => format!("unexpected '{}': expected {FORMS}", quote(start, end)),
        Expect::Unknown => format!("'{}' is not a target: expected {FORMS}", quote(start, end)),
    };
    error::target_error(input, start..end, hint)
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
    }
}
