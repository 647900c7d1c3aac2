//! `styrkort_error`: what a failed call hands back through its optional last argument. It
//! holds the status, every problem as `file:line:column: message` lines (the core's
//! [`styrkort::Error`] as it prints) and where the first problem is.

use crate::boundary::{guarded, optional};
use crate::status::*;
use crate::string::to_c_string;
use std::ffi::{CString, c_char};
use styrkort::{Diagnostic, Location};

/// The details of a failure: the status, a message and where the first problem is.
///
/// Made by a failing function when its last argument is not NULL; the caller owns it and frees
/// it with `styrkort_error_free`. Read-only: it may be read from several threads at once.
pub struct styrkort_error {
    status: styrkort_status,
    message: CString,
    file: CString,
    line: usize,
    column: usize,
}

impl styrkort_error {
    /// An error of a status with the problems found, in order; the first one's location is the
    /// error's.
    pub(crate) fn new(status: styrkort_status, diagnostics: &[Diagnostic]) -> styrkort_error {
        let message = diagnostics.iter().map(Diagnostic::to_string).collect::<Vec<_>>().join("\n");
        let location = diagnostics.first().map(|d| d.location.clone()).unwrap_or_default();
        styrkort_error {
            status,
            message: to_c_string(message),
            file: to_c_string(location.file),
            line: location.line.unwrap_or(0),
            column: location.column.unwrap_or(0),
        }
    }

    /// An error of the C ABI's own with one message and no location.
    pub(crate) fn message(status: styrkort_status, message: impl Into<String>) -> styrkort_error {
        styrkort_error::new(status, &[Diagnostic::new(Location::default(), message)])
    }

    /// A NULL where a pointer was required, naming the parameter.
    pub(crate) fn null_argument(parameter: &str) -> styrkort_error {
        styrkort_error::message(STYRKORT_STATUS_NULL_ARGUMENT, format!("`{parameter}` is NULL: expected a pointer"))
    }

    /// Bytes that are not UTF-8, located at the first bad byte in the text called `source`.
    pub(crate) fn invalid_utf8(source: &str, bytes: &[u8], error: std::str::Utf8Error) -> styrkort_error {
        let at = error.valid_up_to();
        let before = String::from_utf8_lossy(bytes.get(..at).unwrap_or_default());
        let line = before.matches('\n').count().saturating_add(1);
        let column = before.rsplit('\n').next().map_or(0, |last| last.chars().count()).saturating_add(1);
        let location = Location::file(source).at(line, Some(column)).spanning(at..at);
        let problem = Diagnostic::new(location, format!("not UTF-8 from byte {at}: expected text encoded as UTF-8"));
        styrkort_error::new(STYRKORT_STATUS_INVALID_UTF8, &[problem])
    }

    /// A panic caught at the boundary, with its message when it has one.
    pub(crate) fn panic(payload: &(dyn std::any::Any + Send)) -> styrkort_error {
        let what = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("no message");
        styrkort_error::message(STYRKORT_STATUS_PANIC, format!("styrkort panicked (a bug of styrkort): {what}"))
    }

    /// The status the failing function returned.
    pub(crate) fn status(&self) -> styrkort_status {
        self.status
    }
}

impl From<styrkort::Error> for styrkort_error {
    /// The core's error kind is the status (`ErrorKind::code`); every problem is kept.
    fn from(error: styrkort::Error) -> styrkort_error {
        styrkort_error::new(error.code(), error.diagnostics())
    }
}

/// The message of an error: every problem, one per line, as `file:line:column: message`
/// (the parts of the location that are known), in the order of the input.
///
/// Returns a NUL-terminated UTF-8 string owned by the error: do not free it; it is valid
/// until `styrkort_error_free(error)`. Returns NULL when `error` is NULL.
///
/// # Safety
///
/// `error` is NULL or an error made by styrkort and not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn styrkort_error_message(error: *const styrkort_error) -> *const c_char {
    guarded(std::ptr::null(), || {
        // SAFETY: the caller passes NULL or a live error.
        unsafe { optional(error) }.map_or(std::ptr::null(), |error| error.message.as_ptr())
    })
}

/// The status of the call that made the error (never `STYRKORT_STATUS_OK`);
/// `STYRKORT_STATUS_NULL_ARGUMENT` when `error` is NULL.
///
/// # Safety
///
/// `error` is NULL or an error made by styrkort and not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn styrkort_error_code(error: *const styrkort_error) -> styrkort_status {
    guarded(STYRKORT_STATUS_PANIC, || {
        // SAFETY: the caller passes NULL or a live error.
        unsafe { optional(error) }.map_or(STYRKORT_STATUS_NULL_ARGUMENT, styrkort_error::status)
    })
}

/// Where the first problem of an error is: the file (the name given with the text, or the
/// parameter's name for a period, a unit or a name; empty when the problem is not in a text),
/// the line and the column, both from 1, or 0 when unknown. For CSV the line is the row's line
/// and the column is the column's position in the header.
///
/// Writes `*file_out` (a NUL-terminated string owned by the error, valid until
/// `styrkort_error_free(error)`; do not free it), `*line_out` and `*column_out`, and returns
/// `STYRKORT_STATUS_OK`; returns `STYRKORT_STATUS_NULL_ARGUMENT` without writing anything when
/// any argument is NULL.
///
/// # Safety
///
/// `error` is NULL or an error made by styrkort and not yet freed; each out-pointer is NULL or
/// valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn styrkort_error_location(
    error: *const styrkort_error,
    file_out: *mut *const c_char,
    line_out: *mut usize,
    column_out: *mut usize,
) -> styrkort_status {
    guarded(STYRKORT_STATUS_PANIC, || {
        let (Some(error), false, false, false) = (
            // SAFETY: the caller passes NULL or a live error.
            unsafe { optional(error) },
            file_out.is_null(),
            line_out.is_null(),
            column_out.is_null(),
        ) else {
            return STYRKORT_STATUS_NULL_ARGUMENT;
        };
        // SAFETY: none of the out-pointers is NULL, and the caller passes pointers valid for writes.
        unsafe {
            file_out.write(error.file.as_ptr());
            line_out.write(error.line);
            column_out.write(error.column);
        }
        STYRKORT_STATUS_OK
    })
}

/// Frees an error. NULL is a no-op. Call it at most once per error; the strings it handed out
/// are invalid afterwards.
///
/// # Safety
///
/// `error` is NULL or an error made by styrkort and not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn styrkort_error_free(error: *mut styrkort_error) {
    // SAFETY: the caller passes NULL or a live error, which is freed once.
    guarded((), || unsafe { crate::boundary::free(error) })
}
