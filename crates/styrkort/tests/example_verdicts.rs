//! The bundled April 2020 example, assessed, against the verdicts the reference notes give for
//! each table row (`verdict.met_by_reading` in `tests/fixtures/reference/norrbotten-2020-dao4-report.json`).
//!
//! The comparison is kept as a golden table, `tests/fixtures/norrbotten-2020-dao4-verdicts.md`:
//! one line per row with a verdict, our status, the rule that decided, and whether they agree.
//! Every disagreement has a hand-written explanation in [`WHY`]. Regenerate the table with
//! `UPDATE_GOLDEN=1 cargo test --test example_verdicts` and review the diff; it is never rewritten
//! silently.

use serde_json::Value;
use styrkort::assess::{Assessments, RuleSet, UnitSelection};
use styrkort::example::Example;
use styrkort::model::{Sex, Status};

const REPORT: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/reference/norrbotten-2020-dao4-report.json");
const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/norrbotten-2020-dao4-verdicts.md");

const CHANGE_ONLY: &str = "The text states only a change or a verdict in words, no value; the transcription records no observation for 2020-DÅ04, so rule: no_data.";
const ANNUAL_PLAN: &str = "The report's reading judges the year target from events in the period (cancelled, delayed, paused); no value or milestone state is observed, so no_data.";
const TOTAL_ONLY: &str =
    "The text gives only the total (a T row, assessed on its own); the K and M rows have no value, so no_data.";
const BAND: &str = "Rule 2's partial band: the value misses the target by less than 5 % of it (17,6 against at most 17,2; 273 against at most 270), so partially achieved; the region reads any miss as not achieved.";
const PTS_2019: &str = "The only figure, 78 %, is PTS's mapping for 2019 (an observation for 2019-ÅR), not an outcome for 2020-DÅ04: no_data.";
const ANNUAL_ONLY: &str = "Rule 1: the plan reports the measure only at ÅR, so it is not assessed in April; the report nevertheless comments on a value.";
const NO_BASE: &str = "A direction needs the value at the comparison base; the text gives a change (−1,8 procentenheter; 'minskat jämfört med ingångsvärdena') but no base value: no_comparison.";
const IN_PROGRESS: &str = "Rule 9: the transcription records the activity as pågår (in progress), which is partially achieved; the reading takes the progress reported as the deliverable itself.";
const NO_TARGET_ACTIVITY: &str = "An activity without a target but with a recorded state (pågår) is assessed by rule 9; the reference reads a row without a target as not applicable.";

/// Why our status differs from the reference's reading, per row id.
const WHY: &[(&str, &str)] = &[
    ("VER-1-F2-M3-K", CHANGE_ONLY),
    ("VER-1-F2-M3-M", CHANGE_ONLY),
    ("VER-2-F1-M3-K", CHANGE_ONLY),
    ("VER-2-F1-M3-M", CHANGE_ONLY),
    ("VER-2-F4-M1", CHANGE_ONLY),
    ("EKO-3-F1-M3", CHANGE_ONLY),
    ("EKO-3-F1-M5", CHANGE_ONLY),
    ("EKO-1-F1-M2", CHANGE_ONLY),
    ("EKO-1-F1-M4", CHANGE_ONLY),
    ("VER-4-F3-M1", ANNUAL_PLAN),
    ("VER-4-F3-M3", ANNUAL_PLAN),
    ("MAR-4-F1-M1", ANNUAL_PLAN),
    ("MAR-4-F1-M2", ANNUAL_PLAN),
    ("MED-4-F2-M2-K", TOTAL_ONLY),
    ("MED-4-F2-M2-M", TOTAL_ONLY),
    ("MED-4-F2-M3-K", TOTAL_ONLY),
    ("MED-4-F2-M3-M", TOTAL_ONLY),
    ("MED-4-F2-M4-K", TOTAL_ONLY),
    ("MED-4-F2-M4-M", TOTAL_ONLY),
    ("MED-4-F2-M5-K", TOTAL_ONLY),
    ("MED-4-F2-M5-M", TOTAL_ONLY),
    ("VER-2-F3-M2-K", TOTAL_ONLY),
    ("VER-2-F3-M2-M", TOTAL_ONLY),
    ("VER-3-F1-M2-K", TOTAL_ONLY),
    ("VER-3-F1-M2-M", TOTAL_ONLY),
    ("MAR-1-F1-M1-K", TOTAL_ONLY),
    ("MAR-1-F1-M1-M", TOTAL_ONLY),
    ("MED-4-F1-M3-M", BAND),
    ("VER-2-F1-M2", BAND),
    ("MED-1-F2-M1", PTS_2019),
    ("VER-2-F3-M1", ANNUAL_ONLY),
    ("MAR-1-F1-M2", ANNUAL_ONLY),
    ("MAR-1-F2-M1", NO_BASE),
    ("VER-2-F2-M3-K", NO_BASE),
    ("VER-2-F2-M3-M", NO_BASE),
    ("MED-1-F1-M1", IN_PROGRESS),
    ("EKO-4-F1-M2", IN_PROGRESS),
    ("VER-4-F1-M1", NO_TARGET_ACTIVITY),
    ("EKO-2-F1-M1", NO_TARGET_ACTIVITY),
];

