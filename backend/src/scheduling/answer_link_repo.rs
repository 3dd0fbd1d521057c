//! SQL of the answer links in meeting e-mails: written with the e-mail, read by their
//! hash, each use recorded.
use crate::db::Tx;
use crate::scheduling::model::Answer;
use crate::with_tx;
use chrono::{DateTime, Utc};

pub struct NewAnswerLink<'a> {
    pub token_hash: &'a str,
    pub program_id: i64,
    pub meeting_id: i64,
    pub user_id: i64,
    pub answer: Answer,
    pub whole_series: bool,
    pub sequence: i32,
    pub now: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

pub async fn insert(tx: &mut Tx, link: &NewAnswerLink<'_>) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query(
        "INSERT INTO meeting_answer_links (token_hash, program_id, meeting_id, user_id, answer,
                whole_series, sequence, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(link.token_hash)
    .bind(link.program_id)
    .bind(link.meeting_id)
    .bind(link.user_id)
    .bind(link.answer)
    .bind(link.whole_series)
    .bind(link.sequence)
    .bind(link.now)
    .bind(link.expires_at)
    .execute(&mut *conn)
    .await
    .map(|_| ()))
}

/// A link as its page reads it, with its meeting series' SEQUENCE now.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AnswerLinkRow {
    pub program_id: i64,
    pub meeting_id: i64,
    pub user_id: i64,
    pub answer: Answer,
    pub whole_series: bool,
    pub sequence: i32,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
    pub current_sequence: i32,
}

/// The link with this hash, if its person is still an active member of its program.
pub async fn find(tx: &mut Tx, token_hash: &str) -> sqlx::Result<Option<AnswerLinkRow>> {
    with_tx!(tx, conn => sqlx::query_as(
        "SELECT l.program_id, l.meeting_id, l.user_id, l.answer, l.whole_series, l.sequence,
                l.expires_at, l.used_at, s.sequence AS current_sequence
         FROM meeting_answer_links l
         JOIN meetings m ON m.id = l.meeting_id
         JOIN meeting_series s ON s.id = m.calendar_series_id
         JOIN users u ON u.id = l.user_id AND u.is_active = TRUE
         JOIN memberships ms ON ms.user_id = l.user_id AND ms.program_id = l.program_id
              AND ms.is_active = TRUE
         WHERE l.token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(&mut *conn)
    .await)
}

pub async fn mark_used(tx: &mut Tx, token_hash: &str, now: DateTime<Utc>) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query(
        "UPDATE meeting_answer_links SET used_at = $2 WHERE token_hash = $1",
    )
    .bind(token_hash)
    .bind(now)
    .execute(&mut *conn)
    .await
    .map(|_| ()))
}
