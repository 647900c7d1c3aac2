//! Fuzzes the target language: strict and lenient parsing never panic, the canonical text of a
//! strictly parsed target parses back to it, lenient parsing is stable on its own output, and
//! the ParsedTarget JSON object reads back to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use styrkort::target::{Fallback, ParsedTarget, Target};

fuzz_target!(|text: &str| {
    if let Ok(target) = Target::parse(text) {
        let canonical = target.to_string();
        assert_eq!(Target::parse(&canonical).as_ref(), Ok(&target), "{text:?} → {canonical:?}");
    }
    for fallback in [Fallback::Milestone, Fallback::Unparsed] {
        let parsed = ParsedTarget::lenient(text, fallback);
        let again = Target::parse_lenient(&parsed.canonical, fallback);
        assert_eq!(again, parsed.target, "{text:?}");
        let json = serde_json::to_string(&parsed).expect("serialises");
        let back: ParsedTarget = serde_json::from_str(&json).expect("reads back");
        assert_eq!(back, parsed, "{json}");
    }
});
