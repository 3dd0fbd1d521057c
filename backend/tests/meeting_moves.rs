//! Moving meetings on both engines: one occurrence on its own (it keeps its place in the
//! series), it and the later ones, or the whole series still to come (they keep their
//! rhythm; a cancelled occurrence and one moved on its own stay where they are); the new
//! time is checked like a booking's, answers start again, the other participants are told
//! once each, and two moves into one slot have one winner.
mod support;

use backend::scheduling::booking::answer;
use backend::scheduling::booking_page::{booking_offer, ChoiceText};
use backend::scheduling::changes::{cancel, reschedule, Move};
use backend::scheduling::meetings::relationship_meetings;
use backend::scheduling::model::{Answer, MeetingType, SeriesScope};
use backend::scheduling::view::MeetingView;
use chrono::NaiveDate;
use shared::error::{AppError, Refusal};
use support::people::Pair;
use support::scheduling::{at, book_tuesdays, move_to, now, related};
use support::BASE;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn to(m: u32, d: u32, hour: u32, minute: u32, minutes: u32) -> Move {
    move_to(at(m, d, hour, minute), minutes)
}

/// Four weekly 30-minute meetings on Tuesdays at 10:00 Toronto from 6 October, booked by
/// the mentor and accepted by the mentee; their ids.
async fn weekly_four(m: &Pair, relationship: i64) -> Vec<i64> {
    let place = (MeetingType::InPerson, "12 Main Street");
    let ids = book_tuesdays(m, relationship, &m.mentor, 4, place).await;
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
    ids
}

/// The upcoming meetings, as the mentee sees them.
async fn upcoming(m: &Pair, relationship: i64) -> Vec<MeetingView> {
    relationship_meetings(&m.db, &m.mentee, relationship, now())
        .await
        .unwrap()
        .upcoming
}

/// (id, month × 100 + day, minute of the hour, minutes long).
fn when(meetings: &[MeetingView]) -> Vec<(i64, u32, u32, u32)> {
    meetings
        .iter()
        .map(|u| {
            (
                u.id,
                u.start.month * 100 + u.start.day,
                u.start.minute,
                u.minutes,
            )
        })
        .collect()
}

/// (is the mentee, answer), the mentor first.
fn answers(meeting: &MeetingView) -> Vec<(bool, Answer)> {
    meeting
        .participants
        .iter()
        .map(|p| (p.is_viewer, p.answer))
        .collect()
}

fn moved_mails(mails: &[support::Outbox]) -> Vec<&support::Outbox> {
    mails
        .iter()
        .filter(|e| e.template_key.as_deref() == Some("meeting-rescheduled"))
        .collect()
}

