//! SQL of meetings logged by hand ("+" beside "Number of meetings").
use super::model::MeetingType;
use crate::db::Tx;
use crate::with_tx;
use chrono::{DateTime, NaiveDate, Utc};
use shared::iso_date::{iso_date, parse_iso_date};

pub struct NewLogged<'a> {
    pub program_id: i64,
    pub relationship_id: i64,
    pub day: NaiveDate,
    pub minutes: u32,
    pub meeting_type: MeetingType,
    pub note: &'a str,
    pub logged_by: i64,
    pub now: DateTime<Utc>,
}

pub async fn insert_logged(tx: &mut Tx, m: &NewLogged<'_>) -> sqlx::Result<i64> {
    with_tx!(tx, conn => sqlx::query_scalar(
        "INSERT INTO logged_meetings (program_id, relationship_id, held_on_day, duration_minutes,
                meeting_type, note, logged_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(m.program_id)
    .bind(m.relationship_id)
    .bind(iso_date(m.day))
    .bind(m.minutes as i32)
    .bind(m.meeting_type)
    .bind(m.note)
    .bind(m.logged_by)
    .bind(m.now)
    .fetch_one(&mut *conn)
    .await)
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    held_on_day: String,
    duration_minutes: i32,
    meeting_type: MeetingType,
    note: String,
    first_name: Option<String>,
    last_name: Option<String>,
}

/// One logged meeting: its day, minutes, type, note and who logged it ("" once they are
/// gone).
pub struct LoggedRow {
    pub id: i64,
    pub day: NaiveDate,
    pub minutes: u32,
    pub meeting_type: MeetingType,
    pub note: String,
    pub logged_by: String,
}

/// The relationship's logged meetings, latest day first.
pub async fn logged_of_relationship(
    tx: &mut Tx,
    relationship_id: i64,
) -> sqlx::Result<Vec<LoggedRow>> {
    let rows: Vec<Row> = with_tx!(tx, conn => sqlx::query_as(
        "SELECT l.id, l.held_on_day, l.duration_minutes, l.meeting_type, l.note,
                u.first_name, u.last_name
         FROM logged_meetings l LEFT JOIN users u ON u.id = l.logged_by
         WHERE l.relationship_id = $1 ORDER BY l.held_on_day DESC, l.id DESC",
    )
    .bind(relationship_id)
    .fetch_all(&mut *conn)
    .await)?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(LoggedRow {
                id: r.id,
                day: parse_iso_date(&r.held_on_day)?,
                minutes: r.duration_minutes.max(0) as u32,
                meeting_type: r.meeting_type,
                note: r.note,
                logged_by: crate::fold::person_name(
                    &r.first_name.unwrap_or_default(),
                    &r.last_name.unwrap_or_default(),
                ),
            })
        })
        .collect())
}

/// Removes one logged meeting of the relationship; false when it has no such meeting.
pub async fn delete_logged(tx: &mut Tx, relationship_id: i64, id: i64) -> sqlx::Result<bool> {
    let done = with_tx!(tx, conn => sqlx::query(
        "DELETE FROM logged_meetings WHERE relationship_id = $1 AND id = $2",
    )
    .bind(relationship_id)
    .bind(id)
    .execute(&mut *conn)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// The minutes logged by hand for each relationship of the program: (relationship, minutes).
pub async fn program_logged(tx: &mut Tx, program_id: i64) -> sqlx::Result<Vec<(i64, i32)>> {
    with_tx!(tx, conn => sqlx::query_as(
        "SELECT relationship_id, duration_minutes FROM logged_meetings WHERE program_id = $1",
    )
    .bind(program_id)
    .fetch_all(&mut *conn)
    .await)
}
