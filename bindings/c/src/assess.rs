//! `styrkort_assess`: a scorecard's observations assessed for a period, with a rule set and
//! the judgements, into a report.

use crate::boundary::{fallible, handle, into_handle, optional, optional_string, out, string, text};
use crate::error::styrkort_error;
use crate::judgements::styrkort_judgements;
use crate::observations::styrkort_observations;
use crate::report::styrkort_report;
use crate::scorecard::styrkort_scorecard;
use crate::status::styrkort_status;
use std::ffi::c_char;
use std::num::NonZeroUsize;
use std::sync::Arc;
use styrkort::assess::Engine;
use styrkort::io::{Format, read_rules};
use styrkort::{Assessments, Period, Report, RuleSet, UnitSelection};

/// The name a rule set's text goes by in messages.
const RULES: &str = "rules";

/// Assesses every measure × unit × sex of a period and makes the report.
///
/// - `scorecard`, `observations`: the plan and what was reported; not NULL.
/// - `judgements`: a judgement file (the judgements recorded, "samlad bedömning", and the
///   analysis texts), or NULL for none; those of other periods are left out.
/// - `period`: NUL-terminated, "2021-DÅ04", "2021-DÅ08" or "2021-ÅR" (also "2021-DA04",
///   "2021-T1", "2021-T2", "2021-AR").
/// - `rules`, `rules_len`: a rule set as TOML or JSON text (`rules_len` bytes, any subset of
///   the settings; named "rules" in messages), or NULL for the specification's defaults.
/// - `unit`: NUL-terminated id of one unit to assess and report on, or NULL for the
///   organisation and every unit (the rendered report is then the organisation's).
/// - `threads`: how many threads a large assessment (from 20 000 rows) may be shared among: 1
///   for the calling thread alone, 0 for as many as the machine has cores. The rows are the
///   same whatever the number.
///
/// On success writes a new report to `*report_out`, owned by the caller and freed with
/// `styrkort_report_free`; it does not refer to the arguments, which may be freed at once. On
/// failure leaves `*report_out` alone and returns `STYRKORT_STATUS_PERIOD`,
/// `STYRKORT_STATUS_RULES` (a setting out of its range, or text that does not read; with line
/// and column), `STYRKORT_STATUS_UNKNOWN_UNIT`, `STYRKORT_STATUS_OBSERVATIONS` (observations
/// that do not fit the scorecard), `STYRKORT_STATUS_INVALID_UTF8` or
/// `STYRKORT_STATUS_NULL_ARGUMENT`, with an error in `*error_out` when `error_out` is not NULL.
///
/// The arguments are only read: several threads may assess from the same handles at once. The
/// threads a large assessment is shared among have ended when the call returns.
///
/// # Safety
///
/// `scorecard` and `observations` are NULL or live handles; `judgements` is NULL or a live
/// handle; `period` and `unit` are NULL or NUL-terminated strings; `rules` is NULL or valid
/// for reads of `rules_len` bytes; `report_out` and `error_out` are NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn styrkort_assess(
    scorecard: *const styrkort_scorecard,
    observations: *const styrkort_observations,
    judgements: *const styrkort_judgements,
    period: *const c_char,
    rules: *const c_char,
    rules_len: usize,
    unit: *const c_char,
    threads: usize,
    report_out: *mut *mut styrkort_report,
    error_out: *mut *mut styrkort_error,
) -> styrkort_status {
    let body = || {
        // SAFETY: each argument is NULL or as the caller promises.
        let (scorecard, observations, judgements, period, unit, report_out) = unsafe {
            (
                handle(scorecard, "scorecard")?,
                handle(observations, "observations")?,
                optional(judgements),
                string(period, "period")?,
                optional_string(unit, "unit")?,
                out(report_out, "report_out")?,
            )
        };
        let rules = match rules.is_null() {
            true => RuleSet::default(),
            // SAFETY: not NULL, and the caller promises `rules_len` readable bytes.
            false => unsafe { text(rules, rules_len, "rules", RULES) }
                .and_then(|rules| read_rules(RULES, rules, Format::of_text(rules)).map_err(Into::into))?,
        };
        let period: Period = period.parse()?;
        let selection = unit.map_or(UnitSelection::All, |id| UnitSelection::Unit(id.to_owned()));
        let engine = Engine::new(Arc::clone(&scorecard.scorecard), rules);
        let engine = match NonZeroUsize::new(threads) {
            Some(threads) => engine.with_threads(threads),
            None => engine,
        };
        let assessments = Assessments::with_engine(engine, &observations.observations, period, &selection)?;
        let report = match judgements {
            Some(file) => Report::new(assessments, &file.judgements).with_analyses(&file.analyses),
            None => Report::new(assessments, &[]),
        };
        report_out.write(into_handle(styrkort_report::new(report)));
        Ok(())
    };
    // SAFETY: as the caller promises.
    unsafe { fallible(error_out, body) }
}
