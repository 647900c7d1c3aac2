//! Every target text of the Region Norrbotten reference documents (the 2020–2022 plan and the
//! April 2020 goal-fulfilment report), parsed in lenient mode as the loaders do: activities fall
//! back to `milestone`, other measures to `unparsed`. Each text's kind is fixed by the table
//! below, and none of them ends as `unparsed`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use styrkort::target::{Fallback, Target};

/// Text → kind for every distinct target text in the two files.
const EXPECTED: &[(&str, &str)] = &[
    // direction
    ("Öka", "direction"),
    ("Minska", "direction"),
    ("Minskande", "direction"),
    ("Positiv trend", "direction"),
    ("Bibehåller eller öka", "direction"),
    ("Minskad skillnad jmf 2018", "direction"),
    ("Öka jmf motsvarande kvartal året innan", "direction"),
    ("Öka jmf motsvarande kvarta året innan", "direction"), // "kvarta[l]" truncated in the plan
    // relative_change
    ("Minskning med 15 %", "relative_change"),
    ("Öka 5 %", "relative_change"),
    ("Öka 5 procent", "relative_change"),
    // level
    ("0", "level"),
    ("2", "level"),
    ("5", "level"),
    ("6", "level"),
    ("10", "level"),
    ("15", "level"),
    ("80", "level"),
    ("100", "level"),
    ("245", "level"),
    ("270", "level"),
    ("1,0", "level"),
    ("0,0", "level"),
    ("6%", "level"),
    ("7%", "level"),
    ("7 %", "level"),
    ("30 %", "level"),
    ("50 %", "level"),
    ("60 %", "level"),
    ("65 %", "level"),
    ("70 %", "level"),
    ("75 %", "level"),
    ("80 %", "level"),
    ("85 %", "level"),
    ("100 %", "level"),
    ("270 kr", "level"),
    ("350 kr", "level"),
    ("2018: 7,1 %", "level"),
    ("Ett forum/ år", "level"), // a frequency: 1 with unit "forum/år"
    // bound
    ("Under 6,5 %", "bound"),
    ("Under 5 %", "bound"),
    // per_period
    ("DÅ 04: 61 %", "per_period"),
    ("DÅ 04: 61 % DÅ 08: 62 % ÅR: 64 %", "per_period"),
    ("DÅ 04: 65 % DÅ 08: 66 % ÅR: 67 %", "per_period"),
    // per_sex
    ("K40", "per_sex"),
    ("M40", "per_sex"),
    ("K 16,0", "per_sex"),
    ("M 17,2", "per_sex"),
    ("K40, M40", "per_sex"),
    ("K75, M75", "per_sex"),
    ("K 16,0 M 17,2", "per_sex"),
    ("K15,0 M 15,5", "per_sex"),
    ("K: 65 % M:65 %", "per_sex"),
    ("K: 70 % M:70 %", "per_sex"),
    ("2018 K: 55 % M: 57 %", "per_sex"),
    // benchmark
    ("I nivå med riket", "benchmark"),
    // budget (an activity's target, but a budget form of the SPEC)
    ("Hålla budget", "budget"),
    // composite
    ("2020: 4,8 % Kort: 49 % Lång: 51 %", "composite"),
    ("2020: 4,8 %, Kort: 49 %, Lång: 51 %", "composite"),
    ("20 personer/ 12 kommuner", "composite"),
    ("Ökande samt minskade skillnader mellan kön", "composite"),
    ("Hjärt-sjukdom K och M 90 % Stroke K och M 90 %", "composite"),
    // milestone: activities' deliverables, and one styrmått stated as a state
    ("En samlad metodbank finns etablerad", "milestone"),
    ("Handlingsplan antagen", "milestone"),
    ("Kunskapshöjande aktiviteter för förtroendevalda och tjänstepersoner genomfört", "milestone"),
    ("Tidsplan för framtagning av regionplan", "milestone"),
    ("Program utvecklas", "milestone"),
    ("Genomför projektet SÖK", "milestone"),
    ("Kartläggning genomförd, rutiner och arbetssätt införda", "milestone"),
    ("Säkerställa att handlingsplaner är etablerade", "milestone"),
    ("Säkerställa progress i arbetet", "milestone"),
    ("Säkerställa progress", "milestone"),
    ("Programmen är skrivna", "milestone"),
    ("Jämförbar region identifierad", "milestone"),
    // none
    ("Följa utvecklingen", "none"),
    ("Efter behov", "none"),
    ("Ingångsvärde", "none"),
    ("-", "none"),
    ("", "none"),
];

