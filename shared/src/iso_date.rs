//! Dates as forms and URLs carry them: "2026-01-31", read and written by hand. (chrono's
//! general format and parse machinery weighs about 15 KB in every browser page that
//! touches a date; this is the one format the product uses.)
use chrono::{Datelike, NaiveDate};

/// A calendar date (re-exported so crates without chrono can name one).
pub type Date = NaiveDate;

/// "2026-01-31" → the date; any other form (or an impossible date) is none.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = &text[range];
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    NaiveDate::from_ymd_opt(number(0..4)? as i32, number(5..7)?, number(8..10)?)
}

/// The date as "2026-01-31".
pub fn iso_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// `#[serde(with = "crate::iso_date::serde_date")]`: a date as "2026-01-31" (chrono's own
/// serde form goes through the format machinery this module avoids).
pub mod serde_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::iso_date(*date))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(d)?;
        super::parse_iso_date(&text).ok_or_else(|| serde::de::Error::custom("a date as YYYY-MM-DD"))
    }
}

/// `#[serde(with = "crate::iso_date::serde_dates")]`: a list of dates as "2026-01-31".
pub mod serde_dates {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(dates: &[NaiveDate], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(dates.iter().map(|d| super::iso_date(*d)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
        Vec::<String>::deserialize(d)?
            .iter()
            .map(|text| {
                super::parse_iso_date(text)
                    .ok_or_else(|| serde::de::Error::custom("a date as YYYY-MM-DD"))
            })
            .collect()
    }
}

/// `#[serde(with = "crate::iso_date::optional")]`: an optional date as "2026-01-31".
pub mod optional {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.serialize_some(&super::iso_date(*d)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(text) => super::parse_iso_date(&text)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom("a date as YYYY-MM-DD")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_only_the_iso_form() {
        let d = NaiveDate::from_ymd_opt(2026, 1, 31).unwrap();
        assert_eq!(parse_iso_date("2026-01-31"), Some(d));
        assert_eq!(iso_date(d), "2026-01-31");
        assert_eq!(
            iso_date(NaiveDate::from_ymd_opt(987, 3, 4).unwrap()),
            "0987-03-04"
        );
        for bad in [
            "2026-02-30",
            "31/01/2026",
            "2026-1-31",
            "2026-01-3a",
            "+026-01-31",
            "",
            "2026-01-311",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
        // Agrees with chrono's own reading on every day of a leap year.
        let mut day = NaiveDate::from_ymd_opt(2028, 1, 1).unwrap();
        while day.year() == 2028 {
            assert_eq!(parse_iso_date(&iso_date(day)), Some(day));
            assert_eq!(
                NaiveDate::parse_from_str(&iso_date(day), "%Y-%m-%d").ok(),
                Some(day)
            );
            day = day.succ_opt().unwrap();
        }
    }
}
