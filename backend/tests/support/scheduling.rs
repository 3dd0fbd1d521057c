//! A pair in a relationship, both free on Tuesday mornings, for the scheduling tests.
#![allow(dead_code)]
use super::people::{id, pair, Pair};
use super::BASE;
use backend::auth::authz::MemberScope;
use backend::db::Db;
use backend::relationships::invitations;
use backend::scheduling::availability_service as availability;
use backend::scheduling::booking::{book, Booking};
use backend::scheduling::changes::{reschedule, Move};
use backend::scheduling::meetings::relationship_meetings;
use backend::scheduling::model::{Frequency, MeetingType, SeriesScope, Window};
use backend::scheduling::recurrence::{Rule, SeriesEnd};
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// The meetings of the test pairs (`people::pair`), not the demo program's own: a
/// condition on `meetings` rows.
pub const TEST_PAIRS: &str = "relationship_id IN (SELECT r.id FROM relationships r
    JOIN users u ON u.id = r.mentor_id WHERE u.email LIKE '%@invitations.test')";

/// A move to `first` (on the mover's clock), `minutes` long, leaving nothing out.
pub fn move_to(first: NaiveDateTime, minutes: u32) -> Move {
    Move {
        first,
        minutes,
        skip: vec![],
    }
}

/// `who` moves one meeting on its own to `first` (on their clock), 30 minutes long.
pub async fn move_alone(m: &Pair, who: &MemberScope, meeting: i64, first: NaiveDateTime) {
    let to = move_to(first, 30);
    reschedule(&m.db, BASE, who, meeting, SeriesScope::This, &to, now())
        .await
        .unwrap();
}

/// `hour:minute` on a day of 2026.
pub fn at(month: u32, day: u32, hour: u32, minute: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, month, day)
        .unwrap()
        .and_hms_opt(hour, minute, 0)
        .unwrap()
}

/// Before the bookings of these tests.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 10, 1, 12, 0, 0).unwrap()
}

/// Tuesdays 09:00–12:00 (Toronto, the test members' zone).
pub fn tuesday_mornings() -> Vec<Window> {
    vec![Window {
        weekday: 1,
        start: 540,
        end: 720,
    }]
}

/// The pair in a relationship, both free on Tuesday mornings; returns the relationship.
pub async fn related(db: Db) -> (Pair, i64) {
    let m = pair(db).await;
    let invited = invitations::send(&m.db, BASE, &m.mentee, id(&m.mentor), "Hi", now())
        .await
        .unwrap();
    let relationship = invitations::accept(&m.db, BASE, &m.mentor, invited, now())
        .await
        .unwrap();
    for who in [&m.mentor, &m.mentee] {
        availability::save_windows(&m.db, who, &tuesday_mornings())
            .await
            .unwrap();
    }
    (m, relationship)
}

/// `count` weekly 30-minute meetings on Tuesdays at 10:00 Toronto from 6 October 2026,
/// booked by `organiser` as `kind` at `location`; their ids, by start.
pub async fn book_tuesdays(
    m: &Pair,
    relationship: i64,
    organiser: &MemberScope,
    count: u32,
    (kind, location): (MeetingType, &str),
) -> Vec<i64> {
    let weekly = Booking {
        first: NaiveDate::from_ymd_opt(2026, 10, 6)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap(),
        minutes: 30,
        rule: Rule {
            frequency: Frequency::Weekly,
            end: SeriesEnd::Count(count),
        },
        meeting_type: kind,
        location: location.into(),
        agenda: String::new(),
        skip: vec![],
        admin_attends: false,
    };
    book(&m.db, BASE, organiser, relationship, &weekly, now())
        .await
        .unwrap();
    relationship_meetings(&m.db, organiser, relationship, now())
        .await
        .unwrap()
        .upcoming
        .iter()
        .map(|u| u.id)
        .collect()
}
