//! Queueing system messages: pick the program's text (or the shipped default), render it
//! for the recipient, and write it to the outbox inside the caller's transaction.
use super::defaults::default_text;
use super::render::{render, Letterhead, MailVars};
use super::repo::{self, NewEmail};
use crate::auth::server::session::new_token;
use crate::db::Tx;
use crate::error::{AppError, AppResult};
use crate::i18n::{Lang, LocalDateTime};
use crate::messaging::template::find_template;
use chrono::{DateTime, Utc};

/// The action link of a message and when it stops working.
#[derive(Clone, Debug, Default)]
pub struct MessageLink {
    pub url: Option<String>,
    pub expires_at: Option<DateTime<Utc>>,
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

/// Queues the system message `key` for `user_id` in `program_id`, in the recipient's
/// language and time zone. Returns `None` when the program switched that message off.
pub async fn queue_system_message(
    tx: &mut Tx,
    base_url: &str,
    program_id: i64,
    key: &str,
    user_id: i64,
    link: MessageLink,
) -> AppResult<Option<i64>> {
    let spec = find_template(key).ok_or_else(|| {
        tracing::error!(key, "unknown system message");
        AppError::Internal
    })?;
    let program = repo::program_letterhead(tx, program_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let recipient = repo::recipient(tx, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let lang = Lang::parse(&recipient.language).unwrap_or_default();
    let (subject, body, active) = effective_text(tx, program_id, key, lang).await?;
    if !active && !spec.required {
        return Ok(None);
    }
    let org_name = match lang {
        Lang::En => program.name_en.clone(),
        Lang::Fr => program.name_fr.clone(),
    };
    let vars = MailVars {
        first_name: recipient.first_name.clone(),
        last_name: recipient.last_name.clone(),
        email: recipient.email.clone(),
        org_name,
        admin_email: program.contact_email.clone(),
        here: link.url,
        expires: link
            .expires_at
            .map(|at| LocalDateTime::from_utc(at, &recipient.time_zone).format_date_time(lang)),
    };
    let tracking_token = new_token();
    let letterhead = Letterhead {
        logo_url: logo_url(base_url, &program.logo_url),
        pixel_url: Some(format!("{base_url}/e/o/{tracking_token}.gif")),
    };
    let rendered = render(lang, &subject, &body, &vars, &letterhead);
    let to_name = format!("{} {}", recipient.first_name, recipient.last_name);
    let id = repo::insert_email(
        tx,
        &NewEmail {
            program_id: Some(program_id),
            user_id: Some(user_id),
            template_key: Some(key),
            to_address: &recipient.email,
            to_name: to_name.trim(),
            lang: lang.code(),
            subject: &rendered.subject,
            body_text: &rendered.text,
            body_html: &rendered.html,
            tracking_token: &tracking_token,
            now: Utc::now(),
        },
    )
    .await?;
    Ok(Some(id))
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
