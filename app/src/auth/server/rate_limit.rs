//! Sliding-window rate limits kept in the database, so every app instance behind the
//! same database counts the same attempts.
use super::repo;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use chrono::{Duration, Utc};

#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub max: i64,
    pub window: Duration,
}

/// Failed sign-ins from one address.
pub const SIGN_IN_FAILURES_PER_IP: Limit = Limit {
    max: 20,
    window: Duration::minutes(15),
};
/// Registrations, reset and unlock requests from one address.
pub const ACCOUNT_REQUESTS_PER_IP: Limit = Limit {
    max: 20,
    window: Duration::hours(1),
};
/// Reset and unlock e-mails to one address.
pub const EMAILS_PER_ACCOUNT: Limit = Limit {
    max: 3,
    window: Duration::hours(1),
};

/// Fails with `RateLimited` when `bucket` already reached its limit.
pub async fn ensure_below(db: &Db, bucket: &str, limit: Limit) -> AppResult<()> {
    let since = Utc::now() - limit.window;
    if repo::count_hits(db, bucket, since).await? >= limit.max {
        return Err(AppError::RateLimited);
    }
    Ok(())
}

pub async fn count(db: &Db, bucket: &str) -> AppResult<()> {
    repo::insert_hit(db, bucket, Utc::now()).await?;
    Ok(())
}

/// Checks and counts in one go.
pub async fn hit(db: &Db, bucket: &str, limit: Limit) -> AppResult<()> {
    ensure_below(db, bucket, limit).await?;
    count(db, bucket).await
}

/// The caller's address: the socket's peer, or (behind a trusted proxy) the first
/// `X-Forwarded-For` entry.
pub fn client_ip(parts: &http::request::Parts, trust_proxy: bool) -> String {
    if trust_proxy {
        if let Some(forwarded) = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .map(str::trim)
            .filter(|v| !v.is_empty())
        {
            return forwarded.to_string();
        }
    }
    parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|info| info.0.ip().to_string())
        .unwrap_or_else(|| "unknown".to_string())
}

/// The caller's address inside a server function.
pub fn request_ip() -> String {
    let trust_proxy = crate::state::app_state()
        .map(|s| s.trust_proxy)
        .unwrap_or(false);
    leptos::prelude::use_context::<http::request::Parts>()
        .map(|parts| client_ip(&parts, trust_proxy))
        .unwrap_or_else(|| "unknown".to_string())
}
