//! Rules of the program's custom profile fields and of its rules for the built-in ones
//! (who sees a field, whether it is required or a base field).
use super::completeness::{builtin_rules_in, refresh_program_completeness};
use crate::db::Db;
use crate::error::{
    breaks_the_line, optional_line, optional_number, optional_text, required_text, AppError,
    AppResult, ValidationCode,
};
use crate::profiles::fields::{BuiltinField, FieldRef, FieldRule};
use crate::profiles::model::{
    split_options, CustomField, FieldAudience, CUSTOM_NAME_MAX, CUSTOM_OPTIONS_MAX,
    CUSTOM_TEXT_MAX, LIST_LABEL_MAX,
};
use crate::profiles::options_plan::plan_options;
use crate::profiles::repo;
use chrono::Utc;

/// The admin form of a custom field, as posted (checkboxes are `true` when ticked).
#[derive(Clone, Default)]
pub struct CustomFieldForm {
    pub name_en: String,
    pub name_fr: String,
    pub description_en: String,
    pub description_fr: String,
    pub options_en: String,
    pub options_fr: String,
    pub hint_en: String,
    pub hint_fr: String,
    pub role: String,
    pub position: String,
    pub required: bool,
    pub in_search: bool,
    pub admin_only: bool,
    pub single_select: bool,
    pub allow_entries: bool,
    pub base_field: bool,
    pub show_on_profile: bool,
    pub in_report: bool,
}

struct CheckedField {
    name_en: String,
    name_fr: String,
    description_en: String,
    description_fr: String,
    hint_en: String,
    hint_fr: String,
    audience: FieldAudience,
    position: Option<i64>,
    options: Vec<(String, String)>,
}

fn check_custom_field(form: &CustomFieldForm) -> AppResult<CheckedField> {
    let name_en = required_text("label_en", &form.name_en, CUSTOM_NAME_MAX)?;
    let name_fr = required_text("label_fr", &form.name_fr, CUSTOM_NAME_MAX)?;
    let description_en = optional_text("description_en", &form.description_en, CUSTOM_TEXT_MAX)?;
    let description_fr = optional_text("description_fr", &form.description_fr, CUSTOM_TEXT_MAX)?;
    let hint_en = optional_line("hint_en", &form.hint_en, CUSTOM_TEXT_MAX)?;
    let hint_fr = optional_line("hint_fr", &form.hint_fr, CUSTOM_TEXT_MAX)?;
    let audience = FieldAudience::parse(&form.role)
        .ok_or(AppError::validation("role", ValidationCode::InvalidChoice))?;
    let position = optional_number("position", &form.position, 0, 9_999)?;
    let en = split_options(&form.options_en);
    let fr = split_options(&form.options_fr);
    if en.len() != fr.len() {
        return Err(AppError::validation(
            "options_fr",
            ValidationCode::OptionsMismatch,
        ));
    }
    if en.len() > CUSTOM_OPTIONS_MAX {
        return Err(AppError::validation("options_en", ValidationCode::TooLong));
    }
    for (field, list) in [("options_en", &en), ("options_fr", &fr)] {
        if list.iter().any(|o| o.chars().count() > LIST_LABEL_MAX) {
            return Err(AppError::validation(field, ValidationCode::TooLong));
        }
        if list.iter().any(|o| breaks_the_line(o)) {
            return Err(AppError::validation(
                field,
                ValidationCode::ControlCharacters,
            ));
        }
        let mut seen = std::collections::HashSet::new();
        if !list.iter().all(|o| seen.insert(o.to_lowercase())) {
            return Err(AppError::validation(field, ValidationCode::Duplicate));
        }
    }
    Ok(CheckedField {
        name_en,
        name_fr,
        description_en,
        description_fr,
        hint_en,
        hint_fr,
        audience,
        position,
        options: en.into_iter().zip(fr).collect(),
    })
}

fn values<'a>(form: &CustomFieldForm, c: &'a CheckedField) -> repo::CustomFieldValues<'a> {
    repo::CustomFieldValues {
        name_en: &c.name_en,
        name_fr: &c.name_fr,
        description_en: &c.description_en,
        description_fr: &c.description_fr,
        hint_en: &c.hint_en,
        hint_fr: &c.hint_fr,
        audience: c.audience,
        required: form.required,
        in_search: form.in_search,
        admin_only: form.admin_only,
        position: c.position,
        single_select: form.single_select,
        allow_entries: form.allow_entries,
        base_field: form.base_field,
        show_on_profile: form.show_on_profile,
        in_report: form.in_report,
    }
}

