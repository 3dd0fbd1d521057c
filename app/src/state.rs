//! The instance state as pages and server functions reach it (Leptos context), and how a
//! server function answers an error.
pub use backend::state::*;
use http::header::{ACCEPT, HOST, REFERER};
use http::StatusCode;
use leptos::prelude::use_context;
use shared::error::{AppError, AppResult};

pub fn app_state() -> AppResult<AppState> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from context");
        AppError::Internal
    })
}

/// True for a plain HTML form post (JavaScript off), as opposed to the hydrated client.
fn is_plain_form_post(parts: &http::request::Parts) -> bool {
    parts.method == http::Method::POST
        && parts
            .headers
            .get(ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
}

/// Form values a plain (no-JavaScript) post gets back in the query with its error, so the
/// page can show them again and nothing typed is lost. Only for forms without secrets.
#[derive(Clone, Debug, Default)]
pub struct FormDraft(pub Vec<(String, String)>);

/// Keeps these values for the error redirect of this request (see `respond`).
pub fn keep_draft(values: &[(&str, &str)]) {
    leptos::prelude::provide_context(FormDraft(
        values
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    ));
}

/// Finishes a server function: an error gets its HTTP status, or — for a plain form post —
/// a redirect back to the form with `?error=<code>` so the page can show it without JavaScript.
pub fn respond<T>(result: AppResult<T>) -> AppResult<T> {
    if let Err(err) = &result {
        let parts = use_context::<http::request::Parts>();
        let response = use_context::<leptos_axum::ResponseOptions>();
        match (parts, response) {
            (Some(parts), _) if is_plain_form_post(&parts) => {
                let back = referer_path(&parts).unwrap_or_else(|| "/".to_string());
                let mut target = format!("{back}?error={}", err.url_code());
                if let Some(field) = err.url_detail() {
                    target.push_str(&format!("&field={field}"));
                }
                for (name, value) in use_context::<FormDraft>().unwrap_or_default().0 {
                    target.push_str(&format!(
                        "&{name}={}",
                        crate::messaging::model::encode_component(&value)
                    ));
                }
                leptos_axum::redirect(&target);
            }
            (_, Some(response)) => {
                response.set_status(
                    StatusCode::from_u16(err.status_code())
                        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
                );
            }
            _ => {}
        }
    }
    result
}

/// Redirects a plain (no-JavaScript) form post to `target`; a call from the running app
/// gets its result instead and updates the page in place.
pub fn redirect_plain_form(target: &str) {
    if use_context::<http::request::Parts>().is_some_and(|parts| is_plain_form_post(&parts)) {
        leptos_axum::redirect(target);
    }
}

/// The path of the Referer, when it is this site (the error replaces its query).
fn referer_path(parts: &http::request::Parts) -> Option<String> {
    let header = |name| parts.headers.get(name).and_then(|v| v.to_str().ok());
    let base_url = app_state().ok()?.base_url;
    crate::local_url::same_origin_referer_path(header(REFERER)?, header(HOST), &base_url)
}
