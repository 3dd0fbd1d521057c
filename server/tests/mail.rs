//! The outbox worker against a local SMTP sink, on both databases: language, multipart,
//! relay answers (4xx deferred, 5xx bounced), and a worker killed mid-batch.
#[path = "common/smtp.rs"]
mod smtp;
#[path = "../../backend/tests/support/smtp_sink.rs"]
mod smtp_sink;
#[path = "../../backend/tests/support/mod.rs"]
mod support;

use backend::auth::recovery;
use backend::db::Db;
use backend::seed::{demo_program_id, DEMO_MENTEE, DEMO_MENTOR};
use chrono::{Duration, Utc};
use server::mailer::{MailWorker, WorkerOptions};
use shared::auth::model::Role;
use smtp::settings;
use smtp_sink::SmtpSink;
use std::collections::HashSet;

const BASE: &str = "http://mentora.test";

#[derive(Debug, sqlx::FromRow)]
struct EmailRow {
    to_address: String,
    status: String,
    lang: String,
    subject: String,
    tracking_token: String,
    next_attempt_at: chrono::DateTime<Utc>,
}

async fn emails(db: &Db) -> Vec<EmailRow> {
    backend::with_db!(db, pool => sqlx::query_as::<_, EmailRow>(
        "SELECT to_address, status, lang, subject, tracking_token, next_attempt_at FROM emails ORDER BY id",
    )
    .fetch_all(pool)
    .await
    .unwrap())
}

async fn reset(db: &Db, email: &str) {
    recovery::request_password_reset(db, BASE, &format!("ip-{email}"), email)
        .await
        .unwrap();
}

#[tokio::test]
async fn sends_in_the_recipients_language_and_records_the_relays_answer() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let program = demo_program_id(&db).await.unwrap().unwrap();
        support::add_member(&db, program, "defer-me@mail.test", "en", Role::Mentor).await;
        support::add_member(&db, program, "bounce-me@mail.test", "en", Role::Mentee).await;
        for email in [
            DEMO_MENTOR,
            DEMO_MENTEE,
            "defer-me@mail.test",
            "bounce-me@mail.test",
        ] {
            reset(&db, email).await;
        }
        let sink = SmtpSink::start().await;
        let worker =
            MailWorker::new(db.clone(), settings(&sink), WorkerOptions::default()).unwrap();
        assert_eq!(worker.run_once().await.unwrap(), 4);
        assert_eq!(
            worker.run_once().await.unwrap(),
            0,
            "nothing is due any more"
        );

        let received = sink.received();
        assert_eq!(received.len(), 2, "{received:?}");
        let rows = emails(&db).await;
        let row = |address: &str| rows.iter().find(|r| r.to_address == address).unwrap();
        assert_eq!(row(DEMO_MENTOR).status, "sent");
        assert_eq!(row(DEMO_MENTOR).lang, "en");
        assert!(row(DEMO_MENTOR).subject.starts_with("Reset your"));
        assert_eq!(row(DEMO_MENTEE).status, "sent");
        assert_eq!(row(DEMO_MENTEE).lang, "fr");
        assert!(row(DEMO_MENTEE).subject.starts_with("Réinitialisez"));
        let deferred = row("defer-me@mail.test");
        assert_eq!(deferred.status, "deferred");
        assert!(deferred.next_attempt_at > Utc::now() + Duration::seconds(20));
        assert_eq!(row("bounce-me@mail.test").status, "bounced");

        let to_mentee = received.iter().find(|m| m.to == [DEMO_MENTEE]).unwrap();
        assert!(to_mentee.data.contains("multipart/alternative"));
        assert!(to_mentee.data.contains("text/plain") && to_mentee.data.contains("text/html"));
        assert_eq!(
            to_mentee.header("Message-ID").unwrap(),
            format!("<{}@mentora.test>", row(DEMO_MENTEE).tracking_token)
        );
    }
}

