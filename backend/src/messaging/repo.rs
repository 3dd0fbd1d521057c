//! SQL for the outbox, delivery reports and edited templates.
use crate::db::{Db, Pool, Tx};
use crate::messaging::model::EmailStatus;
use crate::{with_db, with_tx};
use chrono::{DateTime, SubsecRound, Utc};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct TemplateRow {
    pub template_key: String,
    pub subject_en: String,
    pub subject_fr: String,
    pub body_en: String,
    pub body_fr: String,
    pub is_active: bool,
}

pub async fn template_override(
    tx: &mut Tx,
    program_id: i64,
    key: &str,
) -> sqlx::Result<Option<TemplateRow>> {
    with_tx!(tx, conn => sqlx::query_as::<_, TemplateRow>(
        "SELECT template_key, subject_en, subject_fr, body_en, body_fr, is_active
         FROM message_templates WHERE program_id = $1 AND template_key = $2",
    )
    .bind(program_id)
    .bind(key)
    .fetch_optional(conn)
    .await)
}

pub async fn template_overrides(db: &Db, program_id: i64) -> sqlx::Result<Vec<TemplateRow>> {
    with_db!(db, pool => sqlx::query_as::<_, TemplateRow>(
        "SELECT template_key, subject_en, subject_fr, body_en, body_fr, is_active
         FROM message_templates WHERE program_id = $1",
    )
    .bind(program_id)
    .fetch_all(pool)
    .await)
}

pub async fn save_template(
    db: &Db,
    program_id: i64,
    row: &TemplateRow,
    admin_id: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    with_db!(db, pool => sqlx::query(
        "INSERT INTO message_templates
           (program_id, template_key, subject_en, subject_fr, body_en, body_fr, is_active, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (program_id, template_key) DO UPDATE SET
           subject_en = excluded.subject_en, subject_fr = excluded.subject_fr,
           body_en = excluded.body_en, body_fr = excluded.body_fr,
           is_active = excluded.is_active, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by",
    )
    .bind(program_id)
    .bind(&row.template_key)
    .bind(&row.subject_en)
    .bind(&row.subject_fr)
    .bind(&row.body_en)
    .bind(&row.body_fr)
    .bind(row.is_active)
    .bind(now)
    .bind(admin_id)
    .execute(pool)
    .await
    .map(|_| ()))
}

/// What a message needs to know about its program.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ProgramLetterhead {
    pub id: i64,
    pub name_en: String,
    pub name_fr: String,
    pub contact_email: String,
    pub logo_url: String,
}

pub async fn program_letterhead(
    tx: &mut Tx,
    program_id: i64,
) -> sqlx::Result<Option<ProgramLetterhead>> {
    with_tx!(tx, conn => sqlx::query_as::<_, ProgramLetterhead>(
        "SELECT id, name_en, name_fr, contact_email, logo_url FROM programs WHERE id = $1",
    )
    .bind(program_id)
    .fetch_optional(conn)
    .await)
}

/// What a message needs to know about its recipient.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct RecipientRow {
    pub id: i64,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub language: String,
    pub time_zone: crate::zone::Zone,
}

impl RecipientRow {
    /// The language messages to them are written in.
    pub fn lang(&self) -> crate::i18n::Lang {
        crate::i18n::Lang::parse(&self.language).unwrap_or_default()
    }
}

pub async fn recipient(tx: &mut Tx, user_id: i64) -> sqlx::Result<Option<RecipientRow>> {
    with_tx!(tx, conn => sqlx::query_as::<_, RecipientRow>(
        "SELECT id, email, first_name, last_name, language, time_zone
         FROM users WHERE id = $1 AND deleted_at IS NULL",
    )
    .bind(user_id)
    .fetch_optional(conn)
    .await)
}

pub struct NewEmail<'a> {
    pub program_id: Option<i64>,
    pub user_id: Option<i64>,
    pub template_key: Option<&'a str>,
    pub to_address: &'a str,
    pub to_name: &'a str,
    pub lang: &'a str,
    pub subject: &'a str,
    pub body_text: &'a str,
    pub body_html: &'a str,
    pub tracking_token: &'a str,
    /// A calendar object (RFC 6047) the message carries: its iTIP method and its text.
    pub calendar: Option<(&'a str, &'a str)>,
    pub now: DateTime<Utc>,
}

/// Rows per INSERT: 16 columns x 500 stays far below both engines' parameter limits.
const EMAIL_BATCH: usize = 500;

pub async fn insert_emails(tx: &mut Tx, emails: &[NewEmail<'_>]) -> sqlx::Result<()> {
    for chunk in emails.chunks(EMAIL_BATCH) {
        with_tx!(tx, conn => {
            let mut builder = sqlx::QueryBuilder::new(
                "INSERT INTO emails (program_id, user_id, template_key, to_address, to_name, lang, subject,
                    body_text, body_html, tracking_token, calendar_method, calendar_ics, status, status_at,
                next_attempt_at, created_at) ",
            );
            builder.push_values(chunk, |mut row, e| {
                row.push_bind(e.program_id)
                    .push_bind(e.user_id)
                    .push_bind(e.template_key)
                    .push_bind(e.to_address)
                    .push_bind(e.to_name)
                    .push_bind(e.lang)
                    .push_bind(e.subject)
                    .push_bind(e.body_text)
                    .push_bind(e.body_html)
                    .push_bind(e.tracking_token)
                    .push_bind(e.calendar.map(|(method, _)| method))
                    .push_bind(e.calendar.map(|(_, text)| text))
                    .push_bind("queued")
                    .push_bind(e.now)
                    .push_bind(e.now)
                    .push_bind(e.now.trunc_subsecs(6));
            });
            builder.build().execute(&mut *conn).await.map(|_| ())
        })?;
    }
    Ok(())
}

