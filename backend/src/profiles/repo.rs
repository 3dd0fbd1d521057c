//! SQL of profiles and program lists.
use crate::auth::model::Role;
use crate::db::{Db, Pool};
use crate::profiles::fields::{BuiltinField, FieldRef, FieldRule};
use crate::profiles::model::{
    CustomAnswer, CustomField, CustomOption, FieldAudience, ListItem, ListKind, Position, Profile,
};
use crate::profiles::options_plan::OptionsPlan;
use crate::with_db;
use chrono::{DateTime, Utc};
use std::collections::{HashMap, HashSet};

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
    .bind(kind.as_str())
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
    .bind(kind.as_str())
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
    .bind(kind.as_str())
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
    .bind(kind.as_str())
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
    .bind(kind.as_str())
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
    .bind(kind.as_str())
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
    .bind(kind.as_str())
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
    .bind(kind.as_str())
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

/// The custom fields members fill, as completeness rules.
pub async fn custom_field_rules(db: &Db, program_id: i64) -> sqlx::Result<Vec<FieldRule>> {
    let rows: Vec<(i64, String, bool, bool)> = with_db!(db, pool => sqlx::query_as(
        // Admin-only fields are never shown to members, so they cannot count against them.
        "SELECT id, role, required, base_field FROM custom_fields WHERE program_id = $1 AND NOT admin_only",
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
    user_id: i64,
    role: String,
    completeness: i64,
    #[sqlx(flatten)]
    person: ProfileRow,
    has_title: Option<i64>,
    has_company: Option<i64>,
    has_industry: Option<i64>,
    has_function: Option<i64>,
}

/// What one member has filled, with the completeness stored for them now.
pub struct MemberFacts {
    pub user_id: i64,
    pub role: Role,
    pub stored: u8,
    pub filled: HashSet<FieldRef>,
}

/// The facts of the program's members (mentors and mentees) with `after < user_id <= upto`,
/// in three set queries whatever the range holds, so a whole program is read in chunks.
pub async fn facts_in_range(
    db: &Db,
    program_id: i64,
    after: i64,
    upto: i64,
) -> sqlx::Result<Vec<MemberFacts>> {
    let rows: Vec<FactsRow> = with_db!(db, pool => sqlx::query_as(
        "SELECT m.user_id, m.role, m.completeness, u.photo_key,
                u.first_name, u.last_name, u.country, u.province, u.city, u.time_zone,
                u.spoken_languages, u.gender,
                p.years_experience, p.summary, p.three_words, p.linkedin, p.twitter, p.skype,
                p.meeting_formats, p.max_partners, p.goals,
                j.has_title, j.has_company, j.has_industry, j.has_function
         FROM memberships m
         JOIN users u ON u.id = m.user_id
         LEFT JOIN profiles p ON p.user_id = m.user_id AND p.program_id = m.program_id
         LEFT JOIN (
             SELECT user_id,
                    CAST(MAX(CASE WHEN job_title <> '' THEN 1 ELSE 0 END) AS BIGINT) AS has_title,
                    CAST(MAX(CASE WHEN company <> '' THEN 1 ELSE 0 END) AS BIGINT) AS has_company,
                    CAST(MAX(CASE WHEN industry_id IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS has_industry,
                    CAST(MAX(CASE WHEN job_function_id IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS has_function
             FROM positions
             WHERE program_id = $1 AND user_id > $2 AND user_id <= $3
             GROUP BY user_id
         ) j ON j.user_id = m.user_id
         WHERE m.program_id = $1 AND m.user_id > $2 AND m.user_id <= $3 AND m.role <> 'admin'
         ORDER BY m.user_id",
    )
    .bind(program_id)
    .bind(after)
    .bind(upto)
    .fetch_all(pool)
    .await)?;
    let chosen: Vec<(i64, String)> = with_db!(db, pool => sqlx::query_as(
        "SELECT DISTINCT c.user_id, i.list FROM profile_list_choices c
         JOIN program_list_items i ON i.id = c.item_id
         WHERE c.program_id = $1 AND c.user_id > $2 AND c.user_id <= $3",
    )
    .bind(program_id)
    .bind(after)
    .bind(upto)
    .fetch_all(pool)
    .await)?;
    let answered: Vec<(i64, i64)> = with_db!(db, pool => sqlx::query_as(
        "SELECT DISTINCT user_id, field_id FROM custom_field_values
         WHERE program_id = $1 AND user_id > $2 AND user_id <= $3
           AND (option_id IS NOT NULL OR text_value <> '')",
    )
    .bind(program_id)
    .bind(after)
    .bind(upto)
    .fetch_all(pool)
    .await)?;

    let mut extra: HashMap<i64, Vec<FieldRef>> = HashMap::new();
    for (user_id, list) in chosen {
        let field = match ListKind::parse(&list) {
            Some(ListKind::Skill) => BuiltinField::Skills,
            Some(ListKind::DevelopmentArea) => BuiltinField::DevelopmentAreas,
            Some(ListKind::MeetingCity) => BuiltinField::MeetingCities,
            _ => continue,
        };
        extra
            .entry(user_id)
            .or_default()
            .push(FieldRef::Builtin(field));
    }
    for (user_id, field_id) in answered {
        extra
            .entry(user_id)
            .or_default()
            .push(FieldRef::Custom(field_id));
    }
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let role = Role::parse(&r.role)?;
            let mut filled = filled_builtins(&r);
            filled.extend(extra.remove(&r.user_id).unwrap_or_default());
            Some(MemberFacts {
                user_id: r.user_id,
                role,
                stored: u8::try_from(r.completeness).unwrap_or(0),
                filled,
            })
        })
        .collect())
}

fn filled_builtins(f: &FactsRow) -> HashSet<FieldRef> {
    let r = &f.person;
    use BuiltinField as F;
    let text = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.trim().is_empty());
    let flag = |v: Option<i64>| v.unwrap_or(0) > 0;
    let mut filled = HashSet::new();
    let mut mark = |field: F, is_filled: bool| {
        if is_filled {
            filled.insert(FieldRef::Builtin(field));
        }
    };
    mark(F::Photo, r.photo_key.is_some());
    mark(F::FirstName, !r.first_name.trim().is_empty());
    mark(F::LastName, !r.last_name.trim().is_empty());
    mark(F::Country, !r.country.is_empty());
    mark(F::Province, !r.province.trim().is_empty());
    mark(F::City, !r.city.trim().is_empty());
    mark(F::TimeZone, !r.time_zone.is_empty());
    mark(F::Languages, !r.spoken_languages.is_empty());
    mark(F::Gender, !r.gender.is_empty());
    mark(F::JobTitle, flag(f.has_title));
    mark(F::Company, flag(f.has_company));
    mark(F::Industry, flag(f.has_industry));
    mark(F::JobFunction, flag(f.has_function));
    mark(F::YearsExperience, r.years_experience.is_some());
    mark(F::Summary, text(&r.summary));
    mark(F::ThreeWords, text(&r.three_words));
    mark(F::Linkedin, text(&r.linkedin));
    mark(F::Twitter, text(&r.twitter));
    mark(F::Skype, text(&r.skype));
    mark(F::MeetingFormats, text(&r.meeting_formats));
    mark(F::MaxPartners, r.max_partners.is_some());
    mark(F::Goals, text(&r.goals));
    filled
}

/// A member's recomputed completeness and the value it was computed against.
#[derive(Clone, Copy, Debug)]
pub struct CompletenessChange {
    pub user_id: i64,
    pub was: u8,
    pub now: u8,
}

/// Stores recomputed completeness figures in one transaction. A row whose stored value is
/// no longer `was` was refreshed meanwhile (the member saved) and is left as it is.
/// Changes are grouped by (was, now): a rule change moves every member between a handful
/// of values, so a whole program takes a few statements, each one index range scan.
pub async fn store_completeness(
    db: &Db,
    program_id: i64,
    changes: &[CompletenessChange],
) -> sqlx::Result<()> {
    let mut groups: HashMap<(u8, u8), Vec<i64>> = HashMap::new();
    for c in changes {
        groups.entry((c.was, c.now)).or_default().push(c.user_id);
    }
    let mut tx = db.begin().await?;
    for ((was, now), ids) in groups {
        match &mut tx {
            crate::db::Tx::Sqlite(conn) => {
                let list = format!(
                    "[{}]",
                    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
                );
                sqlx::query(
                    "UPDATE memberships SET completeness = $3
                     WHERE program_id = $1 AND completeness = $2
                       AND user_id IN (SELECT value FROM json_each($4))",
                )
                .bind(program_id)
                .bind(i64::from(was))
                .bind(i64::from(now))
                .bind(list)
                .execute(&mut **conn)
                .await?;
            }
            crate::db::Tx::Postgres(conn) => {
                sqlx::query(
                    "UPDATE memberships SET completeness = $3
                     WHERE program_id = $1 AND completeness = $2 AND user_id = ANY($4)",
                )
                .bind(program_id)
                .bind(i64::from(was))
                .bind(i64::from(now))
                .bind(&ids)
                .execute(&mut **conn)
                .await?;
            }
        }
    }
    tx.commit().await
}

/// Refreshes the query planner's statistics after a bulk insert (PostgreSQL plans the
/// completeness reads badly on tables it has never analysed).
pub async fn analyse_member_tables(db: &Db) -> sqlx::Result<()> {
    if let Pool::Postgres(pool) = db.pool() {
        // VACUUM too: after a bulk load it marks pages all-visible, so counts can be
        // answered from indexes alone.
        sqlx::query("VACUUM (ANALYZE) users, memberships, profiles, positions, profile_list_choices, custom_field_values, relationships")
            .execute(pool)
            .await?;
    }
    Ok(())
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

#[derive(sqlx::FromRow)]
struct CustomFieldRow {
    id: i64,
    name_en: String,
    name_fr: String,
    description_en: String,
    description_fr: String,
    hint_en: String,
    hint_fr: String,
    role: String,
    required: bool,
    in_search: bool,
    admin_only: bool,
    position: i64,
    single_select: bool,
    allow_entries: bool,
    base_field: bool,
    show_on_profile: bool,
    in_report: bool,
}

const CUSTOM_FIELD_COLUMNS: &str = "id, name_en, name_fr, description_en, description_fr, hint_en, hint_fr, role, required, in_search, admin_only, position, single_select, allow_entries, base_field, show_on_profile, in_report";

/// The program's custom fields in their order, each with its options.
pub async fn custom_fields(db: &Db, program_id: i64) -> sqlx::Result<Vec<CustomField>> {
    let sql = format!(
        "SELECT {CUSTOM_FIELD_COLUMNS} FROM custom_fields WHERE program_id = $1 ORDER BY position, id"
    );
    let rows: Vec<CustomFieldRow> = with_db!(db, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(program_id)
        .fetch_all(pool)
        .await)?;
    let options: Vec<(i64, i64, String, String)> = with_db!(db, pool => sqlx::query_as(
        "SELECT o.field_id, o.id, o.label_en, o.label_fr FROM custom_field_options o
         JOIN custom_fields f ON f.id = o.field_id
         WHERE f.program_id = $1 ORDER BY o.field_id, o.position, o.id",
    )
    .bind(program_id)
    .fetch_all(pool)
    .await)?;
    let mut by_field: HashMap<i64, Vec<CustomOption>> = HashMap::new();
    for (field_id, id, label_en, label_fr) in options {
        by_field.entry(field_id).or_default().push(CustomOption {
            id,
            label_en,
            label_fr,
        });
    }
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let options = by_field.remove(&r.id).unwrap_or_default();
            custom_field_from(r, options)
        })
        .collect())
}

