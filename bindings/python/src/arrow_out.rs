//! Tables out, as Arrow: `ArrowTable`, which hands a table built in Rust to pandas, polars or
//! pyarrow through the Arrow PyCapsule interface; the kinds of column every table uses (codes
//! as categoricals over every code of the core, exact decimals); and the tables of the
//! scorecard's measures and of the gender gaps. The report's records are `records.rs`.
//!
//! Decimals are `decimal128(38, s)`, exact, with `s` the most decimals any value of the column
//! has (a column that would need more than 38 digits keeps fewer decimals, rounded half to
//! even, a case no real plan meets).

use crate::convert::code_of;
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

/// A column of a coded value of the core, as a dictionary (categorical) over every code in
/// the core's order (`all`), whether a row has it or not; none is null.
pub(crate) fn coded<T: PartialEq + Copy, R>(
    rows: &[R],
    all: &[T],
    code: fn(T) -> &'static str,
    of: impl Fn(&R) -> Option<T>,
) -> Result<ArrayRef, ArrowError> {
    let codes: Vec<&str> = all.iter().map(|&value| code(value)).collect();
    let position = |value: T| all.iter().position(|&candidate| candidate == value).and_then(|at| i8::try_from(at).ok());
    let keys: Int8Array = rows.iter().map(|row| of(row).and_then(position)).collect();
    let values: ArrayRef = Arc::new(StringArray::from(codes));
    Ok(Arc::new(DictionaryArray::<Int8Type>::try_new(keys, values)?))
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

/// A text column.
fn texts<T: AsRef<str>>(values: impl IntoIterator<Item = Option<T>>) -> ArrayRef {
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
    let column = |get: fn(&Scorecard, &Measure) -> Option<String>| texts(measures.iter().map(|m| get(scorecard, m)));
    let targets: Vec<Option<Target>> = measures.iter().map(|measure| measure.target(year)).collect();
    let years: ArrayRef = Arc::new(arrow_array::Int32Array::from(vec![year; measures.len()]));
    RecordBatch::try_from_iter([
        ("perspective", column(|s, m| Some(s.perspective_of(m)?.id.clone()))),
        ("goal", column(|s, m| Some(s.success_factor(&m.success_factor)?.goal.clone()))),
        ("success_factor", column(|_, m| Some(m.success_factor.clone()))),
        ("measure", column(|_, m| Some(m.id.clone()))),
        ("measure_name", column(|_, m| Some(m.name.clone()))),
        ("kind", column(|_, m| Some(m.kind.code().to_owned()))),
        ("body", column(|_, m| m.body.clone())),
        ("value_unit", column(|_, m| Some(m.unit.as_str().to_owned()))),
        ("polarity", column(|_, m| Some(code_of(&m.polarity)))),
        ("sexes", lists(measures.iter().map(|m| m.sexes.iter().map(ToString::to_string).collect()))),
        ("periods", lists(measures.iter().map(|m| m.periods.iter().map(ToString::to_string).collect()))),
        ("accumulation", column(|_, m| Some(code_of(&m.accumulation)))),
        ("comparison_base", column(|_, m| m.comparison_base.map(|period| period.to_string()))),
        ("source", column(|_, m| m.source.clone())),
        ("year", years),
        ("target", texts(measures.iter().map(|m| m.target_text(year)))),
        ("target_kind", texts(targets.iter().map(|target| target.as_ref().map(Target::kind)))),
        ("target_canonical", texts(targets.iter().map(|target| target.as_ref().map(ToString::to_string)))),
    ])
}

/// One row per measure split by sex and unit: the gap between women and men (SPEC §4).
pub(crate) fn gender_gaps(report: &Report) -> Result<RecordBatch, ArrowError> {
    let gaps: Vec<GenderGap> = report.gender_gaps();
    let number = |get: fn(&GenderGap) -> Option<Decimal>| decimals(&gaps.iter().map(get).collect::<Vec<_>>());
    let status = |get: fn(&GenderGap) -> Status| coded(&gaps, &Status::ALL, Status::code, |gap| Some(get(gap)));
    RecordBatch::try_from_iter([
        ("measure", texts(gaps.iter().map(|gap| Some(gap.measure.as_str())))),
        ("measure_name", texts(gaps.iter().map(|gap| Some(gap.measure_name.as_str())))),
        ("unit", texts(gaps.iter().map(|gap| gap.unit.as_deref()))),
        ("period", texts(gaps.iter().map(|gap| Some(gap.period.to_string())))),
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
