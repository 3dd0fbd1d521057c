//! The booking page's and the meetings tile's server functions: thin, they authorize and
//! call `backend::scheduling`. The dialog's fields travel as text, read (and each bad one
//! named) by the backend, so the plain forms of the no-JavaScript page send the same thing.
#![allow(clippy::too_many_arguments)]
use crate::error::AppError;
use crate::scheduling::view::{BookingOffer, RelationshipMeetings};
use leptos::prelude::*;

/// The booking page of a relationship: the choices read, and the month's free times.
#[server(endpoint = "booking_offer")]
pub async fn get_booking_offer(
    relationship_id: i64,
    minutes: String,
    frequency: String,
    occurrences: String,
    until: String,
    month: String,
    day: String,
    #[server(default)] meeting: String,
    #[server(default)] series_scope: String,
) -> Result<BookingOffer, AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    use backend::scheduling::booking_page::{booking_offer, ChoiceText};
    let scope = authz::require_member()?;
    let text = ChoiceText {
        minutes,
        frequency,
        occurrences,
        until,
        month,
        day,
        meeting,
        scope: series_scope,
    };
    booking_offer(
        &app_state()?.db,
        &scope,
        relationship_id,
        &text,
        chrono::Utc::now(),
    )
    .await
}

/// "Send request": books the chosen slot (and the series' later occurrences, leaving out
/// those the slot named as taken), then back to the relationship page.
#[server(endpoint = "book_meeting")]
pub async fn book_meeting(
    relationship_id: i64,
    #[server(default)] minutes: String,
    #[server(default)] frequency: String,
    #[server(default)] occurrences: String,
    #[server(default)] until: String,
    #[server(default)] slot: String,
    #[server(default)] meeting_type: String,
    #[server(default)] location: String,
    #[server(default)] agenda: String,
    #[server(default)] admin_attends: Option<String>,
) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    use backend::scheduling::booking_page::{book_from_form, BookingText, ChoiceText};
    let scope = authz::require_member()?;
    let text = BookingText {
        choice: ChoiceText {
            minutes,
            frequency,
            occurrences,
            until,
            ..ChoiceText::default()
        },
        slot,
        meeting_type,
        location,
        agenda,
        admin_attends: admin_attends.is_some(),
    };
    let state = app_state()?;
    book_from_form(
        &state.db,
        &state.base_url,
        &scope,
        relationship_id,
        &text,
        chrono::Utc::now(),
    )
    .await?;
    redirect_with_notice(relationship_id, "booked");
    Ok(())
}

/// The meetings of a relationship, for the pair or the program's administrator.
#[server(endpoint = "relationship_meetings")]
pub async fn get_relationship_meetings(
    relationship_id: i64,
) -> Result<RelationshipMeetings, AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let scope = authz::require_member()?;
    backend::scheduling::meetings::relationship_meetings(
        &app_state()?.db,
        &scope,
        relationship_id,
        chrono::Utc::now(),
    )
    .await
}

/// A participant's answer (`accepted`, `declined`, `maybe`) to one meeting (`scope`
/// `this`) or to it and the series' later ones (`following`).
#[server(endpoint = "answer_meeting")]
pub async fn answer_meeting(
    relationship_id: i64,
    meeting_id: i64,
    answer: String,
    #[server(default)] scope: String,
    #[server(default)] back: String,
) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::error::ValidationCode;
    use crate::scheduling::calendar::CalendarQuery;
    use crate::scheduling::model::{Answer, SeriesScope};
    use crate::state::app_state;
    let member = authz::require_member()?;
    let answer = Answer::parse(answer.trim())
        .ok_or_else(|| AppError::validation("answer", ValidationCode::InvalidChoice))?;
    let range = SeriesScope::from_form(&scope)?;
    let state = app_state()?;
    backend::scheduling::booking::answer(
        &state.db,
        &state.base_url,
        &member,
        meeting_id,
        answer,
        range,
        chrono::Utc::now(),
    )
    .await?;
    // Answered from the calendar: back to the same month or week.
    match CalendarQuery::from_href(&back) {
        Some(calendar) => {
            crate::state::redirect_plain_form(&format!("{}&answered=1", calendar.href()))
        }
        None => redirect_with_notice(relationship_id, "answered"),
    }
    Ok(())
}

/// Cancels a meeting (`scope` `this`), it and the series' later ones (`following`) or
/// the whole series still to come (`all`); the other participants are told by e-mail.
#[server(endpoint = "cancel_meeting")]
pub async fn cancel_meeting(
    relationship_id: i64,
    meeting_id: i64,
    #[server(default)] scope: String,
) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::scheduling::model::SeriesScope;
    use crate::state::app_state;
    let member = authz::require_member()?;
    let range = SeriesScope::from_form(&scope)?;
    let state = app_state()?;
    backend::scheduling::changes::cancel(
        &state.db,
        &state.base_url,
        &member,
        meeting_id,
        range,
        chrono::Utc::now(),
    )
    .await?;
    redirect_with_notice(relationship_id, "cancelled");
    Ok(())
}

/// "Apply" on the booking page moving a meeting: it alone (`scope` `this`), it and the
/// series' later ones (`following`) or the whole series still to come (`all`) to the
/// chosen slot, then back to the relationship page; the other participants are told.
#[server(endpoint = "reschedule_meeting")]
pub async fn reschedule_meeting(
    relationship_id: i64,
    meeting_id: i64,
    #[server(default)] scope: String,
    #[server(default)] minutes: String,
    #[server(default)] slot: String,
) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    use backend::scheduling::booking_page::{move_from_form, MoveText};
    let member = authz::require_member()?;
    let state = app_state()?;
    let text = MoveText {
        scope,
        minutes,
        slot,
    };
    move_from_form(
        &state.db,
        &state.base_url,
        &member,
        meeting_id,
        &text,
        chrono::Utc::now(),
    )
    .await?;
    redirect_with_notice(relationship_id, "moved");
    Ok(())
}

/// "+" beside "Number of meetings": logs a meeting held outside the platform.
#[server(endpoint = "log_meeting")]
pub async fn log_meeting(
    relationship_id: i64,
    #[server(default)] day: String,
    #[server(default)] minutes: String,
    #[server(default)] meeting_type: String,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    use backend::scheduling::logged::{log_meeting, LogText};
    let member = authz::require_member()?;
    let text = LogText {
        day,
        minutes,
        meeting_type,
        note,
    };
    let db = &app_state()?.db;
    log_meeting(db, &member, relationship_id, &text, chrono::Utc::now()).await?;
    redirect_with_notice(relationship_id, "logged");
    Ok(())
}

/// Removes a meeting logged by hand.
#[server(endpoint = "remove_logged_meeting")]
pub async fn remove_logged_meeting(relationship_id: i64, id: i64) -> Result<(), AppError> {
    use crate::auth::server::authz;
    use crate::state::app_state;
    let member = authz::require_member()?;
    let db = &app_state()?.db;
    backend::scheduling::logged::remove_logged(db, &member, relationship_id, id).await?;
    redirect_with_notice(relationship_id, "unlogged");
    Ok(())
}

/// A plain form's way back to the relationship page, with the notice of what was done.
#[cfg(feature = "ssr")]
fn redirect_with_notice(relationship_id: i64, notice: &str) {
    crate::state::redirect_plain_form(&format!(
        "{}?{notice}=1",
        shared::relationships::model::relationship_path(relationship_id)
    ));
}
