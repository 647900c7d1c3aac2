//! Rules 2–9 of SPEC §3: a value against a typed target, following the measure's polarity.
//! Every function here is pure and allocation-free; the engine feeds it the numbers.

use super::assessment::{Comparison, Reason, Rule, Verdict};
use super::rules::{Rounding, RuleSet};
use crate::model::{Period, Polarity, ReportPoint, Sex, Status};
use crate::target::{
    Base, BenchmarkKind, BoundKind, ChangeDirection, ChangeUnit, Deadline, Direction, Target, TargetForm,
};
use rust_decimal::Decimal;

/// The numbers one row of a measure is judged with.
pub(crate) struct Row<'a> {
    pub rules: &'a RuleSet,
    pub polarity: Polarity,
    /// Counts that build up over the year (rule 5).
    pub cumulative: bool,
    pub period: Period,
    pub sex: Sex,
    /// The observed value, if any.
    pub value: Option<Decimal>,
    /// The observation's reference value (riket).
    pub reference: Option<Decimal>,
    /// Values of the same measure and unit at other periods and sexes.
    pub lookup: &'a dyn Fn(Period, Sex) -> Option<(Decimal, Option<Decimal>)>,
    /// The measure's comparison period (its fixed base, or the same report the year before).
    pub comparison_period: Period,
    /// The row's value at the comparison period, when there is one.
    pub base: Option<Decimal>,
    /// Values of the same measure, period and sex for each child unit (none when the unit has
    /// no children).
    pub children: &'a dyn Fn() -> Option<Vec<Option<Decimal>>>,
}

/// A target resolved for one measure, period and sex before the units are assessed: the part
/// of a per-sex or per-period target that applies, and for a plain threshold its numbers worked
/// out once (rule 5's pro-rating, rule 2's partial band), so that each unit costs two
/// comparisons.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Plan<'t> {
    /// The same verdict for every unit with a value or none.
    Fixed(Verdict),
    /// Rule 2 with the numbers worked out; `due` false for a deadline later in the year (rule 6).
    Threshold { target: Decimal, comparison: Comparison, partial_limit: Decimal, rule: Rule, due: bool },
    /// Anything that needs more than the row's own value.
    General(&'t Target),
}

/// Resolves a target for a measure, period and sex.
pub(crate) fn plan<'t>(
    target: &'t Target,
    rules: &RuleSet,
    polarity: Polarity,
    cumulative: bool,
    period: Period,
    sex: Sex,
) -> Plan<'t> {
    let threshold = |target, comparison, rule| threshold_plan(rules, target, comparison, rule);
    // Rule 5: a cumulative measure at an interim report meets the year target pro rata.
    let pro_rata = |value: Decimal| {
        if cumulative && rules.interim_pro_rating && period.report != ReportPoint::Annual {
            value.saturating_mul(Decimal::from(period.report.month())).checked_div(Decimal::from(12)).unwrap_or(value)
        } else {
            value
        }
    };
    match &target.form {
        TargetForm::None(_) => Plan::Fixed(Verdict::not_assessed(Reason::NoTarget, Rule::NoTarget)),
        TargetForm::Unparsed(_) => {
            Plan::Fixed(Verdict::not_assessed(Reason::TargetNotMachineReadable, Rule::Unreadable))
        }
        TargetForm::Milestone(_) => Plan::Fixed(Verdict::not_assessed(Reason::NoData, Rule::Milestone)),
        TargetForm::PerSex(parts) => match parts.get(sex) {
            Some(part) => plan(part, rules, polarity, cumulative, period, sex),
            None => Plan::Fixed(Verdict::not_assessed(Reason::NoTarget, Rule::NoTarget)),
        },
        TargetForm::PerPeriod(parts) => match parts.get(period.report) {
            Some(part) => plan(part, rules, polarity, cumulative, period, sex),
            None => Plan::Fixed(Verdict::not_assessed(Reason::NoTarget, Rule::NoTarget)),
        },
        TargetForm::PerYear(parts) => match parts.get(period.year) {
            Some(part) => plan(part, rules, polarity, cumulative, period, sex),
            None => Plan::Fixed(Verdict::not_assessed(Reason::NoTarget, Rule::NoTarget)),
        },
        TargetForm::Level(level) => threshold(pro_rata(level.value), by_polarity(polarity), Rule::Level),
        TargetForm::Bound(bound) => threshold(pro_rata(bound.value), bound_comparison(bound.bound), Rule::Bound),
        TargetForm::Fraction(fraction) => threshold(fraction.numerator, Comparison::AtLeast, Rule::Fraction),
        TargetForm::Deadline(deadline) => {
            let comparison = deadline.bound.map_or_else(|| by_polarity(polarity), bound_comparison);
            match threshold(deadline.value, comparison, Rule::Deadline) {
                Plan::Threshold { target, comparison, partial_limit, rule, .. } => {
                    Plan::Threshold { target, comparison, partial_limit, rule, due: is_due(deadline, period) }
                }
                other => other,
            }
        }
        _ => Plan::General(target),
    }
}

