//! File uploads and sample downloads for member import and bulk deactivation. Plain HTTP
//! routes (multipart forms work the same with and without JavaScript), behind the same
//! authorization layer as the server functions.
use super::import::{self, MAX_FILE_BYTES};
use crate::auth::authz::admin_route_scope;
use crate::auth::session::request_lang;
use crate::i18n::Lang;
use crate::members::model::ImportKind;
use crate::state::AppState;
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};

async fn upload(state: AppState, request: Request, kind: ImportKind) -> Response {
    let scope = match admin_route_scope(request.extensions()) {
        Ok(scope) => scope,
        Err(refused) => return refused.into_response(),
    };
    let page = match kind {
        ImportKind::Members => "/admin/members/import",
        ImportKind::Deactivate => "/admin/members/deactivate",
    };
    let mut multipart = match Multipart::from_request(request, &state).await {
        Ok(m) => m,
        Err(_) => return Redirect::to(&format!("{page}?error=bad-request")).into_response(),
    };
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some("file") {
            let name = field.file_name().unwrap_or("upload.csv").to_string();
            match field.bytes().await {
                Ok(bytes) if bytes.len() <= MAX_FILE_BYTES => file = Some((name, bytes.to_vec())),
                _ => {
                    return Redirect::to(&format!("{page}?error=too-long&field=file"))
                        .into_response()
                }
            }
        }
    }
    let Some((name, bytes)) = file else {
        return Redirect::to(&format!("{page}?error=required&field=file")).into_response();
    };
    match import::start(&state.db, &state.base_url, &scope, kind, &name, &bytes).await {
        Ok(run_id) => Redirect::to(&format!("{page}/{run_id}")).into_response(),
        Err(err) => Redirect::to(&format!("{page}?error={}", err.url_code())).into_response(),
    }
}

/// `POST /admin/members/import/upload`
pub async fn import_upload(State(state): State<AppState>, request: Request) -> Response {
    upload(state, request, ImportKind::Members).await
}

/// `POST /admin/members/deactivate/upload`
pub async fn deactivate_upload(State(state): State<AppState>, request: Request) -> Response {
    upload(state, request, ImportKind::Deactivate).await
}

fn csv_download(name: &str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        // A BOM so that Excel opens accented names correctly.
        format!("\u{feff}{body}"),
    )
        .into_response()
}

/// `GET /admin/members/import/sample.csv`, headers in the admin's language.
pub async fn import_sample(request: Request) -> Response {
    if let Err(refused) = admin_route_scope(request.extensions()) {
        return refused.into_response();
    }
    let (parts, _) = request.into_parts();
    let body = match request_lang(&parts) {
        Lang::En => "first_name,last_name,email,role,language\r\nAnna,Smith,anna@example.org,mentor,en\r\nLuc,Tremblay,luc@example.org,mentee,fr\r\n",
        Lang::Fr => "prénom,nom,courriel,rôle,langue\r\nAnna,Smith,anna@example.org,mentor,en\r\nLuc,Tremblay,luc@example.org,mentoré,fr\r\n",
    };
    csv_download("members-sample.csv", body.to_string())
}

/// `GET /admin/members/deactivate/sample.csv`
pub async fn deactivate_sample(request: Request) -> Response {
    if let Err(refused) = admin_route_scope(request.extensions()) {
        return refused.into_response();
    }
    let (parts, _) = request.into_parts();
    let header = match request_lang(&parts) {
        Lang::En => "email",
        Lang::Fr => "courriel",
    };
    csv_download(
        "deactivate-sample.csv",
        format!("{header}\r\nanna@example.org\r\nluc@example.org\r\n"),
    )
}
