//! Server functions for managing members. Program administrators only, always scoped to
//! the administrator's current program.
use crate::error::AppError;
use crate::members::model::{MemberDetail, MembersPage, MembersTableSetup, SavedFilter};
use leptos::prelude::*;

/// One page of the members table. `query` is the page's query string (the filters, sort
/// and page; see `filter::MemberFilter`).
#[server(endpoint = "admin_members")]
pub async fn list_members(query: String) -> Result<MembersPage, AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_admin()?;
    let filter = crate::members::filter::parse_query(&query)?;
    let state = app_state()?;
    super::server::service::members_page(&state.db, &state.member_index, &scope, &filter).await
}

/// The table's filter lists, administrators, saved filters and column choice.
#[server(endpoint = "admin_members_setup")]
pub async fn get_members_table_setup() -> Result<MembersTableSetup, AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_admin()?;
    super::server::service::table_setup(&app_state()?.db, &scope).await
}

/// The table's "Active" checkbox. `back` is the table's query string, for the no-JavaScript
/// redirect (which carries the undo notice).
#[server(endpoint = "admin_members_active")]
pub async fn toggle_member_active(
    user_id: i64,
    active: String,
    back: String,
) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::error::ValidationCode;
    use crate::members::filter::return_url;
    use crate::state::{app_state, redirect_plain_form};
    let scope = authz::require_admin()?;
    let active = active
        .parse::<bool>()
        .map_err(|_| AppError::validation("active", ValidationCode::InvalidChoice))?;
    let state = if active { "on" } else { "off" };
    let back = return_url(&back, &format!("toggled={user_id}&now={state}"))?;
    let state = app_state()?;
    super::server::service::set_active(&state.db, &state.base_url, &scope, user_id, active).await?;
    redirect_plain_form(&back);
    Ok(())
}

/// The "Member admin" column: `admin_id` empty = nobody.
#[server(endpoint = "admin_members_member_admin")]
pub async fn assign_member_admin(
    user_id: i64,
    admin_id: String,
    back: String,
) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::members::filter::return_url;
    use crate::state::{app_state, redirect_plain_form};
    let scope = authz::require_admin()?;
    let admin_id = crate::error::optional_id("member_admin", &admin_id)?;
    let back = return_url(&back, "assigned=1")?;
    super::server::service::set_member_admin(&app_state()?.db, &scope, user_id, admin_id).await?;
    redirect_plain_form(&back);
    Ok(())
}

/// "Columns": the ones ticked are remembered for this admin.
#[server(endpoint = "admin_members_columns")]
pub async fn choose_member_columns(
    #[server(default)] columns: Vec<String>,
    back: String,
) -> Result<Vec<crate::members::filter::MemberColumn>, AppError> {
    use crate::auth::server::authz;
    use crate::members::filter::return_url;
    use crate::state::{app_state, redirect_plain_form};
    let scope = authz::require_admin()?;
    let back = return_url(&back, "")?;
    let chosen = super::server::service::set_columns(&app_state()?.db, &scope, &columns).await?;
    redirect_plain_form(&back);
    Ok(chosen)
}

/// "Save search filter": `query` is the table's current query string.
#[server(endpoint = "admin_members_save_filter")]
pub async fn save_member_filter(name: String, query: String) -> Result<SavedFilter, AppError> {
    use crate::auth::server::authz;
    use crate::members::filter::table_url;
    use crate::state::{app_state, keep_draft, redirect_plain_form};
    keep_draft(&[("filter_name", &name)]);
    let scope = authz::require_admin()?;
    let saved =
        super::server::service::save_filter(&app_state()?.db, &scope, &name, &query).await?;
    redirect_plain_form(&table_url(&saved.query, "filter_saved=1"));
    Ok(saved)
}

#[server(endpoint = "admin_members_delete_filter")]
pub async fn delete_member_filter(id: i64, back: String) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::members::filter::return_url;
    use crate::state::{app_state, redirect_plain_form};
    let scope = authz::require_admin()?;
    let back = return_url(&back, "")?;
    super::server::service::delete_saved_filter(&app_state()?.db, &scope, id).await?;
    redirect_plain_form(&back);
    Ok(())
}

#[server(endpoint = "admin_member")]
pub async fn get_member(user_id: i64) -> Result<MemberDetail, AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_admin()?;
    super::server::service::member_detail(&app_state()?.db, &scope, user_id).await
}

/// The "Active" checkbox: `active` is "true" or "false".
#[server(endpoint = "admin_member_active")]
pub async fn set_member_active(user_id: i64, active: String) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::error::ValidationCode;
    use crate::state::app_state;
    let scope = authz::require_admin()?;
    let active = active
        .parse::<bool>()
        .map_err(|_| AppError::validation("active", ValidationCode::InvalidChoice))?;
    let state = app_state()?;
    super::server::service::set_active(&state.db, &state.base_url, &scope, user_id, active).await?;
    leptos_axum::redirect(&format!("/admin/members/{user_id}?saved=1"));
    Ok(())
}

/// Permanent delete; `confirm` is the ticked "Yes, delete …" box.
#[server(endpoint = "admin_member_delete")]
pub async fn delete_member(user_id: i64, confirm: Option<String>) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::error::ValidationCode;
    use crate::state::app_state;
    let scope = authz::require_admin()?;
    if confirm.is_none() {
        return Err(AppError::validation("confirm", ValidationCode::Required));
    }
    let state = app_state()?;
    super::server::service::delete_member(&state.db, &state.base_url, &scope, user_id).await?;
    leptos_axum::redirect("/admin/members?deleted=1");
    Ok(())
}

/// An import or bulk deactivation: its problems, or its progress and outcome.
#[server(endpoint = "admin_import_run")]
pub async fn get_import_run(run_id: i64) -> Result<crate::members::model::ImportRun, AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_admin()?;
    super::server::import::run(&app_state()?.db, scope.program_id, run_id).await
}
