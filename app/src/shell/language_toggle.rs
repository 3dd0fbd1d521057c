use crate::auth::api::SetLanguage;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// Shows the page in `lang` once its translations are here (fetched the first time).
fn switch_to(i18n: crate::i18n::I18n, lang: crate::i18n::Lang) {
    #[cfg(feature = "hydrate")]
    wasm_bindgen_futures::spawn_local(async move {
        crate::i18n::load_locale(lang).await;
        i18n.set_lang(lang);
    });
    #[cfg(not(feature = "hydrate"))]
    i18n.set_lang(lang);
}

/// "Français" / "English". Switches at once in the browser and saves in the background;
/// without JavaScript it is a plain form post that comes back to the same page.
#[component]
pub fn LanguageToggle() -> impl IntoView {
    let i18n = use_i18n();
    let set_language = ServerAction::<SetLanguage>::new();
    let target = move || i18n.lang().other();
    view! {
        <form
            method="post"
            action=SetLanguage::url()
            class="inline-form"
            on:submit=move |ev| {
                ev.prevent_default();
                let lang = target();
                set_language.dispatch(SetLanguage { lang: lang.code().to_string() });
                switch_to(i18n, lang);
            }
        >
            <input type="hidden" name="lang" value=move || target().code() />
            <button type="submit" class="menu-item" lang=move || target().code()>
                {move || i18n.t("language-switch-to")}
            </button>
        </form>
    }
}
