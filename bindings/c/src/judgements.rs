//! `styrkort_judgements`: a judgement file read from TOML or JSON text: the recorded
//! judgements ("samlad bedömning") of goals, success factors and single measures, and the
//! region's analysis texts beside them.

use crate::boundary::{free, guarded, optional, read_document};
use crate::error::styrkort_error;
use crate::scorecard::styrkort_scorecard;
use crate::status::styrkort_status;
use std::ffi::c_char;
use styrkort::Judgement;
use styrkort::io::{Format, read_judgement_file};
use styrkort::model::Analysis;

/// A judgement file: per goal, success factor or measure and period a status, its motivation,
/// analysis and forecast; and the analysis texts ("analys") of perspectives, goals, success
/// factors and measures per period, which the rendered report shows in the region's order.
///
/// Made by `styrkort_judgements_from_toml` or `styrkort_judgements_from_json`, freed by
/// `styrkort_judgements_free`. Never changed after it is made: it may be read from several
/// threads at once, and freed as soon as the reports made from it are made.
pub struct styrkort_judgements {
    pub(crate) judgements: Vec<Judgement>,
    pub(crate) analyses: Vec<Analysis>,
}

/// Reads a judgement file from TOML text: `[[judgements]]` tables with `goal`, `period`,
/// `status`, `motivation` and optional `analysis`, `forecast`, `forecast_note` and (for a
/// verdict on one measure) `sex`; and `[[analyses]]` tables with `of`, `period` and `text`.
///
/// `text` points to `text_len` bytes of UTF-8, read during the call only; `name`
/// (NUL-terminated, or NULL for `<input>`) is the file name used in messages. With a
/// `scorecard` (may be NULL) each judgement must name one of its goals, success factors or
/// measures, and each analysis one of its perspectives, goals, success factors or measures. On
/// success writes new judgements to `*judgements_out`, owned by the caller and freed with
/// `styrkort_judgements_free`. On failure leaves it alone and returns
/// `STYRKORT_STATUS_JUDGEMENTS` (every problem with its line and column),
/// `STYRKORT_STATUS_INVALID_UTF8` or `STYRKORT_STATUS_NULL_ARGUMENT` (`text` or
/// `judgements_out` NULL), with an error in `*error_out` when `error_out` is not NULL.
///
/// # Safety
///
/// `text` is NULL or valid for reads of `text_len` bytes; `name` is NULL or a NUL-terminated
/// string; `scorecard` is NULL or a live scorecard; `judgements_out` and `error_out` are NULL
/// or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn styrkort_judgements_from_toml(
    text: *const c_char,
    text_len: usize,
    name: *const c_char,
    scorecard: *const styrkort_scorecard,
    judgements_out: *mut *mut styrkort_judgements,
    error_out: *mut *mut styrkort_error,
) -> styrkort_status {
    // SAFETY: the arguments are passed on as the caller promised them.
    unsafe { from_text(Format::Toml, text, text_len, name, scorecard, judgements_out, error_out) }
}

/// Reads a judgement file from JSON text, `{"judgements": [...], "analyses": [...]}`. Arguments, ownership and statuses
/// as `styrkort_judgements_from_toml`.
///
/// # Safety
///
/// As `styrkort_judgements_from_toml`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn styrkort_judgements_from_json(
    text: *const c_char,
    text_len: usize,
    name: *const c_char,
    scorecard: *const styrkort_scorecard,
    judgements_out: *mut *mut styrkort_judgements,
    error_out: *mut *mut styrkort_error,
) -> styrkort_status {
    // SAFETY: the arguments are passed on as the caller promised them.
    unsafe { from_text(Format::Json, text, text_len, name, scorecard, judgements_out, error_out) }
}

/// # Safety
///
/// As `styrkort_judgements_from_toml`.
unsafe fn from_text(
    format: Format,
    text: *const c_char,
    text_len: usize,
    name: *const c_char,
    scorecard: *const styrkort_scorecard,
    judgements_out: *mut *mut styrkort_judgements,
    error_out: *mut *mut styrkort_error,
) -> styrkort_status {
    // SAFETY: NULL or a live scorecard, as the caller promises.
    let scorecard = unsafe { optional(scorecard) }.map(|handle| &*handle.scorecard);
    let read = |name: &str, text: &str| {
        let (judgements, analyses) = read_judgement_file(name, text, format, scorecard)?;
        Ok(styrkort_judgements { judgements, analyses })
    };
    // SAFETY: the arguments are passed on as the caller promised them.
    unsafe { read_document(text, text_len, name, judgements_out, "judgements_out", error_out, read) }
}

/// Frees judgements. NULL is a no-op. Call it at most once per handle; reports made from them
/// stay valid.
///
/// # Safety
///
/// `judgements` is NULL or judgements made by styrkort and not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn styrkort_judgements_free(judgements: *mut styrkort_judgements) {
    // SAFETY: NULL or live judgements, freed once.
    guarded((), || unsafe { free(judgements) })
}
