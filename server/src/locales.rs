//! `/locales/<lang>-<version>.ftl`: a language's translations for the browser, fetched
//! before the page hydrates. The version in the name is a fingerprint of the texts, so
//! the current one is cached for good and any other name is answered with today's text
//! but not cached (a page from an older build still gets words).
use app::i18n::{locale_text, locale_version, Lang};
use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

pub async fn locale_file(Path(file): Path<String>) -> Response {
    let Some((code, version)) = file
        .strip_suffix(".ftl")
        .and_then(|name| name.split_once('-'))
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Some(lang) = Lang::parse(code).filter(|l| l.code() == code) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let cache = if version == locale_version() {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    (
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, cache),
        ],
        locale_text(lang),
    )
        .into_response()
}
