//! The instance state as pages and server functions reach it (Leptos context), and what a
//! server function called by a plain form (JavaScript off) adds to its answer.
use backend::form_post;
pub use backend::state::*;
use http::HeaderValue;
use leptos::prelude::use_context;
use shared::error::{AppError, AppResult};

pub fn app_state() -> AppResult<AppState> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from context");
        AppError::Internal
    })
}

/// Keeps the form's values for the error redirect of a refused plain post, so the page can
/// show them again and nothing typed is lost. Only for forms without secrets. The server's
/// error layer reads them (and removes them from every answer).
pub fn keep_draft(values: &[(&str, &str)]) {
    let Some(response) = use_context::<leptos_axum::ResponseOptions>() else {
        return;
    };
    if let Ok(value) = HeaderValue::from_str(&form_post::encode_draft(values)) {
        response.insert_header(
            http::HeaderName::from_static(form_post::DRAFT_HEADER),
            value,
        );
    }
}

/// Redirects a plain (no-JavaScript) form post to `target`; a call from the running app
/// gets its result instead and updates the page in place.
pub fn redirect_plain_form(target: &str) {
    if use_context::<http::request::Parts>()
        .is_some_and(|parts| form_post::is_plain_form_post(&parts.method, &parts.headers))
    {
        leptos_axum::redirect(target);
    }
}
