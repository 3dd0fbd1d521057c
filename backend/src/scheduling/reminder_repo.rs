//! SQL of meeting reminders: who has unanswered meetings, and the reminders sent.
use crate::db::Tx;
use crate::scheduling::interval::Span;
use crate::scheduling::model::{Answer, OccurrenceState};
use crate::with_tx;
use crate::zone::Zone;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashSet;

/// The kinds of reminder, as stored.
pub const MORNING: &str = "morning";
pub const BEFORE: &str = "before";

/// A member with meetings to come they have not answered, in one program.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PendingRow {
    pub user_id: i64,
    pub program_id: i64,
    pub time_zone: Zone,
    /// When the longest-waiting of them was asked for (booked, or last moved).
    pub first_asked: DateTime<Utc>,
}

/// Every active member's unanswered meetings to come, per program.
pub async fn pending(tx: &mut Tx, now: DateTime<Utc>) -> sqlx::Result<Vec<PendingRow>> {
    with_tx!(tx, conn => sqlx::query_as(
        "SELECT a.user_id, m.program_id, u.time_zone,
                MIN(COALESCE(m.changed_at, s.created_at)) AS first_asked
         FROM meeting_attendees a
         JOIN meetings m ON m.id = a.meeting_id
         JOIN meeting_series s ON s.id = m.series_id
         JOIN users u ON u.id = a.user_id
         WHERE a.answer = $1 AND m.state = $2 AND m.starts_at > $3 AND u.is_active = TRUE
         GROUP BY a.user_id, m.program_id, u.time_zone",
    )
    .bind(Answer::Pending)
    .bind(OccurrenceState::Scheduled)
    .bind(now)
    .fetch_all(&mut *conn)
    .await)
}

/// The morning reminders sent since `since`: (member, program, their local day).
pub async fn mornings_sent(
    tx: &mut Tx,
    since: DateTime<Utc>,
) -> sqlx::Result<HashSet<(i64, i64, String)>> {
    let rows: Vec<(i64, i64, String)> = with_tx!(tx, conn => sqlx::query_as(
        "SELECT user_id, program_id, local_day FROM meeting_reminders
         WHERE kind = $1 AND sent_at >= $2",
    )
    .bind(MORNING)
    .bind(since)
    .fetch_all(&mut *conn)
    .await)?;
    Ok(rows.into_iter().collect())
}

/// Records a morning reminder; false when one was already recorded (by another instance,
/// or before a restart): then nothing is to be sent.
pub async fn record_morning(
    tx: &mut Tx,
    (user_id, program_id): (i64, i64),
    day: NaiveDate,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    with_tx!(tx, conn => sqlx::query(
        "INSERT INTO meeting_reminders (user_id, program_id, kind, meeting_id, local_day, sent_at)
         VALUES ($1, $2, $3, 0, $4, $5) ON CONFLICT DO NOTHING",
    )
    .bind(user_id)
    .bind(program_id)
    .bind(MORNING)
    .bind(day.format("%Y-%m-%d").to_string())
    .bind(now)
    .execute(&mut *conn)
    .await
    .map(|r| r.rows_affected() == 1))
}

/// The member's unanswered meetings to come in the program, by start. (`+program_id`
/// keeps SQLite from walking the program's meetings instead of the member's.)
pub async fn pending_meetings(
    tx: &mut Tx,
    (user_id, program_id): (i64, i64),
    now: DateTime<Utc>,
) -> sqlx::Result<Vec<Span>> {
    let rows: Vec<(DateTime<Utc>, DateTime<Utc>)> = with_tx!(tx, conn => sqlx::query_as(
        "SELECT m.starts_at, m.ends_at FROM meeting_attendees a
         JOIN meetings m ON m.id = a.meeting_id
         WHERE a.user_id = $1 AND +m.program_id = $2 AND a.answer = $3 AND m.state = $4
           AND m.starts_at > $5
         ORDER BY m.starts_at",
    )
    .bind(user_id)
    .bind(program_id)
    .bind(Answer::Pending)
    .bind(OccurrenceState::Scheduled)
    .bind(now)
    .fetch_all(&mut *conn)
    .await)?;
    Ok(rows.into_iter().map(|(s, e)| Span::new(s, e)).collect())
}

/// A meeting to come that a member accepted, not yet reminded of.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AcceptedRow {
    pub user_id: i64,
    pub program_id: i64,
    pub meeting_id: i64,
    pub relationship_id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub asked_at: DateTime<Utc>,
    pub meeting_type: crate::scheduling::model::MeetingType,
    pub location: String,
}

/// Accepted meetings starting after `now` and by `until` that their participant has not
/// been reminded of.
pub async fn accepted_soon(
    tx: &mut Tx,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> sqlx::Result<Vec<AcceptedRow>> {
    with_tx!(tx, conn => sqlx::query_as(
        "SELECT a.user_id, m.program_id, m.id AS meeting_id, m.relationship_id, m.starts_at,
                m.ends_at, COALESCE(m.changed_at, s.created_at) AS asked_at, s.meeting_type,
                s.location
         FROM meeting_attendees a
         JOIN meetings m ON m.id = a.meeting_id
         JOIN meeting_series s ON s.id = m.series_id
         JOIN users u ON u.id = a.user_id
         WHERE a.answer = $1 AND m.state = $2 AND m.starts_at > $3 AND m.starts_at <= $4
           AND u.is_active = TRUE
           AND NOT EXISTS (SELECT 1 FROM meeting_reminders r
                           WHERE r.user_id = a.user_id AND r.program_id = m.program_id
                             AND r.kind = $5 AND r.meeting_id = m.id AND r.local_day = '')",
    )
    .bind(Answer::Accepted)
    .bind(OccurrenceState::Scheduled)
    .bind(now)
    .bind(until)
    .bind(BEFORE)
    .fetch_all(&mut *conn)
    .await)
}

/// Records the reminder before a meeting; false when it was already recorded.
pub async fn record_before(
    tx: &mut Tx,
    (user_id, program_id): (i64, i64),
    meeting_id: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    with_tx!(tx, conn => sqlx::query(
        "INSERT INTO meeting_reminders (user_id, program_id, kind, meeting_id, local_day, sent_at)
         VALUES ($1, $2, $3, $4, '', $5) ON CONFLICT DO NOTHING",
    )
    .bind(user_id)
    .bind(program_id)
    .bind(BEFORE)
    .bind(meeting_id)
    .bind(now)
    .execute(&mut *conn)
    .await
    .map(|r| r.rows_affected() == 1))
}
