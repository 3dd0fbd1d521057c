//! SQL of scheduling: availability windows and exceptions, meeting series, their
//! occurrences and answers, and the busy time of members.
use crate::db::Tx;
use crate::error::AppError;
use crate::scheduling::interval::Span;
use crate::scheduling::model::{
    Answer, Exception, Frequency, MeetingType, OccurrenceState, Window,
};
use crate::scheduling::recurrence::{occurrences, Occurrence, Rule, SeriesEnd};
use crate::with_tx;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use shared::iso_date::{iso_date, parse_iso_date};

#[derive(sqlx::FromRow)]
struct WindowRow {
    weekday: i32,
    start_minute: i32,
    end_minute: i32,
}

pub async fn windows(tx: &mut Tx, user_id: i64) -> sqlx::Result<Vec<Window>> {
    let rows: Vec<WindowRow> = with_tx!(tx, conn => sqlx::query_as(
        "SELECT weekday, start_minute, end_minute FROM availability_windows
         WHERE user_id = $1 ORDER BY weekday, start_minute",
    )
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await)?;
    Ok(rows
        .into_iter()
        .map(|r| Window {
            weekday: r.weekday as u8,
            start: r.start_minute as u16,
            end: r.end_minute as u16,
        })
        .collect())
}

/// Replaces the member's weekly windows.
pub async fn replace_windows(tx: &mut Tx, user_id: i64, windows: &[Window]) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query("DELETE FROM availability_windows WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await
        .map(|_| ()))?;
    for w in windows {
        with_tx!(tx, conn => sqlx::query(
            "INSERT INTO availability_windows (user_id, weekday, start_minute, end_minute)
             VALUES ($1, $2, $3, $4)",
        )
        .bind(user_id)
        .bind(i32::from(w.weekday))
        .bind(i32::from(w.start))
        .bind(i32::from(w.end))
        .execute(&mut *conn)
        .await
        .map(|_| ()))?;
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
struct ExceptionRow {
    id: i64,
    kind: String,
    first_day: String,
    last_day: String,
    start_minute: Option<i32>,
    end_minute: Option<i32>,
}

fn exception_of(r: ExceptionRow) -> Option<(i64, Exception)> {
    let first = parse_iso_date(&r.first_day)?;
    let exception = match r.kind.as_str() {
        "away" => Exception::Away {
            first,
            last: parse_iso_date(&r.last_day)?,
        },
        "extra" => Exception::Extra {
            date: first,
            start: r.start_minute? as u16,
            end: r.end_minute? as u16,
        },
        _ => return None,
    };
    Some((r.id, exception))
}

/// The member's exceptions ending on or after `from`, by date.
pub async fn exceptions(
    tx: &mut Tx,
    user_id: i64,
    from: NaiveDate,
) -> sqlx::Result<Vec<(i64, Exception)>> {
    let rows: Vec<ExceptionRow> = with_tx!(tx, conn => sqlx::query_as(
        "SELECT id, kind, first_day, last_day, start_minute, end_minute
         FROM availability_exceptions WHERE user_id = $1 AND last_day >= $2
         ORDER BY first_day, id",
    )
    .bind(user_id)
    .bind(iso_date(from))
    .fetch_all(&mut *conn)
    .await)?;
    rows.into_iter()
        .map(|r| {
            let id = r.id;
            exception_of(r).ok_or_else(|| {
                sqlx::Error::Decode(format!("unreadable availability exception {id}").into())
            })
        })
        .collect()
}

pub async fn count_exceptions(tx: &mut Tx, user_id: i64) -> sqlx::Result<i64> {
    with_tx!(tx, conn => sqlx::query_scalar(
        "SELECT COUNT(*) FROM availability_exceptions WHERE user_id = $1",
    )
    .bind(user_id)
    .fetch_one(&mut *conn)
    .await)
}

pub async fn insert_exception(tx: &mut Tx, user_id: i64, e: &Exception) -> sqlx::Result<i64> {
    let (kind, first, last, start, end) = match e {
        Exception::Away { first, last } => ("away", *first, *last, None, None),
        Exception::Extra { date, start, end } => (
            "extra",
            *date,
            *date,
            Some(i32::from(*start)),
            Some(i32::from(*end)),
        ),
    };
    with_tx!(tx, conn => sqlx::query_scalar(
        "INSERT INTO availability_exceptions (user_id, kind, first_day, last_day, start_minute, end_minute)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(user_id)
    .bind(kind)
    .bind(iso_date(first))
    .bind(iso_date(last))
    .bind(start)
    .bind(end)
    .fetch_one(&mut *conn)
    .await)
}

/// Deletes one of the member's exceptions; false when there was none of theirs.
pub async fn delete_exception(tx: &mut Tx, user_id: i64, id: i64) -> sqlx::Result<bool> {
    let deleted = with_tx!(tx, conn => sqlx::query(
        "DELETE FROM availability_exceptions WHERE id = $1 AND user_id = $2",
    )
    .bind(id)
    .bind(user_id)
    .execute(&mut *conn)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(deleted == 1)
}

/// Holds the members' accounts until the transaction ends, so two bookings touching one
/// member run one after the other (in every program: busy time is the member's, not the
/// program's). PostgreSQL locks the rows in id order; SQLite's write transaction
/// (`BEGIN IMMEDIATE`) already runs alone.
pub async fn lock_members(tx: &mut Tx, ids: &[i64]) -> sqlx::Result<()> {
    if let Tx::Postgres(conn) = tx {
        let mut ids = ids.to_vec();
        ids.sort();
        ids.dedup();
        for id in ids {
            sqlx::query("SELECT 1 FROM users WHERE id = $1 FOR UPDATE")
                .bind(id)
                .fetch_optional(&mut **conn)
                .await?;
        }
    }
    Ok(())
}

/// The time these members are taken between `from` and `to`: every scheduled meeting
/// in any program that one of them attends and has not declined, but the meetings of
/// `except` (those being moved).
pub async fn busy(
    tx: &mut Tx,
    members: &[i64],
    (from, to): (DateTime<Utc>, DateTime<Utc>),
    except: &[i64],
) -> sqlx::Result<Vec<Span>> {
    let list = crate::db::placeholders(5, members.len());
    let sql = format!(
        "SELECT DISTINCT m.id, m.starts_at, m.ends_at FROM meetings m
         JOIN meeting_attendees a ON a.meeting_id = m.id
         WHERE m.state = $1 AND a.answer <> $2 AND m.starts_at < $4 AND m.ends_at > $3
           AND a.user_id IN ({list})"
    );
    let rows: Vec<(i64, DateTime<Utc>, DateTime<Utc>)> = with_tx!(tx, conn => {
        let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(OccurrenceState::Scheduled)
            .bind(Answer::Declined)
            .bind(from)
            .bind(to);
        for id in members {
            q = q.bind(*id);
        }
        q.fetch_all(&mut *conn).await
    })?;
    debug_assert!(!Answer::Declined.keeps_busy() && Answer::Maybe.keeps_busy());
    Ok(rows
        .into_iter()
        .filter(|(id, _, _)| !except.contains(id))
        .map(|(_, s, e)| Span::new(s, e))
        .collect())
}

pub struct NewSeries<'a> {
    pub program_id: i64,
    pub relationship_id: i64,
    pub organiser_id: i64,
    pub zone: &'a str,
    /// "2026-12-09T10:00", on the organiser's clock.
    pub first_local: String,
    pub duration_minutes: u32,
    pub frequency: Frequency,
    pub occurrence_count: Option<u32>,
    pub until_day: Option<NaiveDate>,
    pub meeting_type: MeetingType,
    pub location: &'a str,
    pub agenda: &'a str,
    pub now: DateTime<Utc>,
}

pub async fn insert_series(tx: &mut Tx, s: &NewSeries<'_>) -> sqlx::Result<i64> {
    with_tx!(tx, conn => sqlx::query_scalar(
        "INSERT INTO meeting_series (program_id, relationship_id, organiser_id, zone, first_local,
                duration_minutes, frequency, occurrence_count, until_day, meeting_type, location,
                agenda, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id",
    )
    .bind(s.program_id)
    .bind(s.relationship_id)
    .bind(s.organiser_id)
    .bind(s.zone)
    .bind(&s.first_local)
    .bind(s.duration_minutes as i32)
    .bind(s.frequency)
    .bind(s.occurrence_count.map(|n| n as i32))
    .bind(s.until_day.map(iso_date))
    .bind(s.meeting_type)
    .bind(s.location)
    .bind(s.agenda)
    .bind(s.now)
    .fetch_one(&mut *conn)
    .await)
}

/// One occurrence of a series, with its participants' first answers.
pub async fn insert_meeting(
    tx: &mut Tx,
    series_id: i64,
    (program_id, relationship_id): (i64, i64),
    span: Span,
    state: OccurrenceState,
    attendees: &[(i64, Answer)],
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    let id: i64 = with_tx!(tx, conn => sqlx::query_scalar(
        "INSERT INTO meetings (series_id, program_id, relationship_id, original_start_at,
                starts_at, ends_at, state, calendar_series_id, calendar_start_at)
         VALUES ($1, $2, $3, $4, $4, $5, $6, $1, $4) RETURNING id",
    )
    .bind(series_id)
    .bind(program_id)
    .bind(relationship_id)
    .bind(span.start)
    .bind(span.end)
    .bind(state)
    .fetch_one(&mut *conn)
    .await)?;
    for (user_id, answer) in attendees {
        let answered = (*answer != Answer::Pending).then_some(now);
        with_tx!(tx, conn => sqlx::query(
            "INSERT INTO meeting_attendees (meeting_id, user_id, answer, answered_at)
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(*user_id)
        .bind(*answer)
        .bind(answered)
        .execute(&mut *conn)
        .await
        .map(|_| ()))?;
    }
    Ok(id)
}

/// An occurrence as its pages and rules read it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MeetingRow {
    pub id: i64,
    pub series_id: i64,
    pub relationship_id: i64,
    pub original_start_at: DateTime<Utc>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub state: OccurrenceState,
    pub moved: bool,
    pub organiser_id: i64,
    pub frequency: Frequency,
    pub meeting_type: MeetingType,
    pub location: String,
    pub agenda: String,
    /// The series' rule: its zone, first start on that zone's clock, length and end.
    pub series_zone: crate::zone::Zone,
    pub first_local: String,
    pub duration_minutes: i32,
    pub occurrence_count: Option<i32>,
    pub until_day: Option<String>,
    /// The series it was booked in and the start that series' rule gave it: its
    /// calendar event's UID and RECURRENCE-ID, kept when it moves.
    pub calendar_series_id: i64,
    pub calendar_start_at: DateTime<Utc>,
}

impl MeetingRow {
    /// Its length in minutes.
    pub fn minutes(&self) -> u32 {
        Span::new(self.starts_at, self.ends_at).minutes()
    }

    /// Every occurrence of its series' rule, where each was first put.
    pub fn series_occurrences(&self) -> Result<Vec<Occurrence>, AppError> {
        let stored = StoredRule {
            series_id: self.series_id,
            first_local: &self.first_local,
            frequency: self.frequency,
            occurrence_count: self.occurrence_count,
            until_day: self.until_day.as_deref(),
        };
        let (first, rule) = stored.read()?;
        let minutes = self.duration_minutes.max(0) as u32;
        occurrences(&self.series_zone, first, minutes, &rule)
    }
}

/// A series' rule as its row keeps it.
pub struct StoredRule<'a> {
    pub series_id: i64,
    /// "2026-12-09T10:00", on the series' clock.
    pub first_local: &'a str,
    pub frequency: Frequency,
    pub occurrence_count: Option<i32>,
    pub until_day: Option<&'a str>,
}

