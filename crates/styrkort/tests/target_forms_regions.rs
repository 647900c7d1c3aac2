//! The target forms of later years and of other Swedish regions and municipalities (issue 9;
//! `FORMS.md`, "Forms of other regions' plans"): one table per form family, the canonical text
//! of each, the strict errors that replace guesses, and no panic on extreme numbers.

use rust_decimal::Decimal;
use std::str::FromStr;
use styrkort::model::Sex;
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

fn bound(bound: BoundKind, value: &str, unit: Unit) -> TargetForm {
    TargetForm::Bound(Bound { bound, value: d(value), unit })
}

fn level(value: &str, unit: Unit) -> TargetForm {
    TargetForm::Level(Level { value: d(value), unit, year: None })
}

fn words(unit: &str) -> Unit {
    Unit::Other(unit.to_owned())
}

#[test]
fn comparison_signs_are_bounds() {
    use BoundKind::*;
    let table = [
        ("≥45", bound(AtLeast, "45", Unit::None)),
        ("≥ 85 %", bound(AtLeast, "85", Unit::Percent)),
        (">= 85%", bound(AtLeast, "85", Unit::Percent)),
        (">50", bound(Over, "50", Unit::None)),
        ("<10%", bound(Under, "10", Unit::Percent)),
        ("≤ 3", bound(AtMost, "3", Unit::None)),
        ("<= 3 dagar", bound(AtMost, "3", words("dagar"))),
        ("< -2", bound(Under, "-2", Unit::None)),
    ];
    for (text, expected) in table {
        assert_eq!(form(text), expected, "{text}");
    }
    assert_eq!(form("=0"), level("0", Unit::None), "'=' states the level itself");
    assert_eq!(form("= 100 %"), level("100", Unit::Percent));
}

#[test]
fn or_higher_or_lower_are_bounds_and_or_better_is_a_level() {
    use BoundKind::*;
    let table = [
        ("80 procent eller högre", bound(AtLeast, "80", Unit::Percent)),
        ("80 % eller mer", bound(AtLeast, "80", Unit::Percent)),
        ("12 eller fler", bound(AtLeast, "12", Unit::None)),
        ("5 % eller lägre", bound(AtMost, "5", Unit::Percent)),
        ("5 procent eller mindre", bound(AtMost, "5", Unit::Percent)),
        ("3 eller färre", bound(AtMost, "3", Unit::None)),
        ("minst 80 procent", bound(AtLeast, "80", Unit::Percent)),
        // "Or better" is what a level means: the measure's polarity says which side is better.
        ("90 % eller bättre", level("90", Unit::Percent)),
    ];
    for (text, expected) in table {
        assert_eq!(form(text), expected, "{text}");
    }
}

#[test]
fn a_sentence_keeps_its_subject_as_the_note() {
    let increase = TargetForm::Direction(DirectionTarget { direction: Direction::Increase, base: None });
    let decrease = TargetForm::Direction(DirectionTarget { direction: Direction::Decrease, base: None });
    let nation = |comparison| {
        TargetForm::Benchmark(Benchmark {
            comparison,
            reference: "riksgenomsnittet".into(),
            population: Population::Nation,
        })
    };
    let table = [
        ("Andelen nöjda invånare ska öka", increase.clone(), "Andelen nöjda invånare"),
        ("Andelen nöjda invånare ska öka.", increase.clone(), "Andelen nöjda invånare"),
        ("Antalet vårdskador ska minska", decrease, "Antalet vårdskador"),
        ("Andelen som får vård inom 90 dagar ska öka", increase.clone(), "Andelen som får vård inom 90 dagar"),
        ("Andelen (%) ska fortsätta att öka", increase, "Andelen (%)"),
        ("Andelen ska ligga över riksgenomsnittet", nation(BenchmarkKind::Higher), "Andelen"),
        ("Kostnaden skall vara lägre än riksgenomsnittet.", nation(BenchmarkKind::Lower), "Kostnaden"),
        (
            "Resultatet ska förbättras jämfört med föregående år",
            TargetForm::Direction(DirectionTarget { direction: Direction::Improve, base: Some(Base::PreviousYear) }),
            "Resultatet",
        ),
        ("Andelen ska vara minst 80 %", bound(BoundKind::AtLeast, "80", Unit::Percent), "Andelen"),
        ("Väntetiden bör vara högst 30 dagar", bound(BoundKind::AtMost, "30", words("dagar")), "Väntetiden"),
        ("Andelen ska uppgå till 72 %", level("72", Unit::Percent), "Andelen"),
    ];
    for (text, expected, subject) in table {
        let target = parse(text);
        assert_eq!(target.form, expected, "{text}");
        assert_eq!(target.note.as_deref(), Some(subject), "{text}");
    }
    let noted = parse("Andelen nöjda invånare ska öka (jmf 2022)");
    assert_eq!(noted.note.as_deref(), Some("Andelen nöjda invånare (jmf 2022)"));
    assert_eq!(noted.to_string(), "Öka (Andelen nöjda invånare (jmf 2022))");
    assert_eq!(parse(&noted.to_string()), noted);
    // A lone label with a colon is the subject of its target too.
    assert_eq!(parse("Kort: 49 %").note.as_deref(), Some("Kort"));
}

