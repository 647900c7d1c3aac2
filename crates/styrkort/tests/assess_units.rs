//! Units, roll-up and gender equality: consolidation of child units into the parent (never by
//! averaging ratios), per-unit assessments, per-unit targets; suggestions, recorded judgements
//! taking precedence and flagged where they differ, forecasts counted; K/M gaps.

use rust_decimal::Decimal;
use std::str::FromStr;
use styrkort::assess::{Assessments, RollupMethod, RollupPolicy, RuleSet, UnitSelection};
use styrkort::model::*;

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).expect("test literal")
}

fn p(text: &str) -> Period {
    text.parse().expect("test period")
}

const PLAN: &str = r#"schema = 1
organisation = "Region Test"
name = "Plan"
years = [2021, 2021]

[[units]]
id = "region"
name = "Regionen"

[[units]]
id = "norr"
name = "Division Norr"
parent = "region"

[[units]]
id = "syd"
name = "Division Syd"
parent = "region"

[[goals]]
id = "G1"
perspective = "verksamhet"
name = "Tillgänglig vård"

[[goals]]
id = "G2"
perspective = "ekonomi"
name = "God ekonomisk hushållning"

[[success_factors]]
id = "F1"
goal = "G1"
name = "Korta väntetider"

[[success_factors]]
id = "F2"
goal = "G2"
name = "Budget i balans"

[[measures]]
id = "andel"
success_factor = "F1"
name = "Andel behandlade inom 90 dagar"
unit = "percent"
sexes = ["K", "M"]
targets = { 2021 = "80 %" }

[[measures]]
id = "besok"
success_factor = "F1"
name = "Antal digitala besök"
unit = "count"
targets = { 2021 = "1000" }

[[measures]]
id = "snitt"
success_factor = "F1"
name = "Medelväntetid (dagar)"
unit = "dagar"
polarity = "lower_is_better"
targets = { 2021 = "30" }

[[measures]]
id = "budget"
success_factor = "F2"
name = "Verksamheterna bedriver verksamhet inom budget"
unit = "mnkr"
targets = { 2021 = "Budget hålls" }
"#;

const OBSERVATIONS: &str = "unit,measure,period,sex,value,numerator,denominator
norr,andel,2021-DÅ04,K,,90,100
norr,andel,2021-DÅ04,M,,70,100
syd,andel,2021-DÅ04,K,,10,100
syd,andel,2021-DÅ04,M,,150,200
norr,besok,2021-DÅ04,T,600,,
syd,besok,2021-DÅ04,T,500,,
norr,snitt,2021-DÅ04,T,20,,
syd,snitt,2021-DÅ04,T,40,,
norr,budget,2021-DÅ04,T,2.5,,
syd,budget,2021-DÅ04,T,-1,,
";

fn assessments(rules: RuleSet) -> Assessments {
    let scorecard = Scorecard::from_toml_str(PLAN).expect("valid plan");
    let observations =
        styrkort::io::read_observations("o.csv", OBSERVATIONS, styrkort::io::ObservationFormat::Csv, Some(&scorecard))
            .expect("valid observations");
    Assessments::new(scorecard, &observations, p("2021-DÅ04"), rules, &UnitSelection::All).expect("assesses")
}

fn row<'a>(
    assessments: &'a Assessments,
    measure: &str,
    unit: Option<&str>,
    sex: Sex,
) -> &'a styrkort::assess::Assessment {
    assessments
        .rows()
        .iter()
        .find(|r| {
            assessments.measure(r).expect("a measure").id == measure && assessments.unit_id(r) == unit && r.sex == sex
        })
        .expect("row present")
}

#[test]
fn ratios_consolidate_by_numerators_and_denominators_never_by_averaging() {
    let a = assessments(RuleSet::default());
    // Women: (90 + 10) / (100 + 100) = 50 %, not the mean of 90 % and 10 % (also 50 %);
    // men: (70 + 150) / (100 + 200) = 73,33 %, not the mean of 70 % and 75 % (72,5 %).
    assert_eq!(row(&a, "andel", Some("region"), Sex::Women).verdict.value, Some(d("50")));
    let men = row(&a, "andel", Some("region"), Sex::Men).verdict.value.expect("consolidated");
    assert_eq!(men.round_dp(2), d("73.33"));
    assert_eq!(
        row(&a, "andel", None, Sex::Men).verdict.value.map(|v| v.round_dp(2)),
        Some(d("73.33")),
        "the organisation consolidates its top unit"
    );
}