impl StoredRule<'_> {
    /// Its first start on the series' clock, and its rule.
    pub fn read(&self) -> Result<(NaiveDateTime, Rule), AppError> {
        let unreadable = || {
            tracing::error!(series = self.series_id, "unreadable meeting series");
            AppError::Internal
        };
        let first = NaiveDateTime::parse_from_str(self.first_local, "%Y-%m-%dT%H:%M")
            .map_err(|_| unreadable())?;
        let end = match (self.occurrence_count, self.until_day) {
            (_, Some(day)) => SeriesEnd::Until(parse_iso_date(day).ok_or_else(unreadable)?),
            (count, None) => SeriesEnd::Count(count.unwrap_or(1).max(1) as u32),
        };
        let rule = Rule {
            frequency: self.frequency,
            end,
        };
        Ok((first, rule))
    }
}

const MEETING_COLUMNS: &str = "m.id, m.series_id, m.relationship_id, m.original_start_at,
    m.starts_at, m.ends_at, m.state, m.moved, s.organiser_id, s.frequency, s.meeting_type,
    s.location, s.agenda, s.zone AS series_zone, s.first_local, s.duration_minutes,
    s.occurrence_count, s.until_day, m.calendar_series_id, m.calendar_start_at";

/// The occurrences of a relationship that are not left out, by start.
pub async fn meetings_of_relationship(
    tx: &mut Tx,
    relationship_id: i64,
) -> sqlx::Result<Vec<MeetingRow>> {
    let sql = format!(
        "SELECT {MEETING_COLUMNS} FROM meetings m JOIN meeting_series s ON s.id = m.series_id
         WHERE m.relationship_id = $1 AND m.state <> $2 ORDER BY m.starts_at, m.id"
    );
    with_tx!(tx, conn => sqlx::query_as::<_, MeetingRow>(sqlx::AssertSqlSafe(sql.clone()))
        .bind(relationship_id)
        .bind(OccurrenceState::Excluded)
        .fetch_all(&mut *conn)
        .await)
}

