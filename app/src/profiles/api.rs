//! Server functions of profiles and program lists. List editing is for program admins,
//! always on the admin's current program.
use crate::error::AppError;
use crate::profiles::model::ListItem;
use leptos::prelude::*;

/// The caller must administer the current program: (its id, the list asked for, the db).
#[cfg(feature = "ssr")]
fn admin_list(
    list: &str,
) -> Result<(i64, crate::profiles::model::ListKind, crate::db::Db), AppError> {
    let scope = crate::auth::server::authz::require_admin()?;
    let kind = crate::profiles::model::ListKind::parse(list).ok_or(AppError::NotFound)?;
    Ok((scope.program_id, kind, crate::state::app_state()?.db))
}

#[cfg(feature = "ssr")]
fn item_id(id: &str) -> Result<i64, AppError> {
    id.trim().parse().map_err(|_| AppError::NotFound)
}

/// Back to the list, with the notice to show (`added`, `renamed`, `deleted`, or none).
#[cfg(feature = "ssr")]
fn back_to(kind: crate::profiles::model::ListKind, notice: Option<&str>) {
    let query = notice.map(|n| format!("?{n}=1")).unwrap_or_default();
    leptos_axum::redirect(&format!("/admin/lists/{}{query}", kind.code()));
}

/// One of the program's lists, with how many profiles use each entry.
#[server(endpoint = "admin_program_list")]
pub async fn get_program_list(list: String) -> Result<Vec<ListItem>, AppError> {
    use crate::state::respond;
    respond(
        async {
            let (program, kind, db) = admin_list(&list)?;
            Ok(super::server::repo::list_items(&db, program, kind).await?)
        }
        .await,
    )
}

#[server(endpoint = "admin_program_list_add")]
pub async fn add_list_item(
    list: String,
    label_en: String,
    label_fr: String,
) -> Result<(), AppError> {
    use crate::state::respond;
    respond(
        async {
            let (program, kind, db) = admin_list(&list)?;
            super::server::service::add_item(&db, program, kind, &label_en, &label_fr).await?;
            back_to(kind, Some("added"));
            Ok(())
        }
        .await,
    )
}

#[server(endpoint = "admin_program_list_rename")]
pub async fn rename_list_item(
    list: String,
    id: String,
    label_en: String,
    label_fr: String,
) -> Result<(), AppError> {
    use crate::state::respond;
    respond(
        async {
            let (program, kind, db) = admin_list(&list)?;
            let id = item_id(&id)?;
            super::server::service::rename_item(&db, program, kind, id, &label_en, &label_fr)
                .await?;
            back_to(kind, Some("renamed"));
            Ok(())
        }
        .await,
    )
}

/// `direction` is "up" or "down".
#[server(endpoint = "admin_program_list_move")]
pub async fn move_list_item(list: String, id: String, direction: String) -> Result<(), AppError> {
    use crate::state::respond;
    respond(
        async {
            let (program, kind, db) = admin_list(&list)?;
            let id = item_id(&id)?;
            let up = match direction.as_str() {
                "up" => true,
                "down" => false,
                // Only the page's own buttons send this.
                _ => return Err(AppError::BadRequest),
            };
            super::server::service::move_item(&db, program, kind, id, up).await?;
            back_to(kind, None);
            Ok(())
        }
        .await,
    )
}

/// Removes an entry; members who had chosen it lose that choice (the page says how many).
#[server(endpoint = "admin_program_list_delete")]
pub async fn delete_list_item(list: String, id: String) -> Result<(), AppError> {
    use crate::state::respond;
    respond(
        async {
            let (program, kind, db) = admin_list(&list)?;
            let id = item_id(&id)?;
            super::server::service::remove_item(&db, program, kind, id).await?;
            back_to(kind, Some("deleted"));
            Ok(())
        }
        .await,
    )
}
