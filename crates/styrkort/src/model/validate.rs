//! Validation of a scorecard and of the observations and judgements made against it: every
//! reference resolves, every id is unique, every value fits the measure. A problem names the
//! place in the data by a [`Path`]; the file loaders turn that into file, line and column.

use super::{Analysis, Judgement, Observations, Scorecard, Sex};
use crate::error::Diagnostic;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// One step into the data: a key of a table or an index of a list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A key of a table: `measures`, `body`.
    Key(String),
    /// A position in a list, from 0.
    Index(usize),
}

/// Where in the data a problem is: `measures[3].body`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Path(pub Vec<Segment>);

impl Path {
    /// The path to an entry of a table: `measures[3]`.
    pub fn entry(table: &str, index: usize) -> Path {
        Path(vec![Segment::Key(table.to_owned()), Segment::Index(index)])
    }

    /// The path to a record of a list of records (observations, judgements): `[3]`.
    pub fn record(index: usize) -> Path {
        Path(vec![Segment::Index(index)])
    }

    /// This path, one key deeper.
    pub fn key(mut self, key: &str) -> Path {
        self.0.push(Segment::Key(key.to_owned()));
        self
    }

    /// This path, one index deeper.
    pub fn index(mut self, index: usize) -> Path {
        self.0.push(Segment::Index(index));
        self
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (position, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Key(key) if position == 0 => f.write_str(key)?,
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// Something wrong in the data, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where the problem is.
    pub path: Path,
    /// What is wrong and what was expected.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Collects problems in the order they are found.
#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn push(&mut self, path: Path, message: impl Into<String>) {
        self.0.push(Problem { path, message: message.into() });
    }
}

/// The ids of one table, for reference checks; reports duplicates as it is built.
struct Ids<'a> {
    table: &'static str,
    ids: HashSet<&'a str>,
}

impl<'a> Ids<'a> {
    fn collect(
        table: &'static str,
        key: &'static str,
        ids: impl Iterator<Item = &'a str>,
        problems: &mut Problems,
    ) -> Ids<'a> {
        let mut first_at = HashMap::new();
        for (index, id) in ids.enumerate() {
            if id.trim().is_empty() {
                problems.push(Path::entry(table, index).key(key), format!("empty {key}: expected an identifier"));
            } else if let Some(first) = first_at.insert(id, index) {
                first_at.insert(id, first);
                problems.push(
                    Path::entry(table, index).key(key),
                    format!("duplicate {key} '{id}': already used by {table}[{first}]"),
                );
            }
        }
        Ids { table, ids: first_at.into_keys().collect() }
    }

    fn contains(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    fn check(&self, id: &str, path: Path, what: &str, problems: &mut Problems) {
        if !self.contains(id) {
            problems.push(path, format!("unknown {what} '{id}': expected one declared in [[{}]]", self.table));
        }
    }
}