fn reference(name: &str) -> serde_json::Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/reference").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("reference JSON")
}

/// (text, is the measure an activity) for every target cell of both documents.
fn every_target_text() -> Vec<(String, bool)> {
    let mut texts = Vec::new();
    let plan = reference("norrbotten-2020-plan.json");
    for measure in plan["measures"].as_array().expect("measures") {
        let activity = measure["is_activity"].as_bool().expect("is_activity");
        for year in ["2020", "2021", "2022"] {
            match &measure["targets"][year] {
                serde_json::Value::Null => {}
                target => texts.push((target["verbatim"].as_str().expect("verbatim").to_owned(), activity)),
            }
        }
    }
    let report = reference("norrbotten-2020-dao4-report.json");
    for perspective in report["perspectives"].as_array().expect("perspectives") {
        for goal in perspective["strategic_goals"].as_array().expect("goals") {
            for factor in goal["success_factors"].as_array().expect("factors") {
                for measure in factor["measures"].as_array().expect("measures") {
                    let activity = measure["kind"] == "aktivitet";
                    let text = measure["target_text"].as_str().unwrap_or("").to_owned();
                    texts.push((text, activity));
                }
            }
        }
    }
    texts
}

#[test]
fn every_reference_target_text_is_classified() {
    let expected: BTreeMap<&str, &str> = EXPECTED.iter().copied().collect();
    let texts = every_target_text();
    assert_eq!(texts.len(), 107 + 117, "58 + 49 plan cells and 117 report rows");
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (text, activity) in &texts {
        let fallback = if *activity { Fallback::Milestone } else { Fallback::Unparsed };
        let target = Target::parse_lenient(text, fallback);
        let want = expected.get(text.as_str()).unwrap_or_else(|| panic!("no expected kind for {text:?}"));
        assert_eq!(target.kind(), *want, "{text:?} parsed as {target:?}");
        // Lenient parsing never had to fall back: every text is in the strict language.
        assert_eq!(Target::parse(text).as_ref().map(Target::kind), Ok(*want), "{text:?} strictly");
        // The canonical text reads back to the same target.
        assert_eq!(Target::parse(&target.to_string()), Ok(target.clone()), "{text:?} → {target}");
        *counts.entry(target.kind()).or_default() += 1;
    }
    println!("kind counts over {} reference target texts: {counts:?}", texts.len());
    assert!(!counts.contains_key("unparsed"));
}

#[test]
fn the_table_has_no_stale_rows() {
    let texts = every_target_text();
    for (text, _) in EXPECTED {
        assert!(texts.iter().any(|(t, _)| t == text), "{text:?} is not in the reference files");
    }
}

#[test]
fn reference_forms_carry_their_numbers() {
    let json = |text: &str| serde_json::to_value(Target::parse(text).expect(text)).expect("json");
    assert_eq!(
        json("K 16,0 M 17,2"),
        serde_json::json!({"kind": "per_sex", "sexes": [
            {"sex": "K", "target": {"kind": "level", "value": "16.0", "unit": null}},
            {"sex": "M", "target": {"kind": "level", "value": "17.2", "unit": null}}]})
    );
    assert_eq!(json("Ett forum/ år"), serde_json::json!({"kind": "level", "value": "1", "unit": "forum/år"}));
    assert_eq!(
        json("Öka jmf motsvarande kvarta året innan"),
        serde_json::json!({"kind": "direction", "direction": "increase", "base": "same_quarter_year_before"})
    );
    assert_eq!(
        json("Ökande samt minskade skillnader mellan kön"),
        serde_json::json!({"kind": "composite", "components": [
            {"target": {"kind": "direction", "direction": "increase"}},
            {"target": {"kind": "direction", "direction": "narrow_sex_gap"}}]})
    );
}
