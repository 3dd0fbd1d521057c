use super::viewer_context::use_viewer_context;
use crate::i18n::use_i18n;
use crate::shell::LanguageToggle;
use crate::t;
use crate::ui::{form_error, ErrorMessage};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

/// Seed 000, step 2: e-mail, password, "stay signed in". Works as a plain form without JavaScript.
#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_viewer_context();
    let error = form_error(ctx.sign_in.value());
    let pending = ctx.sign_in.pending();
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

    let form = move || {
        view! {
            <main id="main" class="auth-page">
                <div class="auth-card">
                    <p class="brand brand-large">{t!(i18n, "app-name")}</p>
                    <h1>{t!(i18n, "sign-in-title")}</h1>
                    <ErrorMessage error />
                    <ActionForm action=ctx.sign_in>
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
                        <button type="submit" class="button button-primary button-block" disabled=move || pending.get()>
                            {t!(i18n, "sign-in-submit")}
                        </button>
                    </ActionForm>
                    <LanguageLinks />
                </div>
            </main>
        }
    };

    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match ctx.viewer.await {
                    Ok(Some(_)) => Either::Left(view! { <Redirect path="/" /> }),
                    _ => Either::Right(form()),
                }
            })}
        </Suspense>
    }
}

/// Lets a visitor pick the language before signing in.
#[component]
fn LanguageLinks() -> impl IntoView {
    view! {
        <div class="auth-language">
            <LanguageToggle />
        </div>
    }
}
