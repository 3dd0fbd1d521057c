//! SQL for managing a program's members.
use crate::db::{Db, Tx};
use crate::{with_db, with_tx};
use chrono::{DateTime, Utc};

#[derive(Debug, sqlx::FromRow)]
pub struct MemberRecord {
    pub user_id: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub role: String,
    pub is_active: bool,
    pub last_sign_in_at: Option<DateTime<Utc>>,
    pub joined_at: DateTime<Utc>,
    pub language: String,
}

const MEMBER_COLUMNS: &str = "u.id AS user_id, u.first_name, u.last_name, u.email, m.role,
    m.is_active, u.last_sign_in_at, m.joined_at, u.language";

/// A page of members whose name or e-mail contains `search` (case-insensitive).
pub async fn search_members(
    db: &Db,
    program_id: i64,
    search: &str,
    limit: i64,
    offset: i64,
) -> sqlx::Result<(Vec<MemberRecord>, i64)> {
    let pattern = format!("%{}%", search.to_lowercase().replace(['%', '_'], ""));
    let filter = "FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.program_id = $1 AND (LOWER(u.first_name || ' ' || u.last_name) LIKE $2 OR u.email LIKE $2)";
    let rows = with_db!(db, pool => sqlx::query_as::<_, MemberRecord>(sqlx::AssertSqlSafe(format!(
        "SELECT {MEMBER_COLUMNS} {filter} ORDER BY u.last_name, u.first_name, u.id LIMIT $3 OFFSET $4"
    )))
    .bind(program_id)
    .bind(&pattern)
    .bind(limit)
    .bind(offset)
    .fetch_all(pool)
    .await)?;
    let total = with_db!(db, pool => sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) {filter}")))
        .bind(program_id)
        .bind(&pattern)
        .fetch_one(pool)
        .await)?;
    Ok((rows, total))
}

pub async fn find_member(
    tx: &mut Tx,
    program_id: i64,
    user_id: i64,
) -> sqlx::Result<Option<MemberRecord>> {
    with_tx!(tx, conn => sqlx::query_as::<_, MemberRecord>(sqlx::AssertSqlSafe(format!(
        "SELECT {MEMBER_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.program_id = $1 AND m.user_id = $2"
    )))
    .bind(program_id)
    .bind(user_id)
    .fetch_optional(conn)
    .await)
}

pub async fn active_admin_count(tx: &mut Tx, program_id: i64) -> sqlx::Result<i64> {
    with_tx!(tx, conn => sqlx::query_scalar(
        "SELECT COUNT(*) FROM memberships WHERE program_id = $1 AND role = 'admin' AND is_active = TRUE",
    )
    .bind(program_id)
    .fetch_one(conn)
    .await)
}

pub async fn set_membership_active(
    tx: &mut Tx,
    program_id: i64,
    user_id: i64,
    active: bool,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let deactivated_at = (!active).then_some(now);
    with_tx!(tx, conn => sqlx::query(
        "UPDATE memberships SET is_active = $3, deactivated_at = $4 WHERE program_id = $1 AND user_id = $2",
    )
    .bind(program_id)
    .bind(user_id)
    .bind(active)
    .bind(deactivated_at)
    .execute(conn)
    .await
    .map(|_| ()))
}

pub async fn delete_membership(tx: &mut Tx, program_id: i64, user_id: i64) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query("DELETE FROM memberships WHERE program_id = $1 AND user_id = $2")
        .bind(program_id)
        .bind(user_id)
        .execute(conn)
        .await
        .map(|_| ()))
}

pub async fn membership_count(tx: &mut Tx, user_id: i64) -> sqlx::Result<i64> {
    with_tx!(tx, conn => sqlx::query_scalar("SELECT COUNT(*) FROM memberships WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(conn)
        .await)
}

/// Erases a person's personal data but keeps the row, so relationships and counts that
/// refer to it stay consistent.
pub async fn erase_user(tx: &mut Tx, user_id: i64, now: DateTime<Utc>) -> sqlx::Result<()> {
    with_tx!(tx, conn => {
        sqlx::query(
        "UPDATE users SET email = 'deleted-' || CAST(id AS TEXT) || '@deleted.invalid', password_hash = NULL,
            first_name = '', last_name = '', province = '', city = '', spoken_languages = '',
            job_title = '', company = '', industry = '', job_function = '', is_active = FALSE,
            failed_sign_ins = 0, locked_at = NULL, deleted_at = $2
         WHERE id = $1",
    )
    .bind(user_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM account_tokens WHERE user_id = $1")
        .bind(user_id)
        .execute(conn)
        .await
        .map(|_| ())
    })
}

/// Clears the content and address of the e-mails the program sent to the person; the
/// rows stay (subject, dates, status) so the log's counts do not change.
pub async fn erase_program_emails(tx: &mut Tx, program_id: i64, user_id: i64) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query(
        "UPDATE emails SET to_address = '', to_name = '', body_text = '', body_html = ''
         WHERE program_id = $1 AND user_id = $2",
    )
    .bind(program_id)
    .bind(user_id)
    .execute(conn)
    .await
    .map(|_| ()))
}
