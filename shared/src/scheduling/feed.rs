//! A member's private calendar feed: one secret address listing their meetings from every
//! relationship, for their own calendar application to subscribe to.
use crate::i18n::LocalDateTime;
use serde::{Deserialize, Serialize};

/// Where feeds are served: `/feeds/{secret}.ics`.
pub const FEED_ROUTE: &str = "/feeds";
/// How far back a feed lists meetings; every future one is listed.
pub const FEED_PAST_DAYS: i64 = 90;
/// How often a calendar is asked to read the feed again.
pub const FEED_REFRESH_MINUTES: u32 = 60;

pub fn feed_path(token: &str) -> String {
    format!("{FEED_ROUTE}/{token}.ics")
}

/// The same address for calendar applications that subscribe on a click (`webcal://`).
pub fn webcal_url(https_url: &str) -> String {
    let rest = https_url
        .strip_prefix("https://")
        .or_else(|| https_url.strip_prefix("http://"))
        .unwrap_or(https_url);
    format!("webcal://{rest}")
}

/// The account page's calendar feed section.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarFeedView {
    /// The feed's address, when it is on.
    pub url: Option<String>,
    /// When a calendar last read it, on the member's clock.
    pub last_read: Option<LocalDateTime>,
}

#[cfg(test)]
mod tests {
    #[test]
    fn webcal_is_the_same_address() {
        assert_eq!(
            super::webcal_url("https://m.example/feeds/abc.ics"),
            "webcal://m.example/feeds/abc.ics"
        );
        assert_eq!(
            super::webcal_url("http://127.0.0.1:3000/feeds/abc.ics"),
            "webcal://127.0.0.1:3000/feeds/abc.ics"
        );
    }
}