/// A message the worker is about to send.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct OutgoingEmail {
    pub id: i64,
    pub to_address: String,
    pub to_name: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub tracking_token: String,
    pub attempts: i32,
    pub calendar_method: Option<String>,
    pub calendar_ics: Option<String>,
}

const CLAIM_SQLITE: &str = "UPDATE emails SET lease_until = $1, attempts = attempts + 1
     WHERE id IN (SELECT id FROM emails
                  WHERE status IN ('queued', 'deferred') AND next_attempt_at <= $2
                    AND (lease_until IS NULL OR lease_until < $2)
                  ORDER BY next_attempt_at, id LIMIT $3)
     RETURNING id, to_address, to_name, subject, body_text, body_html, tracking_token, attempts,
         calendar_method, calendar_ics";

// SKIP LOCKED: several instances claim disjoint batches without waiting on each other.
const CLAIM_POSTGRES: &str = "UPDATE emails SET lease_until = $1, attempts = attempts + 1
     WHERE id IN (SELECT id FROM emails
                  WHERE status IN ('queued', 'deferred') AND next_attempt_at <= $2
                    AND (lease_until IS NULL OR lease_until < $2)
                  ORDER BY next_attempt_at, id LIMIT $3
                  FOR UPDATE SKIP LOCKED)
     RETURNING id, to_address, to_name, subject, body_text, body_html, tracking_token, attempts,
         calendar_method, calendar_ics";

/// Leases up to `limit` due messages until `lease_until`. A message whose lease runs out
/// (its worker died) becomes due again.
pub async fn claim_due(
    db: &Db,
    now: DateTime<Utc>,
    lease_until: DateTime<Utc>,
    limit: i64,
) -> sqlx::Result<Vec<OutgoingEmail>> {
    let mut rows = match db.pool() {
        Pool::Sqlite(pool) => {
            sqlx::query_as::<_, OutgoingEmail>(CLAIM_SQLITE)
                .bind(lease_until)
                .bind(now)
                .bind(limit)
                .fetch_all(pool)
                .await?
        }
        Pool::Postgres(pool) => {
            sqlx::query_as::<_, OutgoingEmail>(CLAIM_POSTGRES)
                .bind(lease_until)
                .bind(now)
                .bind(limit)
                .fetch_all(pool)
                .await?
        }
    };
    rows.sort_by_key(|r| r.id);
    Ok(rows)
}

/// Records the relay's answer: `status` is sent, deferred, bounced or failed.
pub async fn record_attempt(
    db: &Db,
    id: i64,
    status: &str,
    now: DateTime<Utc>,
    next_attempt_at: DateTime<Utc>,
    error: Option<&str>,
) -> sqlx::Result<()> {
    let sent_at = (status == "sent").then_some(now);
    with_db!(db, pool => sqlx::query(
        "UPDATE emails SET status = $2, status_at = $3, next_attempt_at = $4, last_error = $5,
            sent_at = COALESCE($6, sent_at), lease_until = NULL
         WHERE id = $1",
    )
    .bind(id)
    .bind(status)
    .bind(now)
    .bind(next_attempt_at)
    .bind(error)
    .bind(sent_at)
    .execute(pool)
    .await
    .map(|_| ()))
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct TrackedEmail {
    pub id: i64,
    pub status: EmailStatus,
    pub sent_at: Option<DateTime<Utc>>,
    pub open_automatic: bool,
    pub opened_at: Option<DateTime<Utc>>,
}

pub async fn find_tracked(tx: &mut Tx, token: &str) -> sqlx::Result<Option<TrackedEmail>> {
    with_tx!(tx, conn => sqlx::query_as::<_, TrackedEmail>(
        "SELECT id, status, sent_at, open_automatic, opened_at FROM emails WHERE tracking_token = $1",
    )
    .bind(token)
    .fetch_optional(conn)
    .await)
}

pub async fn insert_event(
    tx: &mut Tx,
    email_id: i64,
    kind: &str,
    detail: &str,
    at: DateTime<Utc>,
) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query(
        "INSERT INTO email_events (email_id, kind, detail, at) VALUES ($1, $2, $3, $4)",
    )
    .bind(email_id)
    .bind(kind)
    .bind(detail)
    .bind(at)
    .execute(conn)
    .await
    .map(|_| ()))
}

pub async fn set_status(
    tx: &mut Tx,
    email_id: i64,
    status: &str,
    at: DateTime<Utc>,
    opened: Option<(DateTime<Utc>, bool)>,
) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query(
        "UPDATE emails SET status = $2, status_at = $3,
            opened_at = COALESCE($4, opened_at), open_automatic = COALESCE($5, open_automatic)
         WHERE id = $1",
    )
    .bind(email_id)
    .bind(status)
    .bind(at)
    .bind(opened.map(|o| o.0))
    .bind(opened.map(|o| o.1))
    .execute(conn)
    .await
    .map(|_| ()))
}

pub async fn delete_template(db: &Db, program_id: i64, key: &str) -> sqlx::Result<()> {
    with_db!(db, pool => sqlx::query("DELETE FROM message_templates WHERE program_id = $1 AND template_key = $2")
        .bind(program_id)
        .bind(key)
        .execute(pool)
        .await
        .map(|_| ()))
}
