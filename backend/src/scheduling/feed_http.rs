//! `GET /feeds/{secret}.ics`: a member's calendar feed, for calendar applications (no
//! session: the secret is the key).
use super::feed_service::feed_text;
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

pub async fn calendar_feed(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some(token) = file.strip_suffix(".ics") else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match feed_text(&state.db, &state.base_url, token, chrono::Utc::now()).await {
        Ok(text) => (
            [
                (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
                (header::CACHE_CONTROL, "private, no-store"),
                (
                    header::CONTENT_DISPOSITION,
                    "inline; filename=\"mentoring-meetings.ics\"",
                ),
            ],
            text,
        )
            .into_response(),
        Err(AppError::RateLimited) => (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::RETRY_AFTER, "600")],
        )
            .into_response(),
        Err(err) => err.http_status().into_response(),
    }
}
