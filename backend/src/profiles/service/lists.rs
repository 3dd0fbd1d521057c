//! Rules of the program lists: labels in both languages, no duplicates, a size limit.
use super::completeness::refresh_members;
use crate::db::Db;
use crate::error::{required_text, AppError, AppResult, ValidationCode};
use crate::profiles::model::{ListKind, LIST_ITEMS_MAX, LIST_LABEL_MAX};
use crate::profiles::repo;
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
    let mut tx = db.begin().await?;
    if repo::count_items(&mut tx, program_id, kind).await? >= LIST_ITEMS_MAX {
        return Err(AppError::validation("label_en", ValidationCode::ListFull));
    }
    if repo::label_taken(&mut tx, program_id, kind, &en, &fr, None).await? {
        return Err(AppError::validation("label_en", ValidationCode::Duplicate));
    }
    let id = repo::insert_item(&mut tx, program_id, kind, &en, &fr, Utc::now()).await?;
    tx.commit().await?;
    Ok(id)
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
    let mut tx = db.begin().await?;
    if repo::label_taken(&mut tx, program_id, kind, &en, &fr, Some(item_id)).await? {
        return Err(AppError::validation("label_en", ValidationCode::Duplicate));
    }
    if !repo::update_item(&mut tx, program_id, kind, item_id, &en, &fr).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

/// Deletes an entry; members who had chosen it lose that choice, and their completeness
/// is recomputed in the same transaction.
pub async fn remove_item(db: &Db, program_id: i64, kind: ListKind, item_id: i64) -> AppResult<()> {
    let mut tx = db.begin().await?;
    let affected = repo::members_using_item(&mut tx, program_id, item_id).await?;
    if !repo::delete_item(&mut tx, program_id, kind, item_id).await? {
        return Err(AppError::NotFound);
    }
    refresh_members(&mut tx, program_id, &affected).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn move_item(
    db: &Db,
    program_id: i64,
    kind: ListKind,
    item_id: i64,
    up: bool,
) -> AppResult<()> {
    let mut tx = db.begin().await?;
    if !repo::move_item(&mut tx, program_id, kind, item_id, up).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}
