use crate::error::AppError;
use crate::notifications::model::NotificationList;
use leptos::prelude::*;

/// The signed-in member's latest notifications in the program, and the unread count.
#[server(endpoint = "my_notifications")]
pub async fn get_my_notifications() -> Result<NotificationList, AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_member()?;
    super::server::service::my_notifications(&app_state()?.db, &scope).await
}

/// Marks all the signed-in member's notifications read.
#[server(endpoint = "mark_notifications_read")]
pub async fn mark_notifications_read() -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_member()?;
    super::server::service::mark_all_read(&app_state()?.db, &scope, chrono::Utc::now()).await?;
    crate::state::redirect_plain_form(&format!("{}?read=1", super::model::NOTIFICATIONS_PATH));
    Ok(())
}
