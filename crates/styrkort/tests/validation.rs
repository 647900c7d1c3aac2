//! Every validation error of issue 2 is produced, with the file, line and column of the value
//! at fault and what was expected; all errors of a file are reported, not only the first.

use styrkort::Diagnostic;
use styrkort::io::{Format, ObservationFormat, read_judgements, read_observations, read_scorecard};
use styrkort::model::{Observation, Observations, Scorecard, Sex};
use styrkort::{Assessments, RuleSet, UnitSelection};

/// A small valid plan; tests change one line of it.
const PLAN: &str = r#"schema = 1
organisation = "Region Exempel"
name = "Plan 2021"
years = [2021, 2023]

[[bodies]]
code = "RS"
name = "Regionstyrelsen"

[[perspectives]]
id = "verksamhet"
name = "Verksamhet"

[[goals]]
id = "G1"
perspective = "verksamhet"
name = "God, nära och samordnad vård"
bodies = ["RS"]

[[success_factors]]
id = "F1"
goal = "G1"
name = "En samordnad vård utifrån individens behov"
bodies = ["RS"]

[[measures]]
id = "M1"
success_factor = "F1"
name = "Oplanerade återinskrivningar"
unit = "percent"
polarity = "lower_is_better"
sexes = ["K", "M"]
targets = { 2021 = "K 16,0 % M 17,2 %" }

[[measures]]
id = "M2"
success_factor = "F1"
name = "Andel SIP"
body = "RS"
unit = "percent"
targets = { 2021 = "80 %" }
"#;

fn plan() -> Scorecard {
    read_scorecard("plan.toml", PLAN, Format::Toml).expect("the test plan is valid")
}

/// The diagnostics of a changed plan.
fn errors(from: &str, to: &str) -> Vec<Diagnostic> {
    assert!(PLAN.contains(from), "the test plan has {from:?}");
    let text = PLAN.replacen(from, to, 1);
    read_scorecard("plan.toml", &text, Format::Toml).expect_err("the change makes the plan invalid").into_diagnostics()
}

/// The one diagnostic of a changed plan, as `line:column: message`.
fn error(from: &str, to: &str) -> String {
    let diagnostics = errors(from, to);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let d = &diagnostics[0];
    assert_eq!(d.location.file, "plan.toml");
    format!("{}:{}: {}", d.location.line.expect("a line"), d.location.column.expect("a column"), d.message)
}

#[test]
fn the_test_plan_is_valid_and_a_measure_takes_its_factors_body() {
    assert_eq!(plan().measure("M1").and_then(|m| m.body.as_deref()), Some("RS"));
}

#[test]
fn unknown_success_factor() {
    assert_eq!(
        error("success_factor = \"F1\"", "success_factor = \"F9\""),
        "28:18: unknown success factor 'F9': expected one declared in [[success_factors]]"
    );
}

#[test]
fn unknown_goal_of_a_success_factor() {
    assert_eq!(error("goal = \"G1\"", "goal = \"G7\""), "22:8: unknown goal 'G7': expected one declared in [[goals]]");
}

#[test]
fn duplicate_ids() {
    assert_eq!(error("id = \"M2\"", "id = \"M1\""), "36:6: duplicate id 'M1': already used by measures[0]");
}

#[test]
fn a_measure_whose_body_is_not_declared() {
    assert_eq!(
        error("body = \"RS\"", "body = \"RUN\""),
        "39:8: body 'RUN' of measure 'M2' is not declared: expected one of the [[bodies]] codes"
    );
}

#[test]
fn a_goal_in_an_unknown_perspective() {
    assert_eq!(
        error("perspective = \"verksamhet\"", "perspective = \"ekonomi\""),
        "16:15: unknown perspective 'ekonomi': expected one declared in [[perspectives]]"
    );
}

#[test]
fn a_period_that_does_not_parse() {
    let message = error("unit = \"percent\"\ntargets", "unit = \"percent\"\ncomparison_base = \"2019-DÅ05\"\ntargets");
    assert!(message.starts_with("41:19: measures[1]: comparison_base: '2019-DÅ05' is not a period: expected a year and a report such as 2021-DÅ04"), "{message}");
}

#[test]
fn a_baseline_for_a_sex_the_measure_does_not_split_by() {
    let message =
        error("sexes = [\"K\", \"M\"]", "sexes = [\"K\", \"M\"]\nbaseline = { period = \"2019-ÅR\", T = \"17,0\" }");
    assert_eq!(message, "33:38: measure 'M1' is not split by sex T: expected one of K, M");
}

#[test]
fn a_baseline_value_that_is_not_a_number() {
    let message = error("sexes = [\"K\", \"M\"]", "sexes = [\"K\", \"M\"]\nbaseline = { K = \"sexton\" }");
    assert!(message.starts_with("33:18: measures[0]: baseline.K: 'sexton' is not a number"), "{message}");
}

