//! Queueing system messages: pick the program's text (or the shipped default), render it
//! for the recipient, and write it to the outbox inside the caller's transaction.
use super::defaults::default_text;
use super::render::{render, Letterhead, MailVars};
use super::repo::{self, NewEmail};
use crate::auth::session::new_token;
use crate::db::Tx;
use crate::error::{AppError, AppResult};
use crate::i18n::{Lang, LocalDateTime};
use crate::messaging::template::find_template;
use chrono::{DateTime, Utc};

/// What one message says beyond the recipient's own details: its action link (`{here}`)
/// and when that stops working (`{expires}`); for matching messages, the other member's
/// name (`{partner_name}`) and their words (`{message}`: an invitation, a reason).
#[derive(Clone, Debug, Default)]
pub struct MessageDetails {
    pub url: Option<String>,
    pub expires_at: Option<DateTime<Utc>>,
    pub partner_name: Option<String>,
    pub message: Option<String>,
    /// Other keywords, worded for this recipient by the domain that sends the message.
    pub values: Vec<(&'static str, String)>,
    /// The event the message is about, for the recipient's calendar.
    pub calendar: Option<MailCalendar>,
    /// Buttons under the body: (label, URL), already in the recipient's language.
    pub actions: Vec<(String, String)>,
}

/// A calendar object an e-mail carries (RFC 6047): its iTIP method ("REQUEST",
/// "CANCEL") and its iCalendar text, whose METHOD is that method.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailCalendar {
    pub method: &'static str,
    pub text: String,
}

/// The subject and body a program uses for `key` in `lang`, and whether it is active.
pub async fn effective_text(
    tx: &mut Tx,
    program_id: i64,
    key: &str,
    lang: Lang,
) -> AppResult<(String, String, bool)> {
    let edited = repo::template_override(tx, program_id, key).await?;
    Ok(match edited {
        Some(row) => match lang {
            Lang::En => (row.subject_en, row.body_en, row.is_active),
            Lang::Fr => (row.subject_fr, row.body_fr, row.is_active),
        },
        None => {
            let text = default_text(lang, key);
            (text.subject, text.body, true)
        }
    })
}

/// A system message ready to be rendered for many recipients: the program and its texts
/// in both languages are read once (member imports send thousands).
pub struct PreparedMessage {
    key: &'static str,
    program: repo::ProgramLetterhead,
    texts: [(String, String); 2],
    base_url: String,
}

/// An e-mail rendered for one recipient, ready for the outbox.
pub struct OutgoingRow {
    pub user_id: i64,
    pub to_address: String,
    pub to_name: String,
    pub lang: Lang,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub tracking_token: String,
    pub calendar: Option<MailCalendar>,
}

