//! The tidy form of an assessment: one flat record per measure × unit × period × sex with every
//! field, names resolved and the explanation written out. JSON and CSV outputs and data-frame
//! adapters are built from it.

use super::Assessments;
use super::assessment::{Comparison, Reason, Rule, Trend};
use crate::model::{Period, Sex, Status};
use rust_decimal::Decimal;
use serde::Serialize;

/// One assessment with everything a table needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Record {
    /// The perspective's id.
    pub perspective: String,
    /// The strategic goal's id.
    pub goal: String,
    /// The success factor's id.
    pub success_factor: String,
    /// The measure's id.
    pub measure: String,
    /// The measure's name.
    pub measure_name: String,
    /// styrmått, kontrollmått or aktivitet.
    pub kind: String,
    /// The responsible body.
    pub body: Option<String>,
    /// The organisational unit; none for the organisation itself.
    pub unit: Option<String>,
    /// The period.
    pub period: Period,
    /// T, K or M.
    pub sex: Sex,
    /// The status code.
    pub status: Status,
    /// The status in Swedish.
    pub status_label: String,
    /// Why not assessed.
    pub reason: Option<Reason>,
    /// The trend code.
    pub trend: Trend,
    /// The trend's arrow.
    pub arrow: String,
    /// The observed value.
    pub value: Option<Decimal>,
    /// The measure's unit of measurement.
    pub value_unit: String,
    /// The year's target, verbatim.
    pub target: Option<String>,
    /// The target's kind in the target language.
    pub target_kind: Option<String>,
    /// The target's canonical text.
    pub target_canonical: Option<String>,
    /// The number the value was compared with.
    pub target_value: Option<Decimal>,
    /// The lower end of a range target.
    pub target_low: Option<Decimal>,
    /// How the value had to relate to the target value.
    pub comparison: Option<Comparison>,
    /// The value at the comparison base.
    pub base: Option<Decimal>,
    /// The comparison base's period.
    pub base_period: Option<Period>,
    /// The reference value (riket).
    pub reference: Option<Decimal>,
    /// The rule that decided.
    pub rule: Rule,
    /// The explanation, in Swedish.
    pub explanation: String,
}

impl Assessments {
    /// Every row as a tidy record, in row order.
    pub fn records(&self) -> Vec<Record> {
        self.records_where(|_| true)
    }

    /// The rows of one unit (none: the organisation itself) as tidy records, in row order.
    pub fn records_of(&self, unit: Option<u32>) -> Vec<Record> {
        self.records_where(|row| row.unit == unit)
    }

    fn records_where(&self, keep: impl Fn(&super::Assessment) -> bool) -> Vec<Record> {
        let scorecard = self.scorecard();
        let year = self.period().year;
        // Per measure, once: its goal and its target read by the target language.
        let context: Vec<_> = scorecard
            .measures
            .iter()
            .map(|measure| {
                let goal = scorecard.success_factor(&measure.success_factor).and_then(|f| scorecard.goal(&f.goal));
                (goal, measure.target(year))
            })
            .collect();
        self.rows()
            .iter()
            .filter(|row| keep(row))
            .map(|row| {
                let measure = self.measure(row);
                let (goal, target) = &context[row.measure as usize];
                Record {
                    perspective: goal.map(|g| g.perspective.clone()).unwrap_or_default(),
                    goal: goal.map(|g| g.id.clone()).unwrap_or_default(),
                    success_factor: measure.success_factor.clone(),
                    measure: measure.id.clone(),
                    measure_name: measure.name.clone(),
                    kind: measure.kind.code().to_owned(),
                    body: measure.body.clone(),
                    unit: self.unit_id(row).map(str::to_owned),
                    period: row.period,
                    sex: row.sex,
                    status: row.status,
                    status_label: row.status.label_sv().to_owned(),
                    reason: row.reason,
                    trend: row.trend,
                    arrow: row.trend.arrow().to_owned(),
                    value: row.value,
                    value_unit: measure.unit.as_str().to_owned(),
                    target: measure.target_text(year).map(str::to_owned),
                    target_kind: target.as_ref().map(|t| t.kind().to_owned()),
                    target_canonical: target.as_ref().map(|t| t.to_string()),
                    target_value: row.target,
                    target_low: row.target_low,
                    comparison: row.comparison,
                    base: row.base,
                    base_period: row.base_period,
                    reference: row.reference,
                    rule: row.rule,
                    explanation: self.explain(row).sentence,
                }
            })
            .collect()
    }
}

/// Records as a pretty-printed JSON list, ending in a line break.
pub fn records_to_json(records: &[Record]) -> Result<String, crate::Error> {
    let mut json = serde_json::to_string_pretty(records).map_err(|error| crate::io::write_error("JSON", error))?;
    json.push('\n');
    Ok(json)
}

/// Records as CSV with a header row.
pub fn records_to_csv(records: &[Record]) -> Result<String, crate::Error> {
    let csv_error = |error: &dyn std::fmt::Display| crate::io::write_error("CSV", error);
    let mut writer = csv::Writer::from_writer(Vec::new());
    for record in records {
        writer.serialize(record).map_err(|error| csv_error(&error))?;
    }
    let bytes = writer.into_inner().map_err(|error| csv_error(error.error()))?;
    String::from_utf8(bytes).map_err(|error| csv_error(&error))
}
