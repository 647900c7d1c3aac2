//! The target language as SPEC §2 states it: every example of the table, the number formats,
//! notes, lenient fallbacks, the JSON shape, and strict errors with their spans and hints.

use rust_decimal::Decimal;
use std::str::FromStr;
use styrkort::model::{ReportPoint, Sex};
use styrkort::target::*;

fn parse(text: &str) -> Target {
    Target::parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

fn form(text: &str) -> TargetForm {
    parse(text).form
}

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).expect("test decimal")
}

fn level(value: &str, unit: Unit) -> Target {
    Target::from(TargetForm::Level(Level { value: d(value), unit, year: None }))
}

fn direction(direction: Direction, base: Option<Base>) -> TargetForm {
    TargetForm::Direction(DirectionTarget { direction, base })
}

#[test]
fn every_example_of_the_spec_table_has_its_kind() {
    let table: &[(&str, &[&str])] = &[
        (
            "direction",
            &[
                "Öka",
                "Minska",
                "Minskande",
                "Bibehålla",
                "Bibehåller eller öka",
                "Inte minska",
                "Förbättrat värde",
                "Positiv trend",
            ],
        ),
        (
            "direction",
            &[
                "Öka jmf 2019",
                "Öka utifrån 2019-12",
                "Öka jmf motsvarande kvartal året innan",
                "Minskad skillnad jmf 2018",
            ],
        ),
        (
            "relative_change",
            &[
                "Öka 5 %",
                "Minskning med 15 %",
                "Minska med 50 % jmf 2019",
                "Dubbling jmf 2019",
                "Öka med 2 procentenheter",
            ],
        ),
        ("level", &["72 %", "270", "35 000", "350 kr", "3,0", "0,0", "2018: 7,1 %"]),
        ("bound", &["Under 6,5 %", "Högst 5", "Minst 80 %", "Över 90 %"]),
        ("deadline", &["100 % i dec", "90 % i december", "95 % vid årets slut"]),
        ("per_period", &["DÅ 04: 56 % DÅ 08: 57 % ÅR: 58 %", "DÅ 04: 61 %"]),
        ("per_sex", &["K 16,0 %, M 17,2 %", "K 16,0 % M 17,2 %", "K40", "150 kvinnor, 150 män", "K: 65 % M:65 %"]),
        ("fraction", &["4/20"]),
        ("gender_balance", &["60/40%", "40/60"]),
        ("benchmark", &["I nivå med riket", "Snittet i riket", "Bättre än riket"]),
        ("per_unit", &["Minst ett projekt per kommun"]),
        ("budget", &["Budget hålls", "Alla verksamheter", "Inom budget", "Hålla budget"]),
        (
            "composite",
            &[
                "Somatisk vård, Öka Psykiatrisk vård, Minska",
                "2020: 4,8 %, Kort: 49 %, Lång: 51 %",
                "20 personer/ 12 kommuner",
            ],
        ),
        ("milestone", &["Handlingsplan antagen", "Strategin antagen", "Utkast", "Genomfört"]),
        ("none", &["Följa utvecklingen", "Efter behov", "-", ""]),
    ];
    for (kind, examples) in table {
        for text in *examples {
            assert_eq!(parse(text).kind(), *kind, "{text:?}");
        }
    }
}

#[test]
fn directions_not_worse_and_bases() {
    for text in ["Bibehålla", "Inte minska", "Bibehåller eller öka"] {
        assert_eq!(form(text), direction(Direction::Maintain, None), "{text}");
    }
    assert_eq!(form("Minskande"), direction(Direction::Decrease, None));
    assert_eq!(form("Förbättrat värde"), direction(Direction::Improve, None));
    assert_eq!(form("Positiv trend"), direction(Direction::PositiveTrend, None));
    assert_eq!(form("Öka jmf 2019"), direction(Direction::Increase, Some(Base::Year(2019))));
    assert_eq!(
        form("Öka utifrån 2019-12"),
        direction(Direction::Increase, Some(Base::Month { year: 2019, month: 12 }))
    );
    assert_eq!(
        form("Öka jmf motsvarande kvartal året innan"),
        direction(Direction::Increase, Some(Base::SameQuarterYearBefore))
    );
    assert_eq!(form("Minskad skillnad jmf 2018"), direction(Direction::NarrowGap, Some(Base::Year(2018))));
}