/// The program's custom fields in their order, each with its options.
pub async fn custom_fields(db: &Db, program_id: i64) -> AppResult<Vec<CustomField>> {
    Ok(repo::custom_fields(&mut db.read().await?, program_id).await?)
}

/// The same, each with how many members answered it ("Manage custom fields").
pub async fn custom_fields_answered(
    db: &Db,
    program_id: i64,
) -> AppResult<Vec<(CustomField, i64)>> {
    let tx = &mut db.read().await?;
    let counts = repo::custom_field_answer_counts(tx, program_id).await?;
    Ok(repo::custom_fields(tx, program_id)
        .await?
        .into_iter()
        .map(|f| {
            let answered = counts.get(&f.id).copied().unwrap_or(0);
            (f, answered)
        })
        .collect())
}

pub async fn custom_field(db: &Db, program_id: i64, field_id: i64) -> AppResult<CustomField> {
    custom_fields(db, program_id)
        .await?
        .into_iter()
        .find(|f| f.id == field_id)
        .ok_or(AppError::NotFound)
}

/// Adds a custom field. Every member's completeness is brought up to date before this
/// returns, so the members table shows the effect at once; that pass runs after the field
/// is committed, without holding the write lock over the whole program.
pub async fn create_custom_field(
    db: &Db,
    program_id: i64,
    form: &CustomFieldForm,
) -> AppResult<i64> {
    let checked = check_custom_field(form)?;
    let mut tx = db.begin().await?;
    let id = repo::insert_custom_field(
        &mut tx,
        program_id,
        &values(form, &checked),
        &checked.options,
        Utc::now(),
    )
    .await?;
    tx.commit().await?;
    refresh_program_completeness(db, program_id).await?;
    Ok(id)
}

/// Saves a custom field. Options keep their answers when renamed or moved (see
/// `options_plan`); removed options lose theirs. Completeness follows at once.
pub async fn update_custom_field(
    db: &Db,
    program_id: i64,
    field_id: i64,
    form: &CustomFieldForm,
) -> AppResult<()> {
    let checked = check_custom_field(form)?;
    let mut tx = db.begin().await?;
    let existing = repo::custom_fields(&mut tx, program_id)
        .await?
        .into_iter()
        .find(|f| f.id == field_id)
        .ok_or(AppError::NotFound)?;
    let plan = plan_options(&existing.options, &checked.options);
    if !repo::update_custom_field(
        &mut tx,
        program_id,
        field_id,
        &values(form, &checked),
        &plan,
    )
    .await?
    {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    refresh_program_completeness(db, program_id).await?;
    Ok(())
}

/// Deletes a custom field with every answer to it; completeness follows at once.
pub async fn delete_custom_field(db: &Db, program_id: i64, field_id: i64) -> AppResult<()> {
    let mut tx = db.begin().await?;
    if !repo::delete_custom_field(&mut tx, program_id, field_id).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    refresh_program_completeness(db, program_id).await?;
    Ok(())
}

/// The built-in fields' rules in force in the program, in form order.
pub async fn builtin_field_rules(db: &Db, program_id: i64) -> AppResult<Vec<FieldRule>> {
    builtin_rules_in(&mut db.read().await?, program_id).await
}

/// Saves "Manage profile fields": for each built-in field, which roles see it and whether
/// it is required or a base field. Names and time zone stay required for everyone (the
/// product needs them). Completeness follows at once.
pub async fn save_builtin_field_rules(
    db: &Db,
    program_id: i64,
    wanted: &[FieldRule],
) -> AppResult<()> {
    let rules: Vec<FieldRule> = BuiltinField::ALL
        .into_iter()
        .map(|field| {
            let default = field.default_rule();
            if default.required {
                return default;
            }
            wanted
                .iter()
                .find(|r| r.field == FieldRef::Builtin(field))
                .copied()
                .unwrap_or(FieldRule {
                    field: FieldRef::Builtin(field),
                    for_mentors: false,
                    for_mentees: false,
                    required: false,
                    base_field: false,
                })
        })
        .collect();
    let mut tx = db.begin().await?;
    repo::replace_builtin_rules(&mut tx, program_id, &rules).await?;
    tx.commit().await?;
    refresh_program_completeness(db, program_id).await?;
    Ok(())
}
