use crate::error::AppError;
use crate::matching::model::{PartnerPage, SearchSetup};
use leptos::prelude::*;

/// What the Mentors (`looking_for` "mentor") or Mentees ("mentee") page starts from with
/// the criteria of `query` (the page's query string): who may search, the criteria and
/// the form's choices.
#[server(endpoint = "partner_search_setup")]
pub async fn partner_search_setup(
    looking_for: String,
    query: String,
) -> Result<SearchSetup, AppError> {
    use super::server::service::search_setup;
    use crate::state::app_state;
    let (searcher, looking_for) = server::searcher(&looking_for)?;
    search_setup(&app_state()?.db, searcher, looking_for, &query).await
}

/// One page of results for `looking_for` with the criteria of `query`.
#[server(endpoint = "partner_search")]
pub async fn partner_search(looking_for: String, query: String) -> Result<PartnerPage, AppError> {
    use super::server::service::partner_page;
    use crate::state::app_state;
    let (searcher, looking_for) = server::searcher(&looking_for)?;
    let state = app_state()?;
    partner_page(
        &state.db,
        &state.member_index,
        searcher,
        looking_for,
        &query,
    )
    .await
}

#[cfg(feature = "ssr")]
mod server {
    use crate::auth::model::Role;
    use crate::auth::server::authz;
    use crate::error::{AppError, ValidationCode};
    use crate::matching::server::service::Searcher;

    /// The signed-in member as a searcher, and the role they asked for.
    pub fn searcher(looking_for: &str) -> Result<(Searcher, Role), AppError> {
        let scope = authz::require_member()?;
        let looking_for = Role::parse(looking_for)
            .filter(|r| *r != Role::Admin)
            .ok_or(AppError::validation("role", ValidationCode::InvalidChoice))?;
        let searcher = Searcher {
            program_id: scope.program_id,
            user_id: scope.session.viewer.user_id,
            role: scope.role,
        };
        Ok((searcher, looking_for))
    }
}
