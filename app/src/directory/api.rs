use crate::directory::model::DirectoryPage;
use crate::error::AppError;
use leptos::prelude::*;

/// One page of the program's mentors (`role = "mentor"`) or mentees (`"mentee"`).
#[server(endpoint = "directory")]
pub async fn list_directory(role: String, page: i64) -> Result<DirectoryPage, AppError> {
    use crate::auth::model::Role;
    use crate::auth::server::authz;
    use crate::directory::model::DIRECTORY_PAGE_SIZE;
    use crate::error::ValidationCode;
    use crate::state::app_state;
    const MAX_DIRECTORY_PAGE: i64 = 100_000;
    let scope = authz::require_member()?;
    let role = Role::parse(&role)
        .filter(|r| *r != Role::Admin)
        .ok_or(AppError::validation("role", ValidationCode::InvalidChoice))?;
    // Far beyond any program's size, and keeps the offset in range.
    let page = page.clamp(1, MAX_DIRECTORY_PAGE);
    let (members, total) = super::server::repo::list_by_role(
        &app_state()?.db,
        scope.program_id,
        role,
        DIRECTORY_PAGE_SIZE,
        (page - 1).saturating_mul(DIRECTORY_PAGE_SIZE),
    )
    .await?;
    Ok(DirectoryPage {
        members,
        total,
        page,
        page_count: ((total + DIRECTORY_PAGE_SIZE - 1) / DIRECTORY_PAGE_SIZE).max(1),
    })
}
