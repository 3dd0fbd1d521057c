//! "Ask a question": while an invitation waits, its recipient can ask the sender
//! something (and the sender answer) without deciding. Each message is e-mailed to the
//! other member in the transaction that stores it; the invitation stays pending.
use super::invitation_repo as repo;
use super::invitations::{full_name, open_for, Side};
use super::model::{invitation_path, INVITATION_QUESTION_MAX, INVITATION_THREAD_MAX};
use crate::auth::authz::MemberScope;
use crate::db::Db;
use crate::error::{optional_text, AppError, AppResult, Refusal, ValidationCode};
use crate::messaging::service::{queue_system_message, MessageDetails};
use crate::messaging::template::INVITATION_QUESTION;
use chrono::{DateTime, Utc};

/// Adds the signed-in member's `body` to a pending invitation they sent or received and
/// tells the other member.
pub async fn ask(
    db: &Db,
    base_url: &str,
    scope: &MemberScope,
    id: i64,
    body: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    // Who may ask comes first, so a stranger learns nothing from a validation error.
    let row = open_for(&mut tx, scope, id, Side::Either, now).await?;
    let body = optional_text("question", body, INVITATION_QUESTION_MAX)?;
    if body.is_empty() {
        return Err(AppError::validation("question", ValidationCode::Required));
    }
    let me = scope.session.viewer.user_id;
    if repo::thread_len(&mut tx, id).await? >= INVITATION_THREAD_MAX as i64 {
        return Err(AppError::Refused(Refusal::ThreadFull));
    }
    repo::insert_message(&mut tx, id, me, &body, now).await?;
    let other = if row.sender_id == me {
        row.recipient_id
    } else {
        row.sender_id
    };
    let details = MessageDetails {
        url: Some(format!("{base_url}{}", invitation_path(id))),
        expires_at: Some(row.expires_at),
        partner_name: Some(full_name(&mut tx, row.program_id, me).await?),
        message: Some(body),
        ..Default::default()
    };
    queue_system_message(
        &mut tx,
        base_url,
        row.program_id,
        INVITATION_QUESTION,
        other,
        details,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