/// The occurrences of the program that this member attends, with their own answer,
/// that are not left out and touch `[from, to)`, by start.
pub async fn meetings_of_member(
    tx: &mut Tx,
    program_id: i64,
    user_id: i64,
    (from, to): (DateTime<Utc>, DateTime<Utc>),
) -> sqlx::Result<Vec<(MeetingRow, Answer)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        meeting: MeetingRow,
        answer: Answer,
    }
    let sql = format!(
        "SELECT {MEETING_COLUMNS}, a.answer FROM meetings m
         JOIN meeting_series s ON s.id = m.series_id
         JOIN meeting_attendees a ON a.meeting_id = m.id AND a.user_id = $1
         WHERE m.program_id = $2 AND m.state <> $3 AND m.starts_at < $5 AND m.ends_at > $4
         ORDER BY m.starts_at, m.id"
    );
    let rows: Vec<Row> = with_tx!(tx, conn => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(user_id)
        .bind(program_id)
        .bind(OccurrenceState::Excluded)
        .bind(from)
        .bind(to)
        .fetch_all(&mut *conn)
        .await)?;
    Ok(rows.into_iter().map(|r| (r.meeting, r.answer)).collect())
}

/// Every answer of these meetings' participants: (meeting, user, answer).
pub async fn answers(tx: &mut Tx, meetings: &[i64]) -> sqlx::Result<Vec<(i64, i64, Answer)>> {
    crate::db::by_ids(
        tx,
        "SELECT meeting_id, user_id, answer FROM meeting_attendees WHERE meeting_id IN ({ids})
         ORDER BY meeting_id, user_id",
        meetings,
    )
    .await
}

