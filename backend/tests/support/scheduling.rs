//! A pair in a relationship, both free on Tuesday mornings, for the scheduling tests.
use super::people::{id, pair, Pair};
use super::BASE;
use backend::db::Db;
use backend::relationships::invitations;
use backend::scheduling::availability_service as availability;
use backend::scheduling::model::Window;
use chrono::{DateTime, TimeZone, Utc};

/// The meetings of the test pairs (`people::pair`), not the demo program's own: a
/// condition on `meetings` rows.
pub const TEST_PAIRS: &str = "relationship_id IN (SELECT r.id FROM relationships r
    JOIN users u ON u.id = r.mentor_id WHERE u.email LIKE '%@invitations.test')";

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
