//! The parser state of the target language over the tokens of [`super::lexer`]: token helpers,
//! the failure bookkeeping that gives strict errors their span and hint, and what every form
//! shares: numbers, years, units and when a level is due. The forms are read in
//! [`super::atomic`] and [`super::change`] (one form each), [`super::parts`] (forms made of
//! parts) and [`super::whole`] (the whole text).

use super::Unit;
use super::error::Expect;
use super::lexer::{Tok, TokKind};
use super::vocab::{self, any_ci, eq_ci};
use rust_decimal::Decimal;
use std::ops::{Neg, Range};

/// The failure that strict errors report: a definite one (the text says something the
/// language forbids, "M30 M35") before any other, else the one furthest into the text.
#[derive(Debug, Clone)]
struct Failure {
    span: Range<usize>,
    expect: Expect,
    definite: bool,
}

/// When a level is due: its month and, if stated, its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Due {
    /// The month, 1–12.
    pub month: u8,
    /// The year, if stated ("senast 2025").
    pub year: Option<i32>,
}

/// Parser state: the source, its tokens and the failure to report.
pub(crate) struct Parser<'a> {
    pub src: &'a str,
    pub toks: &'a [Tok],
    failure: Option<Failure>,
}

impl<'a> Parser<'a> {
    /// A parser over `toks`, whose spans index `src`.
    pub fn new(src: &'a str, toks: &'a [Tok]) -> Self {
        Parser { src, toks, failure: None }
    }

    /// The failure to report, when parsing failed.
    pub fn failure(&self) -> Option<(Range<usize>, Expect)> {
        self.failure.as_ref().map(|f| (f.span.clone(), f.expect))
    }

