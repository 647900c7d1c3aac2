//! `styrkort_observations`: the outcomes reported per unit, measure, period and sex, read from
//! CSV or JSON text.

use crate::boundary::{free, guarded, optional, read_document};
use crate::error::styrkort_error;
use crate::scorecard::styrkort_scorecard;
use crate::status::styrkort_status;
use std::ffi::c_char;
use styrkort::io::{ObservationFormat, read_observations};
use styrkort::model::Observations;

/// Observations: values, numerators and denominators, milestone states or missing-data
/// reasons, one per unit × measure × period × sex.
///
/// Made by `styrkort_observations_from_csv` or `styrkort_observations_from_json`, freed by
/// `styrkort_observations_free`. Never changed after it is made: it may be read from several
/// threads at once, and freed as soon as the reports made from it are made.
pub struct styrkort_observations {
    pub(crate) observations: Observations,
}

/// Reads observations from CSV text: a header row naming the columns (`unit`, `measure`,
/// `period`, `sex`, `value`, `numerator`, `denominator`, `state`, `reference`, `missing`,
/// `note`; `,` or `;` between fields, decimal comma or point).
///
/// `text` points to `text_len` bytes of UTF-8, read during the call only; `name`
/// (NUL-terminated, or NULL for `<input>`) is the file name used in messages. With a
/// `scorecard` (may be NULL) the observations are checked against it too: known measures and
/// units, sexes the measure is split by, one value per unit, measure, period and sex. On success
/// writes new observations to `*observations_out`, owned by the caller and freed with
/// `styrkort_observations_free`. On failure leaves it alone and returns
/// `STYRKORT_STATUS_OBSERVATIONS` (every problem, each with the row's line and the column's
/// position in the header), `STYRKORT_STATUS_INVALID_UTF8` or `STYRKORT_STATUS_NULL_ARGUMENT`
/// (`text` or `observations_out` NULL), with an error in `*error_out` when `error_out` is not
/// NULL.
///
/// # Safety
///
/// `text` is NULL or valid for reads of `text_len` bytes; `name` is NULL or a NUL-terminated
/// string; `scorecard` is NULL or a live scorecard; `observations_out` and `error_out` are NULL
/// or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn styrkort_observations_from_csv(
    text: *const c_char,
    text_len: usize,
    name: *const c_char,
    scorecard: *const styrkort_scorecard,
    observations_out: *mut *mut styrkort_observations,
    error_out: *mut *mut styrkort_error,
) -> styrkort_status {
    // SAFETY: the arguments are passed on as the caller promised them.
    unsafe { from_text(ObservationFormat::Csv, text, text_len, name, scorecard, observations_out, error_out) }
}

/// Reads observations from JSON text: a list of records with the fields of the CSV columns, or
/// `{"observations": [...]}`. Arguments, ownership and statuses as
/// `styrkort_observations_from_csv`; problems are located by line and column of the JSON text.
///
/// # Safety
///
/// As `styrkort_observations_from_csv`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn styrkort_observations_from_json(
    text: *const c_char,
    text_len: usize,
    name: *const c_char,
    scorecard: *const styrkort_scorecard,
    observations_out: *mut *mut styrkort_observations,
    error_out: *mut *mut styrkort_error,
) -> styrkort_status {
    // SAFETY: the arguments are passed on as the caller promised them.
    unsafe { from_text(ObservationFormat::Json, text, text_len, name, scorecard, observations_out, error_out) }
}

/// # Safety
///
/// As `styrkort_observations_from_csv`.
unsafe fn from_text(
    format: ObservationFormat,
    text: *const c_char,
    text_len: usize,
    name: *const c_char,
    scorecard: *const styrkort_scorecard,
    observations_out: *mut *mut styrkort_observations,
    error_out: *mut *mut styrkort_error,
) -> styrkort_status {
    // SAFETY: NULL or a live scorecard, as the caller promises.
    let scorecard = unsafe { optional(scorecard) }.map(|handle| &*handle.scorecard);
    let read = |name: &str, text: &str| {
        read_observations(name, text, format, scorecard).map(|observations| styrkort_observations { observations })
    };
    // SAFETY: the arguments are passed on as the caller promised them.
    unsafe { read_document(text, text_len, name, observations_out, "observations_out", error_out, read) }
}

/// Frees observations. NULL is a no-op. Call it at most once per handle; reports made from
/// them stay valid.
///
/// # Safety
///
/// `observations` is NULL or observations made by styrkort and not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn styrkort_observations_free(observations: *mut styrkort_observations) {
    // SAFETY: NULL or live observations, freed once.
    guarded((), || unsafe { free(observations) })
}
