//! The observation loaders never panic: any bytes, decoded in every encoding (detected, UTF-8,
//! UTF-16, Windows-1252) and read as CSV and as JSON, with and without a scorecard to check
//! against, give observations or located diagnostics; the lenient reader finds the same
//! problems and keeps at most the rows the strict one would.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use styrkort::io::{ObservationFormat, TextEncoding, decode, read_observations, read_observations_bytes, read_observations_lenient};
use styrkort::model::Scorecard;

fn plan() -> &'static Scorecard {
    static PLAN: OnceLock<Scorecard> = OnceLock::new();
    PLAN.get_or_init(|| styrkort::example::Example::norrbotten_2020().expect("the example loads").scorecard)
}

fuzz_target!(|data: &[u8]| {
    for encoding in TextEncoding::ALL {
        for format in [ObservationFormat::Csv, ObservationFormat::Json] {
            for scorecard in [None, Some(plan())] {
                if let Err(error) = read_observations_bytes("fuzz", data, format, encoding, scorecard) {
                    assert!(!error.diagnostics().is_empty());
                    assert!(error.diagnostics().iter().all(|d| d.location.line != Some(0)));
                }
            }
        }
    }
    let Ok(decoded) = decode("fuzz", data, TextEncoding::Auto) else { return };
    for format in [ObservationFormat::Csv, ObservationFormat::Json] {
        let strict = read_observations("fuzz", &decoded.text, format, Some(plan()));
        let (read, problems) = read_observations_lenient("fuzz", &decoded.text, format, Some(plan()));
        match strict {
            Ok(observations) => assert!(problems.is_empty() && observations == read),
            Err(error) => assert_eq!(error.diagnostics(), problems.as_slice()),
        }
    }
});
