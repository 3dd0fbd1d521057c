//! Rules of the program lists: labels in both languages, no duplicates, a size limit.
use super::repo;
use crate::db::Db;
use crate::error::{required_text, AppError, AppResult};
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
        return Err(AppError::validation(
            "label_en",
            crate::error::ValidationCode::ListFull,
        ));
    }
    if repo::label_taken(db, program_id, kind, &en, &fr, None).await? {
        return Err(AppError::validation(
            "label_en",
            crate::error::ValidationCode::Duplicate,
        ));
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
        return Err(AppError::validation(
            "label_en",
            crate::error::ValidationCode::Duplicate,
        ));
    }
    if !repo::update_item(db, program_id, kind, item_id, &en, &fr).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}

pub async fn remove_item(db: &Db, program_id: i64, kind: ListKind, item_id: i64) -> AppResult<()> {
    if !repo::delete_item(db, program_id, kind, item_id).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
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
