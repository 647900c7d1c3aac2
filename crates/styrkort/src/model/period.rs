//! Periods of follow-up: a year and one of its three reports, `2021-DÅ04` (delårsrapport
//! april, January–April), `2021-DÅ08` (delårsrapport augusti, January–August) and `2021-ÅR`
//! (årsredovisning, the whole year).

use crate::error::{Error, ErrorKind};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// One of the three reports of a year ("rapporttillfälle").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReportPoint {
    /// `DÅ04`: delårsrapport per april (tertial 1, status 30 April).
    April,
    /// `DÅ08`: delårsrapport per augusti (tertial 2, status 31 August).
    August,
    /// `ÅR`: årsredovisning (the whole year, status 31 December).
    Annual,
}

impl ReportPoint {
    /// All three, in the order of the year.
    pub const ALL: [ReportPoint; 3] = [ReportPoint::April, ReportPoint::August, ReportPoint::Annual];

    /// The code used in plans and files: `DÅ04`, `DÅ08`, `ÅR`.
    pub fn code(self) -> &'static str {
        match self {
            ReportPoint::April => "DÅ04",
            ReportPoint::August => "DÅ08",
            ReportPoint::Annual => "ÅR",
        }
    }

    /// The last month the report covers: 4, 8 or 12.
    pub fn month(self) -> u8 {
        match self {
            ReportPoint::April => 4,
            ReportPoint::August => 8,
            ReportPoint::Annual => 12,
        }
    }

    /// Parses a report code: `DÅ04`, `DÅ 04`, `DÅ4`, `DA04`, `T1` (and the same for August),
    /// `ÅR`, `AR`, `Helår`; case does not matter.
    pub fn parse(text: &str) -> Option<ReportPoint> {
        match text {
            "DÅ04" => return Some(ReportPoint::April),
            "DÅ08" => return Some(ReportPoint::August),
            "ÅR" => return Some(ReportPoint::Annual),
            _ => {}
        }
        let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
        match squeezed.as_str() {
            "DÅ04" | "DÅ4" | "DA04" | "DA4" | "T1" => Some(ReportPoint::April),
            "DÅ08" | "DÅ8" | "DA08" | "DA8" | "T2" => Some(ReportPoint::August),
            "ÅR" | "AR" | "HELÅR" | "HELAR" => Some(ReportPoint::Annual),
            _ => None,
        }
    }
}

super::coded!(ReportPoint, crate::ErrorKind::Period, "a report", "DÅ04, DÅ08 or ÅR (or DA04, T1, DA08, T2, AR)");

/// A period of follow-up: a year and a report, written `2021-DÅ04`, `2021-DÅ08`, `2021-ÅR`.
///
/// Periods order by year, then by report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    /// The calendar year.
    pub year: i32,
    /// Which of the year's reports.
    pub report: ReportPoint,
}

impl Period {
    /// A period from its parts.
    pub fn new(year: i32, report: ReportPoint) -> Period {
        Period { year, report }
    }

    /// The same report one year earlier: the default comparison base for a trend.
    pub fn year_before(self) -> Period {
        Period::new(self.year.saturating_sub(1), self.report)
    }
}

/// The error for a text that is not a period.
fn not_a_period(text: &str) -> Error {
    Error::message(
        ErrorKind::Period,
        format!(
            "'{text}' is not a period: expected a year and a report such as 2021-DÅ04, 2021-DÅ08, 2021-ÅR (or 2021-DA04, 2021-T1, 2021-T2, 2021-AR, 2021)"
        ),
    )
}

impl FromStr for Period {
    type Err = Error;

    /// Accepts `2021-DÅ04`, `2021-DÅ08`, `2021-ÅR` and the ASCII spellings `2021-DA04`,
    /// `2021-T1`, `2021-DA08`, `2021-T2`, `2021-AR`; a bare year `2021` is the year (`ÅR`).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = || not_a_period(text);
        let trimmed = text.trim();
        let (year, report) = match trimmed.split_once(['-', ' ']) {
            Some((year, report)) => (year, ReportPoint::parse(report).ok_or_else(error)?),
            None => (trimmed, ReportPoint::Annual),
        };
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(error());
        }
        let year = year.parse().map_err(|_| error())?;
        Ok(Period::new(year, report))
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.year, self.report.code())
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Period;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a period such as \"2021-DÅ04\"")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Period, E> {
                text.parse().map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, year: i64) -> Result<Period, E> {
                self.visit_str(&year.to_string())
            }
            fn visit_u64<E: serde::de::Error>(self, year: u64) -> Result<Period, E> {
                self.visit_str(&year.to_string())
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Period {
        text.parse().expect("test period")
    }

    #[test]
    fn every_spelling_of_the_spec() {
        for (text, report) in [
            ("2021-DÅ04", ReportPoint::April),
            ("2021-DA04", ReportPoint::April),
            ("2021-T1", ReportPoint::April),
            ("2021-DÅ08", ReportPoint::August),
            ("2021-DA08", ReportPoint::August),
            ("2021-T2", ReportPoint::August),
            ("2021-ÅR", ReportPoint::Annual),
            ("2021-AR", ReportPoint::Annual),
            ("2021", ReportPoint::Annual),
            ("2021-då04", ReportPoint::April),
            ("2021-DÅ 04", ReportPoint::April),
        ] {
            assert_eq!(p(text), Period::new(2021, report), "{text}");
        }
    }

    #[test]
    fn displays_the_canonical_code() {
        assert_eq!(p("2020-T1").to_string(), "2020-DÅ04");
        assert_eq!(p("2020").to_string(), "2020-ÅR");
    }

    #[test]
    fn rejects_what_is_not_a_period() {
        for bad in ["", "20-DÅ04", "2021-DÅ05", "2021-T3", "DÅ04", "2021-", "abcd-ÅR", "2021-DÅ04-x"] {
            assert!(bad.parse::<Period>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn orders_by_year_then_report() {
        assert!(p("2020-ÅR") < p("2021-DÅ04"));
        assert!(p("2021-DÅ04") < p("2021-DÅ08"));
        assert_eq!(p("2021-DÅ08").year_before(), p("2020-DÅ08"));
    }
}
