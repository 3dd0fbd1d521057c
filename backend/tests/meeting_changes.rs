//! Cancelling on both engines: one occurrence, it and the later ones, or the whole
//! series still to come; the others stay as they were, the time is free again, the other
//! participants get one e-mail each, and a stranger is told "not found".
mod support;

use backend::scheduling::booking_page::{booking_offer, ChoiceText};
use backend::scheduling::changes::cancel;
use backend::scheduling::meetings::relationship_meetings;
use backend::scheduling::model::{MeetingStatus, MeetingType, SeriesScope};
use chrono::NaiveDate;
use shared::error::{AppError, Refusal};
use support::scheduling::{book_tuesdays, now, related};
use support::BASE;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn cancellations(mails: &[support::Outbox]) -> Vec<&support::Outbox> {
    mails
        .iter()
        .filter(|e| e.template_key.as_deref() == Some("meeting-cancelled"))
        .collect()
}

#[tokio::test]
async fn cancelling_one_or_the_rest_leaves_the_others_and_frees_the_time() {
    for db in support::databases().await {
        let (m, relationship) = related(db).await;
        let place = (MeetingType::InPerson, "12 Main Street");
        let ids = book_tuesdays(&m, relationship, &m.mentor, 4, place).await;
        let tile = relationship_meetings(&m.db, &m.mentor, relationship, now())
            .await
            .unwrap();
        assert_eq!(ids.len(), 4);
        assert!(tile.upcoming.iter().all(|u| u.can_change));

        let stranger = cancel(
            &m.db,
            BASE,
            &m.other_mentee,
            ids[1],
            SeriesScope::This,
            now(),
        )
        .await;
        assert_eq!(stranger.unwrap_err(), AppError::NotFound);

        let n = cancel(&m.db, BASE, &m.mentee, ids[1], SeriesScope::This, now())
            .await
            .unwrap();
        assert_eq!(n, 1);
        let tile = relationship_meetings(&m.db, &m.mentor, relationship, now())
            .await
            .unwrap();
        let days: Vec<u32> = tile.upcoming.iter().map(|u| u.start.day).collect();
        assert_eq!(days, vec![6, 20, 27], "the others are untouched");
        assert_eq!(tile.past.len(), 1);
        assert_eq!(tile.past[0].status, MeetingStatus::Cancelled);
        assert!(!tile.past[0].can_change);
        let again = cancel(&m.db, BASE, &m.mentor, ids[1], SeriesScope::This, now()).await;
        assert_eq!(
            again.unwrap_err(),
            AppError::Refused(Refusal::MeetingCancelled)
        );

        // The 13th at 10:00 is free again.
        let month = ChoiceText {
            month: "2026-10".into(),
            ..ChoiceText::default()
        };
        let offer = booking_offer(&m.db, &m.mentee, relationship, &month, now())
            .await
            .unwrap();
        let free: Vec<u16> = offer
            .day(day(10, 13))
            .unwrap()
            .slots
            .iter()
            .map(|s| s.minute)
            .collect();
        assert!(free.contains(&600), "{free:?}");
        let taken: Vec<u16> = offer
            .day(day(10, 20))
            .unwrap()
            .slots
            .iter()
            .map(|s| s.minute)
            .collect();
        assert!(!taken.contains(&600), "{taken:?}");

        // Both members are told, once each: the mentor (French, the organiser) that the
        // mentee cancelled, and the mentee, their record of it.
        let mails = support::outbox(&m.db).await;
        let all = cancellations(&mails);
        assert_eq!(all.len(), 2);
        let sent: Vec<_> = all
            .into_iter()
            .filter(|e| e.to_address == "mona@invitations.test")
            .collect();
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0].subject, "Réunion de mentorat annulée");
        assert!(
            sent[0]
                .body_text
                .contains("a annulé une réunion de mentorat"),
            "{}",
            sent[0].body_text
        );
        assert!(sent[0].body_text.contains("13 oct. 2026 à 10 h 00"));
        assert!(sent[0].body_text.contains("12 Main Street"));

        let n = cancel(
            &m.db,
            BASE,
            &m.mentor,
            ids[2],
            SeriesScope::Following,
            now(),
        )
        .await
        .unwrap();
        assert_eq!(n, 2);
        let tile = relationship_meetings(&m.db, &m.mentee, relationship, now())
            .await
            .unwrap();
        assert_eq!(tile.upcoming.len(), 1);
        assert_eq!(tile.upcoming[0].start.day, 6);
        let mails = support::outbox(&m.db).await;
        assert_eq!(cancellations(&mails).len(), 4);
        let to_mentee: Vec<_> = cancellations(&mails)
            .into_iter()
            .filter(|e| e.to_address == "eli@invitations.test")
            .collect();
        assert_eq!(to_mentee.len(), 2);
        let latest = to_mentee
            .iter()
            .find(|e| e.body_text.contains("cancelled 2 mentoring meetings"))
            .unwrap();
        assert_eq!(latest.subject, "Mentoring meeting cancelled");
        assert!(latest.body_text.contains("Oct 20, 2026, 10:00 AM"));

        let admin = support::admin_scope(&m.db).await;
        let n = cancel(&m.db, BASE, &admin, ids[0], SeriesScope::All, now())
            .await
            .unwrap();
        assert_eq!(n, 1);
        let tile = relationship_meetings(&m.db, &m.mentee, relationship, now())
            .await
            .unwrap();
        assert!(tile.upcoming.is_empty());
        assert_eq!(tile.past.len(), 4);
        assert_eq!(
            cancellations(&support::outbox(&m.db).await).len(),
            6,
            "both members told of the administrator's cancellation"
        );
    }
}
