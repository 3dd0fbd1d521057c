//! SQL of the program lists (industries, job functions, skills, development areas,
//! meeting cities).
use crate::db::{Db, Tx};
use crate::profiles::model::{ListItem, ListKind};
use crate::{with_db, with_tx};
use chrono::{DateTime, Utc};

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
    .bind(kind)
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

pub async fn count_items(tx: &mut Tx, program_id: i64, kind: ListKind) -> sqlx::Result<i64> {
    with_tx!(tx, conn => sqlx::query_scalar(
        "SELECT COUNT(*) FROM program_list_items WHERE program_id = $1 AND list = $2",
    )
    .bind(program_id)
    .bind(kind)
    .fetch_one(&mut *conn)
    .await)
}

/// Whether the program's list already has an item with either label (case-insensitive).
pub async fn label_taken(
    tx: &mut Tx,
    program_id: i64,
    kind: ListKind,
    label_en: &str,
    label_fr: &str,
    except_id: Option<i64>,
) -> sqlx::Result<bool> {
    with_tx!(tx, conn => sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM program_list_items
         WHERE program_id = $1 AND list = $2 AND id <> $5
           AND (LOWER(label_en) = LOWER($3) OR LOWER(label_fr) = LOWER($4)))",
    )
    .bind(program_id)
    .bind(kind)
    .bind(label_en)
    .bind(label_fr)
    .bind(except_id.unwrap_or(0))
    .fetch_one(&mut *conn)
    .await)
}

/// Appends an item at the end of its list.
pub async fn insert_item(
    tx: &mut Tx,
    program_id: i64,
    kind: ListKind,
    label_en: &str,
    label_fr: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    with_tx!(tx, conn => sqlx::query_scalar(
        "INSERT INTO program_list_items (program_id, list, label_en, label_fr, position, created_at)
         VALUES ($1, $2, $3, $4,
                 (SELECT COALESCE(MAX(position), 0) + 1 FROM program_list_items WHERE program_id = $1 AND list = $2),
                 $5)
         RETURNING id",
    )
    .bind(program_id)
    .bind(kind)
    .bind(label_en)
    .bind(label_fr)
    .bind(now)
    .fetch_one(&mut *conn)
    .await)
}

/// Renames an item of this program's list; false when there is no such item.
pub async fn update_item(
    tx: &mut Tx,
    program_id: i64,
    kind: ListKind,
    item_id: i64,
    label_en: &str,
    label_fr: &str,
) -> sqlx::Result<bool> {
    let done = with_tx!(tx, conn => sqlx::query(
        "UPDATE program_list_items SET label_en = $4, label_fr = $5
         WHERE id = $3 AND program_id = $1 AND list = $2",
    )
    .bind(program_id)
    .bind(kind)
    .bind(item_id)
    .bind(label_en)
    .bind(label_fr)
    .execute(&mut *conn)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Removes an item (and every member's choice of it); false when there is no such item.
pub async fn delete_item(
    tx: &mut Tx,
    program_id: i64,
    kind: ListKind,
    item_id: i64,
) -> sqlx::Result<bool> {
    let done = with_tx!(tx, conn => sqlx::query(
        "DELETE FROM program_list_items WHERE id = $3 AND program_id = $1 AND list = $2",
    )
    .bind(program_id)
    .bind(kind)
    .bind(item_id)
    .execute(&mut *conn)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Moves an item one place up (`up`) or down by swapping places with its neighbour;
/// false when there is no such item.
pub async fn move_item(
    tx: &mut Tx,
    program_id: i64,
    kind: ListKind,
    item_id: i64,
    up: bool,
) -> sqlx::Result<bool> {
    let mut order: Vec<i64> = with_tx!(tx, conn => sqlx::query_scalar(
        "SELECT id FROM program_list_items WHERE program_id = $1 AND list = $2 ORDER BY position, id",
    )
    .bind(program_id)
    .bind(kind)
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
        with_tx!(tx, conn => sqlx::query(
            "UPDATE program_list_items SET position = $2 WHERE id = $1",
        )
        .bind(id)
        .bind(position as i64)
        .execute(&mut *conn)
        .await
        .map(|_| ()))?;
    }
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
    .bind(kind)
    .fetch_all(pool)
    .await)
}

/// A list's entries in order, for a member to choose from (usage counts not computed).
pub async fn list_entries(
    tx: &mut Tx,
    program_id: i64,
    kind: ListKind,
) -> sqlx::Result<Vec<ListItem>> {
    let rows: Vec<(i64, String, String)> = with_tx!(tx, conn => sqlx::query_as(
        "SELECT id, label_en, label_fr FROM program_list_items WHERE program_id = $1 AND list = $2
         ORDER BY position, id",
    )
    .bind(program_id)
    .bind(kind)
    .fetch_all(&mut *conn)
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

/// Members whose profile uses a list entry (as a choice or in a position).
pub async fn members_using_item(
    tx: &mut Tx,
    program_id: i64,
    item_id: i64,
) -> sqlx::Result<Vec<i64>> {
    with_tx!(tx, conn => sqlx::query_scalar(
        "SELECT user_id FROM profile_list_choices WHERE program_id = $1 AND item_id = $2
         UNION
         SELECT user_id FROM positions WHERE program_id = $1 AND (industry_id = $2 OR job_function_id = $2)",
    )
    .bind(program_id)
    .bind(item_id)
    .fetch_all(&mut *conn)
    .await)
}
