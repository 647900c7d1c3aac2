//! The rule set of the assessment (SPEC §3 and §4): every number and choice the engine uses is a
//! named, documented, serialisable setting here, with the specification's defaults.

use crate::error::{Diagnostic, Error, ErrorKind, Location};
use crate::model::MeasureKind;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How values are compared with targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// Compare the exact values (default).
    #[default]
    Exact,
    /// Round the value to the number of decimals the target states before comparing: against
    /// "16,0 %" the value 16,04 counts as 16,0.
    TargetPrecision,
}

/// How the statuses of the measures beneath a success factor, goal or perspective combine into
/// its suggested status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RollupMethod {
    /// SPEC §4's default: nothing assessable → not assessed; all achieved → achieved; all not
    /// achieved → not achieved; otherwise partially achieved.
    #[default]
    AllOrNothing,
    /// A weighted score: achieved counts 1, partially achieved `partial_weight`, not achieved 0,
    /// weighted per measure; at or above `achieved_from` → achieved, at or below
    /// `not_achieved_to` → not achieved, otherwise partially achieved.
    Weighted,
}

/// The roll-up policy: which measures count, with what weight, and how they combine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RollupPolicy {
    /// How statuses combine.
    pub method: RollupMethod,
    /// The measure kinds that count (default: styrmått and aktivitet; kontrollmått are
    /// complementary and "inte nödvändigtvis får avgörande genomslag").
    pub kinds: Vec<MeasureKind>,
    /// Weight per measure id for the weighted method; a measure not listed weighs 1.
    pub weights: std::collections::BTreeMap<String, Decimal>,
    /// The score of a partially achieved measure in the weighted method (default 0,5).
    #[serde(with = "crate::model::quantity")]
    pub partial_weight: Decimal,
    /// The weighted score from which the suggestion is achieved (default 1: all achieved).
    #[serde(with = "crate::model::quantity")]
    pub achieved_from: Decimal,
    /// The weighted score up to which the suggestion is not achieved (default 0: none achieved).
    #[serde(with = "crate::model::quantity")]
    pub not_achieved_to: Decimal,
}

impl Default for RollupPolicy {
    fn default() -> Self {
        RollupPolicy {
            method: RollupMethod::AllOrNothing,
            kinds: vec![MeasureKind::Steering, MeasureKind::Activity],
            weights: Default::default(),
            partial_weight: Decimal::new(5, 1),
            achieved_from: Decimal::ONE,
            not_achieved_to: Decimal::ZERO,
        }
    }
}

/// Every setting of the assessment, with SPEC §3's defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RuleSet {
    /// Rule 2: a level or bound not met but within this fraction of the target value is
    /// partially achieved (default 0,05: 5 % of the target, relative).
    #[serde(with = "crate::model::quantity")]
    pub partial_band: Decimal,
    /// Rule 2, optional: a target not met whose value improved against the comparison base is
    /// partially achieved (default off).
    pub improving_counts_as_partial: bool,
    /// Rule 10: a change of at most this fraction of the comparison value is unchanged (default
    /// 0: only equal values).
    #[serde(with = "crate::model::quantity")]
    pub trend_band: Decimal,
    /// Rule 7: "I nivå med riket" is met within this fraction of the reference value, or better
    /// (default 0,05).
    #[serde(with = "crate::model::quantity")]
    pub equivalence_margin: Decimal,
    /// Rule 5: cumulative measures at an interim report are compared with the pro-rated year
    /// target, 4/12 at DÅ04 and 8/12 at DÅ08 (default on).
    pub interim_pro_rating: bool,
    /// How values are compared with targets (default exact).
    pub rounding: Rounding,
    /// How measures roll up to success factors, goals and perspectives.
    pub rollup: RollupPolicy,
}

impl Default for RuleSet {
    fn default() -> Self {
        RuleSet {
            partial_band: Decimal::new(5, 2),
            improving_counts_as_partial: false,
            trend_band: Decimal::ZERO,
            equivalence_margin: Decimal::new(5, 2),
            interim_pro_rating: true,
            rounding: Rounding::Exact,
            rollup: RollupPolicy::default(),
        }
    }
}