#[test]
fn relative_changes_know_percent_from_percentage_points() {
    let change = |direction, value: &str, unit, base| {
        TargetForm::RelativeChange(RelativeChange { direction, value: d(value), unit, base })
    };
    use ChangeDirection::*;
    assert_eq!(form("Öka 5 %"), change(Increase, "5", ChangeUnit::Percent, None));
    assert_eq!(form("Öka 5 procent"), change(Increase, "5", ChangeUnit::Percent, None));
    assert_eq!(form("Minskning med 15 %"), change(Decrease, "15", ChangeUnit::Percent, None));
    assert_eq!(form("Minska med 50 % jmf 2019"), change(Decrease, "50", ChangeUnit::Percent, Some(Base::Year(2019))));
    assert_eq!(form("Dubbling jmf 2019"), change(Increase, "2", ChangeUnit::Times, Some(Base::Year(2019))));
    assert_eq!(form("Öka med 2 procentenheter"), change(Increase, "2", ChangeUnit::PercentagePoints, None));
}

#[test]
fn levels_bounds_and_deadlines() {
    assert_eq!(parse("72 %"), level("72", Unit::Percent));
    assert_eq!(parse("35 000"), level("35000", Unit::None));
    assert_eq!(parse("350 kr"), level("350", Unit::Kronor));
    assert_eq!(
        form("2018: 7,1 %"),
        TargetForm::Level(Level { value: d("7.1"), unit: Unit::Percent, year: Some(2018) })
    );
    let bound = |bound, value: &str, unit| TargetForm::Bound(Bound { bound, value: d(value), unit });
    assert_eq!(form("Under 6,5 %"), bound(BoundKind::Under, "6.5", Unit::Percent));
    assert_eq!(form("Högst 5"), bound(BoundKind::AtMost, "5", Unit::None));
    assert_eq!(form("Minst 80 %"), bound(BoundKind::AtLeast, "80", Unit::Percent));
    assert_eq!(form("Över 90 %"), bound(BoundKind::Over, "90", Unit::Percent));
    for text in ["100 % i dec", "100 % i december", "100 % vid årets slut"] {
        assert_eq!(
            form(text),
            TargetForm::Deadline(Deadline { bound: None, value: d("100"), unit: Unit::Percent, month: 12, year: None }),
            "{text}"
        );
    }
    assert_eq!(
        form("80 % senast i juni"),
        TargetForm::Deadline(Deadline { bound: None, value: d("80"), unit: Unit::Percent, month: 6, year: None })
    );
}

