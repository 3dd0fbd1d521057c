//! SQL of members' calendar feeds.
use crate::db::Tx;
use crate::with_tx;
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FeedRow {
    pub user_id: i64,
    pub token: String,
    pub created_at: DateTime<Utc>,
    pub last_read_at: Option<DateTime<Utc>>,
    /// The member's language, which the feed's texts are in.
    pub language: String,
}

const FEED_COLUMNS: &str =
    "f.user_id, f.token, f.created_at, f.last_read_at, u.language FROM calendar_feeds f
     JOIN users u ON u.id = f.user_id";

pub async fn feed_of(tx: &mut Tx, user_id: i64) -> sqlx::Result<Option<FeedRow>> {
    let sql = format!("SELECT {FEED_COLUMNS} WHERE f.user_id = $1");
    with_tx!(tx, conn => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(user_id)
        .fetch_optional(&mut *conn)
        .await)
}

/// The feed with this secret, if its member's account is active.
pub async fn feed_by_token(tx: &mut Tx, token: &str) -> sqlx::Result<Option<FeedRow>> {
    let sql = format!("SELECT {FEED_COLUMNS} WHERE f.token = $1 AND u.is_active = TRUE");
    with_tx!(tx, conn => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(token)
        .fetch_optional(&mut *conn)
        .await)
}

/// Gives the member's feed a new secret (turning it on); the old one stops at once.
pub async fn replace_token(
    tx: &mut Tx,
    user_id: i64,
    token: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query(
        "INSERT INTO calendar_feeds (user_id, token, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO UPDATE SET token = $2, created_at = $3, last_read_at = NULL",
    )
    .bind(user_id)
    .bind(token)
    .bind(now)
    .execute(&mut *conn)
    .await
    .map(|_| ()))
}

pub async fn delete_feed(tx: &mut Tx, user_id: i64) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query("DELETE FROM calendar_feeds WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await
        .map(|_| ()))
}

pub async fn mark_read(tx: &mut Tx, user_id: i64, now: DateTime<Utc>) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query(
        "UPDATE calendar_feeds SET last_read_at = $2 WHERE user_id = $1",
    )
    .bind(user_id)
    .bind(now)
    .execute(&mut *conn)
    .await
    .map(|_| ()))
}
