use super::api::{get_password_link, SetPasswordFromLink};
use super::auth_card::AuthCard;
use super::model::{PasswordLinkKind, MIN_PASSWORD_LEN};
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{query_error, ErrorMessage, LoadError};
use leptos::either::Either;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

/// `/password/{token}`: choose a first password (imported members) or a new one (reset).
#[component]
pub fn PasswordLinkPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let link = Resource::new(token, get_password_link);
    view! {
        <AuthCard title_key="password-title">
            <ErrorMessage error=query_error() />
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
                {move || Suspend::new(async move {
                    match link.await {
                        Ok(kind) => Either::Left(view! { <PasswordForm token=token() kind /> }),
                        Err(err) => Either::Right(view! {
                            <LoadError error=err />
                            <p><a href="/forgot-password">{t!(i18n, "password-ask-new-link")}</a></p>
                        }),
                    }
                })}
            </Suspense>
        </AuthCard>
    }
}

#[component]
fn PasswordForm(token: String, kind: PasswordLinkKind) -> impl IntoView {
    let i18n = use_i18n();
    let intro = match kind {
        PasswordLinkKind::SetPassword => "password-intro-set",
        PasswordLinkKind::ResetPassword => "password-intro-reset",
    };
    view! {
        <p>{move || i18n.t(intro)}</p>
        <form method="post" action=SetPasswordFromLink::url()>
            <input type="hidden" name="token" value=token />
            <NewPasswordFields />
            <button type="submit" class="button button-primary button-block">
                {t!(i18n, "password-submit")}
            </button>
        </form>
    }
}

/// "Password" and "Confirm password", with the length rule stated up front.
#[component]
pub fn NewPasswordFields() -> impl IntoView {
    let i18n = use_i18n();
    let min = MIN_PASSWORD_LEN.to_string();
    view! {
        <div class="field">
            <label for="password">{t!(i18n, "field-password")}</label>
            <input id="password" type="password" name="password" autocomplete="new-password"
                minlength=min.clone() required aria-describedby="password-hint" />
            <p id="password-hint" class="field-hint">{t!(i18n, "password-hint")}</p>
        </div>
        <div class="field">
            <label for="password_confirm">{t!(i18n, "field-password_confirm")}</label>
            <input id="password_confirm" type="password" name="password_confirm"
                autocomplete="new-password" minlength=min required />
        </div>
    }
}
