use super::view::{day_number, month_weeks, neighbour_months, year_month, BookingOffer};
use super::weekday_header::WeekdayHeader;
use crate::i18n::{use_i18n, LocalDateTime};
use crate::t;
use leptos::prelude::*;

/// The month calendar: each day with free time for both members is a link that lists its
/// times (marked, and named so for screen readers); the arrows change month, never to one
/// before today's.
#[component]
pub fn MonthGrid(offer: BookingOffer) -> impl IntoView {
    let i18n = use_i18n();
    let choice = offer.choice.clone();
    let (year, month) = (choice.year, choice.month);
    let (before, after) = neighbour_months(year, month);
    let today_month = year_month(offer.today);
    let previous = (before >= today_month).then(|| choice.query_for(before, None));
    let next = choice.query_for(after, None);
    let free_days = offer.days.iter().filter(|d| !d.slots.is_empty()).count();
    let weeks = month_weeks(year, month);
    let caption = move || {
        i18n.t_with(
            "booking-month",
            &[
                ("month", i18n.t(&format!("month-name-{month}")).into()),
                ("year", year.to_string().into()),
            ],
        )
    };
    view! {
        <section class="card month-grid" aria-labelledby="month-heading">
            <div class="month-nav">
                {previous.map(|href| view! {
                    <a href=href class="button button-small" rel="prev">{t!(i18n, "booking-previous-month")}</a>
                })}
                <h2 id="month-heading" class="card-title">{caption}</h2>
                <a href=next class="button button-small" rel="next">{t!(i18n, "booking-next-month")}</a>
            </div>
            <table class="month">
                <WeekdayHeader />
                <tbody>
                    {weeks.into_iter().map(|week| view! {
                        <tr>
                            {week.into_iter().map(|date| {
                                let Some(date) = date else { return view! { <td></td> }.into_any() };
                                let free = offer.day(date).is_some_and(|d| !d.slots.is_empty());
                                let number = day_number(date);
                                if free {
                                    let href = choice.query_for((year, month), Some(date));
                                    let chosen = choice.day == Some(date);
                                    let label = move || i18n.t_with("booking-day-free", &[(
                                        "date", LocalDateTime::of_date(date).format_date(i18n.lang()).into(),
                                    )]);
                                    view! {
                                        <td class="day day-free">
                                            <a href=href aria-label=label aria-current=chosen.then_some("date")>{number}</a>
                                        </td>
                                    }.into_any()
                                } else {
                                    view! { <td class="day">{number}</td> }.into_any()
                                }
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            {(free_days == 0).then(|| view! { <p>{t!(i18n, "booking-no-free-day")}</p> })}
        </section>
    }
}