#[test]
fn per_period_and_per_sex_keep_their_parts() {
    let TargetForm::PerPeriod(periods) = form("DÅ 04: 56 % DÅ 08: 57 % ÅR: 58 %") else { panic!("per_period") };
    assert_eq!(periods.get(ReportPoint::April), Some(&level("56", Unit::Percent)));
    assert_eq!(periods.get(ReportPoint::August), Some(&level("57", Unit::Percent)));
    assert_eq!(periods.get(ReportPoint::Annual), Some(&level("58", Unit::Percent)));
    let TargetForm::PerPeriod(single) = form("DÅ 04: 61 %") else { panic!("per_period") };
    assert_eq!(single.periods.len(), 1);

    for text in ["K 16,0 % M 17,2 %", "K 16,0 %, M 17,2 %", "k16,0% m17,2%"] {
        let TargetForm::PerSex(sexes) = form(text) else { panic!("per_sex") };
        assert_eq!(sexes.get(Sex::Women), Some(&level("16.0", Unit::Percent)), "{text}");
        assert_eq!(sexes.get(Sex::Men), Some(&level("17.2", Unit::Percent)), "{text}");
    }
    let TargetForm::PerSex(one) = form("K40") else { panic!("per_sex") };
    assert_eq!((one.get(Sex::Women), one.get(Sex::Men)), (Some(&level("40", Unit::None)), None));
    let TargetForm::PerSex(counts) = form("150 kvinnor, 150 män") else { panic!("per_sex") };
    assert_eq!(counts.get(Sex::Men), Some(&level("150", Unit::None)));
    let TargetForm::PerSex(both) = form("K och M 90 %") else { panic!("per_sex") };
    assert_eq!(both.sexes.len(), 2);
    let TargetForm::PerSex(labelled) = form("2018 K: 55 % M: 57 %") else { panic!("per_sex") };
    assert_eq!(labelled.year, Some(2018));
}

#[test]
fn fractions_balances_benchmarks_units_budgets() {
    assert_eq!(form("4/20"), TargetForm::Fraction(Fraction { numerator: d("4"), denominator: d("20") }));
    for text in ["60/40%", "40/60", "60/40 %"] {
        assert_eq!(form(text), TargetForm::GenderBalance(GenderBalance { low: d("40"), high: d("60") }), "{text}");
    }
    let bench = |comparison| {
        TargetForm::Benchmark(Benchmark { comparison, reference: "riket".into(), population: Population::Nation })
    };
    assert_eq!(form("I nivå med riket"), bench(BenchmarkKind::AtLevel));
    assert_eq!(form("Snittet i riket"), bench(BenchmarkKind::Average));
    assert_eq!(form("Bättre än riket"), bench(BenchmarkKind::Better));
    assert_eq!(form("Minst i nivå med riket"), bench(BenchmarkKind::AtLeast));
    assert_eq!(
        form("Minst ett projekt per kommun"),
        TargetForm::PerUnit(PerUnit {
            bound: Some(BoundKind::AtLeast),
            value: d("1"),
            what: "projekt".into(),
            per: "kommun".into()
        })
    );
    assert_eq!(form("Två projekt per kommun").kind(), "per_unit");
    for text in ["Budget hålls", "Alla verksamheter", "Inom budget", "Hålla budget"] {
        assert_eq!(form(text), TargetForm::Budget, "{text}");
    }
}

#[test]
fn composites_label_their_components() {
    let TargetForm::Composite(c) = form("Somatisk vård, Öka Psykiatrisk vård, Minska") else { panic!("composite") };
    let labels: Vec<_> = c.components.iter().map(|x| x.label.as_deref()).collect();
    assert_eq!(labels, vec![Some("Somatisk vård"), Some("Psykiatrisk vård")]);
    assert_eq!(c.components[1].target.form, direction(Direction::Decrease, None));

    let TargetForm::Composite(c) = form("2020: 4,8 %, Kort: 49 %, Lång: 51 %") else { panic!("composite") };
    assert_eq!(c.components[0].label, None);
    assert_eq!(
        c.components[0].target.form,
        TargetForm::Level(Level { value: d("4.8"), unit: Unit::Percent, year: Some(2020) })
    );
    assert_eq!(c.components[2].label.as_deref(), Some("Lång"));

    let TargetForm::Composite(c) = form("20 personer/ 12 kommuner") else { panic!("composite") };
    assert_eq!(c.components[1].target, level("12", Unit::Other("kommuner".into())));
}

