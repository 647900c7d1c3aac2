//! The report's outline: perspectives → strategic goals → success factors → measures, by index
//! in plan order, built in one pass over each table (hash maps by id, no nested scans), and the
//! table rows of a success factor.

use super::Report;
use crate::assess::Assessment;
use crate::model::{Measure, Scorecard};
use rustc_hash::FxHashMap;

/// A perspective and its goals.
#[derive(Debug, Clone)]
pub(crate) struct PerspectiveNode {
    /// Index into the scorecard's (and the roll-up's) perspectives.
    pub index: usize,
    /// Its goals in plan order.
    pub goals: Vec<GoalNode>,
}

/// A strategic goal and its success factors.
#[derive(Debug, Clone)]
pub(crate) struct GoalNode {
    /// Index into the scorecard's (and the roll-up's) goals.
    pub index: usize,
    /// Its success factors in plan order.
    pub factors: Vec<FactorNode>,
}

/// A success factor and its measures.
#[derive(Debug, Clone)]
pub(crate) struct FactorNode {
    /// Index into the scorecard's (and the roll-up's) success factors.
    pub index: usize,
    /// Indices of its measures in plan order.
    pub measures: Vec<u32>,
}

/// The tree of a scorecard by index. Goals, success factors and measures whose parent id does
/// not resolve (a scorecard that did not pass validation) are left out.
#[derive(Debug, Clone, Default)]
pub(crate) struct Outline {
    /// Every perspective in plan order.
    pub perspectives: Vec<PerspectiveNode>,
    /// Where each success factor sits: (perspective, goal, position) in `perspectives`.
    factor_at: Vec<Option<(usize, usize, usize)>>,
}

impl Outline {
    /// Builds the outline of a scorecard in time linear in its size.
    pub fn new(scorecard: &Scorecard) -> Outline {
        let mut perspective_of: FxHashMap<&str, usize> = FxHashMap::default();
        for (index, perspective) in scorecard.perspectives.iter().enumerate() {
            perspective_of.entry(perspective.id.as_str()).or_insert(index);
        }
        let mut perspectives: Vec<PerspectiveNode> =
            (0..scorecard.perspectives.len()).map(|index| PerspectiveNode { index, goals: Vec::new() }).collect();
        let mut goal_at: FxHashMap<&str, (usize, usize)> = FxHashMap::default();
        for (index, goal) in scorecard.goals.iter().enumerate() {
            let Some(&p) = perspective_of.get(goal.perspective.as_str()) else { continue };
            let Some(perspective) = perspectives.get_mut(p) else { continue };
            if goal_at.contains_key(goal.id.as_str()) {
                continue;
            }
            goal_at.insert(&goal.id, (p, perspective.goals.len()));
            perspective.goals.push(GoalNode { index, factors: Vec::new() });
        }
        let mut factor_at = vec![None; scorecard.success_factors.len()];
        let mut factor_by_id: FxHashMap<&str, (usize, usize, usize)> = FxHashMap::default();
        for (index, factor) in scorecard.success_factors.iter().enumerate() {
            let Some(&(p, g)) = goal_at.get(factor.goal.as_str()) else { continue };
            let Some(goal) = perspectives.get_mut(p).and_then(|p| p.goals.get_mut(g)) else { continue };
            if factor_by_id.contains_key(factor.id.as_str()) {
                continue;
            }
            let at = (p, g, goal.factors.len());
            factor_by_id.insert(&factor.id, at);
            if let Some(slot) = factor_at.get_mut(index) {
                *slot = Some(at);
            }
            goal.factors.push(FactorNode { index, measures: Vec::new() });
        }
        for (index, measure) in (0u32..).zip(&scorecard.measures) {
            let Some(&(p, g, f)) = factor_by_id.get(measure.success_factor.as_str()) else { continue };
            if let Some(factor) =
                perspectives.get_mut(p).and_then(|p| p.goals.get_mut(g)).and_then(|g| g.factors.get_mut(f))
            {
                factor.measures.push(index);
            }
        }
        Outline { perspectives, factor_at }
    }

    /// The node of a success factor, by its index in the scorecard.
    pub fn factor(&self, index: usize) -> Option<&FactorNode> {
        let (p, g, f) = (*self.factor_at.get(index)?)?;
        self.perspectives.get(p)?.goals.get(g)?.factors.get(f)
    }

    /// Every measure in the outline, in report order.
    pub fn measures(&self) -> impl Iterator<Item = u32> + '_ {
        self.perspectives
            .iter()
            .flat_map(|p| &p.goals)
            .flat_map(|g| &g.factors)
            .flat_map(|f| f.measures.iter().copied())
    }
}

/// One row of a success factor's table: a measure × sex of the report's unit.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TableRow<'a> {
    /// The measure.
    pub measure: &'a Measure,
    /// Its assessment for this sex.
    pub assessment: &'a Assessment,
    /// Whether this is the measure's first row (the name and body are written once, as the
    /// region's tables do).
    pub first: bool,
    /// How many rows the measure has.
    pub span: usize,
    /// Whether the measure is split by sex (the K/M column is filled in).
    pub split: bool,
    /// The year's target verbatim; empty when the plan gives none.
    pub target: &'a str,
}

/// The rows of a success factor's table, measure by measure, sex by sex.
pub(crate) fn table_rows(report: &Report, factor: usize) -> Vec<TableRow<'_>> {
    let year = report.assessments.period().year;
    let Some(node) = report.outline.factor(factor) else { return Vec::new() };
    let mut rows = Vec::new();
    for &index in &node.measures {
        let Some(measure) = report.measure(index) else { continue };
        let span = report.rows_of(index).count();
        let split = measure.is_split_by_sex();
        let target = measure.target_cell(year).map_or("", |(_, text)| text);
        for (position, assessment) in report.rows_of(index).enumerate() {
            rows.push(TableRow { measure, assessment, first: position == 0, span, split, target });
        }
    }
    rows
}
