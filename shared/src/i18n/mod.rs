//! Fluent-based translations. Both languages are compiled into the binary and the wasm
//! bundle, so the browser can switch language without a round trip.
mod lang;
pub mod local_time;

pub use lang::Lang;
pub use local_time::LocalDateTime;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// The Fluent files of each language, in `locales/<lang>/<name>.ftl`.
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

type Bundle = FluentBundle<FluentResource>;

fn sources(lang: Lang) -> [&'static str; LOCALE_FILES.len()] {
    match lang {
        Lang::En => locale_sources!("en"),
        Lang::Fr => locale_sources!("fr"),
    }
}

fn build_bundle(lang: Lang) -> Bundle {
    let id = lang.code().parse().expect("static language identifier");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks would end up in attributes and test selectors; our strings are
    // short and never mix directions.
    bundle.set_use_isolating(false);
    for source in sources(lang) {
        let resource = FluentResource::try_new(source.to_string())
            .unwrap_or_else(|(_, errors)| panic!("invalid Fluent in {lang:?}: {errors:?}"));
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("duplicate Fluent keys in {lang:?}: {errors:?}"));
    }
    bundle
}

fn bundle(lang: Lang) -> &'static Bundle {
    static EN: OnceLock<Bundle> = OnceLock::new();
    static FR: OnceLock<Bundle> = OnceLock::new();
    match lang {
        Lang::En => EN.get_or_init(|| build_bundle(Lang::En)),
        Lang::Fr => FR.get_or_init(|| build_bundle(Lang::Fr)),
    }
}

/// Translates `key`; a missing key renders as the key itself (and fails the locale tests).
pub fn translate(lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
    let bundle = bundle(lang);
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
