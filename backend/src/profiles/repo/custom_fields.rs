//! SQL of the program's custom profile fields, their options, and its rules for the
//! built-in fields.
use crate::db::Tx;
use crate::profiles::fields::{FieldRef, FieldRule};
use crate::profiles::model::{CustomField, CustomOption, FieldAudience};
use crate::profiles::options_plan::OptionsPlan;
use crate::with_tx;
use chrono::{DateTime, Utc};
use std::collections::HashMap;

#[derive(sqlx::FromRow)]
struct CustomFieldRow {
    id: i64,
    name_en: String,
    name_fr: String,
    description_en: String,
    description_fr: String,
    hint_en: String,
    hint_fr: String,
    #[sqlx(rename = "role")]
    audience: FieldAudience,
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

/// The program's custom fields in their order, each with its options.
pub async fn custom_fields(tx: &mut Tx, program_id: i64) -> sqlx::Result<Vec<CustomField>> {
    let rows: Vec<CustomFieldRow> = with_tx!(tx, conn => sqlx::query_as(
        "SELECT id, name_en, name_fr, description_en, description_fr, hint_en, hint_fr, role,
                required, in_search, admin_only, position, single_select, allow_entries,
                base_field, show_on_profile, in_report
         FROM custom_fields WHERE program_id = $1 ORDER BY position, id",
    )
        .bind(program_id)
        .fetch_all(&mut *conn)
        .await)?;
    let options: Vec<(i64, i64, String, String)> = with_tx!(tx, conn => sqlx::query_as(
        "SELECT o.field_id, o.id, o.label_en, o.label_fr FROM custom_field_options o
         JOIN custom_fields f ON f.id = o.field_id
         WHERE f.program_id = $1 ORDER BY o.field_id, o.position, o.id",
    )
    .bind(program_id)
    .fetch_all(&mut *conn)
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
        .map(|r| {
            let options = by_field.remove(&r.id).unwrap_or_default();
            custom_field_from(r, options)
        })
        .collect())
}

fn custom_field_from(r: CustomFieldRow, options: Vec<CustomOption>) -> CustomField {
    CustomField {
        id: r.id,
        name_en: r.name_en,
        name_fr: r.name_fr,
        description_en: r.description_en,
        description_fr: r.description_fr,
        hint_en: r.hint_en,
        hint_fr: r.hint_fr,
        audience: r.audience,
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
    }
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
    tx: &mut Tx,
    program_id: i64,
    v: &CustomFieldValues<'_>,
    options: &[(String, String)],
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    let id: i64 = with_tx!(tx, conn => sqlx::query_scalar(
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
    .bind(v.audience)
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
        insert_option(tx, id, en, fr, position as i64, None).await?;
    }
    Ok(id)
}

pub(super) async fn insert_option(
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
    tx: &mut Tx,
    program_id: i64,
    field_id: i64,
    v: &CustomFieldValues<'_>,
    plan: &OptionsPlan,
) -> sqlx::Result<bool> {
    let done = with_tx!(tx, conn => sqlx::query(
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
    .bind(v.audience)
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
        with_tx!(tx, conn => sqlx::query(
            "DELETE FROM custom_field_options WHERE id = $1 AND field_id = $2",
        )
        .bind(id)
        .bind(field_id)
        .execute(&mut *conn)
        .await
        .map(|_| ()))?;
    }
    for (id, en, fr, position) in &plan.keep {
        with_tx!(tx, conn => sqlx::query(
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
        insert_option(tx, field_id, en, fr, *position, None).await?;
    }
    // A field that became free text keeps no chosen options; one that got options keeps
    // no free-text answers.
    with_tx!(tx, conn => sqlx::query(
        "DELETE FROM custom_field_values WHERE field_id = $1 AND (
             (option_id IS NULL AND EXISTS (SELECT 1 FROM custom_field_options o WHERE o.field_id = $1))
          OR (option_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM custom_field_options o WHERE o.field_id = $1)))",
    )
    .bind(field_id)
    .execute(&mut *conn)
    .await
    .map(|_| ()))?;
    Ok(true)
}

/// Deletes a custom field with its options and answers; false when there is no such field.
pub async fn delete_custom_field(
    tx: &mut Tx,
    program_id: i64,
    field_id: i64,
) -> sqlx::Result<bool> {
    let done = with_tx!(tx, conn => sqlx::query(
        "DELETE FROM custom_fields WHERE id = $2 AND program_id = $1",
    )
    .bind(program_id)
    .bind(field_id)
    .execute(&mut *conn)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// How many members answered each of the program's custom fields.
pub async fn custom_field_answer_counts(
    tx: &mut Tx,
    program_id: i64,
) -> sqlx::Result<HashMap<i64, i64>> {
    let rows: Vec<(i64, i64)> = with_tx!(tx, conn => sqlx::query_as(
        "SELECT field_id, COUNT(DISTINCT user_id) FROM custom_field_values
         WHERE program_id = $1 GROUP BY field_id",
    )
    .bind(program_id)
    .fetch_all(&mut *conn)
    .await)?;
    Ok(rows.into_iter().collect())
}

/// Replaces the program's built-in field rules (only those that differ from the default
/// are stored), in one transaction.
pub async fn replace_builtin_rules(
    tx: &mut Tx,
    program_id: i64,
    rules: &[FieldRule],
) -> sqlx::Result<()> {
    with_tx!(tx, conn => sqlx::query("DELETE FROM profile_field_rules WHERE program_id = $1")
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
        with_tx!(tx, conn => sqlx::query(
            "INSERT INTO profile_field_rules (program_id, field_key, for_mentors, for_mentees, required, base_field)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(program_id)
        .bind(field)
        .bind(rule.for_mentors)
        .bind(rule.for_mentees)
        .bind(rule.required)
        .bind(rule.base_field)
        .execute(&mut *conn)
        .await
        .map(|_| ()))?;
    }
    Ok(())
}
