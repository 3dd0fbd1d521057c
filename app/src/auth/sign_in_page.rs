use super::api::SignIn;
use crate::i18n::use_i18n;
use crate::shell::LanguageToggle;
use crate::t;
use crate::ui::{query_error, ErrorMessage};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_location;

/// Seed 000, step 2: e-mail, password, "stay signed in". A plain form post, so it works
/// the same with and without JavaScript; errors come back as `?error=…`.
/// (A signed-in visit to /login is redirected to / by the session middleware.)
#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let error = query_error();
    // Shown in place of a protected page, the form brings the visitor back to it.
    let location = use_location();
    let next = move || {
        let path = location.pathname.get();
        if path == "/login" {
            "/".to_string()
        } else {
            path
        }
    };
    view! {
        <main id="main" class="auth-page">
            <div class="auth-card">
                <p class="brand brand-large">{t!(i18n, "app-name")}</p>
                <h1>{t!(i18n, "sign-in-title")}</h1>
                <ErrorMessage error />
                <form method="post" action=SignIn::url()>
                    <input type="hidden" name="next" value=next />
                    <div class="field">
                        <label for="email">{t!(i18n, "field-email")}</label>
                        <input id="email" type="email" name="email" autocomplete="username" required />
                    </div>
                    <div class="field">
                        <label for="password">{t!(i18n, "field-password")}</label>
                        <input id="password" type="password" name="password" autocomplete="current-password" required />
                    </div>
                    <div class="field field-checkbox">
                        <input id="remember" type="checkbox" name="remember" />
                        <label for="remember">{t!(i18n, "sign-in-remember")}</label>
                    </div>
                    <button type="submit" class="button button-primary button-block">
                        {t!(i18n, "sign-in-submit")}
                    </button>
                </form>
                <div class="auth-language">
                    <LanguageToggle />
                </div>
            </div>
        </main>
    }
}