#[test]
fn text_before_a_direction_word_is_never_a_composite() {
    for text in ["Andelen nöjda invånare ska öka", "Andelen nöjda invånare ska minska", "Kort: 49 %"] {
        assert_ne!(parse(text).kind(), "composite", "{text}");
    }
    // Without "ska" (or a list) the prose is no label of anything: strict parsing says so.
    for text in ["Andelen nöjda invånare öka", "Somatisk vård, Öka"] {
        let error = Target::parse(text).expect_err(text);
        assert!(error.diagnostics()[0].message.contains("is no label of a list"), "{text}: {error}");
    }
    // A real list of labelled components still is one.
    assert_eq!(parse("Somatisk vård, Öka Psykiatrisk vård, Minska").kind(), "composite");
}

#[test]
fn benchmarks_keep_the_population_they_name() {
    use BenchmarkKind::*;
    use Population::*;
    let table = [
        ("I nivå med riket", AtLevel, "riket", Nation),
        ("Högre än riksgenomsnittet", Higher, "riksgenomsnittet", Nation),
        ("Över rikssnittet", Higher, "rikssnittet", Nation),
        ("Lägre än länet", Lower, "länet", County),
        ("Under riksgenomsnittet", Lower, "riksgenomsnittet", Nation),
        ("Bättre än jämförbara regioner", Better, "jämförbara regioner", ComparableRegions),
        ("I nivå med Sveriges regioner", AtLevel, "Sveriges regioner", Regions),
        ("Högre än länet", Higher, "länet", County),
        ("Minst i nivå med rikssnittet", AtLeast, "rikssnittet", Nation),
        ("I nivå med riket eller bättre", AtLeast, "riket", Nation),
        ("Bättre än jämförbara sjukhus", Better, "jämförbara sjukhus", Other),
    ];
    for (text, comparison, reference, population) in table {
        assert_eq!(
            form(text),
            TargetForm::Benchmark(Benchmark { comparison, reference: reference.into(), population }),
            "{text}"
        );
    }
    // Before a number the same words are bounds; before other words no benchmark.
    assert_eq!(form("Under 6,5 %"), bound(BoundKind::Under, "6.5", Unit::Percent));
    assert!(Target::parse("Under budget").is_err());
}

#[test]
fn targets_per_year_in_one_cell() {
    let per_year = |text: &str| match form(text) {
        TargetForm::PerYear(years) => years,
        other => panic!("{text}: {other:?}"),
    };
    let years = per_year("-3,2% (2025) -1% (2026) 0,5 % (2027)");
    assert_eq!(years.get(2025).map(|t| &t.form), Some(&level("-3.2", Unit::Percent)), "a negative level is a level");
    assert_eq!(years.get(2026).map(|t| &t.form), Some(&level("-1", Unit::Percent)));
    assert_eq!(years.get(2027).map(|t| &t.form), Some(&level("0.5", Unit::Percent)));
    assert_eq!(years.get(2028), None);

    let years = per_year("<12% (2025)<11% (2026)");
    assert_eq!(years.get(2026).map(|t| &t.form), Some(&bound(BoundKind::Under, "11", Unit::Percent)));

    for text in ["2025: 60 % 2026: 65 %", "2025: 60 %, 2026: 65 %", "2025: 60 %; 2026: 65 %.", "2025: 60 %/ 2026: 65 %"]
    {
        let years = per_year(text);
        let parts: Vec<(i32, TargetForm)> = years.years.iter().map(|p| (p.year, p.target.form.clone())).collect();
        assert_eq!(parts, vec![(2025, level("60", Unit::Percent)), (2026, level("65", Unit::Percent))], "{text}");
    }
    let years = per_year("2025 K: 40 % M: 45 % 2026 K: 45 % M: 50 %");
    let TargetForm::PerSex(sexes) = &years.get(2026).expect("2026").form else { panic!("per sex") };
    assert_eq!(sexes.get(Sex::Men).map(|t| &t.form), Some(&level("50", Unit::Percent)));

    // One labelled year stays the SPEC's level of that year.
    assert_eq!(
        form("2018: 7,1 %"),
        TargetForm::Level(Level { value: d("7.1"), unit: Unit::Percent, year: Some(2018) })
    );
}

