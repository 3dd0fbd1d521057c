//! The Content-Security-Policy of pages and of every other response.
//!
//! Scripts run only from this site or with the response's nonce (Leptos puts it on the
//! hydration script and on the scripts that carry streamed data); the wasm modules need
//! 'wasm-unsafe-eval'. The pages have no inline styles, so styles come from /pkg only.
use leptos::prelude::use_context;

/// The policy; `nonce` is the page's, `None` for responses that are not pages.
pub fn policy(nonce: Option<&str>) -> String {
    let scripts = match nonce {
        Some(nonce) => format!("'self' 'nonce-{nonce}' 'wasm-unsafe-eval'"),
        None => "'self' 'wasm-unsafe-eval'".to_string(),
    };
    format!(
        "default-src 'self'; script-src {scripts}; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; \
         object-src 'none'"
    )
}

/// Sets this page's policy with the nonce Leptos made for the response (called while
/// rendering the shell, before the headers are sent).
pub fn set_page_policy() {
    let nonce = leptos::nonce::use_nonce();
    let Some(response) = use_context::<leptos_axum::ResponseOptions>() else {
        return;
    };
    if let Ok(value) = http::HeaderValue::from_str(&policy(nonce.as_deref())) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}
