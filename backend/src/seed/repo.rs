//! SQL for seeding.
use crate::auth::model::Role;
use crate::db::Db;
use crate::relationships::model::{InvitationStatus, RelationshipStatus};
use crate::with_db;
use chrono::{DateTime, Utc};

pub struct NewUser<'a> {
    pub email: &'a str,
    pub password_hash: Option<&'a str>,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub language: &'a str,
    pub time_zone: &'a str,
    pub province: &'a str,
    pub city: &'a str,
    pub spoken_languages: &'a str,
    pub created_at: DateTime<Utc>,
    pub last_sign_in_at: Option<DateTime<Utc>>,
}

/// A member's current position in a program; industry and job function are list entries.
pub struct NewPosition<'a> {
    pub user_id: i64,
    pub job_title: &'a str,
    pub company: &'a str,
    pub industry_id: Option<i64>,
    pub job_function_id: Option<i64>,
}

pub async fn program_id_by_slug(db: &Db, slug: &str) -> sqlx::Result<Option<i64>> {
    with_db!(db, pool => sqlx::query_scalar("SELECT id FROM programs WHERE slug = $1")
        .bind(slug)
        .fetch_optional(pool)
        .await)
}

pub async fn insert_organisation(db: &Db, name: &str, now: DateTime<Utc>) -> sqlx::Result<i64> {
    with_db!(db, pool => sqlx::query_scalar("INSERT INTO organisations (name, created_at) VALUES ($1, $2) RETURNING id")
        .bind(name)
        .bind(now)
        .fetch_one(pool)
        .await)
}