#[tokio::test]
async fn moving_one_occurrence_then_the_rest_keeps_the_others_where_they_are() {
    for db in support::databases().await {
        let (m, relationship) = related(db).await;
        let ids = weekly_four(&m, relationship).await;

        // The page for moving the second: its own 10:00 on the 13th is free, the third's
        // 10:00 on the 20th is not.
        let text = ChoiceText {
            month: "2026-10".into(),
            meeting: ids[1].to_string(),
            ..ChoiceText::default()
        };
        let offer = booking_offer(&m.db, &m.mentee, relationship, &text, now())
            .await
            .unwrap();
        assert_eq!(offer.moving.as_ref().unwrap().count, 1);
        assert_eq!(offer.choice.minutes, 30, "the meeting's own length");
        let free = |d: u32| -> Vec<u16> {
            offer
                .day(day(10, d))
                .unwrap()
                .slots
                .iter()
                .map(|s| s.minute)
                .collect()
        };
        assert!(free(13).contains(&600), "{:?}", free(13));
        assert!(!free(20).contains(&600), "{:?}", free(20));
        let elsewhere = booking_offer(&m.db, &m.mentee, relationship + 1000, &text, now()).await;
        assert_eq!(elsewhere.unwrap_err(), AppError::NotFound);

        let stranger = reschedule(
            &m.db,
            BASE,
            &m.other_mentee,
            ids[1],
            SeriesScope::This,
            &to(11, 3, 9, 0, 30),
            now(),
        )
        .await;
        assert_eq!(stranger.unwrap_err(), AppError::NotFound);
        for (taken, why) in [
            (to(10, 20, 10, 0, 30), "the third meeting's time"),
            (
                to(10, 14, 10, 0, 30),
                "a Wednesday, outside both availabilities",
            ),
            (to(10, 13, 11, 30, 60), "runs past noon"),
        ] {
            let err = reschedule(
                &m.db,
                BASE,
                &m.mentee,
                ids[1],
                SeriesScope::This,
                &taken,
                now(),
            )
            .await;
            assert_eq!(
                err.unwrap_err(),
                AppError::Refused(Refusal::SlotTaken),
                "{why}"
            );
        }
        let past = reschedule(
            &m.db,
            BASE,
            &m.mentee,
            ids[1],
            SeriesScope::This,
            &to(9, 29, 10, 0, 30),
            now(),
        )
        .await;
        assert!(
            matches!(past, Err(AppError::Validation { ref field, .. }) if field == "start"),
            "{past:?}"
        );
        assert!(moved_mails(&support::outbox(&m.db).await).is_empty());

        let n = reschedule(
            &m.db,
            BASE,
            &m.mentee,
            ids[1],
            SeriesScope::This,
            &to(11, 3, 9, 0, 45),
            now(),
        )
        .await
        .unwrap();
        assert_eq!(n, 1);
        let list = upcoming(&m, relationship).await;
        assert_eq!(
            when(&list),
            vec![
                (ids[0], 1006, 0, 30),
                (ids[2], 1020, 0, 30),
                (ids[3], 1027, 0, 30),
                (ids[1], 1103, 0, 45),
            ]
        );
        assert_eq!(list[3].start.hour, 9);
        assert!(list[3].moved && !list[0].moved && !list[2].moved);
        // The mover has accepted the new time; the mentor's answer starts again. The
        // others keep both answers.
        assert_eq!(
            answers(&list[3]),
            vec![(false, Answer::Pending), (true, Answer::Accepted)]
        );
        assert!(list[..3]
            .iter()
            .all(|u| u.participants.iter().all(|p| p.answer == Answer::Accepted)));

        // Both members are told once: the mentor, and the mentee (their record of it).
        let mails = support::outbox(&m.db).await;
        let both = moved_mails(&mails);
        assert_eq!(both.len(), 2);
        let sent: Vec<_> = both
            .into_iter()
            .filter(|e| e.to_address == "mona@invitations.test")
            .collect();
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0].subject, "Réunion de mentorat déplacée");
        let body = &sent[0].body_text;
        assert!(body.contains("Avant : 13 oct. 2026 à 10 h 00"), "{body}");
        assert!(body.contains("Désormais : 3 nov. 2026 à 09 h 00"), "{body}");

        // The rest from the third: the fourth moves with it, the one moved on its own
        // stays.
        let n = reschedule(
            &m.db,
            BASE,
            &m.mentor,
            ids[2],
            SeriesScope::Following,
            &to(10, 20, 11, 0, 60),
            now(),
        )
        .await
        .unwrap();
        assert_eq!(n, 2);
        let list = upcoming(&m, relationship).await;
        assert_eq!(
            when(&list),
            vec![
                (ids[0], 1006, 0, 30),
                (ids[2], 1020, 0, 60),
                (ids[3], 1027, 0, 60),
                (ids[1], 1103, 0, 45),
            ]
        );
        assert_eq!((list[1].start.hour, list[2].start.hour), (11, 11));
        assert!(!list[1].moved, "the rest is a series of its own");
        let mails = support::outbox(&m.db).await;
        let to_mentee: Vec<_> = moved_mails(&mails)
            .into_iter()
            .filter(|e| e.to_address == "eli@invitations.test")
            .collect();
        assert_eq!(to_mentee.len(), 2);
        let latest = to_mentee
            .iter()
            .find(|e| e.body_text.contains("Repeats weekly"))
            .unwrap();
        assert_eq!(latest.subject, "Mentoring meeting moved");
        let body = &latest.body_text;
        assert!(body.contains("Was: Oct 20, 2026, 10:00 AM"), "{body}");
        assert!(body.contains("Now: Oct 20, 2026, 11:00 AM"), "{body}");
        assert!(body.contains("Repeats weekly: 2 meetings"), "{body}");
    }
}

