use super::booking_api::BookMeeting;
use super::model::{MeetingType, AGENDA_MAX, LOCATION_MAX};
use super::view::{slot_value, slots_in, BookingOffer, DayPart};
use crate::i18n::{use_i18n, LocalDateTime};
use crate::iso_date::{iso_date, Date};
use crate::t;
use leptos::form::ActionForm;
use leptos::prelude::*;
use shared::scheduling::model::DayOffer;

/// The chosen day's free times and the rest of the dialog: meeting type, where, agenda,
/// "Send request". Choosing a time at which some later occurrences of a series are taken
/// books the others.
#[component]
pub fn SlotForm(
    offer: BookingOffer,
    day: DayOffer,
    book: ServerAction<BookMeeting>,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading = times_heading(i18n, day.date);
    let choice = offer.choice.clone();
    let types = offer.meeting_types.clone();
    let first_type = types.first().copied();
    let room_key = if offer.program_room {
        "booking-video-room"
    } else {
        "booking-video-generated"
    };
    view! {
        <ActionForm action=book attr:class="card slot-form">
            <h2 class="card-title">{heading}</h2>
            <input type="hidden" name="relationship_id" value=offer.relationship_id />
            <input type="hidden" name="minutes" value=choice.minutes />
            <input type="hidden" name="frequency" value=choice.frequency.as_str() />
            <input type="hidden" name="occurrences" value=choice.occurrences />
            <input type="hidden" name="until" value=choice.until.map(iso_date).unwrap_or_default() />
            <SlotChoices day />
            {types.is_empty().then(|| view! { <p class="alert alert-error">{t!(i18n, "booking-no-types")}</p> })}
            <fieldset class="field">
                <legend>{t!(i18n, "booking-type")}</legend>
                {types.into_iter().map(|kind| {
                    let id = format!("type-{}", kind.as_str());
                    let for_id = id.clone();
                    view! {
                        <label class="choice" for=for_id>
                            <input id=id type="radio" name="meeting_type" value=kind.as_str()
                                checked=Some(kind) == first_type />
                            {move || i18n.t(kind.label_key())}
                            {(kind == MeetingType::Video).then(|| view! {
                                <span class="field-hint">" — "{move || i18n.t(room_key)}</span>
                            })}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <div class="field">
                <label for="booking-location">{t!(i18n, "booking-location")}</label>
                <input id="booking-location" name="location" maxlength=LOCATION_MAX aria-describedby="booking-location-hint" />
                <p id="booking-location-hint" class="field-hint">{t!(i18n, "booking-location-hint")}</p>
            </div>
            <div class="field">
                <label for="booking-agenda">{t!(i18n, "booking-agenda")}</label>
                <textarea id="booking-agenda" name="agenda" rows="3" maxlength=AGENDA_MAX></textarea>
            </div>
            {offer.for_pair.then(|| view! {
                <label class="choice" for="booking-attend">
                    <input id="booking-attend" type="checkbox" name="admin_attends" value="on" />
                    {t!(i18n, "booking-attend")}
                </label>
            })}
            <button type="submit" class="button button-primary">{t!(i18n, "booking-send")}</button>
        </ActionForm>
    }
}

/// The day's free times as radio buttons, grouped morning / afternoon / evening on the
/// viewer's clock; a time at which some later occurrences of a series are taken names
/// their dates.
#[component]
pub fn SlotChoices(day: DayOffer) -> impl IntoView {
    let i18n = use_i18n();
    let date = day.date;
    view! {
        {day.slots.is_empty().then(|| view! { <p>{t!(i18n, "booking-no-times")}</p> })}
            {DayPart::ALL.into_iter().map(|part| {
                let slots = slots_in(&day, part);
                (!slots.is_empty()).then(|| view! {
                    <fieldset class="slot-group">
                        <legend>{move || i18n.t(part.label_key())}</legend>
                        {slots.into_iter().map(|slot| {
                            let value = slot_value(date, &slot);
                            let id = format!("slot-{}", value.replace([':', '|', ','], "-"));
                            let for_id = id.clone();
                            let time = LocalDateTime::at(date, slot.minute);
                            let conflicts = slot.conflicts.clone();
                            view! {
                                <label class="choice slot" for=for_id>
                                    <input id=id type="radio" name="slot" value=value required />
                                    <span>{move || time.format_time(i18n.lang())}</span>
                                    {(!conflicts.is_empty()).then(|| view! {
                                        <span class="slot-conflicts">{conflict_text(i18n, &conflicts)}</span>
                                    })}
                                </label>
                            }
                        }).collect_view()}
                    </fieldset>
                })
            }).collect_view()}
    }
}

/// The heading of the chosen day's times: "Free times on Dec 9, 2026".
pub fn times_heading(i18n: crate::i18n::I18n, date: Date) -> impl Fn() -> String + Copy {
    move || {
        i18n.t_with(
            "booking-times",
            &[(
                "date",
                LocalDateTime::of_date(date).format_date(i18n.lang()).into(),
            )],
        )
    }
}

/// "2 of the meetings are taken: Dec 23, 2026, Jan 6, 2027. Choosing this time leaves them out."
fn conflict_text(i18n: crate::i18n::I18n, dates: &[Date]) -> impl Fn() -> String + use<> {
    let dates = dates.to_vec();
    move || {
        let lang = i18n.lang();
        let list: Vec<String> = dates
            .iter()
            .map(|d| LocalDateTime::of_date(*d).format_date(lang))
            .collect();
        i18n.t_with(
            "booking-conflicts",
            &[
                ("count", dates.len().into()),
                ("dates", list.join(", ").into()),
            ],
        )
    }
}
