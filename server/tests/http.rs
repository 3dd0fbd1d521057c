//! HTTP-level tests of the whole router: language negotiation, sign-in, and access control.
mod common;
#[path = "../../backend/tests/support/mod.rs"]
mod support;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::{demo_router, get, send, sign_in};
use http_body_util::BodyExt;
use tower::ServiceExt;

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
            .header(header::REFERER, "http://mentora.test/login")
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
            .header(header::REFERER, "http://mentora.test/login")
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
    let stats: shared::admin::model::AdminStats = serde_json::from_str(&call.body).unwrap();
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
    let page: shared::messaging::model::EmailLogPage = serde_json::from_str(&call.body).unwrap();
    // The first page of everything: no filter chips, nothing newer.
    assert!(page.members.is_empty() && page.newer.is_none());
}

#[tokio::test]
async fn profile_photos_upload_and_serve_to_signed_in_people_only() {
    /// A real RGB PNG (stored, uncompressed deflate), built by hand: this crate has no
    /// image library.
    fn png(width: u32, height: u32) -> Vec<u8> {
        fn crc32(bytes: &[u8]) -> u32 {
            let mut crc = 0xFFFF_FFFFu32;
            for &b in bytes {
                crc ^= b as u32;
                for _ in 0..8 {
                    crc = if crc & 1 == 1 {
                        (crc >> 1) ^ 0xEDB8_8320
                    } else {
                        crc >> 1
                    };
                }
            }
            !crc
        }
        fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
            out.extend_from_slice(&(data.len() as u32).to_be_bytes());
            let start = out.len();
            out.extend_from_slice(kind);
            out.extend_from_slice(data);
            let crc = crc32(&out[start..]);
            out.extend_from_slice(&crc.to_be_bytes());
        }
        let mut raw = Vec::new();
        for y in 0..height {
            raw.push(0); // no filter
            for x in 0..width {
                raw.extend_from_slice(&[(x * 4) as u8, (y * 4) as u8, 120]);
            }
        }
        let mut zlib = vec![0x78, 0x01];
        let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
        for (i, block) in blocks.iter().enumerate() {
            zlib.push(u8::from(i + 1 == blocks.len()));
            let len = block.len() as u16;
            zlib.extend_from_slice(&len.to_le_bytes());
            zlib.extend_from_slice(&(!len).to_le_bytes());
            zlib.extend_from_slice(block);
        }
        let (mut a, mut b) = (1u32, 0u32);
        for &byte in &raw {
            a = (a + byte as u32) % 65_521;
            b = (b + a) % 65_521;
        }
        zlib.extend_from_slice(&((b << 16) | a).to_be_bytes());
        let mut ihdr = Vec::new();
        ihdr.extend_from_slice(&width.to_be_bytes());
        ihdr.extend_from_slice(&height.to_be_bytes());
        ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // 8-bit RGB
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        chunk(&mut out, b"IHDR", &ihdr);
        chunk(&mut out, b"IDAT", &zlib);
        chunk(&mut out, b"IEND", &[]);
        out
    }
    const BOUNDARY: &str = "mentora-photo-boundary";
    fn upload(
        cookie: Option<&str>,
        file_name: &str,
        content_type: &str,
        bytes: &[u8],
    ) -> Request<Body> {
        let mut body = format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"{file_name}\"\r\nContent-Type: {content_type}\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
        let mut request = Request::post("/profile/photo")
            .header(header::ACCEPT, "text/html")
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={BOUNDARY}"),
            );
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        request.body(Body::from(body)).unwrap()
    }

    // Every engine: the pictures live in the database.
    for db in support::databases().await {
        let db = support::demo(db).await;
        let router = common::router_on(db.clone());
        let mentor_id: i64 = backend::with_db!(&db, pool => sqlx::query_scalar(
            "SELECT id FROM users WHERE email = $1",
        )
        .bind(backend::seed::DEMO_MENTOR)
        .fetch_one(pool)
        .await
        .unwrap());
        let photo_key = || {
            let db = db.clone();
            async move {
                backend::with_db!(&db, pool => sqlx::query_scalar::<_, Option<String>>(
                    "SELECT photo_key FROM users WHERE id = $1",
                )
                .bind(mentor_id)
                .fetch_one(pool)
                .await
                .unwrap())
            }
        };

        // Anonymous: no picture, no upload.
        let anonymous = send(
            &router,
            Request::get(format!("/photos/{mentor_id}/0123456789abcdef.jpg"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
        let anonymous = send(&router, upload(None, "me.png", "image/png", &png(64, 48))).await;
        assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
        assert_eq!(anonymous.headers[header::LOCATION], "/login");
        assert_eq!(photo_key().await, None);

        // A member uploads a PNG: stored, and served as a JPEG that never changes.
        let mentor = sign_in(&router, "mentor%40demo.test").await;
        let saved = send(
            &router,
            upload(Some(&mentor), "me.png", "image/png", &png(300, 200)),
        )
        .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        assert_eq!(
            saved.headers[header::LOCATION],
            "/profile?tab=basic&photo=saved"
        );
        let key = photo_key().await.expect("a photo key");
        let url = shared::profiles::photo_url::photo_url(mentor_id, &key);
        let mentee = sign_in(&router, "mentee%40demo.test").await;
        let response = router
            .clone()
            .oneshot(
                Request::get(&url)
                    .header(header::COOKIE, &mentee)
                    .header(header::ACCEPT_ENCODING, "gzip, br")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let headers = response.headers().clone();
        assert_eq!(headers[header::CONTENT_TYPE], "image/jpeg");
        assert_eq!(
            headers[header::CACHE_CONTROL],
            "private, max-age=31536000, immutable"
        );
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert!(headers.get(header::CONTENT_ENCODING).is_none());
        let jpeg = response.into_body().collect().await.unwrap().to_bytes();
        assert!(jpeg.starts_with(&[0xFF, 0xD8, 0xFF]), "a JPEG");
        let wrong_key = send(
            &router,
            Request::get(format!("/photos/{mentor_id}/ffffffffffffffff.jpg"))
                .header(header::COOKIE, &mentee)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(wrong_key.status, StatusCode::NOT_FOUND);

        // Not a picture, whatever its name and type say; and too large.
        let text = send(
            &router,
            upload(Some(&mentor), "me.png", "image/png", b"name,email\r\n"),
        )
        .await;
        assert_eq!(text.status, StatusCode::SEE_OTHER);
        assert_eq!(
            text.headers[header::LOCATION],
            "/profile?tab=basic&error=invalid-image&field=photo"
        );
        for size in [5 * 1024 * 1024 + 1, 7 * 1024 * 1024] {
            let mut big = png(64, 48);
            big.resize(size, 0);
            let too_large =
                send(&router, upload(Some(&mentor), "big.png", "image/png", &big)).await;
            assert_eq!(too_large.status, StatusCode::SEE_OTHER, "{size}");
            assert_eq!(
                too_large.headers[header::LOCATION],
                "/profile?tab=basic&error=file-too-large&field=photo",
                "{size}"
            );
        }
        assert_eq!(
            photo_key().await.as_deref(),
            Some(key.as_str()),
            "unchanged"
        );

        // Removed: the old address is gone.
        let removed = send(
            &router,
            Request::post("/profile/photo/delete")
                .header(header::ACCEPT, "text/html")
                .header(header::COOKIE, &mentor)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(removed.status, StatusCode::SEE_OTHER);
        assert_eq!(
            removed.headers[header::LOCATION],
            "/profile?tab=basic&photo=removed"
        );
        assert_eq!(photo_key().await, None);
        let gone = send(
            &router,
            Request::get(&url)
                .header(header::COOKIE, &mentee)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(gone.status, StatusCode::NOT_FOUND);
    }
}

/// The server renders a page once: each server function behind it runs once and its
/// result is sent once. (Rendering the page inside a pass that is repeated used to run
/// every page's functions three times and ship three copies; the browser then hydrated
/// the first copy against the HTML of the last, which broke hydration whenever the data
/// changed in between, as an import's progress does.)
#[tokio::test]
async fn a_page_loads_and_sends_its_data_once() {
    let router = demo_router().await;
    let admin = sign_in(&router, "admin%40demo.test").await;
    for path in [
        "/",
        "/admin",
        "/admin/settings",
        "/admin/members",
        "/account",
        "/programs",
    ] {
        let page = send(
            &router,
            get(path)
                .header(header::COOKIE, &admin)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        let payloads: Vec<&str> = page
            .body
            .split("__RESOLVED_RESOURCES[")
            .skip(1)
            .filter_map(|rest| rest.split_once("] = ").map(|(_, value)| value))
            .map(|value| value.split("\";").next().unwrap_or(value))
            .collect();
        assert!(
            payloads.len() >= 2,
            "{path}: the viewer and the page's own data"
        );
        let distinct: std::collections::HashSet<&str> = payloads.iter().copied().collect();
        assert_eq!(
            distinct.len(),
            payloads.len(),
            "{path} sent a payload twice"
        );
    }
}

/// A refused form comes back with its error and, for forms without secrets, what was
/// typed; the values travel to the error layer in a header that never leaves the server.
#[tokio::test]
async fn a_refused_plain_form_goes_back_with_its_error_and_values() {
    let router = demo_router().await;
    let admin = sign_in(&router, "admin%40demo.test").await;
    let form = "label_en=Caf%C3%A9+%26+co&label_fr=&role=both&in_search=on";
    let call = |accept: &'static str| {
        Request::post("/api/admin_custom_field_save")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, accept)
            .header(
                header::REFERER,
                "http://mentora.test/admin/custom-fields/new?error=old",
            )
            .header(header::COOKIE, &admin)
            .body(Body::from(form))
            .unwrap()
    };
    let plain = send(&router, call("text/html")).await;
    assert_eq!(plain.status, StatusCode::FOUND);
    let location = plain.header(header::LOCATION);
    assert!(
        location.starts_with("/admin/custom-fields/new?error=required&field=label_fr&"),
        "{location}"
    );
    assert!(location.contains("&in_search=on"), "{location}");
    assert!(
        location.contains("&label_en=Caf%C3%A9%20%26%20co"),
        "{location}"
    );
    assert!(plain
        .headers
        .get(backend::form_post::DRAFT_HEADER)
        .is_none());

    let js = send(&router, call("application/json")).await;
    assert_eq!(js.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", js.body);
    assert!(js.headers.get(backend::form_post::DRAFT_HEADER).is_none());
    assert!(js.headers.get(header::LOCATION).is_none());
}

#[tokio::test]
async fn the_page_names_its_translations_and_the_browser_fetches_them_once() {
    use app::i18n::{locale_path, locale_text, locale_version, Lang};
    let router = demo_router().await;
    let page = send(
        &router,
        get("/login")
            .header(header::COOKIE, "lang=fr")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    let href = locale_path(Lang::Fr, locale_version());
    assert!(
        page.body.contains(&format!(r#"href="{href}""#)),
        "the page preloads its language"
    );
    assert!(
        page.body.contains(locale_version()),
        "and names the version"
    );

    let current = send(&router, get(&href).body(Body::empty()).unwrap()).await;
    assert_eq!(current.status, StatusCode::OK);
    assert_eq!(current.body, locale_text(Lang::Fr));
    assert!(current.header(header::CACHE_CONTROL).contains("immutable"));
    assert!(current
        .header(header::CONTENT_TYPE)
        .starts_with("text/plain"));

    let older = send(
        &router,
        get("/locales/en-0123.ftl").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(older.status, StatusCode::OK);
    assert_eq!(older.body, locale_text(Lang::En));
    assert_eq!(older.header(header::CACHE_CONTROL), "no-cache");

    for missing in ["/locales/de-1.ftl", "/locales/en.ftl", "/locales/fr-1.txt"] {
        let reply = send(&router, get(missing).body(Body::empty()).unwrap()).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{missing}");
    }
}
