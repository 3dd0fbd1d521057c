//! Busy time from a member's own calendar, on both engines: a local HTTP server serves the
//! member's iCalendar file (a weekly event with an EXDATE, an all-day event, a series on
//! Paris' clock crossing both zones' DST changes, a free event and one of our own
//! invitations); exactly the slots those events cover leave the pair's picker. Unchanged
//! files are not read again (ETag); a broken calendar shows its problem, keeps the busy
//! time of the last good read and never stops booking; private addresses are refused
//! unless the operator allows them.
mod support;

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use backend::remote_fetch::{FetchPolicy, RemoteFetch};
use backend::scheduling::booking::{book, offer, Booking, OfferAsk};
use backend::scheduling::busy_calendar::CalendarReadProblem;
use backend::scheduling::busy_service::{
    busy_calendar_view, connect_calendar, disconnect_calendar, read_due, read_now, BusyReader,
};
use backend::scheduling::model::{Frequency, MeetingType};
use backend::scheduling::recurrence::{Rule, SeriesEnd};
use chrono::{Duration, NaiveDate};
use shared::error::{AppError, Refusal, ValidationCode};
use std::sync::{Arc, Mutex};
use support::people::{id, Pair};
use support::scheduling::{at, now, related};
use support::BASE;

/// What the member's calendar server answers, and the `If-None-Match` of each request.
#[derive(Default)]
struct Served {
    status: u16,
    etag: String,
    body: String,
    asked_with: Vec<Option<String>>,
}

type Shared = Arc<Mutex<Served>>;

async fn calendar(State(served): State<Shared>, headers: HeaderMap) -> Response {
    let mut s = served.lock().unwrap();
    let asked = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    s.asked_with.push(asked.clone());
    if s.status != 200 {
        return StatusCode::from_u16(s.status).unwrap().into_response();
    }
    if asked.as_deref() == Some(s.etag.as_str()) {
        return StatusCode::NOT_MODIFIED.into_response();
    }
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_string(),
            ),
            (header::ETAG, s.etag.clone()),
        ],
        s.body.clone(),
    )
        .into_response()
}

/// Serves `/cal.ics`, `/moved` (a redirect to it) and `/loop` (a redirect to itself) on
/// loopback; returns its address.
async fn calendar_server(served: Shared) -> String {
    let app = axum::Router::new()
        .route("/cal.ics", get(calendar))
        .route(
            "/moved",
            get(|| async { (StatusCode::FOUND, [(header::LOCATION, "/cal.ics")]) }),
        )
        .route(
            "/loop",
            get(|| async { (StatusCode::FOUND, [(header::LOCATION, "/loop")]) }),
        )
        .with_state(served);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{address}")
}

/// The mentee's calendar (they are in Toronto, free with the mentor on Tuesdays 09:00 to
/// 12:00):
/// - every Tuesday 09:00–09:30 Toronto from 6 October, but 13 October (EXDATE);
/// - all of Tuesday 20 October (an all-day event: the member's own day);
/// - three Tuesdays at 16:00–16:30 Paris from 20 October: Paris leaves DST on 25 October
///   and Toronto on 1 November, so on Toronto's clock they are 10:00, 11:00, 10:00;
/// - a free event (TRANSP) and one of our own invitations, both at 10:30 on 27 October.
fn members_calendar() -> String {
    [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "X-WR-TIMEZONE:America/Toronto",
        "BEGIN:VEVENT",
        "UID:weekly@example.com",
        "DTSTART;TZID=America/Toronto:20261006T090000",
        "DTEND;TZID=America/Toronto:20261006T093000",
        "RRULE:FREQ=WEEKLY;BYDAY=TU",
        "EXDATE;TZID=America/Toronto:20261013T090000",
        "SUMMARY:Physiotherapy",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:conference@example.com",
        "DTSTART;VALUE=DATE:20261020",
        "DTEND;VALUE=DATE:20261021",
        "SUMMARY:Conference",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:paris@example.com",
        "DTSTART;TZID=Europe/Paris:20261020T160000",
        "DTEND;TZID=Europe/Paris:20261020T163000",
        "RRULE:FREQ=WEEKLY;COUNT=3",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:free@example.com",
        "DTSTART;TZID=America/Toronto:20261027T103000",
        "DTEND;TZID=America/Toronto:20261027T110000",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:meeting-series-999@mentora.test",
        "DTSTART;TZID=America/Toronto:20261027T103000",
        "DTEND;TZID=America/Toronto:20261027T110000",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
    .join("\r\n")
}

/// A calendar server answering `body` (ETag "v1"), and its address.
async fn serving(body: impl Into<String>) -> (Shared, String) {
    let served: Shared = Arc::new(Mutex::new(Served {
        status: 200,
        etag: "\"v1\"".into(),
        body: body.into(),
        ..Served::default()
    }));
    let server = calendar_server(served.clone()).await;
    (served, server)
}

fn half_hour_month(year: i32, month: u32) -> OfferAsk {
    let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap();
    let last = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1).unwrap()
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1).unwrap()
    } - Duration::days(1);
    OfferAsk {
        minutes: 30,
        rule: Rule {
            frequency: Frequency::Once,
            end: SeriesEnd::Count(1),
        },
        first_day: first,
        last_day: last,
    }
}