/// Rule 2's numbers for a threshold: met at the target, partially met up to the partial limit.
fn threshold_plan(rules: &RuleSet, target: Decimal, comparison: Comparison, rule: Rule) -> Plan<'static> {
    // Saturating arithmetic: no value a file can hold makes the engine panic.
    let band = rules.partial_band.saturating_mul(target.abs());
    let partial_limit = match comparison {
        Comparison::AtMost | Comparison::Below => target.saturating_add(band),
        _ => target.saturating_sub(band),
    };
    Plan::Threshold { target, comparison, partial_limit, rule, due: true }
}

/// Judges a row by a resolved target.
pub(crate) fn apply(plan: &Plan<'_>, row: &Row<'_>) -> Verdict {
    match *plan {
        Plan::Fixed(verdict) => verdict,
        Plan::General(target) => evaluate(target, row),
        Plan::Threshold { target, comparison, partial_limit, rule, due } => {
            let Some(value) = row.value else {
                return Verdict {
                    target_value: Some(target),
                    comparison: Some(comparison),
                    ..Verdict::not_assessed(Reason::NoData, rule)
                };
            };
            let value = match row.rules.rounding {
                Rounding::Exact => value,
                Rounding::TargetPrecision => value.round_dp(target.scale()),
            };
            let status = if meets(value, target, comparison) {
                Status::Achieved
            } else if match comparison {
                Comparison::AtMost | Comparison::Below => value <= partial_limit,
                _ => value >= partial_limit,
            } {
                Status::PartiallyAchieved
            } else {
                Status::NotAchieved
            };
            if !due && status != Status::Achieved {
                // Rule 6: a deadline later in the year is judged only once met.
                return Verdict {
                    target_value: Some(target),
                    comparison: Some(comparison),
                    ..Verdict::not_assessed(Reason::NotYetDue, rule)
                };
            }
            Verdict { target_value: Some(target), comparison: Some(comparison), ..Verdict::decided(status, rule) }
        }
    }
}

/// Rule 6: whether a deadline is due at a period: its month reached in its year (the plan's
/// year when it names none), or its year past.
/// The deadline that applies to a period and sex, inside a per-sex, per-period or per-year
/// target as `plan` resolves it.
pub(crate) fn deadline_of(target: &Target, period: Period, sex: Sex) -> Option<&Deadline> {
    match &target.form {
        TargetForm::Deadline(deadline) => Some(deadline),
        TargetForm::PerSex(parts) => deadline_of(parts.get(sex)?, period, sex),
        TargetForm::PerPeriod(parts) => deadline_of(parts.get(period.report)?, period, sex),
        TargetForm::PerYear(parts) => deadline_of(parts.get(period.year)?, period, sex),
        _ => None,
    }
}

fn is_due(deadline: &Deadline, period: Period) -> bool {
    match deadline.year {
        Some(year) if period.year != year => period.year > year,
        _ => period.report.month() >= deadline.month,
    }
}

fn bound_comparison(bound: BoundKind) -> Comparison {
    match bound {
        BoundKind::Under => Comparison::Below,
        BoundKind::AtMost => Comparison::AtMost,
        BoundKind::AtLeast => Comparison::AtLeast,
        BoundKind::Over => Comparison::Above,
    }
}

