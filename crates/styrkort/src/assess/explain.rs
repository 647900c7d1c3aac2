//! Explanations: the numbers and the rule behind an assessment, structured and as a Swedish
//! sentence that a person can check by hand ("16,3 % mot målet högst 16,0 %: inom 5 % av
//! målet, delvis uppnått"). Built on demand, never in the engine's hot path.

use super::assessment::{Assessment, Comparison, Reason, Rule, Verdict};
use super::rules::RuleSet;
use crate::model::{Measure, MilestoneState, ReportPoint, Status};
use crate::number::format_decimal;
use crate::target::Deadline;
use rust_decimal::Decimal;
use serde::Serialize;

/// Why an assessment came out as it did: its verdict, the year target a pro-rated target
/// came from, and the same in one Swedish sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// The status, the rule that decided and the numbers compared.
    #[serde(flatten)]
    pub verdict: Verdict,
    /// The year target before pro-rating, when a cumulative measure was pro-rated (rule 5).
    pub year_target: Option<Decimal>,
    /// The same in one Swedish sentence.
    pub sentence: String,
}

/// A quantity with the measure's unit: "16,3 %", "350 kr", "270".
pub fn quantity_sv(value: Decimal, measure: &Measure) -> String {
    let number = format_decimal(shown(value));
    match measure.unit.as_str() {
        "percent" => format!("{number} %"),
        "SEK" => format!("{number} kr"),
        "mnkr" => format!("{number} mnkr"),
        "text" | "count" | "rate" | "ratio" => number,
        other => format!("{number} {other}"),
    }
}

/// Pro-rated and derived targets can carry many decimals: show at most two.
fn shown(value: Decimal) -> Decimal {
    if value.scale() > 2 { value.round_dp(2).normalize() } else { value }
}

fn comparison_sv(comparison: Comparison) -> &'static str {
    match comparison {
        Comparison::AtLeast => "minst",
        Comparison::Above => "över",
        Comparison::AtMost => "högst",
        Comparison::Below => "under",
        Comparison::Between => "mellan",
    }
}

fn status_sv(status: Status) -> String {
    status.label_sv().to_lowercase()
}

