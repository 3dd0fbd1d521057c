//! Server-side sessions: a random token in an HttpOnly cookie, its SHA-256 in the database.
//! A middleware resolves the cookie once per request and stores the result in the
//! request's extensions, where pages and server functions read it synchronously.
use super::repo;
use crate::auth::model::Viewer;
use crate::i18n::Lang;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Duration, Utc};
use http::header::{COOKIE, SET_COOKIE};
use http::HeaderValue;
use rand::RngCore;
use sha2::{Digest, Sha256};

pub const SESSION_COOKIE: &str = "mentora_session";
pub const LANG_COOKIE: &str = "lang";
/// "Stay signed in": the session lives this long.
pub const PERSISTENT_TTL: Duration = Duration::days(30);
/// Otherwise it ends after this much inactivity (and with the browser session).
pub const IDLE_TTL: Duration = Duration::hours(12);
/// Activity is written back at most this often, so reads stay reads.
const TOUCH_INTERVAL: Duration = Duration::minutes(5);

/// The session a request carries, resolved by `resolve_session`.
#[derive(Clone, Debug)]
pub struct RequestSession {
    pub token_hash: String,
    pub viewer: Viewer,
}

pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn hash_token(token: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(token.as_bytes()))
}

pub fn expiry(persistent: bool, now: DateTime<Utc>) -> DateTime<Utc> {
    now + if persistent { PERSISTENT_TTL } else { IDLE_TTL }
}

/// Reads one cookie from the request headers.
pub fn cookie_value<'a>(headers: &'a http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (k, v) = pair.trim().split_once('=')?;
            (k == name).then_some(v)
        })
}

pub fn session_cookie(token: &str, persistent: bool, secure: bool) -> HeaderValue {
    let max_age = if persistent {
        format!("; Max-Age={}", PERSISTENT_TTL.num_seconds())
    } else {
        String::new()
    };
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax{secure}{max_age}"
    ))
    .expect("token is URL-safe base64")
}

pub fn clear_session_cookie(secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax{secure}; Max-Age=0"
    ))
    .expect("static cookie")
}

pub fn lang_cookie(lang: Lang, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{LANG_COOKIE}={}; Path=/; SameSite=Lax{secure}; Max-Age=31536000",
        lang.code()
    ))
    .expect("static cookie")
}

/// The language of a request: saved preference > `lang` cookie > Accept-Language > English.
pub fn request_lang(parts: &http::request::Parts) -> Lang {
    if let Some(session) = parts.extensions.get::<RequestSession>() {
        return session.viewer.language;
    }
    cookie_value(&parts.headers, LANG_COOKIE)
        .and_then(Lang::parse)
        .or_else(|| {
            parts
                .headers
                .get(http::header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or_default()
}

/// Axum middleware: resolves the session cookie into a `RequestSession` extension.
/// Unknown, expired or deactivated sessions are dropped and their cookie cleared.
pub async fn resolve_session(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let token = cookie_value(request.headers(), SESSION_COOKIE)
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    let mut clear_cookie = false;
    if let Some(token) = token {
        let token_hash = hash_token(&token);
        let now = Utc::now();
        match repo::find_session(&state.db, &token_hash, now).await {
            Ok(Some(found)) => {
                if now - found.last_seen_at > TOUCH_INTERVAL {
                    let expires = if found.persistent {
                        found.expires_at
                    } else {
                        expiry(false, now)
                    };
                    if let Err(err) =
                        repo::touch_session(&state.db, &token_hash, now, expires).await
                    {
                        tracing::warn!(error = %err, "could not record session activity");
                    }
                }
                // Someone signed in has nothing to do on the sign-in page.
                if request.uri().path() == "/login" {
                    return axum::response::Redirect::to("/").into_response();
                }
                request.extensions_mut().insert(RequestSession {
                    token_hash,
                    viewer: found.viewer,
                });
            }
            Ok(None) => clear_cookie = true,
            Err(err) => tracing::error!(error = %err, "session lookup failed"),
        }
    }
    let mut response = next.run(request).await;
    // A stale cookie is cleared, unless this very response signs someone in.
    if clear_cookie && !sets_session_cookie(&response) {
        response
            .headers_mut()
            .append(SET_COOKIE, clear_session_cookie(state.secure_cookies));
    }
    response
}

fn sets_session_cookie(response: &Response) -> bool {
    let prefix = format!("{SESSION_COOKIE}=");
    response.headers().get_all(SET_COOKIE).iter().any(|v| {
        v.to_str()
            .is_ok_and(|c| c.starts_with(&prefix) && !c.contains("Max-Age=0"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_hashes_stable() {
        let a = new_token();
        assert_ne!(a, new_token());
        assert_eq!(a.len(), 43);
        assert_eq!(hash_token(&a), hash_token(&a));
        assert_ne!(hash_token(&a), a);
    }

    #[test]
    fn cookies_carry_the_security_attributes() {
        let c = session_cookie("abc", false, true);
        let c = c.to_str().unwrap();
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && c.contains("Secure"));
        assert!(
            !c.contains("Max-Age"),
            "a non-persistent session dies with the browser"
        );
        let p = session_cookie("abc", true, false);
        assert!(p.to_str().unwrap().contains("Max-Age=2592000"));
        assert!(!p.to_str().unwrap().contains("Secure"));
    }

    #[test]
    fn reads_cookies_and_language_order() {
        let mut req = http::Request::builder()
            .header(COOKIE, "a=1; lang=fr")
            .header(http::header::ACCEPT_LANGUAGE, "en-CA")
            .body(())
            .unwrap();
        assert_eq!(cookie_value(req.headers(), "a"), Some("1"));
        let (parts, _) = req.clone().into_parts();
        assert_eq!(
            request_lang(&parts),
            Lang::Fr,
            "cookie beats Accept-Language"
        );
        req.headers_mut().remove(COOKIE);
        let (parts, _) = req.into_parts();
        assert_eq!(request_lang(&parts), Lang::En);
        let (parts, _) = http::Request::builder()
            .header(http::header::ACCEPT_LANGUAGE, "fr-CA,fr;q=0.9")
            .body(())
            .unwrap()
            .into_parts();
        assert_eq!(request_lang(&parts), Lang::Fr);
    }
}
