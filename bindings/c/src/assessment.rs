//! `styrkort_assessment`: one row of a report as C sees it, the fields of the core's public
//! record (`styrkort::assess::Record`, the objects of `styrkort_report_to_json`) as borrowed
//! strings; and `styrkort_report_get`, which fills it.

use crate::boundary::{fallible, handle, out};
use crate::error::styrkort_error;
use crate::report::styrkort_report;
use crate::rows::Text;
use crate::status::{STYRKORT_STATUS_OUT_OF_RANGE, STYRKORT_STATUS_PANIC, styrkort_status};
use std::ffi::c_char;

/// One row of a report: the assessment of one measure for one unit, period and sex, with
/// every field of the rows of `styrkort_report_to_json` and with the same texts.
///
/// Every field is a NUL-terminated UTF-8 string borrowed from the report: do not free it; it
/// is valid until `styrkort_report_free` is called on the report, and the same row read again
/// gives the same pointers. Fields marked "or NULL" are NULL where the JSON has `null`; the
/// others are never NULL (but may be empty). Decimals are in their canonical form, with a
/// decimal point and no thousands separator ("15.9500"), never rounded.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct styrkort_assessment {
    /// The perspective's id (empty where the measure's goal does not resolve).
    pub perspective: *const c_char,
    /// The strategic goal's id (empty where it does not resolve).
    pub goal: *const c_char,
    /// The success factor's id.
    pub success_factor: *const c_char,
    /// The measure's id.
    pub measure: *const c_char,
    /// The measure's name.
    pub measure_name: *const c_char,
    /// The measure's kind: "styrmått", "kontrollmått" or "aktivitet".
    pub kind: *const c_char,
    /// The responsible body's code, or NULL.
    pub body: *const c_char,
    /// The organisational unit's id, or NULL for the organisation itself.
    pub unit: *const c_char,
    /// The period, as "2021-DÅ04".
    pub period: *const c_char,
    /// The sex: "T", "K" or "M".
    pub sex: *const c_char,
    /// The status: "achieved", "partially_achieved", "not_achieved" or "not_assessed".
    pub status: *const c_char,
    /// Why the row is not assessed ("no_data", "not_reported_this_period", …), or NULL.
    pub reason: *const c_char,
    /// The development against the comparison base: "improved", "unchanged", "worsened" or
    /// "none".
    pub trend: *const c_char,
    /// The rule that decided: "level", "bound", "direction", "relative_change", … .
    pub rule: *const c_char,
    /// The observed value compared, a decimal, or NULL.
    pub value: *const c_char,
    /// The number the value was compared with (after pro-rating, relative change or
    /// reference), a decimal, or NULL.
    pub target_value: *const c_char,
    /// The lower bound of a range target (gender balance), a decimal, or NULL.
    pub target_low: *const c_char,
    /// How the value had to relate to `target_value`: "at_least", "above", "at_most", "below"
    /// or "between", or NULL.
    pub comparison: *const c_char,
    /// The value at the comparison base ("jämförelsevärde"), a decimal, or NULL.
    pub base: *const c_char,
    /// The period of the comparison base, as "2020-DÅ04", or NULL.
    pub base_period: *const c_char,
    /// The reference value (riket) used, a decimal, or NULL.
    pub reference: *const c_char,
    /// The status in Swedish: "Uppnått", "Delvis uppnått", "Ej uppnått", "Kan ej bedömas".
    pub status_label: *const c_char,
    /// The trend's arrow, "↑", "→" or "↓", or empty.
    pub arrow: *const c_char,
    /// The measure's unit of measurement ("percent", "count", …).
    pub value_unit: *const c_char,
    /// The value with its unit as the report writes it ("16,3 %"), or empty.
    pub value_text: *const c_char,
    /// The year's target, verbatim as the plan writes it ("K 16,0 % M 17,2 %"), or NULL.
    pub target: *const c_char,
    /// The target's kind in the target language ("level", "direction", …), or NULL.
    pub target_kind: *const c_char,
    /// The target's canonical text, or NULL.
    pub target_canonical: *const c_char,
    /// Why the row came out as it did, one Swedish sentence ("16,3 % mot målet högst 16,0 %:
    /// inom 5 % av målet, delvis uppnått.").
    pub explanation: *const c_char,
    /// The status the report shows, as `status` writes it: the verdict a person recorded on the
    /// measure for this period and sex (in the judgement file, for the report's unit), or else
    /// the computed `status`.
    pub reported_status: *const c_char,
    /// The motivation of the recorded verdict that sets `reported_status`, or NULL where it is
    /// the computed status.
    pub verdict_motivation: *const c_char,
}

