use super::calendar::CalendarView;
use super::calendar_entry::CalendarEntryItem;
use super::model::clock;
use super::view::weekday_column;
use crate::i18n::{use_i18n, LocalDateTime};
use crate::t;
use leptos::either::Either;
use leptos::prelude::*;

/// A week of meetings, Monday to Sunday: each day with the hours the member is available
/// and their meetings in time order.
#[component]
pub fn WeekCalendar(c: CalendarView) -> impl IntoView {
    let i18n = use_i18n();
    let today = c.today;
    view! {
        <ol class="calendar-week">
            {c.days.into_iter().map(|day| {
                let date = day.date;
                let heading = move || format!(
                    "{} {}",
                    i18n.t(&format!("weekday-short-{}", weekday_column(date))),
                    LocalDateTime::of_date(date).format_date(i18n.lang()),
                );
                let hours = day.available.iter()
                    .map(|(start, end)| format!("{}–{}", clock(*start), clock(*end)))
                    .collect::<Vec<_>>()
                    .join(", ");
                let is_today = date == today;
                view! {
                    <li class="calendar-week-day" class:calendar-today=is_today
                        aria-current=is_today.then_some("date")>
                        <h3>{heading}</h3>
                        <p class="calendar-available">
                            {if hours.is_empty() {
                                Either::Left(t!(i18n, "calendar-not-available"))
                            } else {
                                Either::Right(move || i18n.t_with("calendar-available", &[("hours", hours.clone().into())]))
                            }}
                        </p>
                        {if day.entries.is_empty() {
                            Either::Left(view! { <p class="muted">{t!(i18n, "calendar-no-meetings")}</p> })
                        } else {
                            Either::Right(view! {
                                <ul class="calendar-entries">
                                    {day.entries.into_iter().map(|e| view! { <CalendarEntryItem e /> }).collect_view()}
                                </ul>
                            })
                        }}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
