//! Our calendar files read by someone else's parser: sample meetings (a weekly series
//! across a DST change, one cancelled occurrence, a monthly series with an end date, and
//! zones with half-hour offsets, a 30-minute DST, no DST, and irregular changes) are
//! written to `target/tmp/ics/`, then `scripts/check-ics.py` reads each with Python's
//! `icalendar` and checks the properties and that every VTIMEZONE gives the offsets of
//! Python's own zone database (zoneinfo) across the years it covers. The checker runs where
//! `scripts/setup.sh --test` installed it (`.tools/py`); `MENTORA_REQUIRE_ICS_CHECK=1` (set
//! by `scripts/test.sh`) makes its absence a failure.
#![cfg(feature = "server")]
use chrono::{NaiveDate, NaiveDateTime, TimeZone, Utc};
use shared::scheduling::ics::{calendar, Event, Method, Person};
use shared::scheduling::model::{Answer, Frequency};
use shared::scheduling::recurrence::{Rule, SeriesEnd};
use shared::zone::Zone;

#[path = "../../backend/tests/support/ics_check.rs"]
mod ics_check;

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(h, min, 0)
        .unwrap()
}

fn meeting(uid: &str, start: NaiveDateTime, rule: Option<Rule>) -> Event {
    Event {
        uid: format!("{uid}@mentora.test"),
        sequence: 0,
        start,
        minutes: 30,
        rule,
        recurrence_id: None,
        exdates: Vec::new(),
        cancelled: false,
        organizer: Person::new("Raj Paquette", "raj@example.test"),
        attendees: vec![
            (Person::new("Raj Paquette", "raj@example.test"), Answer::Accepted),
            (Person::new("Fatima Haddad", "fatima@example.test"), Answer::Pending),
            (Person::new("Zoé Émond, PhD", "zoe@example.test"), Answer::Maybe),
        ],
        summary: "Mentoring meeting: Fatima Haddad, Raj Paquette".into(),
        description: "Agenda: goals; next steps, and a long line that goes on and on so that the file has to fold it somewhere in the middle — with accents: é, à, ç.\nhttps://mentora.test/relationships/3".into(),
        location: "https://meet.jit.si/mentora-abc".into(),
    }
}

fn weekly(count: u32) -> Option<Rule> {
    Some(Rule {
        frequency: Frequency::Weekly,
        end: SeriesEnd::Count(count),
    })
}

/// The samples: file name, method, zone, events.
fn samples() -> Vec<(&'static str, Method, &'static str, Vec<Event>)> {
    let mut cancelled = meeting("series-1", at(2026, 11, 3, 10, 0), None);
    cancelled.recurrence_id = Some(at(2026, 11, 3, 10, 0));
    cancelled.cancelled = true;
    cancelled.sequence = 2;
    let mut moved = meeting("series-1", at(2026, 11, 11, 9, 0), None);
    moved.recurrence_id = Some(at(2026, 11, 10, 10, 0));
    moved.sequence = 1;
    let monthly = Some(Rule {
        frequency: Frequency::Monthly,
        end: SeriesEnd::Until(NaiveDate::from_ymd_opt(2027, 6, 30).unwrap()),
    });
    vec![
        (
            "toronto-weekly-across-dst",
            Method::Request,
            "America/Toronto",
            vec![meeting("series-1", at(2026, 10, 20, 10, 0), weekly(4))],
        ),
        (
            "toronto-moved",
            Method::Request,
            "America/Toronto",
            vec![moved],
        ),
        (
            "toronto-cancelled",
            Method::Cancel,
            "America/Toronto",
            vec![cancelled],
        ),
        (
            "london-monthly-until",
            Method::Request,
            "Europe/London",
            vec![meeting("series-2", at(2026, 12, 31, 17, 30), monthly)],
        ),
        (
            "st-johns",
            Method::Request,
            "America/St_Johns",
            vec![meeting("series-3", at(2027, 3, 9, 8, 30), weekly(3))],
        ),
        (
            "kolkata",
            Method::Request,
            "Asia/Kolkata",
            vec![meeting("series-4", at(2026, 12, 9, 20, 30), weekly(52))],
        ),
        (
            "lord-howe",
            Method::Request,
            "Australia/Lord_Howe",
            vec![meeting("series-5", at(2027, 3, 30, 1, 30), weekly(3))],
        ),
        (
            "santiago",
            Method::Request,
            "America/Santiago",
            vec![meeting("series-6", at(2027, 4, 1, 23, 30), weekly(2))],
        ),
        (
            "casablanca",
            Method::Request,
            "Africa/Casablanca",
            vec![meeting("series-7", at(2027, 2, 1, 12, 0), weekly(10))],
        ),
    ]
}

#[test]
fn our_calendar_files_read_right_in_an_independent_parser() {
    let dir = ics_check::fresh_dir("ics");
    let now = Utc.with_ymd_and_hms(2026, 10, 1, 12, 0, 0).unwrap();
    for (name, method, zone, events) in samples() {
        let zone = Zone::parse(zone).unwrap();
        let text = calendar(method, &zone, &events, now);
        std::fs::write(dir.join(format!("{name}.ics")), text).unwrap();
    }
    ics_check::check_folder(&dir, 9);
}