fn reference_status(verdict: &str) -> Option<Status> {
    match verdict {
        "yes" => Some(Status::Achieved),
        "no" => Some(Status::NotAchieved),
        "partly" | "in_progress" => Some(Status::PartiallyAchieved),
        "not_applicable" => Some(Status::NotAssessed),
        _ => None, // "unclear": the reference does not say
    }
}

#[test]
fn our_statuses_against_the_reference_verdicts() {
    let report: Value = serde_json::from_str(
        &std::fs::read_to_string(REPORT).expect("tests/fixtures/reference holds the reference transcription"),
    )
    .expect("valid JSON");
    let example = Example::norrbotten_2020().expect("the bundled example loads");
    let assessments = Assessments::new(
        example.scorecard,
        &example.observations,
        example.period,
        RuleSet::default(),
        &UnitSelection::Organisation,
    )
    .expect("assesses");
    let mut lines = vec![
        "| row | reference | ours | rule | agrees | why they differ |".to_owned(),
        "|---|---|---|---|---|---|".to_owned(),
    ];
    let (mut agree, mut differ) = (0, 0);
    let mut unexplained = Vec::new();
    for perspective in report["perspectives"].as_array().into_iter().flatten() {
        for goal in perspective["strategic_goals"].as_array().into_iter().flatten() {
            for factor in goal["success_factors"].as_array().into_iter().flatten() {
                for row in factor["measures"].as_array().into_iter().flatten() {
                    let Some(verdict) = row["verdict"]["met_by_reading"].as_str() else { continue };
                    let row_id = row["row_id"].as_str().unwrap_or_default();
                    let measure_id = row["measure_id"].as_str().unwrap_or_default();
                    let sex = match row["km"].as_str() {
                        Some("K") => Sex::Women,
                        Some("M") => Sex::Men,
                        _ => Sex::Total,
                    };
                    let ours = assessments
                        .rows()
                        .iter()
                        .find(|a| assessments.measure(a).expect("a measure").id == measure_id && a.sex == sex)
                        .unwrap_or_else(|| panic!("{row_id}: no row for {measure_id} {sex}"));
                    let expected = reference_status(verdict);
                    let agrees = match expected {
                        None => "–",
                        Some(status) if status == ours.verdict.status => "yes",
                        Some(_) => "no",
                    };
                    let why = WHY.iter().find(|(id, _)| *id == row_id).map_or("", |(_, why)| *why);
                    match agrees {
                        "yes" => agree += 1,
                        "no" => {
                            differ += 1;
                            if why.is_empty() {
                                unexplained.push(row_id.to_owned());
                            }
                        }
                        _ => {}
                    }
                    let reason = ours.verdict.reason.map(|r| format!(" ({r})")).unwrap_or_default();
                    lines.push(format!(
                        "| {row_id} | {verdict} | {}{reason} | {:?} | {agrees} | {why} |",
                        ours.verdict.status, ours.verdict.rule
                    ));
                }
            }
        }
    }
    lines.push(String::new());
    lines.push(format!("{agree} rows agree, {differ} differ."));
    let table = format!("{}\n", lines.join("\n"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(GOLDEN, &table).expect("writes the golden table");
    }
    let golden = std::fs::read_to_string(GOLDEN).unwrap_or_default();
    assert_eq!(table, golden, "the comparison changed: review it and regenerate with UPDATE_GOLDEN=1");
    assert!(unexplained.is_empty(), "disagreements without an explanation: {unexplained:?}");
}
