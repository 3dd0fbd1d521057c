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

/// Reads of one member's calendar feed (calendars poll every few minutes to hours).
pub const FEED_READS: Limit = Limit {
    max: 60,
    window: Duration::hours(1),
};

/// Reads of a member's own calendar they ask for (connecting it, "Read now").
pub const CALENDAR_READS: Limit = Limit {
    max: 20,
    window: Duration::hours(1),
};

/// Every limit above: the sweeper keeps hits as long as the longest window counts them.
const ALL_LIMITS: [Limit; 5] = [
    SIGN_IN_FAILURES_PER_IP,
    ACCOUNT_REQUESTS_PER_IP,
    EMAILS_PER_ACCOUNT,
    FEED_READS,
    CALENDAR_READS,
];

/// Removes the hits no limit counts any more; returns how many.
pub async fn prune(db: &Db, now: chrono::DateTime<Utc>) -> AppResult<u64> {
    let longest = ALL_LIMITS
        .iter()
        .map(|l| l.window)
        .max()
        .unwrap_or_default();
    Ok(repo::prune_hits(db, now - longest).await?)
}

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

/// The caller's address: the socket's peer, or (behind a trusted proxy) the last
/// `X-Forwarded-For` entry — the one our proxy added; entries before it are whatever the
/// client sent, so a client could pick its own address with them.
pub fn client_ip(parts: &http::request::Parts, trust_proxy: bool) -> String {
    let forwarded = parts
        .headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .rfind(|v| !v.is_empty());
    match forwarded {
        Some(forwarded) if trust_proxy => return forwarded.to_string(),
        Some(_) => warn_untrusted_proxy_once(),
        None => {}
    }
    parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|info| info.0.ip().to_string())
        .unwrap_or_else(|| "unknown".to_string())
}

/// Requests carry `X-Forwarded-For` but the proxy is not trusted: every client then shares
/// the proxy's address, and its per-address sign-in limit. Said once per process.
fn warn_untrusted_proxy_once() {
    static WARNED: std::sync::Once = std::sync::Once::new();
    WARNED.call_once(|| {
        tracing::warn!(
            "requests arrive with X-Forwarded-For but --trust-proxy is not set: behind a \
             reverse proxy every client shares its address (and the per-address sign-in \
             limit); set --trust-proxy / TRUST_PROXY=true"
        )
    });
}

#[cfg(test)]
mod tests {
    use super::client_ip;

    fn parts(forwarded: &[&str]) -> http::request::Parts {
        let mut builder = http::Request::builder();
        for value in forwarded {
            builder = builder.header("x-forwarded-for", *value);
        }
        let (mut parts, _) = builder.body(()).unwrap().into_parts();
        let peer: std::net::SocketAddr = "10.1.2.3:5000".parse().unwrap();
        parts.extensions.insert(axum::extract::ConnectInfo(peer));
        parts
    }

    #[test]
    fn only_the_proxys_own_entry_is_believed() {
        // The client wrote "1.1.1.1"; our proxy appended the address it saw.
        let spoofed = parts(&["1.1.1.1, 203.0.113.9"]);
        assert_eq!(client_ip(&spoofed, true), "203.0.113.9");
        assert_eq!(
            client_ip(&parts(&["1.1.1.1", "198.51.100.4"]), true),
            "198.51.100.4"
        );
        assert_eq!(client_ip(&spoofed, false), "10.1.2.3", "no proxy trusted");
        assert_eq!(client_ip(&parts(&[]), true), "10.1.2.3");
    }
}
