//! A member's own calendar as busy time: they connect its secret address from the
//! account page; it is read at once, then every few minutes by whichever instance claims
//! it first (a lease in the database), and each successful read replaces the busy time
//! the slot picker leaves out. A failed read keeps the busy time of the last good one and
//! says why on the account page: a broken calendar never stops booking.
use super::busy_calendar::{
    BusyCalendarView, CalendarReadProblem, BUSY_READ_DAYS, CALENDAR_ADDRESS_MAX,
};
use super::busy_import::content::ContentError;
use super::busy_import::{busy_times, BusyRead, BusyWindow};
use super::busy_repo::{self as repo, BusyCalendarRow, Outcome, ReadResult};
use super::invite::is_own_uid;
use crate::auth::rate_limit::{self, CALENDAR_READS};
use crate::db::Db;
use crate::error::{AppError, AppResult, ValidationCode};
use crate::i18n::LocalDateTime;
use crate::remote_fetch::{FetchError, Fetched, RemoteFetch};
use crate::zone::Zone;
use chrono::{DateTime, Duration, Utc};
use url::Url;

/// How long a reader holds a calendar it claimed: past this, another may read it (the
/// first one stopped mid-read).
const LEASE: Duration = Duration::minutes(5);
/// Calendars the reader takes at a time, and reads at once.
const READS_PER_PASS: i64 = 20;
const READS_AT_ONCE: usize = 8;
const FIELD: &str = "calendar_address";

/// What reading members' calendars needs.
#[derive(Clone, Copy)]
pub struct BusyReader<'a> {
    pub db: &'a Db,
    pub fetch: &'a RemoteFetch,
    /// This platform's address: its own events in a member's calendar are not read again.
    pub base_url: &'a str,
    /// How often each calendar is read.
    pub every: Duration,
}

