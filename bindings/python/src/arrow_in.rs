//! Observations from Arrow columns (a pandas or polars DataFrame, a pyarrow Table or
//! RecordBatchReader, anything with `__arrow_c_stream__`): each cell of a row becomes a core
//! [`Field`] and the core's [`ObservationBuilder`] applies the rules of an observation record,
//! exactly as for a CSV file, locating every problem by row (from 0) and column (its position
//! among the columns, from 1). No Python object is touched: this runs without the GIL.
//!
//! Cells are read as they are typed: text columns (`utf8`, `large_utf8`, `utf8_view`) as text;
//! integer and `decimal128` columns as exact decimals; float columns through the shortest text
//! that reads back as the float (its repr, so 16.3 is 16.3), NaN being an empty cell;
//! dictionary (categorical) columns as their values; `null` columns as empty. A column of any
//! other type (dates, booleans, lists) is a located error.

use crate::convert::{float_decimal, float_fits, shortest};
use arrow_array::cast::AsArray;
use arrow_array::types::{
    Decimal128Type, Float16Type, Float32Type, Float64Type, Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type,
    UInt16Type, UInt32Type, UInt64Type,
};
use arrow_array::{Array, ArrowPrimitiveType, RecordBatch};
use arrow_schema::{DataType, Schema};
use rust_decimal::Decimal;
use styrkort::io::{Field, ObservationBuilder, ObservationColumn};
use styrkort::model::Observations;
use styrkort::{Error, Location, Scorecard};

/// One column of a batch, ready to give the field of any row.
enum Column<'a> {
    Empty,
    Text(&'a dyn TextColumn),
    /// A numeric column: each row's decimal, read when asked for; the rows whose number does
    /// not fit a decimal, with its text (found in one pass ahead, for the core to report).
    Numbers {
        number: Box<dyn Fn(usize) -> Option<Decimal> + 'a>,
        unreadable: Vec<(usize, String)>,
    },
    Dictionary {
        keys: Vec<usize>,
        array: &'a dyn Array,
        values: Box<Column<'a>>,
    },
}

/// The text columns of Arrow, alike for this purpose.
trait TextColumn {
    fn text(&self, row: usize) -> Option<&str>;
}

impl<O: arrow_array::OffsetSizeTrait> TextColumn for arrow_array::GenericStringArray<O> {
    fn text(&self, row: usize) -> Option<&str> {
        (row < self.len() && self.is_valid(row)).then(|| self.value(row))
    }
}

impl TextColumn for arrow_array::StringViewArray {
    fn text(&self, row: usize) -> Option<&str> {
        (row < self.len() && self.is_valid(row)).then(|| self.value(row))
    }
}

/// Whether a column of this type can be read.
fn readable(data_type: &DataType) -> bool {
    match data_type {
        DataType::Null | DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => true,
        DataType::Int8 | DataType::Int16 | DataType::Int32 | DataType::Int64 => true,
        DataType::UInt8 | DataType::UInt16 | DataType::UInt32 | DataType::UInt64 => true,
        DataType::Float16 | DataType::Float32 | DataType::Float64 | DataType::Decimal128(..) => true,
        DataType::Dictionary(_, values) => readable(values),
        _ => false,
    }
}

