//! A time zone, parsed once where it comes in (a database row, a form, the browser) and
//! carried as a value after that. On the server it holds the `chrono_tz::Tz` every local
//! time is computed with; the browser, which never computes with it, holds its IANA name
//! only (the zone database stays out of the wasm bundle). Both sides write it as that name.
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[cfg(feature = "server")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Zone(chrono_tz::Tz);

#[cfg(not(feature = "server"))]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Zone(String);

/// The name of `Zone::DEFAULT` (the browser side has no zone database to name it from).
#[cfg(any(not(feature = "server"), test))]
const DEFAULT_NAME: &str = "America/Toronto";

#[cfg(feature = "server")]
impl Zone {
    /// Where an account starts when nothing better is known (a registration without
    /// JavaScript, an import): the demo's and most Canadian members' zone.
    pub const DEFAULT: Zone = Zone(chrono_tz::America::Toronto);

    /// The one way in: an IANA name such as "America/Toronto" (surrounding spaces
    /// ignored), or nothing.
    pub fn parse(name: &str) -> Option<Zone> {
        name.trim().parse::<chrono_tz::Tz>().ok().map(Zone)
    }

    /// The zone to compute local times with.
    pub fn tz(&self) -> chrono_tz::Tz {
        self.0
    }

    pub fn name(&self) -> &str {
        self.0.name()
    }

    /// The first instant of `date` in this zone: local midnight, or where a clock change
    /// skips midnight (Santiago, Havana, Beirut in spring), the moment the day begins after
    /// the gap; a day the zone skipped altogether (Apia, 30 December 2011) begins where the
    /// next one does.
    pub fn start_of_day(&self, date: chrono::NaiveDate) -> chrono::DateTime<chrono::Utc> {
        use chrono::TimeZone;
        let midnight = date.and_time(chrono::NaiveTime::MIN);
        // Gaps are whole quarter hours; none is longer than a day.
        (0..=4 * 48)
            .find_map(|quarter| {
                let local = midnight + chrono::Duration::minutes(15 * quarter);
                self.0.from_local_datetime(&local).earliest()
            })
            .map(|t| t.with_timezone(&chrono::Utc))
            .expect("a zone's clock skips less than two days")
    }
}

#[cfg(not(feature = "server"))]
impl Zone {
    pub fn name(&self) -> &str {
        &self.0
    }
}

/// How a zone is shown to a person: "Eastern Time (Toronto)" where the zone belongs to a
/// generic zone people know by name, else "Kolkata (UTC+05:30)". Computed on the server
/// (the browser has no zone database); the words come from the locales.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZoneLabel {
    /// The Fluent key of the generic name ("zone-generic-eastern"), if any.
    pub generic: Option<String>,
    /// The city of the IANA name, spaces for underscores ("St Johns").
    pub city: String,
    /// The zone's offset from UTC now, in minutes.
    pub offset_minutes: i32,
}

impl ZoneLabel {
    /// "+05:30", "-03:30", "+00:00".
    pub fn offset_text(&self) -> String {
        let sign = if self.offset_minutes < 0 { '-' } else { '+' };
        let m = self.offset_minutes.unsigned_abs();
        format!("{sign}{:02}:{:02}", m / 60, m % 60)
    }

    /// The zone as people read it: "Eastern Time (Toronto)", else "Kolkata (UTC+05:30)".
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::{translate, translate_with};
        match &self.generic {
            Some(key) => translate_with(
                lang,
                "zone-label-generic",
                &[
                    ("generic", translate(lang, key, None).into()),
                    ("city", self.city.clone().into()),
                ],
            ),
            None => translate_with(
                lang,
                "zone-label-offset",
                &[
                    ("city", self.city.clone().into()),
                    ("offset", self.offset_text().into()),
                ],
            ),
        }
    }
}

#[cfg(feature = "server")]
impl Zone {
    /// The zone's name for people, as it stands at `now` (daylight or standard time
    /// share one generic name).
    pub fn label(&self, now: chrono::DateTime<chrono::Utc>) -> ZoneLabel {
        use chrono::Offset;
        use chrono_tz::OffsetName;
        let offset = *now.with_timezone(&self.0).offset();
        let abbreviation = offset.abbreviation().unwrap_or("");
        let area = self.name().split('/').next().unwrap_or("");
        let generic = match (area, abbreviation) {
            ("America", "EST" | "EDT") => Some("eastern"),
            ("America", "CST" | "CDT") => Some("central"),
            ("America", "MST" | "MDT") => Some("mountain"),
            ("America", "PST" | "PDT") => Some("pacific"),
            ("America", "AKST" | "AKDT") => Some("alaska"),
            ("America", "AST" | "ADT") => Some("atlantic"),
            ("America", "NST" | "NDT") => Some("newfoundland"),
            ("Pacific", "HST") => Some("hawaii"),
            ("Europe", "GMT" | "BST" | "IST") => Some("gmt"),
            ("Europe" | "Atlantic", "WET" | "WEST") => Some("western-european"),
            ("Europe" | "Africa", "CET" | "CEST") => Some("central-european"),
            ("Europe" | "Africa" | "Asia", "EET" | "EEST") => Some("eastern-european"),
            ("Asia", "IST") if self.name() == "Asia/Kolkata" => Some("india"),
            ("Asia", "JST") => Some("japan"),
            ("Australia", "AEST" | "AEDT") => Some("australian-eastern"),
            ("Australia", "ACST" | "ACDT") => Some("australian-central"),
            ("Australia", "AWST") => Some("australian-western"),
            _ => None,
        };
        ZoneLabel {
            generic: generic.map(|g| format!("zone-generic-{g}")),
            city: self
                .name()
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .replace('_', " "),
            offset_minutes: offset.fix().local_minus_utc() / 60,
        }
    }
}

