//! Forms posted without JavaScript. A server function called by a plain HTML form answers
//! with a page, not data: on success wherever the function redirects, on failure back to
//! the form with the error in the query (`?error=<code>&field=<name>`) and, for forms
//! without secrets, the values typed (`keep_draft`), so nothing is lost.
use crate::error::AppError;
use crate::percent::percent_encode;
use http::header::ACCEPT;
use http::{HeaderMap, Method};

/// The response header a server function keeps its form's values in until the error
/// redirect is built (removed from every response before it leaves).
pub const DRAFT_HEADER: &str = "x-mentora-form-draft";

/// True for a plain form post (JavaScript off), as opposed to the hydrated client's call.
pub fn is_plain_form_post(method: &Method, headers: &HeaderMap) -> bool {
    method == Method::POST
        && headers
            .get(ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
}

/// The draft header's value: the form's values as query-string pairs.
pub fn encode_draft(values: &[(&str, &str)]) -> String {
    values
        .iter()
        .map(|(name, value)| format!("&{}={}", percent_encode(name), percent_encode(value)))
        .collect()
}

/// Where a refused plain post goes: back to `form_path` with the error and the draft.
pub fn error_target(form_path: &str, error: &AppError, draft: &str) -> String {
    let mut target = format!("{form_path}?error={}", error.url_code());
    if let Some(field) = error.url_detail() {
        target.push_str(&format!("&field={field}"));
    }
    target.push_str(draft);
    target
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ValidationCode;

    #[test]
    fn a_refused_post_goes_back_with_its_error_and_values() {
        let error = AppError::validation("label_en", ValidationCode::Duplicate);
        let draft = encode_draft(&[("label_en", "Café & co"), ("role", "both")]);
        assert_eq!(
            error_target("/admin/fields/new", &error, &draft),
            "/admin/fields/new?error=duplicate&field=label_en&label_en=Caf%C3%A9%20%26%20co&role=both"
        );
        assert_eq!(
            error_target("/login", &AppError::InvalidCredentials, ""),
            "/login?error=invalid-credentials"
        );
    }

    #[test]
    fn only_html_posts_are_plain_form_posts() {
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT, "text/html,application/xhtml+xml".parse().unwrap());
        assert!(is_plain_form_post(&Method::POST, &headers));
        assert!(!is_plain_form_post(&Method::GET, &headers));
        headers.insert(ACCEPT, "application/json".parse().unwrap());
        assert!(!is_plain_form_post(&Method::POST, &headers));
    }
}