fn custom_field_from(r: CustomFieldRow, options: Vec<CustomOption>) -> Option<CustomField> {
    Some(CustomField {
        id: r.id,
        name_en: r.name_en,
        name_fr: r.name_fr,
        description_en: r.description_en,
        description_fr: r.description_fr,
        hint_en: r.hint_en,
        hint_fr: r.hint_fr,
        audience: FieldAudience::parse(&r.role)?,
        required: r.required,
        in_search: r.in_search,
        admin_only: r.admin_only,
        position: r.position,
        single_select: r.single_select,
        allow_entries: r.allow_entries,
        base_field: r.base_field,
        show_on_profile: r.show_on_profile,
        in_report: r.in_report,
        options,
    })
}

/// What the admin form sets on a custom field (options apart).
pub struct CustomFieldValues<'a> {
    pub name_en: &'a str,
    pub name_fr: &'a str,
    pub description_en: &'a str,
    pub description_fr: &'a str,
    pub hint_en: &'a str,
    pub hint_fr: &'a str,
    pub audience: FieldAudience,
    pub required: bool,
    pub in_search: bool,
    pub admin_only: bool,
    /// `None`: after the last field.
    pub position: Option<i64>,
    pub single_select: bool,
    pub allow_entries: bool,
    pub base_field: bool,
    pub show_on_profile: bool,
    pub in_report: bool,
}

