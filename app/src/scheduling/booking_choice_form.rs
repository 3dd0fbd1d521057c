use super::model::{Frequency, DURATIONS, MAX_OCCURRENCES, MIN_OCCURRENCES};
use super::view::BookingChoice;
use crate::i18n::use_i18n;
use crate::iso_date::iso_date;
use crate::t;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// The dialog's duration and repetition: a GET form that shows the month's free times for
/// them (with JavaScript, without reloading the page).
#[component]
pub fn BookingChoiceForm(choice: BookingChoice) -> impl IntoView {
    let i18n = use_i18n();
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        if let Some(query) = form_ref
            .get_untracked()
            .and_then(|f| crate::ui::form_query(&f))
        {
            ev.prevent_default();
            navigate(&format!("?{query}"), Default::default());
        }
    };
    let month = format!("{:04}-{:02}", choice.year, choice.month);
    view! {
        <form method="get" class="card booking-choices" node_ref=form_ref on:submit=submit>
            <h2 class="card-title">{t!(i18n, "booking-choices")}</h2>
            <input type="hidden" name="month" value=month />
            <div class="field">
                <label for="booking-minutes">{t!(i18n, "booking-duration")}</label>
                <select id="booking-minutes" name="minutes">
                    {DURATIONS.iter().map(|&m| view! {
                        <option value=m.to_string() selected=m == choice.minutes>
                            {t!(i18n, "booking-minutes", minutes = m)}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="booking-frequency">{t!(i18n, "booking-frequency")}</label>
                <select id="booking-frequency" name="frequency">
                    {Frequency::ALL.into_iter().map(|f| view! {
                        <option value=f.as_str() selected=f == choice.frequency>
                            {move || i18n.t(f.label_key())}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="booking-occurrences">{t!(i18n, "booking-occurrences")}</label>
                    <input id="booking-occurrences" type="number" name="occurrences"
                        min=MIN_OCCURRENCES max=MAX_OCCURRENCES value=choice.occurrences />
                </div>
                <div class="field">
                    <label for="booking-until">{t!(i18n, "booking-until")}</label>
                    <input id="booking-until" type="date" name="until"
                        value=choice.until.map(iso_date).unwrap_or_default() />
                </div>
            </div>
            <p class="field-hint">{t!(i18n, "booking-series-hint")}</p>
            <button type="submit" class="button">{t!(i18n, "booking-show")}</button>
        </form>
    }
}
