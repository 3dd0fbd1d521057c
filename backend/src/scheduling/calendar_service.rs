//! The member's own calendar: their meetings in every relationship of the program over a
//! month or a week, on their clock, beside the hours they are available for meetings.
use super::calendar::{days_with, CalendarEntry, CalendarQuery, CalendarView};
use super::model::{Frequency, MeetingStatus};
use super::{availability_service, repo};
use crate::auth::authz::MemberScope;
use crate::db::Db;
use crate::error::AppResult;
use crate::i18n::LocalDateTime;
use crate::scheduling::wall_clock::{local_date, resolve};
use chrono::{DateTime, Duration, Utc};

/// The signed-in member's calendar for `query`. Only meetings they attend are read, so
/// nobody else's meeting can show.
pub async fn my_calendar(
    db: &Db,
    scope: &MemberScope,
    query: CalendarQuery,
    now: DateTime<Utc>,
) -> AppResult<CalendarView> {
    let viewer = &scope.session.viewer;
    let zone = viewer.time_zone;
    let (first, last) = query.days();
    let from = resolve(&zone, first.and_hms_opt(0, 0, 0).unwrap_or_default());
    let to = resolve(
        &zone,
        (last + Duration::days(1))
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default(),
    );
    let mut tx = db.read().await?;
    let meetings =
        repo::meetings_of_member(&mut tx, scope.program_id, viewer.user_id, (from, to)).await?;
    let ids: Vec<i64> = meetings.iter().map(|(m, _)| m.id).collect();
    let answers = repo::answers(&mut tx, &ids).await?;
    let others = answers
        .iter()
        .map(|(_, user, _)| *user)
        .filter(|user| *user != viewer.user_id);
    let names = super::meetings::names_of(&mut tx, others).await?;
    let availability = availability_service::availability_of(&mut tx, viewer.user_id, from).await?;
    tx.commit().await?;

    let entries = meetings
        .into_iter()
        .filter_map(|(m, answer)| {
            let status = MeetingStatus::of(m.state, m.ends_at, now)?;
            let with = answers
                .iter()
                .filter(|(meeting, user, _)| *meeting == m.id && *user != viewer.user_id)
                .filter_map(|(_, user, _)| names.get(user).cloned())
                .collect();
            Some(CalendarEntry {
                meeting_id: m.id,
                relationship_id: m.relationship_id,
                start: LocalDateTime::from_utc(m.starts_at, &zone),
                end: LocalDateTime::from_utc(m.ends_at, &zone),
                status,
                meeting_type: m.meeting_type,
                with,
                viewer_answer: answer,
                in_series: m.frequency != Frequency::Once,
                moved: m.moved,
            })
        })
        .collect();
    Ok(CalendarView {
        query,
        today: local_date(&zone, now),
        zone_label: zone.label(now),
        days: days_with((first, last), entries, |date| {
            availability.day_windows(date)
        }),
    })
}