    // ----- token helpers -----

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn kind(&self, i: usize) -> Option<TokKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub fn word(&self, i: usize) -> Option<&'a str> {
        match self.toks.get(i) {
            Some(t) if t.kind == TokKind::Word => self.src.get(t.start..t.end),
            _ => None,
        }
    }

    pub fn is(&self, i: usize, keyword: &str) -> bool {
        self.word(i).is_some_and(|w| eq_ci(w, keyword))
    }

    pub fn is_any(&self, i: usize, list: &[&str]) -> bool {
        self.word(i).is_some_and(|w| any_ci(w, list))
    }

    pub fn is_kind(&self, i: usize, kind: TokKind) -> bool {
        self.kind(i) == Some(kind)
    }

    /// Whether token `i` is glued to the one before it.
    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.glued)
    }

    /// Matches a sequence of keywords at `i`; returns the position after them.
    pub fn phrase(&self, i: usize, words: &[&str]) -> Option<usize> {
        words.iter().enumerate().all(|(n, w)| self.is(i.saturating_add(n), w)).then_some(i.saturating_add(words.len()))
    }

    /// The first of several phrases that matches at `i`; returns the position after it.
    pub fn any_phrase(&self, i: usize, list: &[&[&str]]) -> Option<usize> {
        list.iter().find_map(|words| self.phrase(i, words))
    }

    /// The first of several phrases that matches at `i`, with its value.
    pub fn phrases<T: Copy>(&self, i: usize, list: &[(&[&str], T)]) -> Option<(T, usize)> {
        list.iter().find_map(|(words, value)| self.phrase(i, words).map(|end| (*value, end)))
    }

    /// The byte where token `i` starts (the end of the text past the last token).
    pub fn start_of(&self, i: usize) -> usize {
        match self.toks.get(i) {
            Some(t) => t.start,
            None => self.toks.last().map_or(0, |t| t.end),
        }
    }

    /// The byte where the token before `i` ends.
    pub fn end_before(&self, i: usize) -> usize {
        match i.checked_sub(1).and_then(|j| self.toks.get(j)) {
            Some(t) => t.end,
            None => self.start_of(i),
        }
    }

    /// The bytes of tokens `from..to`.
    pub fn span(&self, from: usize, to: usize) -> Range<usize> {
        let start = self.start_of(from);
        start..self.end_before(to).max(start)
    }

    /// The text of tokens `from..to`, white space runs collapsed.
    pub fn text(&self, from: usize, to: usize) -> String {
        let slice = self.src.get(self.span(from, to)).unwrap_or("");
        let mut out = String::with_capacity(slice.len());
        for (n, part) in slice.split_whitespace().enumerate() {
            if n > 0 {
                out.push(' ');
            }
            out.push_str(part);
        }
        out
    }

    // ----- failures -----

    /// Records a failure; a definite one or the one furthest into the text wins.
    fn record(&mut self, span: Range<usize>, expect: Expect, definite: bool) {
        let wins = match &self.failure {
            None => true,
            Some(old) if old.definite != definite => definite,
            Some(old) => span.start > old.span.start || (span.start == old.span.start && span.end > old.span.end),
        };
        if wins {
            self.failure = Some(Failure { span, expect, definite });
        }
    }

    /// Records that parsing could not go on at `span`.
    pub fn fail(&mut self, span: Range<usize>, expect: Expect) {
        self.record(span, expect, false);
    }

    /// Records that the text at `span` breaks a rule of the language; reported before any
    /// ordinary failure.
    pub fn fail_definite(&mut self, span: Range<usize>, expect: Expect) {
        self.record(span, expect, true);
    }

    /// Records "expected X after <tokens from..to>" at the token `to`.
    pub fn fail_after(&mut self, from: usize, to: usize, expect: fn(usize, usize) -> Expect) {
        let at = self.start_of(to);
        let end = self.toks.get(to).map_or(at, |t| t.end);
        let phrase = self.span(from, to);
        self.fail(at..end, expect(phrase.start, phrase.end));
    }

    // ----- numbers, years, units -----

    /// A number at `i`: digits, a minus glued to digits ("-3,2"), or a number word ("ett", "två").
    pub fn number(&self, i: usize) -> Option<(Decimal, usize)> {
        match self.kind(i)? {
            TokKind::Num(value) => Some((value, i.saturating_add(1))),
            TokKind::Dash => match self.toks.get(i.saturating_add(1)) {
                Some(Tok { kind: TokKind::Num(value), glued: true, .. }) => Some((value.neg(), i.saturating_add(2))),
                _ => None,
            },
            TokKind::Word => self.word(i).and_then(vocab::number_word).map(|v| (v, i.saturating_add(1))),
            _ => None,
        }
    }

    /// A year at `i`: a four-digit integer 1000–9999 written without decimals or leading zero.
    pub fn year(&self, i: usize) -> Option<i32> {
        match self.toks.get(i) {
            Some(Tok { kind: TokKind::Num(v), start, end, .. })
                if end.saturating_sub(*start) == 4 && v.scale() == 0 && (1000..=9999).contains(&v.mantissa()) =>
            {
                i32::try_from(v.mantissa()).ok()
            }
            _ => None,
        }
    }

    /// A year at `i` that does not label what follows it ("senast 2025", not "2025:").
    fn due_year(&self, i: usize) -> Option<i32> {
        self.year(i).filter(|_| !self.is_kind(i.saturating_add(1), TokKind::Colon))
    }

    /// "(2027)" at `i`: the year a target is due, or the year of a part of a per-year target.
    pub fn year_tag(&self, i: usize) -> Option<(i32, usize)> {
        if self.is_kind(i, TokKind::Open) && self.is_kind(i.saturating_add(2), TokKind::Close) {
            return self.year(i.saturating_add(1)).map(|year| (year, i.saturating_add(3)));
        }
        None
    }

    /// A small integer at `i` (for report numbers and months).
    pub fn small_int(&self, i: usize) -> Option<u32> {
        match self.kind(i)? {
            TokKind::Num(v) if v.scale() == 0 && v.mantissa() < 1_000_000 => u32::try_from(v.mantissa()).ok(),
            _ => None,
        }
    }

    /// A unit after a number at `j` (possibly none): "%", "kr", a few words ("miljoner kr",
    /// "personmil"), an average ("tim i snitt") and a frequency ("forum/ år", "i snitt/vecka").
    pub fn unit(&self, j: usize) -> (Unit, usize) {
        if self.is_kind(j, TokKind::Percent) || self.is(j, "procent") {
            return (Unit::Percent, j.saturating_add(1));
        }
        // A unit is a few words ("kr", "miljoner personmil", "forum/ år"); longer prose after a
        // number is not a unit, and the text is then no level at all ("En tydlig plan som alla
        // förstår" is not 1 of "tydlig plan som alla förstår").
        const MOST_UNIT_WORDS: usize = 3;
        let mut k = j;
        while let Some(w) = self.word(k) {
            if vocab::is_keyword(w)
                || vocab::number_word(w).is_some()
                || self.is_kind(k.saturating_add(1), TokKind::Colon)
                || (any_ci(w, &["år", "ar"]) && self.year(k.saturating_add(1)).is_some())
            {
                break;
            }
            if k.saturating_sub(j) == MOST_UNIT_WORDS {
                return (Unit::None, j);
            }
            k = k.saturating_add(1);
        }
        if k > j
            && let Some(end) = self.any_phrase(k, vocab::ON_AVERAGE)
        {
            k = end;
        }
        let frequency = (self.is_kind(k, TokKind::Slash) || self.is(k, "per"))
            && self.is_any(k.saturating_add(1), vocab::TIME_WORDS);
        let rate = !frequency
            && self.is(k, "per")
            && self.word(k.saturating_add(1)).is_some_and(|w| !vocab::is_keyword(w) && !any_ci(w, vocab::ORG_UNITS));
        if k == j && !frequency && !rate {
            return (Unit::None, j);
        }
        if !frequency && !rate && k == j.saturating_add(1) && self.is_any(j, &["kr", "kronor"]) {
            return (Unit::Kronor, k);
        }
        let mut words = self.text(j, k);
        if frequency || rate {
            words.push_str(if frequency {
                "/"
            } else if words.is_empty() {
                "per "
            } else {
                " per "
            });
            words.push_str(self.word(k.saturating_add(1)).unwrap_or("år"));
            k = k.saturating_add(2);
        }
        (Unit::Other(words), k)
    }

    /// When a level is due, written after it at `k` ("i dec", "vid årets slut", "senast i juni",
    /// "senast 2025", "år 2030", "i december 2026", "vid utgången av 2027"); `from` starts the
    /// target, for the hint when a month is begun but not written.
    pub fn due(&mut self, from: usize, k: usize) -> Option<(Due, usize)> {
        let at_year_end = |year| Due { month: 12, year: Some(year) };
        if self.is_any(k, &["år", "ar"])
            && let Some(year) = self.due_year(k.saturating_add(1))
        {
            return Some((at_year_end(year), k.saturating_add(2)));
        }
        let by = self.is_any(k, &["senast", "till", "före", "under"]);
        if !by && !self.is_any(k, &["i", "vid", "per"]) {
            return None;
        }
        let mut m = k.saturating_add(1);
        if by {
            let year_at = m.saturating_add(usize::from(self.is_any(m, &["år", "ar"])));
            if let Some(year) = self.due_year(year_at) {
                return Some((at_year_end(year), year_at.saturating_add(1)));
            }
            if self.is(k, "under") {
                return None;
            }
            if self.is_any(m, &["i", "vid", "till"]) {
                m = m.saturating_add(1);
            }
        }
        if self.is_any(m, &["utgången", "slutet"])
            && self.is(m.saturating_add(1), "av")
            && let Some(year) = self.due_year(m.saturating_add(2))
        {
            return Some((at_year_end(year), m.saturating_add(3)));
        }
        let month = if let Some(month) = self.word(m).and_then(vocab::month) {
            Some((month, m.saturating_add(1)))
        } else {
            self.phrase(m, &["årets", "slut"])
                .or_else(|| self.is_any(m, &["årsskiftet", "årsslutet", "årsslut"]).then_some(m.saturating_add(1)))
                .or_else(|| self.phrase(m, &["slutet", "av", "året"]))
                .map(|end| (12, end))
        };
        match month {
            Some((month, end)) => match self.due_year(end) {
                Some(year) => Some((Due { month, year: Some(year) }, end.saturating_add(1))),
                None => Some((Due { month, year: None }, end)),
            },
            None => {
                self.fail_after(from, m, Expect::MonthAfter);
                None
            }
        }
    }
}
