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

/// The version of the translations the page was rendered with (in the browser, the one
/// the page's `<meta>` names).
pub fn page_locale_version() -> String {
    #[cfg(not(target_arch = "wasm32"))]
    {
        locale_version().to_string()
    }
    #[cfg(target_arch = "wasm32")]
    {
        document()
            .query_selector(&format!("meta[name={LOCALES_META}]"))
            .ok()
            .flatten()
            .and_then(|m| m.get_attribute("content"))
            .unwrap_or_default()
    }
}

/// Fetches a language's translations (the page's `<meta>` names their version) and
/// installs them; the words stay keys if the fetch fails, and the page still works.
#[cfg(feature = "hydrate")]
pub async fn load_locale(lang: Lang) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    if locale_installed(lang) {
        return;
    }
    let version = page_locale_version();
    let fetched = async {
        let response = JsFuture::from(window().fetch_with_str(&locale_path(lang, &version)))
            .await
            .ok()?
            .dyn_into::<web_sys::Response>()
            .ok()?;
        if !response.ok() {
            return None;
        }
        JsFuture::from(response.text().ok()?)
            .await
            .ok()?
            .as_string()
    };
    if let Some(text) = fetched.await {
        install_locale(lang, &text);
    }
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
