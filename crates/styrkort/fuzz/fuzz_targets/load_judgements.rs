//! The judgement loaders never panic: any bytes, decoded and read as TOML and as JSON, with and
//! without a scorecard, give judgements or located diagnostics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use styrkort::io::{Format, read_judgements_bytes};
use styrkort::model::Scorecard;

fn plan() -> &'static Scorecard {
    static PLAN: OnceLock<Scorecard> = OnceLock::new();
    PLAN.get_or_init(|| styrkort::example::Example::norrbotten_2020().expect("the example loads").scorecard)
}

fuzz_target!(|data: &[u8]| {
    for format in [Format::Toml, Format::Json] {
        for scorecard in [None, Some(plan())] {
            if let Err(error) = read_judgements_bytes("fuzz", data, format, scorecard) {
                assert!(!error.diagnostics().is_empty());
            }
        }
    }
});
