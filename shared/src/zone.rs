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
}

#[cfg(not(feature = "server"))]
impl Zone {
    pub fn name(&self) -> &str {
        &self.0
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
        assert_eq!(Zone::DEFAULT.name(), "America/Toronto");
    }
}
