//! Booking: the slot picker's offer for a pair, a meeting or series booked on it (checked
//! again inside the transaction that writes it, with both members' schedules held, so
//! two bookings of one slot have one winner), and the participants' answers.
use super::answer_links::AnswerLinks;
use super::availability_service::availability_of;
use super::invite::{invite, CalendarNews};
use super::meeting_mail::{send_answers, send_invitations, send_request_copy, MeetingMail};
use super::model::{
    Answer, DayOffer, MeetingType, OccurrenceState, SeriesScope, AGENDA_MAX, DURATIONS,
    LOCATION_MAX,
};
use super::recurrence::{Rule, SeriesEnd};
use super::repo::{self, NewSeries};
use super::slots::SlotSearch;
use crate::auth::authz::MemberScope;
use crate::auth::model::Role;
use crate::db::{Db, Tx};
use crate::error::{optional_text, AppError, AppResult, Refusal, ValidationCode};
use crate::relationships::invitation_repo::RelationshipRow;
use crate::relationships::relationship::reachable;
use crate::scheduling::interval::{Span, SpanSet};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

/// The longest range of days the picker offers at once (a month view and its edges).
pub const OFFER_DAYS_MAX: i64 = 42;

/// Where the video meetings of a program take place when it has no room of its own: a
/// fresh room per meeting on this public service, until the product hosts rooms.
pub const GENERATED_ROOM_BASE: &str = "https://meet.jit.si/mentora-";

/// What the picker is asked for.
#[derive(Clone, Debug)]
pub struct OfferAsk {
    pub minutes: u32,
    pub rule: Rule,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
}

/// A booking as the dialog sends it.
#[derive(Clone, Debug)]
pub struct Booking {
    /// The first start, on the organiser's clock.
    pub first: NaiveDateTime,
    pub minutes: u32,
    pub rule: Rule,
    pub meeting_type: MeetingType,
    /// The address (in person) or number (phone); ignored for video.
    pub location: String,
    pub agenda: String,
    /// Dates of occurrences the organiser agreed to leave out because they were taken.
    pub skip: Vec<NaiveDate>,
    /// An administrator booking for the pair attends too.
    pub admin_attends: bool,
}

pub(super) fn check_minutes(minutes: u32) -> AppResult<()> {
    if DURATIONS.contains(&minutes) {
        Ok(())
    } else {
        Err(AppError::validation(
            "duration",
            ValidationCode::InvalidChoice,
        ))
    }
}

/// The relationship if the viewer may book for it (one of its members, or the
/// program's administrator) and it is current.
pub(super) async fn bookable(
    tx: &mut Tx,
    scope: &MemberScope,
    id: i64,
) -> AppResult<RelationshipRow> {
    let row = reachable(tx, scope, id).await?;
    if !row.status.is_current() {
        return Err(AppError::Refused(Refusal::AlreadyEnded));
    }
    Ok(row)
}

/// The occurrences a move carries: their own time is not busy, and only their positions
/// of the rule take place. The default moves nothing (a booking).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Moving<'a> {
    pub ids: &'a [i64],
    pub positions: Option<&'a [usize]>,
}

fn search<'a>(
    scope: &'a MemberScope,
    members: &'a [super::availability::Availability],
    (first_day, last_day): (NaiveDate, NaiveDate),
    (minutes, rule, moving): (u32, Rule, Moving<'a>),
    now: DateTime<Utc>,
) -> SlotSearch<'a> {
    SlotSearch {
        zone: &scope.session.viewer.time_zone,
        first_day,
        last_day,
        minutes,
        rule,
        not_before: now,
        members,
        positions: moving.positions,
    }
}

/// The pair's availability and their busy time over the search's horizon.
async fn inputs(
    tx: &mut Tx,
    row: &RelationshipRow,
    now: DateTime<Utc>,
) -> AppResult<Vec<super::availability::Availability>> {
    Ok(vec![
        availability_of(tx, row.mentor_id, now).await?,
        availability_of(tx, row.mentee_id, now).await?,
    ])
}

