//! HTTP-level security tests: redirects stay on this site, crafted input never drops a
//! response, bad arguments are 400, cross-site posts are refused, security headers.
mod common;
#[path = "../../backend/tests/support/mod.rs"]
mod support;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use common::{app_state, demo_router, post_form, send, sign_in, Reply, FORM, WEBHOOK_SECRET};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// A plain (no-JavaScript) sign-in form post with `next` (already form-encoded).
fn plain_sign_in(next: &str) -> Request<Body> {
    Request::post("/api/sign_in")
        .header(header::CONTENT_TYPE, FORM)
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, "http://mentora.test/login")
        .body(Body::from(format!(
            "email=mentor%40demo.test&password=demo-password&next={next}"
        )))
        .unwrap()
}

#[tokio::test]
async fn sign_in_never_redirects_to_another_site_and_keeps_the_session() {
    let router = demo_router().await;
    // %2509 arrives as "%09" after form decoding; %09 and %0a arrive as a tab and a newline
    // (the newline used to panic in the redirect and lose the new session's cookie).
    for next in [
        "%2F%09%2Fevil.example",
        "/%09/evil.example",
        "/%0a/evil.example",
        "%2F%2Fevil.example",
        "%2F%5Cevil.example",
        "%2F%252F%252Fevil.example",
        "https%3A%2F%2Fevil.example",
        // Raw non-ASCII is not a well-formed Location; our own links are percent-encoded.
        "%2Fcaf%C3%A9",
    ] {
        let reply = send(&router, plain_sign_in(next)).await;
        assert_eq!(reply.status, StatusCode::FOUND, "{next}");
        assert_eq!(reply.header(header::LOCATION), "/", "{next}");
        assert!(reply.session_cookie().is_some(), "{next}: signed in");
    }
    let local = send(&router, plain_sign_in("%2Fmentors%3Fpage%3D2")).await;
    assert_eq!(local.header(header::LOCATION), "/mentors?page=2");
}

/// A failed plain form post goes back to the Referer's path only when the Referer is this
/// site (the configured base URL, or the Host the request was sent to). `Sec-Fetch-Site`
/// lets the post past the cross-site check, so this is the redirect's own defence.
#[tokio::test]
async fn failed_plain_form_goes_back_only_to_a_same_origin_referer() {
    let router = demo_router().await;
    let wrong_password = |referer: &str, host: Option<&str>| {
        let mut request = Request::post("/api/sign_in")
            .header(header::CONTENT_TYPE, FORM)
            .header(header::ACCEPT, "text/html")
            .header("sec-fetch-site", "same-origin")
            .header(header::REFERER, referer);
        if let Some(host) = host {
            request = request.header(header::HOST, host);
        }
        request
            .body(Body::from("email=admin%40demo.test&password=nope"))
            .unwrap()
    };
    for (referer, host, expected) in [
        ("http://evil//evil.example/x", None, "/?error="),
        ("http://evil.example/login", None, "/?error="),
        ("https://mentora.test/login", None, "/?error="),
        ("http://mentora.test//evil.example/x", None, "/?error="),
        ("http://mentora.test/login", None, "/login?error="),
        (
            "http://127.0.0.1:3000/login?x=1",
            Some("127.0.0.1:3000"),
            "/login?error=",
        ),
        (
            "http://127.0.0.1:3001/login",
            Some("127.0.0.1:3000"),
            "/?error=",
        ),
    ] {
        let reply = send(&router, wrong_password(referer, host)).await;
        assert_eq!(reply.status, StatusCode::FOUND, "{referer}");
        let location = reply.header(header::LOCATION);
        assert!(
            location.starts_with(expected),
            "{referer} → {location}, expected {expected}…"
        );
    }
}

