//! Tables out, as Arrow: the report's tidy records (every field of the core's
//! [`Record`](styrkort::assess::Record), one row per measure × unit × period × sex), the
//! scorecard's measures and the gender gaps. Built column by column in Rust and handed to
//! pandas, polars or pyarrow through the Arrow PyCapsule interface (`ArrowTable`).
//!
//! Types: texts are `utf8`; `status`, `trend` and `sex` are dictionaries (categoricals) over
//! every code in the core's order; decimals are `decimal128(38, s)`, exact, with `s` the most
//! decimals any value of the column has (a column that would need more than 38 digits keeps
//! fewer decimals, rounded half to even, a case no real plan meets).

use arrow_array::builder::{BooleanBuilder, ListBuilder, StringBuilder};
use arrow_array::types::Int8Type;
use arrow_array::{ArrayRef, Decimal128Array, DictionaryArray, Int8Array, RecordBatch, StringArray, StructArray};
use arrow_schema::{ArrowError, Field};
use pyo3::prelude::*;
use pyo3::types::PyCapsule;
use pyo3_arrow::ffi::{ArrayIterator, to_stream_pycapsule};
use rust_decimal::{Decimal, RoundingStrategy};
use std::sync::Arc;
use styrkort::assess::GenderGap;
use styrkort::target::Target;
use styrkort::{Measure, Report, Scorecard, Status};

/// A table made by styrkort, handed over through the Arrow PyCapsule interface:
/// ``pyarrow.table(t)``, ``polars.DataFrame(t)``, or the ``to_pandas`` of either.
#[pyclass(module = "styrkort._styrkort", frozen)]
pub struct ArrowTable {
    batch: RecordBatch,
}

impl ArrowTable {
    /// A table of a batch, or the error that stopped building it.
    pub(crate) fn of(batch: Result<RecordBatch, ArrowError>) -> PyResult<ArrowTable> {
        Ok(ArrowTable { batch: batch.map_err(arrow_error)? })
    }

    /// The table's columns.
    pub(crate) fn batch(&self) -> &RecordBatch {
        &self.batch
    }

    /// The table as an Arrow C stream capsule, cast to a requested schema where Arrow can.
    pub(crate) fn stream<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyCapsule>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let schema = self.batch.schema();
        let field = Field::new_struct("", schema.fields().clone(), false).with_metadata(schema.metadata().clone());
        let array: ArrayRef = Arc::new(StructArray::from(self.batch.clone()));
        let reader = ArrayIterator::new(std::iter::once(Ok(array)), Arc::new(field));
        Ok(to_stream_pycapsule(py, Box::new(reader), requested_schema)?)
    }
}

#[pymethods]
impl ArrowTable {
    /// The table as an Arrow C stream (the Arrow PyCapsule interface).
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyCapsule>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        self.stream(py, requested_schema)
    }

    /// The number of rows.
    #[getter]
    fn num_rows(&self) -> usize {
        self.batch.num_rows()
    }

    /// The column names, in order.
    #[getter]
    fn column_names(&self) -> Vec<String> {
        self.batch.schema().fields().iter().map(|field| field.name().clone()).collect()
    }

    fn __len__(&self) -> usize {
        self.batch.num_rows()
    }

    fn __repr__(&self) -> String {
        format!("ArrowTable({} rows: {})", self.batch.num_rows(), self.column_names().join(", "))
    }
}

/// A table as a data frame of a backend, by the package's adapters (`styrkort._frames`):
/// `"pandas"`, `"polars"` or `"arrow"` (a pyarrow Table).
pub(crate) fn frame<'py>(py: Python<'py>, table: ArrowTable, backend: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("styrkort._frames")?.call_method1("to_frame", (table, backend))
}

/// An Arrow failure on the binding's own columns.
fn arrow_error(error: ArrowError) -> PyErr {
    pyo3::exceptions::PyValueError::new_err(error.to_string())
}