/// The search's horizon and the pair's busy time over it (their meetings, but those of
/// `moving`, and what their own calendars hold).
async fn busy_over(
    tx: &mut Tx,
    row: &RelationshipRow,
    s: &SlotSearch<'_>,
    moving: &[i64],
) -> AppResult<(Span, SpanSet)> {
    let horizon = s.horizon()?;
    let pair = [row.mentor_id, row.mentee_id];
    let mut busy = repo::busy(tx, &pair, (horizon.start, horizon.end), moving).await?;
    busy.extend(super::busy_repo::calendar_busy(tx, &pair, (horizon.start, horizon.end)).await?);
    Ok((horizon, SpanSet::from_spans(busy)))
}

/// The days of `ask` with the times that fit both members, on the viewer's clock.
pub async fn offer(
    db: &Db,
    scope: &MemberScope,
    relationship_id: i64,
    ask: &OfferAsk,
    now: DateTime<Utc>,
) -> AppResult<Vec<DayOffer>> {
    let mut tx = db.read().await?;
    let row = bookable(&mut tx, scope, relationship_id).await?;
    let days = offer_for(&mut tx, scope, &row, (ask, Moving::default()), now).await?;
    tx.commit().await?;
    Ok(days)
}

/// `offer` for a relationship the caller has already checked, in its transaction, for a
/// booking or the occurrences `moving` carries.
pub(super) async fn offer_for(
    tx: &mut Tx,
    scope: &MemberScope,
    row: &RelationshipRow,
    (ask, moving): (&OfferAsk, Moving<'_>),
    now: DateTime<Utc>,
) -> AppResult<Vec<DayOffer>> {
    check_minutes(ask.minutes)?;
    let days = (ask.last_day - ask.first_day).num_days();
    if !(0..OFFER_DAYS_MAX).contains(&days) {
        return Err(AppError::validation("month", ValidationCode::OutOfRange));
    }
    let members = inputs(tx, row, now).await?;
    let s = search(
        scope,
        &members,
        (ask.first_day, ask.last_day),
        (ask.minutes, ask.rule, moving),
        now,
    );
    let (_, busy) = busy_over(tx, row, &s, moving.ids).await?;
    s.offer(&busy)
}

/// A time chosen on the picker, on the viewer's clock.
pub(super) struct Slot<'a> {
    pub first: NaiveDateTime,
    pub minutes: u32,
    pub rule: Rule,
    /// Dates of occurrences the viewer agreed to leave out because they were taken.
    pub skip: &'a [NaiveDate],
}

/// The occurrences of `slot`, checked again with both members' schedules held (so two
/// bookings touching one member run one after the other): the first must fit, and every
/// later one that does not must be named in `skip`, else "that time is taken". For a
/// move, the occurrences `moving` carries.
pub(super) async fn checked_slot(
    tx: &mut Tx,
    scope: &MemberScope,
    row: &RelationshipRow,
    (slot, moving): (&Slot<'_>, Moving<'_>),
    now: DateTime<Utc>,
) -> AppResult<super::slots::Checked> {
    if super::wall_clock::resolve(&scope.session.viewer.time_zone, slot.first) < now {
        return Err(AppError::validation("start", ValidationCode::InPast));
    }
    repo::lock_members(tx, &[row.mentor_id, row.mentee_id]).await?;
    let members = inputs(tx, row, now).await?;
    let day = slot.first.date();
    let s = search(
        scope,
        &members,
        (day, day),
        (slot.minutes, slot.rule, moving),
        now,
    );
    let (horizon, busy) = busy_over(tx, row, &s, moving.ids).await?;
    let available = s.available(&horizon);
    let checked = s
        .check(slot.first, &available, &busy)?
        .ok_or(AppError::Refused(Refusal::SlotTaken))?;
    let agreed = checked
        .conflicts
        .iter()
        .all(|&i| slot.skip.contains(&checked.occurrences[i].local.date()));
    if !agreed {
        return Err(AppError::Refused(Refusal::SlotTaken));
    }
    Ok(checked)
}