/// The participant's answer to the given occurrences; the number changed (those that
/// had this answer already are left as they were).
pub async fn set_answer(
    tx: &mut Tx,
    meetings: &[i64],
    user_id: i64,
    answer: Answer,
    now: DateTime<Utc>,
) -> sqlx::Result<u64> {
    if meetings.is_empty() {
        return Ok(0);
    }
    let list = crate::db::placeholders(4, meetings.len());
    let sql = format!(
        "UPDATE meeting_attendees SET answer = $1, answered_at = $2
         WHERE user_id = $3 AND answer <> $1 AND meeting_id IN ({list})"
    );
    with_tx!(tx, conn => {
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.clone())).bind(answer).bind(now).bind(user_id);
        for id in meetings {
            q = q.bind(*id);
        }
        q.execute(&mut *conn).await.map(|r| r.rows_affected())
    })
}

/// Marks these occurrences (cancelled, …) as changed by `user_id`; the number changed.
pub async fn set_state(
    tx: &mut Tx,
    meetings: &[i64],
    state: OccurrenceState,
    (user_id, now): (i64, DateTime<Utc>),
) -> sqlx::Result<u64> {
    if meetings.is_empty() {
        return Ok(0);
    }
    let list = crate::db::placeholders(4, meetings.len());
    let sql = format!(
        "UPDATE meetings SET state = $1, changed_by = $2, changed_at = $3 WHERE id IN ({list})"
    );
    with_tx!(tx, conn => {
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.clone())).bind(state).bind(user_id).bind(now);
        for id in meetings {
            q = q.bind(*id);
        }
        q.execute(&mut *conn).await.map(|r| r.rows_affected())
    })
}

