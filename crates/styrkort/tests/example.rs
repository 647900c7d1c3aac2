//! The bundled example loads, and with the counts the reference notes give: the April 2020
//! report has 20 strategic goals, 50 success factors, 117 table rows of 99 measures (18 split
//! by sex; 82 styrmått and 17 aktiviteter; RS 79 rows, RUN 29, PN 9); Regionstyrelsens plan 2020
//! has 17 goals, 30 success factors and 62 measures (4 activities).

use styrkort::example::Example;
use styrkort::model::{MeasureKind, ReportPoint, Status};
use styrkort::overview::Overview;

#[test]
fn the_april_2020_report_has_the_counts_of_the_reference() {
    let example = Example::norrbotten_2020().expect("the bundled example loads");
    let overview = Overview::of(&example.scorecard);
    assert_eq!(overview.goals(), 20);
    assert_eq!(overview.success_factors(), 50);
    assert_eq!(overview.measures(), 99);
    assert_eq!(overview.rows(), 117);
    assert_eq!(overview.split_by_sex, 18);
    let goals_per_perspective: Vec<_> =
        overview.perspectives.iter().map(|p| (p.name.as_str(), p.goals, p.rows)).collect();
    assert_eq!(
        goals_per_perspective,
        [("Samhälle", 4, 21), ("Medborgare", 4, 26), ("Verksamhet", 4, 37), ("Medarbetare", 4, 13), ("Ekonomi", 4, 20)]
    );
    assert_eq!(overview.by_kind, [(MeasureKind::Steering, 82), (MeasureKind::Control, 0), (MeasureKind::Activity, 17)]);
    let rows_per_body = |code: &str| {
        example
            .scorecard
            .measures
            .iter()
            .filter(|m| m.body.as_deref() == Some(code))
            .map(|m| if m.is_split_by_sex() { 2 } else { 1 })
            .sum::<usize>()
    };
    assert_eq!((rows_per_body("RS"), rows_per_body("RUN"), rows_per_body("PN")), (79, 29, 9));
}

#[test]
fn the_april_2020_judgements_are_one_achieved_eighteen_partly_one_not() {
    let example = Example::norrbotten_2020().expect("the bundled example loads");
    let goals: Vec<_> = example.judgements.iter().filter(|j| example.scorecard.goal(&j.goal).is_some()).collect();
    assert_eq!(goals.len(), 20);
    let count = |status| goals.iter().filter(|j| j.status == status).count();
    assert_eq!((count(Status::Achieved), count(Status::PartiallyAchieved), count(Status::NotAchieved)), (1, 18, 1));
    let achieved: Vec<_> = goals.iter().filter(|j| j.status == Status::Achieved).map(|j| j.goal.as_str()).collect();
    assert_eq!(achieved, ["VER-1"], "Nära vård på nya sätt");
    assert!(example.judgements.iter().all(|j| j.period == example.period && !j.motivation.is_empty()));
}

#[test]
fn verbatim_texts_of_the_region_survive() {
    let example = Example::norrbotten_2020().expect("the bundled example loads");
    let scorecard = &example.scorecard;
    let login = scorecard.measures.iter().find(|m| m.name.contains("logggat")).expect("the typo 'logggat' is kept");
    assert_eq!(login.target_text(2020), Some("60 %"));
    let readmissions = scorecard.measure("MED-4-F1-M3").expect("återinskrivningar");
    assert_eq!(readmissions.target_text(2020), Some("K 16,0 M 17,2"));
    assert!(scorecard.measures.iter().any(|m| m.name.starts_with("Akivitet:")), "the typo 'Akivitet:' is kept");
}

#[test]
fn annual_only_measures_are_not_reported_in_april() {
    let example = Example::norrbotten_2020().expect("the bundled example loads");
    let annual: Vec<_> = example.scorecard.measures.iter().filter(|m| !m.is_reported_at(ReportPoint::April)).collect();
    assert!(annual.len() >= 20, "the plan reports at least 20 of these measures only at ÅR");
    // SAM-3 God livskvalitet: "Styrmåtten för detta mål mäts på helårsbasis".
    let sam3: Vec<_> = example
        .scorecard
        .success_factors_of("SAM-3")
        .flat_map(|f| example.scorecard.measures_of(&f.id))
        .filter(|m| m.kind == MeasureKind::Steering && m.body.as_deref() == Some("RS"))
        .collect();
    assert!(!sam3.is_empty() && sam3.iter().all(|m| m.is_annual_only()));
}

#[test]
fn regionstyrelsens_plan_2020_has_its_counts() {
    let plan = Example::norrbotten_plan_2020().expect("the bundled plan loads");
    let overview = Overview::of(&plan);
    assert_eq!((overview.goals(), overview.success_factors(), overview.measures()), (17, 30, 62));
    assert_eq!(overview.by_kind[2], (MeasureKind::Activity, 4));
    let measures: Vec<_> = overview.perspectives.iter().map(|p| p.measures).collect();
    assert_eq!(measures, [7, 13, 19, 12, 11]);
    let with_2020 = plan.measures.iter().filter(|m| m.target_text(2020).is_some()).count();
    let with_2022 = plan.measures.iter().filter(|m| m.target_text(2022).is_some()).count();
    assert_eq!((with_2020, with_2022), (58, 49), "the plan's Mål 2020 and Mål 2022 cells");
    let new_measures = plan.measures.iter().filter(|m| m.baseline.as_ref().is_some_and(|b| b.is_new_measure())).count();
    assert_eq!(new_measures, 8, "Nytt mått, with and without a note");
}

#[test]
fn the_april_2020_texts_of_the_region_are_in_the_example() {
    let example = Example::norrbotten_2020().expect("the bundled example loads");
    // The verdicts the report states on single measures, beside its outcome text.
    let verdicts: Vec<_> = example.judgements.iter().filter(|j| example.scorecard.measure(&j.goal).is_some()).collect();
    assert_eq!(verdicts.len(), 21);
    let women = verdicts.iter().find(|j| j.goal == "VER-2-F2-M1" && j.sex == Some(styrkort::model::Sex::Women));
    assert_eq!(
        women.map(|j| (j.status, j.motivation.as_str())),
        Some((Status::NotAchieved, "Andelen kvinnor når inte målnivån men värdet är högre än referensvärdet."))
    );
    // The outcome texts of the other measures, and the indicators reported in running text.
    assert_eq!(example.analyses.len(), 54);
    let factor = example.analyses.iter().filter(|a| example.scorecard.success_factor(&a.of).is_some()).count();
    assert_eq!(factor, 10);
    let report = styrkort::Report::new(
        styrkort::Assessments::new(
            example.scorecard.clone(),
            &example.observations,
            example.period,
            styrkort::RuleSet::default(),
            &styrkort::assess::UnitSelection::Organisation,
        )
        .expect("assesses"),
        &example.judgements,
    )
    .with_analyses(&example.analyses);
    let html = report.to_html();
    assert!(html.contains("Antal besök på patientnämndens sidor har ökat med 200 procent"));
    // The outcome stated only as "+200 %" against "Öka 5 %" is coloured, no longer grey.
    let row = report.records().into_iter().find(|r| r.measure == "VER-3-F1-M3").expect("VER-3-F1-M3");
    assert_eq!((row.verdict.status, row.value_text.as_str()), (Status::Achieved, "+200 %"));
}
