//! SQL of the partner search: saved searches and the cards of one page.
use crate::db::{Db, Tx};
use crate::{with_db, with_tx};
use chrono::{DateTime, Utc};

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

/// Saved searches in the program, and how many members saved them.
pub async fn search_counts(db: &Db, program_id: i64) -> sqlx::Result<(i64, i64)> {
    with_db!(db, pool => sqlx::query_as(
        "SELECT COUNT(*), COUNT(DISTINCT user_id) FROM partner_searches WHERE program_id = $1",
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
    let list = crate::db::placeholders(2, users.len());
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
