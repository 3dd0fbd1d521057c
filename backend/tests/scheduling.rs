//! Scheduling on both engines: availability is saved whole or not at all; a weekly
//! series booked across a DST change is stored at the instants its zone gives; the slot
//! picker stops offering a booked time; bad bookings are refused, naming their field, and
//! write nothing; two bookings of one slot at once give one meeting; answers are kept per
//! occurrence.
mod support;

use backend::auth::authz::MemberScope;
use backend::db::Db;
use backend::scheduling::availability_service as availability;
use backend::scheduling::booking::{answer, book, offer, Booking, OfferAsk};
use backend::scheduling::model::{Answer, Frequency, MeetingType, SeriesScope, Window};
use backend::scheduling::recurrence::{Rule, SeriesEnd};
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use shared::error::{AppError, Refusal, ValidationCode};
use support::people::id;
use support::scheduling::{now, related, tuesday_mornings};
use support::BASE;

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    day(y, m, d).and_hms_opt(h, min, 0).unwrap()
}

fn weekly(count: u32) -> Rule {
    Rule {
        frequency: Frequency::Weekly,
        end: SeriesEnd::Count(count),
    }
}

fn video(first: NaiveDateTime, rule: Rule) -> Booking {
    Booking {
        first,
        minutes: 30,
        rule,
        meeting_type: MeetingType::Video,
        location: String::new(),
        agenda: "Getting started".into(),
        skip: vec![],
        admin_attends: false,
    }
}

async fn meetings(db: &Db) -> i64 {
    support::count(
        db,
        &format!(
            "SELECT COUNT(*) FROM meetings WHERE {}",
            support::scheduling::TEST_PAIRS
        ),
    )
    .await
}

async fn stored_starts(db: &Db) -> Vec<DateTime<Utc>> {
    let sql = format!(
        "SELECT starts_at FROM meetings WHERE state = 'scheduled' AND {} ORDER BY starts_at",
        support::scheduling::TEST_PAIRS
    );
    backend::with_db!(db, pool => sqlx::query_scalar(sqlx::AssertSqlSafe(sql.clone()))
    .fetch_all(pool)
    .await
    .unwrap())
}

fn refusal(result: Result<i64, AppError>) -> AppError {
    result.expect_err("refused")
}

#[tokio::test]
async fn availability_is_saved_whole_or_not_at_all() {
    for db in support::databases().await {
        let (m, _) = related(db).await;
        let overlapping = [
            Window {
                weekday: 2,
                start: 600,
                end: 720,
            },
            Window {
                weekday: 2,
                start: 690,
                end: 800,
            },
        ];
        let err = availability::save_windows(&m.db, &m.mentor, &overlapping)
            .await
            .unwrap_err();
        assert_eq!(
            err,
            AppError::validation("wednesday", ValidationCode::Overlap)
        );
        let seen = availability::view(&m.db, &m.mentor, now()).await.unwrap();
        assert_eq!(seen.windows, tuesday_mornings(), "the earlier week is kept");
        assert_eq!(
            seen.zone_label.generic.as_deref(),
            Some("zone-generic-eastern")
        );
    }
}

