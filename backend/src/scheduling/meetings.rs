//! A relationship's meetings as its page lists them: upcoming and past occurrences in the
//! viewer's zone with each participant's answer, those logged by hand, and the held
//! meetings' count and hours (logged ones included).
use super::model::{Frequency, MeetingStatus};
use super::repo;
use super::view::{LoggedMeetingView, MeetingView, Participant, RelationshipMeetings};
use crate::auth::authz::MemberScope;
use crate::auth::model::Role;
use crate::db::{Db, Tx};
use crate::error::AppResult;
use crate::i18n::LocalDateTime;
use crate::relationships::relationship::reachable;
use chrono::{DateTime, Utc};
use std::collections::{BTreeSet, HashMap};

/// People's names ("first last") by id, read at once.
pub(super) async fn names_of(
    tx: &mut Tx,
    people: impl IntoIterator<Item = i64>,
) -> AppResult<HashMap<i64, String>> {
    let ids: Vec<i64> = people
        .into_iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    Ok(super::admin_repo::names(tx, &ids)
        .await?
        .into_iter()
        .map(|(id, first, last)| (id, crate::fold::person_name(&first, &last)))
        .collect())
}

/// The meetings tile for one of the pair or the program's administrator; anyone else
/// gets "not found".
pub async fn relationship_meetings(
    db: &Db,
    scope: &MemberScope,
    relationship_id: i64,
    now: DateTime<Utc>,
) -> AppResult<RelationshipMeetings> {
    let viewer = &scope.session.viewer;
    let mut tx = db.read().await?;
    let row = reachable(&mut tx, scope, relationship_id).await?;
    let meetings = repo::meetings_of_relationship(&mut tx, relationship_id).await?;
    let logged = super::logged_repo::logged_of_relationship(&mut tx, relationship_id).await?;
    let ids: Vec<i64> = meetings.iter().map(|m| m.id).collect();
    let answers = repo::answers(&mut tx, &ids).await?;
    let people = answers
        .iter()
        .map(|(_, user, _)| *user)
        .chain(meetings.iter().map(|m| m.organiser_id));
    let names = names_of(&mut tx, people).await?;
    tx.commit().await?;

    let zone = &viewer.time_zone;
    let mut tile = RelationshipMeetings {
        upcoming: Vec::new(),
        past: Vec::new(),
        held: logged.len() as u32,
        held_minutes: logged.iter().map(|l| l.minutes).sum(),
        logged: logged
            .into_iter()
            .map(|l| LoggedMeetingView {
                id: l.id,
                day: l.day,
                minutes: l.minutes,
                meeting_type: l.meeting_type,
                note: l.note,
                logged_by: l.logged_by,
            })
            .collect(),
        can_book: row.status.is_current(),
    };
    for m in meetings {
        let Some(status) = MeetingStatus::of(m.state, m.ends_at, now) else {
            continue;
        };
        let minutes = m.minutes();
        let participants: Vec<Participant> = answers
            .iter()
            .filter(|(meeting, _, _)| *meeting == m.id)
            .map(|(_, user, answer)| Participant {
                name: names.get(user).cloned().unwrap_or_default(),
                answer: *answer,
                is_viewer: *user == viewer.user_id,
            })
            .collect();
        let upcoming = status == MeetingStatus::Scheduled;
        let mine = participants.iter().find(|p| p.is_viewer).map(|p| p.answer);
        let view = MeetingView {
            id: m.id,
            start: LocalDateTime::from_utc(m.starts_at, zone),
            end: LocalDateTime::from_utc(m.ends_at, zone),
            minutes,
            status,
            meeting_type: m.meeting_type,
            location: m.location,
            agenda: m.agenda,
            in_series: m.frequency != Frequency::Once,
            organiser_name: names.get(&m.organiser_id).cloned().unwrap_or_default(),
            viewer_answer: mine.filter(|_| upcoming),
            can_change: upcoming && (mine.is_some() || scope.role == Role::Admin),
            moved: m.moved,
            participants,
        };
        if status == MeetingStatus::Held {
            tile.held += 1;
            tile.held_minutes += minutes;
        }
        if upcoming {
            tile.upcoming.push(view);
        } else {
            tile.past.push(view);
        }
    }
    tile.past.reverse();
    Ok(tile)
}
