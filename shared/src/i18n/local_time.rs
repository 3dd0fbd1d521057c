//! A wall-clock time already converted (on the server) into the viewer's time zone,
//! so server render and hydration agree; only the wording depends on the language.
use super::{translate_with, Lang};
use fluent_bundle::FluentValue;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalDateTime {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
}

impl LocalDateTime {
    #[cfg(feature = "server")]
    pub fn from_utc(instant: chrono::DateTime<chrono::Utc>, zone: &crate::zone::Zone) -> Self {
        use chrono::{Datelike, Timelike};
        let local = instant.with_timezone(&zone.tz());
        Self {
            year: local.year(),
            month: local.month(),
            day: local.day(),
            hour: local.hour(),
            minute: local.minute(),
        }
    }

    /// A calendar date (a wall-clock date already), at its midnight.
    pub fn of_date(date: chrono::NaiveDate) -> Self {
        use chrono::Datelike;
        Self {
            year: date.year(),
            month: date.month(),
            day: date.day(),
            hour: 0,
            minute: 0,
        }
    }

    /// A time of day on a date (minutes after midnight, on the clock the date is on).
    pub fn at(date: chrono::NaiveDate, minute: u16) -> Self {
        Self {
            hour: u32::from(minute / 60),
            minute: u32::from(minute % 60),
            ..Self::of_date(date)
        }
    }

    pub fn format_date(&self, lang: Lang) -> String {
        let month = translate_with(lang, &format!("month-{}", self.month), &[]);
        translate_with(
            lang,
            "date-format",
            &[
                ("day", FluentValue::from(self.day.to_string())),
                ("month", FluentValue::from(month)),
                ("year", FluentValue::from(self.year.to_string())),
            ],
        )
    }

    /// The time of day alone ("4:05 PM" / "16 h 05").
    pub fn format_time(&self, lang: Lang) -> String {
        translate_with(lang, "time-format", &self.clock_args())
    }

    pub fn format_date_time(&self, lang: Lang) -> String {
        let mut args = self.clock_args();
        args.push(("date", FluentValue::from(self.format_date(lang))));
        translate_with(lang, "date-time-format", &args)
    }

    fn clock_args(&self) -> Vec<(&'static str, FluentValue<'static>)> {
        let (hour12, meridiem) = match self.hour {
            0 => (12, "am"),
            h @ 1..=11 => (h, "am"),
            12 => (12, "pm"),
            h => (h - 12, "pm"),
        };
        vec![
            ("hour24", FluentValue::from(format!("{:02}", self.hour))),
            ("hour12", FluentValue::from(hour12.to_string())),
            ("minute", FluentValue::from(format!("{:02}", self.minute))),
            ("meridiem", FluentValue::from(meridiem)),
        ]
    }
}

/// The IANA zones a person can pick (regional names, no `Etc/` aliases), sorted.
#[cfg(feature = "server")]
pub fn selectable_time_zones() -> Vec<String> {
    let mut zones: Vec<String> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name().to_string())
        .filter(|name| name.contains('/') && !name.starts_with("Etc/"))
        .collect();
    zones.sort();
    zones
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_in_both_languages() {
        let t = LocalDateTime {
            year: 2026,
            month: 11,
            day: 2,
            hour: 16,
            minute: 5,
        };
        assert_eq!(t.format_date_time(Lang::En), "Nov 2, 2026, 4:05 PM");
        assert_eq!(t.format_date_time(Lang::Fr), "2 nov. 2026 à 16 h 05");
        assert_eq!(t.format_time(Lang::En), "4:05 PM");
        assert_eq!(t.format_time(Lang::Fr), "16 h 05");
        let d = chrono::NaiveDate::from_ymd_opt(2026, 12, 9).unwrap();
        assert_eq!(LocalDateTime::at(d, 570).format_time(Lang::En), "9:30 AM");
    }

    #[cfg(feature = "server")]
    #[test]
    fn converts_to_the_viewers_zone() {
        use chrono::TimeZone;
        let zone = |name| crate::zone::Zone::parse(name).unwrap();
        let instant = chrono::Utc.with_ymd_and_hms(2026, 1, 15, 12, 0, 0).unwrap();
        let st_johns = LocalDateTime::from_utc(instant, &zone("America/St_Johns"));
        assert_eq!((st_johns.hour, st_johns.minute), (8, 30));
        let vancouver = LocalDateTime::from_utc(instant, &zone("America/Vancouver"));
        assert_eq!((vancouver.day, vancouver.hour), (15, 4));
    }
}
