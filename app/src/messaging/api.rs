//! Server functions of the e-mail log. Program administrators only, scoped to the
//! administrator's current program.
use crate::error::AppError;
use crate::messaging::model::{EmailDetail, EmailLogPage, EmailLogQuery};
use leptos::prelude::*;

#[server(endpoint = "admin_email_log")]
pub async fn list_email_log(query: EmailLogQuery) -> Result<EmailLogPage, AppError> {
    use crate::auth::server::authz;
    use crate::state::{app_state, respond};
    respond(
        async {
            let scope = authz::require_admin()?;
            super::server::log::page(
                &app_state()?.db,
                scope.program_id,
                &scope.session.viewer.time_zone,
                &query,
            )
            .await
        }
        .await,
    )
}

/// Type-ahead for the log's member filter: (full name, e-mail) of up to 10 members.
#[server(endpoint = "admin_email_log_members")]
pub async fn suggest_log_members(prefix: String) -> Result<Vec<(String, String)>, AppError> {
    use crate::auth::server::authz;
    use crate::state::{app_state, respond};
    respond(
        async {
            let scope = authz::require_admin()?;
            let prefix = prefix.trim();
            if prefix.chars().count() < 2 {
                return Ok(Vec::new());
            }
            let found = super::server::log_repo::suggest_members(
                &app_state()?.db,
                scope.program_id,
                prefix,
            )
            .await?;
            Ok(found
                .into_iter()
                .map(|(first, last, email)| (format!("{first} {last}"), email))
                .collect())
        }
        .await,
    )
}

#[server(endpoint = "admin_email")]
pub async fn get_email(id: i64) -> Result<EmailDetail, AppError> {
    use crate::auth::server::authz;
    use crate::i18n::LocalDateTime;
    use crate::state::{app_state, respond};
    respond(
        async {
            let scope = authz::require_admin()?;
            let db = &app_state()?.db;
            let zone = scope.session.viewer.time_zone.clone();
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
                body_text: detail.body_text,
                template_key: detail.template_key,
                attempts: detail.attempts,
                last_error: detail.last_error,
                events,
            })
        }
        .await,
    )
}
