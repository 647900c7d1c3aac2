//! `parse(display(t)) == t` for arbitrary targets: the canonical Swedish text of every target
//! the strict parser can produce parses back to the same target; milestones and unparsed text
//! come back through lenient parsing; and lenient parsing is stable on any text.

use proptest::prelude::*;
use rust_decimal::Decimal;
use styrkort::model::{ReportPoint, Sex};
use styrkort::target::*;

fn decimal(signed: bool) -> impl Strategy<Value = Decimal> {
    let low = if signed { -10_000_000_000i64 } else { 0 };
    (low..10_000_000_000i64, 0u32..5).prop_map(|(m, scale)| Decimal::new(m, scale))
}

const WORD_UNITS: [&str; 14] = [
    "personer",
    "kommuner",
    "st",
    "besök",
    "mnkr",
    "tkr",
    "dagar",
    "forum/år",
    "personmil",
    "m²",
    "ärenden per invånare",
    "kr per invånare",
    "miljoner personmil",
    "tim i snitt/vecka",
];

fn unit() -> impl Strategy<Value = Unit> {
    prop_oneof![
        Just(Unit::None),
        Just(Unit::Percent),
        Just(Unit::Kronor),
        prop::sample::select(WORD_UNITS.to_vec()).prop_map(|w| Unit::Other(w.to_owned())),
    ]
}

/// The unit of an absolute change: anything but `%`, which makes a relative change.
fn amount_unit() -> impl Strategy<Value = Unit> {
    prop_oneof![
        Just(Unit::None),
        Just(Unit::Kronor),
        prop::sample::select(WORD_UNITS.to_vec()).prop_map(|w| Unit::Other(w.to_owned())),
    ]
}

fn base() -> impl Strategy<Value = Option<Base>> {
    prop::option::of(prop_oneof![
        (1000i32..=9999).prop_map(Base::Year),
        (1000i32..=9999, 1u8..=12).prop_map(|(year, month)| Base::Month { year, month }),
        Just(Base::SameQuarterYearBefore),
        Just(Base::SamePeriodYearBefore),
        Just(Base::PreviousYear),
    ])
}

fn bound_kind() -> impl Strategy<Value = BoundKind> {
    prop::sample::select(vec![BoundKind::Under, BoundKind::AtMost, BoundKind::AtLeast, BoundKind::Over])
}

fn change_direction() -> impl Strategy<Value = ChangeDirection> {
    prop::sample::select(vec![ChangeDirection::Increase, ChangeDirection::Decrease])
}

/// A benchmark: any reference after "I nivå med", "Bättre än" …; a known population after
/// "Högre än" and "Lägre än".
fn benchmark() -> impl Strategy<Value = TargetForm> {
    let known = vec![
        ("riket", Population::Nation),
        ("rikssnittet", Population::Nation),
        ("riksgenomsnittet", Population::Nation),
        ("Sverige", Population::Nation),
        ("länet", Population::County),
        ("jämförbara regioner", Population::ComparableRegions),
        ("Sveriges regioner", Population::Regions),
        ("övriga regioner", Population::Regions),
    ];
    let mut any = known.clone();
    any.extend([("jämförbara sjukhus", Population::Other), ("norra regionen", Population::Other)]);
    let worded = (
        prop::sample::select(vec![
            BenchmarkKind::AtLevel,
            BenchmarkKind::AtLeast,
            BenchmarkKind::Average,
            BenchmarkKind::Better,
        ]),
        prop::sample::select(any),
    );
    let by_population =
        (prop::sample::select(vec![BenchmarkKind::Higher, BenchmarkKind::Lower]), prop::sample::select(known));
    prop_oneof![worded, by_population].prop_map(|(comparison, (reference, population))| {
        TargetForm::Benchmark(Benchmark { comparison, reference: reference.into(), population })
    })
}

