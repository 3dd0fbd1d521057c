//! The demo's meetings: a few pairs have already met, so the hours and meeting counts of
//! the Relationships page, the members table and the profile panel have something to show.
use crate::db::Db;
use crate::scheduling::model::{Answer, Frequency, MeetingType, OccurrenceState};
use crate::scheduling::recurrence::{occurrences, Rule, SeriesEnd};
use crate::scheduling::repo::{insert_meeting, insert_series, NewSeries};
use crate::zone::Zone;
use chrono::{DateTime, Duration, NaiveTime, Utc};

/// Four weekly hour-long meetings at 10:00 Toronto time, the first five weeks ago, booked
/// by the mentor and accepted by both: all four are held.
pub async fn held_weekly(
    db: &Db,
    (program_id, relationship_id): (i64, i64),
    (mentor, mentee): (i64, i64),
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let zone = Zone::parse("America/Toronto").expect("a known zone");
    let first_day = (now - Duration::weeks(5))
        .with_timezone(&zone.tz())
        .date_naive();
    let first = first_day.and_time(NaiveTime::from_hms_opt(10, 0, 0).expect("10:00"));
    let rule = Rule {
        frequency: Frequency::Weekly,
        end: SeriesEnd::Count(4),
    };
    let spans = occurrences(&zone, first, 60, &rule)
        .map_err(|e| sqlx::Error::Protocol(format!("demo meetings: {e:?}")))?;
    let mut tx = db.begin().await?;
    let series = insert_series(
        &mut tx,
        &NewSeries {
            program_id,
            relationship_id,
            organiser_id: mentor,
            zone: zone.name(),
            first_local: first.format("%Y-%m-%dT%H:%M").to_string(),
            duration_minutes: 60,
            frequency: rule.frequency,
            occurrence_count: Some(4),
            until_day: None,
            meeting_type: MeetingType::Video,
            location: "",
            agenda: "",
            now: first_day.and_hms_opt(0, 0, 0).expect("midnight").and_utc(),
        },
    )
    .await?;
    let attendees = [(mentor, Answer::Accepted), (mentee, Answer::Accepted)];
    for o in spans {
        let place = (program_id, relationship_id);
        let state = OccurrenceState::Scheduled;
        insert_meeting(&mut tx, series, place, o.span, state, &attendees, now).await?;
    }
    tx.commit().await
}
