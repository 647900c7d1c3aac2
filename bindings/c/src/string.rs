//! Strings handed to C: owned ones (documents, the summary, target JSON) that
//! `styrkort_string_free` takes back, and the library's version.

use crate::boundary::{Out, guarded};
use std::borrow::Cow;
use std::ffi::{CStr, CString, c_char};

/// A text as a C string. C strings end at the first NUL, so a NUL character inside the text
/// (which a TOML escape can put into a name) is written as U+FFFD instead of cutting it short.
pub(crate) fn to_c_string(text: String) -> CString {
    CString::new(text).unwrap_or_else(|error| {
        let text = String::from_utf8_lossy(&error.into_vec()).into_owned();
        CString::new(without_nul(&text).into_owned()).unwrap_or_default()
    })
}

/// A text with every NUL character written as U+FFFD (see [`to_c_string`]); borrowed when it
/// has none, as nearly every text.
pub(crate) fn without_nul(text: &str) -> Cow<'_, str> {
    match text.contains('\0') {
        true => Cow::Owned(text.replace('\0', "\u{fffd}")),
        false => Cow::Borrowed(text),
    }
}

/// Hands an owned string to C through an out-parameter; C frees it with
/// `styrkort_string_free`.
pub(crate) fn write_string(out: Out<*mut c_char>, text: String) {
    out.write(to_c_string(text).into_raw());
}

/// The library's version, "MAJOR.MINOR.PATCH", as the `STYRKORT_VERSION_*` macros of the
/// header it was built with say.
const VERSION: &CStr = match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
    Ok(version) => version,
    Err(_) => panic!("the package version has no NUL"),
};

/// The version of the library, "MAJOR.MINOR.PATCH": compare it with the header's
/// `STYRKORT_VERSION_MAJOR`, `_MINOR` and `_PATCH` to check that library and header belong
/// together.
///
/// Returns a static NUL-terminated string: do not free it. Safe from any thread.
#[unsafe(no_mangle)]
pub extern "C" fn styrkort_version() -> *const c_char {
    VERSION.as_ptr()
}

/// Frees a string that styrkort handed out as `char *` (a report document, the summary, a
/// target's JSON). NULL is a no-op. Never pass it to `free()`, and never pass this function a
/// string styrkort did not hand out, or one that is borrowed (`const char *`, such as the
/// strings of `styrkort_assessment` or `styrkort_error_message`).
///
/// # Safety
///
/// `string` is NULL or a `char *` handed out by styrkort and not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn styrkort_string_free(string: *mut c_char) {
    guarded((), || {
        if !string.is_null() {
            // SAFETY: a string made by `CString::into_raw`, freed once.
            drop(unsafe { CString::from_raw(string) });
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nul_inside_a_text_does_not_cut_it_short() {
        assert_eq!(to_c_string("Mål\0 2025".to_owned()).to_str(), Ok("Mål\u{fffd} 2025"));
        assert_eq!(to_c_string("Öka".to_owned()).as_bytes(), "Öka".as_bytes());
    }

    #[test]
    fn the_version_is_the_packages() {
        // SAFETY: a static string.
        let version = unsafe { CStr::from_ptr(styrkort_version()) };
        assert_eq!(version.to_str(), Ok(env!("CARGO_PKG_VERSION")));
    }
}
