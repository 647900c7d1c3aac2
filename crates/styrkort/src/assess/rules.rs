//! The rule set of the assessment (SPEC §3 and §4): every number and choice the engine uses is a
//! named, documented, serialisable setting here, with the specification's defaults.

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
}