/// The starts the mentor's picker offers on each Tuesday of October and the first of
/// November, as "MM-DD HH:MM" (the mentor never sees the mentee's events, only this).
async fn offered(m: &Pair, relationship: i64) -> Vec<String> {
    let mut all = Vec::new();
    for (year, month) in [(2026, 10), (2026, 11)] {
        let days = offer(
            &m.db,
            &m.mentor,
            relationship,
            &half_hour_month(year, month),
            now(),
        )
        .await
        .unwrap();
        for day in days
            .iter()
            .filter(|d| d.date <= NaiveDate::from_ymd_opt(2026, 11, 3).unwrap())
        {
            for slot in &day.slots {
                all.push(format!(
                    "{} {:02}:{:02}",
                    day.date.format("%m-%d"),
                    slot.minute / 60,
                    slot.minute % 60
                ));
            }
        }
    }
    all
}

/// Tuesdays' starts minus those that collide with `busy` ("MM-DD HH:MM" 30-minute starts).
fn tuesdays_without(busy: &[&str]) -> Vec<String> {
    let mut all = Vec::new();
    for day in ["10-06", "10-13", "10-20", "10-27", "11-03"] {
        for minute in (540..720).step_by(30) {
            let slot = format!("{day} {:02}:{:02}", minute / 60, minute % 60);
            if !busy.contains(&slot.as_str()) && !busy.contains(&format!("{day} all").as_str()) {
                all.push(slot);
            }
        }
    }
    all
}

fn reader<'a>(m: &'a Pair, fetch: &'a RemoteFetch) -> BusyReader<'a> {
    BusyReader {
        db: &m.db,
        fetch,
        base_url: BASE,
        every: Duration::minutes(15),
    }
}

fn open_fetch() -> RemoteFetch {
    RemoteFetch::new(FetchPolicy {
        allow_private: true,
        ..FetchPolicy::default()
    })
}

#[tokio::test]
async fn a_members_calendar_takes_exactly_its_busy_slots_out_of_the_picker() {
    for db in support::databases().await {
        let (m, relationship) = related(db).await;
        let (served, server) = serving(members_calendar()).await;
        let fetch = open_fetch();
        let r = reader(&m, &fetch);
        assert_eq!(offered(&m, relationship).await, tuesdays_without(&[]));

        connect_calendar(r, id(&m.mentee), &format!("{server}/cal.ics"), now())
            .await
            .unwrap();
        let expected = tuesdays_without(&[
            "10-06 09:00",
            "10-20 all",
            "10-27 09:00",
            "10-27 11:00",
            "11-03 09:00",
            "11-03 10:00",
        ]);
        assert_eq!(offered(&m, relationship).await, expected);
        let zone = m.mentee.session.viewer.time_zone;
        let view = busy_calendar_view(r, id(&m.mentee), &zone).await.unwrap();
        assert_eq!(view.host.as_deref(), Some("127.0.0.1"));
        assert_eq!(view.problem, None);
        assert_eq!((view.busy_events, view.unreadable), (3, 0));
        assert!(view.last_success.is_some());
        let partner = busy_calendar_view(r, id(&m.mentor), &zone).await.unwrap();
        assert_eq!(partner.host, None, "the mentor connected nothing");

        // Not changed: the server says so (ETag) and nothing moves.
        read_now(r, id(&m.mentee), now() + Duration::minutes(1))
            .await
            .unwrap();
        assert_eq!(
            served.lock().unwrap().asked_with.last().unwrap().as_deref(),
            Some("\"v1\"")
        );
        assert_eq!(offered(&m, relationship).await, expected);

        // Broken: the problem is shown, the last good busy time stays, booking works.
        served.lock().unwrap().status = 500;
        read_now(r, id(&m.mentee), now() + Duration::minutes(2))
            .await
            .unwrap();
        let view = busy_calendar_view(r, id(&m.mentee), &zone).await.unwrap();
        assert_eq!(
            view.problem,
            Some((CalendarReadProblem::HttpStatus, Some(500)))
        );
        assert!(view.last_success.is_some() && view.last_attempt != view.last_success);
        assert_eq!(offered(&m, relationship).await, expected);
        let booking = |first| Booking {
            first,
            minutes: 30,
            rule: Rule {
                frequency: Frequency::Once,
                end: SeriesEnd::Count(1),
            },
            meeting_type: MeetingType::Video,
            location: String::new(),
            agenda: String::new(),
            skip: vec![],
            admin_attends: false,
        };
        let taken = book(
            &m.db,
            BASE,
            &m.mentor,
            relationship,
            &booking(at(10, 6, 9, 0)),
            now(),
        )
        .await;
        assert_eq!(taken.unwrap_err(), AppError::Refused(Refusal::SlotTaken));
        book(
            &m.db,
            BASE,
            &m.mentor,
            relationship,
            &booking(at(10, 6, 10, 0)),
            now(),
        )
        .await
        .unwrap();

        // Mended and changed: the weekly event is gone from the file, so from the picker.
        {
            let mut s = served.lock().unwrap();
            s.status = 200;
            s.etag = "\"v2\"".into();
            s.body = members_calendar().replace("RRULE:FREQ=WEEKLY;BYDAY=TU\r\n", "");
        }
        read_now(r, id(&m.mentee), now() + Duration::minutes(3))
            .await
            .unwrap();
        let view = busy_calendar_view(r, id(&m.mentee), &zone).await.unwrap();
        assert_eq!(view.problem, None);
        assert_eq!(
            offered(&m, relationship).await,
            tuesdays_without(&[
                "10-06 09:00",
                "10-06 10:00",
                "10-20 all",
                "10-27 11:00",
                "11-03 10:00"
            ])
        );

        // Removed: its busy time goes with it.
        disconnect_calendar(&m.db, id(&m.mentee)).await.unwrap();
        assert_eq!(
            offered(&m, relationship).await,
            tuesdays_without(&["10-06 10:00"])
        );
    }
}

