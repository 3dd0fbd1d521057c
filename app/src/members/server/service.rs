//! Rules for deactivating, reactivating and deleting members.
use super::repo::{self, MemberRecord};
use crate::auth::model::Role;
use crate::auth::server::authz::MemberScope;
use crate::auth::server::repo as auth_repo;
use crate::db::{Db, Tx};
use crate::error::{AppError, AppResult, ValidationCode};
use chrono::Utc;

/// The member (of the admin's program) an action is about, refusing the admin themself.
async fn target(tx: &mut Tx, scope: &MemberScope, user_id: i64) -> AppResult<MemberRecord> {
    if user_id == scope.session.viewer.user_id {
        return Err(AppError::validation("member", ValidationCode::SelfAction));
    }
    repo::find_member(tx, scope.program_id, user_id)
        .await?
        .ok_or(AppError::NotFound)
}

/// The last active administrator of a program cannot be removed or deactivated.
async fn keep_an_admin(tx: &mut Tx, scope: &MemberScope, member: &MemberRecord) -> AppResult<()> {
    if member.role == Role::Admin.as_str()
        && member.is_active
        && repo::active_admin_count(tx, scope.program_id).await? <= 1
    {
        return Err(AppError::validation("member", ValidationCode::LastAdmin));
    }
    Ok(())
}

/// "Active" unticked: the member's sessions end at once; data stays. Ticked: access returns.
pub async fn set_active(db: &Db, scope: &MemberScope, user_id: i64, active: bool) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let member = target(&mut tx, scope, user_id).await?;
    if !active {
        keep_an_admin(&mut tx, scope, &member).await?;
    }
    repo::set_membership_active(&mut tx, scope.program_id, user_id, active, Utc::now()).await?;
    if !active {
        auth_repo::delete_user_sessions(&mut tx, user_id, None).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Permanent delete: the person leaves the program; the e-mails the program sent them
/// lose their content; when they belong to no other program, their personal data is
/// erased (the row stays as "deleted member" so relationships and counts add up).
pub async fn delete_member(db: &Db, scope: &MemberScope, user_id: i64) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let member = target(&mut tx, scope, user_id).await?;
    keep_an_admin(&mut tx, scope, &member).await?;
    repo::delete_membership(&mut tx, scope.program_id, user_id).await?;
    repo::erase_program_emails(&mut tx, scope.program_id, user_id).await?;
    auth_repo::delete_user_sessions(&mut tx, user_id, None).await?;
    if repo::membership_count(&mut tx, user_id).await? == 0 {
        repo::erase_user(&mut tx, user_id, Utc::now()).await?;
    }
    tx.commit().await?;
    Ok(())
}
