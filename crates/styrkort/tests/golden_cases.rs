//! The golden cases of `tests/fixtures/cases/` (shared with the C and Python suites): each
//! case's plan and observations, assessed for its period, give exactly the records of its
//! `expected.json`, in the public record shape every binding exposes. Regenerate with
//! `UPDATE_GOLDEN=1` and review the diff.

use serde_json::Value;
use std::path::{Path, PathBuf};
use styrkort::assess::{Assessments, RuleSet, UnitSelection};
use styrkort::io::{load_observations, load_scorecard};
use styrkort::model::Period;
use styrkort::report::Report;

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/cases");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("tests/fixtures/cases")
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| path.is_dir())
        .collect();
    cases.sort();
    cases
}

/// The records of a case as JSON: what every binding must reproduce, in the public record
/// shape (`Report::to_json`), unit by unit and sex by sex.
fn records(case: &Path) -> Value {
    #[derive(serde::Deserialize)]
    struct Case {
        period: Period,
    }
    let period = toml::from_str::<Case>(&std::fs::read_to_string(case.join("case.toml")).expect("case.toml"))
        .expect("a period")
        .period;
    let scorecard = load_scorecard(case.join("plan.toml")).unwrap_or_else(|e| panic!("{e}"));
    let observations =
        load_observations(case.join("observations.csv"), Some(&scorecard)).unwrap_or_else(|e| panic!("{e}"));
    let assessments =
        Assessments::new(scorecard, &observations, period, RuleSet::default(), &UnitSelection::All).expect("assesses");
    let json = Report::new(assessments, &[]).to_json().expect("the records as JSON");
    serde_json::from_str(&json).expect("valid JSON")
}

#[test]
fn every_case_gives_its_expected_rows() {
    let cases = cases();
    assert!(cases.len() >= 3, "the golden cases are present");
    for case in cases {
        let actual = records(&case);
        let path = case.join("expected.json");
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            let text = serde_json::to_string_pretty(&actual).expect("writes") + "\n";
            std::fs::write(&path, text).expect("writes expected.json");
        }
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_default()).unwrap_or(Value::Null);
        assert_eq!(actual, expected, "{}: regenerate with UPDATE_GOLDEN=1 and review the diff", case.display());
    }
}
