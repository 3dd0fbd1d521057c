//! Server functions of the e-mail log. Program administrators only, scoped to the
//! administrator's current program.
use crate::error::AppError;
use crate::messaging::model::{EmailDetail, EmailLogPage, EmailLogQuery};
use leptos::prelude::*;

#[server(endpoint = "admin_email_log")]
// `default`: with no filter at all the browser sends no `query` field.
pub async fn list_email_log(
    #[server(default)] query: EmailLogQuery,
) -> Result<EmailLogPage, AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_admin()?;
    super::server::log::page(
        &app_state()?.db,
        scope.program_id,
        &scope.session.viewer.time_zone,
        &query,
    )
    .await
}

/// Type-ahead for the log's member filter: (full name, e-mail) of up to 10 members.
#[server(endpoint = "admin_email_log_members")]
pub async fn suggest_log_members(prefix: String) -> Result<Vec<(String, String)>, AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_admin()?;
    let prefix = prefix.trim();
    if prefix.chars().count() < 2 {
        return Ok(Vec::new());
    }
    let found =
        super::server::log_repo::suggest_members(&app_state()?.db, scope.program_id, prefix)
            .await?;
    Ok(found
        .into_iter()
        .map(|(first, last, email)| (format!("{first} {last}"), email))
        .collect())
}

#[server(endpoint = "admin_email")]
pub async fn get_email(id: i64) -> Result<EmailDetail, AppError> {
    use crate::auth::server::authz;
    use crate::i18n::LocalDateTime;
    use crate::state::app_state;
    let scope = authz::require_admin()?;
    let db = &app_state()?.db;
    let zone = scope.session.viewer.time_zone;
    let (record, detail) = super::server::log_repo::detail(db, scope.program_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let events = super::server::log_repo::events(db, id)
        .await?
        .into_iter()
        .map(|(kind, at, detail)| (kind, LocalDateTime::from_utc(at, &zone), detail))
        .collect();
    Ok(EmailDetail {
        row: super::server::log::to_row(record, &zone),
        body_text: super::server::log::redact_links(&detail.body_text),
        template_key: detail.template_key,
        attempts: detail.attempts,
        last_error: detail.last_error,
        events,
    })
}

#[server(endpoint = "admin_system_messages")]
pub async fn list_system_messages(
) -> Result<Vec<crate::messaging::model::TemplateSummary>, AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_admin()?;
    super::server::templates::list(
        &app_state()?.db,
        scope.program_id,
        scope.session.viewer.language,
    )
    .await
}

#[server(endpoint = "admin_system_message")]
pub async fn get_system_message(
    key: String,
) -> Result<crate::messaging::model::TemplateEdit, AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_admin()?;
    super::server::templates::get(&app_state()?.db, scope.program_id, &key).await
}

/// "Update": both languages' subject and body, and active (checkbox, "on" when ticked).
#[server(endpoint = "admin_system_message_save")]
pub async fn save_system_message(
    key: String,
    subject_en: String,
    body_en: String,
    subject_fr: String,
    body_fr: String,
    active: Option<String>,
) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::messaging::server::templates::{self, TemplateForm};
    use crate::state::app_state;
    let scope = authz::require_admin()?;
    let form = TemplateForm {
        subject_en,
        body_en,
        subject_fr,
        body_fr,
        active: active.is_some(),
    };
    templates::save(&app_state()?.db, &scope, &key, form).await?;
    leptos_axum::redirect(&format!("/admin/messages/system?saved={key}"));
    Ok(())
}

/// Back to the shipped text.
#[server(endpoint = "admin_system_message_reset")]
pub async fn reset_system_message(key: String) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_admin()?;
    super::server::templates::reset(&app_state()?.db, scope.program_id, &key).await?;
    leptos_axum::redirect(&format!("/admin/messages/system/{key}?reset=1"));
    Ok(())
}