/// Judges a row against a target. The forms that need only the row's own value are resolved
/// by [`plan`]; the rest look at the comparison base, the reference, the other sex or the
/// child units here.
pub(crate) fn evaluate(target: &Target, row: &Row<'_>) -> Verdict {
    match &target.form {
        TargetForm::Composite(composite) => {
            let verdicts: Vec<Verdict> = composite
                .components
                .iter()
                .filter(|component| component.label.is_none())
                .map(|component| evaluate(&component.target, row))
                .collect();
            combine(&verdicts, Rule::Composite)
        }
        TargetForm::Direction(direction) => {
            let Some(value) = row.value else { return Verdict::not_assessed(Reason::NoData, Rule::Direction) };
            match direction.direction {
                Direction::NarrowGap => narrow_gap(row, value, base_period(direction.base, row)),
                Direction::NarrowSexGap => narrow_sex_gap(row, base_period(direction.base, row)),
                other => {
                    let (base_period, base) = base_value(direction.base, row);
                    let Some(base) = base else {
                        return Verdict {
                            base_period: Some(base_period),
                            ..Verdict::not_assessed(Reason::NoComparison, Rule::Direction)
                        };
                    };
                    let comparison = match other {
                        Direction::Increase => Comparison::Above,
                        Direction::Decrease => Comparison::Below,
                        Direction::Maintain => not_worse(row.polarity),
                        _ => better(row.polarity),
                    };
                    let status = if meets(value, base, comparison) { Status::Achieved } else { Status::NotAchieved };
                    Verdict {
                        target_value: Some(base),
                        comparison: Some(comparison),
                        base: Some(base),
                        base_period: Some(base_period),
                        ..Verdict::decided(status, Rule::Direction)
                    }
                }
            }
        }
        TargetForm::RelativeChange(change) => from_base(row, change.base, change.direction, |base| {
            let sign = match change.direction {
                ChangeDirection::Increase => Decimal::ONE,
                ChangeDirection::Decrease => Decimal::NEGATIVE_ONE,
            };
            match change.unit {
                ChangeUnit::Percent => (change.value.checked_div(Decimal::ONE_HUNDRED))
                    .and_then(|fraction| Decimal::ONE.checked_add(sign.checked_mul(fraction)?))
                    .and_then(|factor| base.checked_mul(factor)),
                ChangeUnit::PercentagePoints => {
                    sign.checked_mul(change.value).and_then(|change| base.checked_add(change))
                }
                ChangeUnit::Times => base.checked_mul(change.value),
            }
        }),
        TargetForm::AbsoluteChange(change) => {
            from_base(row, change.base, change.direction, |base| match change.direction {
                ChangeDirection::Increase => base.checked_add(change.value),
                ChangeDirection::Decrease => base.checked_sub(change.value),
            })
        }
        TargetForm::Benchmark(benchmark) => {
            if row.value.is_none() {
                return Verdict::not_assessed(Reason::NoData, Rule::Benchmark);
            }
            let Some(reference) = row.reference else {
                return Verdict::not_assessed(Reason::NoReference, Rule::Benchmark);
            };
            let margin = row.rules.equivalence_margin.saturating_mul(reference.abs());
            let (target, comparison) = match (benchmark.comparison, row.polarity) {
                (BenchmarkKind::AtLevel, Polarity::LowerIsBetter) => {
                    (reference.saturating_add(margin), Comparison::AtMost)
                }
                (BenchmarkKind::AtLevel, _) => (reference.saturating_sub(margin), Comparison::AtLeast),
                (BenchmarkKind::AtLeast | BenchmarkKind::Average, polarity) => (reference, not_worse(polarity)),
                (BenchmarkKind::Better, polarity) => (reference, better(polarity)),
                (BenchmarkKind::Higher, _) => (reference, Comparison::Above),
                (BenchmarkKind::Lower, _) => (reference, Comparison::Below),
            };
            Verdict { reference: Some(reference), ..threshold(row, target, comparison, Rule::Benchmark) }
        }
        TargetForm::GenderBalance(balance) => {
            let share = match ((row.lookup)(row.period, Sex::Women), (row.lookup)(row.period, Sex::Men)) {
                (Some((women, _)), Some((men, _))) => {
                    match women.checked_add(men).and_then(|all| women.checked_div(all)) {
                        Some(share) => share.saturating_mul(Decimal::ONE_HUNDRED),
                        None => return Verdict::not_assessed(Reason::NoData, Rule::GenderBalance),
                    }
                }
                _ => return Verdict::not_assessed(Reason::NoData, Rule::GenderBalance),
            };
            let status =
                if share >= balance.low && share <= balance.high { Status::Achieved } else { Status::NotAchieved };
            Verdict {
                target_value: Some(balance.high),
                target_low: Some(balance.low),
                comparison: Some(Comparison::Between),
                ..Verdict::decided(status, Rule::GenderBalance)
            }
        }
        TargetForm::PerUnit(per_unit) => {
            let comparison = match per_unit.bound {
                Some(BoundKind::Under) => Comparison::Below,
                Some(BoundKind::AtMost) => Comparison::AtMost,
                Some(BoundKind::Over) => Comparison::Above,
                Some(BoundKind::AtLeast) | None => Comparison::AtLeast,
            };
            every_unit(row, per_unit.value, comparison)
        }
        TargetForm::Budget => every_unit(row, Decimal::ZERO, Comparison::AtLeast),
        // None, unparsed, milestone, per sex, per period, per year, level, bound, fraction,
        // deadline: `plan` resolves them without ever returning `Plan::General`.
        _ => apply(&plan(target, row.rules, row.polarity, row.cumulative, row.period, row.sex), row),
    }
}

