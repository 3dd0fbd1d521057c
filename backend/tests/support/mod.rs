//! Test databases: a fresh SQLite file always, and a fresh PostgreSQL database when
//! `MENTORA_TEST_POSTGRES_URL` points at a server (scripts/test.sh starts one and sets
//! `MENTORA_REQUIRE_POSTGRES=1`, so the PostgreSQL half can never be skipped silently).
#![allow(dead_code)]

pub mod people;
pub mod scheduling;
use backend::db::Db;
use std::sync::atomic::{AtomicU32, Ordering};

/// The site address the tests' links are made with.
pub const BASE: &str = "http://mentora.test";

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique_name() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    format!(
        "mentora_test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst),
        nanos
    )
}

pub async fn sqlite() -> Db {
    // Database errors are logged, then hidden behind "internal error": show them when a
    // test fails (the harness captures this output).
    let _ = tracing_subscriber::fmt()
        .with_test_writer()
        .with_env_filter("error")
        .try_init();
    Db::connect_and_migrate(&sqlite_url())
        .await
        .expect("sqlite test database")
}

/// The address of a fresh SQLite file (created on first connection).
pub fn sqlite_url() -> String {
    let path = std::env::temp_dir().join(format!("{}.db", unique_name()));
    format!("sqlite://{}", path.display())
}

pub async fn postgres() -> Option<Db> {
    let url = postgres_url().await?;
    Some(
        Db::connect_and_migrate(&url)
            .await
            .expect("postgres test database"),
    )
}

/// The address of a fresh, empty PostgreSQL database, when the suite has a server.
pub async fn postgres_url() -> Option<String> {
    let Ok(admin_url) = std::env::var("MENTORA_TEST_POSTGRES_URL") else {
        assert!(
            std::env::var("MENTORA_REQUIRE_POSTGRES").is_err(),
            "MENTORA_REQUIRE_POSTGRES is set but MENTORA_TEST_POSTGRES_URL is not"
        );
        eprintln!("note: MENTORA_TEST_POSTGRES_URL unset; PostgreSQL half skipped");
        return None;
    };
    let name = unique_name();
    let admin = Db::connect(&admin_url)
        .await
        .expect("postgres admin connection");
    if let backend::db::Pool::Postgres(pool) = admin.pool() {
        // The name is generated above from digits and underscores only.
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(pool)
            .await
            .expect("create test database");
    }
    admin.close().await;
    let mut url = url::Url::parse(&admin_url).expect("postgres url");
    url.set_path(&name);
    Some(url.to_string())
}

/// The addresses of a fresh database on every engine the suite runs against (for tests
/// that start the server as a separate process).
pub async fn database_urls() -> Vec<String> {
    let mut urls = vec![sqlite_url()];
    urls.extend(postgres_url().await);
    urls
}

/// Every engine the suite runs against, each with a fresh, migrated database.
pub async fn databases() -> Vec<Db> {
    let mut dbs = vec![sqlite().await];
    dbs.extend(postgres().await);
    dbs
}

/// A fresh database with the demo program seeded.
pub async fn demo(db: Db) -> Db {
    backend::seed::seed_demo(&db).await.expect("seed demo");
    db
}

/// Adds a member (no password) to a program; returns the user's id.
pub async fn add_member(
    db: &Db,
    program_id: i64,
    email: &str,
    lang: &str,
    role: shared::auth::model::Role,
) -> i64 {
    use backend::auth::repo;
    let now = chrono::Utc::now();
    let mut tx = db.begin().await.unwrap();
    let id = repo::insert_user(
        &mut tx,
        &repo::NewMember {
            email,
            password_hash: None,
            first_name: "Test",
            last_name: email.split('@').next().unwrap(),
            language: lang,
            time_zone: "America/Toronto",
            now,
        },
    )
    .await
    .unwrap();
    repo::insert_membership(&mut tx, id, program_id, role, now)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    id
}

/// Signs a demo account in (demo password) and returns its session.
pub async fn session_of(db: &Db, email: &str) -> backend::auth::session::RequestSession {
    use backend::auth::{repo, service, session};
    let signed_in = service::sign_in(
        db,
        BASE,
        "10.0.0.1",
        email,
        backend::seed::DEMO_PASSWORD,
        false,
    )
    .await
    .expect("sign in");
    let token_hash = session::hash_token(&signed_in.token);
    let found = repo::find_session(db, &token_hash, chrono::Utc::now())
        .await
        .unwrap()
        .expect("session just created");
    session::RequestSession {
        token_hash,
        viewer: found.viewer,
    }
}