/// Creates a custom field with its options, in one transaction.
pub async fn insert_custom_field(
    db: &Db,
    program_id: i64,
    v: &CustomFieldValues<'_>,
    options: &[(String, String)],
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    let mut tx = db.begin().await?;
    let id: i64 = crate::with_tx!(&mut tx, conn => sqlx::query_scalar(
        "INSERT INTO custom_fields (program_id, name_en, name_fr, description_en, description_fr,
                hint_en, hint_fr, role, required, in_search, admin_only, position, single_select,
                allow_entries, base_field, show_on_profile, in_report, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,
                 COALESCE($12, (SELECT COALESCE(MAX(position), 0) + 1 FROM custom_fields WHERE program_id = $1)),
                 $13, $14, $15, $16, $17, $18)
         RETURNING id",
    )
    .bind(program_id)
    .bind(v.name_en)
    .bind(v.name_fr)
    .bind(v.description_en)
    .bind(v.description_fr)
    .bind(v.hint_en)
    .bind(v.hint_fr)
    .bind(v.audience.as_str())
    .bind(v.required)
    .bind(v.in_search)
    .bind(v.admin_only)
    .bind(v.position)
    .bind(v.single_select)
    .bind(v.allow_entries)
    .bind(v.base_field)
    .bind(v.show_on_profile)
    .bind(v.in_report)
    .bind(now)
    .fetch_one(&mut *conn)
    .await)?;
    for (position, (en, fr)) in options.iter().enumerate() {
        insert_option(&mut tx, id, en, fr, position as i64, None).await?;
    }
    tx.commit().await?;
    Ok(id)
}

