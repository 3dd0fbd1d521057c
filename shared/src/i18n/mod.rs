//! Fluent-based translations. Both languages are compiled into the server; the browser
//! fetches the page's language once (`/locales/en-<version>.ftl`, cached for good) before
//! it hydrates, and the other one when the member switches, so the translations of every
//! page do not weigh on every page's first visit.
mod lang;
pub mod local_time;

pub use lang::Lang;
pub use local_time::LocalDateTime;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// The Fluent files of each language the pages use, in `locales/<lang>/<name>.ftl`; the
/// browser fetches these.
pub const LOCALE_FILES: [&str; 13] = [
    "common",
    "auth",
    "accounts",
    "shell",
    "dashboard",
    "admin",
    "messaging",
    "profiles",
    "places",
    "matching",
    "relationships",
    "scheduling",
    "errors",
];

#[cfg(not(target_arch = "wasm32"))]
macro_rules! locale_sources {
    ($lang:literal) => {
        [
            include_str!(concat!("../../../locales/", $lang, "/common.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/auth.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/accounts.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/shell.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/dashboard.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/admin.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/messaging.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/profiles.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/places.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/matching.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/relationships.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/scheduling.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/errors.ftl")),
        ]
    };
}

/// The texts only the server uses (e-mails, calendar files, CSV headings):
/// `locales/<lang>/mail.ftl`, never sent to browsers.
#[cfg(not(target_arch = "wasm32"))]
fn server_source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("../../../locales/en/mail.ftl"),
        Lang::Fr => include_str!("../../../locales/fr/mail.ftl"),
    }
}

type Bundle = FluentBundle<FluentResource>;

#[cfg(not(target_arch = "wasm32"))]
fn sources(lang: Lang) -> [&'static str; LOCALE_FILES.len()] {
    match lang {
        Lang::En => locale_sources!("en"),
        Lang::Fr => locale_sources!("fr"),
    }
}

/// A language's Fluent files as one text, as the browser fetches it.
#[cfg(not(target_arch = "wasm32"))]
pub fn locale_text(lang: Lang) -> &'static str {
    static EN: OnceLock<String> = OnceLock::new();
    static FR: OnceLock<String> = OnceLock::new();
    let cell = match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    };
    cell.get_or_init(|| sources(lang).join("\n"))
}

/// A fingerprint of both languages' texts (FNV-1a), so a browser never keeps the
/// translations of an older build.
#[cfg(not(target_arch = "wasm32"))]
pub fn locale_version() -> &'static str {
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION.get_or_init(|| {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for lang in Lang::ALL {
            for byte in locale_text(lang).bytes() {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        }
        format!("{hash:016x}")
    })
}

/// The `<meta name>` the page carries the locale version in.
pub const LOCALES_META: &str = "mentora-locales";

/// Where the browser fetches a language's translations.
pub fn locale_path(lang: Lang, version: &str) -> String {
    format!("/locales/{}-{version}.ftl", lang.code())
}

fn try_bundle<'a>(
    lang: Lang,
    sources: impl IntoIterator<Item = &'a str>,
) -> Result<Bundle, String> {
    let id = lang.code().parse().expect("static language identifier");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks would end up in attributes and test selectors; our strings are
    // short and never mix directions.
    bundle.set_use_isolating(false);
    for source in sources {
        let resource = FluentResource::try_new(source.to_string())
            .map_err(|(_, errors)| format!("invalid Fluent in {lang:?}: {errors:?}"))?;
        bundle
            .add_resource(resource)
            .map_err(|errors| format!("duplicate Fluent keys in {lang:?}: {errors:?}"))?;
    }
    Ok(bundle)
}

fn cell(lang: Lang) -> &'static OnceLock<Bundle> {
    static EN: OnceLock<Bundle> = OnceLock::new();
    static FR: OnceLock<Bundle> = OnceLock::new();
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn bundle(lang: Lang) -> Option<&'static Bundle> {
    Some(cell(lang).get_or_init(|| {
        let all = sources(lang).into_iter().chain([server_source(lang)]);
        try_bundle(lang, all).unwrap_or_else(|error| panic!("{error}"))
    }))
}

#[cfg(target_arch = "wasm32")]
fn bundle(lang: Lang) -> Option<&'static Bundle> {
    cell(lang).get()
}

/// Installs a language's translations fetched by the browser (`locale_text` of the
/// server); a text that does not parse is refused and the language stays missing.
pub fn install_locale(lang: Lang, text: &str) -> bool {
    match try_bundle(lang, [text]) {
        Ok(bundle) => {
            let _ = cell(lang).set(bundle);
            true
        }
        Err(_) => false,
    }
}

/// Whether a language's translations are here (always, on the server).
pub fn locale_installed(lang: Lang) -> bool {
    bundle(lang).is_some()
}

/// Translates `key`; a missing key renders as the key itself (and fails the locale tests).
pub fn translate(lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
    let Some(bundle) = bundle(lang) else {
        return key.to_string();
    };
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        return key.to_string();
    };
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

/// Translates with named arguments.
pub fn translate_with(lang: Lang, key: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    translate(lang, key, Some(&fluent_args))
}

#[cfg(test)]
mod tests;
