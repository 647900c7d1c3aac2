//! Targets without a number of their own: a comparison with a reference value (`benchmark`,
//! "I nivå med riket"), keeping the budget (`budget`), an activity's deliverable (`milestone`),
//! monitoring only (`none`) and, in lenient mode, text that fits no form (`unparsed`).

use serde::{Deserialize, Serialize};

/// How a value must relate to the reference value ("riket").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BenchmarkKind {
    /// "I nivå med", "I paritet med": within the equivalence margin, or better.
    AtLevel,
    /// "Minst i nivå med", "I nivå med … eller bättre": at least as good as the reference.
    AtLeast,
    /// "Snittet i", "Genomsnittet i": at least as good as the reference (the average).
    Average,
    /// "Bättre än": better than the reference, following polarity.
    Better,
    /// "Högre än", "Över": above the reference, whatever the polarity.
    Higher,
    /// "Lägre än", "Under": below the reference, whatever the polarity.
    Lower,
}

impl BenchmarkKind {
    /// The canonical words before the reference: "I nivå med", "Minst i nivå med", "Snittet i",
    /// "Bättre än", "Högre än", "Lägre än".
    pub fn label_sv(self) -> &'static str {
        match self {
            BenchmarkKind::AtLevel => "I nivå med",
            BenchmarkKind::AtLeast => "Minst i nivå med",
            BenchmarkKind::Average => "Snittet i",
            BenchmarkKind::Better => "Bättre än",
            BenchmarkKind::Higher => "Högre än",
            BenchmarkKind::Lower => "Lägre än",
        }
    }
}

/// Which population ("jämförelsegrupp") a benchmark's reference names. The observation's
/// reference value is the value of that population.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Population {
    /// The whole country: "riket", "riksgenomsnittet", "rikssnittet", "Sverige", "landet".
    Nation,
    /// The county: "länet", "länssnittet".
    County,
    /// Regions chosen as comparable: "jämförbara regioner", "liknande regioner".
    ComparableRegions,
    /// Every (other) region: "Sveriges regioner", "övriga regioner", "regionerna".
    Regions,
    /// Any other reference, kept as written ("jämförbara sjukhus").
    Other,
}

/// `benchmark`: compared with the observation's reference value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Benchmark {
    /// The relation to the reference.
    pub comparison: BenchmarkKind,
    /// The reference as written ("riket", "jämförbara regioner").
    pub reference: String,
    /// The population the reference names, as read from `reference`. `Higher` and `Lower`
    /// always name a known one: without it "Under …" and "Över …" are no benchmark.
    pub population: Population,
}

/// `milestone`: an activity's deliverable, assessed by milestone state ("Handlingsplan antagen").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    /// The deliverable as written (outer white space trimmed).
    pub text: String,
}

/// Why a target has no target level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoTargetReason {
    /// "Följa utvecklingen", "Följs upp årligen", "Bevaka", "Redovisas": monitoring only.
    Monitor,
    /// "Efter behov": as needed.
    AsNeeded,
    /// "Ingångsvärde", "Nytt mått", "Basvärde tas fram": the year establishes a baseline.
    BaselineToEstablish,
    /// "Målvärde under framtagande", "Målvärde tas fram": the target level is still being set.
    TargetToBeSet,
    /// "-", empty, "Inget mål", "Målvärde saknas": no target.
    Missing,
}

/// `none`: no target level, never coloured: monitoring only ("Följa kostnadsutvecklingen",
/// "Följs upp årligen", "Bevaka", "Redovisas"), or a target still to come ("Basvärde tas fram").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoTarget {
    /// Why there is no target level.
    pub reason: NoTargetReason,
    /// The text as written ("Följa utvecklingen", "-", "").
    pub text: String,
}

/// `unparsed`: text that fits no form, kept as written (lenient mode only); assessed as not
/// assessable with reason `target_not_machine_readable`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unparsed {
    /// The text as written (outer white space trimmed).
    pub text: String,
}
