//! SQL of profiles and program lists.
use crate::auth::model::Role;
use crate::db::Db;
use crate::profiles::fields::{BuiltinField, FieldRef, FieldRule};
use crate::profiles::model::{ListItem, ListKind};
use crate::with_db;
use chrono::{DateTime, Utc};
use std::collections::HashSet;

/// A list's items in their order, each with the number of profiles that use it.
pub async fn list_items(db: &Db, program_id: i64, kind: ListKind) -> sqlx::Result<Vec<ListItem>> {
    let rows: Vec<(i64, String, String, i64)> = with_db!(db, pool => sqlx::query_as(
        "SELECT i.id, i.label_en, i.label_fr,
                (SELECT COUNT(*) FROM profile_list_choices c WHERE c.item_id = i.id)
              + (SELECT COUNT(*) FROM positions p WHERE p.industry_id = i.id)
              + (SELECT COUNT(*) FROM positions p WHERE p.job_function_id = i.id)
         FROM program_list_items i
         WHERE i.program_id = $1 AND i.list = $2
         ORDER BY i.position, i.id",
    )
    .bind(program_id)
    .bind(kind.code())
    .fetch_all(pool)
    .await)?;
    Ok(rows
        .into_iter()
        .map(|(id, label_en, label_fr, in_use)| ListItem {
            id,
            label_en,
            label_fr,
            in_use,
        })
        .collect())
}

pub async fn count_items(db: &Db, program_id: i64, kind: ListKind) -> sqlx::Result<i64> {
    with_db!(db, pool => sqlx::query_scalar(
        "SELECT COUNT(*) FROM program_list_items WHERE program_id = $1 AND list = $2",
    )
    .bind(program_id)
    .bind(kind.code())
    .fetch_one(pool)
    .await)
}

/// Whether the program's list already has an item with either label (case-insensitive).
pub async fn label_taken(
    db: &Db,
    program_id: i64,
    kind: ListKind,
    label_en: &str,
    label_fr: &str,
    except_id: Option<i64>,
) -> sqlx::Result<bool> {
    with_db!(db, pool => sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM program_list_items
         WHERE program_id = $1 AND list = $2 AND id <> $5
           AND (LOWER(label_en) = LOWER($3) OR LOWER(label_fr) = LOWER($4)))",
    )
    .bind(program_id)
    .bind(kind.code())
    .bind(label_en)
    .bind(label_fr)
    .bind(except_id.unwrap_or(0))
    .fetch_one(pool)
    .await)
}

/// Appends an item at the end of its list.
pub async fn insert_item(
    db: &Db,
    program_id: i64,
    kind: ListKind,
    label_en: &str,
    label_fr: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    with_db!(db, pool => sqlx::query_scalar(
        "INSERT INTO program_list_items (program_id, list, label_en, label_fr, position, created_at)
         VALUES ($1, $2, $3, $4,
                 (SELECT COALESCE(MAX(position), 0) + 1 FROM program_list_items WHERE program_id = $1 AND list = $2),
                 $5)
         RETURNING id",
    )
    .bind(program_id)
    .bind(kind.code())
    .bind(label_en)
    .bind(label_fr)
    .bind(now)
    .fetch_one(pool)
    .await)
}

