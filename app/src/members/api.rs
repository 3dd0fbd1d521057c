//! Server functions for managing members. Program administrators only, always scoped to
//! the administrator's current program.
use crate::error::AppError;
use crate::members::model::{MemberDetail, MembersPage};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn to_row(
    record: super::server::repo::MemberRecord,
    zone: &str,
) -> crate::members::model::MemberRow {
    use crate::auth::model::Role;
    use crate::i18n::LocalDateTime;
    crate::members::model::MemberRow {
        user_id: record.user_id,
        first_name: record.first_name,
        last_name: record.last_name,
        email: record.email,
        role: Role::parse(&record.role).unwrap_or(Role::Mentee),
        active: record.is_active,
        completeness: record.completeness,
        last_sign_in: record
            .last_sign_in_at
            .map(|t| LocalDateTime::from_utc(t, zone)),
    }
}

/// Members whose name or e-mail contains `q`, a page at a time.
#[server(endpoint = "admin_members")]
pub async fn list_members(q: String, page: i64) -> Result<MembersPage, AppError> {
    use crate::auth::server::authz;
    use crate::members::model::MEMBERS_PAGE_SIZE;
    use crate::state::{app_state, respond};
    respond(
        async {
            let scope = authz::require_admin()?;
            let page = page.max(1);
            let (records, total) = super::server::repo::search_members(
                &app_state()?.db,
                scope.program_id,
                q.trim(),
                MEMBERS_PAGE_SIZE,
                (page - 1) * MEMBERS_PAGE_SIZE,
            )
            .await?;
            let zone = &scope.session.viewer.time_zone;
            Ok(MembersPage {
                rows: records.into_iter().map(|r| to_row(r, zone)).collect(),
                total,
                page,
                page_count: ((total + MEMBERS_PAGE_SIZE - 1) / MEMBERS_PAGE_SIZE).max(1),
            })
        }
        .await,
    )
}

#[server(endpoint = "admin_member")]
pub async fn get_member(user_id: i64) -> Result<MemberDetail, AppError> {
    use crate::auth::server::authz;
    use crate::i18n::LocalDateTime;
    use crate::state::{app_state, respond};
    respond(
        async {
            let scope = authz::require_admin()?;
            let db = &app_state()?.db;
            let mut tx = db.begin().await?;
            let record = super::server::repo::find_member(&mut tx, scope.program_id, user_id)
                .await?
                .ok_or(AppError::NotFound)?;
            tx.commit().await?;
            let zone = scope.session.viewer.time_zone.clone();
            Ok(MemberDetail {
                joined: LocalDateTime::from_utc(record.joined_at, &zone),
                language: record.language.clone(),
                is_self: record.user_id == scope.session.viewer.user_id,
                member: to_row(record, &zone),
            })
        }
        .await,
    )
}

/// The "Active" checkbox: `active` is "true" or "false".
#[server(endpoint = "admin_member_active")]
pub async fn set_member_active(user_id: i64, active: String) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::error::ValidationCode;
    use crate::state::{app_state, respond};
    respond(
        async {
            let scope = authz::require_admin()?;
            let active = active
                .parse::<bool>()
                .map_err(|_| AppError::validation("active", ValidationCode::InvalidChoice))?;
            super::server::service::set_active(&app_state()?.db, &scope, user_id, active).await?;
            leptos_axum::redirect(&format!("/admin/members/{user_id}?saved=1"));
            Ok(())
        }
        .await,
    )
}

/// Permanent delete; `confirm` is the ticked "Yes, delete …" box.
#[server(endpoint = "admin_member_delete")]
pub async fn delete_member(user_id: i64, confirm: Option<String>) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::error::ValidationCode;
    use crate::state::{app_state, respond};
    respond(
        async {
            let scope = authz::require_admin()?;
            if confirm.is_none() {
                return Err(AppError::validation("confirm", ValidationCode::Required));
            }
            super::server::service::delete_member(&app_state()?.db, &scope, user_id).await?;
            leptos_axum::redirect("/admin/members?deleted=1");
            Ok(())
        }
        .await,
    )
}

/// An import or bulk deactivation: its problems, or its progress and outcome.
#[server(endpoint = "admin_import_run")]
pub async fn get_import_run(run_id: i64) -> Result<crate::members::model::ImportRun, AppError> {
    use crate::auth::server::authz;
    use crate::state::{app_state, respond};
    respond(
        async {
            let scope = authz::require_admin()?;
            super::server::import::run(&app_state()?.db, scope.program_id, run_id).await
        }
        .await,
    )
}
