//! Changing booked meetings: cancelling one occurrence, it and the later ones of its
//! series, or the whole series still to come. Each occurrence keeps its own row, so a
//! cancelled one is marked, never deleted, and the others are untouched; the other
//! participants are told by e-mail in the same transaction.
use super::booking::{occurrences_in_range, upcoming_meeting};
use super::meeting_mail::{send_cancellations, MeetingMail};
use super::model::{Frequency, OccurrenceState, SeriesScope};
use super::repo;
use crate::auth::authz::MemberScope;
use crate::db::Db;
use crate::error::AppResult;
use crate::relationships::relationship::reachable;
use crate::scheduling::interval::Span;
use chrono::{DateTime, Utc};

/// Cancels the occurrences of `range` from `meeting_id`; returns how many. Its
/// participants and the program's administrator may; anyone else gets "not found".
pub async fn cancel(
    db: &Db,
    base_url: &str,
    scope: &MemberScope,
    meeting_id: i64,
    range: SeriesScope,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    let me = scope.session.viewer.user_id;
    let mut tx = db.begin().await?;
    let (meeting, participants) = upcoming_meeting(&mut tx, scope, meeting_id, true, now).await?;
    reachable(&mut tx, scope, meeting.relationship_id).await?;
    let targets = occurrences_in_range(&mut tx, &meeting, range, now).await?;
    repo::set_state(&mut tx, &targets, OccurrenceState::Cancelled, (me, now)).await?;
    let mail = MeetingMail {
        program_id: scope.program_id,
        relationship_id: meeting.relationship_id,
        organiser_id: meeting.organiser_id,
        first: Span::new(meeting.starts_at, meeting.ends_at),
        frequency: Frequency::Once,
        occurrences: targets.len(),
        meeting_type: meeting.meeting_type,
        location: &meeting.location,
        agenda: &meeting.agenda,
    };
    let others: Vec<i64> = participants.into_iter().filter(|u| *u != me).collect();
    send_cancellations(&mut tx, base_url, &mail, (me, &others), targets.len(), now).await?;
    tx.commit().await?;
    Ok(targets.len())
}
