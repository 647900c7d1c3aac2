//! The boundary every exported function crosses: a panic is caught and becomes
//! `STYRKORT_STATUS_PANIC` (or a harmless default), pointer arguments are checked for NULL and
//! texts for UTF-8, handles are boxed and unboxed, and results reach their out-parameters only
//! when the call succeeds.

use crate::error::styrkort_error;
use crate::status::{STYRKORT_STATUS_OK, styrkort_status};
use std::ffi::{CStr, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::ptr::NonNull;

/// Runs the body of a function that cannot fail, returning `on_panic` if it panics.
pub(crate) fn guarded<T>(on_panic: T, body: impl FnOnce() -> T) -> T {
    // Unwind safety: after a panic nothing the body touched is used again; the caller only
    // gets the default.
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(on_panic)
}

/// Runs the body of a fallible function: its error, or a panic, becomes the returned status
/// and, when `error_out` is not NULL, an error object written to `*error_out`. Success returns
/// `STYRKORT_STATUS_OK` and leaves `*error_out` alone.
///
/// # Safety
///
/// `error_out` is NULL or valid for a write.
pub(crate) unsafe fn fallible(
    error_out: *mut *mut styrkort_error,
    body: impl FnOnce() -> Result<(), styrkort_error>,
) -> styrkort_status {
    let error = match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => return STYRKORT_STATUS_OK,
        Ok(Err(error)) => error,
        Err(payload) => styrkort_error::panic(&*payload),
    };
    let status = error.status();
    if !error_out.is_null() {
        // SAFETY: not NULL, and the caller passes a pointer valid for a write.
        unsafe { error_out.write(into_handle(error)) };
    }
    status
}

/// A handle or struct argument that must not be NULL.
///
/// # Safety
///
/// `pointer` is NULL or points to a live `T` that is not written while the reference lives.
pub(crate) unsafe fn handle<'a, T>(pointer: *const T, parameter: &str) -> Result<&'a T, styrkort_error> {
    // SAFETY: as the caller promises.
    unsafe { optional(pointer) }.ok_or_else(|| styrkort_error::null_argument(parameter))
}

/// An argument that may be NULL (none).
///
/// # Safety
///
/// As [`handle`].
pub(crate) unsafe fn optional<'a, T>(pointer: *const T) -> Option<&'a T> {
    // SAFETY: NULL gives none; otherwise the caller promises a live `T`.
    unsafe { pointer.as_ref() }
}

/// A text given as a pointer and a length in bytes (not NUL-terminated), called `source` in
/// messages. The pointer must not be NULL, even for an empty text.
///
/// # Safety
///
/// `pointer` is NULL or valid for reads of `length` bytes that are not written while the text
/// lives.
pub(crate) unsafe fn text<'a>(
    pointer: *const c_char,
    length: usize,
    parameter: &str,
    source: &str,
) -> Result<&'a str, styrkort_error> {
    if pointer.is_null() {
        return Err(styrkort_error::null_argument(parameter));
    }
    // SAFETY: not NULL, and the caller promises `length` readable bytes.
    let bytes = unsafe { std::slice::from_raw_parts(pointer.cast::<u8>(), length) };
    std::str::from_utf8(bytes).map_err(|error| styrkort_error::invalid_utf8(source, bytes, error))
}

/// A NUL-terminated UTF-8 string that must not be NULL; its parameter's name is its name in
/// messages.
///
/// # Safety
///
/// `pointer` is NULL or points to a NUL-terminated string that is not written while it lives.
pub(crate) unsafe fn string<'a>(pointer: *const c_char, parameter: &str) -> Result<&'a str, styrkort_error> {
    // SAFETY: as the caller promises.
    unsafe { optional_string(pointer, parameter) }?.ok_or_else(|| styrkort_error::null_argument(parameter))
}

/// A NUL-terminated UTF-8 string that may be NULL (none).
///
/// # Safety
///
/// As [`string`].
pub(crate) unsafe fn optional_string<'a>(
    pointer: *const c_char,
    parameter: &str,
) -> Result<Option<&'a str>, styrkort_error> {
    if pointer.is_null() {
        return Ok(None);
    }
    // SAFETY: not NULL, and the caller promises a NUL-terminated string.
    let bytes = unsafe { CStr::from_ptr(pointer) }.to_bytes();
    std::str::from_utf8(bytes).map(Some).map_err(|error| styrkort_error::invalid_utf8(parameter, bytes, error))
}

/// The name a text goes by in messages: the one given, or `<input>` for NULL.
///
/// # Safety
///
/// As [`string`].
pub(crate) unsafe fn source_name<'a>(name: *const c_char) -> Result<&'a str, styrkort_error> {
    // SAFETY: as the caller promises.
    Ok(unsafe { optional_string(name, "name") }?.unwrap_or("<input>"))
}

