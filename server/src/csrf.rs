//! Refuses cross-site state-changing requests (CSRF), and bodies no form of ours sends.
//!
//! SameSite=Lax cookies alone still let a same-site page (another app on this host or
//! another port) post here, so the browser's own word on where a request comes from
//! decides: `Sec-Fetch-Site` (every current browser), else `Origin` (browsers send it on
//! every POST), else `Referer`. A request with none of the three does not come from a web
//! page — curl, the test suite, the e-mail provider — and no site could have made a
//! browser send it with someone's cookie, so it passes.
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use backend::local_url::is_same_origin;
use backend::state::AppState;

/// Called by the e-mail provider, authenticated by its HMAC signature instead.
const EXEMPT_PATHS: [&str; 1] = ["/webhooks/email"];

/// What our forms and server functions send: server functions take the default
/// URL-encoded input, uploads are multipart. (`text/plain` is how a cross-site form smuggles
/// a body in without a preflight.)
const ACCEPTED_TYPES: [&str; 2] = ["application/x-www-form-urlencoded", "multipart/form-data"];

pub async fn refuse_cross_site(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let changes_state = matches!(
        *request.method(),
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    );
    if !changes_state || EXEMPT_PATHS.contains(&request.uri().path()) {
        return next.run(request).await;
    }
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .or_else(|| request.uri().authority().map(|a| a.as_str()));
    if !from_this_site(request.headers(), host, &state.base_url) {
        tracing::warn!(path = %request.uri().path(), "cross-site request refused");
        return crate::plain_response(StatusCode::FORBIDDEN, "error-cross-site");
    }
    if !accepted_body(request.headers()) {
        return crate::plain_response(StatusCode::UNSUPPORTED_MEDIA_TYPE, "error-bad-request");
    }
    next.run(request).await
}

fn from_this_site(headers: &HeaderMap, host: Option<&str>, base_url: &str) -> bool {
    // A header that is present but not text counts as present and wrong.
    let value = |name| headers.get(name).map(|v| v.to_str().unwrap_or(""));
    if let Some(site) = value("sec-fetch-site") {
        return matches!(site, "same-origin" | "none");
    }
    match value(header::ORIGIN.as_str()).or_else(|| value(header::REFERER.as_str())) {
        Some(url) => is_same_origin(url, host, base_url),
        None => true,
    }
}

/// A declared type must be one of ours; without one there must be no body either.
fn accepted_body(headers: &HeaderMap) -> bool {
    match headers.get(header::CONTENT_TYPE) {
        Some(value) => {
            let essence = value.to_str().unwrap_or("").split(';').next().unwrap_or("");
            ACCEPTED_TYPES
                .iter()
                .any(|t| t.eq_ignore_ascii_case(essence.trim()))
        }
        None => {
            headers.get(header::TRANSFER_ENCODING).is_none()
                && headers
                    .get(header::CONTENT_LENGTH)
                    .is_none_or(|len| len.as_bytes() == b"0")
        }
    }
}
