//! The target cell of a measure's row as the region's table writes it: a per-sex target's K
//! part on the K row and its M part on the M row ("K40" / "M40"), not "K40 M40" on both.
//!
//! The part is cut from the plan's verbatim text where each sex's marker stands once (a `K` or
//! `M` on its own, before a number: "K40 M40", "K 16,0 % M 17,2 %", "2018 K: 55 % M: 57 %",
//! whose leading "2018" goes with each part); otherwise the part is written canonically from
//! the target the engine read ("K 16 %"). Other targets, and a T row, show the whole text.

use crate::model::Sex;
use crate::target::{Target, TargetForm};
use std::borrow::Cow;

/// The target text of a row of `sex`, from the plan's verbatim `text` and the target read from
/// it.
pub(crate) fn row_target<'a>(text: &'a str, target: Option<&Target>, sex: Sex) -> Cow<'a, str> {
    let Some(TargetForm::PerSex(parts)) = target.map(|t| &t.form) else { return Cow::Borrowed(text) };
    if sex == Sex::Total {
        return Cow::Borrowed(text);
    }
    let Some(part) = parts.get(sex) else { return Cow::Borrowed(text) };
    if let Some(cut) = verbatim_part(text, sex) {
        return cut;
    }
    Cow::Owned(format!("{} {part}", sex.code()))
}

/// Where a sex marker starts: an upper-case `K` or `M` not inside a word, followed (after an
/// optional colon and spaces) by a digit.
fn markers(text: &str) -> Vec<(usize, char)> {
    let mut found = Vec::new();
    let mut previous: Option<char> = None;
    for (at, c) in text.char_indices() {
        if (c == 'K' || c == 'M') && !previous.is_some_and(char::is_alphanumeric) {
            let rest = text.get(at.saturating_add(1)..).unwrap_or("");
            let rest = rest.trim_start_matches(|r: char| r == ':' || r.is_whitespace());
            if rest.starts_with(|r: char| r.is_ascii_digit()) {
                found.push((at, c));
            }
        }
        previous = Some(c);
    }
    found
}

/// The verbatim part of one sex: its marker to the next marker (or the end), with any text
/// before the first marker in front; none unless K and M each stand exactly once.
fn verbatim_part(text: &str, sex: Sex) -> Option<Cow<'_, str>> {
    let found = markers(text);
    let letter = match sex {
        Sex::Women => 'K',
        Sex::Men => 'M',
        Sex::Total => return None,
    };
    let count = |c| found.iter().filter(|(_, m)| *m == c).count();
    if found.len() != 2 || count('K') != 1 || count('M') != 1 {
        return None;
    }
    let position = found.iter().position(|(_, m)| *m == letter)?;
    let (start, _) = *found.get(position)?;
    let end = found.get(position.saturating_add(1)).map_or(text.len(), |(at, _)| *at);
    let part = text.get(start..end)?.trim().trim_end_matches([',', ';']).trim_end();
    let (first, _) = *found.first()?;
    let prefix = text.get(..first)?.trim();
    Some(if prefix.is_empty() { Cow::Borrowed(part) } else { Cow::Owned(format!("{prefix} {part}")) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::target::Fallback;

    fn cell(text: &str, sex: Sex) -> String {
        let target = Target::parse_lenient(text, Fallback::Unparsed);
        row_target(text, Some(&target), sex).into_owned()
    }

    #[test]
    fn each_sex_row_gets_its_own_part_verbatim() {
        assert_eq!((cell("K40 M40", Sex::Women), cell("K40 M40", Sex::Men)), ("K40".into(), "M40".into()));
        assert_eq!(cell("K 16,0 % M 17,2 %", Sex::Men), "M 17,2 %");
        assert_eq!(cell("K 16,0, M 17,2", Sex::Women), "K 16,0");
        assert_eq!(cell("K: 65 % M:65 %", Sex::Men), "M:65 %");
        assert_eq!(cell("2018 K: 55 % M: 57 %", Sex::Women), "2018 K: 55 %");
    }

    #[test]
    fn a_total_row_and_other_targets_keep_the_whole_text() {
        assert_eq!(cell("K40 M40", Sex::Total), "K40 M40");
        assert_eq!(cell("72 %", Sex::Women), "72 %");
        assert_eq!(row_target("Öka", None, Sex::Men), "Öka");
    }

    #[test]
    fn without_clear_markers_the_part_is_written_canonically() {
        let text = "150 kvinnor, 150 män";
        let target = Target::parse_lenient(text, Fallback::Unparsed);
        assert!(matches!(target.form, TargetForm::PerSex(_)), "{target:?}");
        assert!(
            row_target(text, Some(&target), Sex::Men).starts_with("M "),
            "{}",
            row_target(text, Some(&target), Sex::Men)
        );
    }
}
