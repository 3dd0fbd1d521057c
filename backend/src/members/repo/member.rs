//! SQL of one program's members as the members table shows and changes them.
use super::index::for_listed;
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
    /// Mentoring hours in minutes, from the members index (not a column).
    #[sqlx(skip)]
    pub mentoring_minutes: u32,
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