#[tokio::test]
async fn the_whole_series_keeps_its_rhythm_around_a_cancelled_meeting() {
    for db in support::databases().await {
        let (m, relationship) = related(db).await;
        let ids = weekly_four(&m, relationship).await;
        cancel(&m.db, BASE, &m.mentee, ids[1], SeriesScope::This, now())
            .await
            .unwrap();
        let admin = support::admin_scope(&m.db).await;

        // The page for moving the whole series from the last one counts three meetings.
        let text = ChoiceText {
            month: "2026-10".into(),
            meeting: ids[3].to_string(),
            scope: "all".into(),
            ..ChoiceText::default()
        };
        let offer = booking_offer(&m.db, &admin, relationship, &text, now())
            .await
            .unwrap();
        let moving = offer.moving.clone().unwrap();
        assert_eq!((moving.count, moving.start.day), (3, 6));
        // 09:00 on the 6th names no taken date: the 13th's place is no longer used.
        let nine = offer
            .day(day(10, 6))
            .unwrap()
            .slots
            .iter()
            .find(|s| s.minute == 540)
            .cloned()
            .unwrap();
        assert!(nine.conflicts.is_empty(), "{:?}", nine.conflicts);

        let n = reschedule(
            &m.db,
            BASE,
            &admin,
            ids[3],
            SeriesScope::All,
            &to(10, 6, 9, 0, 30),
            now(),
        )
        .await
        .unwrap();
        assert_eq!(n, 3);
        let list = upcoming(&m, relationship).await;
        assert_eq!(
            when(&list),
            vec![
                (ids[0], 1006, 0, 30),
                (ids[2], 1020, 0, 30),
                (ids[3], 1027, 0, 30)
            ]
        );
        assert!(list.iter().all(|u| u.start.hour == 9));
        // Nobody moved it of the pair: both answers start again.
        assert!(list
            .iter()
            .all(|u| u.participants.iter().all(|p| p.answer == Answer::Pending)));
        let past = relationship_meetings(&m.db, &m.mentee, relationship, now())
            .await
            .unwrap()
            .past;
        assert_eq!(
            (past.len(), past[0].start.day, past[0].start.hour),
            (1, 13, 10)
        );
        let mails = support::outbox(&m.db).await;
        assert_eq!(moved_mails(&mails).len(), 2, "each member told once");
    }
}

#[tokio::test]
async fn two_moves_into_one_slot_at_once_give_one_meeting_there() {
    for db in support::databases().await {
        let (m, relationship) = related(db).await;
        let ids = weekly_four(&m, relationship).await;
        let slot = to(11, 3, 10, 0, 30);
        let (a, b) = tokio::join!(
            reschedule(
                &m.db,
                BASE,
                &m.mentee,
                ids[1],
                SeriesScope::This,
                &slot,
                now()
            ),
            reschedule(
                &m.db,
                BASE,
                &m.mentor,
                ids[2],
                SeriesScope::This,
                &slot,
                now()
            ),
        );
        let mut outcomes = [a.is_ok(), b.is_ok()];
        outcomes.sort();
        assert_eq!(outcomes, [false, true], "{a:?} {b:?}");
        let loser = if a.is_err() { a } else { b };
        assert_eq!(loser.unwrap_err(), AppError::Refused(Refusal::SlotTaken));
        let at_slot = upcoming(&m, relationship)
            .await
            .iter()
            .filter(|u| (u.start.month, u.start.day) == (11, 3))
            .count();
        assert_eq!(at_slot, 1);
    }
}