#[test]
fn milestones_none_and_notes_keep_their_text() {
    assert_eq!(
        form("Handlingsplan antagen"),
        TargetForm::Milestone(Milestone { text: "Handlingsplan antagen".into() })
    );
    assert_eq!(
        form("  Följa utvecklingen "),
        TargetForm::None(NoTarget { reason: NoTargetReason::Monitor, text: "Följa utvecklingen".into() })
    );
    assert_eq!(
        form("Efter behov"),
        TargetForm::None(NoTarget { reason: NoTargetReason::AsNeeded, text: "Efter behov".into() })
    );
    assert_eq!(form("-"), TargetForm::None(NoTarget { reason: NoTargetReason::Missing, text: "-".into() }));
    assert_eq!(form(""), TargetForm::None(NoTarget { reason: NoTargetReason::Missing, text: String::new() }));
    let noted = parse("35 000 (Dubbling jmf 2020)");
    assert_eq!(noted.form, level("35000", Unit::None).form);
    assert_eq!(noted.note.as_deref(), Some("Dubbling jmf 2020"));
    assert_eq!(noted.to_string(), "35 000 (Dubbling jmf 2020)");
}

#[test]
fn numbers_case_punctuation_and_white_space_do_not_matter() {
    let same: &[(&str, &[&str])] = &[
        ("72 %", &["72%", "72 procent", "72 PROCENT", "72\u{a0}%", "72 %.", "  72   % "]),
        ("16,5 %", &["16.5 %", "16,5%"]),
        ("35 000", &["35000", "35\u{a0}000", "35\u{202f}000", "35 000."]),
        ("Öka", &["öka", "ÖKA", "Öka.", " Öka "]),
        ("Minska med 50 % jmf 2019", &["minska  med 50%  jmf  2019", "MINSKA MED 50 PROCENT JMF 2019,"]),
        ("I nivå med riket", &["i nivå med riket", "I  nivå med riket."]),
        ("Under 6,5 %", &["under 6.5%", "UNDER 6,5 procent"]),
    ];
    for (canonical, variants) in same {
        for variant in *variants {
            assert_eq!(parse(variant), parse(canonical), "{variant:?} vs {canonical:?}");
        }
    }
}

#[test]
fn frequencies_are_levels_with_a_per_period_unit() {
    for text in ["Ett forum/ år", "1 forum/år", "ett forum per år"] {
        assert_eq!(parse(text), level("1", Unit::Other("forum/år".into())), "{text}");
    }
}

#[test]
fn display_is_canonical_swedish() {
    for (text, canonical) in [
        ("Minskning med 15 %", "Minska med 15 %"),
        ("öka 5 procent", "Öka med 5 %"),
        ("100 % i dec", "100 % i december"),
        ("95 % vid årets slut", "95 % i december"),
        ("K: 65 % M:65 %", "K 65 % M 65 %"),
        ("60/40%", "40/60 %"),
        ("4/20", "4 av 20"),
        ("35000", "35 000"),
        ("Somatisk vård, Öka Psykiatrisk vård, Minska", "Somatisk vård: Öka; Psykiatrisk vård: Minska"),
        ("Budget hålls", "Inom budget"),
        ("Minst ett projekt per kommun", "Minst 1 projekt per kommun"),
        ("Bibehåller eller öka", "Bibehålla"),
    ] {
        let target = parse(text);
        assert_eq!(target.to_string(), canonical, "{text}");
        assert_eq!(parse(canonical), target, "{canonical}");
    }
}

#[test]
fn json_carries_kind_and_typed_fields() {
    let json = serde_json::to_value(parse("Minska med 50 % jmf 2019 (Halvering)")).expect("json");
    assert_eq!(
        json,
        serde_json::json!({"kind": "relative_change", "direction": "decrease", "value": "50", "unit": "percent", "base": "2019", "note": "Halvering"})
    );
    let json = serde_json::to_value(parse("100 % i dec")).expect("json");
    assert_eq!(json, serde_json::json!({"kind": "deadline", "value": "100", "unit": "%", "month": 12}));
    for text in [
        "K 16,0 % M 17,2 %",
        "DÅ 04: 56 % DÅ 08: 57 % ÅR: 58 %",
        "Somatisk vård, Öka Psykiatrisk vård, Minska",
        "Inom budget",
        "-",
    ] {
        let target = parse(text);
        let back: Target = serde_json::from_str(&serde_json::to_string(&target).expect("ser")).expect("de");
        assert_eq!(back, target, "{text}");
    }
}

