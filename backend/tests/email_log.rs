//! The e-mail log on SQLite and PostgreSQL: filters, keyset pages, and a CSV of exactly
//! the filtered rows.
mod support;

use backend::auth::recovery;
use backend::db::Db;
use backend::messaging::delivery::apply_event;
use backend::messaging::log::{self, csv_chunk, csv_line, resolve};
use backend::messaging::repo::{insert_emails, NewEmail};
use backend::seed::{demo_program_id, DEMO_MENTEE, DEMO_MENTOR};
use chrono::{Duration, Utc};
use shared::messaging::model::{DeliveryEvent, EmailLogQuery, EmailStatus};

const ZONE: &shared::zone::Zone = &shared::zone::Zone::DEFAULT;

async fn csv_rows(db: &Db, program: i64, query: &EmailLogQuery) -> Vec<String> {
    let (filter, _) = resolve(db, program, ZONE, query).await.unwrap();
    let mut lines = Vec::new();
    let mut cursor = None;
    loop {
        let chunk = csv_chunk(db, &filter, cursor).await.unwrap();
        if chunk.is_empty() {
            break;
        }
        cursor = chunk.last().map(|r| (r.created_at, r.id));
        lines.extend(
            chunk
                .iter()
                .map(|r| csv_line(r, shared::i18n::Lang::En, ZONE)),
        );
    }
    lines
}

#[tokio::test]
async fn filters_pages_and_csv_agree() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let program = demo_program_id(&db).await.unwrap().unwrap();
        for email in [DEMO_MENTOR, DEMO_MENTEE, DEMO_MENTOR] {
            recovery::request_password_reset(&db, "http://t", "ip", email)
                .await
                .unwrap();
        }
        let mail = support::outbox(&db).await;
        apply_event(
            &db,
            &mail[1].tracking_token,
            DeliveryEvent::Bounce,
            "550",
            Utc::now(),
        )
        .await
        .unwrap();

        let by_member = EmailLogQuery {
            members: vec![DEMO_MENTOR.into()],
            ..Default::default()
        };
        let page = log::page(&db, program, ZONE, &by_member).await.unwrap();
        assert_eq!(page.total, 2);
        assert!(page.rows.iter().all(|r| r.to_address == DEMO_MENTOR));
        assert_eq!(page.members.len(), 1, "the chip names the member");
        assert_eq!(csv_rows(&db, program, &by_member).await.len(), 2);

        let bounced_mentee = EmailLogQuery {
            members: vec![DEMO_MENTEE.into(), DEMO_MENTOR.into()],
            statuses: vec![EmailStatus::Bounced],
            ..Default::default()
        };
        let page = log::page(&db, program, ZONE, &bounced_mentee)
            .await
            .unwrap();
        assert_eq!(page.rows.len(), 1);
        assert_eq!(page.rows[0].to_address, DEMO_MENTEE);
        let csv = csv_rows(&db, program, &bounced_mentee).await;
        assert_eq!(csv.len(), 1);
        assert!(csv[0].contains(DEMO_MENTEE) && csv[0].contains("Bounced"));

        let today = Utc::now()
            .with_timezone(&chrono_tz::America::Toronto)
            .date_naive();
        let dated = |from: chrono::NaiveDate, to: chrono::NaiveDate| EmailLogQuery {
            from: Some(from.to_string()),
            to: Some(to.to_string()),
            ..Default::default()
        };
        assert_eq!(
            log::page(&db, program, ZONE, &dated(today, today))
                .await
                .unwrap()
                .total,
            3
        );
        let tomorrow = today + Duration::days(1);
        assert_eq!(
            log::page(&db, program, ZONE, &dated(tomorrow, tomorrow))
                .await
                .unwrap()
                .total,
            0
        );
        let bad = EmailLogQuery {
            from: Some("22/11/2026".into()),
            ..Default::default()
        };
        assert!(log::page(&db, program, ZONE, &bad).await.is_err());
    }
}

#[tokio::test]
async fn keyset_pages_walk_both_ways() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let program = demo_program_id(&db).await.unwrap().unwrap();
        let start = Utc::now() - Duration::hours(5);
        let tokens: Vec<String> = (0..120).map(|i| format!("t{i}")).collect();
        let subjects: Vec<String> = (0..120).map(|i| format!("Message {i:03}")).collect();
        let rows: Vec<NewEmail> = (0..120)
            .map(|i| NewEmail {
                program_id: Some(program),
                user_id: None,
                template_key: None,
                to_address: "x@y.z",
                to_name: "X",
                lang: "en",
                subject: &subjects[i],
                body_text: "",
                body_html: "",
                tracking_token: &tokens[i],
                calendar: None,
                // Pairs share a timestamp, so ties are broken by id.
                now: start + Duration::seconds((i / 2) as i64),
            })
            .collect();
        let mut tx = db.begin().await.unwrap();
        insert_emails(&mut tx, &rows).await.unwrap();
        tx.commit().await.unwrap();

        let first = log::page(&db, program, ZONE, &EmailLogQuery::default())
            .await
            .unwrap();
        assert_eq!(first.rows.len(), 50);
        assert_eq!(first.rows[0].subject, "Message 119");
        assert!(first.newer.is_none());
        let second_q = EmailLogQuery {
            before: first.older.clone(),
            ..Default::default()
        };
        let second = log::page(&db, program, ZONE, &second_q).await.unwrap();
        assert_eq!(second.rows[0].subject, "Message 069");
        let third_q = EmailLogQuery {
            before: second.older.clone(),
            ..Default::default()
        };
        let third = log::page(&db, program, ZONE, &third_q).await.unwrap();
        assert_eq!(third.rows.len(), 20);
        assert_eq!(third.rows.last().unwrap().subject, "Message 000");
        assert!(third.older.is_none());
        let back_q = EmailLogQuery {
            after: third.newer.clone(),
            ..Default::default()
        };
        let back = log::page(&db, program, ZONE, &back_q).await.unwrap();
        assert_eq!(back.rows, second.rows, "newer from page 3 is page 2 again");
        assert_eq!(
            csv_rows(&db, program, &EmailLogQuery::default())
                .await
                .len(),
            120
        );
    }
}
