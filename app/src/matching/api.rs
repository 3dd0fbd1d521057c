use crate::error::AppError;
use crate::matching::model::PartnerPage;
use leptos::prelude::*;

/// One page of the search for `looking_for` ("mentor" on /mentors, "mentee" on
/// /mentees) with the criteria of `query` (the page's query string).
#[server(endpoint = "partner_search")]
pub async fn partner_search(looking_for: String, query: String) -> Result<PartnerPage, AppError> {
    use super::server::service::{partner_page, Searcher};
    use crate::auth::model::Role;
    use crate::auth::server::authz;
    use crate::error::ValidationCode;
    use crate::state::app_state;
    let scope = authz::require_member()?;
    let looking_for = Role::parse(&looking_for)
        .filter(|r| *r != Role::Admin)
        .ok_or(AppError::validation("role", ValidationCode::InvalidChoice))?;
    let state = app_state()?;
    let searcher = Searcher {
        program_id: scope.program_id,
        user_id: scope.session.viewer.user_id,
        role: scope.role,
    };
    partner_page(
        &state.db,
        &state.member_index,
        searcher,
        looking_for,
        &query,
    )
    .await
}
