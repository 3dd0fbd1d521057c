use crate::dashboard::model::MemberSummary;
use crate::error::AppError;
use leptos::prelude::*;

/// The viewer's own summary in the current program.
#[server(endpoint = "member_summary")]
pub async fn get_member_summary() -> Result<MemberSummary, AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_member()?;
    Ok(super::server::repo::member_summary(
        &app_state()?.db,
        scope.program_id,
        scope.session.viewer.user_id,
    )
    .await?)
}
