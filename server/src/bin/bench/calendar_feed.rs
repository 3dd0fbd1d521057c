//! A member's calendar feed with 1,000 meetings (each booked on its own, the costliest
//! shape: one event per meeting): 100 in the last 90 days, 900 over the next year, every
//! tenth one cancelled; read as a calendar application reads it.
use crate::{percentile, Args};
use backend::db::Db;
use backend::scheduling::feed_service::{feed_settings, feed_text, new_feed_address};
use backend::scheduling::interval::Span;
use backend::scheduling::model::{Answer, Frequency, MeetingType, OccurrenceState};
use backend::scheduling::repo::{insert_meeting, insert_series, NewSeries};
use chrono::{Duration, Utc};
use shared::relationships::model::RelationshipStatus;
use shared::zone::Zone;
use std::time::Instant;

const MEETINGS: i64 = 1_000;
const BASE: &str = "https://bench.test";

/// One half-hour video meeting at `start`, booked on its own by the mentor at `booked`
/// (accepted by them, the mentee invited), on the default zone's clock.
pub(crate) async fn book_one(
    tx: &mut backend::db::Tx,
    program: i64,
    (relationship, mentor, mentee): (i64, i64, i64),
    start: chrono::DateTime<Utc>,
    state: OccurrenceState,
    booked: chrono::DateTime<Utc>,
) -> anyhow::Result<()> {
    let zone = Zone::DEFAULT;
    let local = backend::scheduling::wall_clock::local(&zone, start);
    let series = insert_series(
        tx,
        &NewSeries {
            program_id: program,
            relationship_id: relationship,
            organiser_id: mentor,
            zone: zone.name(),
            first_local: local.format("%Y-%m-%dT%H:%M").to_string(),
            duration_minutes: 30,
            frequency: Frequency::Once,
            occurrence_count: None,
            until_day: None,
            meeting_type: MeetingType::Video,
            location: "https://meet.example/bench",
            agenda: "Goals, progress and next steps",
            now: booked,
        },
    )
    .await?;
    let span = Span::new(start, start + Duration::minutes(30));
    let attendees = [(mentor, Answer::Accepted), (mentee, Answer::Pending)];
    insert_meeting(
        tx,
        series,
        (program, relationship),
        span,
        state,
        &attendees,
        booked,
    )
    .await?;
    Ok(())
}

pub(crate) async fn bench_feed(db: &Db, program: i64, args: &Args) -> anyhow::Result<()> {
    let now = Utc::now();
    let pick = |role: &'static str| async move {
        backend::with_db!(db, pool => sqlx::query_scalar::<_, i64>(
            "SELECT user_id FROM memberships WHERE program_id = $1 AND role = $2
             ORDER BY user_id LIMIT 1 OFFSET 7",
        )
        .bind(program)
        .bind(role)
        .fetch_one(pool)
        .await)
    };
    let (mentor, mentee) = (pick("mentor").await?, pick("mentee").await?);
    let find = || async {
        backend::with_db!(db, pool => sqlx::query_scalar::<_, i64>(
            "SELECT MAX(id) FROM relationships WHERE mentor_id = $1 AND mentee_id = $2",
        )
        .bind(mentor)
        .bind(mentee)
        .fetch_one(pool)
        .await)
    };
    let relationship = match find().await {
        Ok(id) => id,
        Err(_) => {
            backend::seed::insert_relationship(
                db,
                program,
                mentor,
                mentee,
                RelationshipStatus::Active,
                now,
                None,
            )
            .await?;
            find().await?
        }
    };
    let zone = Zone::DEFAULT;
    let mut tx = db.begin().await?;
    for k in 0..MEETINGS {
        // 100 spread over the last 90 days, 900 over the next year.
        let start = if k < 100 {
            now - Duration::days(90) + Duration::minutes(k * 90 * 24 * 60 / 100 + 60)
        } else {
            now + Duration::minutes((k - 100) * 365 * 24 * 60 / 900 + 60)
        };
        let state = if k % 10 == 9 {
            OccurrenceState::Cancelled
        } else {
            OccurrenceState::Scheduled
        };
        book_one(
            &mut tx,
            program,
            (relationship, mentor, mentee),
            start,
            state,
            now,
        )
        .await?;
    }
    tx.commit().await?;
    new_feed_address(db, mentee, now).await?;
    let url = feed_settings(db, BASE, mentee, &zone)
        .await?
        .url
        .ok_or_else(|| anyhow::anyhow!("the feed is not on"))?;
    let token = url
        .rsplit('/')
        .next()
        .and_then(|file| file.strip_suffix(".ics"))
        .unwrap_or_default()
        .to_string();
    let mut times = Vec::new();
    let mut events = 0;
    for _ in 0..args.runs.min(50) + 2 {
        let started = Instant::now();
        let text = feed_text(db, BASE, &token, now).await?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        events = text.matches("BEGIN:VEVENT").count();
    }
    anyhow::ensure!(events >= 1_000, "the feed lists {events} events");
    let times = &mut times[2..];
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "calendar feed: {events} meetings: p50 {:.1} ms, p95 {:.1} ms",
        percentile(times, 0.5),
        percentile(times, 0.95)
    );
    Ok(())
}
