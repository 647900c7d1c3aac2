//! The words of the report: Swedish by default ("Uppnått", "Styrelse/nämnd"), with English
//! labels as an option. The summary sentences of SPEC §4, the motivations and the explanations
//! stay Swedish in both: they are the region's own text.

use crate::assess::Trend;
use crate::model::{ReportPoint, Sex, Status};

/// The language of the report's labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// Svenska: every label as the regions write them (the default); `sv` in settings.
    #[default]
    #[serde(alias = "sv")]
    Swedish,
    /// English labels; sentences, motivations and explanations stay Swedish; `en` in settings.
    #[serde(alias = "en")]
    English,
}

/// A label of the report that is not a status, a sex or a trend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    /// The report's title.
    Title,
    /// "Perspektiv".
    Perspective,
    /// "Strategiskt mål".
    Goal,
    /// "Framgångsfaktor".
    SuccessFactor,
    /// Column: the measure.
    Measure,
    /// Column: the responsible body.
    Body,
    /// Column: the sex.
    Sex,
    /// Column: the target, followed by the year.
    Target,
    /// Column: the status.
    Fulfilment,
    /// Column: the trend.
    Trend,
    /// "Samlad bedömning".
    Judgement,
    /// "Motivering".
    Motivation,
    /// "Prognos vid årets slut".
    Forecast,
    /// "Beräknat förslag".
    Suggestion,
    /// Said when a goal has no recorded judgement.
    NoJudgement,
    /// Said where the judgement differs from the suggestion.
    Differs,
    /// "Teckenförklaring".
    Legend,
    /// "Sammanfattning".
    Summary,
    /// "Enhet".
    Unit,
    /// Said when a success factor has no measures.
    NoMeasures,
    /// "Förklaring" (of an assessment).
    Explanation,
    /// "Antal mål".
    GoalCount,
    /// The note on what a samlad bedömning is (SPEC §4).
    JudgementNote,
    /// "Totalt" (the row of all perspectives).
    Total,
    /// Trend legend heading: "Utveckling jämfört med jämförelseperioden".
    TrendLegend,
    /// No trend: "ingen jämförelse".
    NoTrend,
    /// The gender-equality section's heading.
    Gender,
    /// Its introduction.
    GenderIntro,
    /// Column: women minus men.
    Gap,
    /// Column: the gap at the comparison base.
    BaseGap,
    /// Column: whether the gap narrowed.
    GapTrend,
    /// The gap narrowed.
    Narrowed,
    /// The gap did not narrow.
    NotNarrowed,
    /// Column / flag: one sex meets the target, the other does not.
    OneSex,
    /// No measure is split by sex.
    NoGender,
    /// The table of contents' heading: "Innehåll".
    Contents,
    /// The overview table's heading: goals and their success factors.
    Overview,
    /// "Inledning": the plan's introduction.
    Introduction,
    /// Column: the outcome ("Utfall").
    Value,
    /// "Fotnoter".
    Footnotes,
    /// The heading of the texts on single measures under a table.
    MeasureTexts,
    /// "Bedömning" of one measure by a person.
    MeasureVerdict,
    /// "Beräknat": the computed status beside a person's verdict.
    Computed,
    /// "Ja".
    Yes,
}

impl Language {
    /// Parses `sv`, `svenska`, `swedish`, `en`, `english` (any case).
    pub fn parse(text: &str) -> Option<Language> {
        match text.trim().to_lowercase().as_str() {
            "sv" | "se" | "svenska" | "swedish" => Some(Language::Swedish),
            "en" | "engelska" | "english" => Some(Language::English),
            _ => None,
        }
    }

