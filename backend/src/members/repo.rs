//! SQL for managing a program's members.
use crate::auth::model::Role;
use crate::db::{Db, Tx};
use crate::relationships::model::RelationshipStatus;
use crate::{with_db, with_tx};
use chrono::{DateTime, Utc};
use std::sync::LazyLock;

#[derive(Debug, sqlx::FromRow)]
pub struct MemberRecord {
    pub user_id: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub role: Role,
    pub is_active: bool,
    pub last_sign_in_at: Option<DateTime<Utc>>,
    pub joined_at: DateTime<Utc>,
    pub deactivated_at: Option<DateTime<Utc>>,
    pub language: String,
    pub completeness: i64,
    pub member_admin_id: Option<i64>,
    /// Active mentoring relationships in this program.
    pub relationships: i64,
    /// Every relationship ever started in this program (active or completed).
    pub matches: i64,
}

/// A member's row. The counts name their statuses so both engines seek the
/// (program, status, person) indexes; which statuses count is `RelationshipStatus`'s rule.
static MEMBER_COLUMNS: LazyLock<String> = LazyLock::new(|| {
    let count = |statuses: String| {
        format!(
            "CAST((SELECT COUNT(*) FROM relationships r WHERE r.program_id = m.program_id
                AND r.status IN ({statuses}) AND r.mentor_id = m.user_id)
              + (SELECT COUNT(*) FROM relationships r WHERE r.program_id = m.program_id
                AND r.status IN ({statuses}) AND r.mentee_id = m.user_id) AS BIGINT)"
        )
    };
    format!(
        "u.id AS user_id, u.first_name, u.last_name, u.email, m.role, m.is_active,
         u.last_sign_in_at, m.joined_at, m.deactivated_at, u.language, m.completeness,
         m.member_admin_id, {} AS relationships, {} AS matches",
        count(RelationshipStatus::sql_codes(
            RelationshipStatus::is_current
        )),
        count(RelationshipStatus::sql_codes(RelationshipStatus::is_match)),
    )
});

/// A member as the members index loads them (see `index`).
#[derive(Debug, sqlx::FromRow)]
pub struct IndexRow {
    pub user_id: i64,
    pub role: Role,
    pub is_active: bool,
    pub person_active: bool,
    pub completeness: i64,
    pub joined_at: DateTime<Utc>,
    pub deactivated_at: Option<DateTime<Utc>>,
    pub last_sign_in_at: Option<DateTime<Utc>>,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
}

/// Members with their answers, positions and relationships, as loaded for the index.
pub struct IndexRows {
    pub members: Vec<IndexRow>,
    /// (member, field, option)
    pub answers: Vec<(i64, i64, Option<i64>)>,
    /// (member, industry, job function, current)
    pub positions: Vec<(i64, Option<i64>, Option<i64>, bool)>,
    /// (mentor, mentee, status)
    pub relationships: Vec<(i64, i64, RelationshipStatus)>,
}

/// The program's member version (0 before its first change).
pub async fn member_index_version(db: &Db, program_id: i64) -> sqlx::Result<i64> {
    let found: Option<i64> = with_db!(db, pool => sqlx::query_scalar(
        "SELECT version FROM member_index_versions WHERE program_id = $1",
    )
    .bind(program_id)
    .fetch_optional(pool)
    .await)?;
    Ok(found.unwrap_or(0))
}

/// Programs with at least `members` members, largest first.
pub async fn large_programs(db: &Db, members: i64) -> sqlx::Result<Vec<i64>> {
    with_db!(db, pool => sqlx::query_scalar(
        "SELECT program_id FROM memberships GROUP BY program_id HAVING COUNT(*) >= $1 ORDER BY COUNT(*) DESC",
    )
    .bind(members)
    .fetch_all(pool)
    .await)
}

/// Members changed after `version` (at most `limit`).
pub async fn changed_members(
    db: &Db,
    program_id: i64,
    version: i64,
    limit: i64,
) -> sqlx::Result<Vec<i64>> {
    with_db!(db, pool => sqlx::query_scalar(
        "SELECT user_id FROM member_changes WHERE program_id = $1 AND version > $2 LIMIT $3",
    )
    .bind(program_id)
    .bind(version)
    .bind(limit)
    .fetch_all(pool)
    .await)
}

