//! Rate limits as server functions apply them (the limits and counting are the backend's).
pub use backend::auth::rate_limit::*;

/// The caller's address inside a server function.
pub fn request_ip() -> String {
    let trust_proxy = crate::state::app_state()
        .map(|s| s.trust_proxy)
        .unwrap_or(false);
    leptos::prelude::use_context::<http::request::Parts>()
        .map(|parts| client_ip(&parts, trust_proxy))
        .unwrap_or_else(|| "unknown".to_string())
}
