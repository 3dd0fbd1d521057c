//! The outbox worker: leases due messages, sends them over SMTP (lettre), and records the
//! relay's answer. 4xx → deferred and retried with backoff; 5xx → bounced.
//!
//! Exactly-once: a message is leased before sending and marked sent right after the
//! relay's "250 OK". A worker killed mid-batch leaves its leased messages unsent in the
//! database; they are due again when the lease runs out. The one unavoidable window
//! (RFC 1047: killed between the relay's 250 and our commit) is microseconds wide, and the
//! stable Message-ID lets receiving systems drop such a duplicate.
use backend::db::Db;
use backend::messaging::repo::{self, OutgoingEmail};
use chrono::{Duration, Utc};
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Attachment, Body, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use shared::error::is_line_breaking;
use std::time::Duration as StdDuration;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TlsMode {
    /// Plain text (a relay on localhost or a test sink)
    None,
    /// STARTTLS upgrade (usually port 587)
    Starttls,
    /// TLS from the first byte (usually port 465)
    Tls,
}

#[derive(Clone, Debug)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub tls: TlsMode,
    pub username: Option<String>,
    pub password: Option<String>,
    pub from: Mailbox,
    /// The right-hand side of our Message-IDs.
    pub message_id_domain: String,
}

#[derive(Clone, Debug)]
pub struct WorkerOptions {
    /// How long a leased message is reserved for the worker that took it.
    pub lease: Duration,
    /// First retry delay; doubled on every attempt, capped at one hour.
    pub backoff: Duration,
    pub max_attempts: i32,
    pub batch: i64,
    pub idle_poll: StdDuration,
}

impl Default for WorkerOptions {
    fn default() -> Self {
        Self {
            lease: Duration::seconds(120),
            backoff: Duration::seconds(30),
            max_attempts: 10,
            batch: 20,
            idle_poll: StdDuration::from_secs(1),
        }
    }
}

#[derive(Clone)]
pub struct MailWorker {
    db: Db,
    settings: SmtpSettings,
    transport: AsyncSmtpTransport<Tokio1Executor>,
    options: WorkerOptions,
}

impl MailWorker {
    pub fn new(db: Db, settings: SmtpSettings, options: WorkerOptions) -> anyhow::Result<Self> {
        let builder = match settings.tls {
            TlsMode::None => {
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&settings.host)
            }
            TlsMode::Starttls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&settings.host)?
            }
            TlsMode::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&settings.host)?,
        };
        let mut builder = builder
            .port(settings.port)
            .timeout(Some(StdDuration::from_secs(30)));
        if let (Some(user), Some(password)) = (&settings.username, &settings.password) {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        Ok(Self {
            db,
            transport: builder.build(),
            settings,
            options,
        })
    }

    /// Sends one batch of due messages; returns how many were attempted.
    pub async fn run_once(&self) -> anyhow::Result<usize> {
        let now = Utc::now();
        let batch =
            repo::claim_due(&self.db, now, now + self.options.lease, self.options.batch).await?;
        for email in &batch {
            self.deliver(email).await?;
        }
        Ok(batch.len())
    }

    async fn deliver(&self, email: &OutgoingEmail) -> anyhow::Result<()> {
        // A message that makes the e-mail library panic is that message's failure, never
        // the end of the worker: every other message still goes out.
        let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.build(email)))
            .unwrap_or_else(|panic| {
                Err(anyhow::anyhow!(
                    "the message could not be built: {}",
                    crate::workers::panic_message(panic.as_ref())
                ))
            });
        let outcome = match built {
            Ok(message) => match self.transport.send(message).await {
                Ok(_) => Outcome::Sent,
                Err(err) if err.is_permanent() => Outcome::Bounced(err.to_string()),
                Err(err) if err.is_transient() => Outcome::Deferred(err.to_string()),
                Err(err) => Outcome::Unreachable(err.to_string()),
            },
            Err(err) => Outcome::Invalid(err.to_string()),
        };
        let now = Utc::now();
        let retry_at = now + backoff(self.options.backoff, email.attempts);
        let out_of_attempts = email.attempts >= self.options.max_attempts;
        let (status, next, error) = match &outcome {
            Outcome::Sent => ("sent", now, None),
            Outcome::Bounced(e) => ("bounced", now, Some(e.as_str())),
            Outcome::Invalid(e) => ("failed", now, Some(e.as_str())),
            Outcome::Deferred(e) | Outcome::Unreachable(e) if out_of_attempts => {
                ("failed", now, Some(e.as_str()))
            }
            Outcome::Deferred(e) => ("deferred", retry_at, Some(e.as_str())),
            // The relay itself is down: not the recipient's doing, so stay queued.
            Outcome::Unreachable(e) => ("queued", retry_at, Some(e.as_str())),
        };
        if let Some(error) = error {
            tracing::warn!(email_id = email.id, status, error, "e-mail not sent");
        }
        repo::record_attempt(&self.db, email.id, status, now, next, error).await?;
        Ok(())
    }

    fn build(&self, email: &OutgoingEmail) -> anyhow::Result<Message> {
        let name = header_text(&email.to_name);
        let address = email
            .to_address
            .parse()
            .map_err(|err| anyhow::anyhow!("invalid recipient address: {err}"))?;
        let to = Mailbox::new(Some(name).filter(|n| !n.is_empty()), address);
        Ok(Message::builder()
            .from(self.settings.from.clone())
            .to(to)
            .subject(header_text(&email.subject))
            .message_id(Some(format!(
                "<{}@{}>",
                email.tracking_token, self.settings.message_id_domain
            )))
            .multipart(body(email)?)?)
    }

    /// Runs until the task is aborted.
    pub async fn run(self) {
        loop {
            match self.run_once().await {
                Ok(0) => tokio::time::sleep(self.options.idle_poll).await,
                Ok(_) => {}
                Err(err) => {
                    tracing::error!(error = %err, "mail worker");
                    tokio::time::sleep(self.options.idle_poll).await;
                }
            }
        }
    }
}

