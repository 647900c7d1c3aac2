//! The recursive-descent parser of the target language over the tokens of [`super::lexer`]:
//! the atomic forms (direction, relative change, level, bound, deadline, fraction, gender
//! balance, per unit, benchmark, budget) and the failure bookkeeping that gives strict errors
//! their span and hint. The forms made of parts are in [`super::parts`].

use super::lexer::{Tok, TokKind};
use super::vocab::{self, any_ci, eq_ci};
use super::{
    Base, Benchmark, BenchmarkKind, Bound, BoundKind, ChangeDirection, ChangeUnit, Deadline, Direction,
    DirectionTarget, Fraction, GenderBalance, Level, PerUnit, RelativeChange, TargetForm, Unit,
};
use rust_decimal::Decimal;

/// What the parser expected where it failed; turned into a hint only when the parse fails.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Expect {
    /// A number after the phrase (byte range).
    NumberAfter(usize, usize),
    /// A unit of change after the phrase.
    ChangeUnitAfter(usize, usize),
    /// A comparison base after the phrase.
    BaseAfter(usize, usize),
    /// A month after the phrase.
    MonthAfter(usize, usize),
    /// A target after the phrase.
    TargetAfter(usize, usize),
    /// A reference ("riket") after the phrase.
    ReferenceAfter(usize, usize),
    /// The token at the span was not expected there.
    Unexpected,
    /// The text at the span fits no form.
    Unknown,
}

/// The furthest failure seen while parsing.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Failure {
    /// The byte range the error points at.
    pub span: (usize, usize),
    /// What was expected.
    pub expect: Expect,
}

/// Parser state: the source, its tokens and the furthest failure.
pub(crate) struct Parser<'a> {
    pub src: &'a str,
    pub toks: &'a [Tok],
    pub failure: Option<Failure>,
}

impl<'a> Parser<'a> {
    /// A parser over `toks`, whose spans index `src`.
    pub fn new(src: &'a str, toks: &'a [Tok]) -> Self {
        Parser { src, toks, failure: None }
    }

    // ----- token helpers -----

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

