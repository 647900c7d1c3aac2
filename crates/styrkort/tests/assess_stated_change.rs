//! Outcomes stated only as a change against the comparison period (SPEC §1: "−1,8
//! procentenheter", "+200 %"), read from the `change` column of CSV and JSON observations and
//! assessed by the direction and relative-change rules (3 and 4); with a value at the comparison
//! period the change gives the period's value and every rule applies.

use rust_decimal::Decimal;
use styrkort::assess::{Assessments, Reason, Rule, RuleSet, Trend, UnitSelection};
use styrkort::io::{Format, ObservationFormat, observations_to_csv, read_observations, read_scorecard};
use styrkort::model::{Change, Outcome, Period, ReportPoint, Status};

const PLAN: &str = r#"
schema = 1
organisation = "Region Liten"
name = "Plan 2020"
years = [2020, 2022]

[[goals]]
id = "G1"
perspective = "verksamhet"
name = "Nöjda patienter"

[[success_factors]]
id = "F1"
goal = "G1"
name = "Delaktighet"

[[measures]]
id = "okning"
success_factor = "F1"
name = "Antal inloggningar i e-tjänsten"
unit = "count"
targets = { 2020 = "Öka 5 %" }

[[measures]]
id = "minska"
success_factor = "F1"
name = "Sjukfrånvaro (%)"
unit = "percent"
polarity = "lower_is_better"
targets = { 2020 = "Minska" }

[[measures]]
id = "minskning"
success_factor = "F1"
name = "Tjänsteresor med flyg (personmil)"
unit = "personmil"
polarity = "lower_is_better"
targets = { 2020 = "Minskning med 15 %" }

[[measures]]
id = "niva"
success_factor = "F1"
name = "Andel nöjda patienter (%)"
unit = "percent"
targets = { 2020 = "72 %" }

[[measures]]
id = "niva-bas"
success_factor = "F1"
name = "Andel besök i tid (%)"
unit = "percent"
targets = { 2020 = "72 %" }

[[measures]]
id = "punkter"
success_factor = "F1"
name = "Andel digitala besök (%)"
unit = "percent"
targets = { 2020 = "Öka med 2 procentenheter" }
"#;

const OBSERVATIONS: &str = "\
measure,period,sex,value,change
okning,2020-DÅ04,T,,+200 %
minska,2020-DÅ04,T,,\"−1,8 procentenheter\"
minskning,2020-DÅ04,T,,-12 %
niva,2020-DÅ04,T,,+5
niva-bas,2020-DÅ04,T,,+5
niva-bas,2019-DÅ04,T,60,
punkter,2020-DÅ04,T,,\"+1,5 procentenheter\"
";

fn d(text: &str) -> Decimal {
    text.parse().expect("test literal")
}

fn assessments() -> Assessments {
    let scorecard = read_scorecard("plan.toml", PLAN, Format::Toml).expect("the plan loads");
    let observations =
        read_observations("utfall.csv", OBSERVATIONS, ObservationFormat::Csv, Some(&scorecard)).expect("loads");
    let period = Period::new(2020, ReportPoint::April);
    Assessments::new(scorecard, &observations, period, RuleSet::default(), &UnitSelection::Organisation)
        .expect("assesses")
}

fn row(assessments: &Assessments, id: &str) -> styrkort::assess::Record {
    assessments.records().into_iter().find(|r| r.measure == id).expect("the row")
}

#[test]
fn a_relative_change_meets_a_relative_change_target() {
    let a = assessments();
    let okning = row(&a, "okning");
    assert_eq!((okning.verdict.status, okning.verdict.rule), (Status::Achieved, Rule::StatedRelativeChange));
    assert_eq!((okning.verdict.value, okning.verdict.target_value), (Some(d("200")), Some(d("5"))));
    assert_eq!(okning.verdict.trend, Trend::Improved);
    assert_eq!(okning.value_text, "+200 %");
    assert_eq!(
        okning.explanation,
        "Utfallet anges som en förändring, +200 % jämfört med 2019-DÅ04, mot målet en förändring minst +5 %: uppnått."
    );
}

