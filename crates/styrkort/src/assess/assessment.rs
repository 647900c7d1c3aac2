//! What the engine says about one measure × unit × period × sex: status, reason, trend, the
//! numbers compared and the rule that decided. Compact and `Copy`, so that hundreds of thousands
//! of them cost little; the explanation is built from it when asked.

use crate::model::{MissingReason, Period, Sex, Status};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a measure could not be assessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Rule 1: the measure is not followed up at this report (annual-only at DÅ04/DÅ08).
    NotReportedThisPeriod,
    /// No observation for the period.
    NoData,
    /// No target for the year, or the target does not apply to this row (or it is monitoring only).
    NoTarget,
    /// Rule 6: the target is due later in the year and not yet met.
    NotYetDue,
    /// Rule 7: a benchmark target without the observation's reference value.
    NoReference,
    /// Rules 3 and 4: a direction or relative change without a value at the comparison base.
    NoComparison,
    /// The target text fits no form of the target language.
    TargetNotMachineReadable,
    /// The observation says why it has no value.
    #[serde(untagged)]
    Missing(MissingReason),
}

impl Reason {
    /// Every reason, the engine's first and the observations' missing-data reasons last: the
    /// categories of a table's reason column.
    pub const ALL: [Reason; 11] = [
        Reason::NotReportedThisPeriod,
        Reason::NoData,
        Reason::NoTarget,
        Reason::NotYetDue,
        Reason::NoReference,
        Reason::NoComparison,
        Reason::TargetNotMachineReadable,
        Reason::Missing(MissingReason::NotPublished),
        Reason::Missing(MissingReason::MethodChanged),
        Reason::Missing(MissingReason::Confidential),
        Reason::Missing(MissingReason::NotMeasured),
    ];

    /// The machine code: `not_reported_this_period`, `no_data`, …, or the missing-data reason.
    pub fn code(self) -> &'static str {
        match self {
            Reason::NotReportedThisPeriod => "not_reported_this_period",
            Reason::NoData => "no_data",
            Reason::NoTarget => "no_target",
            Reason::NotYetDue => "not_yet_due",
            Reason::NoReference => "no_reference",
            Reason::NoComparison => "no_comparison",
            Reason::TargetNotMachineReadable => "target_not_machine_readable",
            Reason::Missing(reason) => reason.code(),
        }
    }

    /// A short Swedish phrase for reports.
    pub fn label_sv(self) -> &'static str {
        match self {
            Reason::NotReportedThisPeriod => "mäts inte vid denna rapport",
            Reason::NoData => "utfall saknas",
            Reason::NoTarget => "målnivå saknas",
            Reason::NotYetDue => "målet gäller vid en senare tidpunkt",
            Reason::NoReference => "referensvärde saknas",
            Reason::NoComparison => "jämförelsevärde saknas",
            Reason::TargetNotMachineReadable => "målet kan inte tolkas",
            Reason::Missing(MissingReason::NotPublished) => "utfallet är inte publicerat",
            Reason::Missing(MissingReason::MethodChanged) => "mätmetoden har ändrats",
            Reason::Missing(MissingReason::Confidential) => "sekretess",
            Reason::Missing(MissingReason::NotMeasured) => "inte mätt",
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The development against the comparison base, following polarity: a falling value of a
/// lower-is-better measure has improved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    /// ↑ better than the comparison base.
    Improved,
    /// → within the trend band.
    Unchanged,
    /// ↓ worse.
    Worsened,
    /// Blank: no comparison value, or a neutral measure that changed.
    #[default]
    None,
}

impl Trend {
    /// Every trend, improved first and none last: the categories of a table's trend column.
    pub const ALL: [Trend; 4] = [Trend::Improved, Trend::Unchanged, Trend::Worsened, Trend::None];

    /// The machine code; `none` for no trend.
    pub fn code(self) -> &'static str {
        match self {
            Trend::Improved => "improved",
            Trend::Unchanged => "unchanged",
            Trend::Worsened => "worsened",
            Trend::None => "none",
        }
    }

    /// The arrow of the reports: ↑ → ↓, or nothing.
    pub fn arrow(self) -> &'static str {
        match self {
            Trend::Improved => "↑",
            Trend::Unchanged => "→",
            Trend::Worsened => "↓",
            Trend::None => "",
        }
    }
}

