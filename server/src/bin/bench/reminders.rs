//! The meeting reminders' pass at 100,000 members with 50,000 unanswered meetings over
//! the next 30 days (each mentee invited, each mentor accepted): the pass that sends the
//! morning reminders and the reminders before the next day's meetings, then a pass with
//! nothing left to send (what every instance does every minute).
use crate::calendar_feed::book_one;
use crate::{ensure_members, Args};
use backend::db::Db;
use backend::scheduling::model::OccurrenceState;
use backend::scheduling::reminder_pass::send_reminders;
use chrono::{Duration, DurationRound, Utc};
use std::time::Instant;

const MEETINGS: usize = 50_000;
const BASE: &str = "https://bench.test";

pub(crate) async fn bench_reminders(db: &Db, program: i64, args: &Args) -> anyhow::Result<()> {
    ensure_members(db, program, args).await?;
    let pairs: Vec<(i64, i64, i64)> = backend::with_db!(db, pool => sqlx::query_as(
        "SELECT id, mentor_id, mentee_id FROM relationships WHERE program_id = $1 ORDER BY id",
    )
    .bind(program)
    .fetch_all(pool)
    .await)?;
    anyhow::ensure!(!pairs.is_empty(), "no relationships to book meetings in");
    // Booked yesterday; the pass runs at the next 12:00 UTC (07:00 or later in the Americas,
    // the afternoon in Europe: past 06:00 for everyone the seed places).
    let now =
        Utc::now().duration_trunc(Duration::days(1))? + Duration::days(1) + Duration::hours(12);
    let booked = now - Duration::days(1);
    let started = Instant::now();
    for chunk in (0..MEETINGS).collect::<Vec<_>>().chunks(2_000) {
        let mut tx = db.begin().await?;
        for &k in chunk {
            let (relationship, mentor, mentee) = pairs[k % pairs.len()];
            let start = now + Duration::minutes((k as i64 * 30 * 24 * 60 / MEETINGS as i64) + 30);
            let pair = (relationship, mentor, mentee);
            book_one(
                &mut tx,
                program,
                pair,
                start,
                OccurrenceState::Scheduled,
                booked,
            )
            .await?;
        }
        tx.commit().await?;
    }
    eprintln!(
        "reminders: {MEETINGS} meetings booked in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    let first = send_reminders(db, BASE, 24, now).await?;
    println!(
        "reminder pass, {} members, {MEETINGS} unanswered meetings ({} morning reminders and {} before meetings sent): {:.2} s",
        args.members,
        first.mornings,
        first.before,
        started.elapsed().as_secs_f64()
    );
    anyhow::ensure!(
        first.mornings > 0 && first.before > 0,
        "the pass sent {first:?}"
    );
    let started = Instant::now();
    let again = send_reminders(db, BASE, 24, now + Duration::minutes(1)).await?;
    anyhow::ensure!(again.mornings + again.before == 0, "sent twice: {again:?}");
    println!(
        "reminder pass with nothing due, {} members, {MEETINGS} unanswered meetings: {:.2} s",
        args.members,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
