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

pub async fn calendar_series(tx: &mut Tx, id: i64) -> sqlx::Result<Option<CalendarSeriesRow>> {
    with_tx!(tx, conn => sqlx::query_as(
        "SELECT id, relationship_id, organiser_id, zone, first_local, duration_minutes,
                frequency, occurrence_count, until_day, meeting_type, location, agenda, sequence
         FROM meeting_series WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await)
}

/// An occurrence booked in a series, where its rule put it and where it is now.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CalendarOccurrenceRow {
    pub id: i64,
    pub calendar_start_at: DateTime<Utc>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub state: OccurrenceState,
}

/// Every occurrence booked in the series `id`, in its rule's order.
pub async fn calendar_occurrences(
    tx: &mut Tx,
    id: i64,
) -> sqlx::Result<Vec<CalendarOccurrenceRow>> {
    with_tx!(tx, conn => sqlx::query_as(
        "SELECT id, calendar_start_at, starts_at, ends_at, state FROM meetings
         WHERE calendar_series_id = $1 ORDER BY calendar_start_at, id",
    )
    .bind(id)
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
