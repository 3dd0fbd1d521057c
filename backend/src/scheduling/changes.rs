//! Changing booked meetings: cancelling or moving one occurrence, it and the later ones
//! of its series, or the whole series still to come. Each occurrence keeps its own row,
//! so a cancelled one is marked, never deleted, a moved one keeps its original start, and
//! the others are untouched; every participant (the one who made the change included) is
//! told by e-mail in the same transaction.
use super::answer_links::AnswerLinks;
use super::booking::{
    bookable, checked_slot, ids, occurrences_in_range, upcoming_meeting, Moving, Slot,
};
use super::calendar_repo;
use super::invite::{invite, CalendarNews};
use super::meeting_mail::{send_cancellations, send_reschedules, MeetingMail};
use super::model::{OccurrenceState, SeriesScope};
use super::recurrence::{Rule, SeriesEnd};
use super::repo::{self, MeetingRow, NewSeries};
use crate::auth::authz::MemberScope;
use crate::db::{Db, Tx};
use crate::error::{AppError, AppResult};
use crate::relationships::invitation_repo::RelationshipRow;
use crate::relationships::relationship::reachable;
use crate::scheduling::interval::Span;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

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
    let (meeting, participants) =
        upcoming_meeting(&mut tx, &scope.into(), meeting_id, true, now).await?;
    reachable(&mut tx, scope, meeting.relationship_id).await?;
    let targets = ids(&occurrences_in_range(&mut tx, &meeting, range, now).await?);
    repo::set_state(&mut tx, &targets, OccurrenceState::Cancelled, (me, now)).await?;
    let calendar_series = meeting.calendar_series_id;
    calendar_repo::next_sequence(&mut tx, calendar_series, now).await?;
    let news = CalendarNews::Cancelled(&targets);
    let invite = invite(&mut tx, base_url, calendar_series, news, now).await?;
    let mail = MeetingMail::from_occurrence(scope.program_id, &meeting, targets.len())
        .with_invite(&invite);
    // Both members are told, the one who cancelled included (their record of it).
    send_cancellations(
        &mut tx,
        base_url,
        &mail,
        (me, &participants),
        targets.len(),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(targets.len())
}

/// What a move carries: its participants, the occurrences that move (by place in their
/// series; never empty) and the rule they follow from the new time, with their positions
/// in it.
pub struct MovePlan {
    pub relationship: RelationshipRow,
    pub participants: Vec<i64>,
    pub moving: Vec<MeetingRow>,
    pub rule: Rule,
    pub positions: Vec<usize>,
    pub ids: Vec<i64>,
}

impl MovePlan {
    /// The meeting the move starts from: the earliest that moves.
    pub fn meeting(&self) -> &MeetingRow {
        &self.moving[0]
    }

    pub(super) fn carried(&self) -> Moving<'_> {
        Moving {
            ids: &self.ids,
            positions: Some(&self.positions),
        }
    }
}

/// The occurrences a move of `meeting_id` over `range` carries. One moved on its own
/// earlier, and a cancelled one, stay where they are when the rest of its series moves,
/// and the others keep their places in the series' rhythm. Its participants and the
/// program's administrator may move a meeting of a current relationship; anyone else
/// gets "not found".
pub async fn move_plan(
    tx: &mut Tx,
    scope: &MemberScope,
    meeting_id: i64,
    range: SeriesScope,
    now: DateTime<Utc>,
) -> AppResult<MovePlan> {
    let (chosen, participants) = upcoming_meeting(tx, &scope.into(), meeting_id, true, now).await?;
    let relationship = bookable(tx, scope, chosen.relationship_id).await?;
    let series = chosen.series_occurrences()?;
    let place = |m: &MeetingRow| {
        series
            .iter()
            .position(|o| o.span.start == m.original_start_at)
            .ok_or_else(|| {
                tracing::error!(meeting = m.id, "occurrence outside its series' rule");
                AppError::Internal
            })
    };
    let mut moving = Vec::new();
    for m in occurrences_in_range(tx, &chosen, range, now).await? {
        if m.id == chosen.id || !m.moved {
            moving.push((place(&m)?, m));
        }
    }
    moving.sort_by_key(|(at, m)| (*at, m.id));
    let first = moving[0].0;
    let positions: Vec<usize> = moving.iter().map(|(at, _)| at - first).collect();
    let moving: Vec<MeetingRow> = moving.into_iter().map(|(_, m)| m).collect();
    let rule = match positions.last() {
        Some(&last) if last > 0 => Rule {
            frequency: chosen.frequency,
            end: SeriesEnd::Count(last as u32 + 1),
        },
        _ => Rule::ONCE,
    };
    Ok(MovePlan {
        relationship,
        participants,
        ids: ids(&moving),
        moving,
        rule,
        positions,
    })
}

