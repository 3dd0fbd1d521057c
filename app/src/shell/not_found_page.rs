use crate::i18n::use_i18n;
use crate::t;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let i18n = use_i18n();
    view! {
        <main id="main" class="auth-page">
            <div class="auth-card">
                <h1>{t!(i18n, "not-found-title")}</h1>
                <p>{t!(i18n, "not-found-body")}</p>
                <a class="button button-primary" href="/">{t!(i18n, "not-found-home")}</a>
            </div>
        </main>
    }
}
