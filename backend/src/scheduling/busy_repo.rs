//! SQL of members' own calendars and the busy time read from them.
use crate::db::Tx;
use crate::scheduling::interval::Span;
use crate::with_tx;
use chrono::{DateTime, Utc};
use shared::scheduling::busy_calendar::CalendarReadProblem;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BusyCalendarRow {
    pub user_id: i64,
    pub url: String,
    pub next_read_at: DateTime<Utc>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub last_attempt_at: Option<DateTime<Utc>>,
    pub last_success_at: Option<DateTime<Utc>>,
    pub problem: Option<CalendarReadProblem>,
    pub http_status: Option<i32>,
    pub busy_events: i32,
    pub unreadable: i32,
    /// The member's zone (all-day events are their days).
    pub time_zone: crate::zone::Zone,
}

const COLUMNS: &str = "c.user_id, c.url, c.next_read_at, c.etag, c.last_modified,
     c.last_attempt_at, c.last_success_at, c.problem, c.http_status, c.busy_events,
     c.unreadable, u.time_zone FROM busy_calendars c JOIN users u ON u.id = c.user_id";

pub async fn calendar_of(tx: &mut Tx, user_id: i64) -> sqlx::Result<Option<BusyCalendarRow>> {
    let sql = format!("SELECT {COLUMNS} WHERE c.user_id = $1");
    with_tx!(tx, conn => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(user_id)
        .fetch_optional(&mut *conn)
        .await)
}

/// Connects a calendar, or replaces the one connected (its busy time goes with it), due
/// to be read at once.
pub async fn connect(tx: &mut Tx, user_id: i64, url: &str, now: DateTime<Utc>) -> sqlx::Result<()> {
    disconnect(tx, user_id).await?;
    with_tx!(tx, conn => sqlx::query(
        "INSERT INTO busy_calendars (user_id, url, added_at, next_read_at) VALUES ($1, $2, $3, $3)",
    )
    .bind(user_id)
    .bind(url)
    .bind(now)
    .execute(&mut *conn)
    .await
    .map(|_| ()))
}

pub async fn disconnect(tx: &mut Tx, user_id: i64) -> sqlx::Result<()> {
    with_tx!(tx, conn => {
        sqlx::query("DELETE FROM calendar_busy_times WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *conn)
            .await?;
        sqlx::query("DELETE FROM busy_calendars WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *conn)
            .await
            .map(|_| ())
    })
}

/// Calendars due to be read, the longest waiting first.
pub async fn due(
    tx: &mut Tx,
    now: DateTime<Utc>,
    limit: i64,
) -> sqlx::Result<Vec<BusyCalendarRow>> {
    let sql =
        format!("SELECT {COLUMNS} WHERE c.next_read_at <= $1 ORDER BY c.next_read_at LIMIT $2");
    with_tx!(tx, conn => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(now)
        .bind(limit)
        .fetch_all(&mut *conn)
        .await)
}

/// Takes the read of a calendar seen due at `seen`, until `lease_until`: true for the
/// one reader (of all instances) whose update found it unchanged.
pub async fn claim(
    tx: &mut Tx,
    user_id: i64,
    seen: DateTime<Utc>,
    lease_until: DateTime<Utc>,
) -> sqlx::Result<bool> {
    with_tx!(tx, conn => sqlx::query(
        "UPDATE busy_calendars SET next_read_at = $3 WHERE user_id = $1 AND next_read_at = $2",
    )
    .bind(user_id)
    .bind(seen)
    .bind(lease_until)
    .execute(&mut *conn)
    .await
    .map(|r| r.rows_affected() == 1))
}

/// What a read found, written only if the calendar is still the one read (`url`).
pub struct ReadResult<'a> {
    pub url: &'a str,
    pub at: DateTime<Utc>,
    pub next_read_at: DateTime<Utc>,
    pub outcome: Outcome<'a>,
}

pub enum Outcome<'a> {
    /// New busy time, replacing the old.
    Read {
        spans: &'a [Span],
        etag: Option<&'a str>,
        last_modified: Option<&'a str>,
        busy_events: u32,
        unreadable: u32,
    },
    /// The calendar's server says nothing changed.
    Unchanged,
    Failed {
        problem: CalendarReadProblem,
        http_status: Option<u16>,
    },
}