impl<'a> BusyReader<'a> {
    pub fn of(state: &'a crate::state::AppState) -> BusyReader<'a> {
        BusyReader {
            db: &state.db,
            fetch: &state.calendar_fetch,
            base_url: &state.base_url,
            every: state.calendar_read_every,
        }
    }
}

/// The account page's section, times on `zone`'s clock.
pub async fn busy_calendar_view(
    r: BusyReader<'_>,
    user_id: i64,
    zone: &Zone,
) -> AppResult<BusyCalendarView> {
    let mut tx = r.db.read().await?;
    let row = repo::calendar_of(&mut tx, user_id).await?;
    tx.commit().await?;
    let Some(row) = row else {
        return Ok(BusyCalendarView::default());
    };
    let at = |t: Option<DateTime<Utc>>| t.map(|t| LocalDateTime::from_utc(t, zone));
    Ok(BusyCalendarView {
        host: Some(
            Url::parse(&row.url)
                .ok()
                .and_then(|u| u.host_str().map(str::to_string))
                .unwrap_or_default(),
        ),
        last_success: at(row.last_success_at),
        last_attempt: at(row.last_attempt_at),
        problem: row
            .problem
            .map(|p| (p, row.http_status.and_then(|s| u16::try_from(s).ok()))),
        busy_events: row.busy_events.max(0) as u32,
        unreadable: row.unreadable.max(0) as u32,
        every_minutes: r.every.num_minutes().max(1) as u32,
    })
}

/// The address as typed, read as a web address (`webcal://` is `https://`); a clear
/// error naming the field otherwise.
pub fn calendar_address(text: &str, fetch: &RemoteFetch) -> AppResult<Url> {
    let text = text.trim();
    if text.is_empty() {
        return Err(AppError::validation(FIELD, ValidationCode::Required));
    }
    if text.chars().count() > CALENDAR_ADDRESS_MAX {
        return Err(AppError::validation(FIELD, ValidationCode::TooLong));
    }
    let text = match text.get(..9) {
        Some(scheme) if scheme.eq_ignore_ascii_case("webcal://") => {
            format!("https://{}", &text[9..])
        }
        _ => text.to_string(),
    };
    let url = Url::parse(&text)
        .map_err(|_| AppError::validation(FIELD, ValidationCode::InvalidAddress))?;
    match fetch.check(&url) {
        Ok(()) => Ok(url),
        Err(FetchError::PrivateAddress) => {
            Err(AppError::validation(FIELD, ValidationCode::PrivateAddress))
        }
        Err(_) => Err(AppError::validation(FIELD, ValidationCode::InvalidAddress)),
    }
}

/// Connects the member's calendar (replacing one connected before) and reads it at once.
pub async fn connect_calendar(
    r: BusyReader<'_>,
    user_id: i64,
    text: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let url = calendar_address(text, r.fetch)?;
    count_asked_read(r, user_id).await?;
    let mut tx = r.db.begin().await?;
    repo::connect(&mut tx, user_id, url.as_str(), now).await?;
    tx.commit().await?;
    read_one(r, user_id, now).await
}

pub async fn disconnect_calendar(db: &Db, user_id: i64) -> AppResult<()> {
    let mut tx = db.begin().await?;
    repo::disconnect(&mut tx, user_id).await?;
    tx.commit().await?;
    Ok(())
}

/// "Read now": reads the member's calendar unless another reader holds it.
pub async fn read_now(r: BusyReader<'_>, user_id: i64, now: DateTime<Utc>) -> AppResult<()> {
    count_asked_read(r, user_id).await?;
    read_one(r, user_id, now).await
}

/// Counts a read the member asked for (connecting, "Read now") against `CALENDAR_READS`.
async fn count_asked_read(r: BusyReader<'_>, user_id: i64) -> AppResult<()> {
    rate_limit::hit(r.db, &format!("calendar-read:{user_id}"), CALENDAR_READS).await
}

async fn read_one(r: BusyReader<'_>, user_id: i64, now: DateTime<Utc>) -> AppResult<()> {
    let mut tx = r.db.begin().await?;
    let row = repo::calendar_of(&mut tx, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let claimed = repo::claim(&mut tx, user_id, row.next_read_at, now + LEASE).await?;
    tx.commit().await?;
    if claimed {
        read_claimed(r, &row, now).await?;
    }
    Ok(())
}

/// One pass of the background reader: reads every calendar due, a few at a time (a slow
/// calendar server holds up only its own read); returns how many.
pub async fn read_due(r: BusyReader<'_>, now: DateTime<Utc>) -> AppResult<usize> {
    let mut read = 0;
    loop {
        let mut tx = r.db.read().await?;
        let due = repo::due(&mut tx, now, READS_PER_PASS).await?;
        tx.commit().await?;
        if due.is_empty() {
            return Ok(read);
        }
        let mut claimed = Vec::new();
        for row in due {
            let mut tx = r.db.begin().await?;
            if repo::claim(&mut tx, row.user_id, row.next_read_at, now + LEASE).await? {
                claimed.push(row);
            }
            tx.commit().await?;
        }
        read += claimed.len();
        for group in claimed.chunks(READS_AT_ONCE) {
            // A loop, not iterator adapters: their closures' lifetimes do not prove Send
            // for the worker's spawned task.
            let mut reads = Vec::with_capacity(group.len());
            for row in group {
                reads.push(read_claimed(r, row, now));
            }
            // One calendar's failure to be recorded does not hold up the others.
            for result in futures::future::join_all(reads).await {
                if let Err(err) = result {
                    tracing::warn!(error = %err, "a member's calendar read was not recorded");
                }
            }
        }
    }
}

/// The busy time of a calendar's text, read off the async workers: a large file's
/// recurrences are CPU work.
async fn read_text(
    text: String,
    base_url: &str,
    home: Zone,
    now: DateTime<Utc>,
) -> Result<BusyRead, ContentError> {
    let base_url = base_url.to_string();
    tokio::task::spawn_blocking(move || {
        let ours = |uid: &str| is_own_uid(&base_url, uid);
        let window = BusyWindow {
            home,
            from: now,
            to: now + Duration::days(BUSY_READ_DAYS),
            ours: &ours,
        };
        busy_times(&text, &window)
    })
    .await
    .unwrap_or_else(|panic| {
        // A bug of ours, not the member's: said as "not a calendar", logged for us.
        tracing::error!(error = %panic, "reading a member's calendar panicked");
        Err(ContentError::NotCalendar)
    })
}

/// Reads a calendar this reader claimed and records what it found.
async fn read_claimed(
    r: BusyReader<'_>,
    row: &BusyCalendarRow,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let fetched = match Url::parse(&row.url) {
        Ok(url) => {
            r.fetch
                .get(&url, row.etag.as_deref(), row.last_modified.as_deref())
                .await
        }
        Err(_) => Err(FetchError::NotWebAddress),
    };
    let failed = |problem, http_status| Outcome::Failed {
        problem,
        http_status,
    };
    let read;
    let outcome = match fetched {
        Ok(Fetched::NotModified) => Outcome::Unchanged,
        Ok(Fetched::Body {
            text,
            etag,
            last_modified,
        }) => match read_text(text, r.base_url, row.time_zone, now).await {
            Ok(found) => {
                read = (found, etag, last_modified);
                Outcome::Read {
                    spans: &read.0.spans,
                    etag: read.1.as_deref(),
                    last_modified: read.2.as_deref(),
                    busy_events: read.0.busy_events,
                    unreadable: read.0.unreadable,
                }
            }
            Err(_) => failed(CalendarReadProblem::NotCalendar, None),
        },
        Err(err) => {
            tracing::info!(user_id = row.user_id, error = ?err, "a member's calendar could not be read");
            match err {
                FetchError::NotWebAddress | FetchError::Unreachable => {
                    failed(CalendarReadProblem::Unreachable, None)
                }
                FetchError::PrivateAddress => failed(CalendarReadProblem::PrivateAddress, None),
                FetchError::TimedOut => failed(CalendarReadProblem::TimedOut, None),
                FetchError::TooLarge => failed(CalendarReadProblem::TooLarge, None),
                FetchError::TooManyRedirects => failed(CalendarReadProblem::TooManyRedirects, None),
                FetchError::Status(code) => failed(CalendarReadProblem::HttpStatus, Some(code)),
            }
        }
    };
    let result = ReadResult {
        url: &row.url,
        at: now,
        next_read_at: now + r.every,
        outcome,
    };
    let mut tx = r.db.begin().await?;
    repo::record_read(&mut tx, row.user_id, &result).await?;
    tx.commit().await?;
    Ok(())
}
