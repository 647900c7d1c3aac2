//! `styrkort_scorecard`: a plan (perspectives, goals, success factors, measures and their
//! targets) read from TOML or JSON text.

use crate::boundary::{free, guarded, read_document};
use crate::error::styrkort_error;
use crate::status::styrkort_status;
use std::ffi::c_char;
use std::sync::Arc;
use styrkort::Scorecard;
use styrkort::io::{Format, read_scorecard};

/// A scorecard: one plan, validated.
///
/// Made by `styrkort_scorecard_from_toml` or `styrkort_scorecard_from_json`, freed by
/// `styrkort_scorecard_free`. Never changed after it is made: it may be read from several
/// threads at once. A report made from it keeps what it needs, so the scorecard may be freed
/// before the report.
pub struct styrkort_scorecard {
    pub(crate) scorecard: Arc<Scorecard>,
}

/// Reads a scorecard from TOML text (`schema = 1`, as `examples/minimal.toml`).
///
/// `text` points to `text_len` bytes of UTF-8, not necessarily NUL-terminated; it is read
/// during the call only. `name` (NUL-terminated, or NULL for `<input>`) is the file name used
/// in messages. On success writes a new scorecard to `*scorecard_out`, which the caller owns
/// and frees with `styrkort_scorecard_free`, and returns `STYRKORT_STATUS_OK`. On failure
/// leaves `*scorecard_out` alone and returns `STYRKORT_STATUS_SCORECARD` (every problem of
/// the text is in the error, each with its line and column), `STYRKORT_STATUS_INVALID_UTF8`
/// or `STYRKORT_STATUS_NULL_ARGUMENT` (`text` or `scorecard_out` NULL); if `error_out` is not
/// NULL, `*error_out` receives an error to free with `styrkort_error_free`.
///
/// # Safety
///
/// `text` is NULL or valid for reads of `text_len` bytes; `name` is NULL or a NUL-terminated
/// string; `scorecard_out` and `error_out` are NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn styrkort_scorecard_from_toml(
    text: *const c_char,
    text_len: usize,
    name: *const c_char,
    scorecard_out: *mut *mut styrkort_scorecard,
    error_out: *mut *mut styrkort_error,
) -> styrkort_status {
    // SAFETY: the arguments are passed on as the caller promised them.
    unsafe { from_text(Format::Toml, text, text_len, name, scorecard_out, error_out) }
}

/// Reads a scorecard from JSON text, the same schema as TOML. Arguments, ownership and
/// statuses as `styrkort_scorecard_from_toml`.
///
/// # Safety
///
/// As `styrkort_scorecard_from_toml`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn styrkort_scorecard_from_json(
    text: *const c_char,
    text_len: usize,
    name: *const c_char,
    scorecard_out: *mut *mut styrkort_scorecard,
    error_out: *mut *mut styrkort_error,
) -> styrkort_status {
    // SAFETY: the arguments are passed on as the caller promised them.
    unsafe { from_text(Format::Json, text, text_len, name, scorecard_out, error_out) }
}

/// # Safety
///
/// As `styrkort_scorecard_from_toml`.
unsafe fn from_text(
    format: Format,
    text: *const c_char,
    text_len: usize,
    name: *const c_char,
    scorecard_out: *mut *mut styrkort_scorecard,
    error_out: *mut *mut styrkort_error,
) -> styrkort_status {
    let read = |name: &str, text: &str| {
        read_scorecard(name, text, format).map(|scorecard| styrkort_scorecard { scorecard: Arc::new(scorecard) })
    };
    // SAFETY: the arguments are passed on as the caller promised them.
    unsafe { read_document(text, text_len, name, scorecard_out, "scorecard_out", error_out, read) }
}

/// Frees a scorecard. NULL is a no-op. Call it at most once per scorecard; reports made from
/// it stay valid.
///
/// # Safety
///
/// `scorecard` is NULL or a scorecard made by styrkort and not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn styrkort_scorecard_free(scorecard: *mut styrkort_scorecard) {
    // SAFETY: NULL or a live scorecard, freed once.
    guarded((), || unsafe { free(scorecard) })
}