#[tokio::test]
async fn a_worker_killed_mid_batch_neither_loses_nor_repeats_a_message() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let program = demo_program_id(&db).await.unwrap().unwrap();
        let mut addresses = Vec::new();
        for i in 0..8 {
            let email = format!("member{i}@mail.test");
            support::add_member(&db, program, &email, "en", Role::Mentee).await;
            reset(&db, &email).await;
            addresses.push(email);
        }
        let sink = SmtpSink::start().await;
        // The third message is received in full but never acknowledged...
        sink.hold_message(3);
        let options = WorkerOptions {
            lease: Duration::seconds(1),
            idle_poll: std::time::Duration::from_millis(100),
            ..WorkerOptions::default()
        };
        let worker = MailWorker::new(db.clone(), settings(&sink), options.clone()).unwrap();
        let running = tokio::spawn(worker.run());
        assert!(sink.wait_until(20, |s| s.is_holding()).await);
        // ...because the worker dies right then.
        running.abort();
        let _ = running.await;
        sink.hang_up();
        assert!(sink.wait_until(20, |s| !s.is_holding()).await);
        assert_eq!(sink.received().len(), 2);

        let restarted = MailWorker::new(db.clone(), settings(&sink), options).unwrap();
        let running = tokio::spawn(restarted.run());
        assert!(sink.wait_until(30, |s| s.received().len() >= 8).await);
        // Give a duplicate every chance to show up.
        tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
        running.abort();

        let received = sink.received();
        assert_eq!(received.len(), 8, "every message exactly once");
        let ids: HashSet<String> = received
            .iter()
            .map(|m| m.header("Message-ID").unwrap())
            .collect();
        assert_eq!(ids.len(), 8);
        let recipients: HashSet<&str> = received.iter().map(|m| m.to[0].as_str()).collect();
        assert_eq!(recipients.len(), 8);
        assert!(emails(&db).await.iter().all(|r| r.status == "sent"));
    }
}

#[tokio::test]
async fn a_poisoned_message_fails_alone_and_nothing_typed_breaks_a_header() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let program = demo_program_id(&db).await.unwrap().unwrap();
        for email in ["first@mail.test", "poison@mail.test", "last@mail.test"] {
            support::add_member(&db, program, email, "en", Role::Mentee).await;
            reset(&db, email).await;
        }
        // What older data or a future bug could leave in the outbox: a recipient name and
        // a subject with line breaks (they once made lettre panic and the worker die), and
        // an address no relay can take.
        backend::with_db!(&db, pool => {
            sqlx::query(
                "UPDATE emails SET to_name = 'Multi\r\nLine', subject = 'Hi\r\nBcc: evil@evil.test'
                 WHERE to_address = 'first@mail.test'",
            )
            .execute(pool)
            .await
            .unwrap();
            sqlx::query(
                "UPDATE emails SET to_address = 'poison@mail.test\r\nBcc: evil@evil.test'
                 WHERE to_address = 'poison@mail.test'",
            )
            .execute(pool)
            .await
            .unwrap();
        });
        let sink = SmtpSink::start().await;
        let worker =
            MailWorker::new(db.clone(), settings(&sink), WorkerOptions::default()).unwrap();
        assert_eq!(worker.run_once().await.unwrap(), 3);

        let received = sink.received();
        let to: Vec<&str> = received.iter().map(|m| m.to[0].as_str()).collect();
        assert_eq!(to, ["first@mail.test", "last@mail.test"], "{}", db.engine());
        let first = &received[0];
        assert_eq!(
            first.header("To").unwrap(),
            "\"Multi Line\" <first@mail.test>"
        );
        assert_eq!(first.header("Subject").unwrap(), "Hi Bcc: evil@evil.test");
        assert!(first.header("Bcc").is_none(), "no header was injected");

        #[derive(sqlx::FromRow)]
        struct Failed {
            status: String,
            last_error: Option<String>,
        }
        let poisoned = backend::with_db!(&db, pool => sqlx::query_as::<_, Failed>(
            "SELECT status, last_error FROM emails WHERE to_address LIKE 'poison@%'",
        )
        .fetch_one(pool)
        .await
        .unwrap());
        assert_eq!(poisoned.status, "failed");
        assert!(
            poisoned
                .last_error
                .as_deref()
                .is_some_and(|e| e.contains("invalid recipient address")),
            "{:?}",
            poisoned.last_error
        );
    }
}
