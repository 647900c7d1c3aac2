//! The scorecard's parts as Python objects to browse: bodies, units, perspectives, strategic
//! goals, success factors with their risk, measures with their targets (verbatim and parsed),
//! and judgements. Each is a frozen snapshot of the core's value; codes are the core's texts.

use crate::target::Target;
use pyo3::prelude::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

fn codes<T: std::fmt::Display>(values: &[T]) -> Vec<String> {
    values.iter().map(ToString::to_string).collect()
}

/// A political body that owns goals and measures ("styrelse/nämnd").
#[pyclass(module = "styrkort._styrkort", frozen, eq, get_all)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    /// The short code of the tables: ``RS``.
    code: String,
    /// The full name: "Regionstyrelsen".
    name: String,
}

/// An organisational unit ("enhet") of the tree region → divisions → units.
#[pyclass(module = "styrkort._styrkort", frozen, eq, get_all)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The id observations use.
    id: String,
    /// The display name.
    name: String,
    /// The id of the unit this one belongs to; None for the top.
    parent: Option<String>,
}

/// A perspective of balanced steering, such as Samhälle or Ekonomi.
#[pyclass(module = "styrkort._styrkort", frozen, eq, get_all)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Perspective {
    /// The id goals use.
    id: String,
    /// The display name.
    name: String,
}

/// A strategic goal ("strategiskt mål") in a perspective.
#[pyclass(module = "styrkort._styrkort", frozen, eq, get_all)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Goal {
    /// The id success factors and judgements use.
    id: String,
    /// The perspective's id.
    perspective: String,
    /// The goal as the plan words it.
    name: String,
    /// The codes of the bodies responsible.
    bodies: Vec<String>,
    /// The plan's description.
    description: Option<String>,
    /// Any remark.
    note: Option<String>,
}

/// A success factor ("framgångsfaktor") of a goal.
#[pyclass(module = "styrkort._styrkort", frozen, eq, get_all)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuccessFactor {
    /// The id measures and judgements use.
    id: String,
    /// The goal's id.
    goal: String,
    /// The factor as the plan words it.
    name: String,
    /// The codes of the bodies that set it; the first is its measures' default body.
    bodies: Vec<String>,
    /// The risk as ``(probability, consequence)``, each 1–4; None when not assessed.
    risk: Option<(u8, u8)>,
    /// The plan's description.
    description: Option<String>,
    /// Any remark.
    note: Option<String>,
}

/// The starting value of a measure ("ingångsvärde").
#[pyclass(module = "styrkort._styrkort", frozen, eq, get_all)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Baseline {
    /// The period the values belong to, such as ``2019-ÅR``.
    period: Option<String>,
    /// The value for both sexes together.
    total: Option<Decimal>,
    /// The value for women (K).
    women: Option<Decimal>,
    /// The value for men (M).
    men: Option<Decimal>,
    /// The plan's cell, verbatim ("Nytt mått").
    text: Option<String>,
}

/// A measure: a styrmått, kontrollmått or aktivitet under a success factor.
#[pyclass(module = "styrkort._styrkort", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measure {
    inner: styrkort::Measure,
}

#[pymethods]
impl Measure {
    /// The id observations use.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// The success factor's id.
    #[getter]
    fn success_factor(&self) -> &str {
        &self.inner.success_factor
    }

    /// The measure as the plan words it.
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }

    /// ``styrmått``, ``kontrollmått`` or ``aktivitet``.
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind.code()
    }

    /// The responsible body's code.
    #[getter]
    fn body(&self) -> Option<&str> {
        self.inner.body.as_deref()
    }

    /// The unit of measurement: ``percent``, ``count``, ``SEK``, … as the plan writes it.
    #[getter]
    fn unit(&self) -> &str {
        self.inner.unit.as_str()
    }

    /// ``higher_is_better``, ``lower_is_better`` or ``neutral``.
    #[getter]
    fn polarity(&self) -> String {
        crate::convert::code_of(&self.inner.polarity)
    }

    /// The sexes reported: ``["T"]``, ``["K", "M"]`` or ``["T", "K", "M"]``.
    #[getter]
    fn sexes(&self) -> Vec<String> {
        codes(&self.inner.sexes)
    }

    /// The reports at which it is followed up: ``DÅ04``, ``DÅ08``, ``ÅR``.
    #[getter]
    fn periods(&self) -> Vec<String> {
        codes(&self.inner.periods)
    }

    /// ``level`` or ``cumulative``.
    #[getter]
    fn accumulation(&self) -> String {
        crate::convert::code_of(&self.inner.accumulation)
    }

    /// The fixed comparison base of the trend; None for the same report the year before.
    #[getter]
    fn comparison_base(&self) -> Option<String> {
        self.inner.comparison_base.map(|period| period.to_string())
    }

    /// Where the data comes from ("källa").
    #[getter]
    fn source(&self) -> Option<&str> {
        self.inner.source.as_deref()
    }

    /// The starting value, if the plan gives one.
    #[getter]
    fn baseline(&self) -> Option<Baseline> {
        self.inner.baseline.as_ref().map(|baseline| Baseline {
            period: baseline.period.map(|period| period.to_string()),
            total: baseline.total,
            women: baseline.women,
            men: baseline.men,
            text: baseline.text.clone(),
        })
    }

    /// The target text per year, verbatim as the plan writes it.
    #[getter]
    fn targets(&self) -> BTreeMap<i32, String> {
        self.inner.targets.clone()
    }

    /// The plan's footnotes, verbatim.
    #[getter]
    fn footnotes(&self) -> Vec<String> {
        self.inner.footnotes.clone()
    }

    /// Any remark.
    #[getter]
    fn note(&self) -> Option<&str> {
        self.inner.note.as_deref()
    }

    /// The target of a year as the engine reads it (leniently: a text that fits no form is a
    /// ``milestone`` for an activity and ``unparsed`` otherwise); None without a target that year.
    fn target(&self, year: i32) -> Option<Target> {
        let text = self.inner.target_text(year)?;
        Some(Target::of(text, self.inner.target(year)?))
    }

    fn __repr__(&self) -> String {
        format!("Measure({:?}, {:?})", self.inner.id, self.inner.name)
    }
}

