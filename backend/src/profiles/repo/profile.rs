//! SQL of a member's profile: reading it whole and saving each tab.
use super::custom_fields::insert_option;
use crate::auth::model::Role;
use crate::db::Tx;
use crate::profiles::model::{CustomAnswer, ListKind, Position, Profile};
use crate::with_tx;
use crate::zone::Zone;
use chrono::{DateTime, Utc};

/// The person-level and program-level columns of a profile, as `load_profile` and the
/// completeness facts read them.
#[derive(sqlx::FromRow)]
pub(super) struct ProfileRow {
    pub(super) photo_key: Option<String>,
    pub(super) first_name: String,
    pub(super) last_name: String,
    pub(super) country: String,
    pub(super) province: String,
    pub(super) city: String,
    pub(super) time_zone: Zone,
    pub(super) spoken_languages: String,
    pub(super) gender: String,
    pub(super) years_experience: Option<i64>,
    pub(super) summary: Option<String>,
    pub(super) three_words: Option<String>,
    pub(super) linkedin: Option<String>,
    pub(super) twitter: Option<String>,
    pub(super) skype: Option<String>,
    pub(super) meeting_formats: Option<String>,
    pub(super) max_partners: Option<i64>,
    pub(super) goals: Option<String>,
}

fn split_codes(text: &str) -> Vec<String> {
    text.split(',')
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether the person's membership of the program and their account are both active.
pub async fn is_active_member(tx: &mut Tx, program_id: i64, user_id: i64) -> sqlx::Result<bool> {
    with_tx!(tx, conn => sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.program_id = $1 AND m.user_id = $2 AND m.is_active = TRUE AND u.is_active = TRUE",
    )
    .bind(program_id)
    .bind(user_id)
    .fetch_one(&mut *conn)
    .await
    .map(|n| n > 0))
}

/// A member's whole profile in one program, with their role and stored completeness
/// (`None`: not a member of it).
pub async fn load_profile(
    tx: &mut Tx,
    program_id: i64,
    user_id: i64,
) -> sqlx::Result<Option<(Role, Profile, u8)>> {
    let row: Option<(Role, i64)> = with_tx!(tx, conn => sqlx::query_as(
        "SELECT role, completeness FROM memberships WHERE program_id = $1 AND user_id = $2",
    )
    .bind(program_id)
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await)?;
    let Some((role, completeness)) = row else {
        return Ok(None);
    };
    let r: ProfileRow = with_tx!(tx, conn => sqlx::query_as(
        "SELECT u.photo_key, u.first_name, u.last_name, u.country, u.province, u.city,
                u.time_zone, u.spoken_languages, u.gender,
                p.years_experience, p.summary, p.three_words, p.linkedin, p.twitter, p.skype,
                p.meeting_formats, p.max_partners, p.goals
         FROM users u
         LEFT JOIN profiles p ON p.user_id = u.id AND p.program_id = $1
         WHERE u.id = $2",
    )
    .bind(program_id)
    .bind(user_id)
    .fetch_one(&mut *conn)
    .await)?;
    let positions: Vec<Position> = with_tx!(tx, conn => sqlx::query_as(
        "SELECT job_title, company, industry_id, job_function_id, is_current FROM positions
         WHERE program_id = $1 AND user_id = $2 ORDER BY position, id",
    )
    .bind(program_id)
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await)?;
    let choices: Vec<(i64, ListKind)> = with_tx!(tx, conn => sqlx::query_as(
        "SELECT i.id, i.list FROM profile_list_choices c JOIN program_list_items i ON i.id = c.item_id
         WHERE c.program_id = $1 AND c.user_id = $2 ORDER BY i.position, i.id",
    )
    .bind(program_id)
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await)?;
    let answers: Vec<(i64, Option<i64>, String)> = with_tx!(tx, conn => sqlx::query_as(
        "SELECT v.field_id, v.option_id, v.text_value FROM custom_field_values v
         LEFT JOIN custom_field_options o ON o.id = v.option_id
         WHERE v.program_id = $1 AND v.user_id = $2
         ORDER BY v.field_id, o.position, o.id",
    )
    .bind(program_id)
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await)?;

    let mut profile = Profile {
        photo_url: r
            .photo_key
            .as_deref()
            .map(|key| crate::profiles::photo_url::photo_url(user_id, key)),
        first_name: r.first_name,
        last_name: r.last_name,
        country: r.country,
        province: r.province,
        city: r.city,
        time_zone: r.time_zone,
        languages: split_codes(&r.spoken_languages),
        gender: r.gender,
        positions,
        years_experience: r.years_experience,
        summary: r.summary.unwrap_or_default(),
        three_words: r.three_words.unwrap_or_default(),
        linkedin: r.linkedin.unwrap_or_default(),
        twitter: r.twitter.unwrap_or_default(),
        skype: r.skype.unwrap_or_default(),
        meeting_formats: split_codes(&r.meeting_formats.unwrap_or_default()),
        max_partners: r.max_partners,
        goals: r.goals.unwrap_or_default(),
        ..Profile::default()
    };
    for (id, list) in choices {
        match list {
            ListKind::Skill => profile.skills.push(id),
            ListKind::DevelopmentArea => profile.development_areas.push(id),
            ListKind::MeetingCity => profile.meeting_cities.push(id),
            ListKind::Industry | ListKind::JobFunction => {}
        }
    }
    for (field_id, option_id, text) in answers {
        if profile.custom.last().map(|(id, _)| *id) != Some(field_id) {
            profile.custom.push((field_id, CustomAnswer::default()));
        }
        if let Some((_, answer)) = profile.custom.last_mut() {
            match option_id {
                Some(option) => answer.option_ids.push(option),
                None => answer.text = text,
            }
        }
    }
    Ok(Some((
        role,
        profile,
        u8::try_from(completeness).unwrap_or(0),
    )))
}

