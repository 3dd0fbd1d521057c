use super::answer_form::AnswerForm;
use super::booking_api::{
    get_relationship_meetings, AnswerMeeting, CancelMeeting, LogMeeting, RemoveLoggedMeeting,
};
use super::booking_choice_form::SCOPES;
use super::log_meeting_form::LogMeetingForm;
use super::logged_meetings_list::LoggedMeetingsList;
use super::model::{SeriesScope, AVAILABILITY_PATH};
use super::view::{booking_path, reschedule_path, MeetingView};
use crate::i18n::{use_i18n, I18n};
use crate::t;
use crate::ui::{ErrorMessage, QueryNotice};
use leptos::either::Either;
use leptos::form::ActionForm;
use leptos::prelude::*;
use shared::profiles::model::hours_minutes;

/// The relationship page's meetings: the next one, how many are to come, the held
/// meetings and their hours ("+" logs one held elsewhere), "Book a meeting", and every
/// meeting with each participant's answer; the viewer answers accept / decline / maybe
/// (for a series, also for the later ones), and the participants and the administrator
/// move or cancel them.
#[component]
pub fn MeetingsTile(relationship_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let answer = ServerAction::<AnswerMeeting>::new();
    let cancel = ServerAction::<CancelMeeting>::new();
    let log = ServerAction::<LogMeeting>::new();
    let remove = ServerAction::<RemoveLoggedMeeting>::new();
    let error = Signal::derive(move || {
        (answer.value().get().and_then(|r| r.err()))
            .or_else(|| cancel.value().get().and_then(|r| r.err()))
            .or_else(|| log.value().get().and_then(|r| r.err()))
            .or_else(|| remove.value().get().and_then(|r| r.err()))
    });
    let meetings = Resource::new(
        move || {
            let changes = [
                answer.version(),
                cancel.version(),
                log.version(),
                remove.version(),
            ];
            changes.map(|v| v.get())
        },
        move |_| get_relationship_meetings(relationship_id),
    );
    view! {
        <section class="card meetings-tile" aria-labelledby="meetings-heading">
            <h2 id="meetings-heading" class="card-title">{t!(i18n, "meetings-title")}</h2>
            <QueryNotice name="booked" key="meetings-booked" />
            <QueryNotice name="answered" key="meetings-answered" />
            <QueryNotice name="cancelled" key="meetings-cancelled" />
            <QueryNotice name="moved" key="meetings-moved-notice" />
            <QueryNotice name="logged" key="meetings-logged-notice" />
            <QueryNotice name="unlogged" key="meetings-unlogged-notice" />
            // With JavaScript the forms stay on the page: say so here.
            {move || matches!(answer.value().get(), Some(Ok(()))).then(|| view! {
                <p class="alert alert-success" role="status">{t!(i18n, "meetings-answered")}</p>
            })}
            {move || matches!(cancel.value().get(), Some(Ok(()))).then(|| view! {
                <p class="alert alert-success" role="status">{t!(i18n, "meetings-cancelled")}</p>
            })}
            {move || matches!(log.value().get(), Some(Ok(()))).then(|| view! {
                <p class="alert alert-success" role="status">{t!(i18n, "meetings-logged-notice")}</p>
            })}
            <ErrorMessage error=error />
            <Transition fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
                {move || Suspend::new(async move {
                    meetings.await.ok().map(|m| {
                        let actions = Actions { answer, cancel, can_book: m.can_book };
                        let next = m.upcoming.first().map(|n| when(i18n, n));
                        let count = m.upcoming.len();
                        let open = count > 0;
                        view! {
                            <p>{match next {
                                Some(next) => Either::Left(move || i18n.t_with("meetings-next", &[("when", next().into())])),
                                None => Either::Right(t!(i18n, "meetings-none-upcoming")),
                            }}</p>
                            <dl class="facts">
                                <dt>{t!(i18n, "meetings-upcoming-label")}</dt>
                                <dd>{count}</dd>
                                <dt>{t!(i18n, "meetings-held")}</dt>
                                <dd>{m.held}</dd>
                                <dt>{t!(i18n, "meetings-hours")}</dt>
                                <dd>{hours_minutes(i64::from(m.held_minutes))}</dd>
                            </dl>
                            <LogMeetingForm relationship_id log />
                            {m.can_book.then(|| view! {
                                <p><a class="button button-primary" href=booking_path(relationship_id)>{t!(i18n, "meetings-book")}</a></p>
                                <p><a href=AVAILABILITY_PATH>{t!(i18n, "meetings-availability")}</a></p>
                            })}
                            {(!m.upcoming.is_empty() || !m.past.is_empty()).then(|| view! {
                                <details class="meetings-list" open=open>
                                    <summary>{t!(i18n, "meetings-view")}</summary>
                                    <MeetingList title="meetings-upcoming" meetings=m.upcoming relationship_id actions />
                                    <MeetingList title="meetings-past" meetings=m.past relationship_id actions />
                                </details>
                            })}
                            {(!m.logged.is_empty()).then(|| view! {
                                <LoggedMeetingsList relationship_id logged=m.logged.clone() remove />
                            })}
                        }
                    })
                })}
            </Transition>
        </section>
    }
}

