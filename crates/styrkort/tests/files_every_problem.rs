//! Every problem of every file in one run (issue 10): a bad value does not hide the other
//! problems of its entry, a rule set reports all of its problems with the allowed ranges,
//! numbers are never rounded on the way in, values for one observation from two files are an
//! error naming both places, and files with thousands of problems or a very deep unit tree are
//! read to the end.

use std::fmt::Write;
use styrkort::io::{Format, ObservationFormat, read_judgements, read_observations, read_rules, read_scorecard};
use styrkort::model::Scorecard;

const PLAN: &str = r#"schema = 1
organisation = "Region Exempel"
name = "Plan 2021"
years = [2021, 2023]

[[bodies]]
code = "RS"
name = "Regionstyrelsen"

[[goals]]
id = "G1"
perspective = "verksamhet"
name = "God, nära och samordnad vård"

[[success_factors]]
id = "F1"
goal = "G1"
name = "En samordnad vård"
bodies = ["RS"]

[[measures]]
id = "M1"
success_factor = "F1"
name = "Återinskrivningar"
unit = "percent"
polarity = "lower_is_better"
sexes = ["K", "M"]
baseline = { period = "2019-ÅR", K = "16,9", M = "17,6" }
"#;

fn plan() -> Scorecard {
    read_scorecard("plan.toml", PLAN, Format::Toml).expect("the test plan is valid")
}

/// Every problem of the plan changed as asked, as `line:column: message`.
fn problems(from: &str, to: &str) -> Vec<String> {
    assert!(PLAN.contains(from), "the plan has {from:?}");
    let text = PLAN.replacen(from, to, 1);
    let error = read_scorecard("plan.toml", &text, Format::Toml).expect_err("the change makes the plan invalid");
    error
        .diagnostics()
        .iter()
        .map(|d| format!("{}:{}: {}", d.location.line.unwrap_or(0), d.location.column.unwrap_or(0), d.message))
        .collect()
}

#[test]
fn a_measure_with_one_bad_value_still_has_its_other_problems_reported() {
    let found = problems(
        "success_factor = \"F1\"\nname = \"Återinskrivningar\"\nunit = \"percent\"\npolarity = \"lower_is_better\"",
        "success_factor = \"F9\"\nname = \"Återinskrivningar\"\nunit = \"percent\"\npolarity = \"uppåt\"\ncolour = 3",
    );
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found[0].starts_with("23:18: unknown success factor 'F9'"), "{found:#?}");
    assert!(found[1].starts_with("26:12: measures[0]: polarity: unknown variant `uppåt`"), "{found:#?}");
    assert!(found[2].starts_with("27:1: measures[0]: unknown field `colour`"), "{found:#?}");
}

#[test]
fn a_key_that_does_not_read_causes_no_second_problem() {
    // With `sexes` unread, the measure would be for T only and its K and M baselines would not
    // fit it: that is the sexes' problem, reported once.
    let found = problems("sexes = [\"K\", \"M\"]", "sexes = [\"K\", \"X\"]");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("27:15: measures[0]: sexes[1]: 'X' is not a sex"), "{found:#?}");
    // A required key that does not read: the rest of the entry is still checked.
    let found =
        problems("id = \"F1\"\ngoal = \"G1\"\nname = \"En samordnad vård\"", "id = \"F1\"\ngoal = \"G9\"\nname = 7");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].starts_with("17:8: unknown goal 'G9'"), "{found:#?}");
    assert!(found[1].starts_with("18:8: success_factors[0]: name: invalid type: integer `7`"), "{found:#?}");
}

#[test]
fn a_toml_number_with_more_digits_than_a_float_keeps_asks_for_a_text() {
    let found = problems("K = \"16,9\"", "K = 16.900000000000000001");
    assert_eq!(
        found,
        [
            "28:38: 16.900000000000000001 has more digits than a TOML number keeps (a float, 15 to 17 digits): write it as a text, \"16,900000000000000001\", to keep every digit"
        ]
    );
    let plan = read_scorecard("plan.toml", &PLAN.replacen("K = \"16,9\"", "K = 16.9", 1), Format::Toml).expect("exact");
    assert_eq!(plan.measures[0].baseline.as_ref().and_then(|b| b.women), Some(rust_decimal::Decimal::new(169, 1)));
    let error = read_rules("r.toml", "trend_band = 0.010000000000000000001\n", Format::Toml).expect_err("inexact");
    assert!(error.to_string().starts_with("r.toml:1:14: 0.010000000000000000001 has more digits"), "{error}");
}