/// The serde name of a coded value of the core (`higher_is_better`, `cumulative`).
pub(crate) fn code_of(value: &impl serde::Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(code)) => code,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// A dictionary (categorical) column over a fixed list of codes.
pub(crate) fn categories(codes: &[&str], keys: Vec<Option<i8>>) -> Result<ArrayRef, ArrowError> {
    let values: ArrayRef = Arc::new(StringArray::from(codes.to_vec()));
    Ok(Arc::new(DictionaryArray::<Int8Type>::try_new(Int8Array::from(keys), values)?))
}

/// The position of a status among [`Status::ALL`].
pub(crate) fn status_key(status: Status) -> Option<i8> {
    position(&Status::ALL, &status)
}

fn position<T: PartialEq>(all: &[T], value: &T) -> Option<i8> {
    all.iter().position(|candidate| candidate == value).and_then(|at| i8::try_from(at).ok())
}

/// The codes of every status, in the core's order.
pub(crate) fn status_codes() -> Vec<&'static str> {
    Status::ALL.map(Status::code).to_vec()
}

/// A `decimal128(38, s)` column, exact: `s` is the most decimals of any value, unless the
/// integer digits leave fewer of the 38 (then values with more decimals are rounded half to
/// even).
pub(crate) fn decimals(values: &[Option<Decimal>]) -> Result<ArrayRef, ArrowError> {
    let digits = |value: &Decimal| value.mantissa().unsigned_abs().checked_ilog10().map_or(1, |d| d + 1);
    let most = values.iter().flatten().map(Decimal::scale).max().unwrap_or(0);
    // A decimal has at most 29 digits: with 9 decimals or fewer every value fits 38.
    let integer_digits = if most <= 9 {
        0
    } else {
        values.iter().flatten().map(|value| digits(value).saturating_sub(value.scale())).max().unwrap_or(0)
    };
    let scale = most.min(38u32.saturating_sub(integer_digits));
    let powers: Vec<i128> = (0..=scale).map(|exponent| 10i128.pow(exponent)).collect();
    let mantissas = values.iter().map(|value| {
        let value = (*value)?;
        let widened = scale.checked_sub(value.scale()).and_then(|more| powers.get(more as usize));
        match widened {
            Some(power) => value.mantissa().checked_mul(*power),
            None => Some(value.round_dp_with_strategy(scale, RoundingStrategy::MidpointNearestEven).mantissa()),
        }
    });
    let scale = i8::try_from(scale).unwrap_or(0);
    Ok(Arc::new(Decimal128Array::from_iter(mantissas).with_precision_and_scale(38, scale)?))
}

pub(crate) fn texts<'a>(values: impl IntoIterator<Item = Option<&'a str>>) -> ArrayRef {
    Arc::new(values.into_iter().collect::<StringArray>())
}

fn flags(values: impl IntoIterator<Item = Option<bool>>) -> ArrayRef {
    let mut column = BooleanBuilder::new();
    for value in values {
        column.append_option(value);
    }
    Arc::new(column.finish())
}

fn lists(values: impl IntoIterator<Item = Vec<String>>) -> ArrayRef {
    let mut column = ListBuilder::new(StringBuilder::new());
    for value in values {
        for item in value {
            column.values().append_value(item);
        }
        column.append(true);
    }
    Arc::new(column.finish())
}