/// The e-mails in the outbox: (to, template, lang, subject, text body, status).
#[derive(Debug, sqlx::FromRow)]
pub struct Outbox {
    pub id: i64,
    pub to_address: String,
    pub template_key: Option<String>,
    pub lang: String,
    pub subject: String,
    pub body_text: String,
    pub status: String,
    pub tracking_token: String,
    pub open_automatic: bool,
}

pub async fn outbox(db: &Db) -> Vec<Outbox> {
    backend::with_db!(db, pool => sqlx::query_as::<_, Outbox>(
        "SELECT id, to_address, template_key, lang, subject, body_text, status, tracking_token, open_automatic
         FROM emails ORDER BY id",
    )
    .fetch_all(pool)
    .await
    .unwrap())
}

/// The token of the first link to `path_prefix` (e.g. "/password/") in a text body.
pub fn link_token(body: &str, path_prefix: &str) -> String {
    let start = body.find(path_prefix).expect("link in body") + path_prefix.len();
    body[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// Waits for an import run to end and returns its final state.
pub async fn finished_import(db: &Db, program: i64, run: i64) -> shared::members::model::ImportRun {
    use shared::members::model::ImportStatus;
    for _ in 0..200 {
        let state = backend::members::import::run(db, program, run)
            .await
            .unwrap();
        if state.status != ImportStatus::Running {
            return state;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("import {run} did not finish");
}

/// Imports `csv` as the scope's administrator; the import must succeed.
pub async fn import_members(
    db: &Db,
    scope: &backend::auth::authz::MemberScope,
    csv: &str,
) -> shared::members::model::ImportRun {
    use shared::members::model::{ImportKind, ImportStatus};
    let run = backend::members::import::start(
        db,
        BASE,
        scope,
        ImportKind::Members,
        "members.csv",
        csv.as_bytes(),
    )
    .await
    .unwrap();
    let state = finished_import(db, scope.program_id, run).await;
    assert_eq!(state.status, ImportStatus::Done, "{state:?}");
    state
}

/// Signs in as the test client at 10.0.0.9 does.
pub async fn sign_in(
    db: &Db,
    email: &str,
    password: &str,
) -> Result<backend::auth::service::SignedIn, shared::error::AppError> {
    backend::auth::service::sign_in(db, BASE, "10.0.0.9", email, password, false).await
}

/// A signed-in member's scope, built directly (test members have no password).
pub fn member_scope(
    program_id: i64,
    user_id: i64,
    role: shared::auth::model::Role,
) -> backend::auth::authz::MemberScope {
    backend::auth::authz::MemberScope {
        session: backend::auth::session::RequestSession {
            token_hash: String::new(),
            viewer: shared::auth::model::Viewer {
                user_id,
                email: format!("{user_id}@scope.test"),
                first_name: "Test".into(),
                last_name: "Member".into(),
                language: shared::i18n::Lang::En,
                time_zone: shared::zone::Zone::DEFAULT,
                photo_url: None,
                membership: Some(shared::auth::model::ProgramMembership {
                    program_id,
                    name_en: "Demo".into(),
                    name_fr: "Démo".into(),
                    role,
                }),
                program_count: 1,
                unread_notifications: 0,
            },
        },
        program_id,
        role,
    }
}

/// The demo administrator's scope in the demo program.
pub async fn admin_scope(db: &Db) -> backend::auth::authz::MemberScope {
    use backend::auth::authz::{check, Access};
    check(
        Access::Admin,
        Some(session_of(db, backend::seed::DEMO_ADMIN).await),
    )
    .unwrap()
    .unwrap()
}

pub async fn user_id(db: &Db, email: &str) -> i64 {
    backend::with_db!(db, pool => sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(pool)
        .await
        .unwrap())
}

/// The one number a query returns.
pub async fn count(db: &Db, sql: &str) -> i64 {
    backend::with_db!(db, pool => sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql.to_string()))
        .fetch_one(pool)
        .await
        .unwrap())
}

/// A registration form as a person fills it in (the name with stray spaces).
pub fn registration(email: &str, role: &str) -> backend::auth::registration::Registration {
    backend::auth::registration::Registration {
        first_name: " Zoé ".into(),
        last_name: "Roy".into(),
        email: email.into(),
        password: "a good long password".into(),
        password_confirm: "a good long password".into(),
        role: role.into(),
        language: "fr".into(),
        time_zone: "Europe/Paris".into(),
    }
}
