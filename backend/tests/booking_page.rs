//! The booking page on both engines: the month's offer marks the days both members are
//! free, a slot read back from its form value books a weekly series, the series' taken
//! dates are named and left out only when the slot says so, the meetings tile lists the
//! occurrences with each participant's answer and counts held meetings and hours, bad
//! fields are named, and a stranger is told "not found" before anything else.
mod support;

use backend::scheduling::booking::{book, Booking};
use backend::scheduling::booking_page::{book_from_form, booking_offer, BookingText, ChoiceText};
use backend::scheduling::meetings::relationship_meetings;
use backend::scheduling::model::{Answer, MeetingStatus, MeetingType};
use backend::scheduling::recurrence::Rule;
use backend::scheduling::view::slot_value;
use chrono::{Duration, NaiveDate};
use shared::error::{AppError, Refusal};
use support::scheduling::{now, related};
use support::BASE;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn weekly_choice(occurrences: &str) -> ChoiceText {
    ChoiceText {
        minutes: "30".into(),
        frequency: "weekly".into(),
        occurrences: occurrences.into(),
        month: "2026-10".into(),
        ..ChoiceText::default()
    }
}

fn form(choice: ChoiceText, slot: String) -> BookingText {
    BookingText {
        choice,
        slot,
        meeting_type: "video".into(),
        agenda: "Goals".into(),
        ..BookingText::default()
    }
}

