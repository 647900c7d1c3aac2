//! The canonical Swedish rendering of a target: decimal comma, a space before "%", thousands
//! grouped by spaces, words for bounds ("Minst", not "≥"), full month names, "senast 2027" for
//! a year's deadline, "2025: …" before each part of a per-year target, "; " between composite
//! components. Every rendering parses back to the same target.

use super::{Base, ChangeDirection, ChangeUnit, Component, Direction, Target, TargetForm, Unit, vocab};
use crate::model::ReportPoint;
use crate::number::format_decimal_grouped;
use rust_decimal::Decimal;
use std::fmt::{self, Display, Formatter, Write};

/// A number followed by its unit: "72 %", "350 kr", "270", "20 personer".
struct Quantity<'a>(Decimal, &'a Unit);

impl Display for Quantity<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(&format_decimal_grouped(self.0))?;
        match self.1 {
            Unit::None => Ok(()),
            unit => write!(f, " {unit}"),
        }
    }
}

/// " jmf 2019", " utifrån 2019-12", … or nothing.
struct BaseSuffix(Option<Base>);

impl Display for BaseSuffix {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.0 {
            None => Ok(()),
            Some(Base::Year(year)) => write!(f, " jmf {year}"),
            Some(Base::Month { year, month }) => write!(f, " utifrån {year}-{month:02}"),
            Some(Base::SameQuarterYearBefore) => f.write_str(" jmf motsvarande kvartal året innan"),
            Some(Base::SamePeriodYearBefore) => f.write_str(" jmf motsvarande period året innan"),
            Some(Base::PreviousYear) => f.write_str(" jmf föregående år"),
        }
    }
}

/// "Öka" or "Minska", the verb of a change.
fn verb(direction: ChangeDirection) -> &'static str {
    match direction {
        ChangeDirection::Increase => Direction::Increase.label_sv(),
        ChangeDirection::Decrease => Direction::Decrease.label_sv(),
    }
}

impl Display for TargetForm {
    /// The canonical Swedish text of the form (without a note).
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            TargetForm::Direction(d) => {
                write!(f, "{}{}", d.direction.label_sv(), BaseSuffix(d.base))
            }
            TargetForm::RelativeChange(c) => {
                let two = c.value == Decimal::TWO;
                match (c.direction, c.unit) {
                    (ChangeDirection::Increase, ChangeUnit::Times) if two => f.write_str("Dubbling")?,
                    (ChangeDirection::Decrease, ChangeUnit::Times) if two => f.write_str("Halvering")?,
                    (direction, unit) => {
                        let unit = match unit {
                            ChangeUnit::Percent => "%",
                            ChangeUnit::PercentagePoints => "procentenheter",
                            ChangeUnit::Times => "gånger",
                        };
                        write!(f, "{} med {} {unit}", verb(direction), format_decimal_grouped(c.value))?;
                    }
                }
                write!(f, "{}", BaseSuffix(c.base))
            }
            TargetForm::AbsoluteChange(c) => {
                write!(f, "{} med {}{}", verb(c.direction), Quantity(c.value, &c.unit), BaseSuffix(c.base))
            }
            TargetForm::Level(l) => {
                if let Some(year) = l.year {
                    write!(f, "{year}: ")?;
                }
                write!(f, "{}", Quantity(l.value, &l.unit))
            }
            TargetForm::Bound(b) => {
                write!(f, "{} {}", b.bound.label_sv(), Quantity(b.value, &b.unit))
            }
            TargetForm::Deadline(d) => {
                if let Some(bound) = d.bound {
                    write!(f, "{} ", bound.label_sv())?;
                }
                write!(f, "{}", Quantity(d.value, &d.unit))?;
                match (d.year, d.month) {
                    (None, month) => write!(f, " i {}", vocab::month_name(month)),
                    (Some(year), 12) => write!(f, " senast {year}"),
                    (Some(year), month) => write!(f, " i {} {year}", vocab::month_name(month)),
                }
            }
            TargetForm::PerPeriod(p) => {
                for (n, part) in p.periods.iter().enumerate() {
                    let label = match part.report {
                        ReportPoint::April => "DÅ 04",
                        ReportPoint::August => "DÅ 08",
                        ReportPoint::Annual => "ÅR",
                    };
                    let space = if n > 0 { " " } else { "" };
                    write!(f, "{space}{label}: {}", part.target)?;
                }
                Ok(())
            }
            TargetForm::PerYear(p) => {
                for (n, part) in p.years.iter().enumerate() {
                    let space = if n > 0 { " " } else { "" };
                    write!(f, "{space}{}: {}", part.year, part.target)?;
                }
                Ok(())
            }
            TargetForm::PerSex(p) => {
                if let Some(year) = p.year {
                    write!(f, "{year}: ")?;
                }
                for (n, part) in p.sexes.iter().enumerate() {
                    let space = if n > 0 { " " } else { "" };
                    write!(f, "{space}{} {}", part.sex.code(), part.target)?;
                }
                Ok(())
            }
            TargetForm::Fraction(x) => {
                write!(f, "{} av {}", format_decimal_grouped(x.numerator), format_decimal_grouped(x.denominator))
            }
            TargetForm::GenderBalance(g) => {
                write!(f, "{}/{} %", format_decimal_grouped(g.low), format_decimal_grouped(g.high))
            }
            TargetForm::Benchmark(b) => write!(f, "{} {}", b.comparison.label_sv(), b.reference),
            TargetForm::PerUnit(p) => {
                if let Some(bound) = p.bound {
                    write!(f, "{} ", bound.label_sv())?;
                }
                f.write_str(&format_decimal_grouped(p.value))?;
                if !p.what.is_empty() {
                    write!(f, " {}", p.what)?;
                }
                write!(f, " per {}", p.per)
            }
            TargetForm::Budget => f.write_str("Inom budget"),
            TargetForm::Composite(c) => {
                for (n, Component { label, target }) in c.components.iter().enumerate() {
                    if n > 0 {
                        f.write_str("; ")?;
                    }
                    if let Some(label) = label {
                        write!(f, "{label}: ")?;
                    }
                    write!(f, "{target}")?;
                }
                Ok(())
            }
            TargetForm::Milestone(m) => f.write_str(&m.text),
            TargetForm::None(n) => f.write_str(&n.text),
            TargetForm::Unparsed(u) => f.write_str(&u.text),
        }
    }
}

impl Display for Target {
    /// The canonical Swedish text, with the note in parentheses after it.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let form = self.form.to_string();
        f.write_str(&form)?;
        if let Some(note) = &self.note {
            if !form.is_empty() {
                f.write_char(' ')?;
            }
            write!(f, "({note})")?;
        }
        Ok(())
    }
}
