use super::api::{get_program_contact, SignIn};
use super::auth_card::AuthCard;
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{query_error, ErrorMessage, QueryNotice};
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
    // Shown in place of a protected page, the form brings the visitor back to it; on
    // /login itself, to the page that sent them (`?next=`, checked by the server).
    let location = use_location();
    let next = move || {
        let path = location.pathname.get();
        if path == "/login" {
            return location
                .query
                .get()
                .get("next")
                .unwrap_or_else(|| "/".to_string());
        }
        // Keep the page's own query (a tab, filters), not a previous attempt's error.
        let query: Vec<String> = location
            .query
            .get()
            .into_iter()
            .filter(|(k, _)| k != "error" && k != "field")
            .map(|(k, v)| format!("{k}={}", crate::percent::percent_encode(&v)))
            .collect();
        if query.is_empty() {
            path
        } else {
            format!("{path}?{}", query.join("&"))
        }
    };
    let deactivated = move || match error.get() {
        Some(AppError::AccountDeactivated { notice }) => Some(notice),
        _ => None,
    };
    let other_error = Signal::derive(move || {
        error
            .get()
            .filter(|e| !matches!(e, AppError::AccountDeactivated { .. }))
    });
    view! {
        <AuthCard title_key="sign-in-title">
            <QueryNotice name="unlocked" key="sign-in-unlocked" />
            <ErrorMessage error=other_error />
            {move || deactivated().map(|notice| view! { <DeactivatedNotice notice /> })}
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
            <ul class="auth-links">
                <li><a href="/forgot-password">{t!(i18n, "sign-in-forgot")}</a></li>
                <li><a href="/unlock">{t!(i18n, "sign-in-no-unlock")}</a></li>
            </ul>
        </AuthCard>
    }
}

/// "Your account has been deactivated. Please e-mail {program contact}…", with the
/// contact looked up on the server through the sign-in's notice (never taken from the URL).
#[component]
fn DeactivatedNotice(notice: String) -> impl IntoView {
    let i18n = use_i18n();
    let contact = Resource::new(move || notice.clone(), get_program_contact);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let text = match contact.await {
                    Ok(email) => i18n.t_with("error-account-deactivated", &[("contact", email.into())]),
                    Err(_) => i18n.t("error-account-deactivated-generic"),
                };
                view! { <p class="alert alert-error" role="alert">{text}</p> }
            })}
        </Suspense>
    }
}
