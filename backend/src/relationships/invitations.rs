//! Invitations: a mentee invites a mentor (or a mentor a mentee) with a message; the
//! recipient accepts, which starts the relationship, or declines with an optional
//! reason; the sender may withdraw; unanswered ones get one reminder halfway and expire.
//! Every rule is checked inside the transaction that writes, and each e-mail is queued
//! in that same transaction, so a refused action writes nothing and a done one tells
//! each person exactly once.
use super::invitation_repo::{self as repo, InvitationRow, NewInvitation, NewRelationship};
use super::model::{
    has_room, invitation_path, relationship_path, reminder_due, InvitationMessage,
    InvitationStatus, InvitationView, PartnerSummary, DECLINE_REASON_MAX, INVITATION_MESSAGE_MAX,
};
use crate::auth::authz::MemberScope;
use crate::auth::model::Role;
use crate::db::{Db, Tx};
use crate::error::{optional_text, AppError, AppResult, Refusal, ValidationCode};
use crate::i18n::LocalDateTime;
use crate::matching::search::search_path;
use crate::messaging::service::{queue_system_message, MessageDetails};
use crate::messaging::template::{
    INVITATION_ACCEPTED, INVITATION_DECLINED, INVITATION_EXPIRED, INVITATION_PARTNER_LEFT,
    INVITATION_RECEIVED, INVITATION_REMINDER, INVITATION_WITHDRAWN, RELATIONSHIP_CONFIRMED,
};
use chrono::{DateTime, Duration, Utc};

