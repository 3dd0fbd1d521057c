//! Shared types of the e-mail log and system messages.
use serde::{Deserialize, Serialize};

/// One status model for every e-mail, whatever reported it (our SMTP worker, the
/// provider's webhook, the open pixel).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EmailStatus {
    /// Waiting for the worker.
    Queued,
    /// Accepted by the SMTP relay; no delivery report yet.
    Sent,
    Delivered,
    Opened,
    /// Refused by the recipient's server (SMTP 5xx or a provider bounce report).
    Bounced,
    /// Temporarily refused (SMTP 4xx); retried with backoff.
    Deferred,
    /// The recipient or their provider reported it as spam.
    Spam,
    /// Retries exhausted without an answer from the relay.
    Failed,
}

impl EmailStatus {
    pub const ALL: [EmailStatus; 8] = [
        EmailStatus::Queued,
        EmailStatus::Sent,
        EmailStatus::Delivered,
        EmailStatus::Opened,
        EmailStatus::Bounced,
        EmailStatus::Deferred,
        EmailStatus::Spam,
        EmailStatus::Failed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            EmailStatus::Queued => "queued",
            EmailStatus::Sent => "sent",
            EmailStatus::Delivered => "delivered",
            EmailStatus::Opened => "opened",
            EmailStatus::Bounced => "bounced",
            EmailStatus::Deferred => "deferred",
            EmailStatus::Spam => "spam",
            EmailStatus::Failed => "failed",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            EmailStatus::Queued => "email-status-queued",
            EmailStatus::Sent => "email-status-sent",
            EmailStatus::Delivered => "email-status-delivered",
            EmailStatus::Opened => "email-status-opened",
            EmailStatus::Bounced => "email-status-bounced",
            EmailStatus::Deferred => "email-status-deferred",
            EmailStatus::Spam => "email-status-spam",
            EmailStatus::Failed => "email-status-failed",
        }
    }
}

/// A delivery report, from the webhook or the open pixel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeliveryEvent {
    Delivered,
    /// `automatic`: fetched by a mail provider's image proxy right after delivery,
    /// not (as far as we can tell) by a person.
    Open {
        automatic: bool,
    },
    Bounce,
    Deferred,
    Spam,
}

impl DeliveryEvent {
    /// Webhook event names (ours, and the common provider spellings).
    pub fn parse(name: &str) -> Option<Self> {
        Some(match name.to_ascii_lowercase().as_str() {
            "delivered" | "delivery" => DeliveryEvent::Delivered,
            "open" | "opened" => DeliveryEvent::Open { automatic: false },
            "bounce" | "bounced" | "dropped" | "failed" => DeliveryEvent::Bounce,
            "deferred" | "delayed" => DeliveryEvent::Deferred,
            "spam" | "spam_complaint" | "spamreport" | "complained" | "complaint" => {
                DeliveryEvent::Spam
            }
            _ => return None,
        })
    }

    pub fn code(self) -> &'static str {
        match self {
            DeliveryEvent::Delivered => "delivered",
            DeliveryEvent::Open { automatic: false } => "open",
            DeliveryEvent::Open { automatic: true } => "open_automatic",
            DeliveryEvent::Bounce => "bounce",
            DeliveryEvent::Deferred => "deferred",
            DeliveryEvent::Spam => "spam",
        }
    }
}

/// Where an e-mail's status goes after `event`; `None` leaves it as it is (late or
/// out-of-order reports never make a status less informative).
pub fn next_status(current: EmailStatus, event: DeliveryEvent) -> Option<EmailStatus> {
    use EmailStatus as S;
    match (event, current) {
        (_, S::Spam) => None,
        (DeliveryEvent::Spam, _) => Some(S::Spam),
        // An open proves delivery, whatever was reported before.
        (DeliveryEvent::Open { .. }, S::Queued) => None,
        (DeliveryEvent::Open { .. }, _) => Some(S::Opened),
        (DeliveryEvent::Bounce, S::Queued | S::Sent | S::Deferred | S::Delivered | S::Failed) => {
            Some(S::Bounced)
        }
        (DeliveryEvent::Delivered, S::Queued | S::Sent | S::Deferred | S::Failed) => {
            Some(S::Delivered)
        }
        (DeliveryEvent::Deferred, S::Queued | S::Sent) => Some(S::Deferred),
        _ => None,
    }
}

/// User agents of the image proxies that fetch every image of a message on arrival.
const PREFETCH_AGENTS: [&str; 6] = [
    "googleimageproxy",
    "ggpht.com",
    "yahoomailproxy",
    "mimecast",
    "proofpoint",
    "barracuda",
];

/// An open "by a machine": a known prefetching proxy, within seconds of sending.
/// (Apple Mail Privacy Protection sends a bare "Mozilla/5.0".)
pub fn is_automatic_open(user_agent: &str, seconds_since_sent: Option<i64>) -> bool {
    let agent = user_agent.trim().to_ascii_lowercase();
    let known_proxy = agent == "mozilla/5.0" || PREFETCH_AGENTS.iter().any(|p| agent.contains(p));
    known_proxy && seconds_since_sent.is_some_and(|s| (0..=30).contains(&s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use EmailStatus as S;

    #[test]
    fn status_moves_forward_only() {
        let open = DeliveryEvent::Open { automatic: false };
        assert_eq!(
            next_status(S::Sent, DeliveryEvent::Delivered),
            Some(S::Delivered)
        );
        assert_eq!(next_status(S::Delivered, open), Some(S::Opened));
        assert_eq!(next_status(S::Bounced, open), Some(S::Opened));
        assert_eq!(next_status(S::Opened, DeliveryEvent::Delivered), None);
        assert_eq!(next_status(S::Opened, DeliveryEvent::Bounce), None);
        assert_eq!(
            next_status(S::Delivered, DeliveryEvent::Bounce),
            Some(S::Bounced)
        );
        assert_eq!(next_status(S::Delivered, DeliveryEvent::Deferred), None);
        assert_eq!(
            next_status(S::Sent, DeliveryEvent::Deferred),
            Some(S::Deferred)
        );
        assert_eq!(next_status(S::Opened, DeliveryEvent::Spam), Some(S::Spam));
        assert_eq!(next_status(S::Spam, open), None);
    }

    #[test]
    fn event_names() {
        assert_eq!(
            DeliveryEvent::parse("spamreport"),
            Some(DeliveryEvent::Spam)
        );
        assert_eq!(DeliveryEvent::parse("Bounce"), Some(DeliveryEvent::Bounce));
        assert_eq!(DeliveryEvent::parse("click"), None);
        for s in EmailStatus::ALL {
            assert_eq!(EmailStatus::parse(s.code()), Some(s));
        }
    }

    #[test]
    fn proxy_opens_right_after_sending_are_automatic() {
        let google = "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)";
        assert!(is_automatic_open(google, Some(3)));
        assert!(!is_automatic_open(google, Some(3600)));
        assert!(is_automatic_open("Mozilla/5.0", Some(1)));
        let person = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36";
        assert!(!is_automatic_open(person, Some(2)));
        assert!(!is_automatic_open(google, None));
    }
}