/// Renames an item of this program's list; false when there is no such item.
pub async fn update_item(
    db: &Db,
    program_id: i64,
    kind: ListKind,
    item_id: i64,
    label_en: &str,
    label_fr: &str,
) -> sqlx::Result<bool> {
    let done = with_db!(db, pool => sqlx::query(
        "UPDATE program_list_items SET label_en = $4, label_fr = $5
         WHERE id = $3 AND program_id = $1 AND list = $2",
    )
    .bind(program_id)
    .bind(kind.code())
    .bind(item_id)
    .bind(label_en)
    .bind(label_fr)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Removes an item (and every member's choice of it); false when there is no such item.
pub async fn delete_item(
    db: &Db,
    program_id: i64,
    kind: ListKind,
    item_id: i64,
) -> sqlx::Result<bool> {
    let done = with_db!(db, pool => sqlx::query(
        "DELETE FROM program_list_items WHERE id = $3 AND program_id = $1 AND list = $2",
    )
    .bind(program_id)
    .bind(kind.code())
    .bind(item_id)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Moves an item one place up (`up`) or down by swapping places with its neighbour;
/// false when there is no such item.
pub async fn move_item(
    db: &Db,
    program_id: i64,
    kind: ListKind,
    item_id: i64,
    up: bool,
) -> sqlx::Result<bool> {
    let mut tx = db.begin().await?;
    let mut order: Vec<i64> = crate::with_tx!(&mut tx, conn => sqlx::query_scalar(
        "SELECT id FROM program_list_items WHERE program_id = $1 AND list = $2 ORDER BY position, id",
    )
    .bind(program_id)
    .bind(kind.code())
    .fetch_all(&mut *conn)
    .await)?;
    let Some(at) = order.iter().position(|&id| id == item_id) else {
        return Ok(false);
    };
    let other = if up {
        at.checked_sub(1)
    } else {
        Some(at + 1).filter(|&i| i < order.len())
    };
    let Some(other) = other else {
        return Ok(true);
    };
    // Rewrite the whole order: positions may have gaps or ties after deletions.
    order.swap(at, other);
    for (position, id) in order.iter().enumerate() {
        crate::with_tx!(&mut tx, conn => sqlx::query(
            "UPDATE program_list_items SET position = $2 WHERE id = $1",
        )
        .bind(id)
        .bind(position as i64)
        .execute(&mut *conn)
        .await
        .map(|_| ()))?;
    }
    tx.commit().await?;
    Ok(true)
}

/// A list's (id, English name) pairs in their order, without usage counts.
pub async fn item_names(
    db: &Db,
    program_id: i64,
    kind: ListKind,
) -> sqlx::Result<Vec<(i64, String)>> {
    with_db!(db, pool => sqlx::query_as(
        "SELECT id, label_en FROM program_list_items WHERE program_id = $1 AND list = $2
         ORDER BY position, id",
    )
    .bind(program_id)
    .bind(kind.code())
    .fetch_all(pool)
    .await)
}

/// The program's own rules for built-in fields (the rest keep the product default).
pub async fn builtin_rule_overrides(db: &Db, program_id: i64) -> sqlx::Result<Vec<FieldRule>> {
    let rows: Vec<(String, bool, bool, bool, bool)> = with_db!(db, pool => sqlx::query_as(
        "SELECT field_key, for_mentors, for_mentees, required, base_field
         FROM profile_field_rules WHERE program_id = $1",
    )
    .bind(program_id)
    .fetch_all(pool)
    .await)?;
    Ok(rows
        .into_iter()
        .filter_map(|(key, for_mentors, for_mentees, required, base_field)| {
            Some(FieldRule {
                field: FieldRef::Builtin(BuiltinField::parse(&key)?),
                for_mentors,
                for_mentees,
                required,
                base_field,
            })
        })
        .collect())
}

/// The custom fields as completeness rules.
pub async fn custom_field_rules(db: &Db, program_id: i64) -> sqlx::Result<Vec<FieldRule>> {
    let rows: Vec<(i64, String, bool, bool)> = with_db!(db, pool => sqlx::query_as(
        "SELECT id, role, required, base_field FROM custom_fields WHERE program_id = $1",
    )
    .bind(program_id)
    .fetch_all(pool)
    .await)?;
    Ok(rows
        .into_iter()
        .map(|(id, role, required, base_field)| FieldRule {
            field: FieldRef::Custom(id),
            for_mentors: role != "mentee",
            for_mentees: role != "mentor",
            required,
            base_field,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct FactsRow {
    role: String,
    has_photo: bool,
    first_name: String,
    last_name: String,
    country: String,
    province: String,
    city: String,
    time_zone: String,
    spoken_languages: String,
    gender: String,
    years_experience: Option<i64>,
    summary: Option<String>,
    three_words: Option<String>,
    linkedin: Option<String>,
    twitter: Option<String>,
    skype: Option<String>,
    meeting_formats: Option<String>,
    max_partners: Option<i64>,
    goals: Option<String>,
    has_title: bool,
    has_company: bool,
    has_industry: bool,
    has_function: bool,
}

/// A member's role in the program and the fields they have filled (`None`: not a member).
pub async fn member_facts(
    db: &Db,
    program_id: i64,
    user_id: i64,
) -> sqlx::Result<Option<(Role, HashSet<FieldRef>)>> {
    let row: Option<FactsRow> = with_db!(db, pool => sqlx::query_as(
        "SELECT m.role, u.photo_key IS NOT NULL AS has_photo, u.first_name, u.last_name, u.country,
                u.province, u.city, u.time_zone, u.spoken_languages, u.gender,
                p.years_experience, p.summary, p.three_words, p.linkedin, p.twitter, p.skype,
                p.meeting_formats, p.max_partners, p.goals,
                EXISTS (SELECT 1 FROM positions j WHERE j.user_id = m.user_id AND j.program_id = m.program_id AND j.job_title <> '') AS has_title,
                EXISTS (SELECT 1 FROM positions j WHERE j.user_id = m.user_id AND j.program_id = m.program_id AND j.company <> '') AS has_company,
                EXISTS (SELECT 1 FROM positions j WHERE j.user_id = m.user_id AND j.program_id = m.program_id AND j.industry_id IS NOT NULL) AS has_industry,
                EXISTS (SELECT 1 FROM positions j WHERE j.user_id = m.user_id AND j.program_id = m.program_id AND j.job_function_id IS NOT NULL) AS has_function
         FROM memberships m
         JOIN users u ON u.id = m.user_id
         LEFT JOIN profiles p ON p.user_id = m.user_id AND p.program_id = m.program_id
         WHERE m.program_id = $1 AND m.user_id = $2",
    )
    .bind(program_id)
    .bind(user_id)
    .fetch_optional(pool)
    .await)?;
    let Some(r) = row else {
        return Ok(None);
    };
    let Some(role) = Role::parse(&r.role) else {
        return Ok(None);
    };
    let chosen: Vec<(String,)> = with_db!(db, pool => sqlx::query_as(
        "SELECT DISTINCT i.list FROM profile_list_choices c JOIN program_list_items i ON i.id = c.item_id
         WHERE c.user_id = $1 AND c.program_id = $2",
    )
    .bind(user_id)
    .bind(program_id)
    .fetch_all(pool)
    .await)?;
    let answered: Vec<(i64,)> = with_db!(db, pool => sqlx::query_as(
        "SELECT DISTINCT field_id FROM custom_field_values
         WHERE program_id = $1 AND user_id = $2 AND (option_id IS NOT NULL OR text_value <> '')",
    )
    .bind(program_id)
    .bind(user_id)
    .fetch_all(pool)
    .await)?;

    use BuiltinField as F;
    let text = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.trim().is_empty());
    let mut filled = HashSet::new();
    let mut mark = |field: F, is_filled: bool| {
        if is_filled {
            filled.insert(FieldRef::Builtin(field));
        }
    };
    mark(F::Photo, r.has_photo);
    mark(F::FirstName, !r.first_name.trim().is_empty());
    mark(F::LastName, !r.last_name.trim().is_empty());
    mark(F::Country, !r.country.is_empty());
    mark(F::Province, !r.province.trim().is_empty());
    mark(F::City, !r.city.trim().is_empty());
    mark(F::TimeZone, !r.time_zone.is_empty());
    mark(F::Languages, !r.spoken_languages.is_empty());
    mark(F::Gender, !r.gender.is_empty());
    mark(F::JobTitle, r.has_title);
    mark(F::Company, r.has_company);
    mark(F::Industry, r.has_industry);
    mark(F::JobFunction, r.has_function);
    mark(F::YearsExperience, r.years_experience.is_some());
    mark(F::Summary, text(&r.summary));
    mark(F::ThreeWords, text(&r.three_words));
    mark(F::Linkedin, text(&r.linkedin));
    mark(F::Twitter, text(&r.twitter));
    mark(F::Skype, text(&r.skype));
    mark(F::MeetingFormats, text(&r.meeting_formats));
    mark(F::MaxPartners, r.max_partners.is_some());
    mark(F::Goals, text(&r.goals));
    for (list,) in chosen {
        match ListKind::parse(&list) {
            Some(ListKind::Skill) => mark(F::Skills, true),
            Some(ListKind::DevelopmentArea) => mark(F::DevelopmentAreas, true),
            Some(ListKind::MeetingCity) => mark(F::MeetingCities, true),
            _ => {}
        }
    }
    filled.extend(answered.into_iter().map(|(id,)| FieldRef::Custom(id)));
    Ok(Some((role, filled)))
}

pub async fn set_completeness(
    db: &Db,
    program_id: i64,
    user_id: i64,
    percent: u8,
) -> sqlx::Result<()> {
    with_db!(db, pool => sqlx::query(
        "UPDATE memberships SET completeness = $3 WHERE program_id = $1 AND user_id = $2",
    )
    .bind(program_id)
    .bind(user_id)
    .bind(i64::from(percent))
    .execute(pool)
    .await
    .map(|_| ()))
}

pub async fn completeness_of(db: &Db, program_id: i64, user_id: i64) -> sqlx::Result<Option<i64>> {
    with_db!(db, pool => sqlx::query_scalar(
        "SELECT completeness FROM memberships WHERE program_id = $1 AND user_id = $2",
    )
    .bind(program_id)
    .bind(user_id)
    .fetch_optional(pool)
    .await)
}

/// Members whose profile uses a list entry (as a choice or in a position).
pub async fn members_using_item(db: &Db, program_id: i64, item_id: i64) -> sqlx::Result<Vec<i64>> {
    with_db!(db, pool => sqlx::query_scalar(
        "SELECT user_id FROM profile_list_choices WHERE program_id = $1 AND item_id = $2
         UNION
         SELECT user_id FROM positions WHERE program_id = $1 AND (industry_id = $2 OR job_function_id = $2)",
    )
    .bind(program_id)
    .bind(item_id)
    .fetch_all(pool)
    .await)
}

/// Every member (mentor or mentee) of the program.
pub async fn profile_members(db: &Db, program_id: i64) -> sqlx::Result<Vec<i64>> {
    with_db!(db, pool => sqlx::query_scalar(
        "SELECT user_id FROM memberships WHERE program_id = $1 AND role <> 'admin' ORDER BY user_id",
    )
    .bind(program_id)
    .fetch_all(pool)
    .await)
}
