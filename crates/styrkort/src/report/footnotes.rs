//! Footnotes under a measure table: the plan's footnotes of each measure, verbatim, numbered by
//! the markers its name carries ("Genomsnittligt utsläpp av personbilsparken[1]"), so that
//! nothing in the data is left out of the printed report.

use crate::model::Measure;

/// One footnote: the marker of the name it belongs to ("1" for "[1]"), if the name has one for
/// it, and the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Footnote<'a> {
    pub marker: Option<&'a str>,
    pub text: &'a str,
}

/// The markers in a name: the digits of every "[n]", in order.
fn markers(name: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = name;
    while let Some(open) = rest.find('[') {
        let after = rest.get(open.saturating_add(1)..).unwrap_or("");
        match after.find(']') {
            Some(close) => {
                let inside = after.get(..close).unwrap_or("");
                if !inside.is_empty() && inside.chars().all(|c| c.is_ascii_digit()) {
                    found.push(inside);
                }
                rest = after.get(close.saturating_add(1)..).unwrap_or("");
            }
            None => break,
        }
    }
    found
}

/// The footnotes of the measures of a table, in table order: the n-th footnote of a measure
/// takes the n-th marker of its name.
pub(crate) fn footnotes<'a>(measures: impl Iterator<Item = &'a Measure>) -> Vec<Footnote<'a>> {
    let mut notes = Vec::new();
    for measure in measures {
        let marks = markers(&measure.name);
        for (position, text) in measure.footnotes.iter().enumerate() {
            notes.push(Footnote { marker: marks.get(position).copied(), text });
        }
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_footnote_takes_the_marker_of_its_measure_s_name() {
        let mut marked = Measure::new("M1", "F1", "Genomsnittligt utsläpp av personbilsparken[1]");
        marked.footnotes = vec!["Regionens personbilar exklusive förmånsbilar".into()];
        let mut plain = Measure::new("M2", "F1", "Verksamhetsyta [a]");
        plain.footnotes = vec!["Lokaler i egen regi".into(), "Andra".into()];
        let notes = footnotes([&marked, &plain].into_iter());
        assert_eq!(
            notes,
            [
                Footnote { marker: Some("1"), text: "Regionens personbilar exklusive förmånsbilar" },
                Footnote { marker: None, text: "Lokaler i egen regi" },
                Footnote { marker: None, text: "Andra" },
            ]
        );
    }
}
