//! SQL of member imports: known accounts, new ones, memberships, and the import runs.
use super::BATCH;
use crate::auth::model::Role;
use crate::db::{Db, Tx};
use crate::{with_db, with_tx};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct KnownUser {
    pub id: i64,
    pub email: String,
    pub has_password: bool,
    pub time_zone: crate::zone::Zone,
    pub language: String,
    pub role: Option<Role>,
    pub is_active: Option<bool>,
    /// Memberships in other programs: while there are any, the person's name, language
    /// and password are not this program's to change.
    pub other_programs: i64,
}

impl KnownUser {
    pub fn belongs_elsewhere(&self) -> bool {
        self.other_programs > 0
    }
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
                        u.language, m.role, m.is_active,
                        (SELECT COUNT(*) FROM memberships o
                         WHERE o.user_id = u.id AND o.program_id <> ",
            );
            builder.push_bind(program_id);
            builder.push(") AS other_programs
                 FROM users u LEFT JOIN memberships m ON m.user_id = u.id AND m.program_id = ");
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
    members: &[(i64, Role)],
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
pub async fn update_person(tx: &mut Tx, user_id: i64, user: &ImportedUser<'_>) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query("UPDATE users SET first_name = $2, last_name = $3, language = $4 WHERE id = $1")
        .bind(user_id)
        .bind(user.first_name)
        .bind(user.last_name)
        .bind(user.language)
        .execute(conn)
        .await
        .map(|_| ()))
}

pub async fn set_member_role(
    tx: &mut Tx,
    program_id: i64,
    user_id: i64,
    role: Role,
) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query("UPDATE memberships SET role = $3 WHERE program_id = $1 AND user_id = $2 AND role <> $3")
        .bind(program_id)
        .bind(user_id)
        .bind(role)
        .execute(conn)
        .await
        .map(|_| ()))
}

/// Deactivates memberships and ends the people's sessions in this program.
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
            let mut builder = sqlx::QueryBuilder::new("DELETE FROM sessions WHERE program_id = ");
            builder.push_bind(program_id);
            builder.push(" AND user_id IN (");
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