/// Loads `key` for `program_id`; `None` when the program switched that message off.
pub async fn prepare_message(
    tx: &mut Tx,
    base_url: &str,
    program_id: i64,
    key: &str,
) -> AppResult<Option<PreparedMessage>> {
    let spec = find_template(key).ok_or_else(|| {
        tracing::error!(key, "unknown system message");
        AppError::Internal
    })?;
    let program = repo::program_letterhead(tx, program_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (subject_en, body_en, active) = effective_text(tx, program_id, key, Lang::En).await?;
    let (subject_fr, body_fr, _) = effective_text(tx, program_id, key, Lang::Fr).await?;
    if !active && !spec.required {
        return Ok(None);
    }
    Ok(Some(PreparedMessage {
        key: spec.key,
        program,
        texts: [(subject_en, body_en), (subject_fr, body_fr)],
        base_url: base_url.to_string(),
    }))
}

impl PreparedMessage {
    /// Renders the message in the recipient's language and time zone.
    pub fn render_for(&self, recipient: &repo::RecipientRow, link: &MessageDetails) -> OutgoingRow {
        let lang = recipient.lang();
        let (subject, body) = match lang {
            Lang::En => &self.texts[0],
            Lang::Fr => &self.texts[1],
        };
        let org_name = match lang {
            Lang::En => self.program.name_en.clone(),
            Lang::Fr => self.program.name_fr.clone(),
        };
        let vars = MailVars {
            first_name: recipient.first_name.clone(),
            last_name: recipient.last_name.clone(),
            email: recipient.email.clone(),
            org_name,
            admin_email: self.program.contact_email.clone(),
            here: link.url.clone(),
            partner_name: link.partner_name.clone(),
            message: link.message.clone(),
            expires: link
                .expires_at
                .map(|at| LocalDateTime::from_utc(at, &recipient.time_zone).format_date_time(lang)),
            values: link.values.clone(),
            actions: link.actions.clone(),
        };
        let tracking_token = new_token();
        let letterhead = Letterhead {
            logo_url: logo_url(&self.base_url, &self.program.logo_url),
            pixel_url: Some(format!("{}/e/o/{tracking_token}.gif", self.base_url)),
        };
        let rendered = render(lang, subject, body, &vars, &letterhead);
        OutgoingRow {
            user_id: recipient.id,
            to_address: recipient.email.clone(),
            to_name: format!("{} {}", recipient.first_name, recipient.last_name)
                .trim()
                .to_string(),
            lang,
            subject: rendered.subject,
            text: rendered.text,
            html: rendered.html,
            tracking_token,
            calendar: link.calendar.clone(),
        }
    }

    /// Writes rendered messages to the outbox.
    pub async fn queue(&self, tx: &mut Tx, rows: &[OutgoingRow]) -> AppResult<()> {
        let now = Utc::now();
        let emails: Vec<NewEmail> = rows
            .iter()
            .map(|row| NewEmail {
                program_id: Some(self.program.id),
                user_id: Some(row.user_id),
                template_key: Some(self.key),
                to_address: &row.to_address,
                to_name: &row.to_name,
                lang: row.lang.code(),
                subject: &row.subject,
                body_text: &row.text,
                body_html: &row.html,
                tracking_token: &row.tracking_token,
                calendar: row.calendar.as_ref().map(|c| (c.method, c.text.as_str())),
                now,
            })
            .collect();
        repo::insert_emails(tx, &emails).await?;
        Ok(())
    }
}

/// Queues the system message `key` for `user_id` in `program_id`, in the recipient's
/// language and time zone, inside the caller's transaction. Returns false when the
/// program switched that message off.
pub async fn queue_system_message(
    tx: &mut Tx,
    base_url: &str,
    program_id: i64,
    key: &str,
    user_id: i64,
    link: MessageDetails,
) -> AppResult<bool> {
    queue_system_messages(tx, base_url, program_id, key, &[user_id], |_| link.clone()).await
}

/// Queues `key` to each of `users` as `queue_system_message` does, with details worded
/// by `details_for` for each recipient (their language and zone); the program's text is
/// read once.
pub async fn queue_system_messages(
    tx: &mut Tx,
    base_url: &str,
    program_id: i64,
    key: &str,
    users: &[i64],
    details_for: impl Fn(&repo::RecipientRow) -> MessageDetails,
) -> AppResult<bool> {
    let Some(message) = prepare_message(tx, base_url, program_id, key).await? else {
        return Ok(false);
    };
    let mut rows = Vec::with_capacity(users.len());
    for &user_id in users {
        let recipient = repo::recipient(tx, user_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let details = details_for(&recipient);
        rows.push(message.render_for(&recipient, &details));
    }
    message.queue(tx, &rows).await?;
    Ok(true)
}

/// The program's logo as an absolute URL (mail clients need one); the product's by default.
pub fn logo_url(base_url: &str, program_logo: &str) -> Option<String> {
    if program_logo.starts_with("https://") || program_logo.starts_with("http://") {
        Some(program_logo.to_string())
    } else if let Some(path) = program_logo.strip_prefix('/') {
        Some(format!("{base_url}/{path}"))
    } else {
        Some(format!("{base_url}/logo.png"))
    }
}
