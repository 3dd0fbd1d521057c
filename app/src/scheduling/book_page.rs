use super::booking_api::{get_booking_offer, BookMeeting};
use super::booking_choice_form::BookingChoiceForm;
use super::month_grid::MonthGrid;
use super::slot_form::SlotForm;
use super::view::BookingOffer;
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::t;
use crate::ui::{query_error, ErrorMessage, LoadError, PageHeader};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use shared::relationships::model::relationship_path;

/// The query-string fields the page reads, in `get_booking_offer`'s order.
const CHOICE_KEYS: [&str; 6] = [
    "minutes",
    "frequency",
    "occurrences",
    "until",
    "month",
    "day",
];

/// `/relationships/:id/book`: the seed's booking dialog as a page. The choices (duration,
/// frequency, occurrences or end date) and the month and day shown live in the address,
/// so each step is a link or a GET form and the page works without JavaScript; "Send
/// request" books the chosen time, re-checked by the server.
#[component]
pub fn BookPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let url = use_query_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
    });
    let book = ServerAction::<BookMeeting>::new();
    let book_error = Signal::derive(move || book.value().get().and_then(|r| r.err()));
    let offer = Resource::new(
        move || {
            let map = url.read();
            let fields = CHOICE_KEYS.map(|k| map.get(k).unwrap_or_default());
            (id.get(), fields, book.version().get())
        },
        |(id, [minutes, frequency, occurrences, until, month, day], _)| async move {
            match id {
                Some(id) => {
                    get_booking_offer(id, minutes, frequency, occurrences, until, month, day).await
                }
                None => Err(AppError::NotFound),
            }
        },
    );
    // With JavaScript the form stays on the page: on success, go where the plain form's
    // redirect goes.
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let (Some(Ok(())), Some(id)) = (book.value().get(), id.get_untracked()) {
            navigate(
                &format!("{}?booked=1", relationship_path(id)),
                Default::default(),
            );
        }
    });
    view! {
        <PageHeader title=Signal::derive(move || i18n.t("booking-title")) />
        <ErrorMessage error=query_error() />
        <ErrorMessage error=book_error />
        <Transition fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match offer.await {
                    Ok(offer) => Either::Left(view! { <Booking offer book /> }),
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Transition>
    }
}

#[component]
fn Booking(offer: BookingOffer, book: ServerAction<BookMeeting>) -> impl IntoView {
    let i18n = use_i18n();
    let with = if offer.for_pair {
        let (mentor, mentee) = (offer.mentor_name.clone(), offer.mentee_name.clone());
        Either::Left(t!(
            i18n,
            "booking-for-pair",
            mentor = mentor.clone(),
            mentee = mentee.clone()
        ))
    } else {
        let partner = offer.partner_name.clone();
        Either::Right(t!(i18n, "booking-with", name = partner.clone()))
    };
    let zone = offer.zone_label.clone();
    let day = offer.choice.day.and_then(|d| offer.day(d).cloned());
    view! {
        <p class="booking-with">{with}</p>
        <p>
            {move || i18n.t_with("booking-zone", &[("zone", zone.text(i18n.lang()).into())])}
            " "<a href="/profile">{t!(i18n, "availability-change-zone")}</a>
        </p>
        <div class="booking-layout">
            <div>
                <BookingChoiceForm choice=offer.choice.clone() />
                <MonthGrid offer=offer.clone() />
            </div>
            {match day {
                Some(day) => Either::Left(view! { <SlotForm offer=offer.clone() day book /> }),
                None => Either::Right(view! {
                    <p class="card booking-pick-day">{t!(i18n, "booking-pick-day")}</p>
                }),
            }}
        </div>
    }
}
