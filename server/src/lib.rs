//! The Mentora server: HTTP routes, the Leptos renderer, background workers.
pub mod csrf;
pub mod email_hooks;
pub mod locales;
pub mod mailer;
pub mod workers;

use app::{shell, App};
use axum::extract::{FromRef, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use backend::auth::session::resolve_session;
use backend::form_post;
use backend::state::AppState;
use leptos::prelude::*;
use leptos::server_fn::error::SERVER_FN_ERROR_HEADER;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::path::PathBuf;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

/// The router's state: the application state plus Leptos's rendering options.
#[derive(Clone)]
pub struct ServerState {
    pub app: AppState,
    pub leptos: LeptosOptions,
}

impl FromRef<ServerState> for LeptosOptions {
    fn from_ref(state: &ServerState) -> Self {
        state.leptos.clone()
    }
}

impl FromRef<ServerState> for AppState {
    fn from_ref(state: &ServerState) -> Self {
        state.app.clone()
    }
}

/// Leptos options for a site whose assets live in `site_root` (`pkg/` inside it).
pub fn leptos_options(site_root: &str) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name(app::OUTPUT_NAME)
        .site_root(site_root)
        .site_pkg_dir("pkg")
        .build()
}

/// The whole HTTP application.
pub fn router(app_state: AppState, leptos: LeptosOptions) -> Router {
    let routes = generate_route_list(App);
    let pkg_dir = PathBuf::from(leptos.site_root.as_ref()).join(leptos.site_pkg_dir.as_ref());
    let state = ServerState {
        app: app_state.clone(),
        leptos: leptos.clone(),
    };
    let context = {
        let app_state = app_state.clone();
        move || provide_context(app_state.clone())
    };
    let router = Router::new()
        .route("/healthz", get(healthz))
        .route("/e/o/{file}", get(email_hooks::open_pixel))
        .route("/locales/{file}", get(locales::locale_file))
        .route("/webhooks/email", post(email_hooks::provider_webhook))
        .route(
            &format!("{}/{{file}}", shared::scheduling::feed::FEED_ROUTE),
            get(backend::scheduling::feed_http::calendar_feed),
        )
        .merge(upload_routes())
        .merge(photo_routes())
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let leptos = leptos.clone();
            move || shell(leptos.clone())
        })
        // Built assets: served pre-compressed (.gz files made at build time). The main module
        // and its route chunks must come from the same build, so browsers revalidate them
        // (a 304 when unchanged) rather than mixing a cached chunk with a new main module.
        .nest_service(
            "/pkg",
            tower::ServiceBuilder::new()
                .layer(SetResponseHeaderLayer::overriding(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("no-cache"),
                ))
                .service(ServeDir::new(pkg_dir).precompressed_gzip()),
        )
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            ServerState,
            _,
        >(context, shell))
        .layer(axum::middleware::from_fn_with_state(
            app_state.clone(),
            server_fn_errors,
        ))
        .layer(axum::middleware::from_fn_with_state(
            app_state.clone(),
            resolve_session,
        ))
        .with_state(state);
    harden(router, app_state)
}

/// How a failed server function answers, in one place, so each function just returns its
/// error: with the error's HTTP status, or — for a plain form post (JavaScript off) — a
/// redirect back to the form carrying the error and the values typed
/// (`backend::form_post`). It also covers failures before a function's body runs
/// (arguments it could not read), which Leptos answers 500 whatever the error.
async fn server_fn_errors(
    State(state): State<AppState>,
    request: axum::extract::Request,
    next: Next,
) -> Response {
    if !request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    // A plain post's way back, worked out only if it fails.
    let plain_form = form_post::is_plain_form_post(request.method(), request.headers())
        .then(|| [header::REFERER, header::HOST].map(|h| request.headers().get(h).cloned()));
    let (mut parts, body) = next.run(request).await.into_parts();
    let draft = parts.headers.remove(form_post::DRAFT_HEADER);
    if !parts.headers.contains_key(SERVER_FN_ERROR_HEADER) {
        return Response::from_parts(parts, body);
    }
    // An encoded AppError is a few dozen bytes.
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return plain_response(StatusCode::INTERNAL_SERVER_ERROR, "error-internal");
    };
    let Ok(error) = serde_json::from_slice::<shared::error::AppError>(&bytes) else {
        return Response::from_parts(parts, axum::body::Body::from(bytes));
    };
    if let Some([referer, host]) = plain_form {
        fn text(value: &Option<HeaderValue>) -> Option<&str> {
            value.as_ref().and_then(|v| v.to_str().ok())
        }
        let form_path = text(&referer)
            .and_then(|referer| {
                backend::local_url::same_origin_referer_path(referer, text(&host), &state.base_url)
            })
            .unwrap_or_else(|| "/".to_string());
        let draft = text(&draft).unwrap_or("");
        let target = form_post::error_target(&form_path, &error, draft);
        let Ok(location) = HeaderValue::from_str(&target) else {
            return plain_response(StatusCode::INTERNAL_SERVER_ERROR, "error-internal");
        };
        parts.status = StatusCode::FOUND;
        parts.headers.remove(header::CONTENT_LENGTH);
        parts.headers.remove(header::CONTENT_TYPE);
        parts.headers.insert(header::LOCATION, location);
        return Response::from_parts(parts, axum::body::Body::empty());
    }
    parts.status = error.http_status();
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

