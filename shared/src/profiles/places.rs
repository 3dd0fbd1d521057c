//! Reference lists for the profile form's Country and Languages fields.
//!
//! [`COUNTRY_CODES`] holds every current ISO 3166-1 alpha-2 country or territory code, and
//! [`SPOKEN_LANGUAGE_CODES`] the spoken (and signed) languages a member can pick: ISO 639-1
//! codes, or ISO 639-3 codes where a language has no ISO 639-1 code. Only the codes are stored;
//! their names live in `locales/{en,fr}/places.ftl` as `country-<CODE>` and `spoken-<code>`.

/// Every current ISO 3166-1 alpha-2 code, upper case, sorted by code.
pub const COUNTRY_CODES: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// The languages offered by the profile form: lower-case ISO 639-1 codes (ISO 639-3 where no
/// 639-1 code exists), sorted by code.
pub const SPOKEN_LANGUAGE_CODES: [&str; 88] = [
    "af", "am", "ar", "ase", "az", "bg", "bn", "bs", "ca", "cr", "cs", "da", "de", "dhd", "el",
    "en", "es", "et", "fa", "fcs", "fi", "fr", "gu", "ha", "he", "hi", "hr", "ht", "hu", "hy",
    "id", "ig", "is", "it", "iu", "ja", "ka", "kk", "km", "kn", "ko", "ku", "ln", "lo", "lt", "lv",
    "mic", "mk", "ml", "mn", "mr", "ms", "my", "ne", "nl", "no", "oj", "pa", "pl", "ps", "pt",
    "ro", "ru", "rw", "si", "sk", "sl", "so", "sq", "sr", "sv", "sw", "ta", "te", "tg", "th", "ti",
    "tl", "tr", "uk", "ur", "uz", "vi", "wo", "yo", "yue", "zh", "zu",
];

/// The Fluent message key naming a country, e.g. `country-CA`.
pub fn country_key(code: &str) -> String {
    format!("country-{code}")
}

/// The Fluent message key naming a spoken language, e.g. `spoken-fr`.
pub fn spoken_language_key(code: &str) -> String {
    format!("spoken-{code}")
}

/// Whether `code` is one of [`COUNTRY_CODES`] (exact, upper-case match).
pub fn is_country(code: &str) -> bool {
    COUNTRY_CODES.binary_search(&code).is_ok()
}

/// Whether `code` is one of [`SPOKEN_LANGUAGE_CODES`] (exact, lower-case match).
pub fn is_spoken_language(code: &str) -> bool {
    SPOKEN_LANGUAGE_CODES.binary_search(&code).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN_FTL: &str = include_str!("../../../locales/en/places.ftl");
    const FR_FTL: &str = include_str!("../../../locales/fr/places.ftl");

    fn strictly_sorted(codes: &[&str]) -> bool {
        codes.windows(2).all(|pair| pair[0] < pair[1])
    }

    /// The message keys of a Fluent file: every line that is neither blank nor a comment.
    fn keys(ftl: &str) -> Vec<&str> {
        ftl.lines()
            .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
            .map(|line| line.split_once(" = ").map_or(line, |(key, _)| key))
            .collect()
    }

    fn has_message(ftl: &str, key: &str) -> bool {
        let prefix = format!("{key} = ");
        ftl.lines()
            .any(|line| line.starts_with(&prefix) && line.len() > prefix.len())
    }

    #[test]
    fn lists_are_sorted_without_duplicates() {
        assert!(strictly_sorted(&COUNTRY_CODES));
        assert!(strictly_sorted(&SPOKEN_LANGUAGE_CODES));
    }

    #[test]
    fn country_codes_are_two_upper_case_letters() {
        for code in COUNTRY_CODES {
            assert!(
                code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()),
                "bad country code {code:?}"
            );
        }
    }

    #[test]
    fn language_codes_are_two_or_three_lower_case_letters() {
        for code in SPOKEN_LANGUAGE_CODES {
            assert!(
                (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase()),
                "bad language code {code:?}"
            );
        }
    }

    #[test]
    fn lookups() {
        for code in ["CA", "FR", "US"] {
            assert!(is_country(code), "{code}");
        }
        for code in ["en", "fr", "dhd"] {
            assert!(is_spoken_language(code), "{code}");
        }
        assert!(!is_country("XX"));
        assert!(!is_country("ca"));
        assert!(!is_spoken_language("zz"));
        assert!(!is_spoken_language("EN"));
        assert_eq!(country_key("CA"), "country-CA");
        assert_eq!(spoken_language_key("fr"), "spoken-fr");
    }

    #[test]
    fn every_code_is_named_in_both_languages() {
        for (lang, ftl) in [("en", EN_FTL), ("fr", FR_FTL)] {
            for code in COUNTRY_CODES {
                let key = country_key(code);
                assert!(has_message(ftl, &key), "{lang}/places.ftl lacks {key}");
            }
            for code in SPOKEN_LANGUAGE_CODES {
                let key = spoken_language_key(code);
                assert!(has_message(ftl, &key), "{lang}/places.ftl lacks {key}");
            }
        }
    }

    #[test]
    fn ftl_files_have_no_unknown_keys() {
        for (lang, ftl) in [("en", EN_FTL), ("fr", FR_FTL)] {
            for key in keys(ftl) {
                let known = match (key.strip_prefix("country-"), key.strip_prefix("spoken-")) {
                    (Some(code), _) => is_country(code),
                    (_, Some(code)) => is_spoken_language(code),
                    _ => false,
                };
                assert!(known, "{lang}/places.ftl has unknown key {key:?}");
            }
        }
    }

    #[test]
    fn ftl_lines_have_no_trailing_spaces() {
        for (lang, ftl) in [("en", EN_FTL), ("fr", FR_FTL)] {
            for line in ftl.lines() {
                assert_eq!(line, line.trim_end(), "{lang}/places.ftl: {line:?}");
            }
        }
    }
}
