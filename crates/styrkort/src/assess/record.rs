//! The tidy form of an assessment: one flat record per measure × unit × period × sex with every
//! field, names resolved and the explanation written out. JSON and CSV outputs, the C ABI's row
//! view and the Python package's data frames are all built from it.

use super::assessment::{Assessment, Verdict};
use super::{Assessments, quantity_sv};
use crate::model::{Judgement, Period, Sex, Status};
use serde::{Deserialize, Serialize};

/// One assessment with everything a table needs: where the measure stands in the plan, the
/// measure, the unit, the period and sex, the [`Verdict`] (flattened: `status`, `reason`,
/// `trend`, `rule`, `value`, `target_value`, …), the target as written and as read, and the
/// explanation; and the status the report shows, which a person's verdict on the measure sets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// The perspective's id (empty where the measure's success factor or goal does not resolve).
    pub perspective: String,
    /// The strategic goal's id (empty where it does not resolve).
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
    /// The organisational unit's id; none for the organisation itself.
    pub unit: Option<String>,
    /// The period.
    pub period: Period,
    /// T, K or M.
    pub sex: Sex,
    /// The status, trend, rule and numbers.
    #[serde(flatten)]
    pub verdict: Verdict,
    /// The status in Swedish ("Delvis uppnått").
    pub status_label: String,
    /// The trend's arrow (↑ → ↓, or empty).
    pub arrow: String,
    /// The measure's unit of measurement (`percent`, `count`, …).
    pub value_unit: String,
    /// The value with its unit, as the report writes it ("16,3 %"); empty without a value.
    pub value_text: String,
    /// The year's target, verbatim as the plan writes it.
    pub target: Option<String>,
    /// The target's kind in the target language (`level`, `direction`, …).
    pub target_kind: Option<String>,
    /// The target's canonical text.
    pub target_canonical: Option<String>,
    /// The explanation, in Swedish.
    pub explanation: String,
    /// The status the report shows: the verdict a person recorded on the measure for this
    /// period and sex ([`Judgement`], made for the report's unit), or else the computed
    /// `status`.
    pub reported_status: Status,
    /// The motivation of the recorded verdict that sets `reported_status`; none where the
    /// reported status is the computed one.
    pub verdict_motivation: Option<String>,
}

impl Record {
    /// The names of a record's fields as JSON and CSV write them (the verdict's flattened), in
    /// their order: the columns of a table of records.
    pub const FIELDS: [&'static str; 31] = [
        "perspective",
        "goal",
        "success_factor",
        "measure",
        "measure_name",
        "kind",
        "body",
        "unit",
        "period",
        "sex",
        "status",
        "reason",
        "trend",
        "rule",
        "value",
        "target_value",
        "target_low",
        "comparison",
        "base",
        "base_period",
        "reference",
        "status_label",
        "arrow",
        "value_unit",
        "value_text",
        "target",
        "target_kind",
        "target_canonical",
        "explanation",
        "reported_status",
        "verdict_motivation",
    ];

    /// The same record with a person's verdict on its row as the reported status.
    pub(crate) fn judged(mut self, verdict: &Judgement) -> Record {
        self.reported_status = verdict.status;
        self.verdict_motivation = Some(verdict.motivation.clone());
        self
    }
}

impl Assessments {
    /// The record of the row at a position, or none past the end; in constant time.
    pub fn record(&self, position: usize) -> Option<Record> {
        self.record_of(self.rows().get(position)?)
    }

    /// Every row as a tidy record, in row order. Their reported status is the computed one:
    /// the verdicts recorded on measures are the report's ([`crate::report::Report::records`]).
    pub fn records(&self) -> Vec<Record> {
        self.rows().iter().filter_map(|row| self.record_of(row)).collect()
    }

    /// The record of one row of these assessments.
    pub(crate) fn record_of(&self, row: &Assessment) -> Option<Record> {
        let scorecard = self.scorecard();
        let measure = self.measure(row)?;
        let place = self.engine().prepared(row.measure)?.place;
        let id_of = |found: Option<&String>| found.cloned().unwrap_or_default();
        let year = self.period().year;
        let target = self.engine().prepared(row.measure)?.target_with_canonical(year);
        let verdict = row.verdict;
        Some(Record {
            perspective: id_of(place.perspective.and_then(|p| scorecard.perspectives.get(p as usize)).map(|p| &p.id)),
            goal: id_of(place.goal.and_then(|g| scorecard.goals.get(g as usize)).map(|g| &g.id)),
            success_factor: measure.success_factor.clone(),
            measure: measure.id.clone(),
            measure_name: measure.name.clone(),
            kind: measure.kind.code().to_owned(),
            body: measure.body.clone(),
            unit: self.unit_id(row).map(str::to_owned),
            period: row.period,
            sex: row.sex,
            verdict,
            status_label: verdict.status.label_sv().to_owned(),
            arrow: verdict.trend.arrow().to_owned(),
            value_unit: measure.unit.as_str().to_owned(),
            value_text: verdict.value.map(|value| value_text(value, verdict.rule, measure)).unwrap_or_default(),
            target: target.and_then(|(.., cell)| measure.target_text(cell)).map(str::to_owned),
            target_kind: target.map(|(target, ..)| target.kind().to_owned()),
            target_canonical: target.map(|(_, canonical, _)| canonical.to_owned()),
            explanation: self.explain(row).sentence,
            reported_status: verdict.status,
            verdict_motivation: None,
        })
    }
}

