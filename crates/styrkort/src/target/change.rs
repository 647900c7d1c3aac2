//! The grammar of the forms that compare with a comparison base: directions ("Öka", "Inte
//! minska", "Minskad skillnad mellan könen"), relative changes ("Minska med 50 % jmf 2019",
//! "Dubbling"), absolute changes ("Öka med 1 200", "minska med 3 st") and the base itself ("jmf
//! 2019", "utifrån 2019-12", "jämfört med föregående år").

use super::error::Expect;
use super::lexer::{Tok, TokKind};
use super::parser::Parser;
use super::vocab::{self, any_ci, eq_ci};
use super::{
    AbsoluteChange, Base, ChangeDirection, ChangeUnit, Direction, DirectionTarget, RelativeChange, TargetForm,
};
use rust_decimal::Decimal;

impl Parser<'_> {
    /// Direction, relative and absolute change at `i`.
    pub fn change(&mut self, i: usize) -> Option<(TargetForm, usize)> {
        let w = self.word(i)?;
        if let Some((direction, factor)) = multiple(w) {
            let (base, end) = self.base(i.saturating_add(1))?;
            let value = Decimal::from(factor);
            return Some((
                TargetForm::RelativeChange(RelativeChange { direction, value, unit: ChangeUnit::Times, base }),
                end,
            ));
        }
        let (mut direction, mut j) = if any_ci(w, vocab::INCREASE) {
            if self.is(i.saturating_add(1), "eller") && self.is_any(i.saturating_add(2), vocab::MAINTAIN) {
                (Direction::Maintain, i.saturating_add(3))
            } else {
                (Direction::Increase, i.saturating_add(1))
            }
        } else if any_ci(w, vocab::DECREASE) {
            (Direction::Decrease, i.saturating_add(1))
        } else if any_ci(w, vocab::MAINTAIN) {
            if self.is(i.saturating_add(1), "eller") && self.is_any(i.saturating_add(2), vocab::INCREASE) {
                (Direction::Maintain, i.saturating_add(3))
            } else {
                (Direction::Maintain, i.saturating_add(1))
            }
        } else if any_ci(w, &["inte", "ej"])
            && (self.is_any(i.saturating_add(1), vocab::DECREASE)
                || self.is_any(i.saturating_add(1), &["försämras", "försämra", "sjunka"]))
        {
            (Direction::Maintain, i.saturating_add(2))
        } else if any_ci(w, vocab::IMPROVE) {
            let skip = usize::from(self.is_any(i.saturating_add(1), &["värde", "värdet", "resultat", "resultatet"]));
            (Direction::Improve, i.saturating_add(1).saturating_add(skip))
        } else if eq_ci(w, "positiv") && self.is_any(i.saturating_add(1), &["trend", "utveckling"]) {
            (Direction::PositiveTrend, i.saturating_add(2))
        } else {
            return None;
        };
        if direction == Direction::Decrease && self.is_any(j, vocab::GAP) {
            direction = Direction::NarrowGap;
            j = j.saturating_add(1);
            if self.is(j, "mellan") {
                let sexes = self
                    .phrase(j.saturating_add(1), &["kvinnor", "och", "män"])
                    .or_else(|| self.phrase(j.saturating_add(1), &["män", "och", "kvinnor"]))
                    .or_else(|| {
                        self.is_any(j.saturating_add(1), &["kön", "könen", "könet"]).then_some(j.saturating_add(2))
                    });
                match sexes {
                    Some(end) => {
                        direction = Direction::NarrowSexGap;
                        j = end;
                    }
                    None => {
                        self.fail_after(i, j.saturating_add(1), Expect::TargetAfter);
                        return None;
                    }
                }
            }
        }
        let change = match direction {
            Direction::Increase => Some(ChangeDirection::Increase),
            Direction::Decrease => Some(ChangeDirection::Decrease),
            _ => None,
        };
        if let Some(change) = change {
            let with = self.is(j, "med");
            let k = j.saturating_add(usize::from(with));
            // "2026: Öka 2027: Minska": a year that labels the next part is no amount.
            if let Some((value, after)) = self.number(k).filter(|_| self.year_label(k).is_none()) {
                return self.amount(i, change, value, after, with);
            }
            if with {
                self.fail_after(i, k, Expect::NumberAfter);
                return None;
            }
        }
        let (base, end) = self.base(j)?;
        Some((TargetForm::Direction(DirectionTarget { direction, base }), end))
    }

    /// The rest of a change by `value` read at `after`: its unit and base. "Öka 5 %" and "Öka
    /// med 5 %" are relative; an amount in the measure's unit needs "med" ("Öka med 1 200").
    fn amount(
        &mut self,
        i: usize,
        direction: ChangeDirection,
        value: Decimal,
        after: usize,
        with: bool,
    ) -> Option<(TargetForm, usize)> {
        let relative = if self.is_kind(after, TokKind::Percent) || self.is(after, "procent") {
            Some(ChangeUnit::Percent)
        } else if self.is_any(after, &["procentenheter", "procentenhet", "procentenheten"]) {
            Some(ChangeUnit::PercentagePoints)
        } else if self.is(after, "gånger") {
            Some(ChangeUnit::Times)
        } else {
            None
        };
        if let Some(unit) = relative {
            let (base, end) = self.base(after.saturating_add(1))?;
            return Some((TargetForm::RelativeChange(RelativeChange { direction, value, unit, base }), end));
        }
        if !with {
            self.fail_after(i, after, Expect::ChangeUnitAfter);
            return None;
        }
        let (unit, k) = self.unit(after);
        let (base, end) = self.base(k)?;
        Some((TargetForm::AbsoluteChange(AbsoluteChange { direction, value, unit, base }), end))
    }

    /// An optional comparison base at `j`: `Some((None, j))` when there is none, `None` (with a
    /// recorded failure) when one is started but not finished.
    pub fn base(&mut self, j: usize) -> Option<(Option<Base>, usize)> {
        if !self.is_any(j, vocab::BASE_INTRO) {
            return Some((None, j));
        }
        let mut k = j.saturating_add(1);
        if self.is_any(k, &["med", "mot", "till"]) {
            k = k.saturating_add(1);
        }
        if let Some(year) = self.year(k) {
            if let (Some(Tok { kind: TokKind::Dash, glued: true, .. }), Some(Tok { glued: true, .. })) =
                (self.toks.get(k.saturating_add(1)), self.toks.get(k.saturating_add(2)))
                && let Some(month) = self
                    .small_int(k.saturating_add(2))
                    .and_then(|m| u8::try_from(m).ok())
                    .filter(|m| (1..=12).contains(m))
            {
                return Some((Some(Base::Month { year, month }), k.saturating_add(3)));
            }
            return Some((Some(Base::Year(year)), k.saturating_add(1)));
        }
        if let Some(n) = self.small_int(k).filter(|n| (100_001..=999_912).contains(n))
            && let Ok(month) = u8::try_from(n % 100)
            && (1..=12).contains(&month)
            && let Ok(year) = i32::try_from(n / 100)
        {
            return Some((Some(Base::Month { year, month }), k.saturating_add(1)));
        }
        let year_before = |p: &Self, at: usize| {
            p.any_phrase(
                at,
                &[&["året", "innan"], &["året", "före"], &["föregående", "år"], &["förra", "året"], &["fg", "år"]],
            )
        };
        if self.is(k, "motsvarande") {
            let quarter = self.is_any(k.saturating_add(1), &["kvartal", "kvarta", "kvartalet"]);
            let period =
                self.is_any(k.saturating_add(1), &["period", "perioden", "tertial", "tertialet", "månad", "månaden"]);
            if (quarter || period)
                && let Some(end) = year_before(self, k.saturating_add(2))
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
}

/// "Dubbling", "Tredubbling", "Halvering": a change by a factor.
fn multiple(word: &str) -> Option<(ChangeDirection, u32)> {
    if any_ci(word, &["dubbling", "fördubbling"]) {
        Some((ChangeDirection::Increase, 2))
    } else if eq_ci(word, "tredubbling") {
        Some((ChangeDirection::Increase, 3))
    } else if eq_ci(word, "halvering") {
        Some((ChangeDirection::Decrease, 2))
    } else {
        None
    }
}