/// The Basic information tab (person-level: shared by all the member's programs).
pub async fn save_basic(tx: &mut Tx, user_id: i64, b: &Profile) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query(
        "UPDATE users SET first_name = $2, last_name = $3, country = $4, province = $5, city = $6,
                time_zone = $7, spoken_languages = $8, gender = $9
         WHERE id = $1",
    )
    .bind(user_id)
    .bind(&b.first_name)
    .bind(&b.last_name)
    .bind(&b.country)
    .bind(&b.province)
    .bind(&b.city)
    .bind(b.time_zone)
    .bind(b.languages.join(","))
    .bind(&b.gender)
    .execute(&mut *conn)
    .await
    .map(|_| ()))
}

async fn ensure_profile_row(
    tx: &mut crate::db::Tx,
    program_id: i64,
    user_id: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    crate::with_tx!(tx, conn => sqlx::query(
        "INSERT INTO profiles (user_id, program_id, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, program_id) DO UPDATE SET updated_at = excluded.updated_at",
    )
    .bind(user_id)
    .bind(program_id)
    .bind(now)
    .execute(&mut *conn)
    .await
    .map(|_| ()))
}

/// The Employment tab: the positions (replaced as a whole) and years of experience, in one
/// transaction.
pub async fn save_employment(
    tx: &mut Tx,
    program_id: i64,
    user_id: i64,
    positions: &[Position],
    years_experience: Option<i64>,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    ensure_profile_row(tx, program_id, user_id, now).await?;
    with_tx!(tx, conn => sqlx::query(
        "UPDATE profiles SET years_experience = $3 WHERE user_id = $1 AND program_id = $2",
    )
    .bind(user_id)
    .bind(program_id)
    .bind(years_experience)
    .execute(&mut *conn)
    .await
    .map(|_| ()))?;
    with_tx!(tx, conn => sqlx::query(
        "DELETE FROM positions WHERE program_id = $1 AND user_id = $2",
    )
    .bind(program_id)
    .bind(user_id)
    .execute(&mut *conn)
    .await
    .map(|_| ()))?;
    for (at, p) in positions.iter().enumerate() {
        with_tx!(tx, conn => sqlx::query(
            "INSERT INTO positions (user_id, program_id, job_title, company, industry_id, job_function_id, is_current, position)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(user_id)
        .bind(program_id)
        .bind(&p.job_title)
        .bind(&p.company)
        .bind(p.industry_id)
        .bind(p.job_function_id)
        .bind(p.is_current)
        .bind(at as i64)
        .execute(&mut *conn)
        .await
        .map(|_| ()))?;
    }
    Ok(())
}

/// The Skills tab: texts, list choices and custom answers, in one transaction.
pub struct SkillsTab<'a> {
    pub profile: &'a Profile,
    /// Custom fields whose answers this save replaces (those the member may see).
    pub answered_fields: &'a [i64],
    /// New options members typed in for fields that allow entries: (field id, label).
    pub new_options: &'a [(i64, String)],
}

