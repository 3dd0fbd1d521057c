use super::calendar::CalendarEntry;
use super::model::MeetingStatus;
use crate::i18n::{use_i18n, I18n};
use leptos::prelude::*;
use shared::relationships::model::relationship_path;

/// "10:00 AM to 10:30 AM, meeting with Ada Lovelace" as the language reads it (with the
/// date in front when `dated`).
pub fn entry_text(i18n: I18n, e: &CalendarEntry, dated: bool) -> String {
    let lang = i18n.lang();
    let start = if dated {
        e.start.format_date_time(lang)
    } else {
        e.start.format_time(lang)
    };
    i18n.t_with(
        "calendar-entry",
        &[
            ("start", start.into()),
            ("end", e.end.format_time(lang).into()),
            ("with", e.with.join(", ").into()),
        ],
    )
}

/// The dated text of an entry, following the language.
pub fn entry_label(i18n: I18n, e: &CalendarEntry) -> impl Fn() -> String + Send + Sync + 'static {
    let e = e.clone();
    move || entry_text(i18n, &e, true)
}

/// One meeting in a calendar day: a link to its relationship's meetings, with its status
/// when it is not simply to come, and the viewer's answer.
#[component]
pub fn CalendarEntryItem(e: CalendarEntry) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("{}#meetings-heading", relationship_path(e.relationship_id));
    let (status, answer) = (e.status, e.viewer_answer);
    let class = match status {
        MeetingStatus::Cancelled => "calendar-entry calendar-entry-cancelled",
        _ if e.awaits_answer() => "calendar-entry calendar-entry-waiting",
        _ => "calendar-entry",
    };
    let kind = e.meeting_type;
    let moved = e.moved;
    view! {
        <li class=class>
            <a href=href>{move || entry_text(i18n, &e, false)}</a>
            <span class="calendar-entry-facts">
                {(status != MeetingStatus::Scheduled).then(|| view! { {move || i18n.t(status.label_key())}" · " })}
                {move || i18n.t(kind.label_key())}
                {moved.then(|| view! { " · "{move || i18n.t("meetings-moved")} })}
                " · "<span aria-hidden="true">{answer.mark()}" "</span>{move || i18n.t(answer.label_key())}
            </span>
        </li>
    }
}
