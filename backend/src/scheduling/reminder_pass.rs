//! The meeting reminders' pass, run every minute by each instance: the morning reminder
//! of unanswered meetings, due at 06:00 on each recipient's clock, one a day at most
//! whatever the number of meetings (one message lists them), and the reminder some hours
//! before each meeting a participant accepted. A reminder's row and its
//! e-mail are written in one transaction and the row's key refuses a second one, so a
//! reminder is sent once even with several instances or across a restart.
use super::calendar::CALENDAR_PATH;
use super::interval::Span;
use super::meeting_mail::time_text;
use super::reminder_repo as repo;
use super::reminders::{asked_in_time, before_due, morning_due};
use crate::db::Db;
use crate::error::AppResult;
use crate::i18n::{translate, translate_with};
use crate::messaging::service::{queue_system_messages, MessageDetails};
use crate::messaging::template::{MEETING_REMINDER, MEETING_UPCOMING};
use crate::relationships::model::relationship_path;
use chrono::{DateTime, Duration, Utc};

/// Reminders written per transaction.
const BATCH: usize = 200;

/// What a pass sent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RemindersSent {
    pub mornings: usize,
    pub before: usize,
}

/// Sends the reminders due at `now`; `before_hours` ahead of accepted meetings (0: none).
pub async fn send_reminders(
    db: &Db,
    base_url: &str,
    before_hours: u32,
    now: DateTime<Utc>,
) -> AppResult<RemindersSent> {
    let mut done = RemindersSent {
        mornings: send_mornings(db, base_url, now).await?,
        ..Default::default()
    };
    if before_hours > 0 {
        done.before = send_before(db, base_url, before_hours, now).await?;
    }
    Ok(done)
}

async fn send_mornings(db: &Db, base_url: &str, now: DateTime<Utc>) -> AppResult<usize> {
    let mut tx = db.read().await?;
    let pending = repo::pending(&mut tx, now).await?;
    // A local day starts at most 14 hours before UTC's, so two days back holds today's.
    let sent = repo::mornings_sent(&mut tx, now - Duration::days(2)).await?;
    tx.commit().await?;
    let due: Vec<_> = pending
        .into_iter()
        .filter_map(|p| {
            let day = morning_due(&p.time_zone, now)?;
            let already =
                sent.contains(&(p.user_id, p.program_id, day.format("%Y-%m-%d").to_string()));
            (!already && asked_in_time(&p.time_zone, day, p.first_asked)).then_some((p, day))
        })
        .collect();
    let mut done = 0;
    for batch in due.chunks(BATCH) {
        let mut tx = db.begin().await?;
        for (p, day) in batch {
            let who = (p.user_id, p.program_id);
            if !repo::record_morning(&mut tx, who, *day, now).await? {
                continue;
            }
            let meetings = repo::pending_meetings(&mut tx, who, now).await?;
            if queue_system_messages(
                &mut tx,
                base_url,
                p.program_id,
                MEETING_REMINDER,
                &[p.user_id],
                |r| {
                    let lang = r.lang();
                    let list = meetings
                        .iter()
                        .map(|m| format!("- {}", time_text(lang, &r.time_zone, *m, now)))
                        .collect::<Vec<_>>()
                        .join("\n");
                    MessageDetails {
                        url: Some(format!("{base_url}{CALENDAR_PATH}")),
                        values: vec![
                            (
                                "meeting_count",
                                translate_with(
                                    lang,
                                    "meeting-mail-count",
                                    &[("count", meetings.len().into())],
                                ),
                            ),
                            ("meeting_list", list),
                        ],
                        ..Default::default()
                    }
                },
            )
            .await?
            {
                done += 1;
            }
        }
        tx.commit().await?;
    }
    Ok(done)
}

async fn send_before(db: &Db, base_url: &str, hours: u32, now: DateTime<Utc>) -> AppResult<usize> {
    let mut tx = db.read().await?;
    let soon = repo::accepted_soon(&mut tx, now, now + Duration::hours(i64::from(hours))).await?;
    tx.commit().await?;
    let due: Vec<_> = soon
        .into_iter()
        .filter(|m| before_due(m.starts_at, m.asked_at, hours, now))
        .collect();
    let mut done = 0;
    for batch in due.chunks(BATCH) {
        let mut tx = db.begin().await?;
        for m in batch {
            let who = (m.user_id, m.program_id);
            if !repo::record_before(&mut tx, who, m.meeting_id, now).await? {
                continue;
            }
            let span = Span::new(m.starts_at, m.ends_at);
            if queue_system_messages(
                &mut tx,
                base_url,
                m.program_id,
                MEETING_UPCOMING,
                &[m.user_id],
                |r| {
                    let lang = r.lang();
                    MessageDetails {
                        url: Some(format!(
                            "{base_url}{}",
                            relationship_path(m.relationship_id)
                        )),
                        values: vec![
                            ("meeting_time", time_text(lang, &r.time_zone, span, now)),
                            (
                                "meeting_type",
                                translate(lang, m.meeting_type.label_key(), None),
                            ),
                            ("location", m.location.clone()),
                        ],
                        ..Default::default()
                    }
                },
            )
            .await?
            {
                done += 1;
            }
        }
        tx.commit().await?;
    }
    Ok(done)
}
