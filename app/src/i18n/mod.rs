//! Fluent-based translations. Both languages are compiled into the binary and the wasm
//! bundle, so the browser can switch language without a round trip.
mod lang;
pub mod local_time;

pub use lang::Lang;
pub use local_time::LocalDateTime;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use leptos::prelude::*;
use std::sync::OnceLock;

/// The Fluent files of each language, in `locales/<lang>/<name>.ftl`.
pub const LOCALE_FILES: [&str; 10] = [
    "common",
    "auth",
    "accounts",
    "shell",
    "dashboard",
    "admin",
    "messaging",
    "profiles",
    "places",
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

/// The current language, reactive. Provided once by the `App`.
#[derive(Clone, Copy, Debug)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    pub fn new(lang: Lang) -> Self {
        Self {
            lang: RwSignal::new(lang),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
    }

    pub fn t(&self, key: &str) -> String {
        translate(self.lang.get(), key, None)
    }

    pub fn t_with(&self, key: &str, args: &[(&str, FluentValue<'static>)]) -> String {
        translate_with(self.lang.get(), key, args)
    }
}

pub fn provide_i18n(lang: Lang) -> I18n {
    let i18n = I18n::new(lang);
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// `t!(i18n, "key")` or `t!(i18n, "key", name = value, …)`: a reactive translated string.
#[macro_export]
macro_rules! t {
    ($i18n:expr, $key:literal) => {{
        let i18n = $i18n;
        move || i18n.t($key)
    }};
    ($i18n:expr, $key:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let i18n = $i18n;
        move || i18n.t_with($key, &[$((stringify!($name), ::fluent_bundle::FluentValue::from($value))),+])
    }};
}

#[cfg(test)]
mod tests;