pub async fn save_skills(
    tx: &mut Tx,
    program_id: i64,
    user_id: i64,
    s: &SkillsTab<'_>,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let p = s.profile;
    ensure_profile_row(tx, program_id, user_id, now).await?;
    with_tx!(tx, conn => sqlx::query(
        "UPDATE profiles SET summary = $3, three_words = $4, linkedin = $5, twitter = $6, skype = $7,
                meeting_formats = $8, max_partners = $9, goals = $10
         WHERE user_id = $1 AND program_id = $2",
    )
    .bind(user_id)
    .bind(program_id)
    .bind(&p.summary)
    .bind(&p.three_words)
    .bind(&p.linkedin)
    .bind(&p.twitter)
    .bind(&p.skype)
    .bind(p.meeting_formats.join(","))
    .bind(p.max_partners)
    .bind(&p.goals)
    .execute(&mut *conn)
    .await
    .map(|_| ()))?;
    with_tx!(tx, conn => sqlx::query(
        "DELETE FROM profile_list_choices WHERE program_id = $1 AND user_id = $2
           AND item_id IN (SELECT id FROM program_list_items WHERE program_id = $1
                           AND list IN ($3, $4, $5))",
    )
    .bind(program_id)
    .bind(user_id)
    .bind(ListKind::Skill)
    .bind(ListKind::DevelopmentArea)
    .bind(ListKind::MeetingCity)
    .execute(&mut *conn)
    .await
    .map(|_| ()))?;
    for item in p
        .skills
        .iter()
        .chain(&p.development_areas)
        .chain(&p.meeting_cities)
    {
        with_tx!(tx, conn => sqlx::query(
            "INSERT INTO profile_list_choices (user_id, program_id, item_id) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING",
        )
        .bind(user_id)
        .bind(program_id)
        .bind(item)
        .execute(&mut *conn)
        .await
        .map(|_| ()))?;
    }
    for field_id in s.answered_fields {
        with_tx!(tx, conn => sqlx::query(
            "DELETE FROM custom_field_values WHERE program_id = $1 AND user_id = $2 AND field_id = $3",
        )
        .bind(program_id)
        .bind(user_id)
        .bind(field_id)
        .execute(&mut *conn)
        .await
        .map(|_| ()))?;
    }
    let mut values: Vec<(i64, Option<i64>, String)> = Vec::new();
    for (field_id, answer) in &p.custom {
        values.extend(
            answer
                .option_ids
                .iter()
                .map(|o| (*field_id, Some(*o), String::new())),
        );
        if !answer.text.is_empty() {
            values.push((*field_id, None, answer.text.clone()));
        }
    }
    for (field_id, label) in s.new_options {
        // A label another member already added is reused, not duplicated.
        let existing: Option<i64> = with_tx!(tx, conn => sqlx::query_scalar(
            "SELECT id FROM custom_field_options WHERE field_id = $1
               AND (LOWER(label_en) = LOWER($2) OR LOWER(label_fr) = LOWER($2))",
        )
        .bind(field_id)
        .bind(label)
        .fetch_optional(&mut *conn)
        .await)?;
        let option = match existing {
            Some(id) => id,
            None => {
                let next: i64 = with_tx!(tx, conn => sqlx::query_scalar(
                    "SELECT COALESCE(MAX(position), 0) + 1 FROM custom_field_options WHERE field_id = $1",
                )
                .bind(field_id)
                .fetch_one(&mut *conn)
                .await)?;
                insert_option(tx, *field_id, label, label, next, Some(user_id)).await?
            }
        };
        if !values.contains(&(*field_id, Some(option), String::new())) {
            values.push((*field_id, Some(option), String::new()));
        }
    }
    for (field_id, option_id, text) in values {
        with_tx!(tx, conn => sqlx::query(
            "INSERT INTO custom_field_values (user_id, program_id, field_id, option_id, text_value)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(user_id)
        .bind(program_id)
        .bind(field_id)
        .bind(option_id)
        .bind(text)
        .execute(&mut *conn)
        .await
        .map(|_| ()))?;
    }
    Ok(())
}
