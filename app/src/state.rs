//! Server state shared with pages and server functions through Leptos context.
use crate::db::Db;
use crate::error::{AppError, AppResult};
use http::header::{ACCEPT, HOST, REFERER};
use http::StatusCode;
use leptos::prelude::use_context;

#[derive(Clone, Debug)]
pub struct AppState {
    pub db: Db,
    /// Set when the public base URL is https: cookies then carry `Secure`.
    pub secure_cookies: bool,
    /// The public URL, without a trailing slash: links in e-mails start with it.
    pub base_url: String,
    /// Behind a reverse proxy: take the client address from `X-Forwarded-For`.
    pub trust_proxy: bool,
    /// Shared secret of the delivery-report webhook; `None` disables it.
    pub email_webhook_secret: Option<String>,
    /// How this instance's background workers are doing (read by `/healthz`).
    pub workers: WorkerHealth,
}

/// The state of each supervised background worker of this instance.
#[derive(Clone, Debug, Default)]
pub struct WorkerHealth(std::sync::Arc<std::sync::Mutex<Vec<WorkerReport>>>);

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct WorkerReport {
    pub name: &'static str,
    pub running: bool,
    /// Times the worker stopped and was started again.
    pub restarts: u32,
    /// Why it last stopped.
    pub last_stop: Option<String>,
}

impl WorkerHealth {
    fn update(&self, name: &'static str, change: impl FnOnce(&mut WorkerReport)) {
        let mut reports = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let index = match reports.iter().position(|r| r.name == name) {
            Some(index) => index,
            None => {
                reports.push(WorkerReport {
                    name,
                    running: false,
                    restarts: 0,
                    last_stop: None,
                });
                reports.len() - 1
            }
        };
        change(&mut reports[index]);
    }

    pub fn started(&self, name: &'static str) {
        self.update(name, |r| r.running = true);
    }

    pub fn stopped(&self, name: &'static str, reason: String) {
        self.update(name, |r| {
            r.running = false;
            r.restarts += 1;
            r.last_stop = Some(reason);
        });
    }

    pub fn reports(&self) -> Vec<WorkerReport> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }
}

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
