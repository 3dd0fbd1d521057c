//! The program's invitation link.
use super::repo;
use crate::admin::model::InvitationLink;
use crate::auth::session::new_token;
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

/// Checks and saves the program's settings; each problem names its field.
pub async fn save_settings(
    db: &Db,
    program_id: i64,
    settings: crate::admin::model::ProgramSettings,
) -> AppResult<()> {
    use crate::admin::model::{
        ProgramSettings, LOCKOUT_MAX, LOCKOUT_MIN, MAX_PARTNERS_MAX, MAX_PARTNERS_MIN,
    };
    use crate::auth::model::is_plausible_email;
    use crate::error::{required_text, AppError, ValidationCode};
    use crate::relationships::model::{INVITATION_DAYS_MAX, INVITATION_DAYS_MIN};
    let contact_email = settings.contact_email.trim().to_lowercase();
    if !is_plausible_email(&contact_email) {
        return Err(AppError::validation(
            "contact_email",
            ValidationCode::InvalidEmail,
        ));
    }
    let logo_url = settings.logo_url.trim().to_string();
    if !logo_url.is_empty()
        && (!logo_url.starts_with("https://")
            || logo_url.len() > 500
            || logo_url.contains(['"', '<', '>', ' ']))
    {
        return Err(AppError::validation(
            "logo_url",
            ValidationCode::InvalidChoice,
        ));
    }
    if !(LOCKOUT_MIN..=LOCKOUT_MAX).contains(&settings.lockout_threshold) {
        return Err(AppError::validation(
            "lockout_threshold",
            ValidationCode::InvalidChoice,
        ));
    }
    if !(MAX_PARTNERS_MIN..=MAX_PARTNERS_MAX).contains(&settings.default_max_partners) {
        return Err(AppError::validation(
            "default_max_partners",
            ValidationCode::OutOfRange,
        ));
    }
    if !(INVITATION_DAYS_MIN..=INVITATION_DAYS_MAX).contains(&settings.invitation_days) {
        return Err(AppError::validation(
            "invitation_days",
            ValidationCode::OutOfRange,
        ));
    }
    if !settings.signup_mentors && !settings.signup_mentees {
        return Err(AppError::validation(
            "signup_roles",
            ValidationCode::Required,
        ));
    }
    let clean = ProgramSettings {
        name_en: required_text("name_en", &settings.name_en, 120)?,
        name_fr: required_text("name_fr", &settings.name_fr, 120)?,
        contact_email,
        logo_url,
        ..settings
    };
    repo::save_program_settings(db, program_id, &clean).await?;
    Ok(())
}
