use super::booking_api::LogMeeting;
use super::model::{MeetingType, DURATIONS};
use super::view::LOGGED_NOTE_MAX;
use crate::i18n::use_i18n;
use crate::t;
use leptos::form::ActionForm;
use leptos::prelude::*;

/// "+" beside "Number of meetings": the day, length, type and a note of a meeting held
/// outside the platform. Opening it is the first step; works without JavaScript.
#[component]
pub fn LogMeetingForm(relationship_id: i64, log: ServerAction<LogMeeting>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <details class="log-meeting">
            <summary>{t!(i18n, "meetings-log-open")}</summary>
            <ActionForm action=log attr:class="log-meeting-form">
                <input type="hidden" name="relationship_id" value=relationship_id />
                <div class="field-row">
                    <div class="field">
                        <label for="log-day">{t!(i18n, "meetings-log-day")}</label>
                        <input id="log-day" type="date" name="day" required />
                    </div>
                    <div class="field">
                        <label for="log-minutes">{t!(i18n, "booking-duration")}</label>
                        <select id="log-minutes" name="minutes">
                            {DURATIONS.iter().map(|&m| view! {
                                <option value=m.to_string() selected=m == 60>
                                    {t!(i18n, "booking-minutes", minutes = m)}
                                </option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="log-type">{t!(i18n, "booking-type")}</label>
                        <select id="log-type" name="meeting_type">
                            {MeetingType::ALL.into_iter().map(|kind| view! {
                                <option value=kind.as_str()>{move || i18n.t(kind.label_key())}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <div class="field">
                    <label for="log-note">{t!(i18n, "meetings-log-note")}</label>
                    <textarea id="log-note" name="note" rows="2" maxlength=LOGGED_NOTE_MAX></textarea>
                </div>
                <button type="submit" class="button">{t!(i18n, "meetings-log-submit")}</button>
            </ActionForm>
        </details>
    }
}
