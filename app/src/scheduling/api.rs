use crate::error::AppError;
use crate::scheduling::model::AvailabilityView;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One row of the availability form (`window[i][weekday|start|end]`).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct WindowInput {
    #[serde(default)]
    pub weekday: String,
    #[serde(default)]
    pub start: String,
    #[serde(default)]
    pub end: String,
}

/// The signed-in member's weekly windows and exceptions, with their zone's name.
#[server(endpoint = "my_availability")]
pub async fn get_my_availability() -> Result<AvailabilityView, AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_member()?;
    super::server::availability_service::view(&app_state()?.db, &scope, chrono::Utc::now()).await
}

/// Replaces the member's weekly windows with the form's rows (blank rows are none).
#[server(endpoint = "save_availability")]
pub async fn save_availability(
    #[server(default)] window: Vec<WindowInput>,
) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::scheduling::model::Window;
    use crate::state::app_state;
    let scope = authz::require_member()?;
    let mut windows = Vec::new();
    for row in &window {
        if let Some(w) = Window::from_form(&row.weekday, &row.start, &row.end)? {
            windows.push(w);
        }
    }
    super::server::availability_service::save_windows(&app_state()?.db, &scope, &windows).await?;
    crate::state::redirect_plain_form(&format!("{}?saved=1", super::model::AVAILABILITY_PATH));
    Ok(())
}

/// Adds an away period (`kind=away`, `first`, `last`) or extra hours on a date
/// (`kind=extra`, `first`, `start`, `end`).
#[server(endpoint = "add_availability_exception")]
pub async fn add_availability_exception(
    kind: String,
    #[server(default)] first: String,
    #[server(default)] last: String,
    #[server(default)] start: String,
    #[server(default)] end: String,
) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::error::ValidationCode;
    use crate::scheduling::model::{parse_clock, Exception};
    use crate::state::app_state;
    use shared::iso_date::parse_iso_date;
    let scope = authz::require_member()?;
    let date = |field: &str, text: &str| {
        parse_iso_date(text.trim())
            .ok_or_else(|| AppError::validation(field, ValidationCode::Required))
    };
    let time = |field: &str, text: &str| {
        parse_clock(text).ok_or_else(|| AppError::validation(field, ValidationCode::EmptyWindow))
    };
    let exception = match kind.as_str() {
        "away" => Exception::Away {
            first: date("away_first", &first)?,
            last: date("away_last", &last)?,
        },
        "extra" => Exception::Extra {
            date: date("extra_date", &first)?,
            start: time("extra_end", &start)?,
            end: time("extra_end", &end)?,
        },
        _ => return Err(AppError::validation("kind", ValidationCode::InvalidChoice)),
    };
    super::server::availability_service::add_exception(&app_state()?.db, &scope, &exception)
        .await?;
    crate::state::redirect_plain_form(&format!("{}?added=1", super::model::AVAILABILITY_PATH));
    Ok(())
}

/// Removes one of the member's exceptions.
#[server(endpoint = "delete_availability_exception")]
pub async fn delete_availability_exception(id: i64) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_member()?;
    super::server::availability_service::delete_exception(&app_state()?.db, &scope, id).await?;
    crate::state::redirect_plain_form(super::model::AVAILABILITY_PATH);
    Ok(())
}

/// The signed-in member's calendar: `view` (`month` or `week`, empty for month) around
/// `date` (empty for today), with their meetings in every relationship of the program.
#[server(endpoint = "my_calendar")]
pub async fn get_my_calendar(
    #[server(default)] view: String,
    #[server(default)] date: String,
) -> Result<crate::scheduling::calendar::CalendarView, AppError> {
    use crate::auth::server::authz;
    use crate::scheduling::calendar::CalendarQuery;
    use crate::state::app_state;
    let scope = authz::require_member()?;
    let now = chrono::Utc::now();
    let today = super::server::wall_clock::local_date(&scope.session.viewer.time_zone, now);
    let query = CalendarQuery::from_query(&view, &date, today)?;
    super::server::calendar_service::my_calendar(&app_state()?.db, &scope, query, now).await
}
