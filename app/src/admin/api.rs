// The settings form has nine fields; the #[server] macro repeats the signature in
// generated code, where a local allow cannot reach.
#![allow(clippy::too_many_arguments)]
use crate::admin::model::AdminStats;
use crate::error::AppError;
use leptos::prelude::*;

/// The current program's statistics. Program admins only.
#[server(endpoint = "admin_stats")]
pub async fn get_admin_stats() -> Result<AdminStats, AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_admin()?;
    Ok(super::server::repo::program_stats(&app_state()?.db, scope.program_id).await?)
}

#[server(endpoint = "admin_invitation_link")]
pub async fn get_invitation_link() -> Result<crate::admin::model::InvitationLink, AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_admin()?;
    let state = app_state()?;
    super::server::service::invitation_link(&state.db, &state.base_url, scope.program_id).await
}

/// Replaces the link; whoever has the old one can no longer register.
#[server(endpoint = "admin_invitation_regenerate")]
pub async fn regenerate_invitation_link() -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_admin()?;
    super::server::service::regenerate(&app_state()?.db, scope.program_id).await?;
    leptos_axum::redirect("/admin?link=regenerated");
    Ok(())
}

/// Turns the link on or off (`enabled` is "true" or "false").
#[server(endpoint = "admin_invitation_enabled")]
pub async fn set_invitation_link_enabled(enabled: String) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::error::ValidationCode;
    use crate::state::app_state;
    let scope = authz::require_admin()?;
    let enabled = enabled
        .parse::<bool>()
        .map_err(|_| AppError::validation("enabled", ValidationCode::InvalidChoice))?;
    super::server::repo::set_invite_enabled(&app_state()?.db, scope.program_id, enabled).await?;
    leptos_axum::redirect("/admin");
    Ok(())
}

#[server(endpoint = "admin_program_settings")]
pub async fn get_program_settings() -> Result<crate::admin::model::ProgramSettings, AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_admin()?;
    Ok(super::server::repo::program_settings(&app_state()?.db, scope.program_id).await?)
}

/// Saves the settings form (checkboxes arrive as "on" when ticked).
#[server(endpoint = "admin_program_settings_save")]
pub async fn update_program_settings(
    name_en: String,
    name_fr: String,
    contact_email: String,
    logo_url: String,
    lockout_threshold: String,
    signup_mentors: Option<String>,
    signup_mentees: Option<String>,
    search_access: String,
    default_max_partners: String,
    invitation_days: String,
) -> Result<(), AppError> {
    use crate::admin::model::ProgramSettings;
    use crate::auth::server::authz;
    use crate::error::ValidationCode;
    use crate::state::app_state;
    let scope = authz::require_admin()?;
    let lockout_threshold = lockout_threshold
        .trim()
        .parse::<i64>()
        .map_err(|_| AppError::validation("lockout_threshold", ValidationCode::InvalidChoice))?;
    let search_access = crate::admin::model::SearchAccess::parse(&search_access).ok_or(
        AppError::validation("search_access", ValidationCode::InvalidChoice),
    )?;
    let default_max_partners = default_max_partners
        .trim()
        .parse::<i64>()
        .map_err(|_| AppError::validation("default_max_partners", ValidationCode::OutOfRange))?;
    let invitation_days = invitation_days
        .trim()
        .parse::<i64>()
        .map_err(|_| AppError::validation("invitation_days", ValidationCode::OutOfRange))?;
    let settings = ProgramSettings {
        name_en,
        name_fr,
        contact_email,
        logo_url,
        lockout_threshold,
        signup_mentors: signup_mentors.is_some(),
        signup_mentees: signup_mentees.is_some(),
        search_access,
        default_max_partners,
        invitation_days,
    };
    super::server::service::save_settings(&app_state()?.db, scope.program_id, settings).await?;
    leptos_axum::redirect("/admin/settings?saved=1");
    Ok(())
}
