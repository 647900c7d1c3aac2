//! The words of the target language: case-insensitive matching without allocation, number
//! words ("ett", "två" … "tolv"), months, the word lists the parser looks up, and deliverable
//! words recognised also when misspelt ("genomföd").

use super::Population;
use rust_decimal::Decimal;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

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

/// The value of a Swedish number word, zero to twelve (see [`crate::number::number_word`]).
pub(crate) fn number_word(word: &str) -> Option<Decimal> {
    crate::number::number_word(word).map(Decimal::from)
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
    MONTHS
        .iter()
        .position(|spellings| any_ci(word, spellings))
        .map(|m| u8::try_from(m).unwrap_or(u8::MAX).saturating_add(1))
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
/// "i snitt" after a unit ("1 500 tim i snitt/vecka"): an average, part of the unit.
pub(crate) const ON_AVERAGE: &[&[&str]] = &[&["i", "snitt"], &["i", "genomsnitt"], &["i", "medel"], &["i", "medeltal"]];
/// The populations a benchmark may name, longest phrases first.
pub(crate) const POPULATIONS: &[(&[&str], Population)] = &[
    (&["sveriges", "regioner"], Population::Regions),
    (&["övriga", "regioner"], Population::Regions),
    (&["alla", "regioner"], Population::Regions),
    (&["andra", "regioner"], Population::Regions),
    (&["regionerna"], Population::Regions),
    (&["jämförbara", "regioner"], Population::ComparableRegions),
    (&["liknande", "regioner"], Population::ComparableRegions),
    (&["jämförbara", "landsting"], Population::ComparableRegions),
    (&["nationella", "snittet"], Population::Nation),
    (&["nationella", "genomsnittet"], Population::Nation),
    (&["riket"], Population::Nation),
    (&["riksgenomsnittet"], Population::Nation),
    (&["rikssnittet"], Population::Nation),
    (&["riksnivån"], Population::Nation),
    (&["sverige"], Population::Nation),
    (&["landet"], Population::Nation),
    (&["länet"], Population::County),
    (&["länssnittet"], Population::County),
    (&["länsgenomsnittet"], Population::County),
];
/// "ska", "skall", "bör": the verb that makes a sentence of a subject and a target.
pub(crate) const MODAL: &[&str] = &["ska", "skall", "bör"];
/// Verbs and particles between the modal verb and the target ("ska vara minst 80 %", "ska
/// ligga över …", "ska uppgå till 80 %", "ska fortsätta att öka").
pub(crate) const COPULA: &[&str] =
    &["vara", "ligga", "bli", "nå", "uppgå", "till", "på", "hamna", "hålla", "sig", "fortsätta", "fortsatt", "att"];
/// Words that make a text monitoring only: "Följa kostnadsutvecklingen", "Följs upp årligen",
/// "Bevaka", "Redovisas".
pub(crate) const MONITOR: &[&str] = &[
    "följa",
    "följas",
    "följs",
    "bevaka",
    "bevakas",
    "redovisa",
    "redovisas",
    "övervaka",
    "övervakas",
    "uppföljning",
    "uppföljningen",
    "monitorera",
    "monitoreras",
    "rapportera",
    "rapporteras",
    "mäta",
    "mätas",
    "mäts",
];
/// Nouns for a baseline still to be measured ("Basvärde tas fram", "Ingångsvärde").
pub(crate) const BASELINE: &[&str] = &[
    "basvärde",
    "basvärdet",
    "ingångsvärde",
    "ingångsvärdet",
    "ingångsvärden",
    "utgångsvärde",
    "utgångsvärdet",
    "utgångsläge",
    "utgångsläget",
    "nollmätning",
    "nollmätningen",
    "nollvärde",
    "basnivå",
];
/// A measure new this year: its first value is the baseline ("Nytt mått").
pub(crate) const NEW_MEASURE: &[&[&str]] = &[
    &["nytt", "mått"],
    &["nytt", "styrmått"],
    &["nytt", "kontrollmått"],
    &["nytt", "nyckeltal"],
    &["ny", "indikator"],
];
/// Nouns for the target level itself ("Målvärde saknas", "Målvärde under framtagande").
pub(crate) const TARGET_NOUNS: &[&str] =
    &["målvärde", "målvärdet", "målvärden", "målnivå", "målnivån", "målnivåer", "mål", "målet"];
/// Phrases saying that a value or target is being worked out.
pub(crate) const PENDING: &[&[&str]] = &[
    &["tas", "fram"],
    &["under", "framtagande"],
    &["framtas"],
    &["arbetas", "fram"],
    &["fastställs"],
    &["sätts"],
    &["beslutas"],
    &["utarbetas"],
    &["utreds"],
];
/// Phrases saying that there is no target.
pub(crate) const ABSENT: &[&[&str]] = &[
    &["saknas"],
    &["ej", "satt"],
    &["inte", "satt"],
    &["ej", "fastställt"],
    &["inte", "fastställt"],
    &["ej", "fastställd"],
    &["finns", "ej"],
    &["finns", "inte"],
];
/// Participles and nouns that mark an activity's deliverable ("Handlingsplan antagen", "Avtal
/// tecknat", "Regionen medverkar i …").
pub(crate) const MILESTONE: &[&str] = &[
    "antagen",
    "antaget",
    "antagna",
    "antas",
    "antagits",
    "antogs",
    "genomförd",
    "genomfört",
    "genomförda",
    "genomför",
    "genomföra",
    "genomföras",
    "genomförs",
    "genomförts",
    "genomfördes",
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
    "färdigställd",
    "färdigställt",
    "färdigställda",
    "fastställd",
    "fastställt",
    "fastställda",
    "beslutad",
    "beslutat",
    "beslutade",
    "fattat",
    "fattad",
    "fattats",
    "tecknat",
    "tecknad",
    "tecknade",
    "tecknats",
    "upprättad",
    "upprättat",
    "upprättade",
    "upprättas",
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
    "avslutad",
    "avslutat",
    "avslutade",
    "levererad",
    "levererat",
    "lanserad",
    "lanserat",
    "lanserade",
    "publicerad",
    "publicerat",
    "reviderad",
    "reviderat",
    "reviderade",
    "uppdaterad",
    "uppdaterat",
    "uppdaterade",
    "tillsatt",
    "tillsatta",
    "påbörjad",
    "påbörjat",
    "startad",
    "startat",
    "medverkar",
    "medverka",
    "medverkat",
    "deltar",
    "deltagit",
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
    "tagits",
];

/// Nouns of deliverables in any inflection ("handlingsplaner", "tidsplanen").
const DELIVERABLE_STEMS: &[&str] = &["handlingsplan", "tidsplan", "utkast", "kartläggning", "framtagning"];

/// The shortest word (in letters) that is read as a misspelt deliverable word.
const MISSPELT_LETTERS: usize = 6;

/// Whether a word marks a deliverable: one of [`MILESTONE`], a deliverable noun in any
/// inflection, or a word of six letters or more one slip (a letter left out, added, changed, or
/// two swapped) from one of [`MILESTONE`] ("genomföd", "implementrad", "upprätad").
pub(crate) fn is_deliverable(word: &str) -> bool {
    static KNOWN: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let mut buffer = [0u8; LONGEST_WORD];
    let Some(lower) = lower_case(word, &mut buffer) else { return false };
    if KNOWN.get_or_init(|| MILESTONE.iter().copied().collect()).contains(lower)
        || DELIVERABLE_STEMS.iter().any(|stem| lower.starts_with(stem))
    {
        return true;
    }
    let mut letters = ['\0'; LONGEST_WORD];
    let letters = chars(lower, &mut letters);
    let mut known_letters = ['\0'; LONGEST_WORD];
    letters.len() >= MISSPELT_LETTERS
        && MILESTONE.iter().any(|known| {
            let known = chars(known, &mut known_letters);
            known.len() >= MISSPELT_LETTERS && known.len().abs_diff(letters.len()) <= 1 && one_slip(letters, known)
        })
}

/// The characters of `text` (at most [`LONGEST_WORD`] of them), written into `buffer`.
fn chars<'b>(text: &str, buffer: &'b mut [char; LONGEST_WORD]) -> &'b [char] {
    let mut len: usize = 0;
    for (slot, c) in buffer.iter_mut().zip(text.chars()) {
        *slot = c;
        len = len.saturating_add(1);
    }
    buffer.get(..len).unwrap_or_default()
}

