//! Gender equality ("jämställdhet"): for every measure split by sex, the gap between women and
//! men, whether it narrowed against the comparison base, and whether one sex meets the target
//! while the other does not (SPEC §4).

use super::Assessments;
use super::assessment::Assessment;
use crate::model::{Period, Sex, Status};
use rust_decimal::Decimal;
use serde::Serialize;

/// The gap between women and men of one measure and unit in a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GenderGap {
    /// The measure's id.
    pub measure: String,
    /// The measure's name.
    pub measure_name: String,
    /// The unit's id; none for the organisation.
    pub unit: Option<String>,
    /// The period.
    pub period: Period,
    /// The value for women.
    pub women: Option<Decimal>,
    /// The value for men.
    pub men: Option<Decimal>,
    /// Women minus men.
    pub gap: Option<Decimal>,
    /// Women minus men at the comparison base.
    pub base_gap: Option<Decimal>,
    /// Whether the gap is smaller (in absolute terms) than at the base; none without both.
    pub narrowed: Option<bool>,
    /// The status of the women's row.
    pub women_status: Status,
    /// The status of the men's row.
    pub men_status: Status,
    /// One sex meets the target and the other does not.
    pub one_sex_meets_target: bool,
}

/// The gender gaps of assessments: one per measure × unit × period that has both a K and an M
/// row, in the order of the women's rows, with the women's row.
pub(crate) fn gender_gaps(assessments: &Assessments) -> Vec<(GenderGap, &Assessment)> {
    let rows = assessments.rows();
    let men: rustc_hash::FxHashMap<(u32, Option<u32>, Period), &Assessment> =
        rows.iter().filter(|a| a.sex == Sex::Men).map(|a| ((a.measure, a.unit, a.period), a)).collect();
    rows.iter()
        .filter(|a| a.sex == Sex::Women)
        .filter_map(|women| {
            let men = men.get(&(women.measure, women.unit, women.period))?;
            let measure = assessments.measure(women)?;
            let (women_row, women, men) = (women, women.verdict, men.verdict);
            let difference = |w: Option<Decimal>, m: Option<Decimal>| w?.checked_sub(m?);
            let gap = difference(women.value, men.value);
            let base_gap = difference(women.base, men.base);
            let narrowed = match (gap, base_gap) {
                (Some(gap), Some(base)) => Some(gap.abs() < base.abs()),
                _ => None,
            };
            let assessed = women.status != Status::NotAssessed && men.status != Status::NotAssessed;
            let gap = GenderGap {
                measure: measure.id.clone(),
                measure_name: measure.name.clone(),
                unit: assessments.unit_id(women_row).map(str::to_owned),
                period: women_row.period,
                women: women.value,
                men: men.value,
                gap,
                base_gap,
                narrowed,
                women_status: women.status,
                men_status: men.status,
                one_sex_meets_target: assessed
                    && ((women.status == Status::Achieved) != (men.status == Status::Achieved)),
            };
            Some((gap, women_row))
        })
        .collect()
}
