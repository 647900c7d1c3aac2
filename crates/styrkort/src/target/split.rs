//! Targets made of parts, each part itself a [`Target`]: one per report (`per_period`, "DÅ 04:
//! 56 % DÅ 08: 57 % ÅR: 58 %"), one per year of a plan (`per_year`, "2025: 60 % 2026: 65 %",
//! "-3,2% (2025) -1% (2026)"), one per sex (`per_sex`, "K 16,0 % M 17,2 %", "150 kvinnor, 150
//! män") and labelled components (`composite`, "Somatisk vård, Öka Psykiatrisk vård, Minska").

use super::Target;
use crate::model::{ReportPoint, Sex};
use serde::{Deserialize, Serialize};

/// One report's target within a [`PerPeriod`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodPart {
    /// The report (`DÅ04`, `DÅ08`, `ÅR`).
    pub report: ReportPoint,
    /// The target at that report.
    pub target: Target,
}

/// `per_period`: a target per report; a single part ("DÅ 04: 61 %") is allowed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PerPeriod {
    /// The parts, in the order written.
    pub periods: Vec<PeriodPart>,
}

impl PerPeriod {
    /// The target stated for a report, if any.
    pub fn get(&self, report: ReportPoint) -> Option<&Target> {
        self.periods.iter().find(|part| part.report == report).map(|part| &part.target)
    }
}

/// One year's target within a [`PerYear`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearPart {
    /// The year.
    pub year: i32,
    /// The target for that year.
    pub target: Target,
}

/// `per_year`: a target per year of a plan in one cell ("2025: 60 % 2026: 65 %", "-3,2% (2025)
/// -1% (2026) 0,5 % (2027)", "<12% (2025)<11% (2026)"); at least two parts, each year once. The
/// part of the period's year applies; a year without a part has no target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PerYear {
    /// The parts, in the order written.
    pub years: Vec<YearPart>,
}

impl PerYear {
    /// The target stated for a year, if any.
    pub fn get(&self, year: i32) -> Option<&Target> {
        self.years.iter().find(|part| part.year == year).map(|part| &part.target)
    }
}

/// One sex's target within a [`PerSex`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SexPart {
    /// `K`, `M` or `T`.
    pub sex: Sex,
    /// The target for that sex.
    pub target: Target,
}

/// `per_sex`: a target per sex. "K och M 90 %" gives two parts with the same target; a row
/// that names one sex ("K40") gives one part; no sex is named twice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PerSex {
    /// The year the values are labelled with ("2018 K: 55 % M: 57 %"), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The parts, in the order written.
    pub sexes: Vec<SexPart>,
}

impl PerSex {
    /// The target stated for a sex, if any.
    pub fn get(&self, sex: Sex) -> Option<&Target> {
        self.sexes.iter().find(|part| part.sex == sex).map(|part| &part.target)
    }
}

/// One component of a [`Composite`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Component {
    /// The label ("Somatisk vård", "Kort"), if the component has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The component's target.
    pub target: Target,
}

/// `composite`: two or more components that each must be met ("Somatisk vård, Öka Psykiatrisk
/// vård, Minska"; "2020: 4,8 %, Kort: 49 %, Lång: 51 %"; "20 personer/ 12 kommuner"; "Ökande
/// samt minskade skillnader mellan kön"). Unlabelled components are separated by `,`, `;`,
/// `/`, "och" or "samt".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Composite {
    /// The components, in the order written.
    pub components: Vec<Component>,
}
