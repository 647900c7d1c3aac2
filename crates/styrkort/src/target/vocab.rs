//! The words of the target language: case-insensitive matching without allocation, number
//! words ("ett", "två" … "tolv"), months, and the word lists the parser looks up.

use rust_decimal::Decimal;

/// Whether `word` equals `lower` (a lower-case keyword), ignoring case. Allocates nothing.
pub(crate) fn eq_ci(word: &str, lower: &str) -> bool {
    if word.len() != lower.len() {
        return false;
    }
    if word.is_ascii() {
        return word.eq_ignore_ascii_case(lower);
    }
    let mut expected = lower.chars();
    for c in word.chars() {
        for l in c.to_lowercase() {
            if expected.next() != Some(l) {
                return false;
            }
        }
    }
    expected.next().is_none()
}

/// Whether `word` is one of `list`, ignoring case.
pub(crate) fn any_ci(word: &str, list: &[&str]) -> bool {
    list.iter().any(|k| eq_ci(word, k))
}

/// The value of a Swedish number word, zero to twelve.
pub(crate) fn number_word(word: &str) -> Option<Decimal> {
    const WORDS: [&[&str]; 13] = [
        &["noll"],
        &["ett", "en"],
        &["två"],
        &["tre"],
        &["fyra"],
        &["fem"],
        &["sex"],
        &["sju"],
        &["åtta"],
        &["nio"],
        &["tio"],
        &["elva"],
        &["tolv"],
    ];
    WORDS.iter().position(|spellings| any_ci(word, spellings)).map(|n| Decimal::from(n as u32))
}

/// The month a word names, 1–12 ("dec", "december", "sept").
pub(crate) fn month(word: &str) -> Option<u8> {
    const MONTHS: [&[&str]; 12] = [
        &["jan", "januari"],
        &["feb", "februari"],
        &["mar", "mars"],
        &["apr", "april"],
        &["maj"],
        &["jun", "juni"],
        &["jul", "juli"],
        &["aug", "augusti"],
        &["sep", "sept", "september"],
        &["okt", "oktober"],
        &["nov", "november"],
        &["dec", "december"],
    ];
    MONTHS.iter().position(|spellings| any_ci(word, spellings)).map(|m| m as u8 + 1)
}

/// The canonical name of a month, 1–12.
pub(crate) fn month_name(month: u8) -> &'static str {
    const NAMES: [&str; 12] = [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ];
    NAMES.get(usize::from(month.saturating_sub(1))).copied().unwrap_or("december")
}

/// Words that make a target go up.
pub(crate) const INCREASE: &[&str] =
    &["öka", "ökar", "ökas", "ökad", "ökade", "ökat", "ökande", "ökning", "höja", "höjas", "höjning"];
/// Words that make a target go down.
pub(crate) const DECREASE: &[&str] = &[
    "minska",
    "minskar",
    "minskas",
    "minskad",
    "minskade",
    "minskat",
    "minskande",
    "minskning",
    "sänka",
    "sänkas",
    "sänkning",
    "reducera",
    "reducerad",
];
/// Words that mean "keep" (not worse).
pub(crate) const MAINTAIN: &[&str] = &[
    "bibehålla",
    "bibehålls",
    "bibehållas",
    "bibehållen",
    "bibehållet",
    "bibehåller",
    "behålla",
    "upprätthålla",
    "oförändrat",
    "oförändrad",
];
/// Words that mean "improve".
pub(crate) const IMPROVE: &[&str] = &["förbättrat", "förbättrad", "förbättra", "förbättras", "förbättring"];
/// Gap words: "Minskad skillnad".
pub(crate) const GAP: &[&str] = &["skillnad", "skillnader", "skillnaden", "skillnaderna", "gap", "glapp"];
/// Words that introduce a comparison base.
pub(crate) const BASE_INTRO: &[&str] = &["jmf", "jämfört", "jämförelse", "utifrån", "från", "relativt"];
/// Words for a time period after "/" or "per": they make a frequency unit ("forum/år").
pub(crate) const TIME_WORDS: &[&str] =
    &["år", "året", "månad", "mån", "vecka", "veckan", "dag", "dygn", "kvartal", "tertial", "halvår", "termin"];
