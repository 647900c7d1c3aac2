//! The error of the strict target parser: an [`Error`] of kind [`ErrorKind::TargetSyntax`]
//! whose one diagnostic has the byte span where parsing failed (and its line and character
//! column) and, as message, the hint: what was expected, quoting the Swedish words.

use crate::error::{Diagnostic, Error, ErrorKind, Location};
use std::ops::Range;

/// What the parser expected where it failed; turned into a hint only when the parse fails.
/// The byte ranges are of the phrase the hint quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expect {
    /// A number after the phrase.
    NumberAfter(usize, usize),
    /// A unit of change after the phrase.
    ChangeUnitAfter(usize, usize),
    /// A comparison base after the phrase.
    BaseAfter(usize, usize),
    /// A month (or after "senast", a year) after the phrase.
    MonthAfter(usize, usize),
    /// A target after the phrase.
    TargetAfter(usize, usize),
    /// A reference ("riket") after the phrase.
    ReferenceAfter(usize, usize),
    /// The token at the span was not expected there.
    Unexpected,
    /// The text at the span fits no form.
    Unknown,
    /// Digits with a second decimal mark ("1,5,2").
    BadNumber,
    /// A fraction whose total is not positive or whose part exceeds it ("2/0", "5/3").
    FractionParts,
    /// A gender balance whose shares do not add up to 100 ("30/50 %").
    BalanceSum,
    /// More than two numbers joined by slashes ("70/20/10").
    TooManySlashes,
    /// A second unlabelled target without a separator ("40 % 45 %").
    NoSeparator,
    /// The same sex twice in a per-sex target ("M30 M35").
    SameSexTwice,
    /// The same year twice in a per-year target.
    SameYearTwice,
    /// Prose before a single target that is neither a list label nor a sentence's subject.
    LoneLabel,
}

/// The forms the generic hints name.
const FORMS: &str = "a form such as Öka, Minska med 5 %, 72 %, Under 6,5 %, 100 % i dec, K 16,0 % M 17,2 %, \
                     4/20, I nivå med riket, Inom budget or Följa utvecklingen";

/// The error for `input` failing at `span` with a hint ("expected a number after 'Minska
/// med'"). The message quotes the input, so that it stands on its own in a list of errors.
pub(crate) fn target_error(input: &str, span: Range<usize>, hint: String) -> Error {
    let before = input.get(..span.start).unwrap_or(input);
    let line = before.matches('\n').count().saturating_add(1);
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()).saturating_add(1);
    let location = Location { line: Some(line), column: Some(column), ..Location::default() }.spanning(span);
    Error::new(ErrorKind::TargetSyntax, vec![Diagnostic::new(location, format!("{hint} in '{input}'"))])
}

/// The error for the parser's furthest (or definite) failure, or for the whole text when none
/// was recorded.
pub(crate) fn from_failure(input: &str, failure: Option<(Range<usize>, Expect)>, whole: Range<usize>) -> Error {
    let (span, expect) = failure.unwrap_or((whole, Expect::Unknown));
    let quote = |from: usize, to: usize| input.get(from..to).unwrap_or("");
    let here = quote(span.start, span.end);
    let hint = match expect {
        Expect::NumberAfter(a, b) => format!("expected a number after '{}'", quote(a, b)),
        Expect::ChangeUnitAfter(a, b) => format!(
            "expected '%', 'procent', 'procentenheter' or 'gånger' after '{}', or 'med' before an amount (Öka med 1 200)",
            quote(a, b)
        ),
        Expect::BaseAfter(a, b) => format!(
            "expected a comparison base after '{}': a year (2019), a month (2019-12), 'motsvarande kvartal året innan' or 'föregående år'",
            quote(a, b)
        ),
        Expect::MonthAfter(a, b) => format!(
            "expected a month after '{}' (dec, december, årets slut), or a year after 'senast' (senast 2025)",
            quote(a, b)
        ),
        Expect::TargetAfter(a, b) => {
            format!("expected a target after '{}' (such as 72 %, Öka, Under 6,5 %)", quote(a, b))
        }
        Expect::ReferenceAfter(a, b) => {
            format!("expected a reference after '{}' (such as riket, länet, jämförbara regioner)", quote(a, b))
        }
        Expect::Unexpected => format!("unexpected '{here}': expected {FORMS}"),
        Expect::Unknown => format!("'{here}' is not a target: expected {FORMS}"),
        Expect::BadNumber => {
            format!("'{here}' is not a number: one decimal comma, thousands apart by a space (16,5; 35 000)")
        }
        Expect::FractionParts => {
            format!("'{here}' is no fraction: the total must be above 0 and the part not above it (4/20)")
        }
        Expect::BalanceSum => format!("'{here}' is no gender balance: the two shares add up to 100 (60/40 %)"),
        Expect::TooManySlashes => {
            format!("'{here}' has more than two numbers: a fraction or a gender balance has two (4/20, 60/40)")
        }
        Expect::NoSeparator => format!(
            "a second target '{here}' without a label or a separator: write 'Kort: 49 %, Lång: 51 %' or '20 personer/ 12 kommuner'"
        ),
        Expect::SameSexTwice => format!("'{here}' a second time: each sex has one target (K 16,0 % M 17,2 %)"),
        Expect::SameYearTwice => format!("'{here}' a second time: each year has one target (2025: 60 % 2026: 65 %)"),
        Expect::LoneLabel => format!(
            "'{here}' before a target is no label of a list (Kort: 49 %, Lång: 51 %) and no sentence (… ska öka): expected {FORMS}"
        ),
    };
    target_error(input, span, hint)
}