/// Builds the explanation of an assessment of a measure (none: a measure the scorecard does not
/// have, whose quantities are written without a unit); `deadline` is the deadline that applies
/// to the row, if its target has one.
pub(crate) fn explain(
    assessment: &Assessment,
    measure: Option<&Measure>,
    rules: &RuleSet,
    milestone: Option<MilestoneState>,
    deadline: Option<&Deadline>,
) -> Explanation {
    let q = |value: Decimal| measure.map_or_else(|| format_decimal(shown(value)), |m| quantity_sv(value, m));
    let year_target = measure.and_then(|measure| year_target(assessment, measure, rules));
    let status = assessment.verdict.status;
    let sentence = match (assessment.verdict.reason, assessment.verdict.rule) {
        (Some(Reason::NotReportedThisPeriod), _) => {
            let reports: Vec<_> = measure.into_iter().flat_map(|m| &m.periods).map(|r| r.code()).collect();
            format!(
                "Kan ej bedömas: måttet följs upp vid {} och ingår inte i bedömningen vid {}.",
                reports.join(", "),
                assessment.period.report.code()
            )
        }
        (Some(Reason::NotYetDue), _) => {
            let due = deadline.map_or_else(|| "vid en senare tidpunkt".to_owned(), |d| d.due_sv());
            match (assessment.verdict.value, assessment.verdict.target_value) {
                (Some(value), Some(target)) => format!(
                    "{} mot målet {} {due}: målet gäller först då och är ännu inte nått, kan ej bedömas.",
                    q(value),
                    q(target)
                ),
                _ => format!("Kan ej bedömas: målet gäller {due}."),
            }
        }
        (Some(Reason::NoComparison), _) => match assessment.verdict.base_period {
            Some(period) => format!("Kan ej bedömas: utfall för jämförelseperioden {period} saknas."),
            None => "Kan ej bedömas: jämförelsevärde saknas.".to_owned(),
        },
        (Some(reason), _) => format!("Kan ej bedömas: {}.", reason.label_sv()),
        (None, Rule::Milestone) => match milestone {
            Some(MilestoneState::Done) => "Aktiviteten är genomförd: uppnått.".to_owned(),
            Some(MilestoneState::InProgress) => "Aktiviteten pågår: delvis uppnått.".to_owned(),
            _ => "Aktiviteten är inte påbörjad: ej uppnått.".to_owned(),
        },
        (None, Rule::Direction) => {
            match (assessment.verdict.value, assessment.verdict.base, assessment.verdict.comparison) {
                (Some(value), Some(base), Some(comparison)) => format!(
                    "{} mot {} för {}: målet är ett värde {} jämförelsevärdet, {}.",
                    q(value),
                    q(base),
                    assessment.verdict.base_period.map_or_else(String::new, |p| p.to_string()),
                    comparison_sv(comparison),
                    status_sv(status)
                ),
                _ => format!("Utvecklingen mot jämförelseperioden: {}.", status_sv(status)),
            }
        }
        (None, Rule::GenderBalance) => match (assessment.verdict.target_low, assessment.verdict.target_value) {
            (Some(low), Some(high)) => format!(
                "Kvinnors andel mot målet mellan {} % och {} %: {}.",
                format_decimal(low),
                format_decimal(high),
                status_sv(status)
            ),
            _ => status_sv(status),
        },
        (None, _) => match (assessment.verdict.value, assessment.verdict.target_value, assessment.verdict.comparison) {
            (Some(value), Some(target), Some(comparison)) => {
                let against = match (assessment.verdict.rule, assessment.verdict.reference) {
                    (Rule::Benchmark, Some(reference)) => format!(" (referensvärdet {})", q(reference)),
                    _ => String::new(),
                };
                let pro_rata = match year_target {
                    Some(year) => format!(" (årsmålet {} pro rata {}/12)", q(year), assessment.period.report.month()),
                    None => String::new(),
                };
                let base = match (assessment.verdict.rule, assessment.verdict.base, assessment.verdict.base_period) {
                    (Rule::RelativeChange, Some(base), Some(period)) => {
                        format!(" (räknat från {} för {period})", q(base))
                    }
                    _ => String::new(),
                };
                let verdict = match status {
                    Status::Achieved => "målet är nått, uppnått".to_owned(),
                    Status::PartiallyAchieved => format!(
                        "inom {} % av målet, delvis uppnått",
                        format_decimal(rules.partial_band.saturating_mul(Decimal::ONE_HUNDRED).normalize())
                    ),
                    _ => format!(
                        "mer än {} % från målet, ej uppnått",
                        format_decimal(rules.partial_band.saturating_mul(Decimal::ONE_HUNDRED).normalize())
                    ),
                };
                format!(
                    "{} mot målet {} {}{pro_rata}{base}{against}: {verdict}.",
                    q(value),
                    comparison_sv(comparison),
                    q(target)
                )
            }
            _ => format!("{}.", status.label_sv()),
        },
    };
    Explanation { verdict: assessment.verdict, year_target, sentence }
}

/// The year target of a pro-rated cumulative measure (rule 5), when pro-rating happened.
fn year_target(assessment: &Assessment, measure: &Measure, rules: &RuleSet) -> Option<Decimal> {
    let pro_rated = rules.interim_pro_rating
        && measure.accumulation == crate::model::Accumulation::Cumulative
        && assessment.period.report != ReportPoint::Annual
        && matches!(assessment.verdict.rule, Rule::Level | Rule::Bound);
    let target = assessment.verdict.target_value?;
    let months = Decimal::from(assessment.period.report.month());
    pro_rated.then(|| target.saturating_mul(Decimal::from(12)).checked_div(months)).flatten()
}