/// Moves one occurrence on its own: its new time, `moved` (its original start is kept,
/// so the series still knows which occurrence it was).
pub async fn move_occurrence(
    tx: &mut Tx,
    id: i64,
    span: Span,
    (user_id, now): (i64, DateTime<Utc>),
) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query(
        "UPDATE meetings SET starts_at = $1, ends_at = $2, moved = TRUE, changed_by = $3,
                changed_at = $4 WHERE id = $5",
    )
    .bind(span.start)
    .bind(span.end)
    .bind(user_id)
    .bind(now)
    .bind(id)
    .execute(&mut *conn)
    .await
    .map(|_| ()))
}

/// Makes an occurrence one of another series' (the rest of a series moved together):
/// its place in that series is its new time.
pub async fn reassign_occurrence(
    tx: &mut Tx,
    id: i64,
    (series_id, span, state): (i64, Span, OccurrenceState),
    (user_id, now): (i64, DateTime<Utc>),
) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query(
        "UPDATE meetings SET series_id = $1, original_start_at = $2, starts_at = $2,
                ends_at = $3, state = $4, moved = FALSE, changed_by = $5, changed_at = $6
         WHERE id = $7",
    )
    .bind(series_id)
    .bind(span.start)
    .bind(span.end)
    .bind(state)
    .bind(user_id)
    .bind(now)
    .bind(id)
    .execute(&mut *conn)
    .await
    .map(|_| ()))
}

/// Every answer to these occurrences but `user_id`'s back to "no answer yet" (their time
/// changed).
pub async fn reset_answers(tx: &mut Tx, meetings: &[i64], user_id: i64) -> sqlx::Result<u64> {
    if meetings.is_empty() {
        return Ok(0);
    }
    let list = crate::db::placeholders(3, meetings.len());
    let sql = format!(
        "UPDATE meeting_attendees SET answer = $1, answered_at = NULL
         WHERE user_id <> $2 AND meeting_id IN ({list})"
    );
    with_tx!(tx, conn => {
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.clone())).bind(Answer::Pending).bind(user_id);
        for id in meetings {
            q = q.bind(*id);
        }
        q.execute(&mut *conn).await.map(|r| r.rows_affected())
    })
}

/// One occurrence, within the program.
pub async fn meeting(tx: &mut Tx, program_id: i64, id: i64) -> sqlx::Result<Option<MeetingRow>> {
    let sql = format!(
        "SELECT {MEETING_COLUMNS} FROM meetings m JOIN meeting_series s ON s.id = m.series_id
         WHERE m.program_id = $1 AND m.id = $2"
    );
    with_tx!(tx, conn => sqlx::query_as::<_, MeetingRow>(sqlx::AssertSqlSafe(sql.clone()))
        .bind(program_id)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await)
}

/// The allowed meeting types and the video room of a program.
pub async fn meeting_settings(tx: &mut Tx, program_id: i64) -> sqlx::Result<(String, String)> {
    with_tx!(tx, conn => sqlx::query_as(
        "SELECT meeting_types, video_room_url FROM programs WHERE id = $1",
    )
    .bind(program_id)
    .fetch_one(&mut *conn)
    .await)
}

/// A member's time zone.
pub async fn zone_of(tx: &mut Tx, user_id: i64) -> sqlx::Result<crate::zone::Zone> {
    with_tx!(tx, conn => sqlx::query_scalar("SELECT time_zone FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_one(&mut *conn)
        .await)
}