#[test]
fn an_unknown_key_names_it_and_the_allowed_keys() {
    let message = error("polarity = \"lower_is_better\"", "polarity = \"lower_is_better\"\ncolour = \"red\"");
    assert!(
        message.starts_with(
            "32:1: measures[0]: unknown field `colour`, expected one of `id`, `success_factor`, `name`, `kind`"
        ),
        "{message}"
    );
}

#[test]
fn a_syntax_error_has_its_place() {
    let message = error("years = [2021, 2023]", "years = [2021, 2023");
    assert_eq!(message, "6:1: TOML syntax: missing comma between array elements, expected `,`");
}

#[test]
fn all_errors_of_a_file_are_reported() {
    let text = PLAN
        .replacen("perspective = \"verksamhet\"", "perspective = \"okänd\"", 1)
        .replacen("success_factor = \"F1\"", "success_factor = \"F9\"", 1)
        .replacen("id = \"M2\"", "id = \"M1\"", 1)
        .replacen("body = \"RS\"", "body = \"RX\"", 1);
    let diagnostics = read_scorecard("plan.toml", &text, Format::Toml).expect_err("invalid").into_diagnostics();
    let lines: Vec<_> = diagnostics.iter().map(|d| d.location.line.expect("line")).collect();
    assert_eq!(lines, [16, 28, 36, 39], "{diagnostics:#?}");
}

#[test]
fn json_errors_have_their_place_too() {
    let json = plan().to_json_string().expect("writes").replacen(
        "\"perspective\": \"verksamhet\"",
        "\"perspective\": \"ekonomi\"",
        1,
    );
    let diagnostics = read_scorecard("plan.json", &json, Format::Json).expect_err("invalid").into_diagnostics();
    assert_eq!(diagnostics.len(), 1);
    let line = json.lines().position(|l| l.contains("\"ekonomi\"")).expect("present") + 1;
    assert_eq!((diagnostics[0].location.line, diagnostics[0].location.column.is_some()), (Some(line), true));
    assert_eq!(diagnostics[0].message, "unknown perspective 'ekonomi': expected one declared in [[perspectives]]");
}

#[test]
fn observations_name_row_and_column() {
    let csv = "measure;period;sex;value\nM1;2021-DÅ04;K;16,3\nM1;2021-DÅ04;T;16,3\nM2;2021-DÅ13;T;80\nM2;2021-DÅ04;T;åttio\nM9;2021-DÅ04;T;1\n";
    let error = read_observations("utfall.csv", csv, ObservationFormat::Csv, Some(&plan())).expect_err("invalid");
    let shown: Vec<_> = error.diagnostics().iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "utfall.csv:3:3: column 'sex': measure 'M1' is not split by sex T: expected one of K, M",
            "utfall.csv:4:2: column 'period': '2021-DÅ13' is not a period: expected a year and a report such as 2021-DÅ04, 2021-DÅ08, 2021-ÅR (or 2021-DA04, 2021-T1, 2021-T2, 2021-AR, 2021)",
            "utfall.csv:5:4: column 'value': 'åttio' is not a number: expected digits with a decimal comma or point, such as 16,9",
            "utfall.csv:6:1: column 'measure': unknown measure 'M9': expected an id of the scorecard's [[measures]]",
        ]
    );
}

#[test]
fn an_observation_has_exactly_one_outcome() {
    let csv = "measure,period,sex,value,state\nM2,2021-DÅ04,T,80,genomförd\nM2,2021-DÅ04,T,,\n";
    let error = read_observations("o.csv", csv, ObservationFormat::Csv, None).expect_err("invalid");
    let messages: Vec<_> = error.diagnostics().iter().map(|d| (d.location.line, d.message.as_str())).collect();
    assert_eq!(
        messages,
        [
            (
                Some(2),
                "column 'value': more than one outcome: expected exactly one of value, numerator and denominator, state, change, or missing"
            ),
            (
                Some(3),
                "column 'value': no outcome: expected a value, a numerator and denominator, a state, a change, or a missing-data reason"
            ),
        ]
    );
}

#[test]
fn an_unknown_csv_column_is_named() {
    let error =
        read_observations("o.csv", "measure,period,värde\n", ObservationFormat::Csv, None).expect_err("invalid");
    assert_eq!(
        error.to_string(),
        "o.csv:1:3: unknown column 'värde': expected the columns unit,measure,period,sex,value,numerator,denominator,state,reference,missing,note,change"
    );
}