/// One row per measure of a scorecard, with the target of a year as written and as read.
pub(crate) fn measures(scorecard: &Scorecard, year: i32) -> Result<RecordBatch, ArrowError> {
    let measures = &scorecard.measures;
    let goal_of =
        |measure: &Measure| scorecard.success_factor(&measure.success_factor).map(|factor| factor.goal.as_str());
    let targets: Vec<Option<Target>> = measures.iter().map(|measure| measure.target(year)).collect();
    let polarity: Vec<String> = measures.iter().map(|m| code_of(&m.polarity)).collect();
    let accumulation: Vec<String> = measures.iter().map(|m| code_of(&m.accumulation)).collect();
    let kinds: Vec<String> =
        targets.iter().map(|t| t.as_ref().map_or_else(String::new, |t| t.kind().to_owned())).collect();
    let canonical: Vec<Option<String>> = targets.iter().map(|t| t.as_ref().map(ToString::to_string)).collect();
    let years: ArrayRef = Arc::new(arrow_array::Int32Array::from(vec![year; measures.len()]));
    RecordBatch::try_from_iter([
        ("perspective", texts(measures.iter().map(|m| scorecard.perspective_of(m).map(|p| p.id.as_str())))),
        ("goal", texts(measures.iter().map(goal_of))),
        ("success_factor", texts(measures.iter().map(|m| Some(m.success_factor.as_str())))),
        ("measure", texts(measures.iter().map(|m| Some(m.id.as_str())))),
        ("measure_name", texts(measures.iter().map(|m| Some(m.name.as_str())))),
        ("kind", texts(measures.iter().map(|m| Some(m.kind.code())))),
        ("body", texts(measures.iter().map(|m| m.body.as_deref()))),
        ("value_unit", texts(measures.iter().map(|m| Some(m.unit.as_str())))),
        ("polarity", texts(polarity.iter().map(|code| Some(code.as_str())))),
        ("sexes", lists(measures.iter().map(|m| m.sexes.iter().map(ToString::to_string).collect()))),
        ("periods", lists(measures.iter().map(|m| m.periods.iter().map(ToString::to_string).collect()))),
        ("accumulation", texts(accumulation.iter().map(|code| Some(code.as_str())))),
        (
            "comparison_base",
            texts(
                measures
                    .iter()
                    .map(|m| m.comparison_base.map(|p| p.to_string()))
                    .collect::<Vec<_>>()
                    .iter()
                    .map(Option::as_deref),
            ),
        ),
        ("source", texts(measures.iter().map(|m| m.source.as_deref()))),
        ("year", years),
        ("target", texts(measures.iter().map(|m| m.target_text(year)))),
        ("target_kind", texts(kinds.iter().zip(&targets).map(|(kind, target)| target.as_ref().map(|_| kind.as_str())))),
        ("target_canonical", texts(canonical.iter().map(Option::as_deref))),
    ])
}

/// One row per measure split by sex and unit: the gap between women and men (SPEC §4).
pub(crate) fn gender_gaps(report: &Report) -> Result<RecordBatch, ArrowError> {
    let gaps: Vec<GenderGap> = report.gender_gaps();
    let periods: Vec<String> = gaps.iter().map(|gap| gap.period.to_string()).collect();
    let number = |get: fn(&GenderGap) -> Option<Decimal>| decimals(&gaps.iter().map(get).collect::<Vec<_>>());
    let status = |get: fn(&GenderGap) -> Status| {
        categories(&status_codes(), gaps.iter().map(|gap| status_key(get(gap))).collect())
    };
    RecordBatch::try_from_iter([
        ("measure", texts(gaps.iter().map(|gap| Some(gap.measure.as_str())))),
        ("measure_name", texts(gaps.iter().map(|gap| Some(gap.measure_name.as_str())))),
        ("unit", texts(gaps.iter().map(|gap| gap.unit.as_deref()))),
        ("period", texts(periods.iter().map(|p| Some(p.as_str())))),
        ("women", number(|gap| gap.women)?),
        ("men", number(|gap| gap.men)?),
        ("gap", number(|gap| gap.gap)?),
        ("base_gap", number(|gap| gap.base_gap)?),
        ("narrowed", flags(gaps.iter().map(|gap| gap.narrowed))),
        ("women_status", status(|gap| gap.women_status)?),
        ("men_status", status(|gap| gap.men_status)?),
        ("one_sex_meets_target", flags(gaps.iter().map(|gap| Some(gap.one_sex_meets_target)))),
    ])
}