/// Rule 4: the target worked out from the value at the comparison base (none when the
/// arithmetic overflows), then judged as rule 2: at least it after an increase, at most after a
/// decrease.
fn from_base(
    row: &Row<'_>,
    base: Option<Base>,
    direction: ChangeDirection,
    target: impl FnOnce(Decimal) -> Option<Decimal>,
) -> Verdict {
    let (base_period, base) = base_value(base, row);
    let Some(base) = base else {
        return Verdict {
            base_period: Some(base_period),
            ..Verdict::not_assessed(Reason::NoComparison, Rule::RelativeChange)
        };
    };
    let Some(target) = target(base) else {
        return Verdict::not_assessed(Reason::TargetNotMachineReadable, Rule::RelativeChange);
    };
    let comparison = match direction {
        ChangeDirection::Increase => Comparison::AtLeast,
        ChangeDirection::Decrease => Comparison::AtMost,
    };
    Verdict {
        base: Some(base),
        base_period: Some(base_period),
        ..threshold(row, target, comparison, Rule::RelativeChange)
    }
}

/// Rule 2: a value against a threshold, with the partial band, polarity-free (the comparison
/// says which side is met).
fn threshold(row: &Row<'_>, target: Decimal, comparison: Comparison, rule: Rule) -> Verdict {
    apply(&threshold_plan(row.rules, target, comparison, rule), row)
}

/// Whether a value meets a target under a comparison.
pub(crate) fn meets(value: Decimal, target: Decimal, comparison: Comparison) -> bool {
    match comparison {
        Comparison::AtLeast => value >= target,
        Comparison::Above => value > target,
        Comparison::AtMost => value <= target,
        Comparison::Below => value < target,
        Comparison::Between => value == target,
    }
}

fn by_polarity(polarity: Polarity) -> Comparison {
    match polarity {
        Polarity::LowerIsBetter => Comparison::AtMost,
        Polarity::HigherIsBetter | Polarity::Neutral => Comparison::AtLeast,
    }
}

fn not_worse(polarity: Polarity) -> Comparison {
    by_polarity(polarity)
}

fn better(polarity: Polarity) -> Comparison {
    match polarity {
        Polarity::LowerIsBetter => Comparison::Below,
        Polarity::HigherIsBetter | Polarity::Neutral => Comparison::Above,
    }
}

/// The row's value at a target's stated base; without one, at the measure's comparison period
/// (already looked up for the trend).
fn base_value(base: Option<Base>, row: &Row<'_>) -> (Period, Option<Decimal>) {
    let period = base_period(base, row);
    let value = if base.is_none() { row.base } else { (row.lookup)(period, row.sex).map(|(value, _)| value) };
    (period, value)
}

/// The period a target's stated base names; without one, the measure's comparison period.
fn base_period(base: Option<Base>, row: &Row<'_>) -> Period {
    let report = row.period.report;
    match base {
        None => row.comparison_period,
        Some(Base::Year(year)) => Period::new(year, report),
        Some(Base::Month { year, month }) => Period::new(
            year,
            match month {
                1..=4 => ReportPoint::April,
                5..=8 => ReportPoint::August,
                _ => ReportPoint::Annual,
            },
        ),
        Some(Base::SameQuarterYearBefore | Base::SamePeriodYearBefore) => row.period.year_before(),
        Some(Base::PreviousYear) => Period::new(row.period.year.saturating_sub(1), ReportPoint::Annual),
    }
}