    /// The code of the `lang` attribute: `sv` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Swedish => "sv",
            Language::English => "en",
        }
    }

    /// A status's label: "Uppnått", "Delvis uppnått", "Ej uppnått", "Kan ej bedömas"; in English
    /// "Achieved", "Partially achieved", "Not achieved", "Not assessable".
    pub fn status(self, status: Status) -> &'static str {
        match self {
            Language::Swedish => status.label_sv(),
            Language::English => match status {
                Status::Achieved => "Achieved",
                Status::PartiallyAchieved => "Partially achieved",
                Status::NotAchieved => "Not achieved",
                Status::NotAssessed => "Not assessable",
            },
        }
    }

    /// A trend in words, for screen readers and the legend: "förbättrad", "oförändrad",
    /// "försämrad", "ingen jämförelse".
    pub fn trend(self, trend: Trend) -> &'static str {
        match (self, trend) {
            (Language::Swedish, Trend::Improved) => "Förbättrad",
            (Language::Swedish, Trend::Unchanged) => "Oförändrad",
            (Language::Swedish, Trend::Worsened) => "Försämrad",
            (Language::Swedish, Trend::None) => "Ingen jämförelse",
            (Language::English, Trend::Improved) => "Improved",
            (Language::English, Trend::Unchanged) => "Unchanged",
            (Language::English, Trend::Worsened) => "Worsened",
            (Language::English, Trend::None) => "No comparison",
        }
    }

    /// A sex in words: "Kvinnor", "Män", "Totalt".
    pub fn sex(self, sex: Sex) -> &'static str {
        match (self, sex) {
            (Language::Swedish, Sex::Total) => "Totalt",
            (Language::Swedish, Sex::Women) => "Kvinnor",
            (Language::Swedish, Sex::Men) => "Män",
            (Language::English, Sex::Total) => "Total",
            (Language::English, Sex::Women) => "Women",
            (Language::English, Sex::Men) => "Men",
        }
    }

    /// The sex column's code: `K`/`M` in Swedish, `W`/`M` in English, `T`/`T`.
    pub fn sex_code(self, sex: Sex) -> &'static str {
        match (self, sex) {
            (Language::English, Sex::Women) => "W",
            _ => sex.code(),
        }
    }

    /// The name of a report: "Delårsrapport april", "Delårsrapport augusti", "Årsredovisning".
    pub fn report(self, report: ReportPoint) -> &'static str {
        match (self, report) {
            (Language::Swedish, ReportPoint::April) => "Delårsrapport april",
            (Language::Swedish, ReportPoint::August) => "Delårsrapport augusti",
            (Language::Swedish, ReportPoint::Annual) => "Årsredovisning",
            (Language::English, ReportPoint::April) => "Interim report April",
            (Language::English, ReportPoint::August) => "Interim report August",
            (Language::English, ReportPoint::Annual) => "Annual report",
        }
    }

    /// A fixed label.
    pub(crate) fn label(self, label: Label) -> &'static str {
        let (sv, en) = match label {
            Label::Title => ("Bilaga måluppfyllelse i perspektiv", "Appendix: goal fulfilment by perspective"),
            Label::Perspective => ("Perspektiv", "Perspective"),
            Label::Goal => ("Strategiskt mål", "Strategic goal"),
            Label::SuccessFactor => ("Framgångsfaktor", "Success factor"),
            Label::Measure => ("Styrmått", "Measure"),
            Label::Body => ("Styrelse/nämnd", "Board/committee"),
            Label::Sex => ("K/M", "W/M"),
            Label::Target => ("Mål", "Target"),
            Label::Fulfilment => ("Måluppfyllelse", "Goal fulfilment"),
            Label::Trend => ("Utveckling", "Trend"),
            Label::Judgement => ("Samlad bedömning", "Overall judgement"),
            Label::Motivation => ("Motivering", "Motivation"),
            Label::Forecast => ("Prognos vid årets slut", "Year-end forecast"),
            Label::Suggestion => ("Beräknat förslag", "Computed suggestion"),
            Label::NoJudgement => (
                "Ingen samlad bedömning är registrerad; statusen är det beräknade förslaget.",
                "No judgement is recorded; the status is the computed suggestion.",
            ),
            Label::Differs => (
                "Den samlade bedömningen avviker från det beräknade förslaget.",
                "The judgement differs from the computed suggestion.",
            ),
            Label::Legend => ("Teckenförklaring", "Legend"),
            Label::Summary => ("Sammanfattning", "Summary"),
            Label::Unit => ("Enhet", "Unit"),
            Label::NoMeasures => {
                ("Inga mått följs upp för framgångsfaktorn.", "No measures follow up this success factor.")
            }
            Label::Explanation => ("Förklaring", "Explanation"),
            Label::GoalCount => ("Antal strategiska mål", "Number of strategic goals"),
            Label::JudgementNote => (
                "Den samlade bedömningen av måluppfyllelsen är en samlad bedömning, vilket innebär att resultatet för enskilda styrmått och kontrollmått inte nödvändigtvis får avgörande genomslag på måluppfyllelsen.",
                "The overall judgement weighs everything known about a goal: the result of a single measure does not necessarily decide the goal's fulfilment.",
            ),
            Label::Total => ("Totalt", "Total"),
            Label::TrendLegend => ("Utveckling jämfört med jämförelseperioden", "Trend against the comparison base"),
            Label::NoTrend => ("tom: ingen jämförelse", "blank: no comparison"),
            Label::Gender => ("Jämställdhet", "Gender equality"),
            Label::GenderIntro => (
                "Skillnaden mellan kvinnor och män för varje mått som redovisas per kön, och om den har minskat jämfört med jämförelseperioden.",
                "The gap between women and men of every measure reported by sex, and whether it narrowed against the comparison base.",
            ),
            Label::Gap => ("Skillnad K−M", "Gap W−M"),
            Label::BaseGap => ("Skillnad vid jämförelse", "Gap at comparison"),
            Label::GapTrend => ("Skillnaden", "The gap"),
            Label::Narrowed => ("Minskad", "Narrowed"),
            Label::NotNarrowed => ("Inte minskad", "Not narrowed"),
            Label::OneSex => ("Ett kön når målet, det andra inte", "One sex meets the target, the other does not"),
            Label::NoGender => ("Inga mått redovisas per kön.", "No measure is reported by sex."),
            Label::Contents => ("Innehåll", "Contents"),
            Label::Overview => ("Strategiska mål och framgångsfaktorer", "Strategic goals and success factors"),
            Label::Introduction => ("Inledning", "Introduction"),
            Label::Value => ("Utfall", "Outcome"),
            Label::Footnotes => ("Fotnoter", "Footnotes"),
            Label::MeasureTexts => ("Kommentarer till måtten", "Notes on the measures"),
            Label::MeasureVerdict => ("Bedömning", "Verdict"),
            Label::Computed => ("Beräknat", "Computed"),
            Label::Yes => ("Ja", "Yes"),
        };
        match self {
            Language::Swedish => sv,
            Language::English => en,
        }
    }
}

