//! `styrkort_target_parse`: one target text read by the target language, handed out as the
//! core's `ParsedTarget` in JSON.

use crate::boundary::{fallible, out, text};
use crate::error::styrkort_error;
use crate::status::{STYRKORT_STATUS_WRITE, styrkort_status};
use crate::string::write_string;
use std::ffi::c_char;
use styrkort::target::ParsedTarget;

/// Reads a target text as a region writes it ("Minska med 15 %", "K 16,0 % M 17,2 %", "100 % i
/// dec") strictly: it must fit a form of the target language.
///
/// `text` points to `text_len` bytes of UTF-8, read during the call only. On success writes to
/// `*json_out` one JSON object, owned by the caller and freed with `styrkort_string_free`:
/// `input` (the text verbatim), `canonical` (the canonical Swedish text, which reads back to
/// the same target), `kind` (`level`, `direction`, `relative_change`, `per_sex`, `deadline`,
/// …), the typed fields of the form (decimals as strings) and `note` when the text has one,
/// such as `{"input":"Minska med 50 % jmf 2019","canonical":"Minska med 50 % jmf 2019",
/// "kind":"relative_change","direction":"decrease","value":"50","unit":"percent",
/// "base":"2019"}`. On failure leaves `*json_out` alone and returns
/// `STYRKORT_STATUS_TARGET_SYNTAX` (the message says where, as bytes of the text, and what was
/// expected), `STYRKORT_STATUS_INVALID_UTF8` or `STYRKORT_STATUS_NULL_ARGUMENT`, with an error
/// in `*error_out` when `error_out` is not NULL. Safe from any thread.
///
/// # Safety
///
/// `text` is NULL or valid for reads of `text_len` bytes; `json_out` and `error_out` are NULL
/// or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn styrkort_target_parse(
    text: *const c_char,
    text_len: usize,
    json_out: *mut *mut c_char,
    error_out: *mut *mut styrkort_error,
) -> styrkort_status {
    let body = || {
        // SAFETY: as the caller promises.
        let (target, json_out) = unsafe { (self::text(text, text_len, "text", "text")?, out(json_out, "json_out")?) };
        let parsed = ParsedTarget::parse(target)?;
        let json = serde_json::to_string(&parsed)
            .map_err(|error| styrkort_error::message(STYRKORT_STATUS_WRITE, format!("cannot write JSON: {error}")))?;
        write_string(json_out, json);
        Ok(())
    };
    // SAFETY: as the caller promises.
    unsafe { fallible(error_out, body) }
}
