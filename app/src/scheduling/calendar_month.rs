use super::calendar::{CalendarMode, CalendarQuery, CalendarView};
use super::calendar_entry::CalendarEntryItem;
use super::view::{day_number, month_weeks, weekday_column, year_month};
use super::weekday_header::WeekdayHeader;
use crate::i18n::{use_i18n, LocalDateTime};
use leptos::prelude::*;

/// A month of meetings: a grid of weeks from Monday; each day's number opens its week,
/// each meeting its relationship. At phone width only the days with meetings are listed.
#[component]
pub fn MonthCalendar(c: CalendarView) -> impl IntoView {
    let i18n = use_i18n();
    let (year, month) = year_month(c.query.anchor);
    view! {
        <table class="calendar-month">
            <WeekdayHeader />
            <tbody>
                {month_weeks(year, month).into_iter().map(|week| view! {
                    <tr>
                        {week.into_iter().map(|date| {
                            let Some(date) = date else {
                                return view! { <td class="calendar-day calendar-day-outside"></td> }.into_any();
                            };
                            let entries = c.day(date).map(|d| d.entries.clone()).unwrap_or_default();
                            let week = CalendarQuery { mode: CalendarMode::Week, anchor: date };
                            let is_today = date == c.today;
                            let label = move || LocalDateTime::of_date(date).format_date(i18n.lang());
                            let busy = !entries.is_empty();
                            view! {
                                <td class="calendar-day" class:calendar-today=is_today class:calendar-day-busy=busy>
                                    <a class="calendar-day-number" href=week.href() aria-current=is_today.then_some("date")>
                                        <span class="visually-hidden">{label}</span>
                                        <span aria-hidden="true">
                                            <span class="calendar-day-short">{move || i18n.t(&format!("weekday-short-{}", weekday_column(date)))}" "</span>
                                            {day_number(date)}
                                        </span>
                                    </a>
                                    {busy.then(|| view! {
                                        <ul class="calendar-entries">
                                            {entries.into_iter().map(|e| view! { <CalendarEntryItem e /> }).collect_view()}
                                        </ul>
                                    })}
                                </td>
                            }.into_any()
                        }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
