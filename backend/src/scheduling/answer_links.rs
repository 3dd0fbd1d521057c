//! The accept / decline / maybe links of meeting e-mails. Each records one answer (its
//! only purpose) of the person it was sent to, to one meeting or the rest of its series,
//! without signing them in. A link is a random token of which only the hash is kept; it
//! dies when it expires (at the end of what it answers, 60 days at most) and as soon as
//! the meeting changes after it was sent (the event's SEQUENCE moved on), so an old
//! e-mail never answers for a new time.
use super::answer_link::{answer_link_path, AnswerLinkView};
use super::answer_link_repo::{self as repo, AnswerLinkRow, NewAnswerLink};
use super::booking::{answer_in, occurrences_in_range, upcoming_meeting, Actor};
use super::invite::Invite;
use super::model::{Answer, SeriesScope};
use super::repo::{answers, meeting, MeetingRow};
use crate::auth::session::{hash_token, new_token};
use crate::db::{Db, Tx};
use crate::error::{AppError, AppResult, Refusal};
use crate::i18n::LocalDateTime;
use chrono::{DateTime, Duration, Utc};

/// The longest a link works.
pub const ANSWER_LINK_TTL_DAYS: i64 = 60;

/// The links an e-mail carries: answers to `meeting_id` (with `whole_series`, to it and
/// the rest of its series), until the end of the last meeting they answer.
#[derive(Clone, Copy, Debug)]
pub struct AnswerLinks {
    pub meeting_id: i64,
    pub whole_series: bool,
    pub last_end: DateTime<Utc>,
}

impl AnswerLinks {
    /// One link per answer for `user_id`, valid for the event as `invite` describes it;
    /// (answer, absolute URL).
    pub async fn issue(
        self,
        tx: &mut Tx,
        base_url: &str,
        (program_id, user_id): (i64, i64),
        invite: &Invite,
        now: DateTime<Utc>,
    ) -> AppResult<Vec<(Answer, String)>> {
        let expires_at = self
            .last_end
            .min(now + Duration::days(ANSWER_LINK_TTL_DAYS));
        let mut links = Vec::with_capacity(Answer::GIVEN.len());
        for answer in Answer::GIVEN {
            let token = new_token();
            let link = NewAnswerLink {
                token_hash: &hash_token(&token),
                program_id,
                meeting_id: self.meeting_id,
                user_id,
                answer,
                whole_series: self.whole_series,
                sequence: invite.sequence() as i32,
                now,
                expires_at,
            };
            repo::insert(tx, &link).await?;
            links.push((answer, format!("{base_url}{}", answer_link_path(&token))));
        }
        Ok(links)
    }
}

/// The link behind `token` while it works: its row, the first meeting it answers now
/// (for a series, the next one still to come) and how far the answer reaches.
async fn working_link(
    tx: &mut Tx,
    token: &str,
    now: DateTime<Utc>,
) -> AppResult<(AnswerLinkRow, MeetingRow, SeriesScope)> {
    // An unknown token reads like a dead link, as password links do.
    let link = repo::find(tx, &hash_token(token))
        .await?
        .ok_or(AppError::LinkExpired)?;
    if link.expires_at <= now {
        return Err(AppError::LinkExpired);
    }
    if link.sequence != link.current_sequence {
        return Err(AppError::Refused(Refusal::MeetingChanged));
    }
    let first = meeting(tx, link.program_id, link.meeting_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !link.whole_series {
        return Ok((link, first, SeriesScope::This));
    }
    let next = occurrences_in_range(tx, &first, SeriesScope::All, now)
        .await?
        .into_iter()
        .next()
        .ok_or(AppError::Refused(Refusal::MeetingOver))?;
    Ok((link, next, SeriesScope::All))
}

fn actor(link: &AnswerLinkRow) -> Actor {
    Actor {
        program_id: link.program_id,
        user_id: link.user_id,
        is_admin: false,
    }
}

/// What the link's page shows; opening it records nothing (mail scanners open links).
pub async fn link_view(db: &Db, token: &str, now: DateTime<Utc>) -> AppResult<AnswerLinkView> {
    let mut tx = db.read().await?;
    let (link, first, range) = working_link(&mut tx, token, now).await?;
    let (first, participants) =
        upcoming_meeting(&mut tx, &actor(&link), first.id, false, now).await?;
    let count = occurrences_in_range(&mut tx, &first, range, now)
        .await?
        .len();
    let current = answers(&mut tx, &[first.id])
        .await?
        .into_iter()
        .find(|(_, user, _)| *user == link.user_id)
        .map(|(_, _, answer)| answer)
        .unwrap_or(Answer::Pending);
    let others = participants.iter().copied().filter(|u| *u != link.user_id);
    let names = super::meetings::names_of(&mut tx, others).await?;
    let zone = super::repo::zone_of(&mut tx, link.user_id).await?;
    tx.commit().await?;
    let mut with: Vec<String> = names.into_values().collect();
    with.sort();
    Ok(AnswerLinkView {
        answer: link.answer,
        start: LocalDateTime::from_utc(first.starts_at, &zone),
        end: LocalDateTime::from_utc(first.ends_at, &zone),
        zone_label: zone.label(now),
        count: count as u32,
        with,
        current,
    })
}

/// Records the link's answer, as the person's own answer on the site would (the other
/// participants are told); returns it.
pub async fn answer_by_link(
    db: &Db,
    base_url: &str,
    token: &str,
    now: DateTime<Utc>,
) -> AppResult<Answer> {
    let mut tx = db.begin().await?;
    let (link, first, range) = working_link(&mut tx, token, now).await?;
    let asked = (first.id, link.answer, range);
    answer_in(&mut tx, base_url, &actor(&link), asked, now).await?;
    repo::mark_used(&mut tx, &hash_token(token), now).await?;
    tx.commit().await?;
    Ok(link.answer)
}
