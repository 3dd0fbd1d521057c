//! SQL of relationships: a member's connections, their current partners and pending
//! invitations, and the program's rules for who may connect.
use crate::db::{Db, Tx};
use crate::relationships::model::{InvitationStatus, RelationshipStatus};
use crate::{with_db, with_tx};
use chrono::{DateTime, Utc};
use shared::admin::model::SearchAccess;

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

#[derive(sqlx::FromRow)]
pub struct PendingRow {
    pub id: i64,
    pub sent_by_viewer: bool,
    pub first_name: String,
    pub last_name: String,
    pub partner_is_mentor: bool,
    pub expires_at: DateTime<Utc>,
}

/// The member's invitations waiting for an answer, sent and received, soonest deadline
/// first.
pub async fn pending_for_member(
    db: &Db,
    program_id: i64,
    user_id: i64,
) -> sqlx::Result<Vec<PendingRow>> {
    with_db!(db, pool => sqlx::query_as::<_, PendingRow>(
        "SELECT i.id, (i.sender_id = $2) AS sent_by_viewer, p.first_name, p.last_name,
                (i.mentor_id = p.id) AS partner_is_mentor, i.expires_at
         FROM invitations i
         JOIN users p ON p.id = CASE WHEN i.sender_id = $2 THEN i.recipient_id ELSE i.sender_id END
         WHERE i.program_id = $1 AND (i.sender_id = $2 OR i.recipient_id = $2) AND i.status = $3
         ORDER BY i.expires_at, i.id",
    )
    .bind(program_id)
    .bind(user_id)
    .bind(InvitationStatus::Pending)
    .fetch_all(pool)
    .await)
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
