//! SQL of the administrator's relationships: the program's list, and who looks after one.
use crate::db::{Db, Tx};
use crate::relationships::model::RelationshipStatus;
use crate::{with_db, with_tx};
use chrono::{DateTime, Utc};

/// One relationship of the program as the Relationships page sorts and searches it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ListedRelationship {
    pub id: i64,
    pub status: RelationshipStatus,
    /// The invitation's date, or the start when an administrator matched the pair.
    pub created_at: DateTime<Utc>,
    pub started_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    pub invitation_id: Option<i64>,
    pub admin_id: Option<i64>,
    pub mentor_id: i64,
    pub mentor_first: String,
    pub mentor_last: String,
    pub mentor_email: String,
    pub mentee_id: i64,
    pub mentee_first: String,
    pub mentee_last: String,
    pub mentee_email: String,
}

impl ListedRelationship {
    pub fn mentor_name(&self) -> String {
        format!("{} {}", self.mentor_first, self.mentor_last)
    }

    pub fn mentee_name(&self) -> String {
        format!("{} {}", self.mentee_first, self.mentee_last)
    }
}

/// Every relationship of the program with both members' names (the page searches,
/// counts and sorts them in Rust, with the names folded the way the members table
/// folds them).
pub async fn program_relationships(
    db: &Db,
    program_id: i64,
) -> sqlx::Result<Vec<ListedRelationship>> {
    with_db!(db, pool => sqlx::query_as::<_, ListedRelationship>(
        "SELECT r.id, r.status, COALESCE(i.created_at, r.started_at) AS created_at,
                r.started_at, r.ended_at, r.invitation_id, r.admin_id,
                r.mentor_id, mu.first_name AS mentor_first, mu.last_name AS mentor_last,
                mu.email AS mentor_email,
                r.mentee_id, eu.first_name AS mentee_first, eu.last_name AS mentee_last,
                eu.email AS mentee_email
         FROM relationships r
         JOIN users mu ON mu.id = r.mentor_id
         JOIN users eu ON eu.id = r.mentee_id
         LEFT JOIN invitations i ON i.id = r.invitation_id
         WHERE r.program_id = $1",
    )
    .bind(program_id)
    .fetch_all(pool)
    .await)
}

/// Sets the administrator who looks after a relationship; false when there is no such
/// relationship in the program.
pub async fn set_admin(
    tx: &mut Tx,
    program_id: i64,
    id: i64,
    admin_id: Option<i64>,
) -> sqlx::Result<bool> {
    let done = with_tx!(tx, conn => sqlx::query(
        "UPDATE relationships SET admin_id = $3 WHERE program_id = $1 AND id = $2",
    )
    .bind(program_id)
    .bind(id)
    .bind(admin_id)
    .execute(&mut *conn)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}
