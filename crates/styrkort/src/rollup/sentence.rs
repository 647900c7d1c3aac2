//! The summary sentence of the goal-fulfilment report (SPEC §4), with Swedish number words for
//! one to twelve: "Den samlade bedömningen av de strategiska målen för perioden visar att två
//! av de 20 strategiska målen helt har uppnåtts, 15 har delvis uppnåtts, två mål har inte
//! uppnåtts och ett mål har inte kunnat bedömas."

use crate::model::Status;

/// How many goals have each status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct StatusCounts {
    /// Uppnått.
    pub achieved: usize,
    /// Delvis uppnått.
    pub partially_achieved: usize,
    /// Ej uppnått.
    pub not_achieved: usize,
    /// Kan ej bedömas.
    pub not_assessed: usize,
}

impl StatusCounts {
    /// Counts statuses.
    pub fn of(statuses: impl IntoIterator<Item = Status>) -> StatusCounts {
        let mut counts = StatusCounts::default();
        for status in statuses {
            counts.add(status);
        }
        counts
    }

    /// Counts one more.
    pub fn add(&mut self, status: Status) {
        let count = self.get_mut(status);
        *count = count.saturating_add(1);
    }

    /// The count of one status.
    pub fn get(&self, status: Status) -> usize {
        match status {
            Status::Achieved => self.achieved,
            Status::PartiallyAchieved => self.partially_achieved,
            Status::NotAchieved => self.not_achieved,
            Status::NotAssessed => self.not_assessed,
        }
    }

    fn get_mut(&mut self, status: Status) -> &mut usize {
        match status {
            Status::Achieved => &mut self.achieved,
            Status::PartiallyAchieved => &mut self.partially_achieved,
            Status::NotAchieved => &mut self.not_achieved,
            Status::NotAssessed => &mut self.not_assessed,
        }
    }

    /// All counted.
    pub fn total(&self) -> usize {
        [self.achieved, self.partially_achieved, self.not_achieved, self.not_assessed]
            .into_iter()
            .fold(0, usize::saturating_add)
    }
}

/// A count in Swedish: a number word for one to twelve (neuter, as "mål" is neuter: "ett"),
/// digits otherwise.
pub fn number_sv(n: usize) -> String {
    match crate::number::NUMBER_WORDS.get(n) {
        Some(word) if n > 0 => (*word).to_owned(),
        _ => n.to_string(),
    }
}

/// What the sentence is about: the period's judgements or the year-end forecasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SentenceKind {
    /// "Den samlade bedömningen av de strategiska målen för perioden visar att …"
    Period,
    /// "Prognosen för helåret visar att …"
    Forecast,
}

/// The summary sentence for goal counts. Parts with a zero count are left out; the first part
/// carries "av de N strategiska målen". An empty count gives a sentence saying so.
///
/// ```
/// use styrkort::rollup::{SentenceKind, StatusCounts, summary_sentence};
/// let counts = StatusCounts { achieved: 1, partially_achieved: 18, not_achieved: 1, not_assessed: 0 };
/// assert_eq!(
///     summary_sentence(&counts, SentenceKind::Period),
///     "Den samlade bedömningen av de strategiska målen för perioden visar att ett av de 20 \
///      strategiska målen helt har uppnåtts, 18 har delvis uppnåtts och ett mål har inte uppnåtts."
/// );
/// ```
pub fn summary_sentence(counts: &StatusCounts, kind: SentenceKind) -> String {
    let opening = match kind {
        SentenceKind::Period => "Den samlade bedömningen av de strategiska målen för perioden visar att ",
        SentenceKind::Forecast => "Prognosen för helåret visar att ",
    };
    let total = counts.total();
    if total == 0 {
        return match kind {
            SentenceKind::Period => "Det finns inga strategiska mål att bedöma för perioden.".to_owned(),
            SentenceKind::Forecast => "Det finns ingen prognos för helåret.".to_owned(),
        };
    }
    let statuses: Vec<Status> = Status::ALL.into_iter().filter(|&status| counts.get(status) > 0).collect();
    if let [only] = statuses.as_slice() {
        // "det strategiska målet har …", "båda strategiska målen …", "samtliga fyra strategiska mål …"
        let subject = match total {
            1 => "det strategiska målet".to_owned(),
            2 => "båda strategiska målen".to_owned(),
            _ => format!("samtliga {} strategiska mål", number_sv(total)),
        };
        return format!("{opening}{subject} {}.", verb(*only, kind));
    }
    let parts: Vec<String> = Status::ALL
        .into_iter()
        .filter(|&status| counts.get(status) > 0)
        .enumerate()
        .map(|(position, status)| {
            let n = number_sv(counts.get(status));
            let verb = verb(status, kind);
            if position == 0 {
                format!("{n} av de {} strategiska målen {verb}", number_sv(total))
            } else if status == Status::PartiallyAchieved {
                format!("{n} {verb}")
            } else {
                format!("{n} mål {verb}")
            }
        })
        .collect();
    let mut sentence = String::from(opening);
    for (index, part) in parts.iter().enumerate() {
        if index > 0 {
            sentence.push_str(if index.saturating_add(1) == parts.len() { " och " } else { ", " });
        }
        sentence.push_str(part);
    }
    sentence.push('.');
    sentence
}