/// Forms that stand alone and may sit inside per-sex, per-period, per-year and composite targets.
fn simple() -> impl Strategy<Value = TargetForm> {
    prop_oneof![
        (
            prop::sample::select(vec![
                Direction::Increase,
                Direction::Decrease,
                Direction::Maintain,
                Direction::Improve,
                Direction::PositiveTrend,
                Direction::NarrowGap,
                Direction::NarrowSexGap,
            ]),
            base()
        )
            .prop_map(|(direction, base)| TargetForm::Direction(DirectionTarget { direction, base })),
        (
            change_direction(),
            decimal(false),
            prop::sample::select(vec![ChangeUnit::Percent, ChangeUnit::PercentagePoints, ChangeUnit::Times]),
            base()
        )
            .prop_map(|(direction, value, unit, base)| TargetForm::RelativeChange(RelativeChange {
                direction,
                value,
                unit,
                base
            })),
        (change_direction(), decimal(false), amount_unit(), base()).prop_map(|(direction, value, unit, base)| {
            TargetForm::AbsoluteChange(AbsoluteChange { direction, value, unit, base })
        }),
        (decimal(true), unit(), prop::option::of(1000i32..=9999))
            .prop_map(|(value, unit, year)| TargetForm::Level(Level { value, unit, year })),
        (bound_kind(), decimal(true), unit()).prop_map(|(bound, value, unit)| TargetForm::Bound(Bound {
            bound,
            value,
            unit
        })),
        (prop::option::of(bound_kind()), decimal(true), unit(), 1u8..=12, prop::option::of(1000i32..=9999)).prop_map(
            |(bound, value, unit, month, year)| TargetForm::Deadline(Deadline { bound, value, unit, month, year })
        ),
        (decimal(false), decimal(false)).prop_filter_map("a positive total", |(a, b)| {
            let (numerator, denominator) = (a.min(b), a.max(b));
            (denominator > Decimal::ZERO).then_some(TargetForm::Fraction(Fraction { numerator, denominator }))
        }),
        (0u32..=500, 0u32..2).prop_map(|(tenths, scale)| {
            let low = Decimal::new(i64::from(tenths), 1).round_dp(scale);
            TargetForm::GenderBalance(GenderBalance { low, high: Decimal::ONE_HUNDRED - low })
        }),
        benchmark(),
        (
            prop::option::of(bound_kind()),
            decimal(false),
            prop::sample::select(vec!["", "projekt", "utbildningar", "möten"]),
            prop::sample::select(vec!["kommun", "verksamhet", "division", "länsdel", "enhet"])
        )
            .prop_map(|(bound, value, what, per)| TargetForm::PerUnit(PerUnit {
                bound,
                value,
                what: what.into(),
                per: per.into()
            })),
        Just(TargetForm::Budget),
    ]
}

/// A per-sex target: each sex at most once, in any order.
fn per_sex(year: impl Strategy<Value = Option<i32>>) -> impl Strategy<Value = TargetForm> {
    let sexes = prop::sample::subsequence(vec![Sex::Total, Sex::Women, Sex::Men], 1..=3).prop_shuffle();
    (year, sexes)
        .prop_flat_map(|(year, sexes)| {
            let forms = prop::collection::vec(simple(), sexes.len());
            (Just(year), Just(sexes), forms)
        })
        .prop_map(|(year, sexes, forms)| {
            let sexes =
                sexes.into_iter().zip(forms).map(|(sex, form)| SexPart { sex, target: Target::from(form) }).collect();
            TargetForm::PerSex(PerSex { year, sexes })
        })
}

/// A per-year target: two to four different years.
fn per_year() -> impl Strategy<Value = TargetForm> {
    let part = prop_oneof![3 => simple(), 1 => per_sex(Just(None))];
    prop::collection::btree_map(1000i32..=9999, part, 2..5).prop_shuffle_map()
}

/// Shuffles the parts of a per-year target drawn as a map of distinct years.
trait ShuffleMap {
    fn prop_shuffle_map(self) -> BoxedStrategy<TargetForm>;
}

