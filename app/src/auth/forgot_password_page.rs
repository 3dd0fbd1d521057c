use super::api::RequestPasswordReset;
use super::auth_card::AuthCard;
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{query_error, ErrorMessage, QueryNotice};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// "Forgot password?": asks for the e-mail address; the answer never says whether it exists.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <AuthCard title_key="forgot-title">
            <QueryNotice name="sent" key="forgot-sent" />
            <ErrorMessage error=query_error() />
            <p>{t!(i18n, "forgot-intro")}</p>
            <EmailOnlyForm action=RequestPasswordReset::url() submit_key="forgot-submit" />
            <ul class="auth-links">
                <li><a href="/login">{t!(i18n, "back-to-sign-in")}</a></li>
            </ul>
        </AuthCard>
    }
}

/// A form with one e-mail field and a submit button.
#[component]
pub fn EmailOnlyForm(action: &'static str, submit_key: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form method="post" action=action>
            <div class="field">
                <label for="email">{t!(i18n, "field-email")}</label>
                <input id="email" type="email" name="email" autocomplete="email" required />
            </div>
            <button type="submit" class="button button-primary button-block">
                {move || i18n.t(submit_key)}
            </button>
        </form>
    }
}
