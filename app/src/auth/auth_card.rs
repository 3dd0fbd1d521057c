use crate::i18n::use_i18n;
use crate::shell::LanguageToggle;
use crate::t;
use leptos::prelude::*;

/// The frame of the pages a visitor sees (sign in, register, passwords, unlock).
#[component]
pub fn AuthCard(title_key: &'static str, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main id="main" class="auth-page">
            <div class="auth-card">
                <p class="brand brand-large">{t!(i18n, "app-name")}</p>
                <h1>{move || i18n.t(title_key)}</h1>
                {children()}
                <div class="auth-language">
                    <LanguageToggle />
                </div>
            </div>
        </main>
    }
}