async fn insert_option(
    tx: &mut crate::db::Tx,
    field_id: i64,
    en: &str,
    fr: &str,
    position: i64,
    added_by: Option<i64>,
) -> sqlx::Result<i64> {
    crate::with_tx!(tx, conn => sqlx::query_scalar(
        "INSERT INTO custom_field_options (field_id, label_en, label_fr, position, added_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(field_id)
    .bind(en)
    .bind(fr)
    .bind(position)
    .bind(added_by)
    .fetch_one(&mut *conn)
    .await)
}

/// Saves a custom field and applies the option plan, in one transaction; false when the
/// program has no such field.
pub async fn update_custom_field(
    db: &Db,
    program_id: i64,
    field_id: i64,
    v: &CustomFieldValues<'_>,
    plan: &OptionsPlan,
) -> sqlx::Result<bool> {
    let mut tx = db.begin().await?;
    let done = crate::with_tx!(&mut tx, conn => sqlx::query(
        "UPDATE custom_fields SET name_en = $3, name_fr = $4, description_en = $5,
                description_fr = $6, hint_en = $7, hint_fr = $8, role = $9, required = $10,
                in_search = $11, admin_only = $12, position = COALESCE($13, position),
                single_select = $14, allow_entries = $15, base_field = $16,
                show_on_profile = $17, in_report = $18
         WHERE id = $2 AND program_id = $1",
    )
    .bind(program_id)
    .bind(field_id)
    .bind(v.name_en)
    .bind(v.name_fr)
    .bind(v.description_en)
    .bind(v.description_fr)
    .bind(v.hint_en)
    .bind(v.hint_fr)
    .bind(v.audience.as_str())
    .bind(v.required)
    .bind(v.in_search)
    .bind(v.admin_only)
    .bind(v.position)
    .bind(v.single_select)
    .bind(v.allow_entries)
    .bind(v.base_field)
    .bind(v.show_on_profile)
    .bind(v.in_report)
    .execute(&mut *conn)
    .await
    .map(|r| r.rows_affected()))?;
    if done != 1 {
        return Ok(false);
    }
    for id in &plan.remove {
        crate::with_tx!(&mut tx, conn => sqlx::query(
            "DELETE FROM custom_field_options WHERE id = $1 AND field_id = $2",
        )
        .bind(id)
        .bind(field_id)
        .execute(&mut *conn)
        .await
        .map(|_| ()))?;
    }
    for (id, en, fr, position) in &plan.keep {
        crate::with_tx!(&mut tx, conn => sqlx::query(
            "UPDATE custom_field_options SET label_en = $3, label_fr = $4, position = $5
             WHERE id = $1 AND field_id = $2",
        )
        .bind(id)
        .bind(field_id)
        .bind(en)
        .bind(fr)
        .bind(position)
        .execute(&mut *conn)
        .await
        .map(|_| ()))?;
    }
    for (en, fr, position) in &plan.add {
        insert_option(&mut tx, field_id, en, fr, *position, None).await?;
    }
    // A field that became free text keeps no chosen options; one that got options keeps
    // no free-text answers.
    crate::with_tx!(&mut tx, conn => sqlx::query(
        "DELETE FROM custom_field_values WHERE field_id = $1 AND (
             (option_id IS NULL AND EXISTS (SELECT 1 FROM custom_field_options o WHERE o.field_id = $1))
          OR (option_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM custom_field_options o WHERE o.field_id = $1)))",
    )
    .bind(field_id)
    .execute(&mut *conn)
    .await
    .map(|_| ()))?;
    tx.commit().await?;
    Ok(true)
}