#[tokio::test]
async fn the_reader_reads_each_due_calendar_once_and_redirects_are_limited() {
    for db in support::databases().await {
        let (m, _) = related(db).await;
        let (served, server) = serving(members_calendar()).await;
        let fetch = open_fetch();
        let r = reader(&m, &fetch);
        let zone = m.mentee.session.viewer.time_zone;

        connect_calendar(r, id(&m.mentee), &format!("{server}/moved"), now())
            .await
            .unwrap();
        let view = busy_calendar_view(r, id(&m.mentee), &zone).await.unwrap();
        assert_eq!(
            (view.problem, view.busy_events),
            (None, 3),
            "read through the redirect"
        );
        let reads = served.lock().unwrap().asked_with.len();

        assert_eq!(
            read_due(r, now() + Duration::minutes(10)).await.unwrap(),
            0,
            "not due yet"
        );
        let later = now() + Duration::minutes(16);
        let (first, second) = tokio::join!(read_due(r, later), read_due(r, later));
        assert_eq!(first.unwrap() + second.unwrap(), 1, "one reader took it");
        assert_eq!(served.lock().unwrap().asked_with.len(), reads + 1);

        connect_calendar(r, id(&m.mentee), &format!("{server}/loop"), now())
            .await
            .unwrap();
        let view = busy_calendar_view(r, id(&m.mentee), &zone).await.unwrap();
        assert_eq!(
            view.problem,
            Some((CalendarReadProblem::TooManyRedirects, None))
        );
        assert_eq!(view.last_success, None, "a new calendar starts afresh");
    }
}

#[tokio::test]
async fn private_addresses_and_non_calendars_are_refused_with_their_reason() {
    for db in support::databases().await {
        let (m, _) = related(db).await;
        let (served, server) =
            serving("<html><body>Sign in to see this calendar</body></html>").await;
        let port = server.rsplit(':').next().unwrap().to_string();
        let closed = RemoteFetch::new(FetchPolicy::default());
        let r = reader(&m, &closed);
        let zone = m.mentee.session.viewer.time_zone;
        let field_error = |err: AppError| match err {
            AppError::Validation { field, code } => (field, code),
            other => panic!("{other:?}"),
        };

        let err = connect_calendar(r, id(&m.mentee), &format!("{server}/cal.ics"), now())
            .await
            .unwrap_err();
        assert_eq!(
            field_error(err),
            ("calendar_address".into(), ValidationCode::PrivateAddress)
        );
        for bad in [
            "",
            "not an address",
            "ftp://example.com/cal.ics",
            "file:///etc/passwd",
        ] {
            let err = connect_calendar(r, id(&m.mentee), bad, now())
                .await
                .unwrap_err();
            let (field, _) = field_error(err);
            assert_eq!(field, "calendar_address", "{bad:?}");
        }
        // A name is checked where it resolves: localhost is this machine.
        connect_calendar(
            r,
            id(&m.mentee),
            &format!("webcal://localhost:{port}/cal.ics"),
            now(),
        )
        .await
        .unwrap();
        let view = busy_calendar_view(r, id(&m.mentee), &zone).await.unwrap();
        assert_eq!(
            view.problem,
            Some((CalendarReadProblem::PrivateAddress, None))
        );
        assert!(
            served.lock().unwrap().asked_with.is_empty(),
            "never connected"
        );

        // Allowed by the operator, the page is read and is not a calendar.
        let open = open_fetch();
        connect_calendar(
            reader(&m, &open),
            id(&m.mentee),
            &format!("{server}/cal.ics"),
            now(),
        )
        .await
        .unwrap();
        let view = busy_calendar_view(r, id(&m.mentee), &zone).await.unwrap();
        assert_eq!(view.problem, Some((CalendarReadProblem::NotCalendar, None)));
    }
}
