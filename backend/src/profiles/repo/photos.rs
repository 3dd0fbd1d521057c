//! SQL of profile photos (`user_photos`, and `users.photo_key` naming the current one).
use crate::db::{Db, Tx};
use crate::{with_db, with_tx};
use chrono::{DateTime, Utc};

/// Stores the person's photo under `key`; false when there is no such person.
pub async fn store_photo(
    tx: &mut Tx,
    user_id: i64,
    jpeg: &[u8],
    key: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    with_tx!(tx, conn => {
        let updated = sqlx::query("UPDATE users SET photo_key = $2 WHERE id = $1")
            .bind(user_id)
            .bind(key)
            .execute(&mut *conn)
            .await?;
        if updated.rows_affected() != 1 {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO user_photos (user_id, image, updated_at) VALUES ($1, $2, $3)
             ON CONFLICT (user_id) DO UPDATE SET image = excluded.image, updated_at = excluded.updated_at",
        )
        .bind(user_id)
        .bind(jpeg)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    });
    Ok(true)
}

/// Removes the person's photo.
pub async fn remove_photo(tx: &mut Tx, user_id: i64) -> sqlx::Result<()> {
    with_tx!(tx, conn => {
        sqlx::query("DELETE FROM user_photos WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *conn)
            .await?;
        sqlx::query("UPDATE users SET photo_key = NULL WHERE id = $1")
            .bind(user_id)
            .execute(&mut *conn)
            .await?;
    });
    Ok(())
}

/// The photo's JPEG bytes, only while `key` is the person's current photo key.
pub async fn photo(db: &Db, user_id: i64, key: &str) -> sqlx::Result<Option<Vec<u8>>> {
    with_db!(db, pool => sqlx::query_scalar(
        "SELECT p.image FROM user_photos p JOIN users u ON u.id = p.user_id
         WHERE p.user_id = $1 AND u.photo_key = $2",
    )
    .bind(user_id)
    .bind(key)
    .fetch_optional(pool)
    .await)
}