fn verb(status: Status, kind: SentenceKind) -> &'static str {
    match (kind, status) {
        (SentenceKind::Period, Status::Achieved) => "helt har uppnåtts",
        (SentenceKind::Period, Status::PartiallyAchieved) => "har delvis uppnåtts",
        (SentenceKind::Period, Status::NotAchieved) => "har inte uppnåtts",
        (SentenceKind::Period, Status::NotAssessed) => "har inte kunnat bedömas",
        (SentenceKind::Forecast, Status::Achieved) => "bedöms helt uppnås",
        (SentenceKind::Forecast, Status::PartiallyAchieved) => "bedöms delvis uppnås",
        (SentenceKind::Forecast, Status::NotAchieved) => "bedöms inte uppnås",
        (SentenceKind::Forecast, Status::NotAssessed) => "kan inte bedömas",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(achieved: usize, partially_achieved: usize, not_achieved: usize, not_assessed: usize) -> StatusCounts {
        StatusCounts { achieved, partially_achieved, not_achieved, not_assessed }
    }

    #[test]
    fn the_april_2020_sentence() {
        assert_eq!(
            summary_sentence(&counts(1, 18, 1, 0), SentenceKind::Period),
            "Den samlade bedömningen av de strategiska målen för perioden visar att ett av de 20 strategiska målen helt har uppnåtts, 18 har delvis uppnåtts och ett mål har inte uppnåtts."
        );
    }

    #[test]
    fn the_annual_report_2020_sentence() {
        assert_eq!(
            summary_sentence(&counts(2, 15, 2, 1), SentenceKind::Period),
            "Den samlade bedömningen av de strategiska målen för perioden visar att två av de 20 strategiska målen helt har uppnåtts, 15 har delvis uppnåtts, två mål har inte uppnåtts och ett mål har inte kunnat bedömas."
        );
    }

    #[test]
    fn zero_parts_are_left_out_and_small_totals_are_words() {
        assert_eq!(
            summary_sentence(&counts(0, 3, 1, 0), SentenceKind::Period),
            "Den samlade bedömningen av de strategiska målen för perioden visar att tre av de fyra strategiska målen har delvis uppnåtts och ett mål har inte uppnåtts."
        );
        assert_eq!(
            summary_sentence(&counts(0, 11, 0, 0), SentenceKind::Period),
            "Den samlade bedömningen av de strategiska målen för perioden visar att samtliga elva strategiska mål har delvis uppnåtts."
        );
        assert_eq!(
            summary_sentence(&counts(0, 0, 0, 1), SentenceKind::Period),
            "Den samlade bedömningen av de strategiska målen för perioden visar att det strategiska målet har inte kunnat bedömas."
        );
        assert_eq!(
            summary_sentence(&counts(2, 0, 0, 0), SentenceKind::Period),
            "Den samlade bedömningen av de strategiska målen för perioden visar att båda strategiska målen helt har uppnåtts."
        );
        assert_eq!(
            summary_sentence(&counts(1, 0, 0, 0), SentenceKind::Forecast),
            "Prognosen för helåret visar att det strategiska målet bedöms helt uppnås."
        );
        assert_eq!(
            summary_sentence(&counts(3, 11, 1, 5), SentenceKind::Forecast),
            "Prognosen för helåret visar att tre av de 20 strategiska målen bedöms helt uppnås, elva bedöms delvis uppnås, ett mål bedöms inte uppnås och fem mål kan inte bedömas."
        );
    }

    #[test]
    fn number_words_one_to_twelve() {
        let words: Vec<_> = (1..=13).map(number_sv).collect();
        assert_eq!(
            words,
            ["ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv", "13"]
        );
    }
}
