//! The scorecard loaders never panic: any bytes, decoded (UTF-8, a byte-order mark's UTF-16)
//! and read as TOML and as JSON, give a scorecard or located diagnostics; a scorecard that
//! loads writes and reads back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use styrkort::io::{FileKind, Format, read_scorecard, read_scorecard_bytes};

fuzz_target!(|data: &[u8]| {
    for format in [Format::Toml, Format::Json] {
        match read_scorecard_bytes("fuzz", data, format) {
            Ok(scorecard) => {
                let toml = scorecard.to_toml_string().expect("a loaded scorecard writes");
                assert_eq!(read_scorecard("again", &toml, Format::Toml).as_ref(), Ok(&scorecard), "{toml}");
            }
            Err(error) => {
                assert!(!error.diagnostics().is_empty());
                assert!(error.diagnostics().iter().all(|d| d.location.line != Some(0) && d.location.column != Some(0)));
            }
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = FileKind::of_text(text);
    }
});