#[tokio::test]
async fn a_panic_answers_a_plain_500_without_its_message() {
    let db = support::sqlite().await;
    let panicking = Router::new().route(
        "/boom",
        axum::routing::get(|| async {
            if true {
                panic!("secret internal detail");
            }
            "unreachable"
        }),
    );
    let router = server::harden(panicking, app_state(db));
    let reply = send(&router, Request::get("/boom").body(Body::empty()).unwrap()).await;
    assert_eq!(reply.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(!reply.body.contains("secret"), "{}", reply.body);
    assert!(
        reply.body.contains("Something went wrong"),
        "{}",
        reply.body
    );
    assert!(
        reply.body.contains("Un problème est survenu"),
        "{}",
        reply.body
    );
    assert_eq!(reply.header(header::X_CONTENT_TYPE_OPTIONS), "nosniff");
}

#[tokio::test]
async fn search_page_numbers_out_of_range_are_harmless() {
    let router = demo_router().await;
    let mentee = sign_in(&router, "mentee%40demo.test").await;
    let search = |page: &str| {
        Request::post("/api/partner_search")
            .header(header::CONTENT_TYPE, FORM)
            .header(header::ACCEPT, "application/json")
            .header(header::COOKIE, &mentee)
            .body(Body::from(format!(
                "looking_for=mentor&query=search%3D1%26page%3D{page}"
            )))
            .unwrap()
    };
    let huge = send(&router, search("18446744073709551615")).await;
    assert_eq!(huge.status, StatusCode::OK, "{}", huge.body);
    let page: shared::matching::model::PartnerPage = serde_json::from_str(&huge.body).unwrap();
    assert!(page.cards.is_empty() && page.total > 0);

    let negative = send(&router, search("-9223372036854775808")).await;
    let page: shared::matching::model::PartnerPage = serde_json::from_str(&negative.body).unwrap();
    assert_eq!(page.search.page, 1);
    assert!(!page.cards.is_empty());
}

#[tokio::test]
async fn malformed_arguments_are_400_without_details() {
    let router = demo_router().await;
    let mentee = sign_in(&router, "mentee%40demo.test").await;
    let mut calls = vec![
        post_form("/api/sign_in", "email=mentor%40demo.test"),
        post_form("/api/sign_in", "%%%garbage"),
    ];
    calls.push(
        Request::post("/api/partner_search")
            .header(header::CONTENT_TYPE, FORM)
            .header(header::ACCEPT, "application/json")
            .header(header::COOKIE, &mentee)
            .body(Body::from("looking_for=mentor"))
            .unwrap(),
    );
    for call in calls {
        let path = call.uri().to_string();
        let reply = send(&router, call).await;
        assert_eq!(
            reply.status,
            StatusCode::BAD_REQUEST,
            "{path}: {}",
            reply.body
        );
        assert_eq!(reply.body, r#""BadRequest""#, "{path}: nothing internal");
    }
}

/// A sign-in call (as the hydrated client makes it) with extra headers.
fn sign_in_with(headers: &[(&str, &str)]) -> Request<Body> {
    let mut request = Request::post("/api/sign_in")
        .header(header::CONTENT_TYPE, FORM)
        .header(header::ACCEPT, "application/json");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request
        .body(Body::from(
            "email=mentor%40demo.test&password=demo-password",
        ))
        .unwrap()
}

#[tokio::test]
async fn cross_site_posts_are_refused() {
    let router = demo_router().await;
    for headers in [
        &[("origin", "http://evil.example")][..],
        &[("origin", "null")],
        &[("origin", "http://mentora.test:8080")],
        &[("sec-fetch-site", "cross-site")],
        &[("sec-fetch-site", "same-site")],
        &[
            ("sec-fetch-site", "same-site"),
            ("origin", "http://mentora.test"),
        ],
        &[("referer", "http://evil.example/page")],
        &[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:3001"),
        ],
    ] {
        let reply = send(&router, sign_in_with(headers)).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{headers:?}");
        assert!(reply.session_cookie().is_none(), "{headers:?}");
        assert!(!reply.body.is_empty() && reply.body.len() < 400);
        assert!(!reply.body.contains("error-"), "translated: {}", reply.body);
    }
    for headers in [
        &[("sec-fetch-site", "same-origin")][..],
        &[("sec-fetch-site", "none")],
        &[("origin", "http://mentora.test")],
        &[("referer", "http://mentora.test/login")],
        &[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:3000"),
        ],
        // Non-browser clients (curl, this suite) send none of the three.
        &[],
    ] {
        let reply = send(&router, sign_in_with(headers)).await;
        assert_eq!(reply.status, StatusCode::OK, "{headers:?}: {}", reply.body);
        assert!(reply.session_cookie().is_some(), "{headers:?}");
    }
}

#[tokio::test]
async fn only_form_encodings_are_accepted_on_posts() {
    let router = demo_router().await;
    for content_type in ["text/plain", "text/plain;charset=UTF-8", "application/xml"] {
        let reply = send(
            &router,
            Request::post("/api/sign_in")
                .header(header::CONTENT_TYPE, content_type)
                .header(header::ACCEPT, "application/json")
                .body(Body::from(
                    "email=mentor%40demo.test&password=demo-password",
                ))
                .unwrap(),
        )
        .await;
        assert_eq!(
            reply.status,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "{content_type}"
        );
        assert!(reply.session_cookie().is_none());
    }
    let form = send(
        &router,
        sign_in_with(&[(
            "content-type",
            "application/x-www-form-urlencoded; charset=UTF-8",
        )]),
    )
    .await;
    assert_eq!(form.status, StatusCode::OK);
}

#[tokio::test]
async fn the_provider_webhook_still_works() {
    let router = demo_router().await;
    let body = r#"{"event":"delivered","token":"no-such-message"}"#;
    let reply = send(
        &router,
        Request::post("/webhooks/email")
            .header(header::CONTENT_TYPE, "application/json")
            .header(
                "x-mentora-signature",
                server::email_hooks::sign(WEBHOOK_SECRET, body.as_bytes()),
            )
            .body(Body::from(body))
            .unwrap(),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(reply.body.contains(r#""ignored":1"#), "{}", reply.body);
}

fn assert_common_headers(reply: &Reply) {
    assert_eq!(reply.header(header::X_CONTENT_TYPE_OPTIONS), "nosniff");
    assert_eq!(reply.header(header::REFERRER_POLICY), "same-origin");
}

#[tokio::test]
async fn pages_carry_a_csp_whose_nonce_is_on_every_script() {
    let router = demo_router().await;
    let page = send(
        &router,
        Request::get("/login")
            .header(header::ACCEPT, "text/html")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert_common_headers(&page);
    assert_eq!(page.header(header::X_FRAME_OPTIONS), "DENY");
    let csp = page.header(header::CONTENT_SECURITY_POLICY).to_string();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert!(csp.contains("object-src 'none'"), "{csp}");
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .unwrap_or_else(|| panic!("no nonce in {csp}"));
    assert!(nonce.len() >= 16, "{nonce}");
    let scripts: Vec<&str> = page.body.split("<script").skip(1).collect();
    assert!(!scripts.is_empty(), "the page has scripts");
    for script in scripts {
        let tag = &script[..script.find('>').unwrap()];
        assert!(
            tag.contains(&format!(r#"nonce="{nonce}""#)),
            "script without the CSP nonce: <script{tag}>"
        );
    }
    // Another response, another nonce.
    let again = send(&router, Request::get("/login").body(Body::empty()).unwrap()).await;
    assert!(!again
        .header(header::CONTENT_SECURITY_POLICY)
        .contains(&format!("'nonce-{nonce}'")));

    let api = send(
        &router,
        post_form("/api/sign_in", "email=x%40y.z&password=nope"),
    )
    .await;
    assert_eq!(api.status, StatusCode::UNAUTHORIZED);
    assert_common_headers(&api);
    assert!(api
        .header(header::CONTENT_SECURITY_POLICY)
        .contains("frame-ancestors 'none'"));
}

#[tokio::test]
async fn email_previews_may_be_framed_by_this_site_only() {
    let router = demo_router().await;
    let admin = sign_in(&router, "admin%40demo.test").await;
    let preview = send(
        &router,
        Request::get("/admin/messages/system/welcome/preview.html")
            .header(header::COOKIE, &admin)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(preview.status, StatusCode::OK);
    assert_common_headers(&preview);
    let csp = preview.header(header::CONTENT_SECURITY_POLICY);
    assert!(csp.contains("frame-ancestors 'self'"), "{csp}");
    assert!(
        csp.contains("sandbox") && csp.contains("default-src 'none'"),
        "{csp}"
    );
    assert!(!csp.contains("script-src"), "no scripts: {csp}");
    assert_eq!(preview.header(header::X_FRAME_OPTIONS), "SAMEORIGIN");
}

#[tokio::test]
async fn healthz_says_when_a_worker_is_down_and_how_often_it_restarted() {
    let db = support::demo(support::sqlite().await).await;
    let state = app_state(db);
    let workers = state.workers.clone();
    let router = server::router(state, server::leptos_options("target/site"));
    let health = || async {
        let reply = router
            .clone()
            .oneshot(Request::get("/healthz").body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = reply.status();
        let body = reply.into_body().collect().await.unwrap().to_bytes();
        (status, String::from_utf8_lossy(&body).into_owned())
    };
    workers.started("mail");
    assert_eq!(
        health().await,
        (
            StatusCode::OK,
            "ok\nmail worker: running, restarts: 0".to_string()
        )
    );
    workers.stopped("mail", "panicked: secret detail".into());
    let (status, body) = health().await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(body, "worker down\nmail worker: restarting, restarts: 1");
    workers.started("mail");
    assert_eq!(health().await.0, StatusCode::OK);
}

/// Signs in carrying `cookie` (a stale one, or another person's session).
async fn sign_in_holding(router: &Router, email: &str, cookie: &str) -> Reply {
    let mut request = post_form(
        "/api/sign_in",
        &format!("email={email}&password=demo-password"),
    );
    request
        .headers_mut()
        .insert(header::COOKIE, cookie.parse().unwrap());
    send(router, request).await
}

async fn viewer_status(router: &Router, cookie: &str) -> StatusCode {
    let mut request = post_form("/api/member_summary", "");
    request
        .headers_mut()
        .insert(header::COOKIE, cookie.parse().unwrap());
    send(router, request).await.status
}

#[tokio::test]
async fn signing_in_over_a_stale_cookie_keeps_the_new_session() {
    let router = demo_router().await;
    let reply = sign_in_holding(&router, "mentor@demo.test", "mentora_session=stale-token").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let session_cookies: Vec<&str> = reply
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter(|c| c.starts_with("mentora_session="))
        .collect();
    assert_eq!(session_cookies.len(), 1, "{session_cookies:?}");
    assert!(!session_cookies[0].contains("Max-Age=0"));
    let cookie = session_cookies[0].split(';').next().unwrap();
    assert_eq!(viewer_status(&router, cookie).await, StatusCode::OK);
}

#[tokio::test]
async fn a_new_sign_in_on_the_same_browser_ends_the_previous_session() {
    let router = demo_router().await;
    let mentor = sign_in(&router, "mentor@demo.test").await;
    assert_eq!(viewer_status(&router, &mentor).await, StatusCode::OK);
    let reply = sign_in_holding(&router, "mentee@demo.test", &mentor).await;
    let mentee = reply.session_cookie().expect("new session");
    assert_ne!(mentee, mentor);
    assert_eq!(viewer_status(&router, &mentee).await, StatusCode::OK);
    assert_eq!(
        viewer_status(&router, &mentor).await,
        StatusCode::UNAUTHORIZED,
        "the mentor's session ended"
    );
}
