//! HTTP-level tests of the whole router: language negotiation, sign-in, and access control.
#[path = "../../app/tests/support/mod.rs"]
mod support;

use app::state::AppState;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use tower::ServiceExt;

const WEBHOOK_SECRET: &str = "test-webhook-secret";

async fn demo_router() -> Router {
    let db = support::demo(support::sqlite().await).await;
    server::router(
        AppState {
            db,
            secure_cookies: false,
            base_url: "http://mentora.test".into(),
            trust_proxy: false,
            email_webhook_secret: Some(WEBHOOK_SECRET.into()),
        },
        server::leptos_options("target/site"),
    )
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

async fn send(router: &Router, request: Request<Body>) -> Reply {
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

fn get(path: &str) -> axum::http::request::Builder {
    Request::get(path).header(header::ACCEPT, "text/html")
}

/// Signs in through the server function, as the hydrated client does; returns the cookie.
async fn sign_in(router: &Router, email: &str) -> String {
    let reply = send(
        router,
        Request::post("/api/sign_in")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .body(Body::from(format!("email={email}&password=demo-password")))
            .unwrap(),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|c| c.starts_with("mentora_session="))
        .and_then(|c| c.split(';').next())
        .expect("session cookie")
        .to_string()
}

#[tokio::test]
async fn language_follows_cookie_then_accept_language() {
    let router = demo_router().await;
    let fr = send(
        &router,
        get("/")
            .header(header::ACCEPT_LANGUAGE, "fr-CA")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(fr.status, StatusCode::OK);
    assert!(
        fr.body.contains(r#"<html lang="fr""#),
        "{}",
        &fr.body[..200.min(fr.body.len())]
    );
    assert!(fr.body.contains("Ouvrir une session"));
    assert!(fr.body.contains("Adresse courriel"));

    let en = send(
        &router,
        get("/")
            .header(header::ACCEPT_LANGUAGE, "fr-CA")
            .header(header::COOKIE, "lang=en")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(en.body.contains(r#"<html lang="en""#));
    assert!(en.body.contains("Sign in") && !en.body.contains("Ouvrir une session"));
}

#[tokio::test]
async fn wrong_password_is_401_or_a_redirect_with_the_error_for_plain_forms() {
    let router = demo_router().await;
    let form = "email=admin%40demo.test&password=nope";
    let js = send(
        &router,
        Request::post("/api/sign_in")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .body(Body::from(form))
            .unwrap(),
    )
    .await;
    assert_eq!(js.status, StatusCode::UNAUTHORIZED);
    assert!(js.body.contains("InvalidCredentials"));
    assert!(js.headers.get(header::SET_COOKIE).is_none());

    let plain = send(
        &router,
        Request::post("/api/sign_in")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html")
            .header(header::REFERER, "http://localhost/login")
            .body(Body::from(form))
            .unwrap(),
    )
    .await;
    assert_eq!(plain.status, StatusCode::FOUND);
    assert_eq!(
        plain.headers[header::LOCATION],
        "/login?error=invalid-credentials"
    );

    let page = send(
        &router,
        get("/login?error=invalid-credentials")
            .header(header::ACCEPT_LANGUAGE, "fr")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(
        page.body
            .contains("L&#x27;adresse courriel ou le mot de passe est incorrect.")
            || page
                .body
                .contains("L'adresse courriel ou le mot de passe est incorrect.")
    );
}

#[tokio::test]
async fn session_cookie_is_http_only_and_same_site() {
    let router = demo_router().await;
    let reply = send(
        &router,
        Request::post("/api/sign_in")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html")
            .header(header::REFERER, "http://localhost/login")
            .body(Body::from(
                "email=mentor%40demo.test&password=demo-password&remember=on&next=%2Fmentors",
            ))
            .unwrap(),
    )
    .await;
    assert_eq!(
        reply.status,
        StatusCode::FOUND,
        "plain form sign-in redirects"
    );
    assert_eq!(reply.headers[header::LOCATION], "/mentors");
    let cookie = reply
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("mentora_session="))
        .unwrap();
    assert!(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax")
            && cookie.contains("Max-Age=")
    );
}

#[tokio::test]
async fn admin_pages_and_functions_are_for_admins_only() {
    let router = demo_router().await;

    let anonymous = send(
        &router,
        Request::post("/api/admin_stats")
            .header(header::ACCEPT, "application/json")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let anonymous_page = send(&router, get("/admin").body(Body::empty()).unwrap()).await;
    assert!(
        anonymous_page.body.contains(r#"name="password""#),
        "a visitor gets the sign-in form"
    );

    let mentee = sign_in(&router, "mentee%40demo.test").await;
    let call = send(
        &router,
        Request::post("/api/admin_stats")
            .header(header::ACCEPT, "application/json")
            .header(header::COOKIE, &mentee)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(call.status, StatusCode::FORBIDDEN);
    assert!(call.body.contains("Forbidden"));
    let page = send(
        &router,
        get("/admin")
            .header(header::COOKIE, &mentee)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(
        page.body.contains("Vous n&#x27;avez pas accès")
            || page.body.contains("Vous n'avez pas accès"),
        "in the mentee's language"
    );

    let admin = sign_in(&router, "admin%40demo.test").await;
    let call = send(
        &router,
        Request::post("/api/admin_stats")
            .header(header::ACCEPT, "application/json")
            .header(header::COOKIE, &admin)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(call.status, StatusCode::OK);
    let stats: app::admin::model::AdminStats = serde_json::from_str(&call.body).unwrap();
    assert_eq!(stats.members(), 61);
    let page = send(
        &router,
        get("/admin")
            .header(header::COOKIE, &admin)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Admin dashboard") && page.body.contains(">61<"));
}

#[tokio::test]
async fn sign_out_ends_the_session() {
    let router = demo_router().await;
    let cookie = sign_in(&router, "mentor%40demo.test").await;
    let out = send(
        &router,
        Request::post("/api/sign_out")
            .header(header::ACCEPT, "application/json")
            .header(header::COOKIE, &cookie)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(out.status, StatusCode::OK);
    let page = send(
        &router,
        get("/mentors")
            .header(header::COOKIE, &cookie)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(
        page.body.contains(r#"name="password""#),
        "the old cookie no longer signs anyone in"
    );
}

#[tokio::test]
async fn health_and_not_found() {
    let router = demo_router().await;
    let health = send(
        &router,
        Request::get("/healthz").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(
        (health.status, health.body.as_str()),
        (StatusCode::OK, "ok")
    );
    let missing = send(&router, get("/no-such-page").body(Body::empty()).unwrap()).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("Page not found"));
}

#[tokio::test]
async fn unfiltered_email_log_call_from_the_browser_is_answered() {
    // Opening the log by a client-side link sends no `query` field at all.
    let router = demo_router().await;
    let admin = sign_in(&router, "admin%40demo.test").await;
    let call = send(
        &router,
        Request::post("/api/admin_email_log")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .header(header::COOKIE, &admin)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(call.status, StatusCode::OK, "{}", call.body);
    let page: app::messaging::model::EmailLogPage = serde_json::from_str(&call.body).unwrap();
    // The first page of everything: no filter chips, nothing newer.
    assert!(page.members.is_empty() && page.newer.is_none());
}
