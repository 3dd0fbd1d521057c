//! Meeting e-mails carry the event for the recipients' calendars, read by someone else's
//! parsers: a pair books a weekly series across the end of DST, moves one occurrence,
//! cancels another, cancels the series, then books, moves and cancels a single meeting;
//! once with the organiser in Toronto and once in Paris, on both databases. Every e-mail
//! the SMTP sink receives is saved as it arrived and `scripts/check-ics.py` reads it with
//! Python's e-mail parser and icalendar: the MIME structure (RFC 6047), METHOD equal to
//! the part's method, the VTIMEZONE against Python's zone database across the change, and
//! what each event must say (UID, SEQUENCE, times, RECURRENCE-ID, STATUS, RRULE, EXDATE,
//! organiser, answers, summary, description, location).
#[path = "../../backend/tests/support/ics_check.rs"]
mod ics_check;
#[path = "common/smtp.rs"]
mod smtp;
#[path = "../../backend/tests/support/smtp_sink.rs"]
mod smtp_sink;
#[path = "../../backend/tests/support/mod.rs"]
mod support;

use backend::auth::authz::MemberScope;
use backend::db::Db;
use backend::scheduling::booking::{book, Booking};
use backend::scheduling::changes::{cancel, reschedule};
use backend::scheduling::invite::series_uid;
use backend::scheduling::model::{Frequency, MeetingType, SeriesScope};
use backend::scheduling::recurrence::{Rule, SeriesEnd};
use chrono::{NaiveDate, NaiveDateTime};
use ics_check::ExpectedEvent;
use serde_json::json;
use server::mailer::{MailWorker, WorkerOptions};
use shared::zone::Zone;
use smtp::settings;
use smtp_sink::SmtpSink;
use std::path::Path;
use support::people::Pair;
use support::scheduling::{move_to, now, related};
use support::BASE;

const MENTOR: &str = "mona@invitations.test";
const MENTEE: &str = "eli@invitations.test";
const PLACE: &str = "12 Main Street";

fn day(m: u32, d: u32, hour: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, m, d)
        .unwrap()
        .and_hms_opt(hour, 0, 0)
        .unwrap()
}

/// An event of the story: 30 minutes, the mentor's answer accepted, the mentee's given.
fn event(
    uid: &str,
    sequence: u32,
    tzid: &str,
    start: NaiveDateTime,
    mentee: &'static str,
) -> ExpectedEvent {
    let attendees = vec![(MENTOR.into(), "ACCEPTED"), (MENTEE.into(), mentee)];
    ExpectedEvent::half_hour((uid, sequence), tzid, start, attendees)
}

/// The sink, the worker that sends to it, and the folder the e-mails are kept in.
struct Mailroom<'a> {
    sink: SmtpSink,
    worker: MailWorker,
    dir: &'a Path,
    seen: usize,
    saved: usize,
}

impl Mailroom<'_> {
    /// Sends what is queued; everything sent since the last call.
    async fn deliver(&mut self) -> Vec<smtp_sink::Received> {
        while self.worker.run_once().await.unwrap() > 0 {}
        let received = self.sink.received();
        let new = received[self.seen..].to_vec();
        self.seen = received.len();
        new
    }

    /// Sends what `step` queued: one e-mail to each of the pair, saved with what its
    /// calendar must say (`events`, the mentee's answer in them).
    async fn expect(
        &mut self,
        step: &str,
        method: &str,
        relationship: i64,
        events: &[ExpectedEvent],
    ) {
        let mails = self.deliver().await;
        let mut to: Vec<&str> = mails.iter().map(|m| m.to[0].as_str()).collect();
        to.sort();
        assert_eq!(to, vec![MENTEE, MENTOR], "{step}: one e-mail each");
        for mail in mails {
            let address = mail.to[0].clone();
            let (who, summary) = if address == MENTOR {
                ("mentor", "Réunion de mentorat : ")
            } else {
                ("mentee", "Mentoring meeting: ")
            };
            let name = format!("{step}-{who}");
            std::fs::write(self.dir.join(format!("{name}.eml")), &mail.data).unwrap();
            let expected = json!({
                "method": method,
                "to": address,
                "organizer": format!("mailto:{MENTOR}"),
                "summary_prefix": summary,
                "description_contains": format!("{BASE}/relationships/{relationship}"),
                "location": PLACE,
                "events": events.iter().map(ExpectedEvent::json).collect::<Vec<_>>(),
            });
            std::fs::write(self.dir.join(format!("{name}.json")), expected.to_string()).unwrap();
            self.saved += 1;
        }
    }
}

/// The occurrences of a series, in its rule's order.
async fn occurrences(db: &Db, series: i64) -> Vec<i64> {
    backend::with_db!(db, pool => sqlx::query_scalar(
        "SELECT id FROM meetings WHERE series_id = $1 ORDER BY original_start_at",
    )
    .bind(series)
    .fetch_all(pool)
    .await
    .unwrap())
}

fn booking(first: NaiveDateTime, rule: Rule) -> Booking {
    Booking {
        first,
        minutes: 30,
        rule,
        meeting_type: MeetingType::InPerson,
        location: PLACE.into(),
        agenda: "Goals; next steps".into(),
        skip: vec![],
        admin_attends: false,
    }
}