#[test]
fn year_deadlines() {
    let deadline = |bound, value: &str, unit, month, year| {
        TargetForm::Deadline(Deadline { bound, value: d(value), unit, month, year: Some(year) })
    };
    let table = [
        ("75,0 % (2027)", deadline(None, "75.0", Unit::Percent, 12, 2027)),
        ("80 % senast 2025", deadline(None, "80", Unit::Percent, 12, 2025)),
        ("80 % senast år 2025", deadline(None, "80", Unit::Percent, 12, 2025)),
        ("90 % år 2030", deadline(None, "90", Unit::Percent, 12, 2030)),
        ("90 % till 2030", deadline(None, "90", Unit::Percent, 12, 2030)),
        ("100 % vid utgången av 2026", deadline(None, "100", Unit::Percent, 12, 2026)),
        ("80 % i juni 2026", deadline(None, "80", Unit::Percent, 6, 2026)),
        ("<10 % (2027)", deadline(Some(BoundKind::Under), "10", Unit::Percent, 12, 2027)),
        ("Minst 500 besök senast 2026", deadline(Some(BoundKind::AtLeast), "500", words("besök"), 12, 2026)),
    ];
    for (text, expected) in table {
        assert_eq!(form(text), expected, "{text}");
    }
    // A year after another form is kept as its note, as before.
    assert_eq!(parse("Öka (2025)").note.as_deref(), Some("2025"));
}

#[test]
fn absolute_changes_add_an_amount_to_the_base() {
    let change = |direction, value: &str, unit, base| {
        TargetForm::AbsoluteChange(AbsoluteChange { direction, value: d(value), unit, base })
    };
    use ChangeDirection::*;
    let table = [
        ("Öka med 1 200", change(Increase, "1200", Unit::None, None)),
        ("minska med 3 st", change(Decrease, "3", words("st"), None)),
        ("Ökning med 500 besök jmf 2022", change(Increase, "500", words("besök"), Some(Base::Year(2022)))),
        ("Minska med 2 mnkr", change(Decrease, "2", words("mnkr"), None)),
    ];
    for (text, expected) in table {
        assert_eq!(form(text), expected, "{text}");
    }
    // Percentage points stay a relative change, as SPEC §2 has it.
    assert_eq!(parse("öka med 2 procentenheter").kind(), "relative_change");
    assert_eq!(parse("Öka med 5 %").kind(), "relative_change");
}

#[test]
fn leading_numbers_with_long_units_and_rolling_windows() {
    let noted = parse("1 500 tim i snitt/vecka (R6)");
    assert_eq!(noted.form, level("1500", words("tim i snitt/vecka")));
    assert_eq!(noted.note.as_deref(), Some("R6"));
    assert_eq!(form("9 870st"), level("9870", words("st")));
    assert_eq!(form("4,2 miljoner kr"), level("4.2", words("miljoner kr")));
    assert_eq!(form("12 besök i genomsnitt per månad"), level("12", words("besök i genomsnitt/månad")));
}

#[test]
fn no_target_yet_is_none_with_its_reason() {
    use NoTargetReason::*;
    let table = [
        ("Basvärde tas fram", BaselineToEstablish),
        ("Ett basvärde tas fram under 2025", BaselineToEstablish),
        ("Ingångsvärde", BaselineToEstablish),
        ("Ingångsvärde tas fram", BaselineToEstablish),
        ("Nytt mått", BaselineToEstablish),
        ("Ett nytt mått", BaselineToEstablish),
        ("Nollmätning", BaselineToEstablish),
        ("Målvärde under framtagande", TargetToBeSet),
        ("Målvärde tas fram", TargetToBeSet),
        ("Under framtagande", TargetToBeSet),
        ("Målvärde saknas", Missing),
        ("Inget mål", Missing),
        ("Saknas", Missing),
    ];
    for (text, reason) in table {
        assert_eq!(form(text), TargetForm::None(NoTarget { reason, text: text.into() }), "{text}");
    }
}