/// The body every `_from_*` function shares: the text (pointer and length) and its name
/// checked, the document read by `read`, and the new handle written to `*handle_out`.
///
/// # Safety
///
/// `text` is NULL or valid for reads of `text_len` bytes; `name` is NULL or a NUL-terminated
/// string; `handle_out` and `error_out` are NULL or valid for a write.
pub(crate) unsafe fn read_document<H>(
    text: *const c_char,
    text_len: usize,
    name: *const c_char,
    handle_out: *mut *mut H,
    out_parameter: &str,
    error_out: *mut *mut styrkort_error,
    read: impl FnOnce(&str, &str) -> Result<H, styrkort::Error>,
) -> styrkort_status {
    let body = || {
        // SAFETY: as the caller promises, for each argument.
        let (name, handle_out) = unsafe { (source_name(name)?, out(handle_out, out_parameter)?) };
        // SAFETY: as the caller promises.
        let text = unsafe { self::text(text, text_len, "text", name) }?;
        handle_out.write(into_handle(read(name, text)?));
        Ok(())
    };
    // SAFETY: as the caller promises.
    unsafe { fallible(error_out, body) }
}

/// An out-parameter, checked for NULL before any work is done and written only on success.
pub(crate) struct Out<T>(NonNull<T>);

/// Checks an out-parameter.
///
/// # Safety
///
/// `pointer` is NULL or valid for a write of a `T` until the call returns.
pub(crate) unsafe fn out<T>(pointer: *mut T, parameter: &str) -> Result<Out<T>, styrkort_error> {
    NonNull::new(pointer).map(Out).ok_or_else(|| styrkort_error::null_argument(parameter))
}

impl<T> Out<T> {
    /// Writes the result (without reading or dropping what the memory held before).
    pub(crate) fn write(self, value: T) {
        // SAFETY: `out`'s caller promised the pointer valid for a write during the call.
        unsafe { self.0.as_ptr().write(value) }
    }
}

/// Hands a value to C as an owned handle.
pub(crate) fn into_handle<T>(value: T) -> *mut T {
    Box::into_raw(Box::new(value))
}

/// Frees a handle made by [`into_handle`]; NULL is a no-op.
///
/// # Safety
///
/// `pointer` is NULL or a handle of `T` made by [`into_handle`] and not yet freed.
pub(crate) unsafe fn free<T>(pointer: *mut T) {
    if !pointer.is_null() {
        // SAFETY: a live handle made by `Box::into_raw`, freed once.
        drop(unsafe { Box::from_raw(pointer) });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::*;

    #[test]
    fn a_panic_becomes_a_status_and_an_error() {
        let mut error: *mut styrkort_error = std::ptr::null_mut();
        // SAFETY: a pointer to a local.
        let status = unsafe { fallible(&mut error, || panic!("on purpose")) };
        assert_eq!(status, STYRKORT_STATUS_PANIC);
        assert!(!error.is_null());
        // SAFETY: the error just made.
        let message = unsafe { CStr::from_ptr(crate::styrkort_error_message(error)) };
        assert_eq!(message.to_str(), Ok("styrkort panicked (a bug of styrkort): on purpose"));
        // SAFETY: freed once.
        unsafe { crate::styrkort_error_free(error) };
        assert_eq!(guarded(7, || panic!("again")), 7);
    }

    #[test]
    fn success_leaves_the_error_alone_and_no_error_out_is_fine() {
        let mut error: *mut styrkort_error = NonNull::dangling().as_ptr();
        // SAFETY: a pointer to a local.
        assert_eq!(unsafe { fallible(&mut error, || Ok(())) }, STYRKORT_STATUS_OK);
        assert_eq!(error, NonNull::dangling().as_ptr());
        let failing = || Err(styrkort_error::null_argument("x"));
        // SAFETY: NULL is allowed.
        assert_eq!(unsafe { fallible(std::ptr::null_mut(), failing) }, STYRKORT_STATUS_NULL_ARGUMENT);
    }

    #[test]
    fn texts_are_checked_for_null_and_utf8_with_the_place_of_the_bad_byte() {
        let bytes = b"schema = 1\nname = \"R\xe4ttvik\"\n";
        // SAFETY: the bytes of a local.
        let error = unsafe { text(bytes.as_ptr().cast(), bytes.len(), "text", "plan.toml") }.expect_err("not UTF-8");
        assert_eq!(error.status(), STYRKORT_STATUS_INVALID_UTF8);
        let expected = "plan.toml:2:10: not UTF-8 from byte 20: expected text encoded as UTF-8";
        // SAFETY: the error is alive.
        let message = unsafe { CStr::from_ptr(crate::styrkort_error_message(&error)) };
        assert_eq!(message.to_str(), Ok(expected));
        // SAFETY: NULL is checked.
        let null = unsafe { text(std::ptr::null(), 0, "text", "plan.toml") }.expect_err("NULL");
        assert_eq!(null.status(), STYRKORT_STATUS_NULL_ARGUMENT);
        // SAFETY: an empty text at a valid pointer.
        assert_eq!(unsafe { text(bytes.as_ptr().cast(), 0, "text", "x") }.ok(), Some(""));
        // SAFETY: a NUL-terminated literal.
        assert_eq!(unsafe { optional_string(c"2020-DÅ04".as_ptr(), "period") }.ok(), Some(Some("2020-DÅ04")));
        // SAFETY: NULL is none.
        assert_eq!(unsafe { optional_string(std::ptr::null(), "unit") }.ok(), Some(None));
    }
}
