//! The grammar of the single forms: any of them at a position ([`Parser::atomic`]), bounds in
//! words and signs ("Under 6,5 %", "≥ 85 %", "80 procent eller högre"), the forms that start
//! with a number (level, deadline, fraction, gender balance, per unit, counts per sex),
//! benchmarks with their populations and budget phrases. Directions and changes are in
//! [`super::change`].

use super::error::Expect;
use super::lexer::TokKind;
use super::parser::{Due, Parser};
use super::vocab::{self, any_ci, eq_ci};
use super::{
    Benchmark, BenchmarkKind, Bound, BoundKind, Deadline, Fraction, GenderBalance, Level, PerUnit, Population,
    TargetForm, Unit,
};
use rust_decimal::Decimal;

impl Parser<'_> {
    /// Any single form at `i` (not per period, per year or composite); `allow_sex` admits
    /// per-sex forms.
    pub fn atomic(&mut self, i: usize, allow_sex: bool) -> Option<(TargetForm, usize)> {
        match self.kind(i)? {
            TokKind::Num(_) | TokKind::Dash => self.number_led(i, allow_sex),
            TokKind::Sign(bound) => self.bounded(i, bound, i.saturating_add(1)),
            TokKind::Equals => self.number_led(i.saturating_add(1), false),
            TokKind::Word => {
                if let Some(found) = self.change(i) {
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

    /// A bound in words ("Under 6,5 %", "Minst 80 %", "Mer än 50"), a per-unit minimum that
    /// starts with one, or a benchmark ("Under riksgenomsnittet", "Minst i nivå med riket").
    fn bound(&mut self, i: usize) -> Option<(TargetForm, usize)> {
        let w = self.word(i)?;
        let than = self.is(i.saturating_add(1), "än");
        let (bound, j) = if eq_ci(w, "under") {
            (BoundKind::Under, i.saturating_add(1))
        } else if any_ci(w, &["mindre", "lägre", "färre"]) && than {
            (BoundKind::Under, i.saturating_add(2))
        } else if any_ci(w, &["högst", "max", "maximalt", "maximum"]) {
            (BoundKind::AtMost, i.saturating_add(1))
        } else if any_ci(w, &["minst", "lägst", "minimum"]) {
            (BoundKind::AtLeast, i.saturating_add(1))
        } else if eq_ci(w, "över") {
            (BoundKind::Over, i.saturating_add(1))
        } else if any_ci(w, &["mer", "fler", "högre", "större"]) && than {
            (BoundKind::Over, i.saturating_add(2))
        } else {
            return None;
        };
        if self.number(j).is_none()
            && let Some(found) = self.benchmark(i)
        {
            return Some(found);
        }
        self.bounded(i, bound, j)
    }

    /// The number of a bound at `j` (the bound's words or sign start at `i`), its unit and what
    /// may follow: "per kommun", or when it is due.
    fn bounded(&mut self, i: usize, bound: BoundKind, j: usize) -> Option<(TargetForm, usize)> {
        let Some((value, k)) = self.number(j) else {
            self.fail_after(i, j, Expect::NumberAfter);
            return None;
        };
        let (unit, k) = self.unit(k);
        if let Some(found) = self.per_unit(Some(bound), value, &unit, k) {
            return Some(found);
        }
        if let Some((due, end)) = self.due(i, k) {
            return Some((deadline(Some(bound), value, unit, due), end));
        }
        Some((TargetForm::Bound(Bound { bound, value, unit }), k))
    }

    /// "… per kommun" after a number and its unit at `k`.
    fn per_unit(&self, bound: Option<BoundKind>, value: Decimal, unit: &Unit, k: usize) -> Option<(TargetForm, usize)> {
        if self.is(k, "per") && self.is_any(k.saturating_add(1), vocab::ORG_UNITS) {
            let per = self.text(k.saturating_add(1), k.saturating_add(2));
            let what = unit.as_str().to_owned();
            return Some((TargetForm::PerUnit(PerUnit { bound, value, what, per }), k.saturating_add(2)));
        }
        None
    }

    /// Forms that start with a number: year labels, fraction, gender balance, per-sex counts,
    /// per unit, "X eller högre", deadline and level.
    fn number_led(&mut self, i: usize, allow_sex: bool) -> Option<(TargetForm, usize)> {
        let (value, j) = self.number(i)?;
        if let Some(year) = self.year(i) {
            if self.is_kind(j, TokKind::Colon) {
                if allow_sex && self.sex_marker(j.saturating_add(1)).is_some() {
                    return self.per_sex(j.saturating_add(1), Some(year));
                }
                let Some((value, k)) = self.number(j.saturating_add(1)) else {
                    self.fail_after(i, j.saturating_add(1), Expect::NumberAfter);
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
            && let Some((second, k)) = self.number(j.saturating_add(1))
        {
            return self.share(i, value, second, k);
        }
        if self.is(j, "av")
            && let Some((denominator, k)) = self.number(j.saturating_add(1))
        {
            return self.fraction(i, value, denominator, k);
        }
        if allow_sex && self.is_any(j, &["kvinnor", "kvinna", "män", "man"]) {
            return self.per_sex_counts(i);
        }
        let (unit, k) = self.unit(j);
        if let Some(found) = self.per_unit(None, value, &unit, k) {
            return Some(found);
        }
        if self.is(k, "eller") {
            let or = |words: &[&str]| self.is_any(k.saturating_add(1), words);
            let bound = if or(&["högre", "mer", "fler", "större", "över"]) {
                Some(BoundKind::AtLeast)
            } else if or(&["lägre", "mindre", "färre", "under"]) {
                Some(BoundKind::AtMost)
            } else {
                None
            };
            if let Some(bound) = bound {
                return Some((TargetForm::Bound(Bound { bound, value, unit }), k.saturating_add(2)));
            }
            if or(&["bättre"]) {
                return Some((TargetForm::Level(Level { value, unit, year: None }), k.saturating_add(2)));
            }
        }
        if let Some((due, end)) = self.due(i, k) {
            return Some((deadline(None, value, unit, due), end));
        }
        Some((TargetForm::Level(Level { value, unit, year: None }), k))
    }

    /// "a/b" read up to `k`: a gender balance when the two add up to 100 ("60/40", "40/60 %"),
    /// else a fraction ("4/20"). A third number ("70/20/10") is an error.
    fn share(&mut self, i: usize, first: Decimal, second: Decimal, k: usize) -> Option<(TargetForm, usize)> {
        if self.is_kind(k, TokKind::Slash) && self.number(k.saturating_add(1)).is_some() {
            let end = self.number(k.saturating_add(1)).map_or(k.saturating_add(1), |(_, end)| end);
            self.fail_definite(self.span(i, end), Expect::TooManySlashes);
            return None;
        }
        let percent = self.is_kind(k, TokKind::Percent);
        let shares = !first.is_sign_negative() && !second.is_sign_negative();
        if shares && first.checked_add(second) == Some(Decimal::ONE_HUNDRED) {
            let (low, high) = if first <= second { (first, second) } else { (second, first) };
            return Some((
                TargetForm::GenderBalance(GenderBalance { low, high }),
                k.saturating_add(usize::from(percent)),
            ));
        }
        if percent {
            self.fail_definite(self.span(i, k.saturating_add(1)), Expect::BalanceSum);
            return None;
        }
        self.fraction(i, first, second, k)
    }

    /// "4/20", "4 av 20" read from `i` to `k`: the total above 0, the part from 0 to the total.
    fn fraction(
        &mut self,
        i: usize,
        numerator: Decimal,
        denominator: Decimal,
        k: usize,
    ) -> Option<(TargetForm, usize)> {
        if denominator <= Decimal::ZERO || numerator.is_sign_negative() || numerator > denominator {
            self.fail_definite(self.span(i, k), Expect::FractionParts);
            return None;
        }
        Some((TargetForm::Fraction(Fraction { numerator, denominator }), k))
    }

    /// Benchmark: "I nivå med riket", "Minst i nivå med riket", "Snittet i riket", "Bättre än
    /// jämförbara regioner", "Högre än riksgenomsnittet", "Under länet", "I nivå med riket eller
    /// bättre".
    fn benchmark(&mut self, i: usize) -> Option<(TargetForm, usize)> {
        const FORMS: &[(&[&str], BenchmarkKind)] = &[
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
        // "Högre än", "Under" … are bounds before a number; before a population, benchmarks.
        const BY_POPULATION: &[(&[&str], BenchmarkKind)] = &[
            (&["högre", "än"], BenchmarkKind::Higher),
            (&["över"], BenchmarkKind::Higher),
            (&["lägre", "än"], BenchmarkKind::Lower),
            (&["under"], BenchmarkKind::Lower),
        ];
        let (mut comparison, j, k) = if let Some((comparison, j)) = self.phrases(i, FORMS) {
            let mut k = j;
            while let Some(w) = self.word(k) {
                if vocab::is_keyword(w) || self.is_kind(k.saturating_add(1), TokKind::Colon) {
                    break;
                }
                k = k.saturating_add(1);
            }
            if k == j {
                self.fail_after(i, j, Expect::ReferenceAfter);
                return None;
            }
            (comparison, j, k)
        } else {
            let (comparison, j) = self.phrases(i, BY_POPULATION)?;
            let (_, k) = self.phrases(j, vocab::POPULATIONS)?;
            (comparison, j, k)
        };
        let reference = self.text(j, k);
        let population = match self.phrases(j, vocab::POPULATIONS) {
            Some((population, end)) if end == k => population,
            _ => Population::Other,
        };
        let mut end = k;
        if comparison == BenchmarkKind::AtLevel
            && let Some(after) = self.phrase(k, &["eller", "bättre"])
        {
            comparison = BenchmarkKind::AtLeast;
            end = after;
        }
        Some((TargetForm::Benchmark(Benchmark { comparison, reference, population }), end))
    }

    /// Budget: "Budget hålls", "Inom budget", "Hålla budget", "Alla verksamheter".
    fn budget(&self, i: usize) -> Option<usize> {
        const FORMS: &[&[&str]] = &[
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
        self.any_phrase(i, FORMS)
    }
}

/// A deadline from a level or bound and when it is due.
pub(crate) fn deadline(bound: Option<BoundKind>, value: Decimal, unit: Unit, due: Due) -> TargetForm {
    TargetForm::Deadline(Deadline { bound, value, unit, month: due.month, year: due.year })
}