/// The rule that decided a status, for the explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// Rule 1: not reported at this report.
    NotReported,
    /// No observation, or the observation's missing-data reason.
    Data,
    /// No target applies.
    NoTarget,
    /// Rule 2: a level ("72 %") against the measure's polarity.
    Level,
    /// Rule 2: an explicit bound ("Under 6,5 %", "Minst 80 %").
    Bound,
    /// Rule 3: a direction ("Öka", "Minska", "Bibehålla") against the comparison base.
    Direction,
    /// Rule 4: a relative change ("Minska med 15 %") turned into a target value from the base.
    RelativeChange,
    /// Rule 6: a deadline ("100 % i dec").
    Deadline,
    /// Rule 7: a benchmark against the reference value ("I nivå med riket").
    Benchmark,
    /// Rule 9: a milestone state (genomförd, pågår, ej påbörjad).
    Milestone,
    /// A share of the whole ("4/20").
    Fraction,
    /// Each sex's share within the bounds ("60/40").
    GenderBalance,
    /// Every unit at or above a minimum ("Minst ett projekt per kommun"), or within budget.
    EveryUnit,
    /// A composite of components, combined as rule 8 combines sexes.
    Composite,
    /// The target text fits no form.
    Unreadable,
    /// Rules 3 and 4 on an outcome stated only as an absolute change against the comparison
    /// period ("−1,8 procentenheter"): the verdict's `value` is the change, `target_value` the
    /// change the target asks for.
    StatedChange,
    /// The same for a relative change ("+200 %"), in percent.
    StatedRelativeChange,
}

impl Rule {
    /// Whether the verdict judged an outcome stated only as a change: its `value` is then the
    /// change, not a value in the measure's unit.
    pub fn is_stated_change(self) -> bool {
        matches!(self, Rule::StatedChange | Rule::StatedRelativeChange)
    }

    /// Every rule, in the order of the specification; the rules of outcomes stated as a change
    /// last.
    pub const ALL: [Rule; 17] = [
        Rule::NotReported,
        Rule::Data,
        Rule::NoTarget,
        Rule::Level,
        Rule::Bound,
        Rule::Direction,
        Rule::RelativeChange,
        Rule::Deadline,
        Rule::Benchmark,
        Rule::Milestone,
        Rule::Fraction,
        Rule::GenderBalance,
        Rule::EveryUnit,
        Rule::Composite,
        Rule::Unreadable,
        Rule::StatedChange,
        Rule::StatedRelativeChange,
    ];

    /// The machine code, as JSON and CSV write it: `not_reported`, `data`, `no_target`,
    /// `level`, `bound`, `direction`, `relative_change`, `deadline`, `benchmark`, `milestone`,
    /// `fraction`, `gender_balance`, `every_unit`, `composite`, `unreadable`, `stated_change`,
    /// `stated_relative_change`.
    pub fn code(self) -> &'static str {
        match self {
            Rule::NotReported => "not_reported",
            Rule::Data => "data",
            Rule::NoTarget => "no_target",
            Rule::Level => "level",
            Rule::Bound => "bound",
            Rule::Direction => "direction",
            Rule::RelativeChange => "relative_change",
            Rule::Deadline => "deadline",
            Rule::Benchmark => "benchmark",
            Rule::Milestone => "milestone",
            Rule::Fraction => "fraction",
            Rule::GenderBalance => "gender_balance",
            Rule::EveryUnit => "every_unit",
            Rule::Composite => "composite",
            Rule::Unreadable => "unreadable",
            Rule::StatedChange => "stated_change",
            Rule::StatedRelativeChange => "stated_relative_change",
        }
    }
}

/// How the value related to the target, for the explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// `value ≥ target` is met.
    AtLeast,
    /// `value > target` is met.
    Above,
    /// `value ≤ target` is met.
    AtMost,
    /// `value < target` is met.
    Below,
    /// `low ≤ value ≤ high` is met (gender balance).
    Between,
}

