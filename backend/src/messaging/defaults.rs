//! The shipped texts of the system messages, from `locales/<lang>/system-messages.txt`.
use crate::i18n::Lang;
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DefaultText {
    pub subject: String,
    pub body: String,
}

const EN: &str = include_str!("../../../locales/en/system-messages.txt");
const FR: &str = include_str!("../../../locales/fr/system-messages.txt");

/// Parses the `=== key` / `Subject:` / blank line / body format.
pub fn parse(source: &str) -> Result<HashMap<String, DefaultText>, String> {
    let mut sections: Vec<(String, Vec<&str>)> = Vec::new();
    for line in source.lines() {
        if let Some(key) = line.strip_prefix("=== ") {
            sections.push((key.trim().to_string(), Vec::new()));
        } else if let Some((_, lines)) = sections.last_mut() {
            lines.push(line);
        }
        // Lines before the first section are the file's comment header.
    }
    let mut out = HashMap::new();
    for (key, lines) in sections {
        let subject = lines
            .first()
            .and_then(|l| l.strip_prefix("Subject:"))
            .ok_or_else(|| format!("{key}: first line must be \"Subject: …\""))?
            .trim()
            .to_string();
        let body = lines[1..].join("\n").trim().to_string();
        if subject.is_empty() || body.is_empty() {
            return Err(format!("{key}: empty subject or body"));
        }
        if out
            .insert(key.clone(), DefaultText { subject, body })
            .is_some()
        {
            return Err(format!("{key}: defined twice"));
        }
    }
    Ok(out)
}

fn table(lang: Lang) -> &'static HashMap<String, DefaultText> {
    static TABLES: OnceLock<[HashMap<String, DefaultText>; 2]> = OnceLock::new();
    let tables = TABLES.get_or_init(|| {
        [EN, FR].map(|source| parse(source).expect("locales/*/system-messages.txt is valid"))
    });
    match lang {
        Lang::En => &tables[0],
        Lang::Fr => &tables[1],
    }
}

/// The shipped text of a template in a language (every template has one; see the tests).
pub fn default_text(lang: Lang, key: &str) -> DefaultText {
    table(lang)
        .get(key)
        .cloned()
        .unwrap_or_else(|| DefaultText {
            subject: key.to_string(),
            body: key.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messaging::template::{first_unknown_keyword, SYSTEM_TEMPLATES};

    #[test]
    fn every_template_has_valid_defaults_in_both_languages() {
        for lang in [Lang::En, Lang::Fr] {
            let table = table(lang);
            assert_eq!(
                table.len(),
                SYSTEM_TEMPLATES.len(),
                "{lang:?}: extra sections"
            );
            for spec in SYSTEM_TEMPLATES {
                let text = table
                    .get(spec.key)
                    .unwrap_or_else(|| panic!("{lang:?}: no default for {}", spec.key));
                assert_eq!(first_unknown_keyword(&spec, &text.subject), None);
                assert_eq!(
                    first_unknown_keyword(&spec, &text.body),
                    None,
                    "{}",
                    spec.key
                );
            }
        }
    }

    #[test]
    fn parser_rejects_malformed_sections() {
        assert!(parse("=== a\nSubject: S\n\nBody").is_ok());
        assert!(parse("# c\n=== a\nNo subject\n\nBody").is_err());
        assert!(parse("=== a\nSubject: S\n\nB\n=== a\nSubject: S\n\nB").is_err());
    }
}