/// Books a meeting or series for the relationship and e-mails the invitation to each
/// participant but the organiser; returns the series. The first time must fit both
/// members; later occurrences that collide are refused unless the booking names their
/// dates in `skip` (they are then left out).
pub async fn book(
    db: &Db,
    base_url: &str,
    scope: &MemberScope,
    relationship_id: i64,
    booking: &Booking,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    let me = scope.session.viewer.user_id;
    let mut tx = db.begin().await?;
    let row = bookable(&mut tx, scope, relationship_id).await?;
    check_minutes(booking.minutes)?;
    let agenda = optional_text("agenda", &booking.agenda, AGENDA_MAX)?;
    let location = optional_text("location", &booking.location, LOCATION_MAX)?;
    if let SeriesEnd::Until(day) = booking.rule.end {
        if booking.rule.is_series() && day < booking.first.date() {
            return Err(AppError::validation(
                "until",
                ValidationCode::OccurrencesOutOfRange,
            ));
        }
    }
    let zone = scope.session.viewer.time_zone;
    let (types, room) = repo::meeting_settings(&mut tx, scope.program_id).await?;
    let allowed = MeetingType::parse_list(&types).unwrap_or_default();
    if !allowed.contains(&booking.meeting_type) {
        return Err(AppError::Refused(Refusal::MeetingTypeNotAllowed));
    }
    let location = match booking.meeting_type {
        MeetingType::Video if !room.is_empty() => room,
        MeetingType::Video => format!("{GENERATED_ROOM_BASE}{}", crate::auth::session::new_token()),
        _ if location.is_empty() => {
            return Err(AppError::validation("location", ValidationCode::Required))
        }
        _ => location,
    };
    let slot = Slot {
        first: booking.first,
        minutes: booking.minutes,
        rule: booking.rule,
        skip: &booking.skip,
    };
    let checked = checked_slot(&mut tx, scope, &row, (&slot, Moving::default()), now).await?;
    let (count, until) = match booking.rule.end {
        _ if !booking.rule.is_series() => (None, None),
        SeriesEnd::Count(n) => (Some(n), None),
        SeriesEnd::Until(d) => (None, Some(d)),
    };
    let series = repo::insert_series(
        &mut tx,
        &NewSeries {
            program_id: scope.program_id,
            relationship_id,
            organiser_id: me,
            zone: zone.name(),
            first_local: booking.first.format("%Y-%m-%dT%H:%M").to_string(),
            duration_minutes: booking.minutes,
            frequency: booking.rule.frequency,
            occurrence_count: count,
            until_day: until,
            meeting_type: booking.meeting_type,
            location: &location,
            agenda: &agenda,
            now,
        },
    )
    .await?;
    let mut attendees = vec![
        (row.mentor_id, Answer::Pending),
        (row.mentee_id, Answer::Pending),
    ];
    if scope.role == Role::Admin
        && booking.admin_attends
        && me != row.mentor_id
        && me != row.mentee_id
    {
        attendees.push((me, Answer::Pending));
    }
    for (user, answer) in attendees.iter_mut() {
        if *user == me {
            *answer = Answer::Accepted;
        }
    }
    let mut held: Vec<(i64, Span)> = Vec::new();
    for (i, occurrence) in checked.occurrences.iter().enumerate() {
        let state = if checked.conflicts.contains(&i) {
            OccurrenceState::Excluded
        } else {
            OccurrenceState::Scheduled
        };
        let id = repo::insert_meeting(
            &mut tx,
            series,
            (scope.program_id, relationship_id),
            occurrence.span,
            state,
            &attendees,
            now,
        )
        .await?;
        if state == OccurrenceState::Scheduled {
            held.push((id, occurrence.span));
        }
    }
    let invite = invite(&mut tx, base_url, series, CalendarNews::Current, now).await?;
    let (Some((first_id, _)), Some((_, last))) = (held.first(), held.last()) else {
        tracing::error!(series, "a booking with no meeting that takes place");
        return Err(AppError::Internal);
    };
    let answer_links = AnswerLinks {
        meeting_id: *first_id,
        whole_series: booking.rule.is_series(),
        last_end: last.end,
    };
    let mail = MeetingMail {
        program_id: scope.program_id,
        relationship_id,
        organiser_id: me,
        first: checked.occurrences[0].span,
        frequency: booking.rule.frequency,
        occurrences: checked.occurrences.len() - checked.conflicts.len(),
        meeting_type: booking.meeting_type,
        location: &location,
        agenda: &agenda,
        invite: Some(&invite),
        answer_links: Some(answer_links),
    };
    let invited: Vec<i64> = attendees
        .iter()
        .map(|(user, _)| *user)
        .filter(|user| *user != me)
        .collect();
    send_invitations(&mut tx, base_url, &mail, &invited, now).await?;
    // An administrator booking for the pair without attending keeps no copy.
    if attendees.iter().any(|(user, _)| *user == me) {
        send_request_copy(&mut tx, base_url, &mail, &invited, now).await?;
    }
    tx.commit().await?;
    Ok(series)
}

