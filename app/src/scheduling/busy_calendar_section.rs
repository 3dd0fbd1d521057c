use super::busy_api::{
    get_busy_calendar, ConnectBusyCalendar, ReadBusyCalendar, RemoveBusyCalendar,
};
use super::busy_calendar::BusyCalendarView;
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{error_text, query_error, LoadError, QueryNotice};
use leptos::either::Either;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The error field of the address.
pub const ADDRESS_FIELD: &str = "calendar_address";

/// "Busy times from your calendar" on the account page: the member pastes their own
/// calendar's secret iCalendar address; the times it holds are never offered for a
/// meeting (their partner sees only that they are busy). Shows how the last reading went,
/// reads again on demand, or removes it. Plain forms, with or without JavaScript.
#[component]
pub fn BusyCalendarSection() -> impl IntoView {
    let i18n = use_i18n();
    let calendar = Resource::new(|| (), |_| get_busy_calendar());
    let error = query_error();
    let address_error = move || error.get().filter(|e| e.field() == Some(ADDRESS_FIELD));
    view! {
        <section class="card form-card" id="busy-calendar" aria-labelledby="busy-calendar-heading">
            <h2 id="busy-calendar-heading">{t!(i18n, "busy-heading")}</h2>
            <QueryNotice name="busy_saved" key="busy-saved" />
            <QueryNotice name="busy_read" key="busy-read-done" />
            <QueryNotice name="busy_removed" key="busy-removed" />
            <p>{t!(i18n, "busy-intro")}</p>
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
                {move || Suspend::new(async move {
                    match calendar.await {
                        Ok(view) => Either::Left(view! {
                            <BusyStatus view=view.clone() />
                            <form method="post" action=ConnectBusyCalendar::url()>
                                <div class="field">
                                    <label for="busy-address">{move || if view.host.is_some() { i18n.t("busy-replace") } else { i18n.t("field-calendar_address") }}</label>
                                    <input id="busy-address" name="address" type="url" inputmode="url" autocomplete="off"
                                        required aria-describedby="busy-where busy-address-error"
                                        aria-invalid=move || address_error().is_some().then_some("true") />
                                    <p id="busy-address-error" class="field-error">{move || address_error().map(|e| error_text(i18n, &e))}</p>
                                    <p id="busy-where" class="field-hint">{t!(i18n, "busy-where")}</p>
                                </div>
                                <button type="submit" class="button button-primary">{t!(i18n, "busy-connect")}</button>
                            </form>
                        }),
                        Err(err) => Either::Right(view! { <LoadError error=err /> }),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// The connected calendar: its host, the last reading, and "Read now" / "Remove".
#[component]
fn BusyStatus(view: BusyCalendarView) -> impl IntoView {
    let i18n = use_i18n();
    let Some(host) = view.host.clone() else {
        return Either::Right(view! { <p>{t!(i18n, "busy-none")}</p> });
    };
    let lang = move || i18n.lang();
    let success = view.last_success;
    let attempt = view.last_attempt;
    let problem = view.problem;
    let every = view.every_minutes;
    Either::Left(view! {
        <p>{move || i18n.t_with("busy-connected", &[("host", host.clone().into()), ("minutes", every.into())])}</p>
        {move || match (problem, attempt) {
            (Some((problem, status)), Some(at)) => Either::Left(view! {
                <p class="alert alert-error" role="alert">
                    {i18n.t_with("busy-failed", &[("at", at.format_date_time(lang()).into())])}
                    " "
                    {i18n.t_with(problem.message_key(), &[("status", status.unwrap_or_default().to_string().into())])}
                    " "
                    {match success {
                        Some(ok) => i18n.t_with("busy-kept", &[("at", ok.format_date_time(lang()).into())]),
                        None => i18n.t("busy-never-read"),
                    }}
                </p>
            }),
            _ => Either::Right(view! {
                <p>{success.map(|ok| i18n.t_with("busy-last-read", &[
                    ("at", ok.format_date_time(lang()).into()),
                    ("events", view.busy_events.into()),
                ]))}
                {(view.unreadable > 0).then(|| format!(" {}", i18n.t_with("busy-unreadable", &[("count", view.unreadable.into())])))}</p>
            }),
        }}
        <div class="actions">
            <form method="post" action=ReadBusyCalendar::url()>
                <button type="submit" class="button">{t!(i18n, "busy-read-now")}</button>
            </form>
            <form method="post" action=RemoveBusyCalendar::url()>
                <button type="submit" class="button">{t!(i18n, "busy-remove")}</button>
            </form>
        </div>
    })
}

/// Whether an error belongs to the address field (shown there, not atop the page).
pub fn is_address_error(error: &AppError) -> bool {
    error.field() == Some(ADDRESS_FIELD)
}
