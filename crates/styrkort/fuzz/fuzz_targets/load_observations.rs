//! The observation loaders never panic: any bytes, read as CSV and as JSON, with and without a
//! scorecard to check against, give observations or located diagnostics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use styrkort::io::{ObservationFormat, read_observations};
use styrkort::model::Scorecard;

fn plan() -> &'static Scorecard {
    static PLAN: OnceLock<Scorecard> = OnceLock::new();
    PLAN.get_or_init(|| styrkort::example::Example::norrbotten_2020().expect("the example loads").scorecard)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for format in [ObservationFormat::Csv, ObservationFormat::Json] {
        for scorecard in [None, Some(plan())] {
            if let Err(error) = read_observations("fuzz", text, format, scorecard) {
                assert!(!error.diagnostics().is_empty());
            }
        }
    }
});
