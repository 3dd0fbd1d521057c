//! SQL for sign-in and sessions.
use crate::auth::model::{ProgramMembership, Role, Viewer};
use crate::db::Db;
use crate::i18n::Lang;
use crate::with_db;
use chrono::{DateTime, Utc};

#[derive(Debug, sqlx::FromRow)]
pub struct LoginRow {
    pub id: i64,
    pub password_hash: Option<String>,
    pub is_active: bool,
}

pub async fn find_login(db: &Db, email: &str) -> sqlx::Result<Option<LoginRow>> {
    with_db!(db, pool => sqlx::query_as::<_, LoginRow>(
        "SELECT id, password_hash, is_active FROM users WHERE email = $1",
    )
    .bind(email)
    .fetch_optional(pool)
    .await)
}

pub async fn record_sign_in(db: &Db, user_id: i64, now: DateTime<Utc>) -> sqlx::Result<()> {
    with_db!(db, pool => sqlx::query("UPDATE users SET last_sign_in_at = $1 WHERE id = $2")
        .bind(now)
        .bind(user_id)
        .execute(pool)
        .await
        .map(|_| ()))
}

pub struct NewSession<'a> {
    pub token_hash: &'a str,
    pub user_id: i64,
    pub program_id: Option<i64>,
    pub persistent: bool,
    pub now: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

pub async fn insert_session(db: &Db, s: NewSession<'_>) -> sqlx::Result<()> {
    with_db!(db, pool => sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, program_id, persistent, created_at, last_seen_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $5, $6)",
    )
    .bind(s.token_hash)
    .bind(s.user_id)
    .bind(s.program_id)
    .bind(s.persistent)
    .bind(s.now)
    .bind(s.expires_at)
    .execute(pool)
    .await
    .map(|_| ()))
}

#[derive(Debug, sqlx::FromRow)]
struct SessionRow {
    persistent: bool,
    expires_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
    program_id: Option<i64>,
    user_id: i64,
    email: String,
    first_name: String,
    last_name: String,
    language: String,
    time_zone: String,
}

#[derive(Debug, sqlx::FromRow)]
struct MembershipRow {
    program_id: i64,
    name_en: String,
    name_fr: String,
    role: String,
}

impl MembershipRow {
    fn into_model(self) -> Option<ProgramMembership> {
        Some(ProgramMembership {
            program_id: self.program_id,
            name_en: self.name_en,
            name_fr: self.name_fr,
            role: Role::parse(&self.role)?,
        })
    }
}

pub struct FoundSession {
    pub viewer: Viewer,
    pub persistent: bool,
    pub expires_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
}

/// A live session of an active user, with the viewer it belongs to.
pub async fn find_session(
    db: &Db,
    token_hash: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<FoundSession>> {
    let row = with_db!(db, pool => sqlx::query_as::<_, SessionRow>(
        "SELECT s.persistent, s.expires_at, s.last_seen_at, s.program_id,
                u.id AS user_id, u.email, u.first_name, u.last_name, u.language, u.time_zone
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.is_active = TRUE",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(pool)
    .await)?;
    let Some(row) = row else { return Ok(None) };
    let memberships = list_memberships(db, row.user_id).await?;
    let membership = memberships
        .iter()
        .find(|m| Some(m.program_id) == row.program_id)
        .or(memberships.first())
        .cloned();
    Ok(Some(FoundSession {
        viewer: Viewer {
            user_id: row.user_id,
            email: row.email,
            first_name: row.first_name,
            last_name: row.last_name,
            language: Lang::parse(&row.language).unwrap_or_default(),
            time_zone: row.time_zone,
            membership,
            program_count: memberships.len() as i64,
        },
        persistent: row.persistent,
        expires_at: row.expires_at,
        last_seen_at: row.last_seen_at,
    }))
}

pub async fn list_memberships(db: &Db, user_id: i64) -> sqlx::Result<Vec<ProgramMembership>> {
    let rows = with_db!(db, pool => sqlx::query_as::<_, MembershipRow>(
        "SELECT m.program_id, p.name_en, p.name_fr, m.role
         FROM memberships m JOIN programs p ON p.id = m.program_id
         WHERE m.user_id = $1
         ORDER BY m.joined_at, p.id",
    )
    .bind(user_id)
    .fetch_all(pool)
    .await)?;
    Ok(rows
        .into_iter()
        .filter_map(MembershipRow::into_model)
        .collect())
}

pub async fn touch_session(
    db: &Db,
    token_hash: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> sqlx::Result<()> {
    with_db!(db, pool => sqlx::query("UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE token_hash = $3")
        .bind(now)
        .bind(expires_at)
        .bind(token_hash)
        .execute(pool)
        .await
        .map(|_| ()))
}

pub async fn delete_session(db: &Db, token_hash: &str) -> sqlx::Result<()> {
    with_db!(db, pool => sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(pool)
        .await
        .map(|_| ()))
}

pub async fn delete_expired_sessions(db: &Db, now: DateTime<Utc>) -> sqlx::Result<u64> {
    with_db!(db, pool => sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
}

pub async fn set_session_program(db: &Db, token_hash: &str, program_id: i64) -> sqlx::Result<()> {
    with_db!(db, pool => sqlx::query("UPDATE sessions SET program_id = $1 WHERE token_hash = $2")
        .bind(program_id)
        .bind(token_hash)
        .execute(pool)
        .await
        .map(|_| ()))
}

pub async fn set_user_language(db: &Db, user_id: i64, lang: Lang) -> sqlx::Result<()> {
    with_db!(db, pool => sqlx::query("UPDATE users SET language = $1 WHERE id = $2")
        .bind(lang.code())
        .bind(user_id)
        .execute(pool)
        .await
        .map(|_| ()))
}