    /// Matches a sequence of keywords at `i`; returns the position after them.
    pub fn phrase(&self, i: usize, words: &[&str]) -> Option<usize> {
        words.iter().enumerate().all(|(n, w)| self.is(i + n, w)).then_some(i + words.len())
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

    /// The text from token `from` to the token before `to`, white space runs collapsed.
    pub fn text(&self, from: usize, to: usize) -> String {
        let slice = self.src.get(self.start_of(from)..self.end_before(to)).unwrap_or("");
        let mut out = String::with_capacity(slice.len());
        for (n, part) in slice.split_whitespace().enumerate() {
            if n > 0 {
                out.push(' ');
            }
            out.push_str(part);
        }
        out
    }

    /// Records a failure; the one furthest into the text wins.
    pub fn fail(&mut self, span: (usize, usize), expect: Expect) {
        let further = match self.failure {
            None => true,
            Some(old) => span.0 > old.span.0 || (span.0 == old.span.0 && span.1 > old.span.1),
        };
        if further {
            self.failure = Some(Failure { span, expect });
        }
    }

    /// Records "expected X after <tokens from..to>" at the token `to`.
    pub fn fail_after(&mut self, from: usize, to: usize, expect: fn(usize, usize) -> Expect) {
        let at = self.start_of(to);
        let end = self.toks.get(to).map_or(at, |t| t.end);
        let phrase = expect(self.start_of(from), self.end_before(to));
        self.fail((at, end), phrase);
    }

    // ----- numbers and units -----

    /// A number at `i`: digits, a minus glued to digits, or a number word ("ett", "två").
    pub fn number(&self, i: usize) -> Option<(Decimal, usize)> {
        match self.kind(i)? {
            TokKind::Num(value) => Some((value, i + 1)),
            TokKind::Dash => match self.toks.get(i + 1) {
                Some(Tok { kind: TokKind::Num(value), glued: true, .. }) => Some((-*value, i + 2)),
                _ => None,
            },
            TokKind::Word => self.word(i).and_then(vocab::number_word).map(|v| (v, i + 1)),
            _ => None,
        }
    }

    /// A year at `i`: a four-digit integer 1000–9999 written without decimals or leading zero.
    pub fn year(&self, i: usize) -> Option<i32> {
        match self.toks.get(i) {
            Some(Tok { kind: TokKind::Num(v), start, end, .. })
                if end - start == 4 && v.scale() == 0 && (1000..=9999).contains(&v.mantissa()) =>
            {
                i32::try_from(v.mantissa()).ok()
            }
            _ => None,
        }
    }

    /// A small integer at `i` (for report numbers and months).
    pub fn small_int(&self, i: usize) -> Option<u32> {
        match self.kind(i)? {
            TokKind::Num(v) if v.scale() == 0 && v.mantissa() < 1_000_000 => u32::try_from(v.mantissa()).ok(),
            _ => None,
        }
    }

    /// A unit after a number at `j` (possibly none).
    pub fn unit(&self, j: usize) -> (Unit, usize) {
        if self.is_kind(j, TokKind::Percent) || self.is(j, "procent") {
            return (Unit::Percent, j + 1);
        }
        // A unit is a few words ("kr", "miljoner personmil", "forum/ år"); longer prose after a
        // number is not a unit, and the text is then no level at all ("En tydlig plan som alla
        // förstår" is not 1 of "tydlig plan som alla förstår").
        const MOST_UNIT_WORDS: usize = 3;
        let mut k = j;
        while let Some(w) = self.word(k) {
            if vocab::is_keyword(w) || vocab::number_word(w).is_some() || self.is_kind(k + 1, TokKind::Colon) {
                break;
            }
            if k - j == MOST_UNIT_WORDS {
                return (Unit::None, j);
            }
            k += 1;
        }
        let frequency = (self.is_kind(k, TokKind::Slash) || self.is(k, "per")) && self.is_any(k + 1, vocab::TIME_WORDS);
        let rate = !frequency
            && self.is(k, "per")
            && self.word(k + 1).is_some_and(|w| !vocab::is_keyword(w) && !any_ci(w, vocab::ORG_UNITS));
        if k == j && !frequency && !rate {
            return (Unit::None, j);
        }
        if !frequency && !rate && k == j + 1 && self.is_any(j, &["kr", "kronor"]) {
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
            words.push_str(self.word(k + 1).unwrap_or("år"));
            k += 2;
        }
        (Unit::Other(words), k)
    }

    // ----- atomic forms -----

    /// Any single form at `i` (not per period, not composite); `allow_sex` admits per-sex forms.
    pub fn atomic(&mut self, i: usize, allow_sex: bool) -> Option<(TargetForm, usize)> {
        match self.kind(i)? {
            TokKind::Num(_) | TokKind::Dash => self.number_led(i, allow_sex),
            TokKind::Word => {
                if let Some(found) = self.direction(i) {
                    return Some(found);
                }
                if let Some(found) = self.bound(i) {
                    return Some(found);
                }
                if let Some(found) = self.benchmark(i) {
                    return Some(found);
                }
                if let Some(end) = self.budget(i) {
                    return Some((TargetForm::Budget, end));
                }
                if allow_sex && self.sex_marker(i).is_some() {
                    return self.per_sex(i, None);
                }
                if self.number(i).is_some() {
                    return self.number_led(i, allow_sex);
                }
                None
            }
            _ => None,
        }
    }

    /// Direction and relative change: "Öka", "Minska med 50 % jmf 2019", "Dubbling".
    fn direction(&mut self, i: usize) -> Option<(TargetForm, usize)> {
        let w = self.word(i)?;
        let doubling = if any_ci(w, &["dubbling", "fördubbling"]) {
            Some((ChangeDirection::Increase, 2))
        } else if eq_ci(w, "tredubbling") {
            Some((ChangeDirection::Increase, 3))
        } else if eq_ci(w, "halvering") {
            Some((ChangeDirection::Decrease, 2))
        } else {
            None
        };
        if let Some((direction, factor)) = doubling {
            let (base, end) = self.base(i + 1)?;
            let value = Decimal::from(factor);
            return Some((
                TargetForm::RelativeChange(RelativeChange { direction, value, unit: ChangeUnit::Times, base }),
                end,
            ));
        }
        let (mut direction, mut j) = if any_ci(w, vocab::INCREASE) {
            if self.is(i + 1, "eller") && self.is_any(i + 2, vocab::MAINTAIN) {
                (Direction::Maintain, i + 3)
            } else {
                (Direction::Increase, i + 1)
            }
        } else if any_ci(w, vocab::DECREASE) {
            (Direction::Decrease, i + 1)
        } else if any_ci(w, vocab::MAINTAIN) {
            if self.is(i + 1, "eller") && self.is_any(i + 2, vocab::INCREASE) {
                (Direction::Maintain, i + 3)
            } else {
                (Direction::Maintain, i + 1)
            }
        } else if any_ci(w, &["inte", "ej"])
            && (self.is_any(i + 1, vocab::DECREASE) || self.is_any(i + 1, &["försämras", "försämra", "sjunka"]))
        {
            (Direction::Maintain, i + 2)
        } else if any_ci(w, vocab::IMPROVE) {
            let skip = usize::from(self.is_any(i + 1, &["värde", "värdet", "resultat", "resultatet"]));
            (Direction::Improve, i + 1 + skip)
        } else if eq_ci(w, "positiv") && self.is_any(i + 1, &["trend", "utveckling"]) {
            (Direction::PositiveTrend, i + 2)
        } else {
            return None;
        };
        if direction == Direction::Decrease && self.is_any(j, vocab::GAP) {
            direction = Direction::NarrowGap;
            j += 1;
            if self.is(j, "mellan") {
                let sexes = self
                    .phrase(j + 1, &["kvinnor", "och", "män"])
                    .or_else(|| self.phrase(j + 1, &["män", "och", "kvinnor"]))
                    .or_else(|| self.is_any(j + 1, &["kön", "könen", "könet"]).then_some(j + 2));
                match sexes {
                    Some(end) => {
                        direction = Direction::NarrowSexGap;
                        j = end;
                    }
                    None => {
                        self.fail_after(i, j + 1, Expect::TargetAfter);
                        return None;
                    }
                }
            }
        }
        if matches!(direction, Direction::Increase | Direction::Decrease) {
            let with = self.is(j, "med");
            let k = j + usize::from(with);
            if let Some((value, after)) = self.number(k) {
                let unit = if self.is_kind(after, TokKind::Percent) || self.is(after, "procent") {
                    ChangeUnit::Percent
                } else if self.is_any(after, &["procentenheter", "procentenhet", "procentenheten"]) {
                    ChangeUnit::PercentagePoints
                } else if self.is(after, "gånger") {
                    ChangeUnit::Times
                } else {
                    self.fail_after(i, after, Expect::ChangeUnitAfter);
                    return None;
                };
                let change = if direction == Direction::Increase {
                    ChangeDirection::Increase
                } else {
                    ChangeDirection::Decrease
                };
                let (base, end) = self.base(after + 1)?;
                return Some((
                    TargetForm::RelativeChange(RelativeChange { direction: change, value, unit, base }),
                    end,
                ));
            }
            if with {
                self.fail_after(i, k, Expect::NumberAfter);
                return None;
            }
        }
        let (base, end) = self.base(j)?;
        Some((TargetForm::Direction(DirectionTarget { direction, base }), end))
    }

    /// An optional comparison base at `j`: `Some((None, j))` when there is none, `None` (with a
    /// recorded failure) when one is started but not finished.
    fn base(&mut self, j: usize) -> Option<(Option<Base>, usize)> {
        if !self.is_any(j, vocab::BASE_INTRO) {
            return Some((None, j));
        }
        let mut k = j + 1;
        if self.is_any(k, &["med", "mot", "till"]) {
            k += 1;
        }
        if let Some(year) = self.year(k) {
            if let (Some(Tok { kind: TokKind::Dash, glued: true, .. }), Some(Tok { glued: true, .. })) =
                (self.toks.get(k + 1), self.toks.get(k + 2))
                && let Some(month) = self.small_int(k + 2).filter(|m| (1..=12).contains(m))
            {
                return Some((Some(Base::Month { year, month: month as u8 }), k + 3));
            }
            return Some((Some(Base::Year(year)), k + 1));
        }
        if let Some(n) = self.small_int(k).filter(|n| (100_001..=999_912).contains(n))
            && (1..=12).contains(&(n % 100))
        {
            return Some((Some(Base::Month { year: (n / 100) as i32, month: (n % 100) as u8 }), k + 1));
        }
        let year_before = |p: &Self, at: usize| {
            p.phrase(at, &["året", "innan"])
                .or_else(|| p.phrase(at, &["året", "före"]))
                .or_else(|| p.phrase(at, &["föregående", "år"]))
                .or_else(|| p.phrase(at, &["förra", "året"]))
                .or_else(|| p.phrase(at, &["fg", "år"]))
        };
        if self.is(k, "motsvarande") {
            let quarter = self.is_any(k + 1, &["kvartal", "kvarta", "kvartalet"]);
            let period = self.is_any(k + 1, &["period", "perioden", "tertial", "tertialet", "månad", "månaden"]);
            if (quarter || period)
                && let Some(end) = year_before(self, k + 2)
            {
                let base = if quarter { Base::SameQuarterYearBefore } else { Base::SamePeriodYearBefore };
                return Some((Some(base), end));
            }
        } else if let Some(end) = year_before(self, k) {
            return Some((Some(Base::PreviousYear), end));
        }
        self.fail_after(j, k, Expect::BaseAfter);
        None
    }

    /// A bound ("Under 6,5 %", "Minst 80 %"), or a per-unit minimum that starts with one.
    fn bound(&mut self, i: usize) -> Option<(TargetForm, usize)> {
        let w = self.word(i)?;
        let than = self.is(i + 1, "än");
        let (bound, j) = if eq_ci(w, "under") {
            (BoundKind::Under, i + 1)
        } else if any_ci(w, &["mindre", "lägre", "färre"]) && than {
            (BoundKind::Under, i + 2)
        } else if any_ci(w, &["högst", "max", "maximalt", "maximum"]) {
            (BoundKind::AtMost, i + 1)
        } else if any_ci(w, &["minst", "lägst", "minimum"]) {
            (BoundKind::AtLeast, i + 1)
        } else if eq_ci(w, "över") {
            (BoundKind::Over, i + 1)
        } else if any_ci(w, &["mer", "fler", "högre"]) && than {
            (BoundKind::Over, i + 2)
        } else {
            return None;
        };
        if bound == BoundKind::AtLeast && self.is(j, "i") {
            return self.benchmark(i);
        }
        let Some((value, k)) = self.number(j) else {
            self.fail_after(i, j, Expect::NumberAfter);
            return None;
        };
        let (unit, k) = self.unit(k);
        if let Some(found) = self.per_unit(Some(bound), value, &unit, k) {
            return Some(found);
        }
        Some((TargetForm::Bound(Bound { bound, value, unit }), k))
    }

    /// "… per kommun" after a number and its unit at `k`.
    fn per_unit(&self, bound: Option<BoundKind>, value: Decimal, unit: &Unit, k: usize) -> Option<(TargetForm, usize)> {
        if self.is(k, "per") && self.is_any(k + 1, vocab::ORG_UNITS) {
            let per = self.text(k + 1, k + 2);
            let what = unit.as_str().to_owned();
            return Some((TargetForm::PerUnit(PerUnit { bound, value, what, per }), k + 2));
        }
        None
    }

    /// Forms that start with a number: year labels, fraction, gender balance, per-sex counts,
    /// per unit, deadline and level.
    fn number_led(&mut self, i: usize, allow_sex: bool) -> Option<(TargetForm, usize)> {
        let (value, j) = self.number(i)?;
        if let Some(year) = self.year(i) {
            if self.is_kind(j, TokKind::Colon) {
                if allow_sex && self.sex_marker(j + 1).is_some() {
                    return self.per_sex(j + 1, Some(year));
                }
                let Some((value, k)) = self.number(j + 1) else {
                    self.fail_after(i, j + 1, Expect::NumberAfter);
                    return None;
                };
                let (unit, k) = self.unit(k);
                return Some((TargetForm::Level(Level { value, unit, year: Some(year) }), k));
            }
            if allow_sex && self.sex_marker(j).is_some() {
                return self.per_sex(j, Some(year));
            }
        }
        if self.is_kind(j, TokKind::Slash)
            && let Some((second, k)) = self.number(j + 1)
        {
            let percent = self.is_kind(k, TokKind::Percent);
            if percent || value + second == Decimal::ONE_HUNDRED {
                let (low, high) = if value <= second { (value, second) } else { (second, value) };
                return Some((TargetForm::GenderBalance(GenderBalance { low, high }), k + usize::from(percent)));
            }
            return Some((TargetForm::Fraction(Fraction { numerator: value, denominator: second }), k));
        }
        if self.is(j, "av")
            && let Some((denominator, k)) = self.number(j + 1)
        {
            return Some((TargetForm::Fraction(Fraction { numerator: value, denominator }), k));
        }
        if allow_sex && self.is_any(j, &["kvinnor", "kvinna", "män", "man"]) {
            return self.per_sex_counts(i);
        }
        let (unit, k) = self.unit(j);
        if let Some(found) = self.per_unit(None, value, &unit, k) {
            return Some(found);
        }
        if self.is_any(k, &["i", "vid", "senast", "till", "per", "före"]) {
            let mut m = k + 1;
            if self.is(k, "senast") && self.is_any(m, &["i", "vid", "till"]) {
                m += 1;
            }
            let due = if let Some(month) = self.word(m).and_then(vocab::month) {
                Some((month, m + 1))
            } else {
                self.phrase(m, &["årets", "slut"])
                    .or_else(|| self.is_any(m, &["årsskiftet", "årsslutet", "årsslut"]).then_some(m + 1))
                    .or_else(|| self.phrase(m, &["slutet", "av", "året"]))
                    .map(|end| (12, end))
            };
            match due {
                Some((month, end)) => {
                    return Some((TargetForm::Deadline(Deadline { value, unit, month }), end));
                }
                None => self.fail_after(i, m, Expect::MonthAfter),
            }
        }
        Some((TargetForm::Level(Level { value, unit, year: None }), k))
    }

    /// Benchmark: "I nivå med riket", "Minst i nivå med riket", "Snittet i riket", "Bättre än riket".
    fn benchmark(&mut self, i: usize) -> Option<(TargetForm, usize)> {
        const FORMS: [(&[&str], BenchmarkKind); 9] = [
            (&["minst", "i", "nivå", "med"], BenchmarkKind::AtLeast),
            (&["minst", "i", "paritet", "med"], BenchmarkKind::AtLeast),
            (&["i", "nivå", "med"], BenchmarkKind::AtLevel),
            (&["i", "paritet", "med"], BenchmarkKind::AtLevel),
            (&["snittet", "i"], BenchmarkKind::Average),
            (&["genomsnittet", "i"], BenchmarkKind::Average),
            (&["snitt", "i"], BenchmarkKind::Average),
            (&["bättre", "än"], BenchmarkKind::Better),
            (&["över", "snittet", "i"], BenchmarkKind::Better),
        ];
        let (j, comparison) = FORMS.iter().find_map(|(words, kind)| self.phrase(i, words).map(|j| (j, *kind)))?;
        let mut k = j;
        while let Some(w) = self.word(k) {
            if vocab::is_keyword(w) || self.is_kind(k + 1, TokKind::Colon) {
                break;
            }
            k += 1;
        }
        if k == j {
            self.fail_after(i, j, Expect::ReferenceAfter);
            return None;
        }
        Some((TargetForm::Benchmark(Benchmark { comparison, reference: self.text(j, k) }), k))
    }

    /// Budget: "Budget hålls", "Inom budget", "Hålla budget", "Alla verksamheter".
    fn budget(&self, i: usize) -> Option<usize> {
        const FORMS: [&[&str]; 13] = [
            &["alla", "verksamheter", "inom", "budget"],
            &["alla", "verksamheter", "håller", "budget"],
            &["alla", "verksamheter", "i", "balans"],
            &["alla", "verksamheter"],
            &["budget", "i", "balans"],
            &["ekonomi", "i", "balans"],
            &["budget", "hålls"],
            &["budgeten", "hålls"],
            &["inom", "budget"],
            &["inom", "budgeten"],
            &["hålla", "budget"],
            &["hålla", "budgeten"],
            &["håller", "budget"],
        ];
        FORMS.iter().find_map(|words| self.phrase(i, words))
    }
}