impl<'a> Column<'a> {
    fn new(array: &'a dyn Array) -> Column<'a> {
        match array.data_type() {
            DataType::Utf8 => Column::Text(array.as_string::<i32>()),
            DataType::LargeUtf8 => Column::Text(array.as_string::<i64>()),
            DataType::Utf8View => Column::Text(array.as_string_view()),
            DataType::Int8 => integers::<Int8Type>(array),
            DataType::Int16 => integers::<Int16Type>(array),
            DataType::Int32 => integers::<Int32Type>(array),
            DataType::Int64 => integers::<Int64Type>(array),
            DataType::UInt8 => integers::<UInt8Type>(array),
            DataType::UInt16 => integers::<UInt16Type>(array),
            DataType::UInt32 => integers::<UInt32Type>(array),
            DataType::UInt64 => integers::<UInt64Type>(array),
            DataType::Float16 => floats(array.as_primitive::<Float16Type>(), f64::from),
            DataType::Float32 => floats(array.as_primitive::<Float32Type>(), f64::from),
            DataType::Float64 => floats(array.as_primitive::<Float64Type>(), |value| value),
            DataType::Decimal128(_, scale) => decimals(array.as_primitive::<Decimal128Type>(), *scale),
            DataType::Dictionary(..) => match array.as_any_dictionary_opt() {
                Some(dictionary) if !dictionary.values().is_empty() => Column::Dictionary {
                    keys: dictionary.normalized_keys(),
                    array,
                    values: Box::new(Column::new(dictionary.values().as_ref())),
                },
                _ => Column::Empty,
            },
            _ => Column::Empty,
        }
    }

    /// The field of a row.
    fn field(&self, row: usize) -> Field<'_> {
        match self {
            Column::Empty => Field::Empty,
            Column::Text(column) => column.text(row).map_or(Field::Empty, Field::Text),
            Column::Numbers { number, unreadable } => match unreadable.binary_search_by_key(&row, |(at, _)| *at) {
                Ok(at) => unreadable.get(at).map_or(Field::Empty, |(_, text)| Field::Text(text)),
                Err(_) => number(row).map_or(Field::Empty, Field::Number),
            },
            Column::Dictionary { keys, array, values } => match keys.get(row) {
                Some(&key) if array.is_valid(row) => values.field(key),
                _ => Field::Empty,
            },
        }
    }
}

fn integers<T: ArrowPrimitiveType>(array: &dyn Array) -> Column<'_>
where
    Decimal: From<T::Native>,
{
    let array = array.as_primitive::<T>();
    let number = move |row: usize| (row < array.len() && array.is_valid(row)).then(|| Decimal::from(array.value(row)));
    Column::Numbers { number: Box::new(number), unreadable: Vec::new() }
}

fn floats<'a, T: ArrowPrimitiveType>(
    array: &'a arrow_array::PrimitiveArray<T>,
    widen: impl Fn(T::Native) -> f64 + Copy + 'a,
) -> Column<'a> {
    let float = move |row: usize| (row < array.len() && array.is_valid(row)).then(|| widen(array.value(row)));
    // Only an infinity or a float beyond 2⁹⁶ does not fit; the test is cheap, the text rare.
    let unreadable = (0..array.len())
        .filter_map(|row| float(row).filter(|&value| !float_fits(value)).map(|value| (row, shortest(value))))
        .collect();
    let number = move |row: usize| float_decimal(float(row)?).ok().flatten();
    Column::Numbers { number: Box::new(number), unreadable }
}

fn decimals(array: &arrow_array::PrimitiveArray<Decimal128Type>, scale: i8) -> Column<'_> {
    let decimal = move |mantissa: i128| match u32::try_from(scale) {
        Ok(scale) => Decimal::try_from_i128_with_scale(mantissa, scale).ok(),
        Err(_) => mantissa
            .checked_mul(10i128.checked_pow(u32::from(scale.unsigned_abs()))?)
            .and_then(|mantissa| Decimal::try_from_i128_with_scale(mantissa, 0).ok()),
    };
    let value = move |row: usize| (row < array.len() && array.is_valid(row)).then(|| array.value(row));
    let unreadable = (0..array.len())
        .filter_map(|row| {
            value(row).filter(|&mantissa| decimal(mantissa).is_none()).map(|_| (row, array.value_as_string(row)))
        })
        .collect();
    Column::Numbers { number: Box::new(move |row| value(row).and_then(decimal)), unreadable }
}

/// The columns pandas adds for a DataFrame's index (listed in the schema's `pandas` metadata,
/// such as `__index_level_0__`) that are not observation columns: they are left out, as the
/// index is not part of the data. An index named like an observation column is read.
fn pandas_index(schema: &Schema) -> Vec<String> {
    let Some(metadata) = schema.metadata().get("pandas") else { return Vec::new() };
    let Ok(metadata) = serde_json::from_str::<serde_json::Value>(metadata) else { return Vec::new() };
    let columns = metadata.get("index_columns").and_then(serde_json::Value::as_array);
    columns
        .into_iter()
        .flatten()
        .filter_map(serde_json::Value::as_str)
        .filter(|name| ObservationColumn::named(name).is_none())
        .map(str::to_owned)
        .collect()
}

