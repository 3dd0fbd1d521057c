//! SQL for sign-in and sessions.
use crate::auth::model::{ProgramMembership, Role, Viewer};
use crate::db::{Db, Tx};
use crate::i18n::Lang;
use crate::{with_db, with_tx};
use chrono::{DateTime, Utc};

#[derive(Debug, sqlx::FromRow)]
pub struct LoginRow {
    pub id: i64,
    pub password_hash: Option<String>,
    pub is_active: bool,
    pub failed_sign_ins: i32,
    pub locked_at: Option<DateTime<Utc>>,
    pub first_name: String,
}

pub async fn find_login(db: &Db, email: &str) -> sqlx::Result<Option<LoginRow>> {
    with_db!(db, pool => sqlx::query_as::<_, LoginRow>(
        "SELECT id, password_hash, is_active, failed_sign_ins, locked_at, first_name
         FROM users WHERE email = $1 AND deleted_at IS NULL",
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
    time_zone: crate::zone::Zone,
    photo_key: Option<String>,
    unread_notifications: i64,
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
                u.id AS user_id, u.email, u.first_name, u.last_name, u.language, u.time_zone, u.photo_key,
                (SELECT COUNT(*) FROM notifications n
                 WHERE n.user_id = u.id AND n.program_id = s.program_id AND n.read_at IS NULL)
                    AS unread_notifications
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.is_active = TRUE",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(pool)
    .await)?;
    let Some(row) = row else { return Ok(None) };
    let memberships = list_memberships(db, row.user_id).await?;
    // Deactivated in every program: the session no longer grants anything.
    if memberships.is_empty() {
        return Ok(None);
    }
    let membership = memberships
        .iter()
        .find(|m| Some(m.program_id) == row.program_id)
        .or(memberships.first())
        .cloned();
    let membership_program = membership.as_ref().map(|m| m.program_id);
    Ok(Some(FoundSession {
        viewer: Viewer {
            user_id: row.user_id,
            email: row.email,
            first_name: row.first_name,
            last_name: row.last_name,
            language: Lang::parse(&row.language).unwrap_or_default(),
            time_zone: row.time_zone,
            photo_url: row
                .photo_key
                .as_deref()
                .map(|key| crate::profiles::photo_url::photo_url(row.user_id, key)),
            membership,
            program_count: memberships.len() as i64,
            // Counted in the session's program; a viewer shown another of their programs
            // (the session's one left them) sees none there.
            unread_notifications: match membership_program {
                Some(id) if Some(id) == row.program_id => row.unread_notifications,
                _ => 0,
            },
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
         WHERE m.user_id = $1 AND m.is_active = TRUE
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

/// The strictest lockout threshold among the person's programs.
pub async fn lockout_threshold(db: &Db, user_id: i64) -> sqlx::Result<i64> {
    let min: Option<i64> = with_db!(db, pool => sqlx::query_scalar(
        "SELECT MIN(CAST(p.lockout_threshold AS BIGINT)) FROM memberships m
         JOIN programs p ON p.id = m.program_id WHERE m.user_id = $1",
    )
    .bind(user_id)
    .fetch_one(pool)
    .await)?;
    Ok(min.unwrap_or(5))
}

/// Counts a failed sign-in and returns the new consecutive count.
pub async fn record_failed_sign_in(db: &Db, user_id: i64) -> sqlx::Result<i64> {
    let n: i32 = with_db!(db, pool => sqlx::query_scalar(
        "UPDATE users SET failed_sign_ins = failed_sign_ins + 1 WHERE id = $1 RETURNING failed_sign_ins",
    )
    .bind(user_id)
    .fetch_one(pool)
    .await)?;
    Ok(n.into())
}

/// Locks the account unless it already is; true when this call locked it.
pub async fn lock_user(tx: &mut Tx, user_id: i64, now: DateTime<Utc>) -> sqlx::Result<bool> {
    with_tx!(tx, conn => sqlx::query("UPDATE users SET locked_at = $2 WHERE id = $1 AND locked_at IS NULL")
        .bind(user_id)
        .bind(now)
        .execute(conn)
        .await
        .map(|r| r.rows_affected() == 1))
}

pub async fn clear_failures(db: &Db, user_id: i64) -> sqlx::Result<()> {
    with_db!(db, pool => sqlx::query("UPDATE users SET failed_sign_ins = 0 WHERE id = $1 AND failed_sign_ins <> 0")
        .bind(user_id)
        .execute(pool)
        .await
        .map(|_| ()))
}

pub async fn unlock_user(tx: &mut Tx, user_id: i64) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query("UPDATE users SET locked_at = NULL, failed_sign_ins = 0 WHERE id = $1")
        .bind(user_id)
        .execute(conn)
        .await
        .map(|_| ()))
}

/// The program a person deactivated everywhere should write to (their first).
pub async fn deactivated_program(db: &Db, user_id: i64) -> sqlx::Result<Option<i64>> {
    with_db!(db, pool => sqlx::query_scalar::<_, i64>(
        "SELECT m.program_id FROM memberships m
         WHERE m.user_id = $1 ORDER BY m.joined_at, m.program_id LIMIT 1",
    )
    .bind(user_id)
    .fetch_optional(pool)
    .await)
}

pub async fn program_contact(db: &Db, program_id: i64) -> sqlx::Result<Option<String>> {
    with_db!(db, pool => sqlx::query_scalar("SELECT contact_email FROM programs WHERE id = $1")
        .bind(program_id)
        .fetch_optional(pool)
        .await)
}

/// Keeps a deactivation notice (see migration 0007); expired ones are cleared meanwhile.
pub async fn insert_deactivation_notice(
    db: &Db,
    token_hash: &str,
    program_id: i64,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> sqlx::Result<()> {
    with_db!(db, pool => {
        sqlx::query("DELETE FROM deactivation_notices WHERE expires_at <= $1")
            .bind(now)
            .execute(pool)
            .await?;
        sqlx::query("INSERT INTO deactivation_notices (token_hash, program_id, expires_at) VALUES ($1, $2, $3)")
            .bind(token_hash)
            .bind(program_id)
            .bind(expires_at)
            .execute(pool)
            .await
            .map(|_| ())
    })
}

/// The contact address a live deactivation notice names.
pub async fn notice_contact(
    db: &Db,
    token_hash: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<String>> {
    with_db!(db, pool => sqlx::query_scalar(
        "SELECT p.contact_email FROM deactivation_notices n JOIN programs p ON p.id = n.program_id
         WHERE n.token_hash = $1 AND n.expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(pool)
    .await)
}

/// The program a message to this person is sent from: their first active one, else any.
pub async fn home_program(tx: &mut Tx, user_id: i64) -> sqlx::Result<Option<i64>> {
    with_tx!(tx, conn => sqlx::query_scalar(
        "SELECT program_id FROM memberships WHERE user_id = $1
         ORDER BY is_active DESC, joined_at, program_id LIMIT 1",
    )
    .bind(user_id)
    .fetch_optional(conn)
    .await)
}

pub async fn insert_account_token(
    tx: &mut Tx,
    token_hash: &str,
    user_id: i64,
    purpose: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query(
        "INSERT INTO account_tokens (token_hash, user_id, purpose, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(purpose)
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await
    .map(|_| ()))
}

/// A usable token's owner and purpose, without using it up.
pub async fn peek_account_token(
    db: &Db,
    token_hash: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<(i64, String)>> {
    with_db!(db, pool => sqlx::query_as::<_, (i64, String)>(
        "SELECT user_id, purpose FROM account_tokens
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(pool)
    .await)
}

/// Uses a token up (atomically: a second use finds nothing) and returns owner and purpose.
pub async fn take_account_token(
    tx: &mut Tx,
    token_hash: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<(i64, String)>> {
    with_tx!(tx, conn => sqlx::query_as::<_, (i64, String)>(
        "UPDATE account_tokens SET used_at = $2
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
         RETURNING user_id, purpose",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(conn)
    .await)
}

/// Earlier links of the same purpose stop working when a new one is sent or one is used.
pub async fn retire_account_tokens(
    tx: &mut Tx,
    user_id: i64,
    purpose: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query(
        "UPDATE account_tokens SET used_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL",
    )
    .bind(user_id)
    .bind(purpose)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ()))
}

pub async fn set_password_hash(tx: &mut Tx, user_id: i64, hash: &str) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query(
        "UPDATE users SET password_hash = $2, failed_sign_ins = 0, locked_at = NULL WHERE id = $1",
    )
    .bind(user_id)
    .bind(hash)
    .execute(conn)
    .await
    .map(|_| ()))
}

/// Ends a person's sessions (all of them, or all but `keep`).
pub async fn delete_user_sessions(
    tx: &mut Tx,
    user_id: i64,
    keep: Option<&str>,
) -> sqlx::Result<u64> {
    with_tx!(tx, conn => sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> COALESCE($2, '')")
        .bind(user_id)
        .bind(keep)
        .execute(conn)
        .await
        .map(|r| r.rows_affected()))
}

/// Ends the sessions a person has open in one program (their membership there ended);
/// sessions in their other programs go on.
pub async fn delete_program_sessions(
    tx: &mut Tx,
    program_id: i64,
    user_id: i64,
) -> sqlx::Result<u64> {
    with_tx!(tx, conn => sqlx::query("DELETE FROM sessions WHERE program_id = $1 AND user_id = $2")
        .bind(program_id)
        .bind(user_id)
        .execute(conn)
        .await
        .map(|r| r.rows_affected()))
}

pub async fn insert_session(tx: &mut Tx, s: NewSession<'_>) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, program_id, persistent, created_at, last_seen_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $5, $6)",
    )
    .bind(s.token_hash)
    .bind(s.user_id)
    .bind(s.program_id)
    .bind(s.persistent)
    .bind(s.now)
    .bind(s.expires_at)
    .execute(conn)
    .await
    .map(|_| ()))
}

/// Sliding-window rate limit bookkeeping.
pub async fn count_hits(db: &Db, bucket: &str, since: DateTime<Utc>) -> sqlx::Result<i64> {
    with_db!(db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM rate_limit_hits WHERE bucket = $1 AND at > $2")
        .bind(bucket)
        .bind(since)
        .fetch_one(pool)
        .await)
}

pub async fn insert_hit(db: &Db, bucket: &str, now: DateTime<Utc>) -> sqlx::Result<()> {
    with_db!(db, pool => sqlx::query("INSERT INTO rate_limit_hits (bucket, at) VALUES ($1, $2)")
        .bind(bucket)
        .bind(now)
        .execute(pool)
        .await
        .map(|_| ()))
}

pub async fn prune_hits(db: &Db, before: DateTime<Utc>) -> sqlx::Result<u64> {
    with_db!(db, pool => sqlx::query("DELETE FROM rate_limit_hits WHERE at < $1")
        .bind(before)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
}

#[derive(Debug, sqlx::FromRow)]
pub struct InvitationRow {
    pub id: i64,
    pub name_en: String,
    pub name_fr: String,
    pub signup_roles: crate::auth::model::SignupRoles,
}

/// The program an enabled invitation link belongs to.
pub async fn program_by_invite(db: &Db, token: &str) -> sqlx::Result<Option<InvitationRow>> {
    with_db!(db, pool => sqlx::query_as::<_, InvitationRow>(
        "SELECT id, name_en, name_fr, signup_roles FROM programs
         WHERE invite_token = $1 AND invite_enabled = TRUE",
    )
    .bind(token)
    .fetch_optional(pool)
    .await)
}

pub struct NewMember<'a> {
    pub email: &'a str,
    pub password_hash: Option<&'a str>,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub language: &'a str,
    pub time_zone: &'a str,
    pub now: DateTime<Utc>,
}

pub async fn insert_user(tx: &mut Tx, u: &NewMember<'_>) -> sqlx::Result<i64> {
    with_tx!(tx, conn => sqlx::query_scalar(
        "INSERT INTO users (email, password_hash, first_name, last_name, language, time_zone, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(u.email)
    .bind(u.password_hash)
    .bind(u.first_name)
    .bind(u.last_name)
    .bind(u.language)
    .bind(u.time_zone)
    .bind(u.now)
    .fetch_one(conn)
    .await)
}

pub async fn insert_membership(
    tx: &mut Tx,
    user_id: i64,
    program_id: i64,
    role: Role,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query(
        "INSERT INTO memberships (user_id, program_id, role, joined_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(user_id)
    .bind(program_id)
    .bind(role.as_str())
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ()))
}

/// Whether the person has any membership (active or not) in the program.
pub async fn is_member(db: &Db, user_id: i64, program_id: i64) -> sqlx::Result<bool> {
    with_db!(db, pool => sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM memberships WHERE user_id = $1 AND program_id = $2",
    )
    .bind(user_id)
    .bind(program_id)
    .fetch_one(pool)
    .await
    .map(|n| n > 0))
}

/// Many one-time links at once (member imports): (hash, user, purpose, expiry).
pub async fn insert_account_tokens(
    tx: &mut Tx,
    tokens: &[(String, i64, &str, DateTime<Utc>)],
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    for chunk in tokens.chunks(500) {
        with_tx!(tx, conn => {
            let mut builder = sqlx::QueryBuilder::new(
                "INSERT INTO account_tokens (token_hash, user_id, purpose, created_at, expires_at) ",
            );
            builder.push_values(chunk, |mut row, (hash, user_id, purpose, expires)| {
                row.push_bind(hash)
                    .push_bind(*user_id)
                    .push_bind(*purpose)
                    .push_bind(now)
                    .push_bind(*expires);
            });
            builder.build().execute(&mut *conn).await.map(|_| ())
        })?;
    }
    Ok(())
}