/// Reads row `index` (from 0 to `styrkort_report_len(report) - 1`) of a report: rows come
/// measure by measure in plan order, unit by unit (the organisation first), sex by sex, as in
/// `styrkort_report_to_json`.
///
/// On success fills `*assessment_out` with strings borrowed from the report (valid until the
/// report is freed) and returns `STYRKORT_STATUS_OK`. The first read of a row writes the texts
/// of the 64 rows around it (one or two microseconds a row, mostly the explanation's sentence);
/// later reads of those rows take tens of nanoseconds. On failure leaves `*assessment_out` alone
/// and returns `STYRKORT_STATUS_OUT_OF_RANGE` (`index` past the end) or
/// `STYRKORT_STATUS_NULL_ARGUMENT`, with an error in `*error_out` when `error_out` is not NULL.
///
/// Safe to call from several threads at once on the same report.
///
/// # Safety
///
/// `report` is NULL or a live report; `assessment_out` and `error_out` are NULL or valid for a
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn styrkort_report_get(
    report: *const styrkort_report,
    index: usize,
    assessment_out: *mut styrkort_assessment,
    error_out: *mut *mut styrkort_error,
) -> styrkort_status {
    let body = || {
        // SAFETY: as the caller promises.
        let (handle, assessment_out) = unsafe { (handle(report, "report")?, out(assessment_out, "assessment_out")?) };
        let len = handle.report.len();
        if index >= len {
            let message = format!("row {index} is past the end: the report has {len} rows");
            return Err(styrkort_error::message(STYRKORT_STATUS_OUT_OF_RANGE, message));
        }
        let Some(row) = handle.rows.row(&handle.report, index) else {
            let message = format!("row {index} of {len} has no record: a bug of styrkort");
            return Err(styrkort_error::message(STYRKORT_STATUS_PANIC, message));
        };
        assessment_out.write(styrkort_assessment {
            perspective: row.get(Text::Perspective),
            goal: row.get(Text::Goal),
            success_factor: row.get(Text::SuccessFactor),
            measure: row.get(Text::Measure),
            measure_name: row.get(Text::MeasureName),
            kind: row.get(Text::Kind),
            body: row.get(Text::Body),
            unit: row.get(Text::Unit),
            period: row.get(Text::Period),
            sex: row.get(Text::Sex),
            status: row.get(Text::Status),
            reason: row.get(Text::Reason),
            trend: row.get(Text::Trend),
            rule: row.get(Text::Rule),
            value: row.get(Text::Value),
            target_value: row.get(Text::TargetValue),
            target_low: row.get(Text::TargetLow),
            comparison: row.get(Text::Comparison),
            base: row.get(Text::Base),
            base_period: row.get(Text::BasePeriod),
            reference: row.get(Text::Reference),
            status_label: row.get(Text::StatusLabel),
            arrow: row.get(Text::Arrow),
            value_unit: row.get(Text::ValueUnit),
            value_text: row.get(Text::ValueText),
            target: row.get(Text::Target),
            target_kind: row.get(Text::TargetKind),
            target_canonical: row.get(Text::TargetCanonical),
            explanation: row.get(Text::Explanation),
            reported_status: row.get(Text::ReportedStatus),
            verdict_motivation: row.get(Text::VerdictMotivation),
        });
        Ok(())
    };
    // SAFETY: as the caller promises.
    unsafe { fallible(error_out, body) }
}
