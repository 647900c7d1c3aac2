//! The report's tidy records as Arrow columns: every field of the core's
//! [`Record`](styrkort::assess::Record), one row per measure × unit × period × sex, in the
//! order and with the names of the record's JSON; any subset of the columns on request, each
//! built only when asked for.
//!
//! The columns are built from the assessments directly, with the core functions the record
//! uses, and are of three kinds:
//! - dictionaries (categoricals) over fixed categories, the same for every report of the same
//!   scorecard, so that frames of separate reports concatenate as categoricals: the texts of a
//!   measure (`measure`, `measure_name`, `perspective`, `target`, …) over every measure of the
//!   plan, in plan order, made once per measure from the core's record of its first row;
//!   `unit` over the plan's units; `sex`, `status`, `status_label`, `trend`, `arrow`,
//!   `reason`, `rule`, `comparison` and `reported_status` over every code of the core;
//! - texts per row: `period`, `base_period`, `value_text`, `explanation` and
//!   `verdict_motivation`, made on every core in parallel;
//! - decimals: `value`, `target_value`, `target_low`, `base` and `reference`.
//!
//! The tests check that every row equals the core's record.

use arrow_array::builder::StringBuilder;
use arrow_array::types::Int32Type;
use arrow_array::{ArrayRef, DictionaryArray, Int32Array, RecordBatch, StringArray};
use arrow_schema::ArrowError;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use std::sync::Arc;
use styrkort::assess::{Assessment, Assessments, Comparison, Reason, Record, Rule, Trend, value_text};
use styrkort::{Report, Sex, Status};

use crate::arrow_out::{coded, decimals};

/// A dictionary column over fixed texts: `texts[i]` for the rows whose `slot` is `i` (equal
/// texts share one entry; a slot without a text, or a row without a slot, is null). The
/// categories are the same for every report of the same scorecard, so that frames of
/// separate reports (one per unit, say) concatenate as categoricals.
fn dictionary(
    rows: &[Assessment],
    texts: &[Option<&str>],
    slot: impl Fn(&Assessment) -> Option<usize>,
) -> Result<ArrayRef, ArrowError> {
    let mut values: Vec<&str> = Vec::new();
    let mut positions: FxHashMap<&str, i32> = FxHashMap::default();
    let keys: Vec<Option<i32>> = texts
        .iter()
        .map(|text| {
            let text = (*text)?;
            let next = i32::try_from(values.len()).ok()?;
            Some(*positions.entry(text).or_insert_with(|| {
                values.push(text);
                next
            }))
        })
        .collect();
    let keys: Int32Array = rows.iter().map(|row| slot(row).and_then(|at| keys.get(at).copied().flatten())).collect();
    let values: ArrayRef = Arc::new(StringArray::from(values));
    Ok(Arc::new(DictionaryArray::<Int32Type>::try_new(keys, values)?))
}

/// A text per row (or null), made on every core in parallel.
fn per_row(rows: &[Assessment], text: impl Fn(&Assessment) -> Option<String> + Sync) -> ArrayRef {
    let threads = std::thread::available_parallelism().map_or(1, usize::from).min(rows.len() / 50_000).max(1);
    let chunk = rows.len().div_ceil(threads).max(1);
    let parts: Vec<Vec<Option<String>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = rows.chunks(chunk).map(|part| scope.spawn(|| part.iter().map(&text).collect())).collect();
        handles.into_iter().map(|handle| handle.join().unwrap_or_default()).collect()
    });
    let bytes = parts.iter().flatten().flatten().map(String::len).sum();
    let mut column = StringBuilder::with_capacity(rows.len(), bytes);
    for text in parts.iter().flatten() {
        column.append_option(text.as_deref());
    }
    Arc::new(column.finish())
}

