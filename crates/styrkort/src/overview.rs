//! A one-screen overview of a scorecard: what `styrkort check` prints after a clean load.

use crate::model::{MeasureKind, Scorecard};
use std::fmt;

/// Counts of one perspective.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerspectiveCounts {
    /// The perspective's name.
    pub name: String,
    /// Strategic goals in it.
    pub goals: usize,
    /// Success factors under those goals.
    pub success_factors: usize,
    /// Measures under those success factors.
    pub measures: usize,
    /// Rows of the region's K/M tables: a measure split by sex has a K and an M row (its total,
    /// where it has one, belongs to those rows), any other measure one row.
    pub rows: usize,
}

/// The shape of a scorecard in numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    /// "Region Norrbotten".
    pub organisation: String,
    /// The plan's name.
    pub name: String,
    /// First and last plan year.
    pub years: (i32, i32),
    /// Per perspective, in plan order.
    pub perspectives: Vec<PerspectiveCounts>,
    /// Measures per kind: styrmått, kontrollmått, aktivitet (every kind listed, zero or not).
    pub by_kind: Vec<(MeasureKind, usize)>,
    /// Measures per responsible body, in the order the bodies are declared; measures without a
    /// body last under "-".
    pub by_body: Vec<(String, usize)>,
    /// Measures split by sex (K/M).
    pub split_by_sex: usize,
    /// Measures followed up only in the annual report.
    pub annual_only: usize,
    /// Success factors with a risk that requires action (9 or more).
    pub risks_requiring_action: usize,
}

impl Overview {
    /// Counts a scorecard.
    pub fn of(scorecard: &Scorecard) -> Overview {
        let perspectives = scorecard
            .perspectives
            .iter()
            .map(|perspective| {
                let goals: Vec<_> = scorecard.goals_in(&perspective.id).collect();
                let factors: Vec<_> = goals.iter().flat_map(|goal| scorecard.success_factors_of(&goal.id)).collect();
                let measures: Vec<_> = factors.iter().flat_map(|factor| scorecard.measures_of(&factor.id)).collect();
                PerspectiveCounts {
                    name: perspective.name.clone(),
                    goals: goals.len(),
                    success_factors: factors.len(),
                    measures: measures.len(),
                    rows: measures.iter().map(|m| if m.is_split_by_sex() { 2 } else { 1 }).sum(),
                }
            })
            .collect();
        let count = |predicate: &dyn Fn(&crate::model::Measure) -> bool| {
            scorecard.measures.iter().filter(|m| predicate(m)).count()
        };
        let mut by_body: Vec<(String, usize)> = scorecard
            .bodies
            .iter()
            .map(|body| (body.code.clone(), count(&|m| m.body.as_deref() == Some(&body.code))))
            .collect();
        let without = count(&|m| m.body.is_none());
        if without > 0 {
            by_body.push(("-".to_owned(), without));
        }
        Overview {
            organisation: scorecard.organisation.clone(),
            name: scorecard.name.clone(),
            years: scorecard.years,
            perspectives,
            by_kind: [MeasureKind::Steering, MeasureKind::Control, MeasureKind::Activity]
                .into_iter()
                .map(|kind| (kind, count(&|m| m.kind == kind)))
                .collect(),
            by_body,
            split_by_sex: count(&|m| m.is_split_by_sex()),
            annual_only: count(&|m| m.is_annual_only()),
            risks_requiring_action: scorecard
                .success_factors
                .iter()
                .filter(|f| f.risk.is_some_and(|r| r.requires_action()))
                .count(),
        }
    }

    /// All strategic goals.
    pub fn goals(&self) -> usize {
        self.perspectives.iter().map(|p| p.goals).sum()
    }

    /// All success factors under a goal of a perspective.
    pub fn success_factors(&self) -> usize {
        self.perspectives.iter().map(|p| p.success_factors).sum()
    }

    /// All measures under a success factor.
    pub fn measures(&self) -> usize {
        self.perspectives.iter().map(|p| p.measures).sum()
    }

    /// All K/M table rows (a measure split by sex counts twice).
    pub fn rows(&self) -> usize {
        self.perspectives.iter().map(|p| p.rows).sum()
    }
}

impl fmt::Display for Overview {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} — {} ({}–{})", self.organisation, self.name, self.years.0, self.years.1)?;
        writeln!(f)?;
        let width = self.perspectives.iter().map(|p| p.name.chars().count()).max().unwrap_or(0).max("Perspektiv".len());
        writeln!(
            f,
            "{:<width$}  {:>4}  {:>17}  {:>4}  {:>5}",
            "Perspektiv", "Mål", "Framgångsfaktorer", "Mått", "Rader"
        )?;
        for p in &self.perspectives {
            writeln!(
                f,
                "{:<width$}  {:>4}  {:>17}  {:>4}  {:>5}",
                p.name, p.goals, p.success_factors, p.measures, p.rows
            )?;
        }
        writeln!(
            f,
            "{:<width$}  {:>4}  {:>17}  {:>4}  {:>5}",
            "Totalt",
            self.goals(),
            self.success_factors(),
            self.measures(),
            self.rows()
        )?;
        writeln!(f)?;
        let kinds: Vec<_> = self.by_kind.iter().map(|(kind, n)| format!("{kind} {n}")).collect();
        writeln!(f, "Mått per slag:    {}", kinds.join(", "))?;
        let bodies: Vec<_> = self.by_body.iter().map(|(code, n)| format!("{code} {n}")).collect();
        writeln!(f, "Mått per organ:   {}", bodies.join(", "))?;
        writeln!(f, "Könsuppdelade (K/M): {}", self.split_by_sex)?;
        writeln!(f, "Endast helår (ÅR):   {}", self.annual_only)?;
        if self.risks_requiring_action > 0 {
            writeln!(f, "Risker som kräver åtgärd (9–16): {}", self.risks_requiring_action)?;
        }
        Ok(())
    }
}
