use crate::error::AppError;
use crate::relationships::model::Connections;
use leptos::prelude::*;

/// The viewer's pending invitations and relationships in the current program.
#[server(endpoint = "my_connections")]
pub async fn list_my_connections() -> Result<Connections, AppError> {
    use crate::auth::model::Role;
    use crate::auth::server::authz;
    use crate::i18n::LocalDateTime;
    use crate::relationships::model::{Connection, PendingInvitation};
    use crate::state::app_state;
    let scope = authz::require_member()?;
    let viewer = &scope.session.viewer;
    let db = &app_state()?.db;
    let rows = super::server::repo::list_for_member(db, scope.program_id, viewer.user_id).await?;
    let pending =
        super::server::repo::pending_for_member(db, scope.program_id, viewer.user_id).await?;
    let role = |is_mentor: bool| {
        if is_mentor {
            Role::Mentor
        } else {
            Role::Mentee
        }
    };
    Ok(Connections {
        invitations: pending
            .into_iter()
            .map(|r| PendingInvitation {
                id: r.id,
                partner_name: format!("{} {}", r.first_name, r.last_name),
                partner_role: role(r.partner_is_mentor),
                sent_by_viewer: r.sent_by_viewer,
                expires: LocalDateTime::from_utc(r.expires_at, &viewer.time_zone),
            })
            .collect(),
        relationships: rows
            .into_iter()
            .map(|r| Connection {
                relationship_id: r.id,
                partner_name: format!("{} {}", r.first_name, r.last_name),
                partner_role: role(!r.viewer_is_mentor),
                partner_job_title: r.job_title,
                partner_company: r.company,
                status: r.status,
                started: LocalDateTime::from_utc(r.started_at, &viewer.time_zone),
            })
            .collect(),
    })
}

/// Who the signed-in member is about to invite: their card, or the reason they cannot be
/// invited (already partners, an invitation waiting, no room, search closed).
#[server(endpoint = "invite_target")]
pub async fn get_invite_target(
    user_id: i64,
) -> Result<crate::relationships::model::PartnerSummary, AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_member()?;
    super::server::invitations::invite_target(&app_state()?.db, &scope, user_id).await
}

/// Sends an invitation with `message`; then shows it.
#[server(endpoint = "send_invitation")]
pub async fn send_invitation(user_id: i64, message: String) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_member()?;
    let state = app_state()?;
    let id = super::server::invitations::send(
        &state.db,
        &state.base_url,
        &scope,
        user_id,
        &message,
        chrono::Utc::now(),
    )
    .await?;
    leptos_axum::redirect(&format!(
        "{}?sent=1",
        crate::relationships::model::invitation_path(id)
    ));
    Ok(())
}

/// One invitation, for its two members and the program's administrators.
#[server(endpoint = "member_invitation")]
pub async fn get_invitation(
    id: i64,
) -> Result<crate::relationships::model::InvitationView, AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_member()?;
    super::server::invitations::view(&app_state()?.db, &scope, id).await
}

/// The recipient accepts: the relationship starts and its page opens.
#[server(endpoint = "accept_invitation")]
pub async fn accept_invitation(id: i64) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_member()?;
    let state = app_state()?;
    let relationship = super::server::invitations::accept(
        &state.db,
        &state.base_url,
        &scope,
        id,
        chrono::Utc::now(),
    )
    .await?;
    leptos_axum::redirect(&format!(
        "{}?accepted=1",
        crate::relationships::model::relationship_path(relationship)
    ));
    Ok(())
}

/// The recipient declines, with an optional `reason` the sender reads.
#[server(endpoint = "decline_invitation")]
pub async fn decline_invitation(id: i64, reason: String) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_member()?;
    let state = app_state()?;
    super::server::invitations::decline(
        &state.db,
        &state.base_url,
        &scope,
        id,
        &reason,
        chrono::Utc::now(),
    )
    .await?;
    leptos_axum::redirect(&format!(
        "{}?declined=1",
        crate::relationships::model::invitation_path(id)
    ));
    Ok(())
}

/// The sender takes the invitation back.
#[server(endpoint = "withdraw_invitation")]
pub async fn withdraw_invitation(id: i64) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_member()?;
    let state = app_state()?;
    super::server::invitations::withdraw(
        &state.db,
        &state.base_url,
        &scope,
        id,
        chrono::Utc::now(),
    )
    .await?;
    leptos_axum::redirect(&format!(
        "{}?withdrawn=1",
        crate::relationships::model::invitation_path(id)
    ));
    Ok(())
}

/// Either member asks (or answers) a question about a pending invitation, which stays
/// open.
#[server(endpoint = "ask_about_invitation")]
pub async fn ask_about_invitation(id: i64, question: String) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_member()?;
    let state = app_state()?;
    super::server::invitation_questions::ask(
        &state.db,
        &state.base_url,
        &scope,
        id,
        &question,
        chrono::Utc::now(),
    )
    .await
    .inspect_err(|_| crate::state::keep_draft(&[("question", question.as_str())]))?;
    leptos_axum::redirect(&format!(
        "{}?asked=1",
        crate::relationships::model::invitation_path(id)
    ));
    Ok(())
}

/// One relationship's page, for its two members and the program's administrators.
#[server(endpoint = "relationship")]
pub async fn get_relationship(
    id: i64,
) -> Result<crate::relationships::model::RelationshipView, AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_member()?;
    super::server::relationship::relationship_view(&app_state()?.db, &scope, id).await
}

/// Ends a relationship (either member or the program's administrator), with an optional
/// `reason` both members read.
#[server(endpoint = "end_relationship")]
pub async fn end_relationship(id: i64, reason: String) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_member()?;
    let state = app_state()?;
    super::server::relationship::end_relationship(
        &state.db,
        &state.base_url,
        &scope,
        id,
        &reason,
        chrono::Utc::now(),
    )
    .await?;
    leptos_axum::redirect(&format!(
        "{}?ended=1",
        crate::relationships::model::relationship_path(id)
    ));
    Ok(())
}
