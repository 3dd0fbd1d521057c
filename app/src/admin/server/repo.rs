use crate::admin::model::AdminStats;
use crate::db::Db;
use crate::with_db;

/// Counts for one program; deactivated members are not counted.
pub async fn program_stats(db: &Db, program_id: i64) -> sqlx::Result<AdminStats> {
    let roles: Vec<(String, i64)> = with_db!(db, pool => sqlx::query_as(
        "SELECT m.role, COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.program_id = $1 AND m.is_active = TRUE AND u.is_active = TRUE GROUP BY m.role",
    )
    .bind(program_id)
    .fetch_all(pool)
    .await)?;
    let relationships: Vec<(String, i64)> = with_db!(db, pool => sqlx::query_as(
        "SELECT status, COUNT(*) FROM relationships WHERE program_id = $1 GROUP BY status",
    )
    .bind(program_id)
    .fetch_all(pool)
    .await)?;
    let invitations: Vec<(String, i64)> = with_db!(db, pool => sqlx::query_as(
        "SELECT status, COUNT(*) FROM invitations WHERE program_id = $1 GROUP BY status",
    )
    .bind(program_id)
    .fetch_all(pool)
    .await)?;
    let count = |rows: &[(String, i64)], key: &str| {
        rows.iter().find(|(k, _)| k == key).map_or(0, |(_, n)| *n)
    };
    Ok(AdminStats {
        mentors: count(&roles, "mentor"),
        mentees: count(&roles, "mentee"),
        admins: count(&roles, "admin"),
        active_relationships: count(&relationships, "active"),
        completed_relationships: count(&relationships, "completed"),
        pending_invitations: count(&invitations, "pending"),
        accepted_invitations: count(&invitations, "accepted"),
        declined_invitations: count(&invitations, "declined"),
    })
}

/// The program's invitation token (if one was made) and whether the link is on.
pub async fn invite_settings(db: &Db, program_id: i64) -> sqlx::Result<(Option<String>, bool)> {
    with_db!(db, pool => sqlx::query_as(
        "SELECT invite_token, invite_enabled FROM programs WHERE id = $1",
    )
    .bind(program_id)
    .fetch_one(pool)
    .await)
}

pub async fn set_invite_token(db: &Db, program_id: i64, token: &str) -> sqlx::Result<()> {
    with_db!(db, pool => sqlx::query("UPDATE programs SET invite_token = $2 WHERE id = $1")
        .bind(program_id)
        .bind(token)
        .execute(pool)
        .await
        .map(|_| ()))
}

pub async fn set_invite_enabled(db: &Db, program_id: i64, enabled: bool) -> sqlx::Result<()> {
    with_db!(db, pool => sqlx::query("UPDATE programs SET invite_enabled = $2 WHERE id = $1")
        .bind(program_id)
        .bind(enabled)
        .execute(pool)
        .await
        .map(|_| ()))
}
