//! SQL of the partner search: the program's search settings, the viewer's partners and
//! invitations, saved searches, and the cards of one page.
use crate::admin::model::SearchAccess;
use crate::db::{Db, Tx};
use crate::relationships::model::{InvitationStatus, RelationshipStatus};
use crate::{with_db, with_tx};
use chrono::{DateTime, Utc};

/// Who may search, and the number of partners a member takes on by default.
pub async fn search_settings(tx: &mut Tx, program_id: i64) -> sqlx::Result<(SearchAccess, i64)> {
    let (access, default_max): (SearchAccess, i32) = with_tx!(tx, conn => sqlx::query_as(
        "SELECT search_access, default_max_partners FROM programs WHERE id = $1",
    )
    .bind(program_id)
    .fetch_one(&mut *conn)
    .await)?;
    Ok((access, default_max.into()))
}

/// The people `user_id` is in a current relationship with.
pub async fn current_partners(
    tx: &mut Tx,
    program_id: i64,
    user_id: i64,
) -> sqlx::Result<Vec<i64>> {
    let sql = format!(
        "SELECT CASE WHEN mentor_id = $2 THEN mentee_id ELSE mentor_id END FROM relationships
         WHERE program_id = $1 AND (mentor_id = $2 OR mentee_id = $2) AND status IN ({})",
        RelationshipStatus::sql_codes(RelationshipStatus::is_current)
    );
    with_tx!(tx, conn => sqlx::query_scalar(sqlx::AssertSqlSafe(sql.clone()))
        .bind(program_id)
        .bind(user_id)
        .fetch_all(&mut *conn)
        .await)
}

/// The people `user_id` has an invitation waiting for an answer with, either way.
pub async fn pending_invitations_with(
    tx: &mut Tx,
    program_id: i64,
    user_id: i64,
) -> sqlx::Result<Vec<i64>> {
    with_tx!(tx, conn => sqlx::query_scalar(
        "SELECT CASE WHEN sender_id = $2 THEN recipient_id ELSE sender_id END FROM invitations
         WHERE program_id = $1 AND (sender_id = $2 OR recipient_id = $2) AND status = $3",
    )
    .bind(program_id)
    .bind(user_id)
    .bind(InvitationStatus::Pending)
    .fetch_all(&mut *conn)
    .await)
}

/// The member's latest saved search (its query string).
pub async fn latest_search(
    tx: &mut Tx,
    program_id: i64,
    user_id: i64,
) -> sqlx::Result<Option<String>> {
    with_tx!(tx, conn => sqlx::query_scalar(
        "SELECT query FROM partner_searches WHERE program_id = $1 AND user_id = $2
         ORDER BY id DESC LIMIT 1",
    )
    .bind(program_id)
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await)
}

pub async fn insert_search(
    tx: &mut Tx,
    program_id: i64,
    user_id: i64,
    query: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query(
        "INSERT INTO partner_searches (program_id, user_id, query, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(program_id)
    .bind(user_id)
    .bind(query)
    .bind(now)
    .execute(&mut *conn)
    .await
    .map(|_| ()))
}

/// Saved searches in the program (the admin dashboard's Searches figure).
pub async fn count_searches(db: &Db, program_id: i64) -> sqlx::Result<i64> {
    with_db!(db, pool => sqlx::query_scalar(
        "SELECT COUNT(*) FROM partner_searches WHERE program_id = $1",
    )
    .bind(program_id)
    .fetch_one(pool)
    .await)
}

/// What a result card shows of a member, besides the index's scores.
#[derive(Debug, sqlx::FromRow)]
pub struct CardRow {
    pub user_id: i64,
    pub first_name: String,
    pub last_name: String,
    pub photo_key: Option<String>,
    pub city: String,
    pub province: String,
    pub country: String,
    pub summary: String,
    pub job_title: String,
    pub company: String,
}

/// The cards of these members (any order).
pub async fn cards(tx: &mut Tx, program_id: i64, users: &[i64]) -> sqlx::Result<Vec<CardRow>> {
    if users.is_empty() {
        return Ok(Vec::new());
    }
    let list = (0..users.len())
        .map(|i| format!("${}", i + 2))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT u.id AS user_id, u.first_name, u.last_name, u.photo_key, u.city, u.province,
                u.country, COALESCE(pr.summary, '') AS summary,
                COALESCE(j.job_title, '') AS job_title, COALESCE(j.company, '') AS company
         FROM users u
         LEFT JOIN profiles pr ON pr.user_id = u.id AND pr.program_id = $1
         LEFT JOIN positions j ON j.id = (SELECT c.id FROM positions c
             WHERE c.user_id = u.id AND c.program_id = $1 AND c.is_current
             ORDER BY c.position, c.id LIMIT 1)
         WHERE u.id IN ({list})"
    );
    with_tx!(tx, conn => {
        let mut query = sqlx::query_as::<_, CardRow>(sqlx::AssertSqlSafe(sql.clone())).bind(program_id);
        for id in users {
            query = query.bind(*id);
        }
        query.fetch_all(&mut *conn).await
    })
}
