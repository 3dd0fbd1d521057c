//! What the HTTP-level test files share: the demo router, sending a request and reading
//! the reply, signing in.
#![allow(dead_code)]
use super::support;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use backend::state::AppState;
use http_body_util::BodyExt;
use tower::ServiceExt;

pub const WEBHOOK_SECRET: &str = "test-webhook-secret";
pub const FORM: &str = "application/x-www-form-urlencoded";

/// The state of a test server on `db` (base URL http://mentora.test).
pub fn app_state(db: backend::db::Db) -> AppState {
    AppState {
        db,
        member_index: Default::default(),
        secure_cookies: false,
        base_url: "http://mentora.test".into(),
        trust_proxy: false,
        email_webhook_secret: Some(WEBHOOK_SECRET.into()),
        workers: Default::default(),
        // The tests serve members' calendars from their own loopback servers.
        calendar_fetch: backend::remote_fetch::RemoteFetch::new(
            backend::remote_fetch::FetchPolicy {
                allow_private: true,
                ..Default::default()
            },
        ),
        calendar_read_every: chrono::Duration::minutes(15),
    }
}

pub fn router_on(db: backend::db::Db) -> Router {
    server::router(app_state(db), server::leptos_options("target/site"))
}

/// The whole application on a fresh SQLite database with the demo program.
pub async fn demo_router() -> Router {
    router_on(support::demo(support::sqlite().await).await)
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Reply {
    /// A header's value; the test fails when the reply has none.
    pub fn header(&self, name: header::HeaderName) -> &str {
        self.headers
            .get(&name)
            .map(|v| v.to_str().unwrap())
            .unwrap_or_else(|| panic!("no {name} header"))
    }

    /// The new session cookie (`mentora_session=…`) the reply sets, if any.
    pub fn session_cookie(&self) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap())
            .find(|c| c.starts_with("mentora_session="))
            .and_then(|c| c.split(';').next())
            .map(str::to_string)
    }
}

pub async fn send(router: &Router, request: Request<Body>) -> Reply {
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

/// A page request, as a browser asks for it.
pub fn get(path: &str) -> axum::http::request::Builder {
    Request::get(path).header(header::ACCEPT, "text/html")
}

/// A server-function call with a form body, as the hydrated client sends it.
pub fn post_form(path: &str, body: &str) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, FORM)
        .header(header::ACCEPT, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

/// Signs in through the server function, as the hydrated client does; returns the cookie.
pub async fn sign_in(router: &Router, email: &str) -> String {
    let reply = send(
        router,
        post_form(
            "/api/sign_in",
            &format!("email={email}&password=demo-password"),
        ),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.session_cookie().expect("session cookie")
}
