//! Shared types of the e-mail log and system messages.
use serde::{Deserialize, Serialize};

crate::text_enum! {
    /// One status model for every e-mail, whatever reported it (our SMTP worker, the
    /// provider's webhook, the open pixel).
    pub enum EmailStatus {
        /// Waiting for the worker.
        Queued = "queued",
        /// Accepted by the SMTP relay; no delivery report yet.
        Sent = "sent",
        Delivered = "delivered",
        Opened = "opened",
        /// Refused by the recipient's server (SMTP 5xx or a provider bounce report).
        Bounced = "bounced",
        /// Temporarily refused (SMTP 4xx); retried with backoff.
        Deferred = "deferred",
        /// The recipient or their provider reported it as spam.
        Spam = "spam",
        /// Retries exhausted without an answer from the relay.
        Failed = "failed",
    }
}

impl EmailStatus {
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
            assert_eq!(EmailStatus::parse(s.as_str()), Some(s));
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

/// The e-mail log's filters, as they appear in the page's URL.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailLogQuery {
    /// Recipients, by e-mail address (several allowed).
    #[serde(default)]
    pub members: Vec<String>,
    #[serde(default)]
    pub statuses: Vec<EmailStatus>,
    /// `YYYY-MM-DD`, in the viewer's time zone, inclusive.
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    /// Keyset cursors (`<micros>.<id>`): rows older than `before`, or newer than `after`.
    #[serde(default)]
    pub before: Option<String>,
    #[serde(default)]
    pub after: Option<String>,
}

impl EmailLogQuery {
    /// Reads the page's query string (`member=…&status=…&from=…&to=…&before=…`).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut query = EmailLogQuery::default();
        for (key, value) in pairs {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match key {
                "member" => query.members.push(value.to_lowercase()),
                "status" => query.statuses.extend(EmailStatus::parse(value)),
                "from" => query.from = Some(value.to_string()),
                "to" => query.to = Some(value.to_string()),
                "before" => query.before = Some(value.to_string()),
                "after" => query.after = Some(value.to_string()),
                _ => {}
            }
        }
        query
    }

    /// The filters (not the cursor) as a query string, for links and the CSV download.
    pub fn filter_string(&self) -> String {
        let mut parts: Vec<String> = self
            .members
            .iter()
            .map(|m| format!("member={}", crate::percent::percent_encode(m)))
            .collect();
        parts.extend(
            self.statuses
                .iter()
                .map(|s| format!("status={}", s.as_str())),
        );
        parts.extend(
            self.from
                .iter()
                .map(|d| format!("from={}", crate::percent::percent_encode(d))),
        );
        parts.extend(
            self.to
                .iter()
                .map(|d| format!("to={}", crate::percent::percent_encode(d))),
        );
        parts.join("&")
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailLogRow {
    pub id: i64,
    /// The message's name: its subject as sent.
    pub subject: String,
    pub to_name: String,
    pub to_address: String,
    pub sent: crate::i18n::LocalDateTime,
    pub status: EmailStatus,
    /// When the status last changed (the open time for "Opened").
    pub status_at: crate::i18n::LocalDateTime,
    pub open_automatic: bool,
}

/// Rows per page of the e-mail log.
pub const EMAIL_LOG_PAGE: i64 = 50;
/// Counting stops here: "more than 10,000" is all a person needs to know.
pub const EMAIL_LOG_COUNT_CAP: i64 = 10_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailLogPage {
    pub rows: Vec<EmailLogRow>,
    /// Matching rows, counted up to `EMAIL_LOG_COUNT_CAP` (+1 means "more than").
    pub total: i64,
    pub older: Option<String>,
    pub newer: Option<String>,
    /// The recipients being filtered on, with their names, for the filter chips.
    pub members: Vec<(String, String)>,
}

/// One e-mail, as the admin reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailDetail {
    pub row: EmailLogRow,
    pub body_text: String,
    pub template_key: Option<String>,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub events: Vec<(String, crate::i18n::LocalDateTime, String)>,
}

#[cfg(test)]
mod log_query_tests {
    use super::*;

    #[test]
    fn query_strings_round_trip() {
        let q = EmailLogQuery::from_pairs([
            ("member", "Zoe@X.ca"),
            ("status", "bounced"),
            ("status", "nonsense"),
            ("from", "2026-11-01"),
            ("to", ""),
            ("before", "123.4"),
        ]);
        assert_eq!(q.members, vec!["zoe@x.ca"]);
        assert_eq!(q.statuses, vec![EmailStatus::Bounced]);
        assert_eq!(q.to, None);
        assert_eq!(
            q.filter_string(),
            "member=zoe%40x.ca&status=bounced&from=2026-11-01"
        );
    }
}

/// A row of the "System-generated messages" page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateSummary {
    pub key: String,
    pub category: crate::messaging::template::TemplateCategory,
    /// The subject in the viewer's language.
    pub subject: String,
    pub active: bool,
    /// Changed by the program (otherwise the shipped text).
    pub edited: bool,
    pub required: bool,
}

/// A template as its editor shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateEdit {
    pub key: String,
    pub category: crate::messaging::template::TemplateCategory,
    pub keywords: Vec<String>,
    pub subject_en: String,
    pub body_en: String,
    pub subject_fr: String,
    pub body_fr: String,
    pub active: bool,
    pub required: bool,
    pub edited: bool,
}
