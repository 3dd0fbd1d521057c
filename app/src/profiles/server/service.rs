//! Rules of the program lists (labels in both languages, no duplicates, a size limit) and
//! of profile completeness (stored, and recomputed whenever its inputs change).
use super::repo;
use crate::db::Db;
use crate::error::{required_text, AppError, AppResult, ValidationCode};
use crate::profiles::fields::{builtin_rules, completeness, FieldRule};
use crate::profiles::model::{ListKind, LIST_ITEMS_MAX, LIST_LABEL_MAX};
use chrono::Utc;

/// Both labels trimmed and checked; the French one is required too, so French members
/// never see an English word in a French page.
fn labels(label_en: &str, label_fr: &str) -> AppResult<(String, String)> {
    Ok((
        required_text("label_en", label_en, LIST_LABEL_MAX)?,
        required_text("label_fr", label_fr, LIST_LABEL_MAX)?,
    ))
}

pub async fn add_item(
    db: &Db,
    program_id: i64,
    kind: ListKind,
    label_en: &str,
    label_fr: &str,
) -> AppResult<i64> {
    let (en, fr) = labels(label_en, label_fr)?;
    if repo::count_items(db, program_id, kind).await? >= LIST_ITEMS_MAX {
        return Err(AppError::validation("label_en", ValidationCode::ListFull));
    }
    if repo::label_taken(db, program_id, kind, &en, &fr, None).await? {
        return Err(AppError::validation("label_en", ValidationCode::Duplicate));
    }
    Ok(repo::insert_item(db, program_id, kind, &en, &fr, Utc::now()).await?)
}

pub async fn rename_item(
    db: &Db,
    program_id: i64,
    kind: ListKind,
    item_id: i64,
    label_en: &str,
    label_fr: &str,
) -> AppResult<()> {
    let (en, fr) = labels(label_en, label_fr)?;
    if repo::label_taken(db, program_id, kind, &en, &fr, Some(item_id)).await? {
        return Err(AppError::validation("label_en", ValidationCode::Duplicate));
    }
    if !repo::update_item(db, program_id, kind, item_id, &en, &fr).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Deletes an entry; members who had chosen it lose that choice, and their completeness
/// is recomputed at once.
pub async fn remove_item(db: &Db, program_id: i64, kind: ListKind, item_id: i64) -> AppResult<()> {
    let affected = repo::members_using_item(db, program_id, item_id).await?;
    if !repo::delete_item(db, program_id, kind, item_id).await? {
        return Err(AppError::NotFound);
    }
    refresh_members(db, program_id, &affected).await
}

pub async fn move_item(
    db: &Db,
    program_id: i64,
    kind: ListKind,
    item_id: i64,
    up: bool,
) -> AppResult<()> {
    if !repo::move_item(db, program_id, kind, item_id, up).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Every rule that decides completeness in the program: built-in fields (the program's
/// own rule or the default) and its custom fields.
pub async fn completeness_rules(db: &Db, program_id: i64) -> AppResult<Vec<FieldRule>> {
    let mut rules = builtin_rules(&repo::builtin_rule_overrides(db, program_id).await?);
    rules.extend(repo::custom_field_rules(db, program_id).await?);
    Ok(rules)
}

/// Recomputes one member's completeness from what they have filled and stores it, so the
/// members table is right the moment a profile is saved.
pub async fn refresh_completeness(db: &Db, program_id: i64, user_id: i64) -> AppResult<u8> {
    let rules = completeness_rules(db, program_id).await?;
    refresh_with(db, program_id, user_id, &rules).await
}

/// The same for several members of one program: the rules are read once.
async fn refresh_members(db: &Db, program_id: i64, members: &[i64]) -> AppResult<()> {
    if members.is_empty() {
        return Ok(());
    }
    let rules = completeness_rules(db, program_id).await?;
    for &user_id in members {
        refresh_with(db, program_id, user_id, &rules).await?;
    }
    Ok(())
}

async fn refresh_with(
    db: &Db,
    program_id: i64,
    user_id: i64,
    rules: &[FieldRule],
) -> AppResult<u8> {
    let (role, filled) = repo::member_facts(db, program_id, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let percent = completeness(role, rules, &filled);
    repo::set_completeness(db, program_id, user_id, percent).await?;
    Ok(percent)
}

/// Recomputes every member of the program (after seeding, or the admin's "Recalculate").
pub async fn refresh_program_completeness(db: &Db, program_id: i64) -> AppResult<usize> {
    let members = repo::profile_members(db, program_id).await?;
    refresh_members(db, program_id, &members).await?;
    Ok(members.len())
}
