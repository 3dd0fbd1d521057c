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
    pub completeness: i64,
}

const MEMBER_COLUMNS: &str = "u.id AS user_id, u.first_name, u.last_name, u.email, m.role,
    m.is_active, u.last_sign_in_at, m.joined_at, u.language, m.completeness";

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
            gender = '', photo_key = NULL, is_active = FALSE,
            failed_sign_ins = 0, locked_at = NULL, deleted_at = $2
         WHERE id = $1",
    )
    .bind(user_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    // Everything else a profile holds is personal too.
    for statement in [
        "DELETE FROM account_tokens WHERE user_id = $1",
        "DELETE FROM profiles WHERE user_id = $1",
        "DELETE FROM positions WHERE user_id = $1",
        "DELETE FROM profile_list_choices WHERE user_id = $1",
        "DELETE FROM custom_field_values WHERE user_id = $1",
        "DELETE FROM user_photos WHERE user_id = $1",
    ] {
        sqlx::query(statement)
            .bind(user_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
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

/// Rows per multi-row statement (keeps every engine under its parameter limit).
pub const BATCH: usize = 500;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct KnownUser {
    pub id: i64,
    pub email: String,
    pub has_password: bool,
    pub time_zone: String,
    pub role: Option<String>,
    pub is_active: Option<bool>,
}

/// The accounts among `emails`, with their role in the program if they have one.
pub async fn known_users(
    tx: &mut Tx,
    program_id: i64,
    emails: &[String],
) -> sqlx::Result<Vec<KnownUser>> {
    let mut found = Vec::new();
    for chunk in emails.chunks(BATCH) {
        let rows = with_tx!(tx, conn => {
            let mut builder = sqlx::QueryBuilder::new(
                "SELECT u.id, u.email, (u.password_hash IS NOT NULL) AS has_password, u.time_zone,
                        m.role, m.is_active
                 FROM users u LEFT JOIN memberships m ON m.user_id = u.id AND m.program_id = ",
            );
            builder.push_bind(program_id);
            builder.push(" WHERE u.email IN (");
            let mut list = builder.separated(", ");
            for email in chunk {
                list.push_bind(email);
            }
            builder.push(")");
            builder.build_query_as::<KnownUser>().fetch_all(&mut *conn).await
        })?;
        found.extend(rows);
    }
    Ok(found)
}

pub struct ImportedUser<'a> {
    pub email: &'a str,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub language: &'a str,
}

/// Creates accounts (no password yet); returns (id, email) pairs.
pub async fn insert_users(
    tx: &mut Tx,
    users: &[ImportedUser<'_>],
    now: DateTime<Utc>,
) -> sqlx::Result<Vec<(i64, String)>> {
    let mut ids = Vec::with_capacity(users.len());
    for chunk in users.chunks(BATCH) {
        let rows: Vec<(i64, String)> = with_tx!(tx, conn => {
            let mut builder = sqlx::QueryBuilder::new(
                "INSERT INTO users (email, first_name, last_name, language, created_at) ",
            );
            builder.push_values(chunk, |mut row, u| {
                row.push_bind(u.email)
                    .push_bind(u.first_name)
                    .push_bind(u.last_name)
                    .push_bind(u.language)
                    .push_bind(now);
            });
            builder.push(" RETURNING id, email");
            builder.build_query_as().fetch_all(&mut *conn).await
        })?;
        ids.extend(rows);
    }
    Ok(ids)
}

pub async fn insert_memberships(
    tx: &mut Tx,
    program_id: i64,
    members: &[(i64, &str)],
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    for chunk in members.chunks(BATCH) {
        with_tx!(tx, conn => {
            let mut builder = sqlx::QueryBuilder::new(
                "INSERT INTO memberships (user_id, program_id, role, joined_at) ",
            );
            builder.push_values(chunk, |mut row, (user_id, role)| {
                row.push_bind(*user_id)
                    .push_bind(program_id)
                    .push_bind(*role)
                    .push_bind(now);
            });
            builder.build().execute(&mut *conn).await.map(|_| ())
        })?;
    }
    Ok(())
}

/// An existing member's names, language and role from the file.
pub async fn update_member(
    tx: &mut Tx,
    program_id: i64,
    user_id: i64,
    user: &ImportedUser<'_>,
    role: &str,
) -> sqlx::Result<()> {
    with_tx!(tx, conn => {
        sqlx::query("UPDATE users SET first_name = $2, last_name = $3, language = $4 WHERE id = $1")
            .bind(user_id)
            .bind(user.first_name)
            .bind(user.last_name)
            .bind(user.language)
            .execute(&mut *conn)
            .await?;
        sqlx::query("UPDATE memberships SET role = $3 WHERE program_id = $1 AND user_id = $2 AND role <> $3")
            .bind(program_id)
            .bind(user_id)
            .bind(role)
            .execute(conn)
            .await
            .map(|_| ())
    })
}

/// Deactivates memberships and ends the people's sessions.
pub async fn deactivate_members(
    tx: &mut Tx,
    program_id: i64,
    user_ids: &[i64],
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    for chunk in user_ids.chunks(BATCH) {
        with_tx!(tx, conn => {
            let mut builder = sqlx::QueryBuilder::new("UPDATE memberships SET is_active = FALSE, deactivated_at = ");
            builder.push_bind(now);
            builder.push(" WHERE is_active = TRUE AND program_id = ");
            builder.push_bind(program_id);
            builder.push(" AND user_id IN (");
            let mut list = builder.separated(", ");
            for id in chunk {
                list.push_bind(*id);
            }
            builder.push(")");
            builder.build().execute(&mut *conn).await?;
            let mut builder = sqlx::QueryBuilder::new("DELETE FROM sessions WHERE user_id IN (");
            let mut list = builder.separated(", ");
            for id in chunk {
                list.push_bind(*id);
            }
            builder.push(")");
            builder.build().execute(&mut *conn).await.map(|_| ())
        })?;
    }
    Ok(())
}

#[derive(Debug, sqlx::FromRow)]
pub struct RunRecord {
    pub id: i64,
    pub kind: String,
    pub file_name: String,
    pub status: String,
    pub total: i32,
    pub processed: i32,
    pub created: i32,
    pub updated: i32,
    pub errors: String,
}

pub struct NewRun<'a> {
    pub program_id: i64,
    pub admin_id: i64,
    pub kind: &'a str,
    pub file_name: &'a str,
    pub status: &'a str,
    pub total: i64,
    pub errors: &'a str,
    pub now: DateTime<Utc>,
}

pub async fn insert_run(db: &Db, run: &NewRun<'_>) -> sqlx::Result<i64> {
    with_db!(db, pool => sqlx::query_scalar(
        "INSERT INTO import_runs (program_id, admin_id, kind, file_name, status, total, errors, created_at, finished_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $5 = 'running' THEN NULL ELSE $8 END) RETURNING id",
    )
    .bind(run.program_id)
    .bind(run.admin_id)
    .bind(run.kind)
    .bind(run.file_name)
    .bind(run.status)
    .bind(run.total as i32)
    .bind(run.errors)
    .bind(run.now)
    .fetch_one(pool)
    .await)
}

pub async fn finish_run(
    db: &Db,
    id: i64,
    status: &str,
    created: i64,
    updated: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    with_db!(db, pool => sqlx::query(
        "UPDATE import_runs SET status = $2, processed = CASE WHEN $2 = 'done' THEN total ELSE processed END,
            created = $3, updated = $4, finished_at = $5 WHERE id = $1",
    )
    .bind(id)
    .bind(status)
    .bind(created as i32)
    .bind(updated as i32)
    .bind(now)
    .execute(pool)
    .await
    .map(|_| ()))
}

pub async fn find_run(db: &Db, program_id: i64, id: i64) -> sqlx::Result<Option<RunRecord>> {
    with_db!(db, pool => sqlx::query_as::<_, RunRecord>(
        "SELECT id, kind, file_name, status, total, processed, created, updated, errors
         FROM import_runs WHERE program_id = $1 AND id = $2",
    )
    .bind(program_id)
    .bind(id)
    .fetch_optional(pool)
    .await)
}
