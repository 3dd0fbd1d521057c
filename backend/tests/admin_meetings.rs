//! The administrator's meetings on both engines: the Relationships page's hours, held
//! meetings and next meeting per pair, and the Meetings tab (who sent it, the time on the
//! administrator's clock, the status, each participant's answer; the name search with its
//! "filtered from" total, the date order both ways, the page sizes) and its CSV, read
//! back by a standard CSV reader, holding exactly the rows found.
mod support;

use backend::members::filter::parse_query;
use backend::members::index::{search_members, MemberIndexes, MemberSearch};
use backend::scheduling::admin_http::record;
use backend::scheduling::admin_meetings::{found_meetings, meetings_page, relationships_page};
use backend::scheduling::changes::cancel;
use backend::scheduling::model::{Answer, MeetingStatus, MeetingType, SeriesScope};
use chrono::Duration;
use shared::i18n::Lang;
use shared::relationships::admin::RelationshipsQuery;
use shared::scheduling::admin::MeetingsQuery;
use support::scheduling::{book_tuesdays, now, related};
use support::BASE;

fn query(text: &str) -> MeetingsQuery {
    MeetingsQuery::parse(text).unwrap()
}

#[tokio::test]
async fn the_meetings_tab_lists_searches_orders_and_exports_the_programs_meetings() {
    for db in support::databases().await {
        let (m, relationship) = related(db).await;
        let admin = support::admin_scope(&m.db).await;
        // Three weekly 30-minute meetings on Tuesdays at 10:00 Toronto from 6 October,
        // booked by the mentee; the second is cancelled by the mentor.
        let ids = book_tuesdays(&m, relationship, &m.mentee, 3, (MeetingType::Video, "")).await;
        cancel(&m.db, BASE, &m.mentor, ids[1], SeriesScope::This, now())
            .await
            .unwrap();

        // On the 15th of October the first is held, the second cancelled, the third next.
        // (The demo program's own meetings are found by no search for these members.)
        let later = now() + Duration::days(14);
        let all = meetings_page(&m.db, &admin, &MeetingsQuery::default(), later)
            .await
            .unwrap();
        let demo = all.total - 3;
        assert_eq!(demo, 8, "the demo's two pairs met four times each");
        assert_eq!(all.found(), all.total);
        let page = meetings_page(&m.db, &admin, &query("q=invitations.test"), later)
            .await
            .unwrap();
        assert_eq!((page.total, page.found()), (demo + 3, 3));
        let statuses: Vec<MeetingStatus> = page.rows.iter().map(|r| r.status).collect();
        assert_eq!(
            statuses,
            vec![
                MeetingStatus::Scheduled,
                MeetingStatus::Cancelled,
                MeetingStatus::Held
            ],
            "the latest first"
        );
        let held = &page.rows[2];
        assert_eq!(
            (held.mentor_name.as_str(), held.mentee_name.as_str()),
            ("Test mona", "Test eli")
        );
        assert_eq!(held.sender_name, "Test eli");
        // The administrator's clock: the demo administrator's zone.
        let zone = admin.session.viewer.time_zone;
        let start = shared::i18n::LocalDateTime::from_utc(
            chrono::DateTime::parse_from_rfc3339("2026-10-06T14:00:00Z")
                .unwrap()
                .to_utc(),
            &zone,
        );
        assert_eq!((held.start, held.minutes), (start, 30));
        // The mentee booked (✓); the mentor has not answered (?). Sorted by name.
        let answers: Vec<(&str, Answer)> = held
            .participants
            .iter()
            .map(|p| (p.name.as_str(), p.answer))
            .collect();
        assert_eq!(
            answers,
            vec![
                ("Test eli", Answer::Accepted),
                ("Test mona", Answer::Pending)
            ]
        );

        let earliest = meetings_page(&m.db, &admin, &query("q=eli&dir=asc"), later)
            .await
            .unwrap();
        assert_eq!(earliest.rows[0].id, ids[0]);
        assert_eq!(earliest.rows[2].id, ids[2]);

        // The name search, without accents or case; "filtered from" the program's total.
        let other = meetings_page(&m.db, &admin, &query("q=ORA"), later)
            .await
            .unwrap();
        assert_eq!((other.found(), other.rows.len()), (0, 0));
        assert_eq!(other.total, demo + 3);
        let found = meetings_page(&m.db, &admin, &query("q=mona"), later)
            .await
            .unwrap();
        assert_eq!(found.found(), 3);
        assert_eq!(
            found.counts.all, 1,
            "the relationship tabs follow the search"
        );

        // A page past the end shows the last one.
        let paged = meetings_page(&m.db, &admin, &query("q=mona&size=10&page=4"), later)
            .await
            .unwrap();
        assert_eq!((paged.page, paged.page_count, paged.rows.len()), (1, 1, 3));
        assert_eq!(paged.shown(10), (1, 3));

        // The Relationships page: one held meeting of 30 minutes, the next on the 20th.
        let mona = RelationshipsQuery::parse("q=mona").unwrap();
        let relationships = relationships_page(&m.db, &admin, &mona, later)
            .await
            .unwrap();
        let row = relationships
            .rows
            .iter()
            .find(|r| r.id == relationship)
            .unwrap();
        assert_eq!((row.held, row.held_minutes), (1, 30));
        assert_eq!(row.next_meeting.map(|n| (n.month, n.day)), Some((10, 20)));
        assert_eq!(relationships.counts.meetings, 3);
        let after_all = relationships_page(&m.db, &admin, &mona, later + Duration::days(30))
            .await
            .unwrap();
        let row = after_all
            .rows
            .iter()
            .find(|r| r.id == relationship)
            .unwrap();
        assert_eq!(
            (row.held, row.held_minutes, row.next_meeting),
            (2, 60, None)
        );

        // The CSV holds exactly the rows found, in the tab's order.
        let found = found_meetings(&m.db, &admin, &query("q=eli&dir=asc"), later)
            .await
            .unwrap();
        let rows = found.rows(&m.db, &zone, 0..1_000).await.unwrap();
        let text: String = rows.iter().map(|r| record(r, Lang::En)).collect();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        assert_eq!(records.len(), 3);
        assert_eq!(&records[0][7], "Held");
        assert_eq!(&records[1][7], "Cancelled");
        assert_eq!(&records[0][8], "✓ Test eli; ? Test mona");
        assert_eq!(&records[0][3], "2026-10-06");
        let none = found_meetings(&m.db, &admin, &query("q=nobody"), later)
            .await
            .unwrap();
        assert!(none.meetings.is_empty());

        // The members table's hours, from the same index every instance keeps: 30 minutes
        // on the 15th, 60 once the third is over; a meeting logged by hand adds its time.
        let indexes = MemberIndexes::default();
        let hours = |when, query: &'static str| {
            let (db, indexes) = (&m.db, &indexes);
            async move {
                let filter = parse_query(query).unwrap();
                let search = MemberSearch {
                    filter: &filter,
                    joined_since: None,
                    signed_in_since: None,
                    now: when,
                    limit: 50,
                    offset: 0,
                };
                let (rows, _) = search_members(db, indexes, admin.program_id, &search)
                    .await
                    .unwrap();
                let mut found: Vec<(String, u32)> = rows
                    .into_iter()
                    .filter(|r| r.email.ends_with("@invitations.test"))
                    .map(|r| (r.first_name + " " + &r.last_name, r.mentoring_minutes))
                    .collect();
                found.sort();
                found
            }
        };
        let pair = |minutes| {
            vec![
                ("Test eli".to_string(), minutes),
                ("Test mona".to_string(), minutes),
            ]
        };
        assert_eq!(hours(later, "q=invitations.test&sort=hours").await.len(), 3);
        assert_eq!(
            hours(later, "hours_max=0&q=invitations").await,
            vec![("Test ora".to_string(), 0)]
        );
        assert!(hours(later, "hours_min=1").await.is_empty());
        let after_all = later + Duration::days(30);
        assert_eq!(hours(after_all, "hours_min=1").await, pair(60));
        backend::with_db!(&m.db, pool => sqlx::query(
            "INSERT INTO logged_meetings (program_id, relationship_id, held_on_day, duration_minutes, meeting_type, note, created_at)
             VALUES ($1, $2, '2026-10-02', 45, 'phone', '', $3)",
        )
        .bind(admin.program_id)
        .bind(relationship)
        .bind(now())
        .execute(pool)
        .await
        .map(|_| ())
        .unwrap());
        assert_eq!(hours(after_all, "hours_min=1").await, pair(105));
        let minutes = backend::members::index::mentoring_minutes(
            &m.db,
            &indexes,
            admin.program_id,
            m.mentor.session.viewer.user_id,
            later,
        )
        .await
        .unwrap();
        assert_eq!(minutes, 30 + 45);
    }
}