/// The program's members for the index: all of them, or only `users`.
pub async fn index_rows(
    db: &Db,
    program_id: i64,
    users: Option<&[i64]>,
) -> sqlx::Result<IndexRows> {
    const MEMBERS: &str = "SELECT m.user_id, m.role, m.is_active, m.person_active, m.completeness,
        m.joined_at, m.deactivated_at, m.last_sign_in_at, u.first_name, u.last_name, u.email
        FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.program_id = $1";
    const ANSWERS: &str =
        "SELECT v.user_id, v.field_id, v.option_id FROM custom_field_values v WHERE v.program_id = $1";
    const POSITIONS: &str = "SELECT p.user_id, p.industry_id, p.job_function_id, p.is_current
        FROM positions p WHERE p.program_id = $1";
    const RELATIONSHIPS: &str =
        "SELECT r.mentor_id, r.mentee_id, r.status FROM relationships r WHERE r.program_id = $1";
    let some = |sql: &str, condition: &str| format!("{sql} AND {condition}");
    Ok(IndexRows {
        members: for_members(
            db,
            program_id,
            users,
            MEMBERS,
            &some(MEMBERS, "m.user_id IN ({})"),
        )
        .await?,
        answers: for_members(
            db,
            program_id,
            users,
            ANSWERS,
            &some(ANSWERS, "v.user_id IN ({})"),
        )
        .await?,
        positions: for_members(
            db,
            program_id,
            users,
            POSITIONS,
            &some(POSITIONS, "p.user_id IN ({})"),
        )
        .await?,
        // By mentor and by mentee through their own indexes (`+` keeps SQLite from
        // reading the whole program's relationships instead).
        relationships: for_members(
            db,
            program_id,
            users,
            RELATIONSHIPS,
            "SELECT r.mentor_id, r.mentee_id, r.status FROM relationships r
             WHERE +r.program_id = $1 AND r.id IN (
                SELECT id FROM relationships WHERE mentor_id IN ({})
                UNION ALL SELECT id FROM relationships WHERE mentee_id IN ({}))",
        )
        .await?,
    })
}

/// Runs `all` (`$1` is the program) or, for only these `users`, `some`.
async fn for_members<T>(
    db: &Db,
    program_id: i64,
    users: Option<&[i64]>,
    all: &str,
    some: &str,
) -> sqlx::Result<Vec<T>>
where
    T: Send
        + Unpin
        + for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
        + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>,
{
    match users {
        None => with_db!(db, pool => sqlx::query_as::<_, T>(sqlx::AssertSqlSafe(all.to_string()))
            .bind(program_id)
            .fetch_all(pool)
            .await),
        Some(users) => for_listed(db, program_id, users, some).await,
    }
}

/// Runs `sql` (`$1` is the program) batch by batch for the members listed where it says
/// `{}` (the list is bound as `$2`, `$3`, ...).
async fn for_listed<T>(db: &Db, program_id: i64, users: &[i64], sql: &str) -> sqlx::Result<Vec<T>>
where
    T: Send
        + Unpin
        + for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
        + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>,
{
    let mut rows = Vec::new();
    for chunk in users.chunks(BATCH) {
        let list = (0..chunk.len())
            .map(|i| format!("${}", i + 2))
            .collect::<Vec<_>>()
            .join(", ");
        let chunk_sql = sql.replace("{}", &list);
        let found = with_db!(db, pool => {
            let mut query = sqlx::query_as::<_, T>(sqlx::AssertSqlSafe(chunk_sql.clone())).bind(program_id);
            for id in chunk {
                query = query.bind(*id);
            }
            query.fetch_all(pool).await
        })?;
        rows.extend(found);
    }
    Ok(rows)
}

/// The table rows of these members (any order).
pub async fn members_by_id(
    db: &Db,
    program_id: i64,
    ids: &[i64],
) -> sqlx::Result<Vec<MemberRecord>> {
    // CROSS JOIN makes SQLite start from the 50 people (by key), never from the program.
    let sql = format!(
        "SELECT {} FROM users u CROSS JOIN memberships m
         WHERE u.id IN ({{}}) AND m.user_id = u.id AND m.program_id = $1",
        *MEMBER_COLUMNS
    );
    for_listed(db, program_id, ids, &sql).await
}

pub async fn find_member(
    tx: &mut Tx,
    program_id: i64,
    user_id: i64,
) -> sqlx::Result<Option<MemberRecord>> {
    with_tx!(tx, conn => sqlx::query_as::<_, MemberRecord>(sqlx::AssertSqlSafe(format!(
        "SELECT {} FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.program_id = $1 AND m.user_id = $2",
        *MEMBER_COLUMNS
    )))
    .bind(program_id)
    .bind(user_id)
    .fetch_optional(conn)
    .await)
}

pub async fn active_admin_count(tx: &mut Tx, program_id: i64) -> sqlx::Result<i64> {
    with_tx!(tx, conn => sqlx::query_scalar(
        "SELECT COUNT(*) FROM memberships WHERE program_id = $1 AND role = $2 AND is_active = TRUE",
    )
    .bind(program_id)
    .bind(Role::Admin)
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

/// The program's active administrators, by name: (user id, full name).
pub async fn program_admins(db: &Db, program_id: i64) -> sqlx::Result<Vec<(i64, String)>> {
    let rows: Vec<(i64, String, String)> = with_db!(db, pool => sqlx::query_as(
        "SELECT u.id, u.first_name, u.last_name FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.program_id = $1 AND m.role = $2 AND m.is_active = TRUE AND u.is_active = TRUE
         ORDER BY LOWER(u.last_name), LOWER(u.first_name), u.id",
    )
    .bind(program_id)
    .bind(Role::Admin)
    .fetch_all(pool)
    .await)?;
    Ok(rows
        .into_iter()
        .map(|(id, first, last)| (id, format!("{first} {last}")))
        .collect())
}

pub async fn set_member_admin(
    tx: &mut Tx,
    program_id: i64,
    user_id: i64,
    admin_id: Option<i64>,
) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query(
        "UPDATE memberships SET member_admin_id = $3 WHERE program_id = $1 AND user_id = $2",
    )
    .bind(program_id)
    .bind(user_id)
    .bind(admin_id)
    .execute(conn)
    .await
    .map(|_| ()))
}

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