/// The whole story with the mentor organising on `zone`'s clock at `hour` (10:00 in
/// Toronto, 16:00 in Paris: inside the pair's Tuesday mornings in Toronto on both sides
/// of both zones' changes).
async fn story(m: &Pair, relationship: i64, room: &mut Mailroom<'_>, zone: &str, hour: u32) {
    let mut mentor: MemberScope = m.mentor.clone();
    mentor.session.viewer.time_zone = Zone::parse(zone).unwrap();
    let tag = zone.replace('/', "-").to_lowercase();
    let step = |n: u32, what: &str| format!("{tag}-{n}-{what}");

    // Six Tuesdays from 6 October: across the end of DST (25 October in Paris, 1 November
    // in Toronto).
    let weekly = Rule {
        frequency: Frequency::Weekly,
        end: SeriesEnd::Count(6),
    };
    let series = book(
        &m.db,
        BASE,
        &mentor,
        relationship,
        &booking(day(10, 6, hour), weekly),
        now(),
    )
    .await
    .unwrap();
    let ids = occurrences(&m.db, series).await;
    assert_eq!(ids.len(), 6);
    let uid = series_uid(BASE, series);
    let master = |sequence, cancelled| ExpectedEvent {
        cancelled,
        rrule: Some("FREQ=WEEKLY;COUNT=6".into()),
        ..event(&uid, sequence, zone, day(10, 6, hour), "NEEDS-ACTION")
    };
    room.expect(
        &step(1, "series-booked"),
        "REQUEST",
        relationship,
        &[master(0, false)],
    )
    .await;

    // The fifth (3 November, after the change) moves an hour later on its own.
    reschedule(
        &m.db,
        BASE,
        &mentor,
        ids[4],
        SeriesScope::This,
        &move_to(day(11, 3, hour + 1), 30),
        now(),
    )
    .await
    .unwrap();
    let moved = ExpectedEvent {
        start: day(11, 3, hour + 1),
        recurrence_id: Some(day(11, 3, hour)),
        rrule: None,
        ..master(1, false)
    };
    room.expect(
        &step(2, "occurrence-moved"),
        "REQUEST",
        relationship,
        &[master(1, false), moved],
    )
    .await;

    // The mentee cancels the second.
    cancel(&m.db, BASE, &m.mentee, ids[1], SeriesScope::This, now())
        .await
        .unwrap();
    let second = ExpectedEvent {
        start: day(10, 13, hour),
        recurrence_id: Some(day(10, 13, hour)),
        rrule: None,
        ..master(2, true)
    };
    room.expect(
        &step(3, "occurrence-cancelled"),
        "CANCEL",
        relationship,
        &[second],
    )
    .await;

    // The mentor cancels the rest: nothing of the series is left, so the whole event goes.
    cancel(&m.db, BASE, &mentor, ids[0], SeriesScope::All, now())
        .await
        .unwrap();
    room.expect(
        &step(4, "series-cancelled"),
        "CANCEL",
        relationship,
        &[master(3, true)],
    )
    .await;

    // One meeting on 27 October (Paris on winter time, Toronto still on summer time),
    // moved to 3 November, then cancelled.
    let single = book(
        &m.db,
        BASE,
        &mentor,
        relationship,
        &booking(day(10, 27, hour), Rule::ONCE),
        now(),
    )
    .await
    .unwrap();
    let single_uid = series_uid(BASE, single);
    assert_ne!(single_uid, uid);
    let one = |sequence, start, cancelled| ExpectedEvent {
        cancelled,
        ..event(&single_uid, sequence, zone, start, "NEEDS-ACTION")
    };
    room.expect(
        &step(5, "single-booked"),
        "REQUEST",
        relationship,
        &[one(0, day(10, 27, hour), false)],
    )
    .await;
    let id = occurrences(&m.db, single).await[0];
    reschedule(
        &m.db,
        BASE,
        &mentor,
        id,
        SeriesScope::This,
        &move_to(day(11, 3, hour), 30),
        now(),
    )
    .await
    .unwrap();
    room.expect(
        &step(6, "single-moved"),
        "REQUEST",
        relationship,
        &[one(1, day(11, 3, hour), false)],
    )
    .await;
    cancel(&m.db, BASE, &m.mentee, id, SeriesScope::This, now())
        .await
        .unwrap();
    room.expect(
        &step(7, "single-cancelled"),
        "CANCEL",
        relationship,
        &[one(2, day(11, 3, hour), true)],
    )
    .await;
}

#[tokio::test]
async fn meeting_emails_carry_events_that_other_parsers_read_as_we_meant() {
    let dir = ics_check::fresh_dir("meeting-mail");
    let mut saved = 0;
    for (n, db) in support::databases().await.into_iter().enumerate() {
        let (m, relationship) = related(db).await;
        let engine_dir = dir.join(format!("engine-{n}"));
        std::fs::create_dir_all(&engine_dir).unwrap();
        let sink = SmtpSink::start().await;
        let worker =
            MailWorker::new(m.db.clone(), settings(&sink), WorkerOptions::default()).unwrap();
        let mut room = Mailroom {
            sink,
            worker,
            dir: &engine_dir,
            seen: 0,
            saved: 0,
        };
        // What the invitation and its acceptance queued goes first.
        room.deliver().await;
        story(&m, relationship, &mut room, "America/Toronto", 10).await;
        story(&m, relationship, &mut room, "Europe/Paris", 16).await;
        ics_check::check_folder(&engine_dir, room.saved);
        saved += room.saved;
    }
    assert!(saved >= 28, "{saved} e-mails checked");
}