#[test]
fn json_observations_name_record_and_key() {
    let json = "[\n  {\"measure\": \"M2\", \"period\": \"2021-DÅ04\", \"value\": 80},\n  {\"measure\": \"M2\", \"period\": \"2021-DÅ04\", \"value\": \"x\"},\n  {\"measure\": \"M1\", \"period\": \"2021-DÅ04\", \"value\": 1}\n]";
    let error = read_observations("o.json", json, ObservationFormat::Json, Some(&plan())).expect_err("invalid");
    let shown: Vec<_> = error.diagnostics().iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "o.json:3:53: [1].value: 'x' is not a number: expected digits with a decimal comma or point, such as 16,9",
            "o.json:4:3: [2].sex: measure 'M1' is not split by sex T: expected one of K, M",
        ]
    );
}

#[test]
fn judgements_name_an_existing_goal_and_say_why() {
    let toml = "[[judgements]]\ngoal = \"G1\"\nperiod = \"2021-DÅ04\"\nstatus = \"delvis uppnått\"\nmotivation = \"\"\n\n[[judgements]]\ngoal = \"G9\"\nperiod = \"2021-DÅ04\"\nstatus = \"kanske\"\nmotivation = \"x\"\n\n[[judgements]]\ngoal = \"G8\"\nperiod = \"2021-DÅ04\"\nstatus = \"uppnått\"\nmotivation = \"x\"\n";
    let error = read_judgements("j.toml", toml, Format::Toml, Some(&plan())).expect_err("invalid");
    let shown: Vec<_> = error.diagnostics().iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 4, "{shown:#?}");
    assert_eq!(shown[0], "j.toml:5:14: judgements[0].motivation: empty motivation: a judgement must say why");
    assert_eq!(
        shown[1],
        "j.toml:8:8: judgements[1].goal: unknown goal 'G9': expected the id of a strategic goal, a success factor or a measure",
        "a bad status does not hide the judgement's other problems"
    );
    assert!(shown[2].starts_with("j.toml:10:10: judgements[1]: status: 'kanske' is not a status"), "{}", shown[2]);
    assert_eq!(
        shown[3],
        "j.toml:14:8: judgements[2].goal: unknown goal 'G8': expected the id of a strategic goal, a success factor or a measure"
    );
}

#[test]
fn a_second_observation_of_the_same_row_is_an_error_not_a_silent_replacement() {
    let csv = "measure,period,sex,value\nM2,2021-DÅ04,T,80\nM2,2021-DÅ04,T,81\n";
    let error = read_observations("o.csv", csv, ObservationFormat::Csv, Some(&plan())).expect_err("a duplicate");
    assert_eq!(
        error.to_string(),
        "o.csv:3:1: column 'measure': a second observation of 'M2' for 2021-DÅ04 T: the first is at o.csv:2; one value per unit, measure, period and sex"
    );
}

#[test]
fn observations_of_two_files_that_disagree_are_an_error_naming_both() {
    let first = read_observations("a.csv", "measure,period,value\nM2,2021-DÅ04,80\n", ObservationFormat::Csv, None);
    let second = read_observations("b.csv", "measure,period,value\nM2,2021-DÅ04,81\n", ObservationFormat::Csv, None);
    let mut observations = first.expect("a.csv reads");
    observations.append(second.expect("b.csv reads"));
    let period = "2021-DÅ04".parse().expect("a period");
    let error = Assessments::new(plan(), &observations, period, RuleSet::default(), &UnitSelection::All)
        .expect_err("the second value is not dropped");
    assert_eq!(error.kind(), styrkort::ErrorKind::Observations);
    assert_eq!(
        error.to_string(),
        "b.csv:2: a second observation of 'M2' for 2021-DÅ04 T: the first is at a.csv:2; one value per unit, measure, period and sex"
    );
}

#[test]
fn observations_of_measures_or_units_the_scorecard_lacks_are_an_error_when_assessed() {
    let mut observations = Observations::new();
    observations.begin_source("frame");
    observations.push(Observation::value("M9", "2021-DÅ04".parse().expect("a period"), Sex::Total, 1.into()));
    let mut in_unit = Observation::value("M2", "2021-DÅ04".parse().expect("a period"), Sex::Total, 1.into());
    in_unit.unit = Some("söder".into());
    observations.push(in_unit);
    let period = "2021-DÅ04".parse().expect("a period");
    let error = Assessments::new(plan(), &observations, period, RuleSet::default(), &UnitSelection::All)
        .expect_err("nothing is dropped in silence");
    let shown: Vec<String> = error.diagnostics().iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "frame: row 0: unknown measure 'M9': expected an id of the scorecard's [[measures]]",
            "frame: row 1: unknown unit 'söder': the scorecard declares no [[units]]; leave unit empty for the organisation itself",
        ]
    );
    assert_eq!(error.diagnostics()[1].location.field.as_deref(), Some("unit"));
}