impl Comparison {
    /// Every comparison.
    pub const ALL: [Comparison; 5] =
        [Comparison::AtLeast, Comparison::Above, Comparison::AtMost, Comparison::Below, Comparison::Between];

    /// The machine code, as JSON and CSV write it: `at_least`, `above`, `at_most`, `below`,
    /// `between`.
    pub fn code(self) -> &'static str {
        match self {
            Comparison::AtLeast => "at_least",
            Comparison::Above => "above",
            Comparison::AtMost => "at_most",
            Comparison::Below => "below",
            Comparison::Between => "between",
        }
    }
}

/// What the engine made of one row: the status and why, the trend, and the numbers that were
/// compared. The one shape of a verdict: an [`Assessment`] holds it, an
/// [`Explanation`](super::Explanation) and a [`Record`](super::Record) embed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    /// The status.
    pub status: Status,
    /// Why the status is `not_assessed`; none otherwise.
    pub reason: Option<Reason>,
    /// The development against the comparison base.
    pub trend: Trend,
    /// The rule that decided.
    pub rule: Rule,
    /// The observed value compared (in the measure's unit; for a ratio, the ratio).
    pub value: Option<Decimal>,
    /// The number the value was compared with, after pro-rating, relative change or reference;
    /// none for milestones.
    pub target_value: Option<Decimal>,
    /// The lower bound of a range target (gender balance); none otherwise.
    pub target_low: Option<Decimal>,
    /// How the value had to relate to the target value to be met.
    pub comparison: Option<Comparison>,
    /// The value at the comparison base, when there is one.
    pub base: Option<Decimal>,
    /// The period of the comparison base used.
    pub base_period: Option<Period>,
    /// The reference value (riket) used by a benchmark, or the observation's.
    pub reference: Option<Decimal>,
}

impl Verdict {
    /// A verdict of `not_assessed` for a reason, by a rule, with no numbers.
    pub fn not_assessed(reason: Reason, rule: Rule) -> Verdict {
        Verdict {
            status: Status::NotAssessed,
            reason: Some(reason),
            trend: Trend::None,
            rule,
            value: None,
            target_value: None,
            target_low: None,
            comparison: None,
            base: None,
            base_period: None,
            reference: None,
        }
    }

    /// A decided verdict (not `not_assessed`) by a rule, with no numbers yet.
    pub fn decided(status: Status, rule: Rule) -> Verdict {
        Verdict { status, reason: None, ..Verdict::not_assessed(Reason::NoData, rule) }
    }
}

/// The assessment of one measure for one unit, period and sex.
///
/// `measure` and `unit` index the scorecard's `measures` and `units` (`unit` none: the
/// organisation itself), so an assessment is small and `Copy`; the [`super::Assessments`] that
/// holds it resolves names and builds explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// Index into the scorecard's measures.
    pub measure: u32,
    /// Index into the scorecard's units; none for the organisation itself.
    pub unit: Option<u32>,
    /// The period assessed.
    pub period: Period,
    /// The sex of the row.
    pub sex: Sex,
    /// The status, trend and numbers.
    pub verdict: Verdict,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_trend_once_with_none_last() {
        assert_eq!(Trend::ALL.map(Trend::code), ["improved", "unchanged", "worsened", "none"]);
        assert_eq!(Trend::ALL.map(Trend::arrow), ["↑", "→", "↓", ""]);
    }

    fn json(value: impl Serialize) -> String {
        serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
    }

    #[test]
    fn codes_are_the_names_json_writes() {
        assert!(Rule::ALL.iter().all(|&rule| json(rule) == rule.code()));
        assert!(Comparison::ALL.iter().all(|&comparison| json(comparison) == comparison.code()));
        assert!(Trend::ALL.iter().all(|&trend| json(trend) == trend.code()));
        assert!(Reason::ALL.iter().all(|&reason| json(reason) == reason.code()));
        let missing: Vec<Reason> = MissingReason::ALL.into_iter().map(Reason::Missing).collect();
        assert!(missing.iter().all(|reason| Reason::ALL.contains(reason)), "every missing-data reason");
        assert_eq!(Rule::RelativeChange.code(), "relative_change");
    }
}
