//! Analysis texts ("analys"): the running text a region writes for a period under a
//! perspective, a strategic goal, a success factor or a measure, without a verdict of its own.

use super::Period;
use serde::{Deserialize, Serialize};

/// The analysis of one part of the plan for one period, verbatim ("Under första tertialet
/// uppgick andelen till 69 procent …"). Kept in judgement files as `[[analyses]]` tables (TOML)
/// or an `"analyses"` list (JSON) beside the judgements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Analysis {
    /// The perspective, strategic goal, success factor or measure the text is about, by id.
    pub of: String,
    /// The period the text is for.
    pub period: Period,
    /// The text, verbatim; paragraphs are separated by an empty line.
    pub text: String,
}

impl Analysis {
    /// An analysis text of a part of the plan for a period.
    pub fn new(of: impl Into<String>, period: Period, text: impl Into<String>) -> Analysis {
        Analysis { of: of.into(), period, text: text.into() }
    }
}

/// The paragraphs of a text: runs of lines separated by an empty line, each trimmed; empty
/// paragraphs are left out.
pub fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.split("\n\n").map(str::trim).filter(|paragraph| !paragraph.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_split_at_empty_lines() {
        let text = "Under första tertialet uppgick andelen till 69 procent.\n\n  Det är lägre än målet.\n\n\n";
        assert_eq!(
            paragraphs(text).collect::<Vec<_>>(),
            ["Under första tertialet uppgick andelen till 69 procent.", "Det är lägre än målet."]
        );
    }
}
