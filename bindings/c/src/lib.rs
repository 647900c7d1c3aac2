//! # libstyrkort, the C ABI of styrkort
//!
//! A thin layer over the `styrkort` crate for reporting tools written in C: load a scorecard,
//! observations and judgements from text, assess a period, walk the rows and render the
//! goal-fulfilment report, through `include/styrkort.h` (generated from this crate by cbindgen)
//! and `libstyrkort.so` or `libstyrkort.a`.
//!
//! The layer holds no rule of the domain. It converts arguments (NULL checks, UTF-8), runs every
//! exported function inside a panic boundary, owns what it hands out and turns the core's
//! `styrkort::Error` into a status and an error object. The conventions every function follows
//! are written once, at the top of the header (see `cbindgen.toml`):
//!
//! - fallible functions return a `styrkort_status` (0 is success; the numbers never change)
//!   and write their results to out-parameters only on success; an optional last
//!   `styrkort_error **` receives an error object on failure;
//! - handles are opaque, made by `_from_*` or `styrkort_assess` and freed by their `_free`,
//!   which accepts NULL; strings handed out are freed with `styrkort_string_free`;
//! - no global or thread-local state: handles that are only read may be shared between threads.
#![allow(non_camel_case_types, reason = "the C names of the types, as the header spells them")]

mod assess;
mod assessment;
mod boundary;
mod error;
mod judgements;
mod observations;
mod report;
mod rows;
mod scorecard;
mod status;
mod string;
mod target;

pub use assess::styrkort_assess;
pub use assessment::{styrkort_assessment, styrkort_report_get};
pub use error::{
    styrkort_error, styrkort_error_code, styrkort_error_free, styrkort_error_location, styrkort_error_message,
};
pub use judgements::{
    styrkort_judgements, styrkort_judgements_free, styrkort_judgements_from_json, styrkort_judgements_from_toml,
};
pub use observations::{
    styrkort_observations, styrkort_observations_free, styrkort_observations_from_csv, styrkort_observations_from_json,
};
pub use report::{
    styrkort_report, styrkort_report_free, styrkort_report_len, styrkort_report_summary, styrkort_report_to_csv,
    styrkort_report_to_html, styrkort_report_to_json, styrkort_report_to_markdown, styrkort_report_with_options,
};
pub use scorecard::{
    styrkort_scorecard, styrkort_scorecard_free, styrkort_scorecard_from_json, styrkort_scorecard_from_toml,
};
pub use status::*;
pub use string::{styrkort_string_free, styrkort_version};
pub use target::styrkort_target_parse;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_handle_may_be_shared_between_threads() {
        fn shared<T: Send + Sync>() {}
        shared::<styrkort_scorecard>();
        shared::<styrkort_observations>();
        shared::<styrkort_judgements>();
        shared::<styrkort_report>();
        shared::<styrkort_error>();
    }
}