pub async fn insert_program(
    db: &Db,
    organisation_id: i64,
    slug: &str,
    names: (&str, &str),
    contact_email: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    with_db!(db, pool => sqlx::query_scalar(
        "INSERT INTO programs (organisation_id, slug, name_en, name_fr, contact_email, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(organisation_id)
    .bind(slug)
    .bind(names.0)
    .bind(names.1)
    .bind(contact_email)
    .bind(now)
    .fetch_one(pool)
    .await)
}

pub async fn insert_users(db: &Db, users: &[NewUser<'_>]) -> sqlx::Result<Vec<i64>> {
    if users.is_empty() {
        return Ok(Vec::new());
    }
    with_db!(db, pool => {
        let mut builder = sqlx::QueryBuilder::new(
            "INSERT INTO users (email, password_hash, first_name, last_name, language, time_zone, country,
             province, city, spoken_languages, created_at, last_sign_in_at) ",
        );
        builder.push_values(users, |mut row, u| {
            row.push_bind(u.email)
                .push_bind(u.password_hash)
                .push_bind(u.first_name)
                .push_bind(u.last_name)
                .push_bind(u.language)
                .push_bind(u.time_zone)
                .push_bind("CA")
                .push_bind(u.province)
                .push_bind(u.city)
                .push_bind(u.spoken_languages)
                .push_bind(u.created_at)
                .push_bind(u.last_sign_in_at);
        });
        builder.push(" RETURNING id");
        let mut ids: Vec<i64> = builder.build_query_scalar().fetch_all(pool).await?;
        // RETURNING order is not guaranteed; ids are assigned in insertion order.
        ids.sort_unstable();
        Ok(ids)
    })
}

pub async fn insert_memberships(
    db: &Db,
    program_id: i64,
    members: &[(i64, Role)],
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    if members.is_empty() {
        return Ok(());
    }
    with_db!(db, pool => {
        let mut builder = sqlx::QueryBuilder::new("INSERT INTO memberships (user_id, program_id, role, joined_at) ");
        builder.push_values(members, |mut row, (user_id, role)| {
            row.push_bind(*user_id).push_bind(program_id).push_bind(*role).push_bind(now);
        });
        builder.build().execute(pool).await.map(|_| ())
    })
}

/// Many relationships at once: (mentor, mentee, status).
pub async fn insert_relationships(
    db: &Db,
    program_id: i64,
    pairs: &[(i64, i64, RelationshipStatus)],
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    if pairs.is_empty() {
        return Ok(());
    }
    with_db!(db, pool => {
        let mut builder = sqlx::QueryBuilder::new(
            "INSERT INTO relationships (program_id, mentor_id, mentee_id, status, started_at, ended_at) ",
        );
        builder.push_values(pairs, |mut row, (mentor, mentee, status)| {
            let ended = (*status == RelationshipStatus::Completed).then_some(now);
            row.push_bind(program_id)
                .push_bind(*mentor)
                .push_bind(*mentee)
                .push_bind(*status)
                .push_bind(now)
                .push_bind(ended);
        });
        builder.build().execute(pool).await.map(|_| ())
    })
}

/// Many list choices at once (skills, development areas, meeting cities): (member, entry).
pub async fn insert_list_choices(
    db: &Db,
    program_id: i64,
    choices: &[(i64, i64)],
) -> sqlx::Result<()> {
    if choices.is_empty() {
        return Ok(());
    }
    with_db!(db, pool => {
        let mut builder = sqlx::QueryBuilder::new(
            "INSERT INTO profile_list_choices (user_id, program_id, item_id) ",
        );
        builder.push_values(choices, |mut row, (user, item)| {
            row.push_bind(*user).push_bind(program_id).push_bind(*item);
        });
        builder.build().execute(pool).await.map(|_| ())
    })
}

/// Many custom-field answers at once: (member, option).
pub async fn insert_option_answers(
    db: &Db,
    program_id: i64,
    field_id: i64,
    answers: &[(i64, i64)],
) -> sqlx::Result<()> {
    if answers.is_empty() {
        return Ok(());
    }
    with_db!(db, pool => {
        let mut builder = sqlx::QueryBuilder::new(
            "INSERT INTO custom_field_values (user_id, program_id, field_id, option_id) ",
        );
        builder.push_values(answers, |mut row, (user, option)| {
            row.push_bind(*user).push_bind(program_id).push_bind(field_id).push_bind(*option);
        });
        builder.build().execute(pool).await.map(|_| ())
    })
}

pub async fn insert_relationship(
    db: &Db,
    program_id: i64,
    mentor_id: i64,
    mentee_id: i64,
    status: RelationshipStatus,
    started_at: DateTime<Utc>,
    ended_at: Option<DateTime<Utc>>,
) -> sqlx::Result<i64> {
    with_db!(db, pool => sqlx::query_scalar(
        "INSERT INTO relationships (program_id, mentor_id, mentee_id, status, started_at, ended_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(program_id)
    .bind(mentor_id)
    .bind(mentee_id)
    .bind(status)
    .bind(started_at)
    .bind(ended_at)
    .fetch_one(pool)
    .await)
}

/// A demo invitation from `sender_id` (whose role decides which of the two is the mentor)
/// with `message`; answered two days later unless pending, and due to expire as the
/// program's default says.
#[allow(clippy::too_many_arguments)]
pub async fn insert_invitation(
    db: &Db,
    program_id: i64,
    sender_id: i64,
    recipient_id: i64,
    sender_is_mentor: bool,
    status: InvitationStatus,
    message: &str,
    created_at: DateTime<Utc>,
) -> sqlx::Result<()> {
    use crate::relationships::model::{reminder_due, INVITATION_DAYS_DEFAULT};
    let responded_at =
        (status != InvitationStatus::Pending).then(|| created_at + chrono::Duration::days(2));
    let (mentor_id, mentee_id) = if sender_is_mentor {
        (sender_id, recipient_id)
    } else {
        (recipient_id, sender_id)
    };
    let expires_at = created_at + chrono::Duration::days(INVITATION_DAYS_DEFAULT);
    with_db!(db, pool => sqlx::query(
        "INSERT INTO invitations (program_id, sender_id, recipient_id, mentor_id, mentee_id,
                status, message, created_at, remind_at, expires_at, responded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(program_id)
    .bind(sender_id)
    .bind(recipient_id)
    .bind(mentor_id)
    .bind(mentee_id)
    .bind(status)
    .bind(message)
    .bind(created_at)
    .bind(reminder_due(created_at, expires_at))
    .bind(expires_at)
    .bind(responded_at)
    .execute(pool)
    .await
    .map(|_| ()))
}

pub async fn count_users_with_domain(db: &Db, domain: &str) -> sqlx::Result<i64> {
    with_db!(db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email LIKE $1")
        .bind(format!("%@{domain}"))
        .fetch_one(pool)
        .await)
}

pub async fn set_invite_token(db: &Db, program_id: i64, token: &str) -> sqlx::Result<()> {
    with_db!(db, pool => sqlx::query("UPDATE programs SET invite_token = $1 WHERE id = $2")
        .bind(token)
        .bind(program_id)
        .execute(pool)
        .await
        .map(|_| ()))
}

pub async fn insert_positions(
    db: &Db,
    program_id: i64,
    positions: &[NewPosition<'_>],
) -> sqlx::Result<()> {
    if positions.is_empty() {
        return Ok(());
    }
    with_db!(db, pool => {
        let mut builder = sqlx::QueryBuilder::new(
            "INSERT INTO positions (user_id, program_id, job_title, company, industry_id, job_function_id, is_current) ",
        );
        builder.push_values(positions, |mut row, p| {
            row.push_bind(p.user_id)
                .push_bind(program_id)
                .push_bind(p.job_title)
                .push_bind(p.company)
                .push_bind(p.industry_id)
                .push_bind(p.job_function_id)
                .push_bind(true);
        });
        builder.build().execute(pool).await.map(|_| ())
    })
}
