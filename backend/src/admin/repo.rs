use crate::admin::model::AdminStats;
use crate::auth::model::Role;
use crate::auth::model::SignupRoles;
use crate::db::Db;
use crate::relationships::model::{InvitationStatus, RelationshipStatus};
use crate::with_db;

/// Counts for one program; deactivated members are not counted.
pub async fn program_stats(db: &Db, program_id: i64) -> sqlx::Result<AdminStats> {
    let roles: Vec<(Role, i64)> = with_db!(db, pool => sqlx::query_as(
        "SELECT m.role, COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.program_id = $1 AND m.is_active = TRUE AND u.is_active = TRUE GROUP BY m.role",
    )
    .bind(program_id)
    .fetch_all(pool)
    .await)?;
    let relationships: Vec<(RelationshipStatus, i64)> = with_db!(db, pool => sqlx::query_as(
        "SELECT status, COUNT(*) FROM relationships WHERE program_id = $1 GROUP BY status",
    )
    .bind(program_id)
    .fetch_all(pool)
    .await)?;
    let invitations: Vec<(InvitationStatus, i64)> = with_db!(db, pool => sqlx::query_as(
        "SELECT status, COUNT(*) FROM invitations WHERE program_id = $1 GROUP BY status",
    )
    .bind(program_id)
    .fetch_all(pool)
    .await)?;
    let (searches, searching_members) =
        crate::matching::repo::search_counts(db, program_id).await?;
    Ok(AdminStats {
        mentors: count_of(&roles, Role::Mentor),
        mentees: count_of(&roles, Role::Mentee),
        admins: count_of(&roles, Role::Admin),
        active_relationships: count_of(&relationships, RelationshipStatus::Active),
        completed_relationships: count_of(&relationships, RelationshipStatus::Completed),
        pending_invitations: count_of(&invitations, InvitationStatus::Pending),
        accepted_invitations: count_of(&invitations, InvitationStatus::Accepted),
        declined_invitations: count_of(&invitations, InvitationStatus::Declined),
        closed_invitations: count_of(&invitations, InvitationStatus::Withdrawn)
            + count_of(&invitations, InvitationStatus::Expired),
        searches,
        searching_members,
    })
}

/// The count of `key` in a GROUP BY's rows (0 when absent).
fn count_of<K: PartialEq>(rows: &[(K, i64)], key: K) -> i64 {
    rows.iter().find(|(k, _)| *k == key).map_or(0, |(_, n)| *n)
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

#[derive(sqlx::FromRow)]
struct SettingsRow {
    name_en: String,
    name_fr: String,
    contact_email: String,
    logo_url: String,
    lockout_threshold: i32,
    signup_roles: SignupRoles,
    search_access: crate::admin::model::SearchAccess,
    default_max_partners: i32,
    invitation_days: i32,
}

pub async fn program_settings(
    db: &Db,
    program_id: i64,
) -> sqlx::Result<crate::admin::model::ProgramSettings> {
    let row = with_db!(db, pool => sqlx::query_as::<_, SettingsRow>(
        "SELECT name_en, name_fr, contact_email, logo_url, lockout_threshold, signup_roles,
                search_access, default_max_partners, invitation_days
         FROM programs WHERE id = $1",
    )
    .bind(program_id)
    .fetch_one(pool)
    .await)?;
    Ok(crate::admin::model::ProgramSettings {
        name_en: row.name_en,
        name_fr: row.name_fr,
        contact_email: row.contact_email,
        logo_url: row.logo_url,
        lockout_threshold: row.lockout_threshold.into(),
        signup_mentors: row.signup_roles.mentors,
        signup_mentees: row.signup_roles.mentees,
        search_access: row.search_access,
        default_max_partners: row.default_max_partners.into(),
        invitation_days: row.invitation_days.into(),
    })
}

pub async fn save_program_settings(
    db: &Db,
    program_id: i64,
    s: &crate::admin::model::ProgramSettings,
) -> sqlx::Result<()> {
    let roles = SignupRoles {
        mentors: s.signup_mentors,
        mentees: s.signup_mentees,
    };
    with_db!(db, pool => sqlx::query(
        "UPDATE programs SET name_en = $2, name_fr = $3, contact_email = $4, logo_url = $5,
            lockout_threshold = $6, signup_roles = $7, search_access = $8,
            default_max_partners = $9, invitation_days = $10 WHERE id = $1",
    )
    .bind(program_id)
    .bind(&s.name_en)
    .bind(&s.name_fr)
    .bind(&s.contact_email)
    .bind(&s.logo_url)
    .bind(s.lockout_threshold as i32)
    .bind(roles)
    .bind(s.search_access)
    .bind(s.default_max_partners as i32)
    .bind(s.invitation_days as i32)
    .execute(pool)
    .await
    .map(|_| ()))
}
