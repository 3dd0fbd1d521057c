use crate::dashboard::model::MemberSummary;
use crate::db::Db;
use crate::relationships::model::{InvitationStatus, RelationshipStatus};
use crate::with_db;

pub async fn member_summary(db: &Db, program_id: i64, user_id: i64) -> sqlx::Result<MemberSummary> {
    let current = format!(
        "SELECT COUNT(*) FROM relationships
         WHERE program_id = $1 AND status IN ({}) AND (mentor_id = $2 OR mentee_id = $2)",
        RelationshipStatus::sql_codes(RelationshipStatus::is_current)
    );
    let (active_relationships,): (i64,) = with_db!(db, pool => sqlx::query_as(
        sqlx::AssertSqlSafe(current.clone()),
    )
    .bind(program_id)
    .bind(user_id)
    .fetch_one(pool)
    .await)?;
    let (invitations_received, invitations_sent): (i64, i64) = with_db!(db, pool => sqlx::query_as(
        "SELECT
            COALESCE(SUM(CASE WHEN recipient_id = $2 THEN 1 ELSE 0 END), 0),
            COALESCE(SUM(CASE WHEN sender_id = $2 THEN 1 ELSE 0 END), 0)
         FROM invitations
         WHERE program_id = $1 AND status = $3 AND (recipient_id = $2 OR sender_id = $2)",
    )
    .bind(program_id)
    .bind(user_id)
    .bind(InvitationStatus::Pending)
    .fetch_one(pool)
    .await)?;
    Ok(MemberSummary {
        active_relationships,
        invitations_received,
        invitations_sent,
    })
}
