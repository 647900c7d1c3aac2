//! The whole pipeline never panics: a plan, observations and a rule set from any bytes (three
//! parts separated by a line `%%`; a plan that does not load ends the run, observations that do
//! not load are none, rules that do not load are the defaults), assessed at each report of the
//! plan's first year for every unit and for the organisation, rolled up, and rendered in every
//! format. Seed it with the golden cases (plan, `%%`, observations, `%%`, rules).
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use styrkort::io::{Format, ObservationFormat, read_observations, read_rules, read_scorecard};
use styrkort::model::{Period, ReportPoint};
use styrkort::report::Report;
use styrkort::{Assessments, Example, RuleSet, UnitSelection};

fn example() -> &'static Example {
    static EXAMPLE: OnceLock<Example> = OnceLock::new();
    EXAMPLE.get_or_init(|| Example::norrbotten_2020().expect("the example loads"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut parts = text.splitn(3, "\n%%\n");
    let (plan, observations, rules) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next());
    let Ok(scorecard) = read_scorecard("plan", plan, Format::Toml) else { return };
    let observations = read_observations("obs", observations, ObservationFormat::Csv, None).unwrap_or_default();
    let rules = rules.and_then(|rules| read_rules("rules", rules, Format::Toml).ok()).unwrap_or_default();
    let year = scorecard.years.0;
    for report in ReportPoint::ALL {
        let period = Period::new(year, report);
        for selection in [UnitSelection::All, UnitSelection::Organisation] {
            let assessed = Assessments::new(scorecard.clone(), &observations, period, rules.clone(), &selection);
            let Ok(assessments) = assessed else { continue };
            let _ = assessments.gender_gaps();
            let report = Report::new(assessments, &example().judgements);
            let _ = (report.to_html(), report.to_markdown(), report.to_text(true), report.to_json(), report.to_csv());
        }
    }
    let _ = RuleSet::default().validate();
});