/// Records a read; false when the member replaced or removed the calendar meanwhile
/// (nothing is written then).
pub async fn record_read(tx: &mut Tx, user_id: i64, r: &ReadResult<'_>) -> sqlx::Result<bool> {
    let updated = match &r.outcome {
        Outcome::Read {
            etag,
            last_modified,
            busy_events,
            unreadable,
            ..
        } => with_tx!(tx, conn => sqlx::query(
                "UPDATE busy_calendars SET next_read_at = $3, last_attempt_at = $4,
                     last_success_at = $4, problem = NULL, http_status = NULL, etag = $5,
                     last_modified = $6, busy_events = $7, unreadable = $8
                 WHERE user_id = $1 AND url = $2",
            )
            .bind(user_id)
            .bind(r.url)
            .bind(r.next_read_at)
            .bind(r.at)
            .bind(*etag)
            .bind(*last_modified)
            .bind(*busy_events as i32)
            .bind(*unreadable as i32)
            .execute(&mut *conn)
            .await
            .map(|r| r.rows_affected()))?,
        Outcome::Unchanged => with_tx!(tx, conn => sqlx::query(
            "UPDATE busy_calendars SET next_read_at = $3, last_attempt_at = $4,
                 last_success_at = $4, problem = NULL, http_status = NULL
             WHERE user_id = $1 AND url = $2",
        )
        .bind(user_id)
        .bind(r.url)
        .bind(r.next_read_at)
        .bind(r.at)
        .execute(&mut *conn)
        .await
        .map(|r| r.rows_affected()))?,
        Outcome::Failed {
            problem,
            http_status,
        } => with_tx!(tx, conn => sqlx::query(
            "UPDATE busy_calendars SET next_read_at = $3, last_attempt_at = $4, problem = $5,
                 http_status = $6
             WHERE user_id = $1 AND url = $2",
        )
        .bind(user_id)
        .bind(r.url)
        .bind(r.next_read_at)
        .bind(r.at)
        .bind(*problem)
        .bind(http_status.map(i32::from))
        .execute(&mut *conn)
        .await
        .map(|r| r.rows_affected()))?,
    };
    if updated != 1 {
        return Ok(false);
    }
    if let Outcome::Read { spans, .. } = &r.outcome {
        replace_busy_times(tx, user_id, spans).await?;
    }
    Ok(true)
}

/// Rows per INSERT: three values each, well under both engines' parameter limits.
const ROWS_PER_INSERT: usize = 300;

async fn replace_busy_times(tx: &mut Tx, user_id: i64, spans: &[Span]) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query("DELETE FROM calendar_busy_times WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await
        .map(|_| ()))?;
    for chunk in spans.chunks(ROWS_PER_INSERT) {
        let values = (0..chunk.len())
            .map(|i| format!("(${}, ${}, ${})", 3 * i + 1, 3 * i + 2, 3 * i + 3))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "INSERT INTO calendar_busy_times (user_id, starts_at, ends_at) VALUES {values}"
        );
        with_tx!(tx, conn => {
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.clone()));
            for span in chunk {
                q = q.bind(user_id).bind(span.start).bind(span.end);
            }
            q.execute(&mut *conn).await.map(|_| ())
        })?;
    }
    Ok(())
}

/// The busy time read from these members' calendars between `from` and `to`.
pub async fn calendar_busy(
    tx: &mut Tx,
    members: &[i64],
    (from, to): (DateTime<Utc>, DateTime<Utc>),
) -> sqlx::Result<Vec<Span>> {
    let list = crate::db::placeholders(3, members.len());
    let sql = format!(
        "SELECT starts_at, ends_at FROM calendar_busy_times
         WHERE starts_at < $2 AND ends_at > $1 AND user_id IN ({list})"
    );
    let rows: Vec<(DateTime<Utc>, DateTime<Utc>)> = with_tx!(tx, conn => {
        let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(from).bind(to);
        for id in members {
            q = q.bind(*id);
        }
        q.fetch_all(&mut *conn).await
    })?;
    Ok(rows.into_iter().map(|(s, e)| Span::new(s, e)).collect())
}