impl Scorecard {
    /// Checks the scorecard: schema version, unique ids, references between tables, the
    /// organisational tree, risks, sexes and periods of measures. Returns every problem found.
    pub fn validate(&self) -> Vec<Problem> {
        let mut problems = Problems::default();
        if self.schema != super::SCHEMA_VERSION {
            problems.push(
                Path(vec![Segment::Key("schema".into())]),
                format!("schema {} is not supported: expected {}", self.schema, super::SCHEMA_VERSION),
            );
        }
        if self.years.0 > self.years.1 {
            problems.push(
                Path(vec![Segment::Key("years".into())]),
                format!("years [{}, {}] run backwards: expected [first, last]", self.years.0, self.years.1),
            );
        }
        let bodies = Ids::collect("bodies", "code", self.bodies.iter().map(|b| b.code.as_str()), &mut problems);
        let units = Ids::collect("units", "id", self.units.iter().map(|u| u.id.as_str()), &mut problems);
        let perspectives =
            Ids::collect("perspectives", "id", self.perspectives.iter().map(|p| p.id.as_str()), &mut problems);
        let goals = Ids::collect("goals", "id", self.goals.iter().map(|g| g.id.as_str()), &mut problems);
        let factors =
            Ids::collect("success_factors", "id", self.success_factors.iter().map(|f| f.id.as_str()), &mut problems);
        let _measures = Ids::collect("measures", "id", self.measures.iter().map(|m| m.id.as_str()), &mut problems);

        for (index, unit) in self.units.iter().enumerate() {
            if let Some(parent) = &unit.parent {
                units.check(parent, Path::entry("units", index).key("parent"), "parent unit", &mut problems);
            }
        }
        self.check_unit_tree(&mut problems);
        for (index, goal) in self.goals.iter().enumerate() {
            let path = Path::entry("goals", index);
            perspectives.check(&goal.perspective, path.clone().key("perspective"), "perspective", &mut problems);
            for (position, body) in goal.bodies.iter().enumerate() {
                bodies.check(body, path.clone().key("bodies").index(position), "body", &mut problems);
            }
        }
        for (index, factor) in self.success_factors.iter().enumerate() {
            let path = Path::entry("success_factors", index);
            if goals.contains(&factor.id) {
                problems.push(path.clone().key("id"), format!("id '{}' is also a goal's id: judgements refer to goals and success factors by id, so they must differ", factor.id));
            }
            goals.check(&factor.goal, path.clone().key("goal"), "goal", &mut problems);
            for (position, body) in factor.bodies.iter().enumerate() {
                bodies.check(body, path.clone().key("bodies").index(position), "body", &mut problems);
            }
            if let Some(risk) = factor.risk {
                for (key, value) in [("probability", risk.probability), ("consequence", risk.consequence)] {
                    if !(1..=4).contains(&value) {
                        problems.push(
                            path.clone().key("risk").key(key),
                            format!("risk {key} {value} is out of range: expected 1 to 4"),
                        );
                    }
                }
            }
        }
        for (index, measure) in self.measures.iter().enumerate() {
            let path = Path::entry("measures", index);
            factors.check(&measure.success_factor, path.clone().key("success_factor"), "success factor", &mut problems);
            if let Some(body) = &measure.body
                && !bodies.contains(body)
            {
                problems.push(
                    path.clone().key("body"),
                    format!(
                        "body '{body}' of measure '{}' is not declared: expected one of the [[bodies]] codes",
                        measure.id
                    ),
                );
            }
            check_distinct(&measure.sexes, path.clone().key("sexes"), "sex", &mut problems);
            let split = measure.sexes.contains(&Sex::Women) || measure.sexes.contains(&Sex::Men);
            if measure.sexes.is_empty() {
                problems.push(
                    path.clone().key("sexes"),
                    "no sexes: expected [\"T\"], [\"K\", \"M\"] or [\"T\", \"K\", \"M\"]",
                );
            } else if split && !(measure.sexes.contains(&Sex::Women) && measure.sexes.contains(&Sex::Men)) {
                problems.push(
                    path.clone().key("sexes"),
                    "a measure split by sex reports both K and M: expected [\"K\", \"M\"] or [\"T\", \"K\", \"M\"]",
                );
            }
            check_distinct(&measure.periods, path.clone().key("periods"), "report", &mut problems);
            if measure.periods.is_empty() {
                problems.push(
                    path.clone().key("periods"),
                    "no reporting periods: expected some of \"DÅ04\", \"DÅ08\", \"ÅR\"",
                );
            }
            if let Some(baseline) = &measure.baseline {
                for sex in baseline.sexes() {
                    if !measure.sexes.contains(&sex) {
                        problems.push(
                            path.clone().key("baseline").key(sex.code()),
                            sex_not_split(&measure.id, sex, &measure.sexes),
                        );
                    }
                }
            }
        }
        problems.0
    }

