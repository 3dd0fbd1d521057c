use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The head of a month grid: the days of the week from Monday, short.
#[component]
pub fn WeekdayHeader() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <thead>
            <tr>
                {(0..7).map(|d| view! {
                    <th scope="col">{move || i18n.t(&format!("weekday-short-{d}"))}</th>
                }).collect_view()}
            </tr>
        </thead>
    }
}
