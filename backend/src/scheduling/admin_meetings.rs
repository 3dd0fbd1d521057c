//! The administrator's meetings: each pair's held meetings, hours and next meeting on the
//! Relationships page, and the page's Meetings tab (every occurrence of the program found
//! by the members' names, by date either way, paged, and as CSV). Held, scheduled and
//! cancelled are `MeetingStatus::of`, as on the relationship page.
use super::admin::{AdminMeetingRow, AdminMeetingsPage, ListedParticipant, MeetingsQuery};
use super::admin_repo::{self as repo, ProgramMeeting};
use super::interval::Span;
use super::model::MeetingStatus;
use crate::auth::authz::MemberScope;
use crate::db::{Db, Tx};
use crate::error::AppResult;
use crate::fold::person_name;
use crate::i18n::LocalDateTime;
use crate::relationships::admin::{RelationshipsPage, RelationshipsQuery};
use crate::relationships::admin_repo::ListedRelationship;
use crate::relationships::admin_service::{self, searched};
use crate::zone::Zone;
use chrono::{DateTime, Utc};
use std::collections::{BTreeSet, HashMap};

/// The Relationships page for `query`, with each pair's held meetings (those logged by
/// hand included), their minutes and the next meeting, and the Meetings tab's count for
/// the same search.
pub async fn relationships_page(
    db: &Db,
    scope: &MemberScope,
    query: &RelationshipsQuery,
    now: DateTime<Utc>,
) -> AppResult<RelationshipsPage> {
    let found = searched(db, scope.program_id, &query.search_words()).await?;
    let searched_pairs: BTreeSet<i64> = found.relationships.iter().map(|r| r.id).collect();
    let mut page = admin_service::relationships_page(db, scope, query, found).await?;
    let mut tx = db.read().await?;
    let meetings = repo::program_meetings(&mut tx, scope.program_id).await?;
    let logged = super::logged_repo::program_logged(&mut tx, scope.program_id).await?;
    tx.commit().await?;
    let mut totals: HashMap<i64, PairTotals> = HashMap::new();
    for (relationship_id, minutes) in logged {
        let pair = totals.entry(relationship_id).or_default();
        pair.held += 1;
        pair.held_minutes += minutes.max(0) as u32;
    }
    for m in &meetings {
        let Some(status) = MeetingStatus::of(m.state, m.ends_at, now) else {
            continue;
        };
        if searched_pairs.contains(&m.relationship_id) {
            page.counts.meetings += 1;
        }
        totals.entry(m.relationship_id).or_default().add(m, status);
    }
    let zone = &scope.session.viewer.time_zone;
    for row in &mut page.rows {
        if let Some(t) = totals.get(&row.id) {
            row.held = t.held;
            row.held_minutes = t.held_minutes;
            row.next_meeting = t.next.map(|at| LocalDateTime::from_utc(at, zone));
        }
    }
    Ok(page)
}

/// A pair's held meetings, their minutes, and the start of the next one still to come.
#[derive(Default)]
struct PairTotals {
    held: u32,
    held_minutes: u32,
    next: Option<DateTime<Utc>>,
}

impl PairTotals {
    fn add(&mut self, m: &ProgramMeeting, status: MeetingStatus) {
        match status {
            MeetingStatus::Held => {
                self.held += 1;
                self.held_minutes += m.span().minutes();
            }
            MeetingStatus::Scheduled => {
                self.next = Some(self.next.map_or(m.starts_at, |n| n.min(m.starts_at)))
            }
            MeetingStatus::Cancelled => {}
        }
    }
}

impl ProgramMeeting {
    fn span(&self) -> Span {
        Span::new(self.starts_at, self.ends_at)
    }
}

/// The meetings the tab's search finds, in its date order, each with its pair and status;
/// and how many meetings the program holds before the search.
pub struct FoundMeetings {
    pairs: HashMap<i64, ListedRelationship>,
    pub meetings: Vec<(ProgramMeeting, MeetingStatus)>,
    pub total: usize,
    pub counts: crate::relationships::admin::TabCounts,
}

