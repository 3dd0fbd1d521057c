use super::api::{get_account_settings, UpdateAccountSettings};
use crate::i18n::{use_i18n, Lang};
use crate::scheduling::{is_address_error, BusyCalendarSection, CalendarFeedSection};
use crate::t;
use crate::ui::{query_error, ErrorMessage, LoadError, PageHeader, QueryNotice};
use leptos::either::Either;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

/// Language and time zone, the calendar feed and busy times from the member's calendar. A plain form post: it saves, then reloads this page in the
/// saved language with a confirmation (`?saved=1`), with or without JavaScript.
#[component]
pub fn AccountSettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let settings = Resource::new(|| (), |_| get_account_settings());
    // The calendar address's errors are shown beside it, further down.
    let error = query_error();
    let error = Signal::derive(move || error.get().filter(|e| !is_address_error(e)));
    let query = use_query_map();
    let saved = move || query.read().get("saved").is_some();
    view! {
        <PageHeader title=Signal::derive(move || i18n.t("account-title")) />
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match settings.await {
                    Ok(s) => Either::Left(view! {
                        <ErrorMessage error />
                        {move || saved().then(|| view! { <p class="alert alert-success" role="status">{t!(i18n, "account-saved")}</p> })}
                        <QueryNotice name="welcome" key="join-welcome" />
                        <form method="post" action=UpdateAccountSettings::url()>
                            <div class="card form-card">
                                <p><strong>{t!(i18n, "field-email")}</strong> " " {s.email.clone()}</p>
                                <fieldset class="field">
                                    <legend>{t!(i18n, "field-lang")}</legend>
                                    {Lang::ALL.into_iter().map(|lang| {
                                        let id = format!("language-{}", lang.code());
                                        let label_for = id.clone();
                                        view! {
                                            <label class="radio" for=label_for>
                                                <input type="radio" id=id name="language" value=lang.code() checked=s.language == lang />
                                                {move || i18n.t(if lang == Lang::En { "language-en" } else { "language-fr" })}
                                            </label>
                                        }
                                    }).collect_view()}
                                </fieldset>
                                <div class="field">
                                    <label for="time_zone">{t!(i18n, "field-time_zone")}</label>
                                    <select id="time_zone" name="time_zone">
                                        {s.time_zones.iter().map(|tz| view! {
                                            <option value=tz.clone() selected=tz == s.time_zone.name()>{tz.replace('_', " ")}</option>
                                        }).collect_view()}
                                    </select>
                                </div>
                                <button type="submit" class="button button-primary">{t!(i18n, "account-save")}</button>
                            </div>
                        </form>
                    }),
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Suspense>
        // Outside the settings' Suspense: its own data is loaded once, not per pass.
        <CalendarFeedSection />
        <BusyCalendarSection />
    }
}