/// The shape that stands for a status beside its colour: ■ ● ▲ ◊.
pub fn status_shape(status: Status) -> &'static str {
    match status {
        Status::Achieved => "■",
        Status::PartiallyAchieved => "●",
        Status::NotAchieved => "▲",
        Status::NotAssessed => "◊",
    }
}

/// The colour of a status in every rendering (the HTML's legend, badges and charts, and the
/// Python package's plots): green, yellow, red and grey, as hex RGB.
pub fn status_colour(status: Status) -> &'static str {
    match status {
        Status::Achieved => "#1e7b34",
        Status::PartiallyAchieved => "#c99a00",
        Status::NotAchieved => "#c62828",
        Status::NotAssessed => "#6b6b6b",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_is_the_default_and_both_parse() {
        assert_eq!(Language::default(), Language::Swedish);
        assert_eq!(Language::parse("EN"), Some(Language::English));
        assert_eq!(Language::parse("sv"), Some(Language::Swedish));
        assert_eq!(Language::parse("fi"), None);
        assert_eq!(Language::Swedish.status(Status::NotAssessed), "Kan ej bedömas");
        assert_eq!(Language::English.status(Status::PartiallyAchieved), "Partially achieved");
    }

    #[test]
    fn the_colours_are_the_style_sheet_s() {
        let style = include_str!("style.css");
        for (status, name) in Status::ALL.into_iter().zip(["--green", "--yellow", "--red", "--grey"]) {
            assert!(style.contains(&format!("{name}: {};", status_colour(status))), "{name}");
        }
    }
}
