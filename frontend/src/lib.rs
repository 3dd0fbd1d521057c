//! The wasm bundle: hydrates the server-rendered page.
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // The page's words first (see `app::i18n::load_locale`), then hydration; lazy routes:
    // the first page may need its wasm chunk before it can hydrate.
    wasm_bindgen_futures::spawn_local(async {
        app::i18n::load_locale(app::initial_lang()).await;
        leptos::mount::hydrate_lazy(app::App);
    });
}
