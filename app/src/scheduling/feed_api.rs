//! The account page's calendar feed: thin server functions for the signed-in person.
use crate::error::AppError;
use crate::scheduling::feed::CalendarFeedView;
use leptos::prelude::*;

#[server(endpoint = "calendar_feed")]
pub async fn get_calendar_feed() -> Result<CalendarFeedView, AppError> {
    use crate::auth::server::authz;
    use crate::scheduling::server::feed_service::feed_settings;
    use crate::state::app_state;
    let session = authz::require_session()?;
    let state = app_state()?;
    let viewer = &session.viewer;
    feed_settings(
        &state.db,
        &state.base_url,
        viewer.user_id,
        &viewer.time_zone,
    )
    .await
}

/// Turns the feed on, or gives it a new address (the old one stops at once).
#[server(endpoint = "new_calendar_feed")]
pub async fn new_calendar_feed() -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::scheduling::server::feed_service::new_feed_address;
    use crate::state::app_state;
    let session = authz::require_session()?;
    new_feed_address(&app_state()?.db, session.viewer.user_id, chrono::Utc::now()).await?;
    leptos_axum::redirect("/account?feed_new=1#calendar-feed");
    Ok(())
}

#[server(endpoint = "turn_off_calendar_feed")]
pub async fn turn_off_calendar_feed() -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::scheduling::server::feed_service::turn_feed_off;
    use crate::state::app_state;
    let session = authz::require_session()?;
    turn_feed_off(&app_state()?.db, session.viewer.user_id).await?;
    leptos_axum::redirect("/account?feed_off=1#calendar-feed");
    Ok(())
}
