//! Locale completeness: both languages define the same keys, and every key the code
//! uses exists in both. A missing translation fails here, not in front of a user.
use super::*;
use std::collections::BTreeSet;
use std::path::Path;

/// The keys a language defines: in what the browser gets, or also in the server's own.
fn keys_of(lang: Lang) -> BTreeSet<String> {
    keys_in(sources(lang).into_iter().chain([server_source(lang)]))
}

fn keys_in<'a>(sources: impl Iterator<Item = &'a str>) -> BTreeSet<String> {
    sources
        .flat_map(|src| src.lines())
        .filter_map(|line| {
            let (name, _) = line.split_once('=')?;
            let name = name.trim_end();
            let ok = !line.starts_with([' ', '#', '-', '.'])
                && !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            ok.then(|| name.to_string())
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Keys written literally in the code: `t!(x, "key"…)`, `.t("key")`, `.t_with("key"…)`,
/// `tr("key")` and `key: "key"` in tables.
fn keys_used_in_code(crates: &[&str]) -> BTreeSet<String> {
    let pattern =
        regex::Regex::new(r#"(?:t!\(\s*[\w.]+\s*,\s*|\.t\(|\.t_with\(|\btr\(|key:\s*|_key\s*=\s*)"([a-z0-9][a-z0-9_-]*)""#)
            .unwrap();
    let mut files = Vec::new();
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for krate in crates {
        rust_files(&workspace.join(krate).join("src"), &mut files);
    }
    // Keys in (key, value) tables, e.g. a tile's breakdown; a key always has a hyphen.
    let tuple = regex::Regex::new(r#"(?:^|[^\w])\(\s*"([a-z0-9]+(?:-[a-z0-9_]+)+)",\s"#).unwrap();
    // Fields named in validation errors are shown through their `field-<name>` label.
    let field = regex::Regex::new(r#"validation\(\s*"([a-z_]+)""#).unwrap();
    let mut keys = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // Comments may show examples; only code counts.
        let code: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for cap in pattern.captures_iter(&code) {
            keys.insert(cap[1].to_string());
        }
        for cap in tuple.captures_iter(&code) {
            keys.insert(cap[1].to_string());
        }
        for cap in field.captures_iter(&code) {
            keys.insert(format!("field-{}", &cap[1]));
        }
    }
    keys
}

#[test]
fn both_languages_define_the_same_keys() {
    let en = keys_of(Lang::En);
    let fr = keys_of(Lang::Fr);
    assert!(en.len() > 50, "suspiciously few keys: {}", en.len());
    let only_en: Vec<_> = en.difference(&fr).collect();
    let only_fr: Vec<_> = fr.difference(&en).collect();
    assert!(only_en.is_empty(), "missing in French: {only_en:?}");
    assert!(only_fr.is_empty(), "missing in English: {only_fr:?}");
}

#[test]
fn every_key_used_by_the_code_exists_in_both_languages() {
    // Every crate that shows text: the pages, the backend's e-mails and errors, and this one.
    let mut used = keys_used_in_code(&["app", "backend", "shared", "server"]);
    used.extend(
        crate::error::all_message_keys()
            .into_iter()
            .map(String::from),
    );
    used.extend((1..=12).map(|m| format!("month-{m}")));
    use crate::messaging::model::EmailStatus;
    use crate::messaging::template::{TemplateCategory, SYSTEM_TEMPLATES};
    used.extend(EmailStatus::ALL.map(|s| s.label_key().to_string()));
    used.extend(TemplateCategory::ALL.map(|c| c.label_key().to_string()));
    used.extend(SYSTEM_TEMPLATES.map(|t| t.name_key()));
    use crate::members::model::{ImportIssueCode, IMPORT_COLUMNS};
    used.extend(ImportIssueCode::ALL.map(|c| c.message_key().to_string()));
    used.extend(IMPORT_COLUMNS.map(|c| format!("field-{c}")));
    assert!(used.len() > 30, "key scan found too little: {used:?}");
    for lang in Lang::ALL {
        let defined = keys_of(lang);
        let missing: Vec<_> = used.difference(&defined).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
        for key in &used {
            // Formatting must succeed, not fall back to the key.
            let text = translate(lang, key, None);
            assert_ne!(&text, key, "{lang:?} cannot format {key}");
        }
    }
}

/// The server-only texts hold nothing a page shows: what the pages' code (and the errors
/// they display) names is in the text the browser fetches.
#[test]
fn the_pages_keys_are_all_in_what_the_browser_fetches() {
    let mut used = keys_used_in_code(&["app", "shared"]);
    used.extend(
        crate::error::all_message_keys()
            .into_iter()
            .map(String::from),
    );
    for lang in Lang::ALL {
        let browser = keys_in(std::iter::once(locale_text(lang)));
        let missing: Vec<_> = used.difference(&browser).collect();
        assert!(
            missing.is_empty(),
            "{lang:?}: pages need {missing:?}, kept for the server only"
        );
        let server_only = keys_in(std::iter::once(server_source(lang)));
        assert!(server_only.len() >= 10 && server_only.is_disjoint(&browser));
    }
}

#[test]
fn translates_with_arguments() {
    let en = translate_with(Lang::En, "dashboard-greeting", &[("name", "Ana".into())]);
    let fr = translate_with(Lang::Fr, "dashboard-greeting", &[("name", "Ana".into())]);
    assert!(en.contains("Ana") && fr.contains("Ana"));
    assert_ne!(en, fr);
}

#[test]
fn the_served_locale_text_is_the_embedded_translations() {
    for lang in Lang::ALL {
        let served = try_bundle(lang, [locale_text(lang)]).expect("served text parses");
        let key = "app-title";
        let pattern = served.get_message(key).and_then(|m| m.value()).unwrap();
        let mut errors = Vec::new();
        let text = served.format_pattern(pattern, None, &mut errors);
        assert_eq!(text, translate(lang, key, None));
    }
    assert!(!install_locale(Lang::En, "not = { fluent"));
    assert_eq!(locale_version().len(), 16);
    assert_eq!(
        locale_path(Lang::Fr, locale_version()),
        format!("/locales/fr-{}.ftl", locale_version())
    );
}
