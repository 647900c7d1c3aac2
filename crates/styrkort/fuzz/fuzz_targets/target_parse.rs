//! Fuzzes the target language: strict and lenient parsing never panic, the canonical text of a
//! strictly parsed target parses back to it, and lenient parsing is stable on its own output.
#![no_main]

use libfuzzer_sys::fuzz_target;
use styrkort::target::{Fallback, Target};

fuzz_target!(|text: &str| {
    if let Ok(target) = Target::parse(text) {
        let canonical = target.to_string();
        assert_eq!(Target::parse(&canonical).as_ref(), Ok(&target), "{text:?} → {canonical:?}");
    }
    for fallback in [Fallback::Milestone, Fallback::Unparsed] {
        let target = Target::parse_lenient(text, fallback);
        let again = Target::parse_lenient(&target.to_string(), fallback);
        assert_eq!(again, target, "{text:?}");
        let _ = serde_json::to_string(&target);
    }
});
