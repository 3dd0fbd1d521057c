//! The wasm bundle: hydrates the server-rendered page.
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Lazy routes: the first page may need its wasm chunk before it can hydrate.
    leptos::mount::hydrate_lazy(app::App);
}
