//! The administrator's server functions for relationships: the Relationships page and
//! its Meetings tab, the relationship admin, and "End all relationships".
use crate::error::AppError;
use crate::relationships::admin::{EndAllRun, RelationshipsPage};
use leptos::prelude::*;
use shared::scheduling::admin::AdminMeetingsPage;

/// One page of the program's relationships for the page's query string, with each
/// pair's meetings and hours.
#[server(endpoint = "admin_relationships")]
pub async fn list_admin_relationships(query: String) -> Result<RelationshipsPage, AppError> {
    use crate::auth::server::authz;
    use crate::relationships::admin::RelationshipsQuery;
    use crate::state::app_state;
    let scope = authz::require_admin()?;
    let query = RelationshipsQuery::parse(&query)?;
    let db = &app_state()?.db;
    backend::scheduling::admin_meetings::relationships_page(db, &scope, &query, chrono::Utc::now())
        .await
}

/// One page of the Meetings tab for its query string.
#[server(endpoint = "admin_meetings")]
pub async fn list_admin_meetings(query: String) -> Result<AdminMeetingsPage, AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    use shared::scheduling::admin::MeetingsQuery;
    let scope = authz::require_admin()?;
    let query = MeetingsQuery::parse(&query)?;
    let db = &app_state()?.db;
    backend::scheduling::admin_meetings::meetings_page(db, &scope, &query, chrono::Utc::now()).await
}

/// The "Relationship admin" column: `admin_id` empty = nobody. `back` is the page's
/// query string, where a plain form post returns.
#[server(endpoint = "admin_relationship_admin")]
pub async fn assign_relationship_admin(
    id: i64,
    admin_id: String,
    back: String,
) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::relationships::admin::RelationshipsQuery;
    use crate::state::{app_state, redirect_plain_form};
    let scope = authz::require_admin()?;
    let admin_id = crate::error::optional_id("relationship_admin", &admin_id)?;
    let back = RelationshipsQuery::parse(&back)?.url("assigned=1");
    super::server::admin_service::set_relationship_admin(&app_state()?.db, &scope, id, admin_id)
        .await?;
    redirect_plain_form(&back);
    Ok(())
}

/// The program's latest "End all relationships" run, if any, and how many
/// relationships are current.
#[server(endpoint = "admin_end_all_status")]
pub async fn get_end_all_status() -> Result<(Option<EndAllRun>, i64), AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_admin()?;
    let db = &app_state()?.db;
    let run = super::server::end_all::latest_end_all(db, &scope).await?;
    let current = super::server::end_all::current_relationships(db, &scope).await?;
    Ok((run, current))
}

/// Starts ending every current relationship, with an optional `reason` each member reads.
#[server(endpoint = "admin_end_all")]
pub async fn end_all_relationships(reason: String) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_admin()?;
    super::server::end_all::start_end_all(&app_state()?.db, &scope, &reason, chrono::Utc::now())
        .await?;
    leptos_axum::redirect(&format!(
        "{}?started=1",
        crate::relationships::admin::END_ALL_PATH
    ));
    Ok(())
}