/// A move as the picker sends it.
#[derive(Clone, Debug)]
pub struct Move {
    /// The new first start, on the viewer's clock.
    pub first: NaiveDateTime,
    pub minutes: u32,
    /// Dates of moved occurrences the viewer agreed to leave out because they are taken.
    pub skip: Vec<NaiveDate>,
}

/// Moves the occurrences of `range` from `meeting_id` to a new time; returns how many
/// take place there. The new time is checked like a booking's (both members free, the
/// moving occurrences' own time not counted). One occurrence alone keeps its place in
/// its series (`moved`, original start kept); several become a series of their own from
/// the new time, on the viewer's clock. Every other participant's answer goes back to
/// "no answer yet"; every participant, the mover included, is told by e-mail.
pub async fn reschedule(
    db: &Db,
    base_url: &str,
    scope: &MemberScope,
    meeting_id: i64,
    range: SeriesScope,
    to: &Move,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    let me = scope.session.viewer.user_id;
    let mut tx = db.begin().await?;
    let plan = move_plan(&mut tx, scope, meeting_id, range, now).await?;
    super::booking::check_minutes(to.minutes)?;
    let slot = Slot {
        first: to.first,
        minutes: to.minutes,
        rule: plan.rule,
        skip: &to.skip,
    };
    let carried = (&slot, plan.carried());
    let checked = checked_slot(&mut tx, scope, &plan.relationship, carried, now).await?;
    let m = plan.meeting();
    let moving = &plan.ids;
    if !plan.rule.is_series() {
        repo::move_occurrence(&mut tx, m.id, checked.occurrences[0].span, (me, now)).await?;
    } else {
        let zone = scope.session.viewer.time_zone;
        let series = repo::insert_series(
            &mut tx,
            &NewSeries {
                program_id: scope.program_id,
                relationship_id: m.relationship_id,
                organiser_id: m.organiser_id,
                zone: zone.name(),
                first_local: to.first.format("%Y-%m-%dT%H:%M").to_string(),
                duration_minutes: to.minutes,
                frequency: plan.rule.frequency,
                occurrence_count: match plan.rule.end {
                    SeriesEnd::Count(n) => Some(n),
                    SeriesEnd::Until(_) => None,
                },
                until_day: None,
                meeting_type: m.meeting_type,
                location: &m.location,
                agenda: &m.agenda,
                now,
            },
        )
        .await?;
        for (i, (occurrence, target)) in checked.occurrences.iter().zip(&plan.moving).enumerate() {
            let state = if checked.conflicts.contains(&i) {
                OccurrenceState::Excluded
            } else {
                OccurrenceState::Scheduled
            };
            let place = (series, occurrence.span, state);
            repo::reassign_occurrence(&mut tx, target.id, place, (me, now)).await?;
        }
    }
    repo::reset_answers(&mut tx, moving, me).await?;
    if plan.participants.contains(&me) {
        repo::set_answer(&mut tx, moving, me, super::model::Answer::Accepted, now).await?;
    }
    let held = checked.occurrences.len() - checked.conflicts.len();
    calendar_repo::next_sequence(&mut tx, m.calendar_series_id, now).await?;
    let invite = invite(
        &mut tx,
        base_url,
        m.calendar_series_id,
        CalendarNews::Current,
        now,
    )
    .await?;
    let mail = MeetingMail {
        program_id: scope.program_id,
        relationship_id: m.relationship_id,
        organiser_id: m.organiser_id,
        first: checked.occurrences[0].span,
        frequency: plan.rule.frequency,
        occurrences: held,
        meeting_type: m.meeting_type,
        location: &m.location,
        agenda: &m.agenda,
        invite: Some(&invite),
        answer_links: Some(AnswerLinks {
            meeting_id: m.id,
            whole_series: plan.rule.is_series(),
            last_end: checked.occurrences[checked.occurrences.len() - 1].span.end,
        }),
    };
    let previous = Span::new(m.starts_at, m.ends_at);
    let told = &plan.participants;
    send_reschedules(&mut tx, base_url, &mail, (me, told), previous, now).await?;
    tx.commit().await?;
    Ok(held)
}
