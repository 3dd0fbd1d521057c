//! The language of the page, reactive (Leptos context); translations are the shared crate's.
pub use shared::i18n::*;

use fluent_bundle::FluentValue;
use leptos::prelude::*;

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

/// The browser's IANA time zone (e.g. "Europe/Paris"); `None` on the server.
#[cfg(feature = "hydrate")]
pub fn browser_time_zone() -> Option<String> {
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
    js_sys::Reflect::get(&format.resolved_options(), &"timeZone".into())
        .ok()?
        .as_string()
}

/// The browser's IANA time zone (e.g. "Europe/Paris"); `None` on the server.
#[cfg(not(feature = "hydrate"))]
pub fn browser_time_zone() -> Option<String> {
    None
}
