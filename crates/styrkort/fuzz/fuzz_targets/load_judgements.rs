//! The judgement loaders never panic: any bytes, read as TOML and as JSON, give judgements or
//! located diagnostics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use styrkort::io::{Format, read_judgements};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for format in [Format::Toml, Format::Json] {
        if let Err(error) = read_judgements("fuzz", text, format, None) {
            assert!(!error.diagnostics().is_empty());
        }
    }
});
