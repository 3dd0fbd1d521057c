use super::booking_api::{get_booking_offer, BookMeeting, RescheduleMeeting};
use super::booking_choice_form::BookingChoiceForm;
use super::month_grid::MonthGrid;
use super::move_form::MoveForm;
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
use shared::scheduling::model::DayOffer;

/// The query-string fields the page reads, in `get_booking_offer`'s order.
const CHOICE_KEYS: [&str; 8] = [
    "minutes",
    "frequency",
    "occurrences",
    "until",
    "month",
    "day",
    "meeting",
    "scope",
];

/// `/relationships/:id/book`: the seed's booking dialog as a page. The choices (duration,
/// frequency, occurrences or end date) and the month and day shown live in the address,
/// so each step is a link or a GET form and the page works without JavaScript; "Send
/// request" books the chosen time, re-checked by the server. With `meeting` (and
/// `scope`) in the address, the page moves that meeting instead, and "Apply" moves it.
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
    let actions = Actions {
        book: ServerAction::new(),
        reschedule: ServerAction::new(),
    };
    let (book, reschedule) = (actions.book, actions.reschedule);
    let book_error = Signal::derive(move || book.value().get().and_then(|r| r.err()));
    let move_error = Signal::derive(move || reschedule.value().get().and_then(|r| r.err()));
    let offer = Resource::new(
        move || {
            let map = url.read();
            let fields = CHOICE_KEYS.map(|k| map.get(k).unwrap_or_default());
            let tried = book.version().get() + reschedule.version().get();
            (id.get(), fields, tried)
        },
        |(id, [minutes, frequency, occurrences, until, month, day, meeting, scope], _)| async move {
            match id {
                Some(id) => {
                    get_booking_offer(
                        id,
                        minutes,
                        frequency,
                        occurrences,
                        until,
                        month,
                        day,
                        meeting,
                        scope,
                    )
                    .await
                }
                None => Err(AppError::NotFound),
            }
        },
    );
    let moving = Memo::new(move |_| url.read().get("meeting").is_some_and(|m| !m.is_empty()));
    // With JavaScript the form stays on the page: on success, go where the plain form's
    // redirect goes.
    let navigate = use_navigate();
    Effect::new(move |_| {
        let done = match (book.value().get(), reschedule.value().get()) {
            (Some(Ok(())), _) => "booked",
            (_, Some(Ok(()))) => "moved",
            _ => return,
        };
        if let Some(id) = id.get_untracked() {
            navigate(
                &format!("{}?{done}=1", relationship_path(id)),
                Default::default(),
            );
        }
    });
    let title = move || {
        i18n.t(if moving.get() {
            "booking-move-title"
        } else {
            "booking-title"
        })
    };
    view! {
        <PageHeader title=Signal::derive(title) />
        <ErrorMessage error=query_error() />
        <ErrorMessage error=book_error />
        <ErrorMessage error=move_error />
        <Transition fallback=move || view! { <p class="loading">{t!(i18n, "loading")}</p> }>
            {move || Suspend::new(async move {
                match offer.await {
                    Ok(offer) => Either::Left(view! { <Booking offer actions /> }),
                    Err(err) => Either::Right(view! { <LoadError error=err /> }),
                }
            })}
        </Transition>
    }
}

/// The page's two forms: "Send request" books, "Apply" moves.
#[derive(Clone, Copy)]
struct Actions {
    book: ServerAction<BookMeeting>,
    reschedule: ServerAction<RescheduleMeeting>,
}

#[component]
fn Booking(offer: BookingOffer, actions: Actions) -> impl IntoView {
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
    let in_series = offer.moving.as_ref().is_some_and(|m| m.in_series);
    let zone = offer.zone_label.clone();
    let day = offer.choice.day.and_then(|d| offer.day(d).cloned());
    let now_at = offer.moving.clone().map(|m| {
        let when = move || {
            let lang = i18n.lang();
            i18n.t_with(
                "booking-move-now",
                &[
                    ("start", m.start.format_date_time(lang).into()),
                    ("end", m.end.format_time(lang).into()),
                    ("count", m.count.into()),
                ],
            )
        };
        view! { <p class="booking-moving"><strong>{when}</strong></p> }
    });
    let for_form = offer.clone();
    let form = move |day: DayOffer| {
        let offer = for_form.clone();
        if offer.moving.is_some() {
            Either::Left(view! { <MoveForm offer day reschedule=actions.reschedule /> })
        } else {
            Either::Right(view! { <SlotForm offer day book=actions.book /> })
        }
    };
    view! {
        <p class="booking-with">{with}</p>
        {now_at}
        <p>
            {move || i18n.t_with("booking-zone", &[("zone", zone.text(i18n.lang()).into())])}
            " "<a href="/profile">{t!(i18n, "availability-change-zone")}</a>
        </p>
        <div class="booking-layout">
            <div>
                <BookingChoiceForm choice=offer.choice.clone() in_series=in_series />
                <MonthGrid offer=offer.clone() />
            </div>
            {match day {
                Some(day) => Either::Left(form(day)),
                None => Either::Right(view! {
                    <p class="card booking-pick-day">{t!(i18n, "booking-pick-day")}</p>
                }),
            }}
        </div>
    }
}