#[test]
fn a_fall_meets_minska_and_improves_a_lower_is_better_measure() {
    let minska = row(&assessments(), "minska");
    assert_eq!((minska.verdict.status, minska.verdict.rule), (Status::Achieved, Rule::StatedChange));
    assert_eq!(minska.verdict.trend, Trend::Improved);
    assert_eq!(minska.value_text, "\u{2212}1,8 procentenheter");
    assert!(minska.explanation.contains("en förändring under 0 procentenheter: uppnått"), "{}", minska.explanation);
}

#[test]
fn a_relative_change_short_of_the_target_is_judged_with_the_partial_band() {
    // −12 % against "Minskning med 15 %": 88 against at most 85 of 100, within 5 % of it.
    let minskning = row(&assessments(), "minskning");
    assert_eq!(minskning.verdict.status, Status::PartiallyAchieved);
    assert_eq!(minskning.verdict.target_value, Some(d("-15")));
}

#[test]
fn an_absolute_change_meets_a_change_in_points() {
    let punkter = row(&assessments(), "punkter");
    assert_eq!((punkter.verdict.status, punkter.verdict.rule), (Status::NotAchieved, Rule::StatedChange));
    assert_eq!(punkter.verdict.target_value, Some(d("2")));
}

#[test]
fn a_level_needs_the_comparison_value_to_turn_the_change_into_a_value() {
    let a = assessments();
    let niva = row(&a, "niva");
    assert_eq!((niva.verdict.status, niva.verdict.reason), (Status::NotAssessed, Some(Reason::NoComparison)));
    assert_eq!(niva.explanation, "Kan ej bedömas: utfall för jämförelseperioden 2019-DÅ04 saknas.");
    let with_base = row(&a, "niva-bas");
    assert_eq!((with_base.verdict.status, with_base.verdict.rule), (Status::NotAchieved, Rule::Level));
    assert_eq!((with_base.verdict.value, with_base.verdict.base), (Some(d("65")), Some(d("60"))));
    assert_eq!(with_base.verdict.trend, Trend::Improved);
}

#[test]
fn changes_are_read_from_csv_and_json_and_written_back() {
    let scorecard = read_scorecard("plan.toml", PLAN, Format::Toml).expect("the plan loads");
    let observations =
        read_observations("utfall.csv", OBSERVATIONS, ObservationFormat::Csv, Some(&scorecard)).expect("loads");
    let first = observations.iter().next().expect("a row");
    assert_eq!(first.outcome, Outcome::Change(Change::relative(d("200"))));
    let csv = observations_to_csv(&observations).expect("writes");
    assert!(
        csv.starts_with("unit,measure,period,sex,value,numerator,denominator,state,reference,missing,note,change\n")
    );
    assert_eq!(read_observations("o.csv", &csv, ObservationFormat::Csv, None).expect("reads back"), observations);
    let json = r#"[{"measure": "okning", "period": "2020-DÅ04", "change": "+200 %"}]"#;
    let from_json = read_observations("o.json", json, ObservationFormat::Json, Some(&scorecard)).expect("reads");
    assert_eq!(from_json.iter().next().map(|o| o.outcome), Some(Outcome::Change(Change::relative(d("200")))));
}

#[test]
fn a_change_that_does_not_read_or_comes_with_a_value_is_a_located_error() {
    let csv = "measure,period,value,change\nokning,2020-DÅ04,,mycket\nokning,2019-DÅ04,3,+5 %\n";
    let error = read_observations("o.csv", csv, ObservationFormat::Csv, None).expect_err("invalid");
    let shown: Vec<String> = error.diagnostics().iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 2, "{shown:#?}");
    assert!(shown[0].starts_with("o.csv:2:4: column 'change': 'mycket' is not a change"), "{}", shown[0]);
    assert!(shown[1].starts_with("o.csv:3:3: column 'value': more than one outcome"), "{}", shown[1]);
}