#[tokio::test]
async fn a_weekly_series_across_dst_is_stored_at_its_zones_instants() {
    for db in support::databases().await {
        let (m, relationship) = related(db).await;
        // Tuesdays 10:00 Toronto from 20 October 2026; the clocks go back on 1 November.
        let first = local(2026, 10, 20, 10, 0);
        book(
            &m.db,
            BASE,
            &m.mentee,
            relationship,
            &video(first, weekly(4)),
            now(),
        )
        .await
        .unwrap();
        assert_eq!(
            stored_starts(&m.db).await,
            vec![
                utc(2026, 10, 20, 14, 0),
                utc(2026, 10, 27, 14, 0),
                utc(2026, 11, 3, 15, 0),
                utc(2026, 11, 10, 15, 0)
            ]
        );
        // The booked time is no longer offered; the half hour after it is.
        let ask = OfferAsk {
            minutes: 30,
            rule: Rule::ONCE,
            first_day: day(2026, 11, 3),
            last_day: day(2026, 11, 3),
        };
        let offered = offer(&m.db, &m.mentor, relationship, &ask, now())
            .await
            .unwrap();
        let minutes: Vec<u16> = offered[0].slots.iter().map(|s| s.minute).collect();
        assert_eq!(minutes, vec![540, 570, 630, 660, 690]);
        // A second series on the same Tuesdays collides; the picker names the dates.
        let ask = OfferAsk {
            rule: weekly(3),
            first_day: day(2026, 10, 13),
            last_day: day(2026, 10, 13),
            ..ask
        };
        let offered = offer(&m.db, &m.mentor, relationship, &ask, now())
            .await
            .unwrap();
        let ten = offered[0].slots.iter().find(|s| s.minute == 600).unwrap();
        assert_eq!(ten.conflicts, vec![day(2026, 10, 20), day(2026, 10, 27)]);
        // Booking it without leaving those dates out is refused; leaving them out books
        // the rest.
        let again = video(local(2026, 10, 13, 10, 0), weekly(3));
        let err = refusal(book(&m.db, BASE, &m.mentor, relationship, &again, now()).await);
        assert_eq!(err, AppError::Refused(Refusal::SlotTaken));
        let rest = Booking {
            skip: vec![day(2026, 10, 20), day(2026, 10, 27)],
            ..again
        };
        book(&m.db, BASE, &m.mentor, relationship, &rest, now())
            .await
            .unwrap();
        assert_eq!(stored_starts(&m.db).await.len(), 5);
        assert_eq!(
            meetings(&m.db).await,
            7,
            "the two left out are kept as exceptions"
        );
    }
}

#[tokio::test]
async fn bad_bookings_name_their_field_and_write_nothing() {
    for db in support::databases().await {
        let (m, relationship) = related(db).await;
        let tuesday = local(2026, 10, 20, 10, 0);
        let cases: Vec<(Booking, AppError)> = vec![
            (
                video(local(2026, 9, 1, 10, 0), Rule::ONCE),
                AppError::validation("start", ValidationCode::InPast),
            ),
            (
                video(tuesday, weekly(10_000)),
                AppError::validation("occurrences", ValidationCode::OccurrencesOutOfRange),
            ),
            (
                video(tuesday, weekly(0)),
                AppError::validation("occurrences", ValidationCode::OccurrencesOutOfRange),
            ),
            (
                Booking {
                    minutes: 25,
                    ..video(tuesday, Rule::ONCE)
                },
                AppError::validation("duration", ValidationCode::InvalidChoice),
            ),
            (
                video(local(2026, 10, 20, 14, 0), Rule::ONCE),
                AppError::Refused(Refusal::SlotTaken),
            ),
            (
                Booking {
                    meeting_type: MeetingType::InPerson,
                    ..video(tuesday, Rule::ONCE)
                },
                AppError::validation("location", ValidationCode::Required),
            ),
        ];
        for (booking, expected) in cases {
            let err = refusal(book(&m.db, BASE, &m.mentee, relationship, &booking, now()).await);
            assert_eq!(err, expected, "{booking:?}");
        }
        // Someone outside the relationship cannot book for it, nor learn it exists.
        let err = refusal(
            book(
                &m.db,
                BASE,
                &m.other_mentee,
                relationship,
                &video(tuesday, Rule::ONCE),
                now(),
            )
            .await,
        );
        assert_eq!(err, AppError::NotFound);
        assert_eq!(meetings(&m.db).await, 0);
    }
}

#[tokio::test]
async fn two_bookings_of_one_slot_at_once_give_one_meeting() {
    for db in support::databases().await {
        let (m, relationship) = related(db).await;
        let slot = video(local(2026, 10, 20, 10, 0), Rule::ONCE);
        let (a, b) = tokio::join!(
            book(&m.db, BASE, &m.mentee, relationship, &slot, now()),
            book(&m.db, BASE, &m.mentor, relationship, &slot, now()),
        );
        let mut outcomes = [a.is_ok(), b.is_ok()];
        outcomes.sort();
        assert_eq!(outcomes, [false, true], "{a:?} {b:?}");
        let loser = if a.is_err() { a } else { b };
        assert_eq!(loser.unwrap_err(), AppError::Refused(Refusal::SlotTaken));
        assert_eq!(meetings(&m.db).await, 1);
    }
}