impl<S: Strategy<Value = std::collections::BTreeMap<i32, TargetForm>> + 'static> ShuffleMap for S {
    fn prop_shuffle_map(self) -> BoxedStrategy<TargetForm> {
        self.prop_map(|parts| parts.into_iter().collect::<Vec<_>>())
            .prop_shuffle()
            .prop_map(|parts| {
                let years =
                    parts.into_iter().map(|(year, form)| YearPart { year, target: Target::from(form) }).collect();
                TargetForm::PerYear(PerYear { years })
            })
            .boxed()
    }
}

fn label() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "Somatisk vård",
        "Psykiatrisk vård",
        "Kort",
        "Lång",
        "Hjärt-sjukdom",
        "Stroke",
        "Primärvård",
    ])
    .prop_map(str::to_owned)
}

/// Whether a form names a year before its value ("2020: 4,8 %", "2018 K: 55 %").
fn year_labelled(form: &TargetForm) -> bool {
    matches!(form, TargetForm::Level(Level { year: Some(_), .. }) | TargetForm::PerSex(PerSex { year: Some(_), .. }))
}

/// Every form the strict parser produces.
fn strict_form() -> impl Strategy<Value = TargetForm> {
    let inner = prop_oneof![3 => simple(), 1 => per_sex(prop::option::of(1000i32..=9999))];
    prop_oneof![
        6 => simple(),
        2 => per_sex(prop::option::of(1000i32..=9999)),
        1 => per_year(),
        1 => prop::collection::vec((prop::sample::select(ReportPoint::ALL.to_vec()), inner.clone()), 1..4).prop_map(|parts| {
            let periods = parts.into_iter().map(|(report, form)| PeriodPart { report, target: Target::from(form) }).collect();
            TargetForm::PerPeriod(PerPeriod { periods })
        }),
        1 => prop::collection::vec((prop::option::of(label()), inner), 2..5)
            // Unlabelled parts that each name a year are a per-year target, not a composite.
            .prop_filter("not a list of years", |parts| !parts.iter().all(|(label, form)| label.is_none() && year_labelled(form)))
            .prop_map(|parts| {
            let components = parts
                .into_iter()
                .map(|(label, form)| {
                    // A per-sex component is labelled: "K 5; M 6" would read as one per-sex target.
                    let label = if form.kind() == "per_sex" { label.or_else(|| Some("Kort".to_owned())) } else { label };
                    Component { label, target: Target::from(form) }
                })
                .collect();
            TargetForm::Composite(Composite { components })
        }),
        1 => (prop::sample::select(vec!["Handlingsplan", "Strategin", "Programmet", "Rutiner", "Regionplan", "Avtal"]),
              prop::sample::select(vec!["antagen", "genomförd", "etablerade", "framtagen", "klar", "fastställd",
                                        "upprättade", "implementerad", "tecknat", "framtagen och antagen", "genomföd"]))
            .prop_map(|(noun, done)| TargetForm::Milestone(Milestone { text: format!("{noun} {done}") })),
        1 => prop::sample::select(vec![
            "Beslut fattat om ny organisation",
            "Regionen medverkar i projektet",
            "Insatserna är genomförda",
        ])
        .prop_map(|text| TargetForm::Milestone(Milestone { text: text.into() })),
        1 => prop::sample::select(vec![
            (NoTargetReason::Monitor, "Följa utvecklingen"),
            (NoTargetReason::Monitor, "Följa kostnadsutvecklingen"),
            (NoTargetReason::Monitor, "Följs upp årligen"),
            (NoTargetReason::Monitor, "Bevaka"),
            (NoTargetReason::Monitor, "Redovisas"),
            (NoTargetReason::AsNeeded, "Efter behov"),
            (NoTargetReason::BaselineToEstablish, "Ingångsvärde"),
            (NoTargetReason::BaselineToEstablish, "Nytt mått"),
            (NoTargetReason::BaselineToEstablish, "Basvärde tas fram"),
            (NoTargetReason::TargetToBeSet, "Målvärde under framtagande"),
            (NoTargetReason::Missing, "Målvärde saknas"),
            (NoTargetReason::Missing, "-"),
            (NoTargetReason::Missing, ""),
        ])
        .prop_map(|(reason, text)| TargetForm::None(NoTarget { reason, text: text.into() })),
    ]
}

