use super::booking_api::RescheduleMeeting;
use super::slot_form::{times_heading, SlotChoices};
use super::view::BookingOffer;
use crate::i18n::use_i18n;
use crate::t;
use leptos::form::ActionForm;
use leptos::prelude::*;
use shared::scheduling::model::DayOffer;

/// The chosen day's free times for the meeting being moved, and "Apply": the meeting keeps
/// its type, place and agenda. Choosing a time at which some of the later occurrences
/// moving with it are taken leaves those out.
#[component]
pub fn MoveForm(
    offer: BookingOffer,
    day: DayOffer,
    reschedule: ServerAction<RescheduleMeeting>,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading = times_heading(i18n, day.date);
    let moving = offer.choice.moving;
    view! {
        <ActionForm action=reschedule attr:class="card slot-form">
            <h2 class="card-title">{heading}</h2>
            <input type="hidden" name="relationship_id" value=offer.relationship_id />
            <input type="hidden" name="meeting_id" value=moving.map(|m| m.meeting_id) />
            <input type="hidden" name="scope" value=moving.map(|m| m.scope.as_str()) />
            <input type="hidden" name="minutes" value=offer.choice.minutes />
            <SlotChoices day />
            <p>{t!(i18n, "booking-move-help")}</p>
            <button type="submit" class="button button-primary">{t!(i18n, "booking-move-apply")}</button>
        </ActionForm>
    }
}