#[test]
fn deliverables_are_milestones_also_without_a_measure_kind() {
    for text in [
        "Handlingsplan framtagen",
        "Handlingsplan framtagen och antagen",
        "Rutiner upprättade",
        "Riktlinje upprättad",
        "Utbildningen genomförd",
        "Utbildningarna genomförda",
        "Inventering genomfört",
        "Ny ordning beslutad",
        "Arbetssättet infört",
        "Samverkan etablerad",
        "Systemet implementerat",
        "Planen klar",
        "Beslut fattat om ny vårdstruktur",
        "Avtal tecknat",
        "Regionen medverkar i det nationella arbetet",
        "Åtgärderna i planen är genomförda",
        // Misspelt, as documents have them.
        "Utbildningen genomföd",
        "Planen implementrad",
        "Rutiner upprätade",
        "Handlingsplanerna antagna",
    ] {
        // Strict parsing: the CLI has no measure kind to fall back on.
        assert_eq!(form(text), TargetForm::Milestone(Milestone { text: text.into() }), "{text}");
    }
}

#[test]
fn monitoring_is_none() {
    for text in [
        "Följa utvecklingen",
        "Följa kostnadsutvecklingen",
        "Följa X",
        "Följs upp årligen",
        "Bevaka",
        "Bevaka utvecklingen",
        "Redovisas",
        "Redovisas i årsredovisningen",
        "Kostnadsutvecklingen följs upp årligen",
        "Andelen ska följas upp",
    ] {
        assert_eq!(
            form(text),
            TargetForm::None(NoTarget { reason: NoTargetReason::Monitor, text: text.into() }),
            "{text}"
        );
    }
}

#[test]
fn trailing_punctuation_after_any_form() {
    let same: &[(&str, &[&str])] = &[
        (
            "12 000 (Ökning jmf 2022)",
            &["12 000 (Ökning jmf 2022):", "12 000 (Ökning jmf 2022).", "12 000 (Ökning jmf 2022) ;"],
        ),
        ("Öka", &["Öka.", "Öka!", "Öka;"]),
        ("72 %", &["72 %;", "72 %:", "72 %,"]),
        ("≥ 85 %", &["≥ 85 %."]),
        ("2025: 60 % 2026: 65 %", &["2025: 60 % 2026: 65 %."]),
        ("75,0 % (2027)", &["75,0 % (2027)."]),
    ];
    for (canonical, variants) in same {
        for variant in *variants {
            assert_eq!(parse(variant), parse(canonical), "{variant:?}");
        }
    }
    assert_eq!(parse("12 000 (Ökning jmf 2022):").note.as_deref(), Some("Ökning jmf 2022"));
}

#[test]
fn strict_parsing_does_not_guess() {
    let cases: &[(&str, std::ops::Range<usize>, &str)] = &[
        ("2/0", 0..3, "'2/0' is no fraction: the total must be above 0 and the part not above it"),
        ("5/3", 0..3, "'5/3' is no fraction"),
        ("5 av 3", 0..6, "'5 av 3' is no fraction"),
        ("70/20/10", 0..8, "'70/20/10' has more than two numbers"),
        ("30/50 %", 0..7, "'30/50 %' is no gender balance: the two shares add up to 100"),
        ("40 % 45 %", 5..9, "a second target '45 %' without a label or a separator"),
        ("M30 M35", 4..5, "'M' a second time: each sex has one target"),
        ("K 5 % M 6 % K 7 %", 12..13, "'K' a second time"),
        ("2025: 5 % 2025: 6 %", 10..19, "'2025: 6 %' a second time: each year has one target"),
        ("2025: 5 %, 2025: 6 %", 11..20, "'2025: 6 %' a second time"),
        ("1,5,2 %", 0..5, "'1,5,2' is not a number"),
        ("Öka 1 200", 10..10, "expected '%', 'procent', 'procentenheter' or 'gånger' after 'Öka 1 200', or 'med'"),
        ("Andelen ska", 11..11, "expected a target after 'ska'"),
    ];
    for (text, span, hint) in cases {
        let error = Target::parse(text).expect_err(text);
        assert_eq!(error.kind(), styrkort::ErrorKind::TargetSyntax);
        let [diagnostic] = error.diagnostics() else { panic!("one diagnostic: {error}") };
        assert_eq!(diagnostic.location.span.as_ref(), Some(span), "{text}: {error}");
        assert!(diagnostic.message.starts_with(hint), "{text}: {}", diagnostic.message);
        // Lenient parsing keeps the text, unreshaped.
        let kept = Target::parse_lenient(text, Fallback::Unparsed);
        assert_eq!(kept.form, TargetForm::Unparsed(Unparsed { text: (*text).into() }), "{text}");
    }
    // What the language does allow stays allowed.
    assert_eq!(form("4/20"), TargetForm::Fraction(Fraction { numerator: d("4"), denominator: d("20") }));
    assert_eq!(form("0/5").kind(), "fraction");
    assert_eq!(form("50/50").kind(), "gender_balance");
    assert_eq!(form("40 %, 45 %").kind(), "composite");
}

