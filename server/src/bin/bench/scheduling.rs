//! The booking page under load: a pair who each have 500 meetings over the next months
//! (in other relationships, across programs alike), the month's free times for a weekly
//! series of 4, and booking a 52-occurrence weekly series (re-checked in its transaction);
//! then the mentor's month in his own calendar and the administrator's Meetings tab.
use crate::{percentile, Args};
use backend::db::Db;
use backend::scheduling::admin_meetings::meetings_page;
use backend::scheduling::availability_service::save_windows;
use backend::scheduling::booking::{book, Booking};
use backend::scheduling::booking_page::{booking_offer, ChoiceText};
use backend::scheduling::calendar::{CalendarMode, CalendarQuery};
use backend::scheduling::calendar_service::my_calendar;
use backend::scheduling::interval::Span;
use backend::scheduling::model::{Answer, Frequency, MeetingType, OccurrenceState, Window};
use backend::scheduling::recurrence::{Rule, SeriesEnd};
use backend::scheduling::repo::{insert_meeting, insert_series, NewSeries};
use chrono::{Datelike, Duration, Utc};
use shared::auth::model::Role;
use shared::relationships::model::RelationshipStatus;
use shared::scheduling::admin::MeetingsQuery;
use std::time::Instant;

const MEETINGS_EACH: usize = 500;

