use super::booking_api::RemoveLoggedMeeting;
use super::view::LoggedMeetingView;
use crate::i18n::{use_i18n, LocalDateTime};
use crate::t;
use leptos::form::ActionForm;
use leptos::prelude::*;

/// The meetings logged by hand: day, length, type, note and who logged it, each with
/// "Remove" for an entry made by mistake.
#[component]
pub fn LoggedMeetingsList(
    relationship_id: i64,
    logged: Vec<LoggedMeetingView>,
    remove: ServerAction<RemoveLoggedMeeting>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h3>{t!(i18n, "meetings-logged-title")}</h3>
        <ul class="logged-meetings">
            {logged.into_iter().map(|l| {
                let (day, minutes, kind) = (LocalDateTime::of_date(l.day), l.minutes, l.meeting_type);
                let summary = move || {
                    let lang = i18n.lang();
                    format!(
                        "{} · {} · {}",
                        day.format_date(lang),
                        i18n.t_with("booking-minutes", &[("minutes", minutes.into())]),
                        i18n.t(kind.label_key()),
                    )
                };
                let by = l.logged_by.clone();
                view! {
                    <li class="meeting">
                        <p class="meeting-when"><strong>{summary}</strong></p>
                        {(!l.note.is_empty()).then(|| view! { <p class="meeting-agenda">{l.note.clone()}</p> })}
                        <p class="muted">{move || i18n.t_with("meetings-logged-by", &[("name", by.clone().into())])}</p>
                        <ActionForm action=remove attr:class="inline-form">
                            <input type="hidden" name="relationship_id" value=relationship_id />
                            <input type="hidden" name="id" value=l.id />
                            <button type="submit" class="button button-small">{t!(i18n, "meetings-logged-remove")}
                                <span class="visually-hidden">": " {summary}</span></button>
                        </ActionForm>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