/// Organisational units after "per": they make a `per_unit` target.
pub(crate) const ORG_UNITS: &[&str] = &[
    "kommun",
    "verksamhet",
    "verksamhetsområde",
    "enhet",
    "division",
    "förvaltning",
    "länsdel",
    "sjukhus",
    "vårdcentral",
    "hälsocentral",
    "område",
    "klinik",
    "avdelning",
    "nämnd",
    "arbetsplats",
    "region",
    "län",
];
/// Participles and nouns that mark an activity's deliverable ("Handlingsplan antagen").
pub(crate) const MILESTONE: &[&str] = &[
    "antagen",
    "antaget",
    "antagna",
    "antas",
    "genomförd",
    "genomfört",
    "genomförda",
    "genomför",
    "genomföra",
    "genomföras",
    "genomförs",
    "etablerad",
    "etablerat",
    "etablerade",
    "etableras",
    "införd",
    "infört",
    "införda",
    "införs",
    "införa",
    "framtagen",
    "framtaget",
    "framtagna",
    "framtagning",
    "identifierad",
    "identifierat",
    "identifierade",
    "skriven",
    "skrivet",
    "skrivna",
    "klar",
    "klart",
    "klara",
    "färdig",
    "färdigt",
    "färdiga",
    "fastställd",
    "fastställt",
    "fastställda",
    "beslutad",
    "beslutat",
    "beslutade",
    "upprättad",
    "upprättat",
    "upprättade",
    "utvecklad",
    "utvecklat",
    "utvecklade",
    "utvecklas",
    "implementerad",
    "implementerat",
    "implementerade",
    "implementeras",
    "utsedd",
    "utsett",
    "utsedda",
    "slutförd",
    "slutfört",
    "slutförda",
    "levererad",
    "levererat",
    "påbörjad",
    "påbörjat",
    "startad",
    "startat",
    "utkast",
    "säkerställa",
    "säkerställs",
    "säkerställd",
    "säkerställt",
    "tidsplan",
    "handlingsplan",
    "kartlagd",
    "kartlagt",
    "kartläggning",
    "utförd",
    "utfört",
    "utförda",
    "godkänd",
    "godkänt",
    "godkända",
    "antagits",
    "genomförts",
    "tagits",
];

/// Words that never belong to a unit, a label or a reference: they start or continue another
/// part of a target.
pub(crate) fn is_keyword(word: &str) -> bool {
    const OTHER: &[&str] = &[
        "i",
        "vid",
        "senast",
        "till",
        "före",
        "per",
        "och",
        "samt",
        "av",
        "med",
        "mot",
        "eller",
        "inte",
        "ej",
        "k",
        "m",
        "t",
        "kvinnor",
        "kvinna",
        "män",
        "man",
        "totalt",
        "då",
        "da",
        "helår",
        "under",
        "högst",
        "max",
        "maximalt",
        "minst",
        "lägst",
        "över",
        "mer",
        "fler",
        "mindre",
        "färre",
        "lägre",
        "högre",
        "positiv",
        "dubbling",
        "fördubbling",
        "tredubbling",
        "halvering",
        "bättre",
        "snittet",
        "genomsnittet",
        "nivå",
        "procent",
        "procentenheter",
        "procentenhet",
        "gånger",
        "motsvarande",
        "föregående",
    ];
    any_ci(word, OTHER)
        || any_ci(word, INCREASE)
        || any_ci(word, DECREASE)
        || any_ci(word, MAINTAIN)
        || any_ci(word, IMPROVE)
        || any_ci(word, BASE_INTRO)
        || any_ci(word, MILESTONE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_ignoring_case() {
        assert!(eq_ci("ÖKA", "öka"));
        assert!(eq_ci("Minska", "minska"));
        assert!(!eq_ci("Minskas", "minska"));
        assert!(eq_ci("DÅ", "då"));
    }

    #[test]
    fn number_words_and_months() {
        assert_eq!(number_word("Ett"), Some(Decimal::ONE));
        assert_eq!(number_word("tolv"), Some(Decimal::from(12)));
        assert_eq!(number_word("tretton"), None);
        assert_eq!(month("Dec"), Some(12));
        assert_eq!(month_name(12), "december");
    }
}
