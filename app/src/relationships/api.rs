use crate::error::AppError;
use crate::relationships::model::Connection;
use leptos::prelude::*;

/// The viewer's relationships in the current program.
#[server(endpoint = "my_connections")]
pub async fn list_my_connections() -> Result<Vec<Connection>, AppError> {
    use crate::auth::model::Role;
    use crate::auth::server::authz;
    use crate::i18n::LocalDateTime;
    use crate::state::app_state;
    let scope = authz::require_member()?;
    let viewer = &scope.session.viewer;
    let rows =
        super::server::repo::list_for_member(&app_state()?.db, scope.program_id, viewer.user_id)
            .await?;
    Ok(rows
        .into_iter()
        .map(|r| Connection {
            relationship_id: r.id,
            partner_name: format!("{} {}", r.first_name, r.last_name),
            partner_role: if r.viewer_is_mentor {
                Role::Mentee
            } else {
                Role::Mentor
            },
            partner_job_title: r.job_title,
            partner_company: r.company,
            status: r.status,
            started: LocalDateTime::from_utc(r.started_at, &viewer.time_zone),
        })
        .collect())
}