pub(crate) async fn bench_scheduling(db: &Db, program: i64, args: &Args) -> anyhow::Result<()> {
    let now = Utc::now();
    let of_role = |role: &'static str| async move {
        backend::with_db!(db, pool => sqlx::query_scalar::<_, i64>(
            "SELECT user_id FROM memberships WHERE program_id = $1 AND role = $2 ORDER BY user_id DESC LIMIT 3",
        )
        .bind(program)
        .bind(role)
        .fetch_all(pool)
        .await)
    };
    let (mentors, mentees) = (of_role("mentor").await?, of_role("mentee").await?);
    let (mentor, mentee, other) = (mentors[0], mentees[0], mentees[1]);
    let mut pair_ids = Vec::new();
    for partner in [mentee, other] {
        backend::seed::insert_relationship(
            db,
            program,
            mentor,
            partner,
            RelationshipStatus::Active,
            now,
            None,
        )
        .await?;
        pair_ids.push(backend::with_db!(db, pool => sqlx::query_scalar::<_, i64>(
            "SELECT MAX(id) FROM relationships WHERE program_id = $1 AND mentor_id = $2 AND mentee_id = $3",
        )
        .bind(program)
        .bind(mentor)
        .bind(partner)
        .fetch_one(pool)
        .await)?);
    }
    let mentor_scope = crate::member_scope(program, mentor, Role::Mentor);
    let mentee_scope = crate::member_scope(program, mentee, Role::Mentee);
    let weekdays: Vec<Window> = (0..5)
        .map(|weekday| Window {
            weekday,
            start: 8 * 60,
            end: 20 * 60,
        })
        .collect();
    for scope in [&mentor_scope, &mentee_scope] {
        save_windows(db, scope, &weekdays).await?;
    }
    // 500 half-hour meetings each over the next 180 days, on weekdays in the windows'
    // hours, with the other mentee for the mentor and (as a stand-in for another
    // relationship) the same pair row for the mentee.
    let started = Instant::now();
    let mut tx = db.begin().await?;
    for (i, (who, relationship)) in [(mentor, pair_ids[1]), (mentee, pair_ids[0])]
        .into_iter()
        .enumerate()
    {
        let series = insert_series(
            &mut tx,
            &NewSeries {
                program_id: program,
                relationship_id: relationship,
                organiser_id: who,
                zone: shared::zone::Zone::DEFAULT.name(),
                first_local: "2026-01-01T09:00".into(),
                duration_minutes: 30,
                frequency: Frequency::Once,
                occurrence_count: None,
                until_day: None,
                meeting_type: MeetingType::Video,
                location: "",
                agenda: "",
                now,
            },
        )
        .await?;
        let mut k = 0u64;
        let mut placed = 0;
        let mut used = std::collections::HashSet::new();
        while placed < MEETINGS_EACH {
            k += 1;
            // Days and hours spread by a multiplicative hash of k.
            let x = k
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407 + i as u64);
            let day = now.date_naive() + Duration::days(1 + (x >> 33) as i64 % 180);
            if day.weekday().num_days_from_monday() >= 5 {
                continue;
            }
            let minute = 8 * 60 + ((x >> 20) % 24) as i64 * 30;
            let start = backend::scheduling::wall_clock::resolve(
                &shared::zone::Zone::DEFAULT,
                day.and_hms_opt(0, 0, 0).unwrap() + Duration::minutes(minute),
            );
            let span = Span::new(start, start + Duration::minutes(30));
            // One row per start in a series (and a failed insert would end a PostgreSQL
            // transaction): skip a start already drawn.
            if !used.insert(start) {
                continue;
            }
            let attendees = [(who, Answer::Accepted)];
            let ids = (program, relationship);
            insert_meeting(
                &mut tx,
                series,
                ids,
                span,
                OccurrenceState::Scheduled,
                &attendees,
                now,
            )
            .await?;
            placed += 1;
        }
    }
    tx.commit().await?;
    println!(
        "scheduling: {MEETINGS_EACH} meetings each for a pair, inserted in {:.2} s",
        started.elapsed().as_secs_f64()
    );

    let next = now.date_naive() + Duration::days(32);
    let month = ChoiceText {
        minutes: "30".into(),
        frequency: "weekly".into(),
        occurrences: "4".into(),
        month: format!("{:04}-{:02}", next.year(), next.month()),
        ..ChoiceText::default()
    };
    let mut times = Vec::new();
    let mut offer = None;
    for _ in 0..args.runs + 2 {
        let started = Instant::now();
        offer = Some(booking_offer(db, &mentee_scope, pair_ids[0], &month, now).await?);
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let free: usize = offer
        .as_ref()
        .map(|o| o.days.iter().map(|d| d.slots.len()).sum())
        .unwrap_or(0);
    anyhow::ensure!(free > 0, "the month offers no time");
    report(
        "booking page: a month of free times, weekly x4, 500 meetings each",
        &mut times[2..].to_vec(),
    );

    // A 52-week series, each from a time the offer gives (its taken dates left out).
    let mut times = Vec::new();
    let days: Vec<_> = offer
        .unwrap()
        .days
        .into_iter()
        .filter(|d| !d.slots.is_empty())
        .collect();
    for (n, day) in days.iter().take(10).enumerate() {
        let slot = &day.slots[n % day.slots.len()];
        let booking = Booking {
            first: day.date.and_hms_opt(0, 0, 0).unwrap() + Duration::minutes(slot.minute.into()),
            minutes: 30,
            rule: Rule {
                frequency: Frequency::Weekly,
                end: SeriesEnd::Count(52),
            },
            meeting_type: MeetingType::Video,
            location: String::new(),
            agenda: String::new(),
            skip: (0..52).map(|w| day.date + Duration::weeks(w)).collect(),
            admin_attends: false,
        };
        let started = Instant::now();
        match book(
            db,
            "https://bench.test",
            &mentor_scope,
            pair_ids[0],
            &booking,
            now,
        )
        .await
        {
            Ok(_) => times.push(started.elapsed().as_secs_f64() * 1000.0),
            // An earlier series of this loop took that first time: not a sample.
            Err(shared::error::AppError::Refused(_)) => {}
            Err(other) => return Err(other.into()),
        }
    }
    report("booking a 52-occurrence weekly series", &mut times);

    // The mentor's own calendar for next month (his 500 meetings and the series just
    // booked), and the administrator's Meetings tab over every meeting of the program.
    let calendar = CalendarQuery {
        mode: CalendarMode::Month,
        anchor: next,
    };
    let mut times = Vec::new();
    let mut shown = 0;
    for _ in 0..args.runs + 2 {
        let started = Instant::now();
        let view = my_calendar(db, &mentor_scope, calendar, now).await?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        shown = view.days.iter().map(|d| d.entries.len()).sum::<usize>();
    }
    anyhow::ensure!(shown > 0, "the calendar shows no meeting");
    report(
        &format!("member calendar: a month ({shown} meetings), 500 meetings each"),
        &mut times[2..].to_vec(),
    );
    // The bench's program has no administrator account: the tab reads only the scope.
    let admin_scope = crate::member_scope(program, mentors[2], Role::Admin);
    let mut times = Vec::new();
    let mut total = 0;
    for _ in 0..args.runs + 2 {
        let started = Instant::now();
        let page = meetings_page(db, &admin_scope, &MeetingsQuery::default(), now).await?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        total = page.total;
    }
    report(
        &format!("admin Meetings tab: first page of {total} meetings"),
        &mut times[2..].to_vec(),
    );
    Ok(())
}

fn report(name: &str, times: &mut [f64]) {
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "{name}: p50 {:.1} ms, p95 {:.1} ms",
        percentile(times, 0.5),
        percentile(times, 0.95)
    );
}
