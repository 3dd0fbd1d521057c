use super::api::{get_program_settings, UpdateProgramSettings};
use super::model::{
    ProgramSettings, SearchAccess, LOCKOUT_MAX, LOCKOUT_MIN, MAX_PARTNERS_MAX, MAX_PARTNERS_MIN,
};
use crate::i18n::use_i18n;
use crate::relationships::model::{INVITATION_DAYS_MAX, INVITATION_DAYS_MIN};
use crate::t;
use crate::ui::{query_error, ErrorMessage, LoadError, PageHeader, QueryNotice};
use leptos::either::Either;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// `/admin/settings`: the program's names, contact address (shown to deactivated members
/// and in e-mails), e-mail logo, lockout threshold and who may register through the link.
#[component]
pub fn ProgramSettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let settings = Resource::new(|| (), |_| get_program_settings());
    view! {
        <p class="breadcrumb"><a href="/admin">{t!(i18n, "admin-dashboard-title")}</a></p>
        <PageHeader title=Signal::derive(move || i18n.t("settings-title")) />
        <QueryNotice name="saved" key="settings-saved" />
        <ErrorMessage error=query_error() />
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match settings.await {
                    Ok(s) => Either::Left(view! { <SettingsForm settings=s /> }),
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SettingsForm(settings: ProgramSettings) -> impl IntoView {
    let i18n = use_i18n();
    let field = move |name: &'static str,
                      kind: &'static str,
                      value: String,
                      hint: Option<&'static str>| {
        let hint_id = format!("{name}-hint");
        view! {
            <div class="field">
                <label for=name>{move || i18n.t(&format!("field-{name}"))}</label>
                <input id=name type=kind name=name value=value
                    required=kind != "url" aria-describedby=hint.map(|_| hint_id.clone()) />
                {hint.map(|key| view! { <p id=hint_id.clone() class="field-hint">{move || i18n.t(key)}</p> })}
            </div>
        }
    };
    view! {
        <form method="post" action=UpdateProgramSettings::url() class="card">
            {field("name_en", "text", settings.name_en.clone(), None)}
            {field("name_fr", "text", settings.name_fr.clone(), None)}
            {field("contact_email", "email", settings.contact_email.clone(), Some("settings-contact-hint"))}
            {field("logo_url", "url", settings.logo_url.clone(), Some("settings-logo-hint"))}
            <div class="field">
                <label for="lockout_threshold">{t!(i18n, "field-lockout_threshold")}</label>
                <input id="lockout_threshold" type="number" name="lockout_threshold"
                    min=LOCKOUT_MIN max=LOCKOUT_MAX value=settings.lockout_threshold required />
            </div>
            <fieldset class="field">
                <legend>{t!(i18n, "field-signup_roles")}</legend>
                <label class="choice">
                    <input type="checkbox" name="signup_mentors" checked=settings.signup_mentors />
                    {t!(i18n, "role-mentor")}
                </label>
                <label class="choice">
                    <input type="checkbox" name="signup_mentees" checked=settings.signup_mentees />
                    {t!(i18n, "role-mentee")}
                </label>
            </fieldset>
            <div class="field">
                <label for="search_access">{t!(i18n, "field-search_access")}</label>
                <select id="search_access" name="search_access">
                    {SearchAccess::ALL.into_iter().map(|a| view! {
                        <option value=a.as_str() selected=a == settings.search_access>{move || i18n.t(a.label_key())}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="default_max_partners">{t!(i18n, "field-default_max_partners")}</label>
                <input id="default_max_partners" type="number" name="default_max_partners"
                    min=MAX_PARTNERS_MIN max=MAX_PARTNERS_MAX value=settings.default_max_partners required />
            </div>
            <div class="field">
                <label for="invitation_days">{t!(i18n, "field-invitation_days")}</label>
                <input id="invitation_days" type="number" name="invitation_days"
                    min=INVITATION_DAYS_MIN max=INVITATION_DAYS_MAX value=settings.invitation_days
                    required aria-describedby="invitation_days-hint" />
                <p id="invitation_days-hint" class="field-hint">{t!(i18n, "settings-invitation-days-hint")}</p>
            </div>
            <button type="submit" class="button button-primary">{t!(i18n, "settings-save")}</button>
        </form>
    }
}