#[test]
fn a_rule_set_reports_every_problem_with_the_allowed_range() {
    let text = "partial_band = \"-0,2\"\nequivalence_margin = \"3\"\nbandwidth = 1\nrounding = \"nära\"\n\n[rollup]\nmethod = \"weighted\"\npartial_weight = 2\nkinds = [\"styrmått\", \"mått\"]\n";
    let error = read_rules("regler.toml", text, Format::Toml).expect_err("five problems");
    let lines: Vec<String> = error.diagnostics().iter().map(ToString::to_string).collect();
    assert_eq!(lines.len(), 6, "{lines:#?}");
    let expected = [
        "regler.toml:1:16: partial_band = -0.2 is out of range: expected a fraction from 0 up to 1, such as 0,05 for 5 %",
        "regler.toml:2:22: equivalence_margin = 3 is out of range: expected a fraction from 0 up to 1",
        "regler.toml:3:1: unknown field `bandwidth`",
        "regler.toml:4:12: rounding: unknown variant `nära`",
        "regler.toml:8:18: rollup.partial_weight = 2 is out of range: expected a score from 0 to 1",
        "regler.toml:9:22: rollup.kinds[1]: 'mått' is not a measure kind",
    ];
    for (line, expected) in lines.iter().zip(expected) {
        assert!(line.starts_with(expected), "{line}\nshould start with\n{expected}");
    }
    let json =
        "{\"partial_band\": \"-0,2\", \"rollup\": {\"achieved_from\": 0, \"weights\": {\"M1\": \"-1\"}}, \"x\": 1}";
    let error = read_rules("regler.json", json, Format::Json).expect_err("five problems");
    let fields: Vec<Option<&str>> = error.diagnostics().iter().map(|d| d.location.field.as_deref()).collect();
    assert_eq!(
        fields,
        [
            Some("partial_band"),
            Some("rollup.not_achieved_to"),
            Some("rollup.achieved_from"),
            Some("rollup.weights.M1"),
            None
        ],
        "{error}"
    );
}

#[test]
fn judgements_report_every_problem_of_each_one() {
    let text = "[[judgements]]\ngoal = \"G9\"\nperiod = \"2021-DÅ04\"\nstatus = \"grönt\"\nmotivation = \"m\"\nprognos = \"uppnått\"\n";
    let error = read_judgements("bedömningar.toml", text, Format::Toml, Some(&plan())).expect_err("three problems");
    let lines: Vec<String> = error.diagnostics().iter().map(ToString::to_string).collect();
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert!(lines[0].starts_with("bedömningar.toml:2:8: judgements[0].goal: unknown goal 'G9'"), "{lines:#?}");
    assert!(lines[1].starts_with("bedömningar.toml:4:10: judgements[0]: status:"), "{lines:#?}");
    assert!(lines[2].starts_with("bedömningar.toml:6:1: judgements[0]: unknown field `prognos`"), "{lines:#?}");
    let one = |period: &str| {
        format!("[[judgements]]\ngoal = \"G1\"\nperiod = \"{period}\"\nstatus = \"uppnått\"\nmotivation = \"m\"\n\n")
    };
    let twice = format!("{}{}", one("2021-DÅ04"), one("2021-DÅ04"));
    let error = read_judgements("b.toml", &twice, Format::Toml, Some(&plan())).expect_err("judged twice");
    assert_eq!(
        error.to_string(),
        "b.toml:9:10: judgements[1].period: 'G1' is judged twice for 2021-DÅ04: already in judgements[0]"
    );
    let unread = format!("{}{}", one("april"), one("maj"));
    let error = read_judgements("b.toml", &unread, Format::Toml, Some(&plan())).expect_err("two bad periods");
    assert_eq!(error.diagnostics().len(), 2, "the periods' problems, and no judged twice: {error}");
}

