//! The rule-set loader never panics: any bytes, decoded and read as TOML and as JSON, give a
//! rule set whose every setting is in range, or located diagnostics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use styrkort::io::{Format, read_rules_bytes};

fuzz_target!(|data: &[u8]| {
    for format in [Format::Toml, Format::Json] {
        match read_rules_bytes("fuzz", data, format) {
            Ok(rules) => assert_eq!(rules.validate(), Ok(())),
            Err(error) => assert!(!error.diagnostics().is_empty()),
        }
    }
});
