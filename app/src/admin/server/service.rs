//! The program's invitation link.
use super::repo;
use crate::admin::model::InvitationLink;
use crate::auth::server::session::new_token;
use crate::db::Db;
use crate::error::AppResult;

/// The link, made on first use.
pub async fn invitation_link(
    db: &Db,
    base_url: &str,
    program_id: i64,
) -> AppResult<InvitationLink> {
    let (token, enabled) = repo::invite_settings(db, program_id).await?;
    let token = match token {
        Some(token) => token,
        None => {
            let token = new_token();
            repo::set_invite_token(db, program_id, &token).await?;
            token
        }
    };
    Ok(InvitationLink {
        url: format!("{base_url}/join/{token}"),
        enabled,
    })
}

/// A new link: the old one stops working at once.
pub async fn regenerate(db: &Db, program_id: i64) -> AppResult<()> {
    repo::set_invite_token(db, program_id, &new_token()).await?;
    Ok(())
}
