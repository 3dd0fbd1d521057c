use super::model::{Frequency, SeriesScope, DURATIONS, MAX_OCCURRENCES, MIN_OCCURRENCES};
use super::view::{BookingChoice, MoveChoice};
use crate::i18n::use_i18n;
use crate::iso_date::iso_date;
use crate::t;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// The dialog's duration and repetition: a GET form that shows the month's free times for
/// them (with JavaScript, without reloading the page). Moving a meeting, its duration and,
/// for a series (`in_series`), which occurrences move.
#[component]
pub fn BookingChoiceForm(choice: BookingChoice, in_series: bool) -> impl IntoView {
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
            {match choice.moving {
                Some(moving) => Either::Left(view! { <MoveScope moving in_series /> }),
                None => Either::Right(view! { <Repetition choice=choice.clone() /> }),
            }}
            <button type="submit" class="button">{t!(i18n, "booking-show")}</button>
        </form>
    }
}

/// A booking's frequency, and its number of occurrences or end date.
#[component]
fn Repetition(choice: BookingChoice) -> impl IntoView {
    let i18n = use_i18n();
    view! {
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
    }
}

/// Which occurrences of a series a change covers, as the meetings tile words them.
pub const SCOPES: [(SeriesScope, &str); 3] = [
    (SeriesScope::This, "meetings-cancel-this"),
    (SeriesScope::Following, "meetings-cancel-following"),
    (SeriesScope::All, "meetings-cancel-all"),
];

/// The meeting being moved, and for a series which of its occurrences move with it.
#[component]
fn MoveScope(moving: MoveChoice, in_series: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <input type="hidden" name="meeting" value=moving.meeting_id />
        {if in_series {
            Either::Left(view! {
                <fieldset class="field">
                    <legend>{t!(i18n, "booking-move-which")}</legend>
                    {SCOPES.into_iter().map(|(scope, key)| {
                        let radio = format!("move-{}", scope.as_str());
                        let for_radio = radio.clone();
                        view! {
                            <label class="choice" for=for_radio>
                                <input id=radio type="radio" name="scope" value=scope.as_str()
                                    checked=scope == moving.scope />
                                {move || i18n.t(key)}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
            })
        } else {
            Either::Right(view! { <input type="hidden" name="scope" value="this" /> })
        }}
    }
}