    /// Every unit that is its own ancestor, in linear time: each unit is walked up once, and a
    /// walk stops at a unit already settled. (A unit below such a loop is not reported: it is
    /// fine once the loop is mended.)
    fn check_unit_tree(&self, problems: &mut Problems) {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            Unvisited,
            /// On the walk that is under way.
            Walking,
            Settled,
            /// On a loop of parents.
            InLoop,
        }
        let index_of: HashMap<&str, usize> =
            self.units.iter().enumerate().rev().map(|(index, unit)| (unit.id.as_str(), index)).collect();
        let parent = |index: usize| {
            let unit = self.units.get(index)?;
            index_of.get(unit.parent.as_deref()?).copied()
        };
        let mut marks = vec![Mark::Unvisited; self.units.len()];
        let mut walk = Vec::new();
        for start in 0..self.units.len() {
            let mut current = parent(start).map(|_| start);
            while let Some(unit) = current {
                match marks.get(unit).copied() {
                    Some(Mark::Unvisited) => {
                        if let Some(mark) = marks.get_mut(unit) {
                            *mark = Mark::Walking;
                        }
                        walk.push(unit);
                        current = parent(unit);
                    }
                    Some(Mark::Walking) => {
                        // The walk came back to a unit of its own: from there on it is a loop.
                        let from = walk.iter().position(|&u| u == unit).unwrap_or(walk.len());
                        for &looped in walk.get(from..).unwrap_or_default() {
                            if let Some(mark) = marks.get_mut(looped) {
                                *mark = Mark::InLoop;
                            }
                        }
                        current = None;
                    }
                    _ => current = None,
                }
            }
            for unit in walk.drain(..) {
                if let Some(mark) = marks.get_mut(unit).filter(|mark| **mark == Mark::Walking) {
                    *mark = Mark::Settled;
                }
            }
        }
        for (index, (unit, mark)) in self.units.iter().zip(&marks).enumerate() {
            if *mark == Mark::InLoop {
                problems.push(
                    Path::entry("units", index).key("parent"),
                    format!("unit '{}' is its own ancestor: the units must form a tree", unit.id),
                );
            }
        }
    }

    /// Checks observations against the scorecard: a known measure and unit, a sex the measure
    /// is split by, one observation per unit, measure, period and sex, a positive denominator.
    /// Every problem is located where its observation came from ([`Observations::location`]).
    pub fn check_observations(&self, observations: &Observations) -> Vec<Diagnostic> {
        crate::assess::check_observations(self, observations)
    }

    /// Checks judgements against the scorecard: each names a goal or success factor, has a
    /// motivation, and no goal is judged twice for one period (reported at the second
    /// judgement's period). Paths are `judgements[index].key`.
    pub fn validate_judgements(&self, judgements: &[Judgement]) -> Vec<Problem> {
        let mut problems = Problems::default();
        let mut seen = HashMap::new();
        for (index, judgement) in judgements.iter().enumerate() {
            let path = Path::entry("judgements", index);
            let measure = self.measure(&judgement.goal);
            if self.goal(&judgement.goal).is_none()
                && self.success_factor(&judgement.goal).is_none()
                && measure.is_none()
            {
                problems.push(
                    path.clone().key("goal"),
                    format!(
                        "unknown goal '{}': expected the id of a strategic goal, a success factor or a measure",
                        judgement.goal
                    ),
                );
            }
            if let Some(sex) = judgement.sex {
                match measure {
                    Some(measure) if !measure.sexes.contains(&sex) => {
                        problems.push(path.clone().key("sex"), sex_not_split(&measure.id, sex, &measure.sexes));
                    }
                    Some(_) => {}
                    None => problems.push(
                        path.clone().key("sex"),
                        format!(
                            "sex {sex} on a judgement of '{}': only a verdict on a measure names a sex row",
                            judgement.goal
                        ),
                    ),
                }
            }
            if judgement.motivation.trim().is_empty() {
                problems.push(path.clone().key("motivation"), "empty motivation: a judgement must say why");
            }
            if let Some(first) = seen.insert((judgement.goal.as_str(), judgement.period, judgement.sex), index) {
                let sex = judgement.sex.map_or_else(String::new, |sex| format!(" ({sex})"));
                problems.push(
                    path.clone().key("period"),
                    format!(
                        "'{}'{sex} is judged twice for {}: already in judgements[{first}]",
                        judgement.goal, judgement.period
                    ),
                );
            }
        }
        problems.0
    }

    /// Checks analysis texts against the scorecard: each is about one of its perspectives,
    /// goals, success factors or measures, says something, and is the only one of its part for
    /// its period.
    pub fn validate_analyses(&self, analyses: &[Analysis]) -> Vec<Problem> {
        let mut problems = Problems::default();
        let mut seen = HashMap::new();
        for (index, analysis) in analyses.iter().enumerate() {
            let path = Path::entry("analyses", index);
            let of = analysis.of.as_str();
            if self.perspective(of).is_none()
                && self.goal(of).is_none()
                && self.success_factor(of).is_none()
                && self.measure(of).is_none()
            {
                problems.push(
                    path.clone().key("of"),
                    format!(
                        "unknown part '{of}': expected the id of a perspective, a strategic goal, a success factor or a measure"
                    ),
                );
            }
            if analysis.text.trim().is_empty() {
                problems.push(path.clone().key("text"), "empty text: an analysis must say something");
            }
            if let Some(first) = seen.insert((of, analysis.period), index) {
                problems.push(
                    path.clone().key("of"),
                    format!(
                        "'{of}' has two analyses for {}: already in analyses[{first}]; write one text with paragraphs",
                        analysis.period
                    ),
                );
            }
        }
        problems.0
    }
}

pub(crate) fn sex_not_split(measure: &str, sex: Sex, sexes: &[Sex]) -> String {
    let codes: Vec<_> = sexes.iter().map(|s| s.code()).collect();
    format!("measure '{measure}' is not split by sex {sex}: expected one of {}", codes.join(", "))
}

fn check_distinct<T: PartialEq + fmt::Display>(items: &[T], path: Path, what: &str, problems: &mut Problems) {
    for (index, item) in items.iter().enumerate() {
        if items.get(..index).is_some_and(|before| before.contains(item)) {
            problems.push(path.clone().index(index), format!("{what} {item} is listed twice"));
        }
    }
}
