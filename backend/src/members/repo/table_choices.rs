//! SQL of each administrator's members-table choices: columns and saved filters.
use crate::db::Db;
use crate::with_db;
use chrono::{DateTime, Utc};

/// An administrator's column choice for the members table ('' = every column).
pub async fn members_columns(db: &Db, program_id: i64, admin_id: i64) -> sqlx::Result<String> {
    let found: Option<String> = with_db!(db, pool => sqlx::query_scalar(
        "SELECT members_columns FROM memberships WHERE program_id = $1 AND user_id = $2",
    )
    .bind(program_id)
    .bind(admin_id)
    .fetch_optional(pool)
    .await)?;
    Ok(found.unwrap_or_default())
}

pub async fn set_members_columns(
    db: &Db,
    program_id: i64,
    admin_id: i64,
    columns: &str,
) -> sqlx::Result<()> {
    with_db!(db, pool => sqlx::query(
        "UPDATE memberships SET members_columns = $3 WHERE program_id = $1 AND user_id = $2",
    )
    .bind(program_id)
    .bind(admin_id)
    .bind(columns)
    .execute(pool)
    .await
    .map(|_| ()))
}

/// The admin's saved filters, most recently saved or used first.
pub async fn saved_filters(
    db: &Db,
    program_id: i64,
    admin_id: i64,
    limit: i64,
) -> sqlx::Result<Vec<(i64, String, String)>> {
    with_db!(db, pool => sqlx::query_as(
        "SELECT id, name, query FROM saved_member_filters WHERE program_id = $1 AND admin_id = $2
         ORDER BY used_at DESC, id DESC LIMIT $3",
    )
    .bind(program_id)
    .bind(admin_id)
    .bind(limit)
    .fetch_all(pool)
    .await)
}

/// Saves a filter under a name; saving again under the same name replaces it.
pub async fn save_filter(
    db: &Db,
    program_id: i64,
    admin_id: i64,
    name: &str,
    query: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    with_db!(db, pool => sqlx::query_scalar(
        "INSERT INTO saved_member_filters (program_id, admin_id, name, query, created_at, used_at)
         VALUES ($1, $2, $3, $4, $5, $5)
         ON CONFLICT (program_id, admin_id, name) DO UPDATE SET query = excluded.query, used_at = excluded.used_at
         RETURNING id",
    )
    .bind(program_id)
    .bind(admin_id)
    .bind(name)
    .bind(query)
    .bind(now)
    .fetch_one(pool)
    .await)
}

pub async fn delete_saved_filter(
    db: &Db,
    program_id: i64,
    admin_id: i64,
    id: i64,
) -> sqlx::Result<bool> {
    with_db!(db, pool => sqlx::query(
        "DELETE FROM saved_member_filters WHERE program_id = $1 AND admin_id = $2 AND id = $3",
    )
    .bind(program_id)
    .bind(admin_id)
    .bind(id)
    .execute(pool)
    .await
    .map(|r| r.rows_affected() > 0))
}
