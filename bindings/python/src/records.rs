//! The report's tidy records as Arrow columns: every field of the core's
//! [`Record`](styrkort::assess::Record), one row per measure × unit × period × sex, in the
//! order and with the names of the record's JSON; any subset of the columns on request, each
//! built only when asked for.
//!
//! The columns are built from the assessments directly: the texts of a measure (its name, its
//! place in the plan, its target) once per measure, from the core's record of its first row,
//! as dictionaries keyed by the measure; the codes of a row (sex, status, reason, trend, rule,
//! …) as dictionaries over the codes; the explanation and the value as text per row, in
//! parallel, with the same core functions the record uses. The tests check that every row
//! equals the core's record.

use arrow_array::builder::StringBuilder;
use arrow_array::types::Int32Type;
use arrow_array::{ArrayRef, DictionaryArray, Int32Array, RecordBatch, StringArray};
use arrow_schema::ArrowError;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use std::hash::Hash;
use std::sync::Arc;
use styrkort::assess::{Assessment, Assessments, Record, Trend, quantity_sv};
use styrkort::{Report, Sex, Status};

use crate::arrow_out::{categories, decimals};

/// The columns of the records table, named as the record's JSON names them, in its order.
pub(crate) const COLUMNS: [&str; 29] = [
    "perspective",
    "goal",
    "success_factor",
    "measure",
    "measure_name",
    "kind",
    "body",
    "unit",
    "period",
    "sex",
    "status",
    "reason",
    "trend",
    "rule",
    "value",
    "target_value",
    "target_low",
    "comparison",
    "base",
    "base_period",
    "reference",
    "status_label",
    "arrow",
    "value_unit",
    "value_text",
    "target",
    "target_kind",
    "target_canonical",
    "explanation",
];

/// A dictionary column: each row's key, its text made once per distinct key (equal texts
/// share one entry, so the dictionary is a set of categories). Rows come grouped by measure,
/// so the last key is tried first.
fn dictionary<K: Copy + Eq + Hash>(
    rows: &[Assessment],
    key: impl Fn(&Assessment) -> Option<K>,
    text: impl Fn(K) -> Option<String>,
) -> Result<ArrayRef, ArrowError> {
    let mut index: FxHashMap<K, Option<i32>> = FxHashMap::default();
    let mut values: Vec<String> = Vec::new();
    let mut positions: FxHashMap<String, i32> = FxHashMap::default();
    let mut last: Option<(K, Option<i32>)> = None;
    let keys: Int32Array = rows
        .iter()
        .map(|row| {
            let key = key(row)?;
            if let Some((last_key, position)) = last
                && last_key == key
            {
                return position;
            }
            let position = *index.entry(key).or_insert_with(|| {
                let text = text(key)?;
                let next = i32::try_from(values.len()).ok()?;
                Some(*positions.entry(text).or_insert_with_key(|text| {
                    values.push(text.clone());
                    next
                }))
            });
            last = Some((key, position));
            position
        })
        .collect();
    let values: ArrayRef = Arc::new(StringArray::from(values));
    Ok(Arc::new(DictionaryArray::<Int32Type>::try_new(keys, values)?))
}

/// A column of every code of a coded value of the core, with each row's position among them.
fn fixed<T: PartialEq + Copy>(
    rows: &[Assessment],
    all: &[T],
    code: fn(T) -> &'static str,
    of: fn(&Assessment) -> T,
) -> Result<ArrayRef, ArrowError> {
    let codes: Vec<&str> = all.iter().map(|&value| code(value)).collect();
    let keys =
        rows.iter().map(|row| all.iter().position(|&value| value == of(row)).and_then(|at| i8::try_from(at).ok()));
    categories(&codes, keys.collect())
}

/// A text per row, made on every core in parallel.
fn per_row(rows: &[Assessment], text: impl Fn(&Assessment) -> String + Sync) -> ArrayRef {
    let threads = std::thread::available_parallelism().map_or(1, usize::from).min(rows.len() / 50_000).max(1);
    let chunk = rows.len().div_ceil(threads).max(1);
    let parts: Vec<Vec<String>> = std::thread::scope(|scope| {
        let handles: Vec<_> =
            rows.chunks(chunk).map(|part| scope.spawn(|| part.iter().map(&text).collect::<Vec<String>>())).collect();
        handles.into_iter().map(|handle| handle.join().unwrap_or_default()).collect()
    });
    let bytes = parts.iter().flatten().map(String::len).sum();
    let mut column = StringBuilder::with_capacity(rows.len(), bytes);
    for text in parts.iter().flatten() {
        column.append_value(text);
    }
    Arc::new(column.finish())
}

/// The records of the named columns (every column for none), as one batch.
pub(crate) fn records(report: &Report, columns: &[&str]) -> Result<RecordBatch, ArrowError> {
    let assessments: &Assessments = report.assessments();
    let rows = assessments.rows();
    // The core's record of each measure's first row: the measure's texts, once.
    let mut first: FxHashMap<u32, Record> = FxHashMap::default();
    for (position, row) in rows.iter().enumerate() {
        if !first.contains_key(&row.measure)
            && let Some(record) = report.record(position)
        {
            first.insert(row.measure, record);
        }
    }
    let of_measure = |field: fn(&Record) -> Option<&str>| {
        dictionary(rows, |row| Some(row.measure), |measure| first.get(&measure).and_then(field).map(str::to_owned))
    };
    let number = |field: fn(&Assessment) -> Option<Decimal>| decimals(&rows.iter().map(field).collect::<Vec<_>>());
    let code = |field: fn(&Assessment) -> Option<&'static str>| dictionary(rows, field, |code| Some(code.to_owned()));
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
            "unit" => dictionary(rows, |row| assessments.unit_id(row), |id| Some(id.to_owned()))?,
            "period" => dictionary(rows, |row| Some(row.period), |period| Some(period.to_string()))?,
            "base_period" => dictionary(rows, |row| row.verdict.base_period, |period| Some(period.to_string()))?,
            "sex" => fixed(rows, &Sex::ALL, Sex::code, |row| row.sex)?,
            "status" => fixed(rows, &Status::ALL, Status::code, |row| row.verdict.status)?,
            "status_label" => fixed(rows, &Status::ALL, Status::label_sv, |row| row.verdict.status)?,
            "trend" => fixed(rows, &Trend::ALL, Trend::code, |row| row.verdict.trend)?,
            "arrow" => fixed(rows, &Trend::ALL, Trend::arrow, |row| row.verdict.trend)?,
            "reason" => code(|row| row.verdict.reason.map(|reason| reason.code()))?,
            "rule" => code(|row| Some(row.verdict.rule.code()))?,
            "comparison" => code(|row| row.verdict.comparison.map(|comparison| comparison.code()))?,
            "value" => number(|row| row.verdict.value)?,
            "target_value" => number(|row| row.verdict.target_value)?,
            "target_low" => number(|row| row.verdict.target_low)?,
            "base" => number(|row| row.verdict.base)?,
            "reference" => number(|row| row.verdict.reference)?,
            "value_text" => per_row(rows, |row| {
                let value = row.verdict.value.zip(assessments.measure(row));
                value.map(|(value, measure)| quantity_sv(value, measure)).unwrap_or_default()
            }),
            "explanation" => per_row(rows, |row| assessments.explain(row).sentence),
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
    format!("no column '{column}' in the records: expected one of {}", COLUMNS.join(", "))
}
