use super::calendar::{CalendarMode, CalendarView};
use super::model::AVAILABILITY_PATH;
use super::view::year_month;
use crate::i18n::{use_i18n, LocalDateTime};
use crate::t;
use leptos::prelude::*;

/// The calendar's heading and its links: month or week, the one before, today's, the one
/// after; the zone the times are on, and where availability is edited.
#[component]
pub fn CalendarNav(c: CalendarView) -> impl IntoView {
    let i18n = use_i18n();
    let q = c.query;
    let (first, _) = q.days();
    let (year, month) = year_month(q.anchor);
    let heading = move || match q.mode {
        CalendarMode::Month => i18n.t_with(
            "booking-month",
            &[
                ("month", i18n.t(&format!("month-name-{month}")).into()),
                ("year", year.to_string().into()),
            ],
        ),
        CalendarMode::Week => i18n.t_with(
            "calendar-week-of",
            &[(
                "date",
                LocalDateTime::of_date(first)
                    .format_date(i18n.lang())
                    .into(),
            )],
        ),
    };
    let (before, after) = match q.mode {
        CalendarMode::Month => ("calendar-previous-month", "calendar-next-month"),
        CalendarMode::Week => ("calendar-previous-week", "calendar-next-week"),
    };
    let today = super::calendar::CalendarQuery {
        anchor: c.today,
        ..q
    };
    let zone = c.zone_label.clone();
    view! {
        <nav class="calendar-nav" aria-label=move || i18n.t("calendar-views")>
            <ul class="calendar-modes">
                {CalendarMode::ALL.into_iter().map(|mode| {
                    let current = mode == q.mode;
                    view! {
                        <li>
                            <a href=q.with_mode(mode).href() class="button button-small"
                                class:button-primary=current aria-current=current.then_some("page")>
                                {move || i18n.t(mode.label_key())}
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="month-nav">
                <a href=q.step(-1).href() class="button button-small" rel="prev">{move || i18n.t(before)}</a>
                <a href=today.href() class="button button-small">{t!(i18n, "calendar-today")}</a>
                <a href=q.step(1).href() class="button button-small" rel="next">{move || i18n.t(after)}</a>
            </div>
        </nav>
        <h2 class="calendar-heading">{heading}</h2>
        <p class="zone-note">
            {move || i18n.t_with("calendar-zone", &[("zone", zone.text(i18n.lang()).into())])}
            " "<a href=AVAILABILITY_PATH>{t!(i18n, "calendar-edit-availability")}</a>
        </p>
    }
}
