//! The status every fallible function returns, and the version of the library.
//!
//! The numbers are written out here, once, and never change once released: 0 is success, 1 to
//! 99 are the core's error kinds (`styrkort::ErrorKind::code`), 100 and up are the C ABI's own.
//! A number that is retired stays reserved, as a comment.

/// The outcome of a fallible function: `STYRKORT_STATUS_OK` (0), or the kind of failure.
///
/// A `uint32_t` so that its size never depends on the compiler; compare it with the
/// `STYRKORT_STATUS_*` constants. New kinds of failure may be added with new numbers.
pub type styrkort_status = u32;

/// Success: the out-parameters hold the results.
pub const STYRKORT_STATUS_OK: styrkort_status = 0;
/// A target text that fits no form of the target language (strict parsing).
pub const STYRKORT_STATUS_TARGET_SYNTAX: styrkort_status = 1;
/// A scorecard (plan) that does not read or does not validate.
pub const STYRKORT_STATUS_SCORECARD: styrkort_status = 2;
/// Observations that do not read, or do not fit the scorecard.
pub const STYRKORT_STATUS_OBSERVATIONS: styrkort_status = 3;
/// Judgements that do not read, or do not fit the scorecard.
pub const STYRKORT_STATUS_JUDGEMENTS: styrkort_status = 4;
/// A rule set that does not read, or a setting out of its range.
pub const STYRKORT_STATUS_RULES: styrkort_status = 5;
/// A text that is not a period ("2021-DÅ04").
pub const STYRKORT_STATUS_PERIOD: styrkort_status = 6;
/// A unit id that the scorecard does not declare.
pub const STYRKORT_STATUS_UNKNOWN_UNIT: styrkort_status = 7;
/// A text that is not the code it should be (a sex, a status, a number).
pub const STYRKORT_STATUS_VALUE: styrkort_status = 8;
/// A file that cannot be read or written.
pub const STYRKORT_STATUS_IO: styrkort_status = 9;
/// A model or report that cannot be written in the format asked for.
pub const STYRKORT_STATUS_WRITE: styrkort_status = 10;
/// Report options (publication mode, columns, language, CSV dialect) that do not read.
pub const STYRKORT_STATUS_REPORT_OPTIONS: styrkort_status = 11;
/// A pointer argument that must not be NULL was NULL.
pub const STYRKORT_STATUS_NULL_ARGUMENT: styrkort_status = 100;
/// A text argument that is not valid UTF-8.
pub const STYRKORT_STATUS_INVALID_UTF8: styrkort_status = 101;
/// A bug of styrkort, never of the input: it panicked (the error's message has the panic's)
/// or found itself inconsistent. The out-parameters were left as they were.
pub const STYRKORT_STATUS_PANIC: styrkort_status = 102;
/// An index past the end (a row of a report).
pub const STYRKORT_STATUS_OUT_OF_RANGE: styrkort_status = 103;

/// The major version of the library this header belongs to (checked against Cargo.toml by a
/// test).
pub const STYRKORT_VERSION_MAJOR: u32 = 0;
/// The minor version of the library this header belongs to.
pub const STYRKORT_VERSION_MINOR: u32 = 1;
/// The patch version of the library this header belongs to.
pub const STYRKORT_VERSION_PATCH: u32 = 0;

#[cfg(test)]
mod tests {
    use super::*;
    use styrkort::ErrorKind;

    #[test]
    fn every_kind_of_the_core_is_its_status() {
        let named = |kind: ErrorKind| match kind.name() {
            "target_syntax" => STYRKORT_STATUS_TARGET_SYNTAX,
            "scorecard" => STYRKORT_STATUS_SCORECARD,
            "observations" => STYRKORT_STATUS_OBSERVATIONS,
            "judgements" => STYRKORT_STATUS_JUDGEMENTS,
            "rules" => STYRKORT_STATUS_RULES,
            "period" => STYRKORT_STATUS_PERIOD,
            "unknown_unit" => STYRKORT_STATUS_UNKNOWN_UNIT,
            "value" => STYRKORT_STATUS_VALUE,
            "io" => STYRKORT_STATUS_IO,
            "write" => STYRKORT_STATUS_WRITE,
            "report_options" => STYRKORT_STATUS_REPORT_OPTIONS,
            other => panic!("the core has a kind the C ABI does not name: {other}"),
        };
        for kind in ErrorKind::ALL {
            assert_eq!(named(kind), kind.code(), "{kind}");
        }
        let own = [
            STYRKORT_STATUS_NULL_ARGUMENT,
            STYRKORT_STATUS_INVALID_UTF8,
            STYRKORT_STATUS_PANIC,
            STYRKORT_STATUS_OUT_OF_RANGE,
        ];
        assert_eq!(own, [100, 101, 102, 103], "the C ABI's own numbers never change once released");
        assert!(ErrorKind::ALL.iter().all(|kind| kind.code() < 100 && kind.code() != STYRKORT_STATUS_OK));
    }

    #[test]
    fn the_version_constants_are_the_crates() {
        let version = [STYRKORT_VERSION_MAJOR, STYRKORT_VERSION_MINOR, STYRKORT_VERSION_PATCH].map(|n| n.to_string());
        assert_eq!(version.join("."), env!("CARGO_PKG_VERSION"));
    }
}