/// Text and HTML as alternatives; with a calendar object (RFC 6047), the event as a third
/// alternative `text/calendar; method=…` (what calendar-aware clients act on), the whole
/// inside `multipart/mixed` with the same file attached as `invite.ics` (what the others
/// offer to open). Base64 keeps the file's CRLF lines and octets exactly as written.
fn body(email: &OutgoingEmail) -> anyhow::Result<MultiPart> {
    let alternatives =
        MultiPart::alternative_plain_html(email.body_text.clone(), email.body_html.clone());
    let (Some(method), Some(ics)) = (&email.calendar_method, &email.calendar_ics) else {
        return Ok(alternatives);
    };
    let content_type = |extra: &str| {
        ContentType::parse(&format!(
            "text/calendar; method={method}; charset=UTF-8{extra}"
        ))
    };
    let encoded = || {
        Body::new_with_encoding(ics.clone(), ContentTransferEncoding::Base64)
            .map_err(|_| anyhow::anyhow!("the calendar object could not be encoded"))
    };
    let inline = SinglePart::builder()
        .header(content_type("")?)
        .body(encoded()?);
    let attached = Attachment::new("invite.ics".into())
        .body(encoded()?, content_type("; name=\"invite.ics\"")?);
    Ok(MultiPart::mixed()
        .multipart(alternatives.singlepart(inline))
        .singlepart(attached))
}

enum Outcome {
    Sent,
    Bounced(String),
    Deferred(String),
    Unreachable(String),
    Invalid(String),
}

/// A header value from text people typed: every control character (line breaks above
/// all) becomes a space, so nothing can end the header or start another one.
pub fn header_text(value: &str) -> String {
    let one_line: String = value
        .chars()
        .map(|c| if is_line_breaking(c) { ' ' } else { c })
        .collect();
    one_line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `base` × 2^(attempt-1), at most one hour.
pub fn backoff(base: Duration, attempts: i32) -> Duration {
    let factor = 1i64 << attempts.clamp(1, 20).saturating_sub(1);
    (base * factor as i32).min(Duration::hours(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_text_is_one_line() {
        assert_eq!(header_text("Sam\r\nuel"), "Sam uel");
        assert_eq!(
            header_text("Multi\nLine\r\nBcc: x@evil.test"),
            "Multi Line Bcc: x@evil.test"
        );
        assert_eq!(header_text("  Zoé\tRoy\u{2028} "), "Zoé Roy");
    }

    #[test]
    fn backoff_doubles_up_to_an_hour() {
        let base = Duration::seconds(30);
        assert_eq!(backoff(base, 1), Duration::seconds(30));
        assert_eq!(backoff(base, 3), Duration::seconds(120));
        assert_eq!(backoff(base, 12), Duration::hours(1));
    }
}