fn field(err: AppError) -> String {
    match err {
        AppError::Validation { field, .. } => field,
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn the_month_offers_the_pairs_free_days_and_a_slot_books_the_series() {
    for db in support::databases().await {
        let (m, relationship) = related(db).await;
        let offer = booking_offer(&m.db, &m.mentee, relationship, &weekly_choice("3"), now())
            .await
            .unwrap();
        assert!(!offer.partner_name.is_empty());
        assert!(!offer.for_pair);
        assert_eq!(offer.days.first().unwrap().date, day(10, 1), "from today");
        assert_eq!(offer.days.last().unwrap().date, day(10, 31));
        let free: Vec<NaiveDate> = offer
            .days
            .iter()
            .filter(|d| !d.slots.is_empty())
            .map(|d| d.date)
            .collect();
        assert_eq!(
            free,
            vec![day(10, 6), day(10, 13), day(10, 20), day(10, 27)]
        );
        let tuesday = offer.day(day(10, 6)).unwrap();
        let starts: Vec<u16> = tuesday.slots.iter().map(|s| s.minute).collect();
        assert_eq!(starts, vec![540, 570, 600, 630, 660, 690]);

        let slot = slot_value(day(10, 6), &tuesday.slots[2]);
        book_from_form(
            &m.db,
            BASE,
            &m.mentee,
            relationship,
            &form(weekly_choice("3"), slot.clone()),
            now(),
        )
        .await
        .unwrap();
        let again = book_from_form(
            &m.db,
            BASE,
            &m.mentor,
            relationship,
            &form(weekly_choice("3"), slot),
            now(),
        )
        .await
        .unwrap_err();
        assert_eq!(again, AppError::Refused(Refusal::SlotTaken));

        // One invitation, to the partner only, in their language and on their clock (the
        // refused second booking sent nothing).
        let invitations: Vec<_> = support::outbox(&m.db)
            .await
            .into_iter()
            .filter(|e| e.template_key.as_deref() == Some("meeting-invitation"))
            .collect();
        assert_eq!(invitations.len(), 1, "{invitations:?}");
        let mail = &invitations[0];
        assert_eq!(
            (mail.to_address.as_str(), mail.lang.as_str()),
            ("mona@invitations.test", "fr")
        );
        assert_eq!(mail.subject, "Invitation à une réunion de mentorat");
        assert!(
            mail.body_text
                .contains("6 oct. 2026 à 10 h 00 (fin à 10 h 30) (Heure de l'Est (Toronto))"),
            "{}",
            mail.body_text
        );
        assert!(mail
            .body_text
            .contains("Se répète chaque semaine : 3 réunions"));
        assert!(mail.body_text.contains("Goals"));
        assert!(mail
            .body_text
            .contains(&format!("/relationships/{relationship}")));
        // The organiser keeps their own record of the request, naming who is invited.
        let copies: Vec<_> = support::outbox(&m.db)
            .await
            .into_iter()
            .filter(|e| e.template_key.as_deref() == Some("meeting-requested"))
            .collect();
        assert_eq!(copies.len(), 1, "{copies:?}");
        let copy = &copies[0];
        assert_eq!(
            (copy.to_address.as_str(), copy.subject.as_str()),
            ("eli@invitations.test", "Mentoring meeting requested")
        );
        assert!(
            copy.body_text.contains("is sent to Test mona."),
            "{}",
            copy.body_text
        );
        assert!(copy.body_text.contains("Repeats weekly: 3 meetings"));

        let tile = relationship_meetings(&m.db, &m.mentor, relationship, now())
            .await
            .unwrap();
        assert_eq!(tile.upcoming.len(), 3);
        assert!(tile.past.is_empty());
        assert!(tile.can_book);
        let first = &tile.upcoming[0];
        assert_eq!(
            (first.start.day, first.start.hour, first.start.minute),
            (6, 10, 0)
        );
        assert_eq!((first.end.hour, first.end.minute), (10, 30));
        assert!(first.in_series);
        assert_eq!(first.agenda, "Goals");
        assert_eq!(first.meeting_type, MeetingType::Video);
        assert!(
            first.location.starts_with("https://"),
            "a video link: {}",
            first.location
        );
        let answers: Vec<(bool, Answer)> = first
            .participants
            .iter()
            .map(|p| (p.is_viewer, p.answer))
            .collect();
        assert!(answers.contains(&(true, Answer::Pending)), "{answers:?}");
        assert!(
            answers.contains(&(false, Answer::Accepted)),
            "the organiser: {answers:?}"
        );
        assert_eq!(first.viewer_answer, Some(Answer::Pending));

        // On 16 October, two meetings are held: 1:00 of meeting hours.
        let later = now() + Duration::days(15);
        let tile = relationship_meetings(&m.db, &m.mentee, relationship, later)
            .await
            .unwrap();
        assert_eq!((tile.held, tile.held_minutes), (2, 60));
        assert_eq!(tile.upcoming.len(), 1);
        assert_eq!(tile.past[0].status, MeetingStatus::Held);
        assert_eq!(tile.past[0].start.day, 13, "latest first");
        assert_eq!(tile.past[0].viewer_answer, None, "no answer once over");

        let offer = booking_offer(
            &m.db,
            &m.mentee,
            relationship,
            &ChoiceText::default(),
            now(),
        )
        .await
        .unwrap();
        let minutes: Vec<u16> = offer
            .day(day(10, 13))
            .unwrap()
            .slots
            .iter()
            .map(|s| s.minute)
            .collect();
        assert!(
            !minutes.contains(&600) && minutes.contains(&630),
            "{minutes:?}"
        );
    }
}

#[tokio::test]
async fn a_series_names_its_taken_dates_and_books_the_rest_only_when_told() {
    for db in support::databases().await {
        let (m, relationship) = related(db).await;
        let single = Booking {
            first: day(10, 13).and_hms_opt(9, 0, 0).unwrap(),
            minutes: 30,
            rule: Rule::ONCE,
            meeting_type: MeetingType::Video,
            location: String::new(),
            agenda: String::new(),
            skip: vec![],
            admin_attends: false,
        };
        book(&m.db, BASE, &m.mentor, relationship, &single, now())
            .await
            .unwrap();
        let offer = booking_offer(&m.db, &m.mentee, relationship, &weekly_choice("3"), now())
            .await
            .unwrap();
        let nine = offer
            .day(day(10, 6))
            .unwrap()
            .slots
            .iter()
            .find(|s| s.minute == 540)
            .unwrap();
        assert_eq!(nine.conflicts, vec![day(10, 13)]);

        let with_skip = slot_value(day(10, 6), nine);
        let without_skip = with_skip.split('|').next().unwrap().to_string();
        let err = book_from_form(
            &m.db,
            BASE,
            &m.mentee,
            relationship,
            &form(weekly_choice("3"), without_skip),
            now(),
        )
        .await
        .unwrap_err();
        assert_eq!(err, AppError::Refused(Refusal::SlotTaken));
        book_from_form(
            &m.db,
            BASE,
            &m.mentee,
            relationship,
            &form(weekly_choice("3"), with_skip),
            now(),
        )
        .await
        .unwrap();
        let tile = relationship_meetings(&m.db, &m.mentee, relationship, now())
            .await
            .unwrap();
        let days: Vec<u32> = tile.upcoming.iter().map(|u| u.start.day).collect();
        assert_eq!(
            days,
            vec![6, 13, 20],
            "the single on the 13th, the series on the 6th and 20th"
        );
    }
}

#[tokio::test]
async fn bad_fields_are_named_and_strangers_are_not_found_first() {
    for db in support::databases().await {
        let (m, relationship) = related(db).await;
        let good_slot = "2026-10-06T09:00".to_string();
        let mut bad_duration = form(weekly_choice("3"), good_slot.clone());
        bad_duration.choice.minutes = "25".into();
        let mut bad_type = form(weekly_choice("3"), good_slot.clone());
        bad_type.meeting_type = "fax".into();
        let cases = [
            (bad_duration, "duration"),
            (form(weekly_choice("60"), good_slot.clone()), "occurrences"),
            (form(weekly_choice("3"), "tuesday".into()), "slot"),
            (bad_type, "meeting_type"),
        ];
        for (text, name) in cases {
            let err = book_from_form(&m.db, BASE, &m.mentee, relationship, &text, now())
                .await
                .unwrap_err();
            assert_eq!(field(err.clone()), name);
            let err = book_from_form(&m.db, BASE, &m.other_mentee, relationship, &text, now())
                .await
                .unwrap_err();
            assert_eq!(err, AppError::NotFound, "a stranger, {name}");
        }
        let mut bad_month = weekly_choice("3");
        bad_month.month = "October".into();
        let err = booking_offer(&m.db, &m.mentee, relationship, &bad_month, now())
            .await
            .unwrap_err();
        assert_eq!(field(err), "month");
        let err = booking_offer(&m.db, &m.other_mentee, relationship, &bad_month, now())
            .await
            .unwrap_err();
        assert_eq!(err, AppError::NotFound);
        let err = relationship_meetings(&m.db, &m.other_mentee, relationship, now())
            .await
            .unwrap_err();
        assert_eq!(err, AppError::NotFound);
        assert_eq!(
            support::count(
                &m.db,
                &format!(
                    "SELECT COUNT(*) FROM meetings WHERE {}",
                    support::scheduling::TEST_PAIRS
                )
            )
            .await,
            0
        );

        let admin = support::admin_scope(&m.db).await;
        let offer = booking_offer(&m.db, &admin, relationship, &weekly_choice("3"), now())
            .await
            .unwrap();
        assert!(offer.for_pair && offer.partner_name.is_empty());
        let mut attend = form(weekly_choice("3"), good_slot);
        attend.admin_attends = true;
        book_from_form(&m.db, BASE, &admin, relationship, &attend, now())
            .await
            .unwrap();
        let tile = relationship_meetings(&m.db, &admin, relationship, now())
            .await
            .unwrap();
        assert_eq!(tile.upcoming[0].participants.len(), 3);
        assert_eq!(
            tile.upcoming[0].viewer_answer,
            Some(Answer::Accepted),
            "the organiser"
        );
    }
}