/// A note: a rationale or the subject of a sentence. Never a bare year, which after a level
/// makes a deadline ("75 % (2027)").
fn note() -> impl Strategy<Value = Option<String>> {
    prop::option::of(
        prop::sample::select(vec![
            "Dubbling jmf 2020",
            "enligt plan",
            "2019: 5 %",
            "se bilaga 2",
            "R6",
            "Andelen nöjda invånare",
            "Andelen (%) som får vård inom 90 dagar",
        ])
        .prop_map(str::to_owned),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn strict_parse_of_display_gives_the_target_back(form in strict_form(), note in note()) {
        let target = Target { form, note };
        let text = target.to_string();
        prop_assert_eq!(Target::parse(&text), Ok(target.clone()), "canonical text {:?}", text);
        let json = serde_json::to_string(&target).expect("serialise");
        let back: Target = serde_json::from_str(&json).expect("deserialise");
        prop_assert_eq!(back, target);
    }

    #[test]
    fn lenient_parse_of_display_gives_fallbacks_back(text in "\\PC{0,40}", milestone in any::<bool>()) {
        prop_assume!(Target::parse(&text).is_err());
        let text = text.trim().to_owned();
        let (form, fallback) = if milestone {
            (TargetForm::Milestone(Milestone { text }), Fallback::Milestone)
        } else {
            (TargetForm::Unparsed(Unparsed { text }), Fallback::Unparsed)
        };
        let target = Target::from(form);
        prop_assert_eq!(Target::parse_lenient(&target.to_string(), fallback), target);
    }

    #[test]
    fn lenient_parsing_is_stable_on_any_text(text in "\\PC{0,60}") {
        let target = Target::parse_lenient(&text, Fallback::Unparsed);
        let again = Target::parse_lenient(&target.to_string(), Fallback::Unparsed);
        prop_assert_eq!(again, target, "{:?}", text);
    }

    #[test]
    fn lenient_parsing_is_stable_on_target_like_text(
        parts in prop::collection::vec(prop::sample::select(vec![
            "Öka", "minska", "med", "5", "16,0", "35 000", "%", "procent", "jmf", "2019", "-", "12", "i", "dec",
            "K", "M", ":", ",", "/", ";", "DÅ", "04", "ÅR", "Under", "Minst", "ett", "per", "kommun", "av", "(",
            ")", "riket", "I nivå med", "Kort", "kvinnor", "män", "samt", "budget", "Inom", "antagen", "år", "kr",
        ]), 0..8),
    ) {
        let text = parts.join(" ");
        let target = Target::parse_lenient(&text, Fallback::Unparsed);
        let again = Target::parse_lenient(&target.to_string(), Fallback::Unparsed);
        prop_assert_eq!(again, target, "{:?}", text);
    }
}

/// Inputs the fuzzer found, kept as regression cases.
#[test]
fn fuzz_findings_are_stable() {
    for text in ["K2K2H0322K2x-22:", "2125 :5 %/ 2025: 6\u{d7}%", "7982ska5,43950335"] {
        for fallback in [Fallback::Milestone, Fallback::Unparsed] {
            let target = Target::parse_lenient(text, fallback);
            assert_eq!(Target::parse_lenient(&target.to_string(), fallback), target, "{text:?}");
        }
        if let Ok(target) = Target::parse(text) {
            assert_eq!(Target::parse(&target.to_string()), Ok(target), "{text:?}");
        }
    }
}
