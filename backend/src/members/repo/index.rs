//! SQL the members index loads from (see `members::index`).
use super::BATCH;
use crate::auth::model::Role;
use crate::db::Db;
use crate::profiles::model::ListKind;
use crate::relationships::model::RelationshipStatus;
use crate::with_db;
use chrono::{DateTime, Utc};
use shared::scheduling::model::OccurrenceState;

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
    /// Comma-separated spoken-language codes.
    pub spoken_languages: String,
    pub max_partners: Option<i64>,
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
    /// (member, list item, its list): skills, development areas, meeting cities.
    pub choices: Vec<(i64, i64, ListKind)>,
    /// The scheduled occurrences of their relationships: (mentor, mentee, start, end).
    pub meetings: Vec<(i64, i64, DateTime<Utc>, DateTime<Utc>)>,
    /// Meetings logged by hand: (mentor, mentee, minutes).
    pub logged: Vec<(i64, i64, i32)>,
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
        m.joined_at, m.deactivated_at, m.last_sign_in_at, u.first_name, u.last_name, u.email,
        u.spoken_languages, p.max_partners
        FROM memberships m JOIN users u ON u.id = m.user_id
        LEFT JOIN profiles p ON p.user_id = m.user_id AND p.program_id = m.program_id
        WHERE m.program_id = $1";
    const ANSWERS: &str =
        "SELECT v.user_id, v.field_id, v.option_id FROM custom_field_values v WHERE v.program_id = $1";
    const POSITIONS: &str = "SELECT p.user_id, p.industry_id, p.job_function_id, p.is_current
        FROM positions p WHERE p.program_id = $1";
    const CHOICES: &str = "SELECT c.user_id, c.item_id, i.list
        FROM profile_list_choices c JOIN program_list_items i ON i.id = c.item_id
        WHERE c.program_id = $1";
    const RELATIONSHIPS: &str =
        "SELECT r.mentor_id, r.mentee_id, r.status FROM relationships r WHERE r.program_id = $1";
    let some = |sql: &str, condition: &str| format!("{sql} AND {condition}");
    // Cancelled and left-out occurrences never count; which scheduled ones are over (held)
    // is decided at search time (`IndexedMember::mentoring_minutes`).
    let meetings = format!(
        "SELECT r.mentor_id, r.mentee_id, m.starts_at, m.ends_at
         FROM meetings m JOIN relationships r ON r.id = m.relationship_id
         WHERE m.program_id = $1 AND m.state = '{}'",
        OccurrenceState::Scheduled.as_str()
    );
    const LOGGED: &str = "SELECT r.mentor_id, r.mentee_id, l.duration_minutes
         FROM logged_meetings l JOIN relationships r ON r.id = l.relationship_id
         WHERE l.program_id = $1";
    // The relationships of the listed members, by mentor and by mentee.
    const THEIR_RELATIONSHIPS: &str = "IN (SELECT id FROM relationships WHERE mentor_id IN ({})
         UNION ALL SELECT id FROM relationships WHERE mentee_id IN ({}))";
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
        choices: for_members(
            db,
            program_id,
            users,
            CHOICES,
            &some(CHOICES, "c.user_id IN ({})"),
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
        meetings: for_members(
            db,
            program_id,
            users,
            &meetings,
            &some(
                &meetings,
                &format!("m.relationship_id {THEIR_RELATIONSHIPS}"),
            ),
        )
        .await?,
        logged: for_members(
            db,
            program_id,
            users,
            LOGGED,
            &some(LOGGED, &format!("l.relationship_id {THEIR_RELATIONSHIPS}")),
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
pub(super) async fn for_listed<T>(
    db: &Db,
    program_id: i64,
    users: &[i64],
    sql: &str,
) -> sqlx::Result<Vec<T>>
where
    T: Send
        + Unpin
        + for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
        + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>,
{
    let mut rows = Vec::new();
    for chunk in users.chunks(BATCH) {
        let list = crate::db::placeholders(2, chunk.len());
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
