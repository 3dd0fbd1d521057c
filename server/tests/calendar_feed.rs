//! A member's private calendar feed, fetched over HTTP as a calendar application does, on
//! both engines: it lists their meetings (a weekly series with one occurrence moved and
//! one cancelled, and a meeting booked on Paris' clock) and nobody else's, as the same
//! events as the e-mails, read by Python's icalendar (`scripts/check-ics.py`: properties,
//! both VTIMEZONEs against zoneinfo, each event); a new address kills the old one at once,
//! turning it off kills it too, a wrong secret is "not found", and reads are limited.
mod common;
#[path = "../../backend/tests/support/ics_check.rs"]
mod ics_check;
#[path = "../../backend/tests/support/mod.rs"]
mod support;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use backend::scheduling::booking::{book, Booking};
use backend::scheduling::changes::cancel;
use backend::scheduling::feed_service::{feed_settings, new_feed_address, turn_feed_off};
use backend::scheduling::invite::series_uid;
use backend::scheduling::model::{MeetingType, SeriesScope};
use backend::scheduling::recurrence::Rule;
use chrono::NaiveDateTime;
use ics_check::ExpectedEvent;
use serde_json::json;
use shared::zone::Zone;
use support::people::id;
use support::scheduling::{at, book_tuesdays, move_alone, now, related};
use support::BASE;

const MENTOR: &str = "mona@invitations.test";
const MENTEE: &str = "eli@invitations.test";

/// A calendar application's request for the feed.
fn fetch(path: &str) -> Request<Body> {
    Request::get(path)
        .header(header::USER_AGENT, "Google-Calendar-Importer")
        .header(header::ACCEPT, "text/calendar")
        .body(Body::empty())
        .unwrap()
}

fn path_of(url: &str) -> String {
    url.strip_prefix(BASE)
        .expect("an address on the site")
        .to_string()
}

fn event(uid: &str, sequence: u32, tzid: &str, start: NaiveDateTime) -> ExpectedEvent {
    let attendees = vec![(MENTOR.into(), "ACCEPTED"), (MENTEE.into(), "NEEDS-ACTION")];
    ExpectedEvent::half_hour((uid, sequence), tzid, start, attendees)
}

