//! Meeting reminders, on both engines: the morning reminder of unanswered meetings comes
//! at 06:00 on the recipient's clock, once a day, listing every meeting they have not
//! answered, never to the organiser, never twice (a second pass, two passes at once), and
//! stops once they answer; the reminder before an accepted meeting comes once to each
//! participant, in their language and on their clock.
mod support;

use backend::scheduling::booking::answer;
use backend::scheduling::model::{Answer, MeetingType, SeriesScope};
use backend::scheduling::reminder_pass::send_reminders;
use chrono::{TimeZone, Utc};
use support::scheduling::{book_tuesdays, now, related};
use support::BASE;

fn utc(month: u32, day: u32, hour: u32, minute: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, month, day, hour, minute, 0)
        .unwrap()
}

async fn reminders_to(db: &backend::db::Db, to: &str) -> Vec<String> {
    mails(db, to, "meeting-reminder").await
}

async fn mails(db: &backend::db::Db, to: &str, template: &str) -> Vec<String> {
    support::outbox(db)
        .await
        .into_iter()
        .filter(|m| m.to_address == to && m.template_key.as_deref() == Some(template))
        .map(|m| m.body_text)
        .collect()
}

#[tokio::test]
async fn the_morning_reminder_lists_unanswered_meetings_once_a_day_from_six_their_time() {
    for db in support::databases().await {
        let (m, relationship) = related(db).await;
        // Booked by the mentor on 1 October (12:00 UTC): three Tuesdays at 10:00 Toronto.
        let ids = book_tuesdays(&m, relationship, &m.mentor, 3, (MeetingType::Video, "")).await;
        let mentee = "eli@invitations.test";

        // 05:59 in Toronto on 2 October is 09:59 UTC: not yet.
        let sent = send_reminders(&m.db, BASE, 24, utc(10, 2, 9, 59))
            .await
            .unwrap();
        assert_eq!(sent.mornings, 0);
        let sent = send_reminders(&m.db, BASE, 24, utc(10, 2, 10, 0))
            .await
            .unwrap();
        assert_eq!(sent.mornings, 1, "the mentee only: the organiser accepted");
        let bodies = reminders_to(&m.db, mentee).await;
        assert_eq!(bodies.len(), 1);
        assert!(bodies[0].contains("3 mentoring meetings"), "{}", bodies[0]);
        for day in [
            "Oct 6, 2026, 10:00 AM",
            "Oct 13, 2026, 10:00 AM",
            "Oct 20, 2026, 10:00 AM",
        ] {
            assert!(bodies[0].contains(day), "{day} in {}", bodies[0]);
        }
        assert!(reminders_to(&m.db, "mona@invitations.test")
            .await
            .is_empty());

        // Later that day, and two instances at once the next morning: one each day.
        let again = send_reminders(&m.db, BASE, 24, utc(10, 2, 15, 0))
            .await
            .unwrap();
        assert_eq!(again.mornings, 0);
        let next = utc(10, 3, 10, 5);
        let (a, b) = tokio::join!(
            send_reminders(&m.db, BASE, 24, next),
            send_reminders(&m.db, BASE, 24, next)
        );
        assert_eq!(a.unwrap().mornings + b.unwrap().mornings, 1);
        assert_eq!(reminders_to(&m.db, mentee).await.len(), 2);

        // Answered: no more reminders.
        answer(
            &m.db,
            BASE,
            &m.mentee,
            ids[0],
            Answer::Accepted,
            SeriesScope::All,
            now(),
        )
        .await
        .unwrap();
        let after = send_reminders(&m.db, BASE, 24, utc(10, 4, 10, 5))
            .await
            .unwrap();
        assert_eq!(after.mornings, 0);
        assert_eq!(reminders_to(&m.db, mentee).await.len(), 2);

        // Accepted by both: each hears of the first 24 hours before (14:00 UTC on the 5th
        // for 10:00 Toronto on the 6th), once.
        let early = send_reminders(&m.db, BASE, 24, utc(10, 5, 13, 59))
            .await
            .unwrap();
        assert_eq!(early.before, 0);
        let (a, b) = tokio::join!(
            send_reminders(&m.db, BASE, 24, utc(10, 5, 14, 0)),
            send_reminders(&m.db, BASE, 24, utc(10, 5, 14, 0))
        );
        assert_eq!(a.unwrap().before + b.unwrap().before, 2);
        let upcoming = mails(&m.db, mentee, "meeting-upcoming").await;
        assert_eq!(upcoming.len(), 1);
        assert!(
            upcoming[0].contains("Oct 6, 2026, 10:00 AM"),
            "{}",
            upcoming[0]
        );
        let french = mails(&m.db, "mona@invitations.test", "meeting-upcoming").await;
        assert_eq!(french.len(), 1);
        assert!(french[0].contains("6 oct. 2026 à 10 h 00"), "{}", french[0]);
        let later = send_reminders(&m.db, BASE, 24, utc(10, 6, 13, 0))
            .await
            .unwrap();
        assert_eq!(later.before, 0, "the next one is a week away");
        // None at all when the operator sets 0 hours.
        let off = send_reminders(&m.db, BASE, 0, utc(10, 12, 14, 30))
            .await
            .unwrap();
        assert_eq!(off.before, 0);
    }
}