/// Deletes a custom field with its options and answers; false when there is no such field.
pub async fn delete_custom_field(db: &Db, program_id: i64, field_id: i64) -> sqlx::Result<bool> {
    let done = with_db!(db, pool => sqlx::query(
        "DELETE FROM custom_fields WHERE id = $2 AND program_id = $1",
    )
    .bind(program_id)
    .bind(field_id)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// How many members answered each of the program's custom fields.
pub async fn custom_field_answer_counts(
    db: &Db,
    program_id: i64,
) -> sqlx::Result<HashMap<i64, i64>> {
    let rows: Vec<(i64, i64)> = with_db!(db, pool => sqlx::query_as(
        "SELECT field_id, COUNT(DISTINCT user_id) FROM custom_field_values
         WHERE program_id = $1 GROUP BY field_id",
    )
    .bind(program_id)
    .fetch_all(pool)
    .await)?;
    Ok(rows.into_iter().collect())
}

/// Replaces the program's built-in field rules (only those that differ from the default
/// are stored), in one transaction.
pub async fn replace_builtin_rules(
    db: &Db,
    program_id: i64,
    rules: &[FieldRule],
) -> sqlx::Result<()> {
    let mut tx = db.begin().await?;
    crate::with_tx!(&mut tx, conn => sqlx::query("DELETE FROM profile_field_rules WHERE program_id = $1")
        .bind(program_id)
        .execute(&mut *conn)
        .await
        .map(|_| ()))?;
    for rule in rules {
        let FieldRef::Builtin(field) = rule.field else {
            continue;
        };
        if *rule == field.default_rule() {
            continue;
        }
        crate::with_tx!(&mut tx, conn => sqlx::query(
            "INSERT INTO profile_field_rules (program_id, field_key, for_mentors, for_mentees, required, base_field)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(program_id)
        .bind(field.as_str())
        .bind(rule.for_mentors)
        .bind(rule.for_mentees)
        .bind(rule.required)
        .bind(rule.base_field)
        .execute(&mut *conn)
        .await
        .map(|_| ()))?;
    }
    tx.commit().await
}

#[derive(sqlx::FromRow)]
struct ProfileRow {
    photo_key: Option<String>,
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
}

fn split_codes(text: &str) -> Vec<String> {
    text.split(',')
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

/// A member's whole profile in one program (`None`: not a member of it).
pub async fn is_active_member(db: &Db, program_id: i64, user_id: i64) -> sqlx::Result<bool> {
    with_db!(db, pool => sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.program_id = $1 AND m.user_id = $2 AND m.is_active = TRUE AND u.is_active = TRUE",
    )
    .bind(program_id)
    .bind(user_id)
    .fetch_one(pool)
    .await
    .map(|n| n > 0))
}

pub async fn load_profile(
    db: &Db,
    program_id: i64,
    user_id: i64,
) -> sqlx::Result<Option<(Role, Profile, u8)>> {
    let row: Option<(String, i64)> = with_db!(db, pool => sqlx::query_as(
        "SELECT role, completeness FROM memberships WHERE program_id = $1 AND user_id = $2",
    )
    .bind(program_id)
    .bind(user_id)
    .fetch_optional(pool)
    .await)?;
    let Some((role, completeness)) = row else {
        return Ok(None);
    };
    let Some(role) = Role::parse(&role) else {
        return Ok(None);
    };
    let r: ProfileRow = with_db!(db, pool => sqlx::query_as(
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
    .fetch_one(pool)
    .await)?;
    let positions: Vec<Position> = with_db!(db, pool => sqlx::query_as(
        "SELECT job_title, company, industry_id, job_function_id, is_current FROM positions
         WHERE program_id = $1 AND user_id = $2 ORDER BY position, id",
    )
    .bind(program_id)
    .bind(user_id)
    .fetch_all(pool)
    .await)?;
    let choices: Vec<(i64, String)> = with_db!(db, pool => sqlx::query_as(
        "SELECT i.id, i.list FROM profile_list_choices c JOIN program_list_items i ON i.id = c.item_id
         WHERE c.program_id = $1 AND c.user_id = $2 ORDER BY i.position, i.id",
    )
    .bind(program_id)
    .bind(user_id)
    .fetch_all(pool)
    .await)?;
    let answers: Vec<(i64, Option<i64>, String)> = with_db!(db, pool => sqlx::query_as(
        "SELECT v.field_id, v.option_id, v.text_value FROM custom_field_values v
         LEFT JOIN custom_field_options o ON o.id = v.option_id
         WHERE v.program_id = $1 AND v.user_id = $2
         ORDER BY v.field_id, o.position, o.id",
    )
    .bind(program_id)
    .bind(user_id)
    .fetch_all(pool)
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
        match ListKind::parse(&list) {
            Some(ListKind::Skill) => profile.skills.push(id),
            Some(ListKind::DevelopmentArea) => profile.development_areas.push(id),
            Some(ListKind::MeetingCity) => profile.meeting_cities.push(id),
            _ => {}
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
pub struct BasicInfo<'a> {
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub country: &'a str,
    pub province: &'a str,
    pub city: &'a str,
    pub time_zone: &'a str,
    pub languages: &'a [String],
    pub gender: &'a str,
}

pub async fn save_basic(db: &Db, user_id: i64, b: &BasicInfo<'_>) -> sqlx::Result<()> {
    with_db!(db, pool => sqlx::query(
        "UPDATE users SET first_name = $2, last_name = $3, country = $4, province = $5, city = $6,
                time_zone = $7, spoken_languages = $8, gender = $9
         WHERE id = $1",
    )
    .bind(user_id)
    .bind(b.first_name)
    .bind(b.last_name)
    .bind(b.country)
    .bind(b.province)
    .bind(b.city)
    .bind(b.time_zone)
    .bind(b.languages.join(","))
    .bind(b.gender)
    .execute(pool)
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
    db: &Db,
    program_id: i64,
    user_id: i64,
    positions: &[Position],
    years_experience: Option<i64>,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let mut tx = db.begin().await?;
    ensure_profile_row(&mut tx, program_id, user_id, now).await?;
    crate::with_tx!(&mut tx, conn => sqlx::query(
        "UPDATE profiles SET years_experience = $3 WHERE user_id = $1 AND program_id = $2",
    )
    .bind(user_id)
    .bind(program_id)
    .bind(years_experience)
    .execute(&mut *conn)
    .await
    .map(|_| ()))?;
    crate::with_tx!(&mut tx, conn => sqlx::query(
        "DELETE FROM positions WHERE program_id = $1 AND user_id = $2",
    )
    .bind(program_id)
    .bind(user_id)
    .execute(&mut *conn)
    .await
    .map(|_| ()))?;
    for (at, p) in positions.iter().enumerate() {
        crate::with_tx!(&mut tx, conn => sqlx::query(
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
    tx.commit().await
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
    db: &Db,
    program_id: i64,
    user_id: i64,
    s: &SkillsTab<'_>,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let p = s.profile;
    let mut tx = db.begin().await?;
    ensure_profile_row(&mut tx, program_id, user_id, now).await?;
    crate::with_tx!(&mut tx, conn => sqlx::query(
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
    crate::with_tx!(&mut tx, conn => sqlx::query(
        "DELETE FROM profile_list_choices WHERE program_id = $1 AND user_id = $2
           AND item_id IN (SELECT id FROM program_list_items WHERE program_id = $1
                           AND list IN ('skill', 'development_area', 'meeting_city'))",
    )
    .bind(program_id)
    .bind(user_id)
    .execute(&mut *conn)
    .await
    .map(|_| ()))?;
    for item in p
        .skills
        .iter()
        .chain(&p.development_areas)
        .chain(&p.meeting_cities)
    {
        crate::with_tx!(&mut tx, conn => sqlx::query(
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
        crate::with_tx!(&mut tx, conn => sqlx::query(
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
        let existing: Option<i64> = crate::with_tx!(&mut tx, conn => sqlx::query_scalar(
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
                let next: i64 = crate::with_tx!(&mut tx, conn => sqlx::query_scalar(
                    "SELECT COALESCE(MAX(position), 0) + 1 FROM custom_field_options WHERE field_id = $1",
                )
                .bind(field_id)
                .fetch_one(&mut *conn)
                .await)?;
                insert_option(&mut tx, *field_id, label, label, next, Some(user_id)).await?
            }
        };
        if !values.contains(&(*field_id, Some(option), String::new())) {
            values.push((*field_id, Some(option), String::new()));
        }
    }
    for (field_id, option_id, text) in values {
        crate::with_tx!(&mut tx, conn => sqlx::query(
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
    tx.commit().await
}

/// A list's entries in order, for a member to choose from (usage counts not computed).
pub async fn list_entries(db: &Db, program_id: i64, kind: ListKind) -> sqlx::Result<Vec<ListItem>> {
    let rows: Vec<(i64, String, String)> = with_db!(db, pool => sqlx::query_as(
        "SELECT id, label_en, label_fr FROM program_list_items WHERE program_id = $1 AND list = $2
         ORDER BY position, id",
    )
    .bind(program_id)
    .bind(kind.as_str())
    .fetch_all(pool)
    .await)?;
    Ok(rows
        .into_iter()
        .map(|(id, label_en, label_fr)| ListItem {
            id,
            label_en,
            label_fr,
            in_use: 0,
        })
        .collect())
}

/// The programs in which the person has a profile (mentor or mentee).
pub async fn profile_programs(db: &Db, user_id: i64) -> sqlx::Result<Vec<i64>> {
    with_db!(db, pool => sqlx::query_scalar(
        "SELECT program_id FROM memberships WHERE user_id = $1 AND role <> 'admin' ORDER BY program_id",
    )
    .bind(user_id)
    .fetch_all(pool)
    .await)
}
