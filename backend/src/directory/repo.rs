use crate::auth::model::Role;
use crate::db::Db;
use crate::directory::model::MemberCard;
use crate::with_db;

#[derive(sqlx::FromRow)]
struct CardRow {
    user_id: i64,
    first_name: String,
    last_name: String,
    job_title: String,
    company: String,
    city: String,
    province: String,
    photo_key: Option<String>,
}

/// Active members with `role` in the program, by last name; and the total count.
pub async fn list_by_role(
    db: &Db,
    program_id: i64,
    role: Role,
    limit: i64,
    offset: i64,
) -> sqlx::Result<(Vec<MemberCard>, i64)> {
    let rows = with_db!(db, pool => sqlx::query_as::<_, CardRow>(
        "SELECT u.id AS user_id, u.first_name, u.last_name,
                COALESCE(p.job_title, '') AS job_title, COALESCE(p.company, '') AS company, u.city, u.province,
                u.photo_key
         FROM memberships m JOIN users u ON u.id = m.user_id
         LEFT JOIN positions p ON p.id = (SELECT c.id FROM positions c
             WHERE c.user_id = m.user_id AND c.program_id = m.program_id AND c.is_current
             ORDER BY c.position, c.id LIMIT 1)
         WHERE m.program_id = $1 AND m.role = $2 AND m.is_active = TRUE AND u.is_active = TRUE
         ORDER BY u.last_name, u.first_name, u.id
         LIMIT $3 OFFSET $4",
    )
    .bind(program_id)
    .bind(role.as_str())
    .bind(limit)
    .bind(offset)
    .fetch_all(pool)
    .await)?;
    let (total,): (i64,) = with_db!(db, pool => sqlx::query_as(
        "SELECT COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.program_id = $1 AND m.role = $2 AND m.is_active = TRUE AND u.is_active = TRUE",
    )
    .bind(program_id)
    .bind(role.as_str())
    .fetch_one(pool)
    .await)?;
    let cards = rows
        .into_iter()
        .map(|r| MemberCard {
            user_id: r.user_id,
            first_name: r.first_name,
            last_name: r.last_name,
            job_title: r.job_title,
            company: r.company,
            photo_url: r
                .photo_key
                .as_deref()
                .map(|key| crate::profiles::photo_url::photo_url(r.user_id, key)),
            city: r.city,
            province: r.province,
        })
        .collect();
    Ok((cards, total))
}
