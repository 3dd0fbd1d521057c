//! The administrator's "Match members" server functions.
use crate::error::AppError;
use crate::matching::admin::{MatchCandidate, MatchPage};
use leptos::prelude::*;

/// The page for the page's query string: `mentor_q`/`mentee_q` (typed words) and
/// `mentor`/`mentee` (the chosen members' ids).
#[server(endpoint = "admin_match_page")]
pub async fn get_match_page(query: String) -> Result<MatchPage, AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_admin()?;
    let pairs = crate::percent::query_pairs(&query);
    let value = |key: &str| {
        pairs
            .iter()
            .rev()
            .find(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_string())
    };
    let id = |key: &str| crate::error::optional_id(key, &value(key).unwrap_or_default());
    let (mentor, mentee) = (id("mentor")?, id("mentee")?);
    let (mentor_q, mentee_q) = (
        value("mentor_q").unwrap_or_default(),
        value("mentee_q").unwrap_or_default(),
    );
    let state = app_state()?;
    super::server::admin_match::match_page(
        &state.db,
        &state.member_index,
        scope.program_id,
        (&mentor_q, &mentee_q),
        (mentor, mentee),
    )
    .await
}

/// The type-ahead: active members of `role` ("mentor" or "mentee") found by `typed`.
#[server(endpoint = "admin_match_candidates")]
pub async fn suggest_match_candidates(
    role: String,
    typed: String,
) -> Result<Vec<MatchCandidate>, AppError> {
    use crate::auth::model::Role;
    use crate::auth::server::authz;
    use crate::error::ValidationCode;
    use crate::state::app_state;
    let scope = authz::require_admin()?;
    let role = Role::parse(&role)
        .filter(|r| *r != Role::Admin)
        .ok_or_else(|| AppError::validation("role", ValidationCode::InvalidChoice))?;
    let state = app_state()?;
    super::server::admin_match::match_candidates(
        &state.db,
        &state.member_index,
        scope.program_id,
        role,
        &typed,
    )
    .await
}

/// Matches the pair; `confirm` ("on") allows going past a member's maximum. Opens the
/// new relationship's page.
#[server(endpoint = "admin_match_members")]
pub async fn match_members(
    mentor_id: i64,
    mentee_id: i64,
    #[server(default)] confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_admin()?;
    // A refused plain post returns to the page with the pair still chosen.
    let (mentor, mentee) = (mentor_id.to_string(), mentee_id.to_string());
    crate::state::keep_draft(&[("mentor", &mentor), ("mentee", &mentee)]);
    let state = app_state()?;
    let id = super::server::admin_match::match_pair(
        &state.db,
        &state.base_url,
        &scope,
        mentor_id,
        mentee_id,
        confirm.is_some_and(|c| !c.is_empty()),
        chrono::Utc::now(),
    )
    .await?;
    leptos_axum::redirect(&format!(
        "{}?matched=1",
        crate::relationships::model::relationship_path(id)
    ));
    Ok(())
}