/// Sends `message` from the signed-in member to `recipient_id`; returns the invitation.
pub async fn send(
    db: &Db,
    base_url: &str,
    scope: &MemberScope,
    recipient_id: i64,
    message: &str,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    let message = optional_text("message", message, INVITATION_MESSAGE_MAX)?;
    if message.is_empty() {
        return Err(AppError::validation("message", ValidationCode::Required));
    }
    let sender_id = scope.session.viewer.user_id;
    let program_id = scope.program_id;
    let mut tx = db.begin().await?;
    let (mentor_id, mentee_id) = may_invite(&mut tx, scope, recipient_id).await?;
    let days = repo::invitation_days(&mut tx, program_id).await?;
    let expires_at = now + Duration::days(days);
    let id = repo::insert_invitation(
        &mut tx,
        &NewInvitation {
            program_id,
            sender_id,
            recipient_id,
            mentor_id,
            mentee_id,
            message: &message,
            created_at: now,
            remind_at: reminder_due(now, expires_at),
            expires_at,
        },
    )
    .await
    .map_err(|e| match AppError::from(e) {
        // Another tab sent the same invitation a moment earlier.
        AppError::Conflict => AppError::Refused(Refusal::AlreadyInvited),
        other => other,
    })?;
    let sender = full_name(&mut tx, program_id, sender_id).await?;
    let link = MessageDetails {
        url: Some(format!("{base_url}{}", invitation_path(id))),
        expires_at: Some(expires_at),
        partner_name: Some(sender),
        message: Some(message),
        ..Default::default()
    };
    queue_system_message(
        &mut tx,
        base_url,
        program_id,
        INVITATION_RECEIVED,
        recipient_id,
        link,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The pair (mentor, mentee) if the signed-in member may invite `recipient_id` now.
async fn may_invite(tx: &mut Tx, scope: &MemberScope, recipient_id: i64) -> AppResult<(i64, i64)> {
    let sender_id = scope.session.viewer.user_id;
    let program_id = scope.program_id;
    let (access, default_max) = super::repo::search_settings(tx, program_id).await?;
    let sender_role = repo::active_role(tx, program_id, sender_id)
        .await?
        .ok_or(AppError::Forbidden)?;
    let recipient_role = repo::active_role(tx, program_id, recipient_id).await?;
    let (mentor_id, mentee_id) = match (sender_role, recipient_role) {
        (Role::Mentee, Some(Role::Mentor)) => (recipient_id, sender_id),
        (Role::Mentor, Some(Role::Mentee)) => (sender_id, recipient_id),
        _ => return Err(AppError::Refused(Refusal::NotAPartner)),
    };
    if !access.allows(sender_role) {
        return Err(AppError::Refused(Refusal::AdminMatches));
    }
    if repo::partners_now(tx, program_id, mentor_id, mentee_id).await? {
        return Err(AppError::Refused(Refusal::AlreadyPartners));
    }
    if repo::pending_between(tx, program_id, mentor_id, mentee_id)
        .await?
        .is_some()
    {
        return Err(AppError::Refused(Refusal::AlreadyInvited));
    }
    check_room(tx, program_id, sender_id, recipient_id, default_max).await?;
    Ok((mentor_id, mentee_id))
}

/// The member the signed-in member is about to invite, if they may.
pub async fn invite_target(
    db: &Db,
    scope: &MemberScope,
    user_id: i64,
) -> AppResult<PartnerSummary> {
    let mut tx = db.read().await?;
    may_invite(&mut tx, scope, user_id).await?;
    let person = repo::person(&mut tx, scope.program_id, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(summary(person))
}

pub(super) async fn summary_of(
    tx: &mut Tx,
    program_id: i64,
    user_id: i64,
) -> AppResult<PartnerSummary> {
    repo::person(tx, program_id, user_id)
        .await?
        .map(summary)
        .ok_or(AppError::NotFound)
}

fn summary(p: repo::PersonRow) -> PartnerSummary {
    PartnerSummary {
        user_id: p.user_id,
        first_name: p.first_name,
        last_name: p.last_name,
        role: p.role,
        photo_url: p
            .photo_key
            .as_deref()
            .map(|key| crate::profiles::photo_url::photo_url(p.user_id, key)),
        job_title: p.job_title,
        company: p.company,
        city: p.city,
        province: p.province,
        country: p.country,
    }
}

/// Both members must have room: the one acting (`you`) and the other (`partner`).
async fn check_room(
    tx: &mut Tx,
    program_id: i64,
    you: i64,
    partner: i64,
    default_max: i64,
) -> AppResult<()> {
    let (current, max) = repo::partners_and_max(tx, program_id, you).await?;
    if !has_room(current, max, default_max) {
        return Err(AppError::Refused(Refusal::YouAreAtCapacity));
    }
    let (current, max) = repo::partners_and_max(tx, program_id, partner).await?;
    if !has_room(current, max, default_max) {
        return Err(AppError::Refused(Refusal::PartnerAtCapacity));
    }
    Ok(())
}

pub async fn full_name(tx: &mut Tx, program_id: i64, user_id: i64) -> AppResult<String> {
    let person = repo::person(tx, program_id, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(crate::fold::person_name(
        &person.first_name,
        &person.last_name,
    ))
}

/// The invitation as the signed-in member (one of its two members, or the program's
/// administrator) reads it; anyone else gets "not found".
pub async fn view(db: &Db, scope: &MemberScope, id: i64) -> AppResult<InvitationView> {
    let viewer = &scope.session.viewer;
    let mut tx = db.read().await?;
    let row = readable(&mut tx, scope, id).await?;
    let viewer_is_sender = row.sender_id == viewer.user_id;
    let partner_id = if viewer_is_sender {
        row.recipient_id
    } else {
        row.sender_id
    };
    let p = repo::person(&mut tx, scope.program_id, partner_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let thread = repo::thread(&mut tx, row.id).await?;
    tx.commit().await?;
    let zone = &viewer.time_zone;
    Ok(InvitationView {
        id: row.id,
        status: row.status,
        viewer_is_sender,
        viewer_is_recipient: row.recipient_id == viewer.user_id,
        partner: summary(p),
        message: row.message,
        answer: row.answer,
        sent: LocalDateTime::from_utc(row.created_at, zone),
        expires: LocalDateTime::from_utc(row.expires_at, zone),
        answered: row.responded_at.map(|at| LocalDateTime::from_utc(at, zone)),
        relationship_id: row.relationship_id,
        thread: thread
            .into_iter()
            .map(|m| InvitationMessage {
                author_first_name: m.author_first_name,
                author_is_viewer: m.author_id == viewer.user_id,
                body: m.body,
                sent: LocalDateTime::from_utc(m.created_at, zone),
            })
            .collect(),
    })
}

/// The invitation if the signed-in member may read it.
async fn readable(tx: &mut Tx, scope: &MemberScope, id: i64) -> AppResult<InvitationRow> {
    let me = scope.session.viewer.user_id;
    let row = repo::invitation(tx, scope.program_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if row.sender_id == me || row.recipient_id == me || scope.role == Role::Admin {
        Ok(row)
    } else {
        Err(AppError::NotFound)
    }
}

/// Which of an invitation's two members may act on it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    /// Answering it.
    Recipient,
    /// Withdrawing it.
    Sender,
    /// Asking or answering a question about it.
    Either,
}

/// The pending invitation the signed-in member may act on as `side`; past its deadline
/// it is refused as expired.
pub(super) async fn open_for(
    tx: &mut Tx,
    scope: &MemberScope,
    id: i64,
    side: Side,
    now: DateTime<Utc>,
) -> AppResult<InvitationRow> {
    let me = scope.session.viewer.user_id;
    let row = repo::invitation(tx, scope.program_id, id)
        .await?
        .filter(|r| r.sender_id == me || r.recipient_id == me)
        .ok_or(AppError::NotFound)?;
    let allowed = match side {
        Side::Recipient => row.recipient_id == me,
        Side::Sender => row.sender_id == me,
        Side::Either => true,
    };
    if !allowed {
        return Err(AppError::Forbidden);
    }
    if row.status != InvitationStatus::Pending {
        return Err(AppError::Refused(Refusal::NoLongerPending));
    }
    if row.expires_at <= now {
        return Err(AppError::Refused(Refusal::Expired));
    }
    Ok(row)
}

/// Accepts an invitation the signed-in member received: the relationship starts now.
/// Places are counted with both memberships held, so two accepts competing for a
/// mentor's last place give one relationship and one clear refusal.
pub async fn accept(
    db: &Db,
    base_url: &str,
    scope: &MemberScope,
    id: i64,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    let mut tx = db.begin().await?;
    let me = scope.session.viewer.user_id;
    let peek = repo::invitation(&mut tx, scope.program_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    repo::lock_pair(&mut tx, scope.program_id, peek.mentor_id, peek.mentee_id).await?;
    let row = open_for(&mut tx, scope, id, Side::Recipient, now).await?;
    if repo::active_role(&mut tx, row.program_id, row.sender_id)
        .await?
        .is_none()
    {
        return Err(AppError::Refused(Refusal::NotAPartner));
    }
    if repo::partners_now(&mut tx, row.program_id, row.mentor_id, row.mentee_id).await? {
        return Err(AppError::Refused(Refusal::AlreadyPartners));
    }
    let (_, default_max) = super::repo::search_settings(&mut tx, row.program_id).await?;
    check_room(&mut tx, row.program_id, me, row.sender_id, default_max).await?;
    if !repo::close(&mut tx, id, InvitationStatus::Accepted, "", now).await? {
        return Err(AppError::Refused(Refusal::NoLongerPending));
    }
    let relationship = repo::insert_relationship(
        &mut tx,
        &NewRelationship {
            program_id: row.program_id,
            mentor_id: row.mentor_id,
            mentee_id: row.mentee_id,
            invitation_id: Some(id),
            matched_by: None,
            started_at: now,
        },
    )
    .await?;
    let url = format!("{base_url}{}", relationship_path(relationship));
    let (sender, recipient) = (
        full_name(&mut tx, row.program_id, row.sender_id).await?,
        full_name(&mut tx, row.program_id, me).await?,
    );
    for (to, key, partner) in [
        (row.sender_id, INVITATION_ACCEPTED, recipient),
        (me, RELATIONSHIP_CONFIRMED, sender),
    ] {
        let details = MessageDetails {
            url: Some(url.clone()),
            partner_name: Some(partner),
            ..Default::default()
        };
        queue_system_message(&mut tx, base_url, row.program_id, key, to, details).await?;
    }
    tx.commit().await?;
    Ok(relationship)
}

/// Declines an invitation the signed-in member received; the reason (optional) goes to
/// the sender.
pub async fn decline(
    db: &Db,
    base_url: &str,
    scope: &MemberScope,
    id: i64,
    reason: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let row = open_for(&mut tx, scope, id, Side::Recipient, now).await?;
    let reason = optional_text("reason", reason, DECLINE_REASON_MAX)?;
    if !repo::close(&mut tx, id, InvitationStatus::Declined, &reason, now).await? {
        return Err(AppError::Refused(Refusal::NoLongerPending));
    }
    let details = MessageDetails {
        url: Some(format!(
            "{base_url}{}",
            search_path_for(row.sender_id, &row)
        )),
        partner_name: Some(full_name(&mut tx, row.program_id, row.recipient_id).await?),
        message: Some(reason),
        ..Default::default()
    };
    queue_system_message(
        &mut tx,
        base_url,
        row.program_id,
        INVITATION_DECLINED,
        row.sender_id,
        details,
    )
    .await?;
    tx.commit().await.map_err(AppError::from)
}

/// The search page of the member `user_id` of the invitation `row`.
fn search_path_for(user_id: i64, row: &InvitationRow) -> &'static str {
    search_path(if user_id == row.mentee_id {
        Role::Mentor
    } else {
        Role::Mentee
    })
}

/// Withdraws an invitation the signed-in member sent; the recipient is told.
pub async fn withdraw(
    db: &Db,
    base_url: &str,
    scope: &MemberScope,
    id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let row = open_for(&mut tx, scope, id, Side::Sender, now).await?;
    if !withdraw_row(&mut tx, base_url, &row, row.sender_id, now).await? {
        return Err(AppError::Refused(Refusal::NoLongerPending));
    }
    tx.commit().await?;
    Ok(())
}

/// Withdraws `row` on behalf of `leaving` (its sender taking it back, or a member who left)
/// and tells the other member, naming `leaving`; false when it was no longer pending.
async fn withdraw_row(
    tx: &mut Tx,
    base_url: &str,
    row: &InvitationRow,
    leaving: i64,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    if !repo::close(tx, row.id, InvitationStatus::Withdrawn, "", now).await? {
        return Ok(false);
    }
    // The recipient hears the invitation was withdrawn; a sender whose recipient left
    // hears that their invitation closed.
    let (other, key) = if row.sender_id == leaving {
        (row.recipient_id, INVITATION_WITHDRAWN)
    } else {
        (row.sender_id, INVITATION_PARTNER_LEFT)
    };
    let details = MessageDetails {
        url: Some(format!("{base_url}{}", search_path_for(other, row))),
        partner_name: Some(full_name(tx, row.program_id, leaving).await?),
        ..Default::default()
    };
    queue_system_message(tx, base_url, row.program_id, key, other, details).await?;
    Ok(true)
}

/// Withdraws every pending invitation a member sent or received in the program, inside
/// the caller's transaction (the member was deactivated or left): each other member is
/// told once.
pub async fn withdraw_all_of(
    tx: &mut Tx,
    base_url: &str,
    program_id: i64,
    user_id: i64,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    let pending = repo::pending_of(tx, program_id, user_id).await?;
    for id in &pending {
        let row = repo::invitation(tx, program_id, *id)
            .await?
            .ok_or(AppError::NotFound)?;
        withdraw_row(tx, base_url, &row, user_id, now).await?;
    }
    Ok(pending.len())
}

/// What one sweep did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Sweep {
    pub reminded: usize,
    pub expired: usize,
}

/// Sends the reminders that are due and expires invitations past their deadline. Each
/// invitation is claimed by the same statement that changes it, in the transaction that
/// queues its e-mail: several instances sweeping at once, or a restart mid-way, never
/// send one twice.
pub async fn sweep(db: &Db, base_url: &str, now: DateTime<Utc>) -> AppResult<Sweep> {
    const BATCH: i64 = 200;
    let mut done = Sweep::default();
    for (id, program_id) in repo::due_expiries(db, now, BATCH).await? {
        let mut tx = db.begin().await?;
        let Some(row) = repo::invitation(&mut tx, program_id, id).await? else {
            continue;
        };
        if !repo::close(&mut tx, id, InvitationStatus::Expired, "", now).await? {
            continue;
        }
        let details = MessageDetails {
            url: Some(format!(
                "{base_url}{}",
                search_path_for(row.sender_id, &row)
            )),
            partner_name: Some(full_name(&mut tx, program_id, row.recipient_id).await?),
            ..Default::default()
        };
        queue_system_message(
            &mut tx,
            base_url,
            program_id,
            INVITATION_EXPIRED,
            row.sender_id,
            details,
        )
        .await?;
        tx.commit().await?;
        done.expired += 1;
    }
    for (id, program_id) in repo::due_reminders(db, now, BATCH).await? {
        let mut tx = db.begin().await?;
        let Some(row) = repo::invitation(&mut tx, program_id, id).await? else {
            continue;
        };
        if !repo::mark_reminded(&mut tx, id, now).await? {
            continue;
        }
        let details = MessageDetails {
            url: Some(format!("{base_url}{}", invitation_path(id))),
            expires_at: Some(row.expires_at),
            partner_name: Some(full_name(&mut tx, program_id, row.sender_id).await?),
            ..Default::default()
        };
        queue_system_message(
            &mut tx,
            base_url,
            program_id,
            INVITATION_REMINDER,
            row.recipient_id,
            details,
        )
        .await?;
        tx.commit().await?;
        done.reminded += 1;
    }
    Ok(done)
}