/// A setting out of its range: the setting's path (`partial_band`, `rollup.weights.M1`) and
/// what is allowed.
fn out_of_range(setting: &str, value: Decimal, allowed: &str) -> Diagnostic {
    let location = Location { field: Some(setting.to_owned()), ..Location::default() };
    Diagnostic::new(location, format!("{setting} = {value} is out of range: expected {allowed}"))
}

impl RuleSet {
    /// Checks that every setting is within its range: the bands and the margin are fractions
    /// from 0 up to (not including) 1 (0,05 is 5 %); the roll-up's partial weight and
    /// thresholds lie between 0 and 1, with `not_achieved_to` below `achieved_from`; weights are
    /// not negative. Every problem is a diagnostic whose `field` names the setting.
    pub fn validate(&self) -> Result<(), Error> {
        let mut problems = Vec::new();
        let fraction = "a fraction from 0 up to 1, such as 0,05 for 5 %";
        for (setting, value) in [
            ("partial_band", self.partial_band),
            ("trend_band", self.trend_band),
            ("equivalence_margin", self.equivalence_margin),
        ] {
            if value < Decimal::ZERO || value >= Decimal::ONE {
                problems.push(out_of_range(setting, value, fraction));
            }
        }
        let policy = &self.rollup;
        let unit = |value: Decimal| value >= Decimal::ZERO && value <= Decimal::ONE;
        if !unit(policy.partial_weight) {
            problems.push(out_of_range("rollup.partial_weight", policy.partial_weight, "a score from 0 to 1"));
        }
        if !unit(policy.achieved_from) || policy.achieved_from.is_zero() {
            problems.push(out_of_range("rollup.achieved_from", policy.achieved_from, "a score above 0, at most 1"));
        }
        if !unit(policy.not_achieved_to) || policy.not_achieved_to >= policy.achieved_from {
            problems.push(out_of_range(
                "rollup.not_achieved_to",
                policy.not_achieved_to,
                "a score from 0, below rollup.achieved_from",
            ));
        }
        for (measure, weight) in &policy.weights {
            if *weight < Decimal::ZERO {
                problems.push(out_of_range(&format!("rollup.weights.{measure}"), *weight, "a weight of 0 or more"));
            }
        }
        Error::check(ErrorKind::Rules, (), problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_serialise_and_read_back() {
        let rules = RuleSet::default();
        let json = serde_json::to_string(&rules).expect("writes");
        assert_eq!(serde_json::from_str::<RuleSet>(&json).expect("reads"), rules);
        let partial: RuleSet = serde_json::from_str(r#"{"partial_band": "0.1"}"#).expect("reads a partial set");
        assert_eq!(partial.partial_band, Decimal::new(1, 1));
        assert_eq!(partial.equivalence_margin, Decimal::new(5, 2));
        assert!(serde_json::from_str::<RuleSet>(r#"{"partial": 1}"#).is_err(), "an unknown setting is an error");
    }

    #[test]
    fn settings_out_of_range_are_named_with_what_is_allowed() {
        assert_eq!(RuleSet::default().validate(), Ok(()));
        let mut rules =
            RuleSet { partial_band: Decimal::new(-2, 1), equivalence_margin: Decimal::from(3), ..RuleSet::default() };
        rules.rollup.not_achieved_to = Decimal::from(2);
        rules.rollup.weights.insert("M1".into(), Decimal::NEGATIVE_ONE);
        let error = rules.validate().expect_err("out of range");
        assert_eq!(error.kind(), ErrorKind::Rules);
        let fields: Vec<_> = error.diagnostics().iter().filter_map(|d| d.location.field.as_deref()).collect();
        assert_eq!(fields, ["partial_band", "equivalence_margin", "rollup.not_achieved_to", "rollup.weights.M1"]);
        assert_eq!(
            error.diagnostics()[0].message,
            "partial_band = -0.2 is out of range: expected a fraction from 0 up to 1, such as 0,05 for 5 %"
        );
    }
}
