//! `ParsedTarget`, what the command line prints and the bindings hand out: the input verbatim,
//! the canonical text, the kind and the typed fields of the form, in one flat JSON object that
//! reads back to the same value.

use styrkort::target::{Fallback, ParsedTarget, Target};

#[test]
fn one_flat_object_in_the_order_input_canonical_kind_fields_note() {
    let parsed = ParsedTarget::parse("  minskning med 15 % (Halvering) ").expect("parses");
    assert_eq!(parsed.input, "  minskning med 15 % (Halvering) ", "the input is kept verbatim");
    assert_eq!(parsed.canonical, "Minska med 15 % (Halvering)");
    assert_eq!(parsed.kind(), "relative_change");
    assert_eq!(
        serde_json::to_string(&parsed).expect("json"),
        r#"{"input":"  minskning med 15 % (Halvering) ","canonical":"Minska med 15 % (Halvering)","kind":"relative_change","direction":"decrease","value":"15","unit":"percent","note":"Halvering"}"#
    );
}

#[test]
fn the_object_reads_back_to_the_same_value() {
    for text in [
        "K 16,0 % M 17,2 %",
        "-3,2% (2025) -1% (2026) 0,5 % (2027)",
        "Andelen nöjda invånare ska öka.",
        "Högre än riksgenomsnittet",
        "<10 % (2027)",
        "Somatisk vård, Öka Psykiatrisk vård, Minska",
        "Basvärde tas fram",
        "",
    ] {
        let parsed = ParsedTarget::parse(text).expect(text);
        let json = serde_json::to_string(&parsed).expect("json");
        let back: ParsedTarget = serde_json::from_str(&json).expect("reads back");
        assert_eq!(back, parsed, "{json}");
    }
}

#[test]
fn strict_and_lenient_constructors_agree_with_the_target_language() {
    let error = ParsedTarget::parse("5/3").expect_err("no fraction");
    assert_eq!(error.to_string(), Target::parse("5/3").expect_err("no fraction").to_string());
    let kept = ParsedTarget::lenient("5/3", Fallback::Unparsed);
    assert_eq!((kept.kind(), kept.canonical.as_str(), kept.input.as_str()), ("unparsed", "5/3", "5/3"));
    let activity = ParsedTarget::lenient("Samverkan kring barn och unga", Fallback::Milestone);
    assert_eq!(activity.kind(), "milestone");
    let target = Target::parse("Öka").expect("parses");
    assert_eq!(ParsedTarget::new("öka", target.clone()), ParsedTarget::parse("öka").expect("parses"));
    assert_eq!(ParsedTarget::new("öka", target).target.to_string(), "Öka");
}