#[test]
fn a_json_record_reports_every_bad_key() {
    let json = "[{\"measure\": \"M1\", \"period\": \"2021-DÅ04\", \"sex\": true, \"value\": [1], \"färg\": 1},\n {\"measure\": \"M1\", \"period\": \"2021-DÅ04\", \"sex\": \"K\", \"value\": 1, \"value\": 2}]";
    let error = read_observations("o.json", json, ObservationFormat::Json, None).expect_err("four problems");
    let lines: Vec<String> = error.diagnostics().iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "o.json:1:50: [0].sex: true is not a text or a number: expected text, a number or null",
            "o.json:1:65: [0].value: [1] is not a text or a number: expected text, a number or null",
            "o.json:1:70: [0]: unknown key `färg`: expected the keys unit,measure,period,sex,value,numerator,denominator,state,reference,missing,note,change",
            "o.json:2:76: [1].value: the key appears twice: expected one value per key",
        ]
    );
    let keyed = "{\"observations\": [], \"källa\": \"KPP\"}";
    let error = read_observations("o.json", keyed, ObservationFormat::Json, None).expect_err("an unknown key");
    assert_eq!(error.to_string(), "o.json:1:22: unknown key `källa`: expected `observations`");
}

#[test]
fn values_for_one_observation_from_two_files_name_both_places() {
    let plan = plan();
    let first =
        read_observations("a.csv", "measure,period,sex,value\nM1,2021-DÅ04,K,16.3\n", ObservationFormat::Csv, None);
    let second = read_observations(
        "b.csv",
        "measure;period;sex;value\r\nM1;2021-DÅ08;K;16,0\r\nM1;2021-DÅ04;K;16,4\r\n",
        ObservationFormat::Csv,
        None,
    );
    let mut all = first.expect("a.csv reads");
    all.append(second.expect("b.csv reads"));
    let problems: Vec<String> = plan.check_observations(&all).iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "b.csv:3: a second observation of 'M1' for 2021-DÅ04 K: the first is at a.csv:2; one value per unit, measure, period and sex"
        ]
    );
}

#[test]
fn twenty_thousand_bad_json_records_are_each_reported() {
    let mut json = String::from("[");
    for row in 0..20_000 {
        let _ = write!(
            json,
            "{}{{\"measure\": \"M1\", \"period\": \"2021-DÅ04\", \"sex\": \"K\", \"value\": \"x{row}\"}}",
            if row == 0 { "" } else { "," }
        );
    }
    json.push(']');
    let error = read_observations("o.json", &json, ObservationFormat::Json, Some(&plan())).expect_err("bad values");
    assert_eq!(error.diagnostics().len(), 20_000);
    let last = error.diagnostics().last().expect("the last");
    assert_eq!((last.location.line, last.location.row), (Some(1), Some(19_999)));
    let at = json.rfind("\"x19999\"").expect("the last value");
    let column = json[..at].chars().count() + 1;
    assert_eq!(last.location.column, Some(column), "one line: the column counts every character before it");
}

#[test]
fn a_unit_tree_twenty_thousand_levels_deep_is_checked_and_a_loop_found() {
    let mut plan = plan();
    let units: String = (0..20_000)
        .map(|level| match level {
            0 => "[[units]]\nid = \"E0\"\nname = \"Enhet 0\"\n".to_owned(),
            _ => format!("[[units]]\nid = \"E{level}\"\nname = \"Enhet {level}\"\nparent = \"E{}\"\n", level - 1),
        })
        .collect();
    let text = format!("{PLAN}\n{units}");
    plan.units = read_scorecard("deep.toml", &text, Format::Toml).expect("a deep tree is a tree").units;
    assert_eq!(plan.units.len(), 20_000);
    let looped = format!(
        "{PLAN}\n{}",
        units.replacen("id = \"E0\"\nname = \"Enhet 0\"\n", "id = \"E0\"\nname = \"Enhet 0\"\nparent = \"E2\"\n", 1)
    );
    let error = read_scorecard("deep.toml", &looped, Format::Toml).expect_err("E0, E1 and E2 form a loop");
    let units: Vec<String> = error.diagnostics().iter().map(|d| d.message.clone()).collect();
    assert_eq!(
        units,
        [
            "unit 'E0' is its own ancestor: the units must form a tree",
            "unit 'E1' is its own ancestor: the units must form a tree",
            "unit 'E2' is its own ancestor: the units must form a tree",
        ]
    );
}
