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
    /// "Minst i nivå med": at least as good as the reference.
    AtLeast,
    /// "Snittet i", "Genomsnittet i": at least as good as the reference (the average).
    Average,
    /// "Bättre än": better than the reference.
    Better,
}

impl BenchmarkKind {
    /// The canonical words before the reference: "I nivå med", "Minst i nivå med", "Snittet i",
    /// "Bättre än".
    pub fn label_sv(self) -> &'static str {
        match self {
            BenchmarkKind::AtLevel => "I nivå med",
            BenchmarkKind::AtLeast => "Minst i nivå med",
            BenchmarkKind::Average => "Snittet i",
            BenchmarkKind::Better => "Bättre än",
        }
    }
}

/// `benchmark`: compared with the observation's reference value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Benchmark {
    /// The relation to the reference.
    pub comparison: BenchmarkKind,
    /// The reference as written ("riket", "jämförbara regioner").
    pub reference: String,
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
    /// "Följa utvecklingen": monitoring only.
    Monitor,
    /// "Efter behov": as needed.
    AsNeeded,
    /// "Ingångsvärde", "Nytt mått": the year establishes a baseline.
    BaselineToEstablish,
    /// "-", empty, "Inget mål": no target.
    Missing,
}

/// `none`: monitoring only, never coloured.
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