/// A verdict's value as the report writes it: the value with its unit, or the stated change
/// ("+200 %", "−1,8 procentenheter").
pub fn value_text(value: rust_decimal::Decimal, rule: super::Rule, measure: &crate::model::Measure) -> String {
    let kind = match rule {
        super::Rule::StatedChange => crate::model::ChangeKind::Absolute,
        super::Rule::StatedRelativeChange => crate::model::ChangeKind::Relative,
        _ => return quantity_sv(value, measure),
    };
    crate::model::Change { amount: value, kind }.text_for(measure.unit.is_percent())
}

/// Records as a pretty-printed JSON list, ending in a line break.
pub fn records_to_json(records: &[Record]) -> Result<String, crate::Error> {
    let mut json = serde_json::to_string_pretty(records).map_err(|error| crate::io::write_error("JSON", error))?;
    json.push('\n');
    Ok(json)
}

/// How a CSV file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CsvDialect {
    /// `,` between fields, a decimal point, `\n` line ends, no byte-order mark: what programs
    /// read (pandas, R, databases).
    #[default]
    Standard,
    /// What Swedish Excel opens in columns: `;` between fields, a decimal comma, a UTF-8
    /// byte-order mark (so that å, ä and ö come out right) and `\r\n` line ends.
    Excel,
}

/// The record fields that are decimals, written with a decimal comma in [`CsvDialect::Excel`].
const DECIMAL_FIELDS: [&str; 5] = ["value", "target_value", "target_low", "base", "reference"];

/// Records as CSV with a header row: the fields of [`Record`] in its JSON order, the verdict's
/// fields in its place; empty for none.
pub fn records_to_csv(records: &[Record]) -> Result<String, crate::Error> {
    records_to_csv_with(records, CsvDialect::Standard)
}

/// Records as CSV in a dialect (see [`records_to_csv`] for the columns).
pub fn records_to_csv_with(records: &[Record], dialect: CsvDialect) -> Result<String, crate::Error> {
    let csv_error = |error: &dyn std::fmt::Display| crate::io::write_error("CSV", error);
    let mut builder = csv::WriterBuilder::new();
    if dialect == CsvDialect::Excel {
        builder.delimiter(b';').terminator(csv::Terminator::CRLF);
    }
    let mut writer = builder.from_writer(Vec::new());
    for (index, record) in records.iter().enumerate() {
        // Through JSON's object, which flattens the verdict as serde does for JSON.
        let serde_json::Value::Object(fields) = serde_json::to_value(record).map_err(|e| csv_error(&e))? else {
            return Err(csv_error(&"a record is not an object"));
        };
        if index == 0 {
            writer.write_record(fields.keys()).map_err(|e| csv_error(&e))?;
        }
        let cell = |(key, value): (&String, &serde_json::Value)| match value {
            serde_json::Value::Null => String::new(),
            serde_json::Value::String(text)
                if dialect == CsvDialect::Excel && DECIMAL_FIELDS.contains(&key.as_str()) =>
            {
                text.replace('.', ",")
            }
            serde_json::Value::String(text) => text.clone(),
            other => other.to_string(),
        };
        writer.write_record(fields.iter().map(cell)).map_err(|e| csv_error(&e))?;
    }
    let bytes = writer.into_inner().map_err(|error| csv_error(error.error()))?;
    let text = String::from_utf8(bytes).map_err(|error| csv_error(&error))?;
    Ok(match dialect {
        CsvDialect::Standard => text,
        CsvDialect::Excel => format!("\u{feff}{text}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fields_are_the_names_json_writes_in_its_order() {
        let example = crate::example::Example::norrbotten_2020().expect("the bundled example");
        let assessments = Assessments::new(
            example.scorecard,
            &example.observations,
            example.period,
            super::super::RuleSet::default(),
            &super::super::UnitSelection::All,
        )
        .expect("assesses");
        let record = assessments.record(0).expect("a row");
        let serde_json::Value::Object(fields) = serde_json::to_value(&record).expect("serialises") else {
            panic!("a record is an object");
        };
        assert_eq!(fields.keys().map(String::as_str).collect::<Vec<_>>(), Record::FIELDS);
    }
}
