//! Plain routes of the e-mail log: the CSV download (streamed, exactly the filtered rows)
//! and an e-mail's HTML part (sandboxed, for reading it in the admin console).
use super::log::{csv_chunk, csv_header, csv_line, resolve};
use super::log_repo;
use crate::auth::authz::admin_route_scope;
use crate::messaging::model::EmailLogQuery;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// `GET /admin/messages/log.csv?<the page's filters>`
pub async fn log_csv(
    State(state): State<AppState>,
    Query(pairs): Query<Vec<(String, String)>>,
    request: Request,
) -> Response {
    let scope = match admin_route_scope(request.extensions()) {
        Ok(scope) => scope,
        Err(refused) => return refused.into_response(),
    };
    let query = EmailLogQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let zone = scope.session.viewer.time_zone;
    let lang = scope.session.viewer.language;
    let filter = match resolve(&state.db, scope.program_id, &zone, &query).await {
        Ok((filter, _)) => filter,
        Err(err) => return err.http_status().into_response(),
    };
    // Streamed in chunks: a million rows never sit in memory at once.
    let db = state.db.clone();
    let header_line = format!("\u{feff}{}", csv_header(lang));
    let stream = futures::stream::unfold(
        (Some(header_line), None, false),
        move |(pending, cursor, done)| {
            let (db, filter) = (db.clone(), filter.clone());
            async move {
                if let Some(text) = pending {
                    return Some((Ok::<_, std::io::Error>(text), (None, cursor, done)));
                }
                if done {
                    return None;
                }
                match csv_chunk(&db, &filter, cursor).await {
                    Ok(records) if records.is_empty() => None,
                    Ok(records) => {
                        let last = records.last().map(|r| (r.created_at, r.id));
                        let finished = (records.len() as i64) < super::log::CSV_CHUNK;
                        let text: String =
                            records.iter().map(|r| csv_line(r, lang, &zone)).collect();
                        Some((Ok(text), (None, last, finished)))
                    }
                    Err(err) => {
                        tracing::error!(error = %err, "e-mail log export");
                        Some((
                            Err(std::io::Error::other("export failed")),
                            (None, cursor, true),
                        ))
                    }
                }
            }
        },
    );
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"email-log.csv\"",
            ),
        ],
        Body::from_stream(futures::StreamExt::fuse(stream)),
    )
        .into_response()
}

/// `GET /admin/messages/log/{id}/body.html`: shown in a sandboxed frame.
pub async fn email_html(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    request: Request,
) -> Response {
    let scope = match admin_route_scope(request.extensions()) {
        Ok(scope) => scope,
        Err(refused) => return refused.into_response(),
    };
    match log_repo::body_html(&state.db, scope.program_id, id).await {
        Ok(Some(html)) => sandboxed_html(super::log::redact_links(&html)),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// `GET /admin/messages/system/{key}/preview.html?lang=en|fr`: the saved message rendered
/// for the viewing admin as the sample member (shown in a sandboxed frame).
pub async fn template_preview(
    State(state): State<AppState>,
    Path(key): Path<String>,
    Query(pairs): Query<Vec<(String, String)>>,
    request: Request,
) -> Response {
    let scope = match admin_route_scope(request.extensions()) {
        Ok(scope) => scope,
        Err(refused) => return refused.into_response(),
    };
    let lang = pairs
        .iter()
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| crate::i18n::Lang::parse(v))
        .unwrap_or(scope.session.viewer.language);
    match super::templates::preview(&state.db, &state.base_url, &scope, &key, lang).await {
        Ok(rendered) => sandboxed_html(rendered.html),
        Err(err) => err.http_status().into_response(),
    }
}

/// An e-mail's HTML for a sandboxed frame: no scripts, no forms, no same-origin access;
/// it is only to be read.
fn sandboxed_html(html: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (
                header::CONTENT_SECURITY_POLICY,
                "sandbox; default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; \
                 base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
            ),
            // The admin page frames it; the default for every other response is DENY.
            (header::X_FRAME_OPTIONS, "SAMEORIGIN"),
        ],
        html,
    )
        .into_response()
}
