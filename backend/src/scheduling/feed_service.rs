//! A member's private calendar feed: turned on, given a new address or off from the
//! account page; read by their calendar application with the secret in its address. It
//! lists the meetings they attend in every relationship and program, from 90 days back,
//! as the same events (UIDs, SEQUENCE, RECURRENCE-IDs) as the e-mails; cancelled ones are
//! kept, marked cancelled. A wrong or replaced secret reads as "not found".
use super::calendar_repo::series_of_member;
use super::feed::{feed_path, CalendarFeedView, FEED_PAST_DAYS, FEED_REFRESH_MINUTES};
use super::feed_repo as repo;
use super::ics::{feed, Event};
use super::invite::LoadedSeries;
use super::series_events::CancelledShown;
use crate::auth::rate_limit::{self, FEED_READS};
use crate::auth::session::new_token;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::i18n::{translate, Lang, LocalDateTime};
use crate::zone::Zone;
use chrono::{DateTime, Duration, Utc};

/// The account page's section for `user_id`, times on `zone`'s clock.
pub async fn feed_settings(
    db: &Db,
    base_url: &str,
    user_id: i64,
    zone: &Zone,
) -> AppResult<CalendarFeedView> {
    let mut tx = db.read().await?;
    let row = repo::feed_of(&mut tx, user_id).await?;
    tx.commit().await?;
    Ok(match row {
        Some(row) => CalendarFeedView {
            url: Some(format!("{base_url}{}", feed_path(&row.token))),
            last_read: row.last_read_at.map(|at| LocalDateTime::from_utc(at, zone)),
        },
        None => CalendarFeedView::default(),
    })
}

/// Turns the feed on, or gives it a new address: the old one stops at once.
pub async fn new_feed_address(db: &Db, user_id: i64, now: DateTime<Utc>) -> AppResult<()> {
    let mut tx = db.begin().await?;
    repo::replace_token(&mut tx, user_id, &new_token(), now).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn turn_feed_off(db: &Db, user_id: i64) -> AppResult<()> {
    let mut tx = db.begin().await?;
    repo::delete_feed(&mut tx, user_id).await?;
    tx.commit().await?;
    Ok(())
}

/// The feed's iCalendar text; "not found" for a wrong or replaced secret, "rate limited"
/// past `FEED_READS`.
pub async fn feed_text(
    db: &Db,
    base_url: &str,
    token: &str,
    now: DateTime<Utc>,
) -> AppResult<String> {
    let mut tx = db.read().await?;
    let row = repo::feed_by_token(&mut tx, token)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.commit().await?;
    rate_limit::hit(db, &format!("feed:{}", row.user_id), FEED_READS).await?;
    let lang = Lang::parse(&row.language).unwrap_or_default();

    let mut tx = db.read().await?;
    let since = now - Duration::days(FEED_PAST_DAYS);
    let ids = series_of_member(&mut tx, row.user_id, since).await?;
    let loaded = LoadedSeries::read(&mut tx, &ids).await?;
    tx.commit().await?;
    let mut groups: Vec<(Zone, Vec<Event>)> = Vec::new();
    for series in &loaded.series {
        let described = loaded.described(series, base_url, lang)?;
        let events = described.current(loaded.occurrences(series.id), CancelledShown::Marked);
        match groups.iter_mut().find(|(zone, _)| *zone == series.zone) {
            Some((_, all)) => all.extend(events),
            None => groups.push((series.zone, events)),
        }
    }
    let groups: Vec<(Zone, &[Event])> = groups.iter().map(|(z, e)| (*z, e.as_slice())).collect();
    let name = translate(lang, "feed-calendar-name", None);
    let text = feed(&name, FEED_REFRESH_MINUTES, &groups, now);

    let mut tx = db.begin().await?;
    repo::mark_read(&mut tx, row.user_id, now).await?;
    tx.commit().await?;
    Ok(text)
}
