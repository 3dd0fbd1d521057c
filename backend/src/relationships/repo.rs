use crate::db::Db;
use crate::relationships::model::RelationshipStatus;
use crate::with_db;
use chrono::{DateTime, Utc};

#[derive(sqlx::FromRow)]
pub struct ConnectionRow {
    pub id: i64,
    pub status: RelationshipStatus,
    pub started_at: DateTime<Utc>,
    pub first_name: String,
    pub last_name: String,
    pub job_title: String,
    pub company: String,
    pub viewer_is_mentor: bool,
}

pub async fn list_for_member(
    db: &Db,
    program_id: i64,
    user_id: i64,
) -> sqlx::Result<Vec<ConnectionRow>> {
    with_db!(db, pool => sqlx::query_as::<_, ConnectionRow>(
        "SELECT r.id, r.status, r.started_at, p.first_name, p.last_name,
                COALESCE(j.job_title, '') AS job_title, COALESCE(j.company, '') AS company,
                (r.mentor_id = $2) AS viewer_is_mentor
         FROM relationships r
         JOIN users p ON p.id = CASE WHEN r.mentor_id = $2 THEN r.mentee_id ELSE r.mentor_id END
         LEFT JOIN positions j ON j.id = (SELECT c.id FROM positions c
             WHERE c.user_id = p.id AND c.program_id = r.program_id AND c.is_current
             ORDER BY c.position, c.id LIMIT 1)
         WHERE r.program_id = $1 AND (r.mentor_id = $2 OR r.mentee_id = $2)
         ORDER BY r.status, r.started_at DESC",
    )
    .bind(program_id)
    .bind(user_id)
    .fetch_all(pool)
    .await)
}