#[test]
fn lenient_parsing_keeps_unknown_text() {
    let text = "Samverkan med kommunerna kring barn och unga";
    assert!(Target::parse(text).is_err());
    assert_eq!(
        Target::parse_lenient(text, Fallback::Milestone).form,
        TargetForm::Milestone(Milestone { text: text.into() })
    );
    assert_eq!(
        Target::parse_lenient(text, Fallback::Unparsed).form,
        TargetForm::Unparsed(Unparsed { text: text.into() })
    );
    let odd = " Öka (kanske ";
    assert_eq!(Target::parse_lenient(odd, Fallback::Unparsed).to_string(), "Öka (kanske");
}

#[test]
fn strict_errors_point_at_the_problem_with_a_hint() {
    let cases: &[(&str, std::ops::Range<usize>, &str)] = &[
        ("Minska med", 10..10, "expected a number after 'Minska med'"),
        ("Öka 5", 6..6, "expected '%', 'procent', 'procentenheter' or 'gånger' after 'Öka 5'"),
        ("Under", 5..5, "expected a number after 'Under'"),
        ("Öka jmf", 8..8, "expected a comparison base after 'jmf'"),
        ("100 % i", 7..7, "expected a month after '100 % i'"),
        ("DÅ 04:", 6..6, "expected a target after 'DÅ 04'"),
        ("K 5 % M", 7..7, "expected a target after 'M'"),
        ("I nivå med", 11..11, "expected a reference after 'I nivå med'"),
        ("72 % )", 5..6, "unexpected ')'"),
        ("Blå himmel", 0..11, "'Blå himmel' is not a target"),
    ];
    for (text, span, hint) in cases {
        let error = Target::parse(text).expect_err(text);
        assert_eq!(error.kind(), styrkort::ErrorKind::TargetSyntax);
        let [diagnostic] = error.diagnostics() else { panic!("one diagnostic: {error}") };
        assert_eq!(diagnostic.location.span.as_ref(), Some(span), "{text}: {error}");
        assert!(diagnostic.message.starts_with(hint), "{text}: {}", diagnostic.message);
        assert!(diagnostic.message.ends_with(&format!(" in '{text}'")), "{text}: {}", diagnostic.message);
    }
}

#[test]
fn forms_listed_in_forms_md() {
    for (text, kind) in [
        ("95 % vid årsskiftet", "deadline"),
        ("Öka med 3 gånger", "relative_change"),
        ("Halvering", "relative_change"),
        ("350 kr per invånare", "level"),
        ("Minst i nivå med riket", "benchmark"),
        ("Nytt mått", "none"),
        ("Öka jmf föregående år", "direction"),
        ("Öka jmf motsvarande period året innan", "direction"),
        ("K/M 90 %", "per_sex"),
    ] {
        assert_eq!(parse(text).kind(), kind, "{text}");
    }
    assert_eq!(parse("350 kr per invånare"), level("350", Unit::Other("kr per invånare".into())));
    assert_eq!(
        form("95 % vid årsskiftet"),
        TargetForm::Deadline(Deadline { bound: None, value: d("95"), unit: Unit::Percent, month: 12, year: None })
    );
}

#[test]
fn a_number_word_before_prose_is_no_level() {
    // A unit is at most three words; longer prose after "En" is a sentence, not "1 of …".
    assert!(Target::parse("En tydlig plan som alla förstår").is_err());
    assert_eq!(Target::parse_lenient("En tydlig plan som alla förstår", Fallback::Milestone).kind(), "milestone");
    assert_eq!(Target::parse("Två nya vårdcentraler").map(|t| t.kind()), Ok("level"));
}
