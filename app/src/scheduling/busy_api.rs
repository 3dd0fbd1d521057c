//! The account page's "Busy times from your calendar": thin server functions for the
//! signed-in person (their own calendar only).
use crate::error::AppError;
use crate::scheduling::busy_calendar::BusyCalendarView;
use leptos::prelude::*;

#[server(endpoint = "busy_calendar")]
pub async fn get_busy_calendar() -> Result<BusyCalendarView, AppError> {
    use crate::auth::server::authz;
    use crate::scheduling::server::busy_service::{busy_calendar_view, BusyReader};
    use crate::state::app_state;
    let session = authz::require_session()?;
    let viewer = &session.viewer;
    let state = app_state()?;
    busy_calendar_view(BusyReader::of(&state), viewer.user_id, &viewer.time_zone).await
}

/// Connects the calendar at `address` (replacing one connected before) and reads it.
#[server(endpoint = "connect_busy_calendar")]
pub async fn connect_busy_calendar(address: String) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::scheduling::server::busy_service::{connect_calendar, BusyReader};
    use crate::state::app_state;
    let session = authz::require_session()?;
    let state = app_state()?;
    connect_calendar(
        BusyReader::of(&state),
        session.viewer.user_id,
        &address,
        chrono::Utc::now(),
    )
    .await?;
    leptos_axum::redirect("/account?busy_saved=1#busy-calendar");
    Ok(())
}

#[server(endpoint = "read_busy_calendar")]
pub async fn read_busy_calendar() -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::scheduling::server::busy_service::{read_now, BusyReader};
    use crate::state::app_state;
    let session = authz::require_session()?;
    let state = app_state()?;
    read_now(
        BusyReader::of(&state),
        session.viewer.user_id,
        chrono::Utc::now(),
    )
    .await?;
    leptos_axum::redirect("/account?busy_read=1#busy-calendar");
    Ok(())
}

#[server(endpoint = "remove_busy_calendar")]
pub async fn remove_busy_calendar() -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::scheduling::server::busy_service::disconnect_calendar;
    use crate::state::app_state;
    let session = authz::require_session()?;
    disconnect_calendar(&app_state()?.db, session.viewer.user_id).await?;
    leptos_axum::redirect("/account?busy_removed=1#busy-calendar");
    Ok(())
}
