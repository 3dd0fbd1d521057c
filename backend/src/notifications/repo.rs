//! The notifications' SQL.
use super::model::NotificationKind;
use crate::db::Tx;
use crate::with_tx;
use chrono::{DateTime, Utc};

/// A notification to write.
pub struct NewNotification {
    pub program_id: i64,
    pub user_id: i64,
    pub kind: NotificationKind,
    pub actor_id: i64,
    pub relationship_id: i64,
    pub meeting_at: DateTime<Utc>,
    pub count: u32,
}

pub async fn insert(tx: &mut Tx, n: &NewNotification, now: DateTime<Utc>) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query(
        "INSERT INTO notifications (program_id, user_id, kind, actor_id, relationship_id,
                meeting_at, meeting_count, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(n.program_id)
    .bind(n.user_id)
    .bind(n.kind)
    .bind(n.actor_id)
    .bind(n.relationship_id)
    .bind(n.meeting_at)
    .bind(n.count as i32)
    .bind(now)
    .execute(&mut *conn)
    .await
    .map(|_| ()))
}

#[derive(Debug, sqlx::FromRow)]
pub struct NotificationRow {
    pub id: i64,
    pub kind: NotificationKind,
    pub actor_first_name: Option<String>,
    pub actor_last_name: Option<String>,
    pub relationship_id: i64,
    pub meeting_at: DateTime<Utc>,
    pub meeting_count: i32,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

/// The member's latest notifications in the program, the newest first.
pub async fn latest(
    tx: &mut Tx,
    (program_id, user_id): (i64, i64),
    limit: i64,
) -> sqlx::Result<Vec<NotificationRow>> {
    with_tx!(tx, conn => sqlx::query_as(
        "SELECT n.id, n.kind, a.first_name AS actor_first_name, a.last_name AS actor_last_name,
                n.relationship_id, n.meeting_at, n.meeting_count, n.created_at, n.read_at
         FROM notifications n LEFT JOIN users a ON a.id = n.actor_id
         WHERE n.user_id = $1 AND n.program_id = $2
         ORDER BY n.created_at DESC, n.id DESC LIMIT $3",
    )
    .bind(user_id)
    .bind(program_id)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await)
}

/// How many of the member's notifications in the program are unread.
pub async fn unread_count(tx: &mut Tx, (program_id, user_id): (i64, i64)) -> sqlx::Result<i64> {
    with_tx!(tx, conn => sqlx::query_scalar(
        "SELECT COUNT(*) FROM notifications
         WHERE user_id = $1 AND program_id = $2 AND read_at IS NULL",
    )
    .bind(user_id)
    .bind(program_id)
    .fetch_one(&mut *conn)
    .await)
}

/// Marks every unread notification of the member in the program read; how many.
pub async fn mark_all_read(
    tx: &mut Tx,
    (program_id, user_id): (i64, i64),
    now: DateTime<Utc>,
) -> sqlx::Result<u64> {
    with_tx!(tx, conn => sqlx::query(
        "UPDATE notifications SET read_at = $3
         WHERE user_id = $1 AND program_id = $2 AND read_at IS NULL",
    )
    .bind(user_id)
    .bind(program_id)
    .bind(now)
    .execute(&mut *conn)
    .await
    .map(|r| r.rows_affected()))
}
