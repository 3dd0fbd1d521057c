use super::answer_form::AnswerForm;
use super::api::get_my_calendar;
use super::booking_api::AnswerMeeting;
use super::calendar::{CalendarMode, CalendarView};
use super::calendar_entry::entry_label;
use super::calendar_month::MonthCalendar;
use super::calendar_nav::CalendarNav;
use super::calendar_week::WeekCalendar;
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{query_error, ErrorMessage, LoadError, PageHeader, QueryNotice};
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/calendar`: the member's meetings in every relationship, a month (`view=month`) or a
/// week (`view=week`) around `date`, on their clock, beside the hours they are available.
/// Every step is a link and each answer a form, so it works without JavaScript; at phone
/// width the grid becomes a list of the days that have meetings.
#[component]
pub fn CalendarPage() -> impl IntoView {
    let i18n = use_i18n();
    let url = use_query_map();
    let answer = ServerAction::<AnswerMeeting>::new();
    let answer_error = Signal::derive(move || answer.value().get().and_then(|r| r.err()));
    let calendar = Resource::new(
        move || {
            let map = url.read();
            (
                map.get("view").unwrap_or_default(),
                map.get("date").unwrap_or_default(),
                answer.version().get(),
            )
        },
        |(view, date, _)| get_my_calendar(view, date),
    );
    view! {
        <PageHeader title=Signal::derive(move || i18n.t("calendar-title")) />
        <QueryNotice name="answered" key="meetings-answered" />
        // With JavaScript the form stays on the page: say so here.
        {move || matches!(answer.value().get(), Some(Ok(()))).then(|| view! {
            <p class="alert alert-success" role="status">{t!(i18n, "meetings-answered")}</p>
        })}
        <ErrorMessage error=query_error() />
        <ErrorMessage error=answer_error />
        <Transition fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match calendar.await {
                    Ok(c) => Either::Left(view! { <Calendar c answer /> }),
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Transition>
    }
}

#[component]
fn Calendar(c: CalendarView, answer: ServerAction<AnswerMeeting>) -> impl IntoView {
    let i18n = use_i18n();
    let back = c.query.href();
    let waiting: Vec<_> = c.awaiting_answer().into_iter().cloned().collect();
    let empty = c.days.iter().all(|d| d.entries.is_empty());
    let grid = match c.query.mode {
        CalendarMode::Month => Either::Left(view! { <MonthCalendar c=c.clone() /> }),
        CalendarMode::Week => Either::Right(view! { <WeekCalendar c=c.clone() /> }),
    };
    view! {
        <CalendarNav c=c.clone() />
        {(!waiting.is_empty()).then(|| view! {
            <section class="card calendar-waiting" aria-labelledby="waiting-heading">
                <h2 id="waiting-heading" class="card-title">{t!(i18n, "calendar-waiting")}</h2>
                <ul class="meeting-list">
                    {waiting.into_iter().map(|e| {
                        let label = entry_label(i18n, &e);
                        let back = Some(back.clone());
                        view! {
                            <li class="meeting">
                                <p class="meeting-when"><strong>{label}</strong></p>
                                <AnswerForm id=e.meeting_id relationship_id=e.relationship_id
                                    mine=e.viewer_answer in_series=e.in_series answer back />
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
        {match (empty, c.query.mode) {
            (true, CalendarMode::Month) => EitherOf3::A(view! { <p class="calendar-empty">{t!(i18n, "calendar-none-in-month")}</p> }),
            (true, CalendarMode::Week) => EitherOf3::B(view! { <p class="calendar-empty">{t!(i18n, "calendar-none-in-week")}</p> }),
            (false, _) => EitherOf3::C(()),
        }}
        {grid}
    }
}