/// The program's meetings whose mentor or mentee matches the search (the Relationships
/// page's search), latest or earliest first.
pub async fn found_meetings(
    db: &Db,
    scope: &MemberScope,
    query: &MeetingsQuery,
    now: DateTime<Utc>,
) -> AppResult<FoundMeetings> {
    let found = searched(db, scope.program_id, &query.search_words()).await?;
    let pairs: HashMap<i64, ListedRelationship> =
        found.relationships.into_iter().map(|r| (r.id, r)).collect();
    let mut tx = db.read().await?;
    let all = repo::program_meetings(&mut tx, scope.program_id).await?;
    tx.commit().await?;
    let mut total = 0;
    let mut meetings: Vec<(ProgramMeeting, MeetingStatus)> = all
        .into_iter()
        .filter_map(|m| MeetingStatus::of(m.state, m.ends_at, now).map(|s| (m, s)))
        .inspect(|_| total += 1)
        .filter(|(m, _)| pairs.contains_key(&m.relationship_id))
        .collect();
    meetings.sort_by_key(|(m, _)| (m.starts_at, m.id));
    if query.latest_first {
        meetings.reverse();
    }
    let mut counts = found.counts;
    counts.meetings = meetings.len() as i64;
    Ok(FoundMeetings {
        pairs,
        meetings,
        total,
        counts,
    })
}

/// One page of the Meetings tab.
pub async fn meetings_page(
    db: &Db,
    scope: &MemberScope,
    query: &MeetingsQuery,
    now: DateTime<Utc>,
) -> AppResult<AdminMeetingsPage> {
    let found = found_meetings(db, scope, query, now).await?;
    let page_count = found.meetings.len().div_ceil(query.per_page).max(1);
    let page = query.page.min(page_count);
    let shown: Vec<&(ProgramMeeting, MeetingStatus)> = found
        .meetings
        .iter()
        .skip((page - 1) * query.per_page)
        .take(query.per_page)
        .collect();
    let zone = &scope.session.viewer.time_zone;
    let mut tx = db.read().await?;
    let rows = rows_of(&mut tx, &found.pairs, &shown, zone).await?;
    tx.commit().await?;
    Ok(AdminMeetingsPage {
        rows,
        counts: found.counts,
        total: found.total,
        page,
        page_count,
        zone_label: zone.label(now),
    })
}

impl FoundMeetings {
    /// Every found meeting as the tab's rows, in order, a batch at a time.
    pub async fn rows(
        &self,
        db: &Db,
        zone: &Zone,
        batch: std::ops::Range<usize>,
    ) -> AppResult<Vec<AdminMeetingRow>> {
        let end = batch.end.min(self.meetings.len());
        let start = batch.start.min(end);
        let shown: Vec<&(ProgramMeeting, MeetingStatus)> =
            self.meetings[start..end].iter().collect();
        let mut tx = db.read().await?;
        let rows = rows_of(&mut tx, &self.pairs, &shown, zone).await?;
        tx.commit().await?;
        Ok(rows)
    }
}

/// The rows of these meetings: the pair's names, who sent each, its time on `zone`'s
/// clock and each participant's answer.
async fn rows_of(
    tx: &mut Tx,
    pairs: &HashMap<i64, ListedRelationship>,
    meetings: &[&(ProgramMeeting, MeetingStatus)],
    zone: &Zone,
) -> AppResult<Vec<AdminMeetingRow>> {
    let ids: Vec<i64> = meetings.iter().map(|(m, _)| m.id).collect();
    let mut participants: HashMap<i64, Vec<ListedParticipant>> = HashMap::new();
    for a in repo::named_answers(tx, &ids).await? {
        participants
            .entry(a.meeting_id)
            .or_default()
            .push(ListedParticipant {
                name: person_name(&a.first_name, &a.last_name),
                answer: a.answer,
            });
    }
    let senders = meetings.iter().map(|(m, _)| m.organiser_id);
    let sender_names = super::meetings::names_of(tx, senders).await?;
    Ok(meetings
        .iter()
        .filter_map(|(m, status)| {
            let pair = pairs.get(&m.relationship_id)?;
            Some(AdminMeetingRow {
                id: m.id,
                relationship_id: m.relationship_id,
                mentor_id: pair.mentor_id,
                mentor_name: pair.mentor_name(),
                mentee_id: pair.mentee_id,
                mentee_name: pair.mentee_name(),
                sender_name: sender_names
                    .get(&m.organiser_id)
                    .cloned()
                    .unwrap_or_default(),
                start: LocalDateTime::from_utc(m.starts_at, zone),
                end: LocalDateTime::from_utc(m.ends_at, zone),
                minutes: m.span().minutes(),
                status: *status,
                participants: participants.remove(&m.id).unwrap_or_default(),
            })
        })
        .collect())
}