#[tokio::test]
async fn a_members_feed_lists_their_meetings_for_their_calendar_and_only_while_its_address_holds() {
    let dir = ics_check::fresh_dir("feed");
    let mut files = 0;
    for (n, db) in support::databases().await.into_iter().enumerate() {
        let (m, relationship) = related(db).await;
        let router = common::router_on(m.db.clone());
        let place = (MeetingType::InPerson, "12 Main Street");
        let ids = book_tuesdays(&m, relationship, &m.mentor, 3, place).await;
        move_alone(&m, &m.mentor, ids[1], at(10, 13, 11, 0)).await;
        cancel(&m.db, BASE, &m.mentor, ids[2], SeriesScope::This, now())
            .await
            .unwrap();
        let mut in_paris = m.mentor.clone();
        in_paris.session.viewer.time_zone = Zone::parse("Europe/Paris").unwrap();
        let single = Booking {
            first: at(10, 27, 16, 0),
            minutes: 30,
            rule: Rule::ONCE,
            meeting_type: MeetingType::InPerson,
            location: "12 Main Street".into(),
            agenda: String::new(),
            skip: vec![],
            admin_attends: false,
        };
        let single = book(&m.db, BASE, &in_paris, relationship, &single, now())
            .await
            .unwrap();

        // Off until the member turns it on.
        let mentee = id(&m.mentee);
        let zone = Zone::DEFAULT;
        let off = feed_settings(&m.db, BASE, mentee, &zone).await.unwrap();
        assert_eq!(off.url, None);
        new_feed_address(&m.db, mentee, now()).await.unwrap();
        let on = feed_settings(&m.db, BASE, mentee, &zone).await.unwrap();
        let first_path = path_of(on.url.as_deref().unwrap());
        assert!(first_path.starts_with("/feeds/") && first_path.ends_with(".ics"));
        assert_eq!(on.last_read, None);

        let reply = common::send(&router, fetch(&first_path)).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(
            reply.header(header::CONTENT_TYPE),
            "text/calendar; charset=utf-8"
        );
        assert!(feed_settings(&m.db, BASE, mentee, &zone)
            .await
            .unwrap()
            .last_read
            .is_some());

        // What the calendar must read: the series (its rule), the moved occurrence, the
        // cancelled one kept and marked; the Paris meeting on Paris' clock.
        let series_id = support::count(
            &m.db,
            &format!(
                "SELECT calendar_series_id FROM meetings WHERE id = {}",
                ids[0]
            ),
        )
        .await;
        let uid = series_uid(BASE, series_id);
        let toronto = "America/Toronto";
        let master = ExpectedEvent {
            rrule: Some("FREQ=WEEKLY;COUNT=3".into()),
            sequence: 2,
            ..event(&uid, 2, toronto, at(10, 6, 10, 0))
        };
        let moved = ExpectedEvent {
            recurrence_id: Some(at(10, 13, 10, 0)),
            ..event(&uid, 2, toronto, at(10, 13, 11, 0))
        };
        let cancelled = ExpectedEvent {
            recurrence_id: Some(at(10, 20, 10, 0)),
            cancelled: true,
            ..event(&uid, 2, toronto, at(10, 20, 10, 0))
        };
        let paris = event(
            &series_uid(BASE, single),
            0,
            "Europe/Paris",
            at(10, 27, 16, 0),
        );
        let name = format!("feed-{n}");
        std::fs::write(dir.join(format!("{name}.ics")), &reply.body).unwrap();
        let expected = json!({
            "method": "PUBLISH",
            "zones": ["America/Toronto", "Europe/Paris"],
            "organizer": format!("mailto:{MENTOR}"),
            "summary_prefix": "Mentoring meeting: ",
            "description_contains": format!("{BASE}/relationships/{relationship}"),
            "location": "12 Main Street",
            "events": [master.json(), moved.json(), cancelled.json(), paris.json()],
        });
        std::fs::write(dir.join(format!("{name}.json")), expected.to_string()).unwrap();
        files += 1;
        assert!(reply
            .body
            .contains("REFRESH-INTERVAL;VALUE=DURATION:PT60M\r\n"));
        // The demo program's own meetings (other pairs) are not in it.
        assert_eq!(reply.body.matches("BEGIN:VEVENT").count(), 4);

        // A new address: the old one is "not found" at once, the new one works.
        new_feed_address(&m.db, mentee, now()).await.unwrap();
        let second_path = path_of(
            feed_settings(&m.db, BASE, mentee, &zone)
                .await
                .unwrap()
                .url
                .as_deref()
                .unwrap(),
        );
        assert_ne!(second_path, first_path);
        let old = common::send(&router, fetch(&first_path)).await;
        assert_eq!(old.status, StatusCode::NOT_FOUND);
        assert!(!old.body.contains("VEVENT"));
        let new = common::send(&router, fetch(&second_path)).await;
        assert_eq!(new.status, StatusCode::OK);
        let wrong = common::send(&router, fetch("/feeds/not-a-secret.ics")).await;
        assert_eq!(wrong.status, StatusCode::NOT_FOUND);

        // Reads are limited (a calendar reads every few minutes at most).
        let mut status = StatusCode::OK;
        for _ in 0..70 {
            status = common::send(&router, fetch(&second_path)).await.status;
            if status != StatusCode::OK {
                break;
            }
        }
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);

        // Turned off: "not found".
        turn_feed_off(&m.db, mentee).await.unwrap();
        let gone = common::send(&router, fetch(&second_path)).await;
        assert_eq!(gone.status, StatusCode::NOT_FOUND);
    }
    ics_check::check_folder(&dir, files);
}
