//! The scorecard ("styrkort"): one plan of one organisation, as flat tables that refer by id.

use super::{Body, Goal, Measure, OrgUnit, Perspective, SuccessFactor};
use serde::{Deserialize, Serialize};

/// The schema version this library reads and writes (`schema = 1`).
pub const SCHEMA_VERSION: u32 = 1;

/// One plan: bodies, units, perspectives, strategic goals, success factors and measures.
///
/// The same model serves every level (region, division, unit). Tables refer to each other by id;
/// [`Scorecard::validate`] checks that every reference resolves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scorecard {
    /// The file schema version; 1.
    pub schema: u32,
    /// The organisation the plan belongs to: "Region Norrbotten".
    pub organisation: String,
    /// The plan's name: "Regionstyrelsens plan 2020".
    pub name: String,
    /// The organisation's vision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vision: Option<String>,
    /// The text that opens the report ("Inledning"), verbatim; paragraphs are separated by an
    /// empty line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introduction: Option<String>,
    /// The plan's first and last year, e.g. `[2020, 2022]`.
    pub years: (i32, i32),
    /// Styrelser and nämnder.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bodies: Vec<Body>,
    /// The organisational tree; empty when the plan is followed up for the organisation only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<OrgUnit>,
    /// Perspectives in order; the five Swedish defaults when a file declares none.
    #[serde(default = "Perspective::defaults")]
    pub perspectives: Vec<Perspective>,
    /// Strategic goals.
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// Success factors.
    #[serde(default)]
    pub success_factors: Vec<SuccessFactor>,
    /// Measures.
    #[serde(default)]
    pub measures: Vec<Measure>,
}

impl Scorecard {
    /// An empty plan with the five default perspectives.
    pub fn new(organisation: impl Into<String>, name: impl Into<String>, years: (i32, i32)) -> Scorecard {
        Scorecard {
            schema: SCHEMA_VERSION,
            organisation: organisation.into(),
            name: name.into(),
            vision: None,
            introduction: None,
            years,
            bodies: Vec::new(),
            units: Vec::new(),
            perspectives: Perspective::defaults(),
            goals: Vec::new(),
            success_factors: Vec::new(),
            measures: Vec::new(),
        }
    }

    /// The body with this code.
    pub fn body(&self, code: &str) -> Option<&Body> {
        self.bodies.iter().find(|body| body.code == code)
    }

    /// The unit with this id.
    pub fn unit(&self, id: &str) -> Option<&OrgUnit> {
        self.units.iter().find(|unit| unit.id == id)
    }

    /// The perspective with this id.
    pub fn perspective(&self, id: &str) -> Option<&Perspective> {
        self.perspectives.iter().find(|perspective| perspective.id == id)
    }

    /// The strategic goal with this id.
    pub fn goal(&self, id: &str) -> Option<&Goal> {
        self.goals.iter().find(|goal| goal.id == id)
    }

    /// The success factor with this id.
    pub fn success_factor(&self, id: &str) -> Option<&SuccessFactor> {
        self.success_factors.iter().find(|factor| factor.id == id)
    }

    /// The measure with this id.
    pub fn measure(&self, id: &str) -> Option<&Measure> {
        self.measures.iter().find(|measure| measure.id == id)
    }

    /// The goals of a perspective, in plan order.
    pub fn goals_in<'a>(&'a self, perspective: &'a str) -> impl Iterator<Item = &'a Goal> + 'a {
        self.goals.iter().filter(move |goal| goal.perspective == perspective)
    }

    /// The success factors of a goal, in plan order.
    pub fn success_factors_of<'a>(&'a self, goal: &'a str) -> impl Iterator<Item = &'a SuccessFactor> + 'a {
        self.success_factors.iter().filter(move |factor| factor.goal == goal)
    }

    /// The measures of a success factor, in plan order.
    pub fn measures_of<'a>(&'a self, success_factor: &'a str) -> impl Iterator<Item = &'a Measure> + 'a {
        self.measures.iter().filter(move |measure| measure.success_factor == success_factor)
    }

    /// The perspective a measure belongs to, through its success factor and goal.
    pub fn perspective_of(&self, measure: &Measure) -> Option<&Perspective> {
        let factor = self.success_factor(&measure.success_factor)?;
        let goal = self.goal(&factor.goal)?;
        self.perspective(&goal.perspective)
    }

    /// Fills in what a file may leave out and the plan implies: a measure without a body gets
    /// its success factor's first body (SPEC §6). Loaders call this; call it after building a
    /// scorecard in code.
    pub fn apply_defaults(&mut self) {
        let Scorecard { success_factors, measures, .. } = self;
        for measure in measures.iter_mut().filter(|measure| measure.body.is_none()) {
            measure.body = success_factors
                .iter()
                .find(|factor| factor.id == measure.success_factor)
                .and_then(|factor| factor.bodies.first().cloned());
        }
    }
}