/// The records of the named columns (every column for none), as one batch.
pub(crate) fn records(report: &Report, columns: &[&str]) -> Result<RecordBatch, ArrowError> {
    let assessments: &Assessments = report.assessments();
    let rows = assessments.rows();
    let scorecard = assessments.scorecard();
    // The core's record of each measure's first row: the measure's texts, once.
    let mut first: Vec<Option<Record>> = vec![None; scorecard.measures.len()];
    for (position, row) in rows.iter().enumerate() {
        if let Some(slot @ None) = first.get_mut(row.measure as usize) {
            *slot = report.record(position);
        }
    }
    let of_measure = |field: fn(&Record) -> Option<&str>| {
        let texts: Vec<Option<&str>> = first.iter().map(|record| record.as_ref().and_then(field)).collect();
        dictionary(rows, &texts, |row| Some(row.measure as usize))
    };
    let units: Vec<Option<&str>> = scorecard.units.iter().map(|unit| Some(unit.id.as_str())).collect();
    let number = |field: fn(&Assessment) -> Option<Decimal>| decimals(&rows.iter().map(field).collect::<Vec<_>>());
    let build = |name: &str| -> Result<ArrayRef, ArrowError> {
        Ok(match name {
            "perspective" => of_measure(|r| Some(&r.perspective))?,
            "goal" => of_measure(|r| Some(&r.goal))?,
            "success_factor" => of_measure(|r| Some(&r.success_factor))?,
            "measure" => of_measure(|r| Some(&r.measure))?,
            "measure_name" => of_measure(|r| Some(&r.measure_name))?,
            "kind" => of_measure(|r| Some(&r.kind))?,
            "body" => of_measure(|r| r.body.as_deref())?,
            "value_unit" => of_measure(|r| Some(&r.value_unit))?,
            "target" => of_measure(|r| r.target.as_deref())?,
            "target_kind" => of_measure(|r| r.target_kind.as_deref())?,
            "target_canonical" => of_measure(|r| r.target_canonical.as_deref())?,
            "unit" => dictionary(rows, &units, |row| row.unit.map(|unit| unit as usize))?,
            "sex" => coded(rows, &Sex::ALL, Sex::code, |row| Some(row.sex))?,
            "status" => coded(rows, &Status::ALL, Status::code, |row| Some(row.verdict.status))?,
            "status_label" => coded(rows, &Status::ALL, Status::label_sv, |row| Some(row.verdict.status))?,
            "trend" => coded(rows, &Trend::ALL, Trend::code, |row| Some(row.verdict.trend))?,
            "arrow" => coded(rows, &Trend::ALL, Trend::arrow, |row| Some(row.verdict.trend))?,
            "reason" => coded(rows, &Reason::ALL, Reason::code, |row| row.verdict.reason)?,
            "rule" => coded(rows, &Rule::ALL, Rule::code, |row| Some(row.verdict.rule))?,
            "comparison" => coded(rows, &Comparison::ALL, Comparison::code, |row| row.verdict.comparison)?,
            "value" => number(|row| row.verdict.value)?,
            "target_value" => number(|row| row.verdict.target_value)?,
            "target_low" => number(|row| row.verdict.target_low)?,
            "base" => number(|row| row.verdict.base)?,
            "reference" => number(|row| row.verdict.reference)?,
            "period" => per_row(rows, |row| Some(row.period.to_string())),
            "base_period" => per_row(rows, |row| row.verdict.base_period.map(|period| period.to_string())),
            "value_text" => per_row(rows, |row| {
                let value = row.verdict.value.zip(assessments.measure(row));
                Some(value.map(|(value, measure)| value_text(value, row.verdict.rule, measure)).unwrap_or_default())
            }),
            "explanation" => per_row(rows, |row| Some(assessments.explain(row).sentence)),
            "reported_status" => coded(rows, &Status::ALL, Status::code, |row| Some(report.reported_status(row)))?,
            "verdict_motivation" => per_row(rows, |row| report.verdict_of(row).map(|v| v.motivation.clone())),
            other => return Err(ArrowError::InvalidArgumentError(unknown(other))),
        })
    };
    let arrays = in_parallel(columns.len(), |at| build(columns.get(at).copied().unwrap_or_default()));
    let named = columns.iter().zip(arrays).map(|(name, array)| Ok((*name, array.ok_or_else(|| missing(name))??)));
    RecordBatch::try_from_iter(named.collect::<Result<Vec<_>, ArrowError>>()?)
}

/// `make(i)` for every `i` below `count`, spread over the cores, in order; none where a
/// thread did not finish.
fn in_parallel<T: Send>(count: usize, make: impl Fn(usize) -> T + Sync) -> Vec<Option<T>> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from).min(count).max(1);
    let mut made: Vec<Option<T>> = (0..count).map(|_| None).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|thread| {
                let make = &make;
                scope.spawn(move || (thread..count).step_by(threads).map(|at| (at, make(at))).collect::<Vec<_>>())
            })
            .collect();
        for (at, value) in handles.into_iter().flat_map(|handle| handle.join().unwrap_or_default()) {
            if let Some(slot) = made.get_mut(at) {
                *slot = Some(value);
            }
        }
    });
    made
}

/// The error of a column whose thread did not finish (a bug: nothing here panics on data).
fn missing(name: &str) -> ArrowError {
    ArrowError::ComputeError(format!("the column '{name}' could not be built"))
}

/// The message for a column the records do not have.
pub(crate) fn unknown(column: &str) -> String {
    format!("no column '{column}' in the records: expected one of {}", Record::FIELDS.join(", "))
}
