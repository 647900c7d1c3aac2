//! Outcomes stated only as a change against the comparison period ("−1,8 procentenheter",
//! "+200 %"), with no value at the comparison period to turn them into a value: rule 3
//! (direction) judges the sign of the change, rule 4 (relative and absolute change) compares
//! the change with the change the target asks for. Other targets need the value itself and
//! cannot be judged (`no_comparison`: the comparison period's value would give it).

use super::assessment::{Comparison, Reason, Rule, Trend, Verdict};
use super::evaluate::{Plan, better, meets, not_worse, stated_base};
use super::rules::RuleSet;
use crate::model::{Change, ChangeKind, Period, Polarity, Status};
use crate::target::{ChangeDirection, ChangeUnit, Direction, TargetForm};
use rust_decimal::Decimal;

/// What a stated change is judged with besides the target.
pub(crate) struct ChangeRow<'a> {
    pub rules: &'a RuleSet,
    pub polarity: Polarity,
    pub period: Period,
    pub comparison_period: Period,
    /// Whether the measure's values are percentages (an absolute change is in points).
    pub percent: bool,
}

/// Judges a stated change by a resolved target.
pub(crate) fn judge(plan: &Plan<'_>, change: Change, row: &ChangeRow<'_>) -> Verdict {
    let cannot = |rule| Verdict {
        base_period: Some(row.comparison_period),
        ..Verdict::not_assessed(Reason::NoComparison, rule)
    };
    let target = match *plan {
        Plan::Fixed(verdict) => return verdict,
        Plan::Threshold { rule, .. } => return cannot(rule),
        Plan::General(target) => target,
    };
    let same_base = |base| stated_base(base, row.period, row.comparison_period) == row.comparison_period;
    let rule = match change.kind {
        ChangeKind::Absolute => Rule::StatedChange,
        ChangeKind::Relative => Rule::StatedRelativeChange,
    };
    let decided = |status, target_value, comparison| Verdict {
        value: Some(change.amount),
        target_value: Some(target_value),
        comparison: Some(comparison),
        base_period: Some(row.comparison_period),
        ..Verdict::decided(status, rule)
    };
    let met = |required: Decimal, comparison| {
        let status = if meets(change.amount, required, comparison) { Status::Achieved } else { Status::NotAchieved };
        decided(status, required, comparison)
    };
    match &target.form {
        TargetForm::Direction(direction) if !same_base(direction.base) => cannot(Rule::Direction),
        TargetForm::Direction(direction) => {
            let comparison = match direction.direction {
                Direction::Increase => Comparison::Above,
                Direction::Decrease => Comparison::Below,
                Direction::Maintain => not_worse(row.polarity),
                Direction::Improve | Direction::PositiveTrend => better(row.polarity),
                Direction::NarrowGap | Direction::NarrowSexGap => return cannot(Rule::Direction),
            };
            met(Decimal::ZERO, comparison)
        }
        TargetForm::RelativeChange(target) if same_base(target.base) => {
            let (sign, comparison) = signed(target.direction);
            match (target.unit, change.kind) {
                // Relative to the comparison value: judged as rule 4 on a comparison value of
                // 100, which gives the same verdict, partial band included, for any value.
                (ChangeUnit::Percent | ChangeUnit::Times, ChangeKind::Relative) => {
                    let required = match target.unit {
                        ChangeUnit::Times => {
                            target.value.checked_sub(Decimal::ONE).and_then(|f| f.checked_mul(HUNDRED))
                        }
                        _ => sign.checked_mul(target.value),
                    };
                    let Some(required) = required else { return cannot(Rule::RelativeChange) };
                    relative(row.rules, change.amount, required, comparison, decided)
                }
                (ChangeUnit::PercentagePoints, ChangeKind::Absolute) if row.percent => {
                    match sign.checked_mul(target.value) {
                        Some(required) => met(required, comparison),
                        None => cannot(Rule::RelativeChange),
                    }
                }
                _ => cannot(Rule::RelativeChange),
            }
        }
        TargetForm::AbsoluteChange(target) if same_base(target.base) && change.kind == ChangeKind::Absolute => {
            let (sign, comparison) = signed(target.direction);
            match sign.checked_mul(target.value) {
                Some(required) => met(required, comparison),
                None => cannot(Rule::RelativeChange),
            }
        }
        _ => cannot(Rule::RelativeChange),
    }
}

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

fn signed(direction: ChangeDirection) -> (Decimal, Comparison) {
    match direction {
        ChangeDirection::Increase => (Decimal::ONE, Comparison::AtLeast),
        ChangeDirection::Decrease => (Decimal::NEGATIVE_ONE, Comparison::AtMost),
    }
}

/// Rule 4 with rule 2's partial band, on the values a comparison value of 100 gives.
fn relative(
    rules: &RuleSet,
    amount: Decimal,
    required: Decimal,
    comparison: Comparison,
    decided: impl Fn(Status, Decimal, Comparison) -> Verdict,
) -> Verdict {
    let (value, target) = (HUNDRED.saturating_add(amount), HUNDRED.saturating_add(required));
    let band = rules.partial_band.saturating_mul(target.abs());
    let status = if meets(value, target, comparison) {
        Status::Achieved
    } else if match comparison {
        Comparison::AtMost | Comparison::Below => value <= target.saturating_add(band),
        _ => value >= target.saturating_sub(band),
    } {
        Status::PartiallyAchieved
    } else {
        Status::NotAchieved
    };
    decided(status, required, comparison)
}

/// Rule 10 on a stated change: its sign, following polarity; a relative change within the trend
/// band (a fraction of the comparison value) and no change at all are unchanged.
pub(crate) fn trend(change: Change, polarity: Polarity, band: Decimal) -> Trend {
    let within_band = change.amount.is_zero()
        || (change.kind == ChangeKind::Relative
            && !band.is_zero()
            && change.amount.abs() <= band.saturating_mul(HUNDRED));
    let up = change.amount > Decimal::ZERO;
    match (within_band, polarity, up) {
        (true, ..) => Trend::Unchanged,
        (false, Polarity::Neutral, _) => Trend::None,
        (false, Polarity::HigherIsBetter, true) | (false, Polarity::LowerIsBetter, false) => Trend::Improved,
        (false, ..) => Trend::Worsened,
    }
}
