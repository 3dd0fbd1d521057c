//! "End all relationships" survives a `kill -9` of the server in the middle of the run,
//! on both engines: the real binary is started, killed with SIGKILL once the first batch
//! is committed, and started again; the run finishes and every member of every pair is
//! told exactly once.
#[path = "../../backend/tests/support/mod.rs"]
mod support;

use backend::db::Db;
use backend::relationships::end_all::{start_end_all, END_ALL_BATCH};
use backend::with_db;
use chrono::Utc;
use shared::auth::model::Role;
use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Pairs added to the demo program's current ones, so the run takes several batches.
const EXTRA_PAIRS: usize = 110;

/// A site root with the one asset the server checks for at start.
fn site_root() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("mentora-site-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    std::fs::write(dir.join("pkg").join(format!("{}.js", app::OUTPUT_NAME)), "").unwrap();
    dir
}

fn start_server(url: &str, pause_ms: u64) -> Child {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    Command::new(env!("CARGO_BIN_EXE_mentora"))
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .env("DATABASE_URL", url)
        .env("LEPTOS_SITE_ROOT", site_root())
        .env("BULK_BATCH_PAUSE_MS", pause_ms.to_string())
        .env("RUST_LOG", "warn")
        .env_remove("SMTP_HOST")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start the server")
}

/// (status, processed, total) of the program's latest run.
async fn run_state(db: &Db, run: i64) -> (String, i64, i64) {
    with_db!(db, pool => sqlx::query_as(
        "SELECT status, CAST(processed AS BIGINT), CAST(total AS BIGINT)
         FROM relationship_end_runs WHERE id = $1",
    )
    .bind(run)
    .fetch_one(pool)
    .await
    .unwrap())
}

async fn wait_for(db: &Db, run: i64, what: &str, done: impl Fn(&(String, i64, i64)) -> bool) {
    let started = Instant::now();
    loop {
        let state = run_state(db, run).await;
        if done(&state) {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(90),
            "waiting for {what}: {state:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn a_run_killed_mid_way_resumes_and_tells_every_member_once() {
    for url in support::database_urls().await {
        let db = support::demo(Db::connect_and_migrate(&url).await.unwrap()).await;
        let admin = support::admin_scope(&db).await;
        let program = admin.program_id;
        let now = Utc::now() - chrono::Duration::minutes(1);
        for i in 0..EXTRA_PAIRS {
            let mentor =
                support::add_member(&db, program, &format!("m{i}@end.test"), "en", Role::Mentor)
                    .await;
            let mentee =
                support::add_member(&db, program, &format!("e{i}@end.test"), "fr", Role::Mentee)
                    .await;
            with_db!(&db, pool => sqlx::query(
                "INSERT INTO relationships (program_id, mentor_id, mentee_id, status, started_at)
                 VALUES ($1, $2, $3, 'active', $4)",
            )
            .bind(program)
            .bind(mentor)
            .bind(mentee)
            .bind(now)
            .execute(pool)
            .await
            .map(|_| ())
            .unwrap());
        }
        let pairs: Vec<(i64, i64, i64)> = with_db!(&db, pool => sqlx::query_as(
            "SELECT id, mentor_id, mentee_id FROM relationships WHERE program_id = $1 AND status = 'active'",
        )
        .bind(program)
        .fetch_all(pool)
        .await
        .unwrap());
        assert!(pairs.len() as i64 > 2 * END_ALL_BATCH);
        let run = start_end_all(&db, &admin, "", Utc::now()).await.unwrap();

        // Slow batches, killed once the first one is committed.
        let mut first = start_server(&url, 3_000);
        wait_for(&db, run, "the first batch", |(_, processed, _)| {
            *processed > 0
        })
        .await;
        first.kill().expect("SIGKILL");
        first.wait().unwrap();
        let (status, processed, total) = run_state(&db, run).await;
        assert_eq!(status, "running");
        assert!(processed < total, "killed too late: {processed} of {total}");

        let mut second = start_server(&url, 0);
        wait_for(&db, run, "the end of the run", |(status, _, _)| {
            status == "done"
        })
        .await;
        second.kill().unwrap();
        second.wait().unwrap();

        let (_, processed, total) = run_state(&db, run).await;
        assert_eq!((processed, total), (pairs.len() as i64, pairs.len() as i64));
        let still: i64 = with_db!(&db, pool => sqlx::query_scalar(
            "SELECT COUNT(*) FROM relationships WHERE program_id = $1 AND status = 'active'",
        )
        .bind(program)
        .fetch_one(pool)
        .await
        .unwrap());
        assert_eq!(still, 0);
        // Each member of each pair: exactly one "relationship ended" e-mail about it.
        let mail = support::outbox(&db).await;
        let mut told: HashMap<(String, i64), usize> = HashMap::new();
        for m in mail
            .iter()
            .filter(|m| m.template_key.as_deref() == Some("relationship-ended"))
        {
            let id = support::link_token(&m.body_text, "/relationships/");
            *told
                .entry((m.to_address.clone(), id.parse().unwrap()))
                .or_default() += 1;
        }
        let emails: HashMap<i64, String> =
            with_db!(&db, pool => sqlx::query_as::<_, (i64, String)>(
            "SELECT id, email FROM users",
        )
        .fetch_all(pool)
        .await
        .unwrap())
            .into_iter()
            .collect();
        for (id, mentor, mentee) in &pairs {
            for member in [mentor, mentee] {
                assert_eq!(
                    told.get(&(emails[member].clone(), *id)),
                    Some(&1),
                    "relationship {id}, member {member}"
                );
            }
        }
        assert_eq!(told.len(), 2 * pairs.len());
        db.close().await;
    }
}