/// A value to fill a struct with before the real zone is known (`..Default::default()`);
/// never used in place of a zone that failed to parse.
impl Default for Zone {
    fn default() -> Zone {
        #[cfg(feature = "server")]
        {
            Zone::DEFAULT
        }
        #[cfg(not(feature = "server"))]
        {
            Zone(DEFAULT_NAME.to_string())
        }
    }
}

impl std::fmt::Display for Zone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Zone {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Zone {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        #[cfg(feature = "server")]
        {
            Zone::parse(&name)
                .ok_or_else(|| serde::de::Error::custom(format!("unknown time zone {name:?}")))
        }
        #[cfg(not(feature = "server"))]
        {
            Ok(Zone(name))
        }
    }
}

// A stored zone the zone database does not know is an error (logged with the request
// that met it), never silently another zone.
#[cfg(feature = "server")]
crate::stored_as_text!(Zone, name, Zone::parse, "time zone");

#[cfg(all(test, feature = "server"))]
mod tests {
    use super::*;

    #[test]
    fn zones_parse_once_and_write_their_name() {
        let kolkata = Zone::parse(" Asia/Kolkata ").unwrap();
        assert_eq!(kolkata.name(), "Asia/Kolkata");
        assert_eq!(serde_json::to_string(&kolkata).unwrap(), "\"Asia/Kolkata\"");
        let back: Zone = serde_json::from_str("\"Asia/Kolkata\"").unwrap();
        assert_eq!(back, kolkata);
        assert!(serde_json::from_str::<Zone>("\"Mars/Olympus\"").is_err());
        assert_eq!(Zone::parse("Mars/Olympus"), None);
        assert_eq!(Zone::parse(""), None);
        assert_eq!(Zone::DEFAULT.name(), DEFAULT_NAME);
        assert_eq!(Zone::default(), Zone::DEFAULT);
    }

    #[test]
    fn zones_are_shown_by_their_generic_name_or_their_offset() {
        use chrono::TimeZone;
        let winter = chrono::Utc.with_ymd_and_hms(2026, 1, 15, 12, 0, 0).unwrap();
        let summer = chrono::Utc.with_ymd_and_hms(2026, 7, 15, 12, 0, 0).unwrap();
        let label = |name: &str, at| Zone::parse(name).unwrap().label(at);
        let toronto = label("America/Toronto", winter);
        assert_eq!(toronto.generic.as_deref(), Some("zone-generic-eastern"));
        assert_eq!(
            (toronto.city.as_str(), toronto.offset_minutes),
            ("Toronto", -300)
        );
        assert_eq!(label("America/Toronto", summer).offset_text(), "-04:00");
        assert_eq!(
            label("America/Edmonton", summer).generic.as_deref(),
            Some("zone-generic-mountain")
        );
        let st_johns = label("America/St_Johns", winter);
        assert_eq!(
            st_johns.generic.as_deref(),
            Some("zone-generic-newfoundland")
        );
        assert_eq!(
            (st_johns.city.as_str(), st_johns.offset_text().as_str()),
            ("St Johns", "-03:30")
        );
        assert_eq!(
            label("Europe/Paris", summer).generic.as_deref(),
            Some("zone-generic-central-european")
        );
        let kathmandu = label("Asia/Kathmandu", winter);
        assert_eq!(
            (kathmandu.generic.clone(), kathmandu.offset_text()),
            (None, "+05:45".to_string())
        );
    }

    #[test]
    fn a_day_starts_at_local_midnight_or_where_the_clock_resumes() {
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let start = |zone: &str, date| Zone::parse(zone).unwrap().start_of_day(date).to_rfc3339();
        assert_eq!(
            start("America/Toronto", day(2026, 11, 1)),
            "2026-11-01T04:00:00+00:00"
        );
        // The day of the autumn change is 25 hours long; it still starts at midnight (EDT).
        assert_eq!(
            start("America/Toronto", day(2026, 11, 2)),
            "2026-11-02T05:00:00+00:00"
        );
        assert_eq!(
            start("Asia/Kolkata", day(2026, 3, 8)),
            "2026-03-07T18:30:00+00:00"
        );
        // Santiago skipped 00:00–01:00 on 2022-09-11: the day began at 01:00 (-03).
        assert_eq!(
            start("America/Santiago", day(2022, 9, 11)),
            "2022-09-11T04:00:00+00:00"
        );
        // Samoa skipped 30 December 2011: it began where the 31st did.
        assert_eq!(
            start("Pacific/Apia", day(2011, 12, 30)),
            start("Pacific/Apia", day(2011, 12, 31))
        );
    }
}