/// Who acts on a meeting: a member of the program, perhaps its administrator (a signed-in
/// member, or the person an e-mail's answer link was sent to).
#[derive(Clone, Copy, Debug)]
pub struct Actor {
    pub program_id: i64,
    pub user_id: i64,
    pub is_admin: bool,
}

impl From<&MemberScope> for Actor {
    fn from(scope: &MemberScope) -> Actor {
        Actor {
            program_id: scope.program_id,
            user_id: scope.session.viewer.user_id,
            is_admin: scope.role == Role::Admin,
        }
    }
}

/// A participant's answer to one occurrence, to it and the later ones of its series, or
/// to every occurrence still to come; every participant is told, unless it changed
/// nothing. Someone who is not invited gets "not found".
pub async fn answer(
    db: &Db,
    base_url: &str,
    scope: &MemberScope,
    meeting_id: i64,
    answer: Answer,
    range: SeriesScope,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    answer_in(
        &mut tx,
        base_url,
        &scope.into(),
        (meeting_id, answer, range),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// `answer` inside the caller's transaction, for `actor`.
pub(super) async fn answer_in(
    tx: &mut Tx,
    base_url: &str,
    actor: &Actor,
    (meeting_id, answer, range): (i64, Answer, SeriesScope),
    now: DateTime<Utc>,
) -> AppResult<()> {
    if answer == Answer::Pending {
        return Err(AppError::validation(
            "answer",
            ValidationCode::InvalidChoice,
        ));
    }
    let me = actor.user_id;
    let (meeting, participants) = upcoming_meeting(tx, actor, meeting_id, false, now).await?;
    let targets = ids(&occurrences_in_range(tx, &meeting, range, now).await?);
    let changed = repo::set_answer(tx, &targets, me, answer, now).await?;
    if changed > 0 {
        let mail = MeetingMail::from_occurrence(actor.program_id, &meeting, targets.len());
        let told = (me, participants.as_slice());
        let what = (answer, targets.len());
        send_answers(tx, base_url, &mail, told, what, now).await?;
    }
    Ok(())
}

/// A meeting still to come that the viewer is invited to (or, with `admin_may`, that the
/// program's administrator acts on), with its participants; anyone else gets "not
/// found", and a cancelled or past meeting is refused.
pub(super) async fn upcoming_meeting(
    tx: &mut Tx,
    actor: &Actor,
    meeting_id: i64,
    admin_may: bool,
    now: DateTime<Utc>,
) -> AppResult<(repo::MeetingRow, Vec<i64>)> {
    let me = actor.user_id;
    let meeting = repo::meeting(tx, actor.program_id, meeting_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let participants: Vec<i64> = repo::answers(tx, &[meeting_id])
        .await?
        .into_iter()
        .map(|(_, user, _)| user)
        .collect();
    let may_act = participants.contains(&me) || (admin_may && actor.is_admin);
    if !may_act {
        return Err(AppError::NotFound);
    }
    if meeting.state != OccurrenceState::Scheduled {
        return Err(AppError::Refused(Refusal::MeetingCancelled));
    }
    if meeting.ends_at <= now {
        return Err(AppError::Refused(Refusal::MeetingOver));
    }
    Ok((meeting, participants))
}

/// The occurrences a change to `meeting` covers, by start: it alone, it and the later
/// ones of its series, or every occurrence of the series still to come (only scheduled
/// ones that are not over).
pub(super) async fn occurrences_in_range(
    tx: &mut Tx,
    meeting: &repo::MeetingRow,
    range: SeriesScope,
    now: DateTime<Utc>,
) -> AppResult<Vec<repo::MeetingRow>> {
    Ok(match range {
        SeriesScope::This => vec![meeting.clone()],
        SeriesScope::Following | SeriesScope::All => {
            let from = if range == SeriesScope::All {
                now
            } else {
                meeting.starts_at
            };
            repo::meetings_of_relationship(tx, meeting.relationship_id)
                .await?
                .into_iter()
                .filter(|m| m.series_id == meeting.series_id)
                .filter(|m| m.state == OccurrenceState::Scheduled && m.ends_at > now)
                .filter(|m| m.starts_at >= from || m.id == meeting.id)
                .collect()
        }
    })
}

pub(super) fn ids(meetings: &[repo::MeetingRow]) -> Vec<i64> {
    meetings.iter().map(|m| m.id).collect()
}
