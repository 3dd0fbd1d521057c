use super::api::{ResendUnlock, UnlockAccount};
use super::auth_card::AuthCard;
use super::forgot_password_page::EmailOnlyForm;
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{query_error, ErrorMessage, QueryNotice};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

/// `/unlock/{token}`: the link from the unlock e-mail. Opening it changes nothing (mail
/// scanners open links); the button does.
#[component]
pub fn UnlockPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    view! {
        <AuthCard title_key="unlock-title">
            <ErrorMessage error=query_error() />
            <p>{t!(i18n, "unlock-intro")}</p>
            <form method="post" action=UnlockAccount::url()>
                <input type="hidden" name="token" value=token />
                <button type="submit" class="button button-primary button-block">
                    {t!(i18n, "unlock-submit")}
                </button>
            </form>
        </AuthCard>
    }
}

/// `/unlock`: "Didn't receive unlock instructions?"
#[component]
pub fn ResendUnlockPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <AuthCard title_key="resend-unlock-title">
            <QueryNotice name="sent" key="resend-unlock-sent" />
            <ErrorMessage error=query_error() />
            <p>{t!(i18n, "resend-unlock-intro")}</p>
            <EmailOnlyForm action=ResendUnlock::url() submit_key="resend-unlock-submit" />
            <ul class="auth-links">
                <li><a href="/login">{t!(i18n, "back-to-sign-in")}</a></li>
            </ul>
        </AuthCard>
    }
}