/// The layers every response passes through (the last one added is the outermost).
pub fn harden(router: Router, app_state: AppState) -> Router {
    let header = |name, value: &str| {
        SetResponseHeaderLayer::if_not_present(
            name,
            HeaderValue::from_str(value).expect("a valid header value"),
        )
    };
    router
        .layer(axum::middleware::from_fn_with_state(
            app_state,
            csrf::refuse_cross_site,
        ))
        // A bug in a handler still gets an answer, without the panic's text.
        .layer(CatchPanicLayer::custom(panic_response))
        // Pages set their own policy with their scripts' nonce, e-mail previews theirs.
        .layer(header(
            header::CONTENT_SECURITY_POLICY,
            &app::csp::policy(None),
        ))
        .layer(header(header::X_FRAME_OPTIONS, "DENY"))
        .layer(header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(header(header::REFERRER_POLICY, "same-origin"))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
}

fn panic_response(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let message = workers::panic_message(panic.as_ref());
    tracing::error!(panic = %message, "request handler panicked");
    plain_response(StatusCode::INTERNAL_SERVER_ERROR, "error-internal")
}

/// A short plain-text answer in both languages: refusals and crashes are answered before
/// the request's language is known.
pub(crate) fn plain_response(status: StatusCode, key: &str) -> Response {
    use shared::i18n::{translate, Lang};
    let body = format!(
        "{}\n{}\n",
        translate(Lang::En, key, None),
        translate(Lang::Fr, key, None)
    );
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        body,
    )
        .into_response()
}

/// Plain admin routes: member import and bulk deactivation (uploads up to 10 MB, sample
/// files), the e-mail log's CSV download and an e-mail's HTML part.
fn upload_routes() -> Router<ServerState> {
    use backend::members::upload;
    Router::new()
        .route("/admin/members/import/upload", post(upload::import_upload))
        .route(
            "/admin/members/deactivate/upload",
            post(upload::deactivate_upload),
        )
        .layer(axum::extract::DefaultBodyLimit::max(
            backend::members::import::MAX_FILE_BYTES + 64 * 1024,
        ))
        .route(
            "/admin/members/import/sample.csv",
            get(upload::import_sample),
        )
        .route(
            "/admin/members/deactivate/sample.csv",
            get(upload::deactivate_sample),
        )
        .route(
            shared::scheduling::admin::ADMIN_MEETINGS_CSV_PATH,
            get(backend::scheduling::admin_http::meetings_csv),
        )
        .route(
            "/admin/messages/log.csv",
            get(backend::messaging::http::log_csv),
        )
        .route(
            "/admin/messages/log/{id}/body.html",
            get(backend::messaging::http::email_html),
        )
        .route(
            "/admin/messages/system/{key}/preview.html",
            get(backend::messaging::http::template_preview),
        )
}

/// Profile photos: upload (its own body limit: a 5 MiB file plus multipart overhead),
/// removal, and the stored pictures, for signed-in people; and "Save and search".
fn photo_routes() -> Router<ServerState> {
    use backend::profiles::photos;
    Router::new()
        .route("/profile/photo", post(photos::upload_photo))
        .layer(axum::extract::DefaultBodyLimit::max(
            photos::MAX_UPLOAD_BODY_BYTES,
        ))
        .route("/profile/photo/delete", post(photos::delete_photo))
        .route("/photos/{user_id}/{file}", get(photos::serve_photo))
        .route(
            "/search/save",
            post(backend::matching::http::save_partner_search),
        )
}

/// Liveness and readiness: 200 only when the database answers and every background
/// worker runs. The body says how each worker is doing; why one stopped goes to the log
/// only (a panic's text is not for the public).
async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    let database = state.db.ping().await;
    if let Err(err) = &database {
        tracing::error!(error = %err, "health check: database unreachable");
    }
    let workers = state.workers.reports();
    let healthy = database.is_ok() && workers.iter().all(|w| w.running);
    let mut body = String::from(match (&database, healthy) {
        (Err(_), _) => "database unavailable",
        (Ok(()), true) => "ok",
        (Ok(()), false) => "worker down",
    });
    for worker in &workers {
        body.push_str(&format!(
            "\n{} worker: {}, restarts: {}",
            worker.name,
            if worker.running {
                "running"
            } else {
                "restarting"
            },
            worker.restarts
        ));
    }
    let status = if healthy {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, body)
}
