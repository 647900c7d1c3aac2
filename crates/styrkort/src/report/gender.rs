//! Gender equality ("jämställdhet", SPEC §4) in the report: for every measure of the unit split
//! into women and men, the values, the gap between them, whether it narrowed against the
//! comparison base, and a flag where one sex meets the target and the other does not.

use super::Report;
use super::language::{Label, Language};
use crate::assess::{GenderGap, quantity_sv};
use crate::model::Measure;
use crate::number::format_signed;
use rust_decimal::Decimal;

/// The column headers of the gender-gap table, in every format: measure, women, men, gap, gap
/// at the comparison base, how the gap developed, one sex meeting the target.
pub(crate) fn headers(language: Language) -> [&'static str; 7] {
    [
        language.label(Label::Measure),
        language.sex(crate::model::Sex::Women),
        language.sex(crate::model::Sex::Men),
        language.label(Label::Gap),
        language.label(Label::BaseGap),
        language.label(Label::GapTrend),
        language.label(Label::OneSex),
    ]
}

/// One measure's gender gap, ready to render.
#[derive(Debug, Clone)]
pub(crate) struct GenderRow<'a> {
    /// The measure.
    pub measure: &'a Measure,
    /// The engine's gap for the report's unit.
    pub gap: GenderGap,
}

impl<'a> GenderRow<'a> {
    /// A value of the row in the measure's unit, or "–".
    pub(crate) fn value(&self, value: Option<Decimal>) -> String {
        value.map_or_else(|| "–".to_owned(), |v| quantity_sv(v, self.measure))
    }

    /// A gap, signed as Swedish reports write it (a minus sign U+2212, an explicit plus):
    /// percentage points for percentages ("−6 procentenheter", "+1,2 procentenheter"), the
    /// measure's unit otherwise; "–" without both values.
    pub(crate) fn difference(&self, gap: Option<Decimal>, language: Language) -> String {
        match gap {
            None => "–".to_owned(),
            Some(gap) if self.measure.unit.is_percent() => {
                let points = match language {
                    Language::Swedish => "procentenheter",
                    Language::English => "percentage points",
                };
                format!("{} {points}", format_signed(gap.round_dp(2).normalize()))
            }
            Some(gap) => {
                let sign = if gap.is_zero() {
                    ""
                } else if gap.is_sign_negative() {
                    "\u{2212}"
                } else {
                    "+"
                };
                format!("{sign}{}", quantity_sv(gap.abs(), self.measure))
            }
        }
    }

    /// Whether the gap narrowed, in words.
    pub(crate) fn narrowed(&self, language: Language) -> &'static str {
        match self.gap.narrowed {
            Some(true) => language.label(Label::Narrowed),
            Some(false) => language.label(Label::NotNarrowed),
            None => "–",
        }
    }
}

impl Report {
    /// The gender gaps of the report's unit, one per measure with both a K and an M row, in
    /// plan order.
    pub fn gender_gaps(&self) -> Vec<GenderGap> {
        self.gender_rows().into_iter().map(|row| row.gap).collect()
    }

    /// The same, with each gap's measure, ready to render.
    pub(crate) fn gender_rows(&self) -> Vec<GenderRow<'_>> {
        crate::assess::gender_gaps_with_rows(&self.assessments)
            .into_iter()
            .filter(|(_, women)| women.unit == self.unit)
            .filter_map(|(gap, women)| Some(GenderRow { measure: self.assessments.measure(women)?, gap }))
            .collect()
    }
}
