//! A relationship once it exists: its page, and ending it.
use super::invitation_repo::{self as repo, RelationshipRow};
use super::invitations::{full_name, summary_of};
use super::model::{relationship_path, RelationshipView, DECLINE_REASON_MAX};
use crate::auth::authz::MemberScope;
use crate::auth::model::Role;
use crate::db::{Db, Tx};
use crate::error::{optional_text, AppError, AppResult, Refusal};
use crate::i18n::LocalDateTime;
use crate::messaging::service::{queue_system_message, MessageDetails};
use crate::messaging::template::RELATIONSHIP_ENDED;
use chrono::{DateTime, Utc};

/// The relationship if the signed-in member is one of its two members or the program's
/// administrator; anyone else gets "not found".
pub async fn reachable(tx: &mut Tx, scope: &MemberScope, id: i64) -> AppResult<RelationshipRow> {
    let me = scope.session.viewer.user_id;
    repo::relationship(tx, scope.program_id, id)
        .await?
        .filter(|r| r.mentor_id == me || r.mentee_id == me || scope.role == Role::Admin)
        .ok_or(AppError::NotFound)
}

/// A relationship's page for one of its two members or the program's administrator;
/// anyone else gets "not found".
pub async fn relationship_view(
    db: &Db,
    scope: &MemberScope,
    id: i64,
) -> AppResult<RelationshipView> {
    let viewer = &scope.session.viewer;
    let me = viewer.user_id;
    let mut tx = db.read().await?;
    let row = reachable(&mut tx, scope, id).await?;
    let p = scope.program_id;
    let (partner, other) = if row.mentor_id == me {
        (summary_of(&mut tx, p, row.mentee_id).await?, None)
    } else if row.mentee_id == me {
        (summary_of(&mut tx, p, row.mentor_id).await?, None)
    } else {
        let mentee = summary_of(&mut tx, p, row.mentee_id).await?;
        (mentee, Some(summary_of(&mut tx, p, row.mentor_id).await?))
    };
    tx.commit().await?;
    let zone = &viewer.time_zone;
    Ok(RelationshipView {
        id: row.id,
        status: row.status,
        partner,
        other,
        started: LocalDateTime::from_utc(row.started_at, zone),
        ended: row.ended_at.map(|at| LocalDateTime::from_utc(at, zone)),
        end_reason: row.end_reason,
        invitation_id: row.invitation_id,
    })
}

/// Ends a current relationship: either of its members or the program's administrator,
/// with an optional reason; it moves to stage 3 and both members are told once.
pub async fn end_relationship(
    db: &Db,
    base_url: &str,
    scope: &MemberScope,
    id: i64,
    reason: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let me = scope.session.viewer.user_id;
    let mut tx = db.begin().await?;
    let row = reachable(&mut tx, scope, id).await?;
    let reason = optional_text("reason", reason, DECLINE_REASON_MAX)?;
    if !repo::end_relationship(&mut tx, id, Some(me), &reason, now).await? {
        return Err(AppError::Refused(Refusal::AlreadyEnded));
    }
    let pair = (row.mentor_id, row.mentee_id);
    let reason = Some(reason);
    tell_both(
        &mut tx,
        base_url,
        scope.program_id,
        RELATIONSHIP_ENDED,
        id,
        pair,
        reason,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Queues the system message `key` to both members of the relationship `id` (`pair`: its
/// mentor and mentee), each naming the other, with the link to its page and `message`.
pub async fn tell_both(
    tx: &mut Tx,
    base_url: &str,
    program_id: i64,
    key: &str,
    id: i64,
    (mentor, mentee): (i64, i64),
    message: Option<String>,
) -> AppResult<()> {
    let url = format!("{base_url}{}", relationship_path(id));
    for (to, partner) in [(mentor, mentee), (mentee, mentor)] {
        let details = MessageDetails {
            url: Some(url.clone()),
            partner_name: Some(full_name(tx, program_id, partner).await?),
            message: message.clone(),
            ..Default::default()
        };
        queue_system_message(tx, base_url, program_id, key, to, details).await?;
    }
    Ok(())
}