/// Reads observations from the batches of an Arrow table called `source` in messages, with
/// the core's rules; with a scorecard, checks them against it too.
///
/// Large tables are read in parts, one per core, each by its own builder that first counts the
/// rows before its part (so that every problem still names its row in the whole table); the
/// parts are then appended in order. Observations that do not fit the scorecard are read
/// again in one part, so that every message is worded and located exactly as one reader's.
pub(crate) fn observations(
    source: &str,
    schema: &Schema,
    batches: &[RecordBatch],
    scorecard: Option<&Scorecard>,
) -> Result<Observations, Error> {
    let index = pandas_index(schema);
    let kept: Vec<usize> = (0..schema.fields().len()).filter(|&at| !index.contains(schema.field(at).name())).collect();
    let fields: Vec<&arrow_schema::Field> = kept.iter().map(|&at| schema.field(at)).collect();
    let names: Vec<&str> = fields.iter().map(|field| field.name().as_str()).collect();
    let mut header = ObservationBuilder::new(source, &names);
    let mut readable_columns = header.header_ok();
    for (position, field) in fields.iter().enumerate() {
        if !readable(field.data_type()) {
            readable_columns = false;
            let location =
                Location { column: Some(position + 1), field: Some(field.name().clone()), ..Location::file(source) };
            let message = format!(
                "column '{}' is of type {}: expected text, integers, floats or decimals",
                field.name(),
                field.data_type()
            );
            header.report(location, message);
        }
    }
    if !readable_columns {
        return header.finish(None);
    }
    let rows: usize = batches.iter().map(RecordBatch::num_rows).sum();
    let whole = |scorecard| read_part(source, &names, &kept, batches, 0..rows, scorecard);
    let threads = std::thread::available_parallelism().map_or(1, usize::from).min(rows / PART_ROWS).max(1);
    if threads == 1 {
        return whole(scorecard);
    }
    let parts: Vec<Result<Observations, Error>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|part| {
                let range = rows * part / threads..rows * (part + 1) / threads;
                let (names, kept) = (&names, &kept);
                scope.spawn(move || read_part(source, names, kept, batches, range, None))
            })
            .collect();
        handles.into_iter().map(|handle| handle.join().unwrap_or_else(|_| Err(panicked(source)))).collect()
    });
    let mut observations = Observations::new();
    let mut diagnostics = Vec::new();
    for part in parts {
        match part {
            Ok(part) => observations.append(part),
            Err(error) => diagnostics.extend(error.into_diagnostics()),
        }
    }
    let observations = Error::check(styrkort::ErrorKind::Observations, observations, diagnostics)?;
    match scorecard {
        Some(scorecard) if !scorecard.check_observations(&observations).is_empty() => whole(Some(scorecard)),
        _ => Ok(observations),
    }
}

/// Rows below which a table is read in one part.
const PART_ROWS: usize = 200_000;

/// The error of a part whose thread panicked (the core never panics on input, so this is a bug).
fn panicked(source: &str) -> Error {
    Error::at(styrkort::ErrorKind::Observations, Location::file(source), "reading the rows failed unexpectedly")
}

/// Reads the rows `range` of the batches (counted across batches) with one builder.
fn read_part(
    source: &str,
    names: &[&str],
    kept: &[usize],
    batches: &[RecordBatch],
    range: std::ops::Range<usize>,
    scorecard: Option<&Scorecard>,
) -> Result<Observations, Error> {
    let mut builder = ObservationBuilder::new(source, names);
    for _ in 0..range.start {
        builder.skip_row();
    }
    let mut first = 0;
    for batch in batches {
        let (start, end) = (range.start.max(first), range.end.min(first + batch.num_rows()));
        if start < end {
            let part = batch.slice(start - first, end - start);
            let columns: Vec<Column<'_>> = kept.iter().map(|&at| Column::new(part.column(at).as_ref())).collect();
            for row in 0..part.num_rows() {
                builder.push(None, |position| columns.get(position).map_or(Field::Empty, |column| column.field(row)));
            }
        }
        first += batch.num_rows();
    }
    builder.finish(scorecard)
}