/// "Wed, Dec 9, 2026, 10:00 AM to 10:30 AM" as the language reads it.
fn when(i18n: I18n, m: &MeetingView) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let (start, end) = (m.start, m.end);
    move || {
        let lang = i18n.lang();
        i18n.t_with(
            "meetings-when",
            &[
                ("start", start.format_date_time(lang).into()),
                ("end", end.format_time(lang).into()),
            ],
        )
    }
}

#[component]
fn MeetingList(
    title: &'static str,
    meetings: Vec<MeetingView>,
    relationship_id: i64,
    actions: Actions,
) -> impl IntoView {
    let i18n = use_i18n();
    let answer = actions.answer;
    (!meetings.is_empty()).then(|| view! {
        <h3>{move || i18n.t(title)}</h3>
        <ul class="meeting-list">
            {meetings.into_iter().map(|m| {
                let label = when(i18n, &m);
                let (status, kind) = (m.status, m.meeting_type);
                let organiser = m.organiser_name.clone();
                let mine = m.viewer_answer;
                let in_series = m.in_series;
                let can_change = m.can_change;
                let moved = m.moved;
                let id = m.id;
                view! {
                    <li class="meeting">
                        <p class="meeting-when"><strong>{label}</strong>
                            " · "{move || i18n.t(status.label_key())}
                            " · "{move || i18n.t(kind.label_key())}
                            {moved.then(|| view! { " · "{t!(i18n, "meetings-moved")} })}
                        </p>
                        {(!m.location.is_empty()).then(|| {
                            let place = m.location.clone();
                            let link = place.starts_with("https://").then(|| place.clone());
                            view! {
                                <p>{t!(i18n, "meetings-location")}" "
                                    {match link {
                                        Some(href) => Either::Left(view! { <a href=href rel="noopener noreferrer" target="_blank">{place}</a> }),
                                        None => Either::Right(place),
                                    }}
                                </p>
                            }
                        })}
                        {(!m.agenda.is_empty()).then(|| view! { <p class="meeting-agenda">{m.agenda.clone()}</p> })}
                        <p class="muted">{t!(i18n, "meetings-organiser", name = organiser.clone())}</p>
                        <ul class="participants" aria-label=move || i18n.t("meetings-participants")>
                            {m.participants.into_iter().map(|p| {
                                let a = p.answer;
                                view! {
                                    <li>
                                        <span aria-hidden="true">{a.mark()}" "</span>
                                        {p.name}" "
                                        <span class="muted">"("{move || i18n.t(a.label_key())}")"</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        {mine.map(|mine| view! { <AnswerForm id relationship_id mine in_series answer back=None /> })}
                        {(can_change && actions.can_book).then(|| view! {
                            <p><a class="button button-small" href=reschedule_path(relationship_id, id)>{t!(i18n, "meetings-reschedule")}</a></p>
                        })}
                        {can_change.then(|| view! { <CancelForm id relationship_id in_series cancel=actions.cancel /> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    })
}

/// The tile's two forms, handed down to each meeting.
#[derive(Clone, Copy)]
struct Actions {
    answer: ServerAction<AnswerMeeting>,
    cancel: ServerAction<CancelMeeting>,
    /// The relationship is current: its meetings can be moved.
    can_book: bool,
}

/// "Cancel": opening it is the confirmation step; for a series, which occurrences.
#[component]
fn CancelForm(
    id: i64,
    relationship_id: i64,
    in_series: bool,
    cancel: ServerAction<CancelMeeting>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <details class="meeting-cancel">
            <summary>{t!(i18n, "meetings-cancel")}</summary>
            <ActionForm action=cancel>
                <input type="hidden" name="relationship_id" value=relationship_id />
                <input type="hidden" name="meeting_id" value=id />
                {if in_series {
                    Either::Left(view! {
                        <fieldset class="field">
                            <legend>{t!(i18n, "meetings-cancel-which")}</legend>
                            {SCOPES.into_iter().map(|(scope, key)| {
                                let code = scope.as_str();
                                let radio = format!("cancel-{id}-{code}");
                                let for_radio = radio.clone();
                                view! {
                                    <label class="choice" for=for_radio>
                                        <input id=radio type="radio" name="scope" value=code checked=scope == SeriesScope::This />
                                        {move || i18n.t(key)}
                                    </label>
                                }
                            }).collect_view()}
                        </fieldset>
                    })
                } else {
                    Either::Right(view! { <input type="hidden" name="scope" value="this" /> })
                }}
                <p>{t!(i18n, "meetings-cancel-help")}</p>
                <button type="submit" class="button button-danger">{t!(i18n, "meetings-cancel-confirm")}</button>
            </ActionForm>
        </details>
    }
}
