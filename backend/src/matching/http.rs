//! `POST /search/save`: "Save and search" from the criteria form, with or without
//! JavaScript. The form's fields are the search's own query keys (repeated for several
//! values), so the body is read as the query string it is.
use super::service::{save_search, Searcher};
use crate::auth::authz::{check, Access};
use crate::auth::model::Role;
use crate::auth::session::RequestSession;
use crate::error::{AppError, ValidationCode};
use crate::form_post::error_target;
use crate::matching::search::search_path;
use crate::state::AppState;
use axum::body::to_bytes;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

/// The criteria form is small; this is far more than it can post.
const MAX_BODY: usize = 64 * 1024;

pub async fn save_partner_search(State(state): State<AppState>, request: Request) -> Response {
    let Some(session) = request.extensions().get::<RequestSession>().cloned() else {
        return Redirect::to("/login").into_response();
    };
    let user_id = session.viewer.user_id;
    let scope = match check(Access::Member, Some(session)) {
        Ok(Some(scope)) => scope,
        _ => return StatusCode::FORBIDDEN.into_response(),
    };
    let searcher = Searcher {
        program_id: scope.program_id,
        user_id,
        role: scope.role,
    };
    let back = search_path(searcher.looking_for().unwrap_or(Role::Mentor));
    let saved = match to_bytes(request.into_body(), MAX_BODY).await {
        Ok(body) => {
            let body = String::from_utf8_lossy(&body).into_owned();
            save_search(&state.db, searcher, &body, chrono::Utc::now()).await
        }
        Err(_) => Err(AppError::validation("criteria", ValidationCode::TooLong)),
    };
    match saved {
        Ok(target) => Redirect::to(&target).into_response(),
        Err(AppError::Forbidden) => StatusCode::FORBIDDEN.into_response(),
        Err(err) => Redirect::to(&error_target(back, &err, "")).into_response(),
    }
}