#[test]
fn extreme_numbers_never_panic() {
    let big = "79228162514264337593543950335";
    for text in [
        format!("{big}/{big}"),
        format!("{big}/{big} %"),
        format!("{big}/1"),
        format!("-{big}/{big}"),
        format!("Öka med {big} %"),
        format!("K {big} M {big}"),
        format!("{big} av {big}"),
        format!("{big}9/1"),
    ] {
        let strict = Target::parse(&text);
        let lenient = Target::parse_lenient(&text, Fallback::Unparsed);
        if let Ok(target) = strict {
            assert_eq!(target, lenient, "{text}");
            assert_eq!(Target::parse(&target.to_string()), Ok(target), "{text}");
        }
    }
    assert_eq!(form(&format!("{big}/{big}")).kind(), "fraction", "a part equal to its total");
}

#[test]
fn new_forms_render_canonically_and_read_back() {
    for (text, canonical) in [
        ("≥45", "Minst 45"),
        ("<10%", "Under 10 %"),
        ("=0", "0"),
        ("80 procent eller högre", "Minst 80 %"),
        ("Under rikssnittet", "Lägre än rikssnittet"),
        ("Över länet", "Högre än länet"),
        ("-3,2% (2025) -1% (2026) 0,5 % (2027)", "2025: -3,2 % 2026: -1 % 2027: 0,5 %"),
        ("<12% (2025)<11% (2026)", "2025: Under 12 % 2026: Under 11 %"),
        ("75,0 % (2027)", "75,0 % senast 2027"),
        ("90 % år 2030", "90 % senast 2030"),
        ("80 % i juni 2026", "80 % i juni 2026"),
        ("<10 % (2027)", "Under 10 % senast 2027"),
        ("Öka med 1 200", "Öka med 1200"),
        ("minska med 3 st", "Minska med 3 st"),
        ("9 870st", "9870 st"),
        ("Andelen nöjda invånare ska öka.", "Öka (Andelen nöjda invånare)"),
        ("Kort: 49 %", "49 % (Kort)"),
    ] {
        let target = parse(text);
        assert_eq!(target.to_string(), canonical, "{text}");
        assert_eq!(parse(canonical), target, "{canonical}");
    }
}

#[test]
fn json_carries_the_new_fields() {
    let json = |text: &str| serde_json::to_value(parse(text)).expect("json");
    assert_eq!(
        json("75,0 % (2027)"),
        serde_json::json!({"kind": "deadline", "value": "75.0", "unit": "%", "month": 12, "year": 2027})
    );
    assert_eq!(
        json("<10 % (2027)"),
        serde_json::json!({"kind": "deadline", "bound": "under", "value": "10", "unit": "%", "month": 12, "year": 2027})
    );
    assert_eq!(
        json("Högre än länet"),
        serde_json::json!({"kind": "benchmark", "comparison": "higher", "reference": "länet", "population": "county"})
    );
    assert_eq!(
        json("minska med 3 st"),
        serde_json::json!({"kind": "absolute_change", "direction": "decrease", "value": "3", "unit": "st"})
    );
    assert_eq!(
        json("2025: 60 % 2026: 65 %"),
        serde_json::json!({"kind": "per_year", "years": [
            {"year": 2025, "target": {"kind": "level", "value": "60", "unit": "%"}},
            {"year": 2026, "target": {"kind": "level", "value": "65", "unit": "%"}}]})
    );
    assert_eq!(
        json("Målvärde under framtagande"),
        serde_json::json!({"kind": "none", "reason": "target_to_be_set", "text": "Målvärde under framtagande"})
    );
}