/// Whether `a` and `b` differ by at most one letter left out, added, changed, or two
/// neighbours swapped (optimal string alignment distance at most 1).
fn one_slip(a: &[char], b: &[char]) -> bool {
    let common = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (a.get(common..).unwrap_or_default(), b.get(common..).unwrap_or_default());
    match (a, b) {
        ([], []) => true,
        ([_, a_rest @ ..], [_, b_rest @ ..]) if a_rest == b_rest => true,
        ([x, y, a_rest @ ..], [p, q, b_rest @ ..]) if x == q && y == p && a_rest == b_rest => true,
        ([_, a_rest @ ..], b) if a_rest == b => true,
        (a, [_, b_rest @ ..]) if a == b_rest => true,
        _ => false,
    }
}

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
        "större",
        "ska",
        "skall",
        "bör",
    ];
    static KEYWORDS: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let keywords = KEYWORDS.get_or_init(|| {
        [OTHER, INCREASE, DECREASE, MAINTAIN, IMPROVE, BASE_INTRO, MILESTONE].into_iter().flatten().copied().collect()
    });
    let mut buffer = [0u8; LONGEST_WORD];
    lower_case(word, &mut buffer).is_some_and(|lower| keywords.contains(lower))
}

/// The longest word, in bytes, that [`lower_case`] writes: longer than any word of the lists.
const LONGEST_WORD: usize = 48;

/// `word` in lower case, written into `buffer`; none when it does not fit.
fn lower_case<'b>(word: &str, buffer: &'b mut [u8; LONGEST_WORD]) -> Option<&'b str> {
    let mut len: usize = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let end = len.saturating_add(c.len_utf8());
        c.encode_utf8(buffer.get_mut(len..end)?);
        len = end;
    }
    std::str::from_utf8(buffer.get(..len)?).ok()
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

    #[test]
    fn deliverable_words_are_read_also_misspelt() {
        for word in ["genomförd", "Genomföd", "implementrad", "upprätad", "etablerd", "Handlingsplaner", "tecknat"] {
            assert!(is_deliverable(word), "{word}");
        }
        for word in ["genomsnitt", "himmel", "inför", "kommunerna", "Minska", "riket", "öka"] {
            assert!(!is_deliverable(word), "{word}");
        }
    }

    #[test]
    fn one_slip_is_one_edit() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert!(one_slip(&c("abcdef"), &c("abcdef")));
        assert!(one_slip(&c("abcdef"), &c("abcdxf")));
        assert!(one_slip(&c("abcdef"), &c("abdcef")));
        assert!(one_slip(&c("abcdef"), &c("abcdeff")));
        assert!(one_slip(&c("abcdef"), &c("abcef")));
        assert!(!one_slip(&c("abcdef"), &c("abxyef")));
        assert!(!one_slip(&c("abcdef"), &c("abcd")));
    }
}