/// A recorded verdict on a goal, success factor or single measure for a period ("samlad
/// bedömning").
#[pyclass(module = "styrkort._styrkort", frozen, eq, get_all)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    /// The id of the goal, success factor or measure judged.
    goal: String,
    /// The period, such as ``2020-DÅ04``.
    period: String,
    /// The status: ``achieved``, ``partially_achieved``, ``not_achieved`` or ``not_assessed``.
    status: &'static str,
    /// Why (the report's text).
    motivation: String,
    /// The year-end forecast's status, if any.
    forecast: Option<&'static str>,
    /// The forecast's wording or condition, verbatim.
    forecast_note: Option<String>,
    /// The analysis that goes with the verdict, verbatim.
    analysis: Option<String>,
    /// For a verdict on a measure: the sex row it is for (``T``, ``K``, ``M``); none for every row.
    sex: Option<&'static str>,
}

impl Judgement {
    /// The judgement's fields as the judgement files write them, for the core to read back.
    pub(crate) fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "goal": self.goal,
            "period": self.period,
            "status": self.status,
            "motivation": self.motivation,
            "forecast": self.forecast,
            "forecast_note": self.forecast_note,
            "analysis": self.analysis,
            "sex": self.sex,
        })
    }
}

#[pymethods]
impl Judgement {
    fn __repr__(&self) -> String {
        format!("Judgement(goal={:?}, period={:?}, status={:?})", self.goal, self.period, self.status)
    }
}

impl From<&styrkort::Judgement> for Judgement {
    fn from(judgement: &styrkort::Judgement) -> Judgement {
        Judgement {
            goal: judgement.goal.clone(),
            period: judgement.period.to_string(),
            status: judgement.status.code(),
            motivation: judgement.motivation.clone(),
            forecast: judgement.forecast.map(styrkort::Status::code),
            forecast_note: judgement.forecast_note.clone(),
            analysis: judgement.analysis.clone(),
            sex: judgement.sex.map(styrkort::Sex::code),
        }
    }
}

impl From<&styrkort::model::Body> for Body {
    fn from(body: &styrkort::model::Body) -> Body {
        Body { code: body.code.clone(), name: body.name.clone() }
    }
}

impl From<&styrkort::model::OrgUnit> for Unit {
    fn from(unit: &styrkort::model::OrgUnit) -> Unit {
        Unit { id: unit.id.clone(), name: unit.name.clone(), parent: unit.parent.clone() }
    }
}

impl From<&styrkort::model::Perspective> for Perspective {
    fn from(perspective: &styrkort::model::Perspective) -> Perspective {
        Perspective { id: perspective.id.clone(), name: perspective.name.clone() }
    }
}

impl From<&styrkort::model::Goal> for Goal {
    fn from(goal: &styrkort::model::Goal) -> Goal {
        Goal {
            id: goal.id.clone(),
            perspective: goal.perspective.clone(),
            name: goal.name.clone(),
            bodies: goal.bodies.clone(),
            description: goal.description.clone(),
            note: goal.note.clone(),
        }
    }
}

impl From<&styrkort::model::SuccessFactor> for SuccessFactor {
    fn from(factor: &styrkort::model::SuccessFactor) -> SuccessFactor {
        SuccessFactor {
            id: factor.id.clone(),
            goal: factor.goal.clone(),
            name: factor.name.clone(),
            bodies: factor.bodies.clone(),
            risk: factor.risk.map(|risk| (risk.probability, risk.consequence)),
            description: factor.description.clone(),
            note: factor.note.clone(),
        }
    }
}

impl From<&styrkort::Measure> for Measure {
    fn from(measure: &styrkort::Measure) -> Measure {
        Measure { inner: measure.clone() }
    }
}

/// Repr for the plain model classes: the class name and its id or code with its name.
macro_rules! repr {
    ($($type:ident . $key:ident),*) => {
        $(
            #[pymethods]
            impl $type {
                fn __repr__(&self) -> String {
                    format!(concat!(stringify!($type), "({:?}, {:?})"), self.$key, self.name)
                }
            }
        )*
    };
}
repr!(Body.code, Unit.id, Perspective.id, Goal.id, SuccessFactor.id);

#[pymethods]
impl Baseline {
    fn __repr__(&self) -> String {
        format!(
            "Baseline(period={:?}, total={:?}, women={:?}, men={:?})",
            self.period, self.total, self.women, self.men
        )
    }
}