#[test]
fn counts_sum_and_other_values_do_not_consolidate() {
    let a = assessments(RuleSet::default());
    assert_eq!(row(&a, "besok", Some("region"), Sex::Total).verdict.value, Some(d("1100")));
    assert_eq!(row(&a, "besok", Some("region"), Sex::Total).verdict.status, Status::Achieved);
    let mean_wait = row(&a, "snitt", Some("region"), Sex::Total);
    assert_eq!(
        (mean_wait.verdict.value, mean_wait.verdict.status),
        (None, Status::NotAssessed),
        "a mean of days is not additive"
    );
}

#[test]
fn every_unit_is_assessed_on_its_own() {
    let a = assessments(RuleSet::default());
    assert_eq!(row(&a, "snitt", Some("norr"), Sex::Total).verdict.status, Status::Achieved);
    assert_eq!(row(&a, "snitt", Some("syd"), Sex::Total).verdict.status, Status::NotAchieved);
    let only = Assessments::new(
        a.scorecard().clone(),
        &Observations::new(),
        p("2021-DÅ04"),
        RuleSet::default(),
        &UnitSelection::Unit("syd".into()),
    )
    .expect("assesses");
    assert!(only.rows().iter().all(|r| only.unit_id(r) == Some("syd")));
}

#[test]
fn budget_is_kept_when_every_child_unit_keeps_it() {
    let a = assessments(RuleSet::default());
    assert_eq!(row(&a, "budget", Some("norr"), Sex::Total).verdict.status, Status::Achieved);
    assert_eq!(row(&a, "budget", Some("syd"), Sex::Total).verdict.status, Status::NotAchieved);
    assert_eq!(
        row(&a, "budget", Some("region"), Sex::Total).verdict.status,
        Status::PartiallyAchieved,
        "one of two divisions within budget"
    );
}

#[test]
fn gender_gaps_and_one_sex_meeting_the_target() {
    let a = assessments(RuleSet::default());
    let gaps = a.gender_gaps();
    let norr = gaps.iter().find(|g| g.unit.as_deref() == Some("norr")).expect("norr has K and M");
    assert_eq!((norr.women, norr.men, norr.gap), (Some(d("90")), Some(d("70")), Some(d("20"))));
    assert!(norr.one_sex_meets_target, "women 90 % meet 80 %, men 70 % do not");
    assert_eq!(norr.narrowed, None, "no comparison period");
}

#[test]
fn judgements_take_precedence_and_differences_are_flagged() {
    let a = assessments(RuleSet::default());
    let judgements = vec![Judgement {
        goal: "G1".into(),
        period: p("2021-DÅ04"),
        status: Status::Achieved,
        motivation: "Väntetiderna har kortats.".into(),
        forecast: Some(Status::Achieved),
        forecast_note: Some("Vid årets slut bedöms målet vara uppnått.".into()),
        ..Judgement::new("G1", p("2021-DÅ04"), Status::Achieved, "")
    }];
    let rollup = a.rollup(Some(0), &judgements);
    let g1 = rollup.goal("G1").expect("G1");
    assert_eq!((g1.suggested, g1.reported, g1.differs), (Status::PartiallyAchieved, Status::Achieved, true));
    let g2 = rollup.goal("G2").expect("G2");
    assert_eq!((g2.suggested, g2.reported, g2.differs), (Status::PartiallyAchieved, Status::PartiallyAchieved, false));
    assert_eq!(rollup.total.achieved, 1);
    assert_eq!(rollup.forecasts.achieved, 1);
    assert_eq!(
        rollup.sentence,
        "Den samlade bedömningen av de strategiska målen för perioden visar att ett av de två strategiska målen helt har uppnåtts och ett har delvis uppnåtts."
    );
    let verksamhet = rollup.perspectives.iter().find(|p| p.id == "verksamhet").expect("perspective");
    assert_eq!(verksamhet.goals.achieved, 1);
}

#[test]
fn the_weighted_roll_up_policy() {
    let rules = RuleSet {
        rollup: RollupPolicy { method: RollupMethod::Weighted, achieved_from: d("0.6"), ..RollupPolicy::default() },
        ..RuleSet::default()
    };
    let a = assessments(rules);
    // Division Norr, F1: andel K achieved + M not → partially (0,5); besök has no value in
    // Norr alone (600 < 1000, not achieved); snitt achieved: (0,5 + 0 + 1) / 3 = 0,5 → partially.
    let rollup = a.rollup(Some(1), &[]);
    assert_eq!(rollup.success_factor("F1").expect("F1").suggested, Status::PartiallyAchieved);
}
