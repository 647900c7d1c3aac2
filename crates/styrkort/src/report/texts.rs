//! The region's own texts in the report, found once when the report is built: the analysis of
//! each perspective, goal, success factor and measure for the period (from the analysis texts
//! and from the judgements' `analysis`), and the verdicts recorded on single measures.

use crate::model::{Analysis, Judgement, Scorecard, Sex};
use rustc_hash::FxHashMap;

/// The period's texts and measure verdicts, by what they are about.
#[derive(Debug, Clone, Default)]
pub(crate) struct Texts {
    /// Analysis texts by the id of what they are about, in the order given.
    analyses: FxHashMap<String, Vec<String>>,
    /// Verdicts on measures, by the measure's index.
    verdicts: FxHashMap<u32, Vec<Judgement>>,
}

impl Texts {
    /// Indexes the analyses and judgements of one period.
    pub fn new(scorecard: &Scorecard, analyses: &[Analysis], judgements: &[Judgement]) -> Texts {
        let measures: FxHashMap<&str, u32> =
            (0u32..).zip(&scorecard.measures).map(|(index, measure)| (measure.id.as_str(), index)).collect();
        let mut texts = Texts::default();
        for judgement in judgements {
            if let Some(analysis) = judgement.analysis.as_deref().filter(|a| !a.trim().is_empty()) {
                texts.analyses.entry(judgement.goal.clone()).or_default().push(analysis.to_owned());
            }
            if let Some(&index) = measures.get(judgement.goal.as_str()) {
                texts.verdicts.entry(index).or_default().push(judgement.clone());
            }
        }
        for analysis in analyses {
            texts.analyses.entry(analysis.of.clone()).or_default().push(analysis.text.clone());
        }
        texts
    }

    /// The analysis texts of a perspective, goal, success factor or measure.
    pub fn analyses(&self, id: &str) -> &[String] {
        self.analyses.get(id).map_or(&[], Vec::as_slice)
    }

    /// The verdict recorded on a measure's row of a sex, if any.
    pub fn verdict(&self, measure: u32, sex: Sex) -> Option<&Judgement> {
        let verdicts = self.verdicts.get(&measure)?;
        verdicts.iter().find(|v| v.sex == Some(sex)).or_else(|| verdicts.iter().find(|v| v.sex.is_none()))
    }

    /// The verdicts recorded on a measure.
    pub fn verdicts(&self, measure: u32) -> &[Judgement] {
        self.verdicts.get(&measure).map_or(&[], Vec::as_slice)
    }
}

/// The forecast's wording to print under "Prognos", unless the motivation already says it word
/// for word (the region's motivation often ends with "Vid årets slut bedöms målet vara …").
pub(crate) fn forecast_note(judgement: &Judgement) -> Option<&str> {
    let note = judgement.forecast_note.as_deref()?.trim();
    (!note.is_empty() && !judgement.motivation.contains(note)).then_some(note)
}

/// A measure verdict's motivation to print after its analysis, unless the analysis already says
/// it word for word.
pub(crate) fn verdict_motivation(verdict: &Judgement) -> Option<&str> {
    let motivation = verdict.motivation.trim();
    let said = verdict.analysis.as_deref().is_some_and(|analysis| analysis.contains(motivation));
    (!motivation.is_empty() && !said).then_some(motivation)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Period, Status};

    #[test]
    fn a_verdict_said_in_its_analysis_is_not_said_again() {
        let period: Period = "2020-DÅ04".parse().expect("period");
        let mut verdict = Judgement::new("M1", period, Status::NotAchieved, "Det är lägre än målet.");
        assert_eq!(verdict_motivation(&verdict), Some("Det är lägre än målet."));
        verdict.analysis = Some("Andelen var 69 procent. Det är lägre än målet.".into());
        assert_eq!(verdict_motivation(&verdict), None);
    }

    #[test]
    fn a_forecast_said_in_the_motivation_is_not_said_again() {
        let period: Period = "2020-DÅ04".parse().expect("period");
        let mut judgement = Judgement::new(
            "SAM-1",
            period,
            Status::PartiallyAchieved,
            "Målet är delvis uppnått. Vid årets slut bedöms målet vara delvis uppnått.",
        );
        judgement.forecast_note = Some("Vid årets slut bedöms målet vara delvis uppnått.".into());
        assert_eq!(forecast_note(&judgement), None);
        judgement.forecast_note = Some("Beror på pandemin.".into());
        assert_eq!(forecast_note(&judgement), Some("Beror på pandemin."));
    }
}
