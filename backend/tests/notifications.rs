//! In-app notifications on both engines: a booking notifies the invited member, a move or
//! a cancellation the other participants (never the one who made it), in the same
//! transaction as the e-mails; each member reads only their own, in their program, on
//! their clock; "Mark all as read" clears the count the session carries to the bell.
mod support;

use backend::notifications::model::NotificationKind;
use backend::notifications::repo::{insert, NewNotification};
use backend::notifications::service::{mark_all_read, my_notifications};
use backend::scheduling::changes::cancel;
use backend::scheduling::model::{MeetingType, SeriesScope};
use chrono::{NaiveDate, TimeZone, Utc};
use shared::i18n::LocalDateTime;
use support::people::id;
use support::scheduling::{at, book_tuesdays, move_alone, now, related};
use support::BASE;

fn kinds(list: &shared::notifications::model::NotificationList) -> Vec<(NotificationKind, u32)> {
    list.items.iter().map(|n| (n.kind, n.count)).collect()
}

#[tokio::test]
async fn meetings_notify_the_other_participants_who_read_and_clear_only_their_own() {
    for db in support::databases().await {
        let (m, relationship) = related(db).await;
        // The mentee books four Tuesdays at 10:00 Toronto: the mentor is invited.
        let ids = book_tuesdays(&m, relationship, &m.mentee, 4, (MeetingType::Video, "")).await;
        let mentor = my_notifications(&m.db, &m.mentor).await.unwrap();
        assert_eq!(
            kinds(&mentor),
            vec![(NotificationKind::MeetingInvitation, 4)]
        );
        assert_eq!(mentor.unread, 1);
        let invited = &mentor.items[0];
        assert_eq!(invited.actor_name, "Test eli");
        assert_eq!(invited.relationship_id, relationship);
        let ten = NaiveDate::from_ymd_opt(2026, 10, 6).unwrap();
        assert_eq!(
            invited.meeting_at,
            LocalDateTime::at(ten, 600),
            "on the mentor's clock"
        );
        assert!(!invited.read);
        let mentee = my_notifications(&m.db, &m.mentee).await.unwrap();
        assert!(
            mentee.items.is_empty(),
            "the organiser is not told of their own booking"
        );

        // The mentor cancels the fourth and moves the second to Wednesday: the mentee is
        // told of both, the mentor of neither.
        cancel(&m.db, BASE, &m.mentor, ids[3], SeriesScope::This, now())
            .await
            .unwrap();
        // Wednesdays are outside the Tuesday mornings: free them for this move.
        for who in [&m.mentor, &m.mentee] {
            let mut windows = support::scheduling::tuesday_mornings();
            windows.push(backend::scheduling::model::Window {
                weekday: 2,
                start: 540,
                end: 720,
            });
            backend::scheduling::availability_service::save_windows(&m.db, who, &windows)
                .await
                .unwrap();
        }
        move_alone(&m, &m.mentor, ids[1], at(10, 14, 9, 0)).await;
        let mentee = my_notifications(&m.db, &m.mentee).await.unwrap();
        assert_eq!(
            kinds(&mentee),
            vec![
                (NotificationKind::MeetingMoved, 1),
                (NotificationKind::MeetingCancelled, 1)
            ],
            "the newest first"
        );
        let moved = &mentee.items[0];
        assert_eq!(moved.actor_name, "Test mona");
        assert_eq!(
            moved.meeting_at,
            LocalDateTime::at(NaiveDate::from_ymd_opt(2026, 10, 14).unwrap(), 540),
            "the new time"
        );
        let cancelled = &mentee.items[1];
        assert_eq!(
            cancelled.meeting_at,
            LocalDateTime::at(NaiveDate::from_ymd_opt(2026, 10, 27).unwrap(), 600)
        );
        assert_eq!(
            my_notifications(&m.db, &m.mentor)
                .await
                .unwrap()
                .items
                .len(),
            1
        );
        // Nobody else hears of it.
        let other = my_notifications(&m.db, &m.other_mentee).await.unwrap();
        assert!(other.items.is_empty());

        // Marking all read clears the mentee's, not the mentor's.
        assert_eq!(mark_all_read(&m.db, &m.mentee, now()).await.unwrap(), 2);
        let mentee = my_notifications(&m.db, &m.mentee).await.unwrap();
        assert_eq!(mentee.unread, 0);
        assert!(mentee.items.iter().all(|n| n.read));
        assert_eq!(mark_all_read(&m.db, &m.mentee, now()).await.unwrap(), 0);
        assert_eq!(my_notifications(&m.db, &m.mentor).await.unwrap().unread, 1);

        // A session carries its member's unread count in its program (the bell), and
        // only that program's.
        let demo_mentor = support::session_of(&m.db, "mentor05@demo.test").await;
        assert_eq!(demo_mentor.viewer.unread_notifications, 0);
        let user = demo_mentor.viewer.user_id;
        let program = demo_mentor.viewer.program_id().unwrap();
        let demo_relationship = support::count(
            &m.db,
            &format!("SELECT MIN(id) FROM relationships WHERE mentor_id = {user}"),
        )
        .await;
        let circle = support::count(
            &m.db,
            "SELECT id FROM programs WHERE slug = 'leadership-circle'",
        )
        .await;
        let mut tx = m.db.begin().await.unwrap();
        for program_id in [program, program, circle] {
            let notice = NewNotification {
                program_id,
                user_id: user,
                kind: NotificationKind::MeetingInvitation,
                actor_id: id(&m.mentee),
                relationship_id: demo_relationship,
                meeting_at: Utc.with_ymd_and_hms(2026, 12, 9, 15, 0, 0).unwrap(),
                count: 1,
            };
            insert(&mut tx, &notice, now()).await.unwrap();
        }
        tx.commit().await.unwrap();
        let demo_mentor = support::session_of(&m.db, "mentor05@demo.test").await;
        assert_eq!(
            demo_mentor.viewer.unread_notifications, 2,
            "the other program's is not counted here"
        );
    }
}
