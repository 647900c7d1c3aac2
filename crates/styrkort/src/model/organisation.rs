//! The organisation side of a scorecard: bodies (styrelse/nämnd), the tree of organisational
//! units, perspectives, strategic goals and success factors with their risk.

use serde::{Deserialize, Serialize};

/// A political body that owns goals and measures ("styrelse/nämnd"): RF, RS, RUN, PN …
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// The short code used in tables: `RS`.
    pub code: String,
    /// The full name: "Regionstyrelsen".
    pub name: String,
}

/// An organisational unit ("enhet"): region → divisions → units. The same plan is followed up
/// at every level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrgUnit {
    /// Identifier used by observations.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The unit this one belongs to; none for the top.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

/// A perspective of balanced steering ("perspektiv"), such as Samhälle or Ekonomi.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Perspective {
    /// Identifier used by goals: `samhalle`.
    pub id: String,
    /// Display name: "Samhälle".
    pub name: String,
    /// The text that opens the perspective in the report ("Perspektivet samhälle handlar om
    /// …"), verbatim; paragraphs are separated by an empty line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introduction: Option<String>,
}

impl Perspective {
    /// The five perspectives Swedish regions use, in their usual order: Samhälle, Medborgare,
    /// Verksamhet, Medarbetare, Ekonomi. A scorecard that declares none gets these.
    pub fn defaults() -> Vec<Perspective> {
        [
            ("samhalle", "Samhälle"),
            ("medborgare", "Medborgare"),
            ("verksamhet", "Verksamhet"),
            ("medarbetare", "Medarbetare"),
            ("ekonomi", "Ekonomi"),
        ]
        .into_iter()
        .map(|(id, name)| Perspective { id: id.to_owned(), name: name.to_owned(), introduction: None })
        .collect()
    }
}

/// A strategic goal ("strategiskt mål") set by the council (regionfullmäktige) in one
/// perspective and assigned to bodies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// Identifier used by success factors and judgements.
    pub id: String,
    /// The perspective the goal belongs to.
    pub perspective: String,
    /// The goal as the plan words it.
    pub name: String,
    /// The bodies responsible for the goal.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bodies: Vec<String>,
    /// The plan's description of the goal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Any remark, such as other spellings of the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A success factor ("framgångsfaktor"): what a body must get right for a goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuccessFactor {
    /// Identifier used by measures and judgements.
    pub id: String,
    /// The strategic goal it serves.
    pub goal: String,
    /// The factor as the plan words it.
    pub name: String,
    /// The bodies that set it; the first is the default body of its measures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bodies: Vec<String>,
    /// The risk that the factor is not realised ("riskbedömning").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<Risk>,
    /// The plan's description of the factor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Any remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A risk assessment from the 4 × 4 risk matrix: probability ("sannolikhet") times
/// consequence ("konsekvens"), each 1–4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    /// Sannolikhet, 1–4.
    pub probability: u8,
    /// Konsekvens, 1–4.
    pub consequence: u8,
}

impl Risk {
    /// The lowest score that requires action: "Värde 9-16 kräver åtgärder för att minimera risker".
    pub const ACTION_THRESHOLD: u8 = 9;

    /// The risk value, probability × consequence, 1–16.
    pub fn score(self) -> u8 {
        self.probability.saturating_mul(self.consequence)
    }

    /// Whether the value calls for action (9 or more); 1–8 "inte kräver särskild åtgärd".
    pub fn requires_action(self) -> bool {
        self.score() >= Self::ACTION_THRESHOLD
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn risk_requires_action_from_nine() {
        assert_eq!(Risk { probability: 2, consequence: 4 }.score(), 8);
        assert!(!Risk { probability: 2, consequence: 4 }.requires_action());
        assert!(Risk { probability: 3, consequence: 3 }.requires_action());
        assert_eq!(Risk { probability: 4, consequence: 4 }.score(), 16);
    }

    #[test]
    fn five_default_perspectives() {
        let names: Vec<_> = Perspective::defaults().into_iter().map(|p| p.name).collect();
        assert_eq!(names, ["Samhälle", "Medborgare", "Verksamhet", "Medarbetare", "Ekonomi"]);
    }
}
