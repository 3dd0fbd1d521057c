use crate::admin::model::AdminStats;
use crate::error::AppError;
use leptos::prelude::*;

/// The current program's statistics. Program admins only.
#[server(endpoint = "admin_stats")]
pub async fn get_admin_stats() -> Result<AdminStats, AppError> {
    use crate::auth::server::authz;
    use crate::state::{app_state, respond};
    respond(
        async {
            let scope = authz::require_admin()?;
            Ok(super::server::repo::program_stats(&app_state()?.db, scope.program_id).await?)
        }
        .await,
    )
}
