//! SQL of the administrator's view of meetings: every occurrence of the program (the
//! Meetings tab and the Relationships page's counts), and the names of those who take
//! part in a page of them.
use super::model::{Answer, OccurrenceState};
use crate::db::Tx;
use crate::with_tx;
use chrono::{DateTime, Utc};

/// One occurrence of the program, as the Meetings tab lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ProgramMeeting {
    pub id: i64,
    pub relationship_id: i64,
    pub organiser_id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub state: OccurrenceState,
}

/// Every occurrence of the program but those left out when their series was booked.
pub async fn program_meetings(tx: &mut Tx, program_id: i64) -> sqlx::Result<Vec<ProgramMeeting>> {
    with_tx!(tx, conn => sqlx::query_as::<_, ProgramMeeting>(
        "SELECT m.id, m.relationship_id, s.organiser_id, m.starts_at, m.ends_at, m.state
         FROM meetings m JOIN meeting_series s ON s.id = m.series_id
         WHERE m.program_id = $1 AND m.state <> $2",
    )
    .bind(program_id)
    .bind(OccurrenceState::Excluded)
    .fetch_all(&mut *conn)
    .await)
}

/// One participant's answer to one of `meetings`, with their name.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NamedAnswer {
    pub meeting_id: i64,
    pub first_name: String,
    pub last_name: String,
    pub answer: Answer,
}

/// The participants of these occurrences with their answers, by meeting, then name.
pub async fn named_answers(tx: &mut Tx, meetings: &[i64]) -> sqlx::Result<Vec<NamedAnswer>> {
    crate::db::by_ids(
        tx,
        "SELECT a.meeting_id, u.first_name, u.last_name, a.answer
         FROM meeting_attendees a JOIN users u ON u.id = a.user_id
         WHERE a.meeting_id IN ({ids})
         ORDER BY a.meeting_id, u.last_name, u.first_name, u.id",
        meetings,
    )
    .await
}

/// The names of these people: (id, first, last).
pub async fn names(tx: &mut Tx, people: &[i64]) -> sqlx::Result<Vec<(i64, String, String)>> {
    crate::db::by_ids(
        tx,
        "SELECT id, first_name, last_name FROM users WHERE id IN ({ids})",
        people,
    )
    .await
}

/// The names and addresses of these people: (id, first, last, e-mail).
pub async fn contacts(
    tx: &mut Tx,
    people: &[i64],
) -> sqlx::Result<Vec<(i64, String, String, String)>> {
    crate::db::by_ids(
        tx,
        "SELECT id, first_name, last_name, email FROM users WHERE id IN ({ids})",
        people,
    )
    .await
}
