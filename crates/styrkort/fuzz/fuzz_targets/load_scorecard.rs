//! The scorecard loaders never panic: any bytes, read as TOML and as JSON, give a scorecard or
//! located diagnostics; a scorecard that loads writes and reads back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use styrkort::io::{Format, read_scorecard};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for format in [Format::Toml, Format::Json] {
        match read_scorecard("fuzz", text, format) {
            Ok(scorecard) => {
                let toml = scorecard.to_toml_string().expect("a loaded scorecard writes");
                assert_eq!(read_scorecard("again", &toml, Format::Toml).as_ref(), Ok(&scorecard), "{toml}");
            }
            Err(error) => assert!(!error.diagnostics().is_empty()),
        }
    }
});