async fn answers_of(db: &Db, user: &MemberScope) -> Vec<String> {
    let user = id(user);
    backend::with_db!(db, pool => sqlx::query_scalar(
        "SELECT a.answer FROM meeting_attendees a JOIN meetings m ON m.id = a.meeting_id
         WHERE a.user_id = $1 ORDER BY m.starts_at",
    )
    .bind(user)
    .fetch_all(pool)
    .await
    .unwrap())
}

#[tokio::test]
async fn the_organiser_has_accepted_and_the_partner_answers_one_or_the_rest() {
    for db in support::databases().await {
        let (m, relationship) = related(db).await;
        book(
            &m.db,
            BASE,
            &m.mentee,
            relationship,
            &video(local(2026, 10, 20, 10, 0), weekly(4)),
            now(),
        )
        .await
        .unwrap();
        assert_eq!(answers_of(&m.db, &m.mentee).await, vec!["accepted"; 4]);
        assert_eq!(answers_of(&m.db, &m.mentor).await, vec!["none"; 4]);
        let sql = format!(
            "SELECT id FROM meetings WHERE {} ORDER BY starts_at",
            support::scheduling::TEST_PAIRS
        );
        let ids: Vec<i64> = backend::with_db!(&m.db, pool => sqlx::query_scalar(
            sqlx::AssertSqlSafe(sql.clone()),
        )
        .fetch_all(pool)
        .await
        .unwrap());
        answer(
            &m.db,
            BASE,
            &m.mentor,
            ids[0],
            Answer::Maybe,
            SeriesScope::This,
            now(),
        )
        .await
        .unwrap();
        answer(
            &m.db,
            BASE,
            &m.mentor,
            ids[1],
            Answer::Accepted,
            SeriesScope::Following,
            now(),
        )
        .await
        .unwrap();
        assert_eq!(
            answers_of(&m.db, &m.mentor).await,
            vec!["maybe", "accepted", "accepted", "accepted"]
        );
        // Each answer reaches both members' inboxes (the one who answered keeps a
        // record); the organiser is also notified. Giving the same answer again changes
        // nothing and tells no one.
        answer(
            &m.db,
            BASE,
            &m.mentor,
            ids[2],
            Answer::Accepted,
            SeriesScope::This,
            now(),
        )
        .await
        .unwrap();
        let answered: Vec<(String, String)> = support::outbox(&m.db)
            .await
            .into_iter()
            .filter(|e| e.template_key.as_deref() == Some("meeting-answered"))
            .map(|e| (e.to_address, e.body_text))
            .collect();
        assert_eq!(answered.len(), 4, "{answered:?}");
        let to_mentee: Vec<&String> = answered
            .iter()
            .filter(|(to, _)| to == "eli@invitations.test")
            .map(|(_, body)| body)
            .collect();
        assert_eq!(to_mentee.len(), 2);
        assert!(
            to_mentee
                .iter()
                .any(|b| b.contains("Test mona answered \"Accepted\" for 3 mentoring meetings")),
            "{to_mentee:?}"
        );
        let told = backend::notifications::service::my_notifications(&m.db, &m.mentee)
            .await
            .unwrap();
        let kinds: Vec<_> = told.items.iter().map(|n| (n.kind, n.count)).collect();
        use backend::notifications::model::NotificationKind;
        assert_eq!(
            kinds,
            vec![
                (NotificationKind::MeetingAccepted, 3),
                (NotificationKind::MeetingMaybe, 1)
            ]
        );
        // A stranger's answer is "not found"; an answer to a meeting that is over is refused.
        let err = answer(
            &m.db,
            BASE,
            &m.other_mentee,
            ids[0],
            Answer::Accepted,
            SeriesScope::This,
            now(),
        )
        .await
        .unwrap_err();
        assert_eq!(err, AppError::NotFound);
        let later = utc(2026, 12, 1, 0, 0);
        let err = answer(
            &m.db,
            BASE,
            &m.mentor,
            ids[0],
            Answer::Declined,
            SeriesScope::This,
            later,
        )
        .await
        .unwrap_err();
        assert_eq!(err, AppError::Refused(Refusal::MeetingOver));
    }
}