/// "Minskad skillnad jmf 2018": the distance to the reference value has narrowed.
fn narrow_gap(row: &Row<'_>, value: Decimal, base_period: Period) -> Verdict {
    let Some(reference) = row.reference else { return Verdict::not_assessed(Reason::NoReference, Rule::Direction) };
    let Some((base, Some(base_reference))) = (row.lookup)(base_period, row.sex) else {
        return Verdict {
            base_period: Some(base_period),
            ..Verdict::not_assessed(Reason::NoComparison, Rule::Direction)
        };
    };
    let (gap, base_gap) = (value.saturating_sub(reference).abs(), base.saturating_sub(base_reference).abs());
    let status = if gap < base_gap { Status::Achieved } else { Status::NotAchieved };
    Verdict {
        target_value: Some(base_gap),
        comparison: Some(Comparison::Below),
        base: Some(base),
        base_period: Some(base_period),
        reference: Some(reference),
        ..Verdict::decided(status, Rule::Direction)
    }
}

/// "Minskade skillnader mellan kön": the gap between women and men has narrowed.
fn narrow_sex_gap(row: &Row<'_>, base_period: Period) -> Verdict {
    let gap =
        |period| Some((row.lookup)(period, Sex::Women)?.0.saturating_sub((row.lookup)(period, Sex::Men)?.0).abs());
    let Some(now) = gap(row.period) else { return Verdict::not_assessed(Reason::NoData, Rule::Direction) };
    let Some(before) = gap(base_period) else {
        return Verdict {
            base_period: Some(base_period),
            ..Verdict::not_assessed(Reason::NoComparison, Rule::Direction)
        };
    };
    let status = if now < before { Status::Achieved } else { Status::NotAchieved };
    Verdict {
        target_value: Some(before),
        comparison: Some(Comparison::Below),
        base: Some(before),
        base_period: Some(base_period),
        ..Verdict::decided(status, Rule::Direction)
    }
}

/// "Minst ett projekt per kommun", "Budget hålls": every child unit meets the minimum; a unit
/// without children is judged on its own value.
fn every_unit(row: &Row<'_>, minimum: Decimal, comparison: Comparison) -> Verdict {
    let Some(values) = (row.children)() else { return threshold(row, minimum, comparison, Rule::EveryUnit) };
    let mut met: usize = 0;
    for value in &values {
        match value {
            None => return Verdict::not_assessed(Reason::NoData, Rule::EveryUnit),
            Some(value) if meets(*value, minimum, comparison) => met = met.saturating_add(1),
            Some(_) => {}
        }
    }
    let status = match met {
        0 => Status::NotAchieved,
        n if n == values.len() => Status::Achieved,
        _ => Status::PartiallyAchieved,
    };
    Verdict { target_value: Some(minimum), comparison: Some(comparison), ..Verdict::decided(status, Rule::EveryUnit) }
}

/// Rule 8's combination, used for the sexes of a measure and the components of a composite:
/// every assessed part achieved → achieved; no part achieved or partially achieved → not
/// achieved; otherwise partially achieved. Nothing assessed → not assessed (the first reason).
pub(crate) fn combine(verdicts: &[Verdict], rule: Rule) -> Verdict {
    let statuses: Vec<Status> = verdicts.iter().map(|v| v.status).filter(|s| *s != Status::NotAssessed).collect();
    match combine_statuses(&statuses) {
        Some(status) => Verdict::decided(status, rule),
        None => {
            let reason = verdicts.iter().find_map(|v| v.reason).unwrap_or(Reason::NoData);
            Verdict::not_assessed(reason, rule)
        }
    }
}

/// Rule 8 over assessed statuses; none when nothing was assessed.
pub(crate) fn combine_statuses(statuses: &[Status]) -> Option<Status> {
    let assessed: Vec<&Status> = statuses.iter().filter(|s| **s != Status::NotAssessed).collect();
    if assessed.is_empty() {
        None
    } else if assessed.iter().all(|s| **s == Status::Achieved) {
        Some(Status::Achieved)
    } else if assessed.iter().all(|s| **s == Status::NotAchieved) {
        Some(Status::NotAchieved)
    } else {
        Some(Status::PartiallyAchieved)
    }
}
