//! SQL of meetings as calendars know them: the series an invitation created (its UID and
//! SEQUENCE) and every occurrence booked in it, wherever each stands now.
use crate::db::Tx;
use crate::scheduling::model::{Frequency, MeetingType, OccurrenceState};
use crate::with_tx;
use crate::zone::Zone;
use chrono::{DateTime, Utc};

/// A series as first booked: its rule, its zone, and the details its events carry.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CalendarSeriesRow {
    pub id: i64,
    pub relationship_id: i64,
    pub organiser_id: i64,
    pub zone: Zone,
    pub first_local: String,
    pub duration_minutes: i32,
    pub frequency: Frequency,
    pub occurrence_count: Option<i32>,
    pub until_day: Option<String>,
    pub meeting_type: MeetingType,
    pub location: String,
    pub agenda: String,
    pub sequence: i32,
}

/// These series, by id.
pub async fn calendar_series(tx: &mut Tx, ids: &[i64]) -> sqlx::Result<Vec<CalendarSeriesRow>> {
    crate::db::by_ids(
        tx,
        "SELECT id, relationship_id, organiser_id, zone, first_local, duration_minutes,
                frequency, occurrence_count, until_day, meeting_type, location, agenda, sequence
         FROM meeting_series WHERE id IN ({ids}) ORDER BY id",
        ids,
    )
    .await
}

/// An occurrence booked in a series, where its rule put it and where it is now.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CalendarOccurrenceRow {
    pub id: i64,
    pub calendar_series_id: i64,
    pub calendar_start_at: DateTime<Utc>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub state: OccurrenceState,
}

/// Every occurrence booked in these series, in each rule's order.
pub async fn calendar_occurrences(
    tx: &mut Tx,
    ids: &[i64],
) -> sqlx::Result<Vec<CalendarOccurrenceRow>> {
    crate::db::by_ids(
        tx,
        "SELECT id, calendar_series_id, calendar_start_at, starts_at, ends_at, state
         FROM meetings WHERE calendar_series_id IN ({ids})
         ORDER BY calendar_series_id, calendar_start_at, id",
        ids,
    )
    .await
}

/// The series (as first booked) of the occurrences this member attends that end after
/// `since`, in every program.
pub async fn series_of_member(
    tx: &mut Tx,
    user_id: i64,
    since: DateTime<Utc>,
) -> sqlx::Result<Vec<i64>> {
    with_tx!(tx, conn => sqlx::query_scalar(
        "SELECT DISTINCT m.calendar_series_id FROM meetings m
         JOIN meeting_attendees a ON a.meeting_id = m.id AND a.user_id = $1
         WHERE m.ends_at > $2 ORDER BY m.calendar_series_id",
    )
    .bind(user_id)
    .bind(since)
    .fetch_all(&mut *conn)
    .await)
}

/// One more change to the series' event: calendars take the highest SEQUENCE.
pub async fn next_sequence(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query(
        "UPDATE meeting_series SET sequence = sequence + 1, updated_at = $2 WHERE id = $1",
    )
    .bind(id)
    .bind(now)
    .execute(&mut *conn)
    .await
    .map(|_| ()))
}
