//! The member's own calendar on both engines: a month and a week of the meetings they
//! attend in every relationship, on their clock (across a DST change and in a half-hour
//! zone), the cancelled ones marked, those waiting for their answer picked out, beside
//! their availability; nobody else's meeting shows.
mod support;

use backend::scheduling::calendar::{CalendarEntry, CalendarMode, CalendarQuery, CalendarView};
use backend::scheduling::calendar_service::my_calendar;
use backend::scheduling::changes::cancel;
use backend::scheduling::model::{Answer, MeetingStatus, MeetingType, SeriesScope};
use backend::zone::Zone;
use chrono::NaiveDate;
use shared::i18n::LocalDateTime;
use support::scheduling::{book_tuesdays, now, related};
use support::BASE;

fn on(y: i32, m: u32, d: u32, minute: u16) -> LocalDateTime {
    LocalDateTime::at(NaiveDate::from_ymd_opt(y, m, d).unwrap(), minute)
}

fn query(mode: CalendarMode, y: i32, m: u32, d: u32) -> CalendarQuery {
    CalendarQuery {
        mode,
        anchor: NaiveDate::from_ymd_opt(y, m, d).unwrap(),
    }
}

fn entries(view: &CalendarView) -> Vec<&CalendarEntry> {
    view.days.iter().flat_map(|d| d.entries.iter()).collect()
}

#[tokio::test]
async fn a_members_calendar_shows_their_meetings_on_their_clock_and_no_one_elses() {
    for db in support::databases().await {
        let (m, relationship) = related(db).await;
        // Six Tuesdays at 10:00 Toronto from 6 October, booked by the mentee; the
        // mentor cancels the second. Toronto leaves daylight time on 1 November.
        let ids = book_tuesdays(&m, relationship, &m.mentee, 6, (MeetingType::Video, "")).await;
        cancel(&m.db, BASE, &m.mentor, ids[1], SeriesScope::This, now())
            .await
            .unwrap();

        let october = my_calendar(
            &m.db,
            &m.mentor,
            query(CalendarMode::Month, 2026, 10, 20),
            now(),
        )
        .await
        .unwrap();
        assert_eq!(october.days.len(), 31);
        let seen: Vec<(i64, LocalDateTime, MeetingStatus, Answer)> = entries(&october)
            .iter()
            .map(|e| (e.meeting_id, e.start, e.status, e.viewer_answer))
            .collect();
        let expected: Vec<(i64, LocalDateTime, MeetingStatus, Answer)> = [6, 13, 20, 27]
            .iter()
            .zip(&ids)
            .map(|(day, id)| {
                let status = if *id == ids[1] {
                    MeetingStatus::Cancelled
                } else {
                    MeetingStatus::Scheduled
                };
                (*id, on(2026, 10, *day, 600), status, Answer::Pending)
            })
            .collect();
        assert_eq!(seen, expected, "the mentor's October on the Toronto clock");
        let first = entries(&october)[0];
        assert_eq!(first.with, vec!["Test eli".to_string()]);
        assert_eq!(first.relationship_id, relationship);
        assert_eq!(first.end, on(2026, 10, 6, 630));
        assert!(first.in_series);
        let waiting: Vec<i64> = october
            .awaiting_answer()
            .iter()
            .map(|e| e.meeting_id)
            .collect();
        assert_eq!(
            waiting,
            vec![ids[0], ids[2], ids[3]],
            "the cancelled one asks nothing"
        );
        // Tuesday mornings are the mentor's availability; Mondays have none.
        let tuesday = october
            .day(NaiveDate::from_ymd_opt(2026, 10, 6).unwrap())
            .unwrap();
        assert_eq!(tuesday.available, vec![(540, 720)]);
        let monday = october
            .day(NaiveDate::from_ymd_opt(2026, 10, 5).unwrap())
            .unwrap();
        assert!(monday.available.is_empty());

        // The organiser counts as accepted and waits for nothing.
        let mentee = my_calendar(
            &m.db,
            &m.mentee,
            query(CalendarMode::Month, 2026, 10, 1),
            now(),
        )
        .await
        .unwrap();
        assert_eq!(entries(&mentee).len(), 4);
        assert!(entries(&mentee)
            .iter()
            .all(|e| e.viewer_answer == Answer::Accepted));
        assert!(mentee.awaiting_answer().is_empty());

        // A week from Monday: the week of 4 November holds the sixth meeting only.
        let week = my_calendar(
            &m.db,
            &m.mentor,
            query(CalendarMode::Week, 2026, 11, 5),
            now(),
        )
        .await
        .unwrap();
        assert_eq!(
            week.days.first().unwrap().date,
            NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()
        );
        assert_eq!(week.days.len(), 7);
        let starts: Vec<LocalDateTime> = entries(&week).iter().map(|e| e.start).collect();
        assert_eq!(starts, vec![on(2026, 11, 3, 600)]);

        // In Kolkata (UTC+05:30, no DST) the same meetings fall at 19:30 before Toronto's
        // change and at 20:30 after it.
        let mut abroad = m.mentor.clone();
        abroad.session.viewer.time_zone = Zone::parse("Asia/Kolkata").unwrap();
        let kolkata = my_calendar(
            &m.db,
            &abroad,
            query(CalendarMode::Month, 2026, 10, 1),
            now(),
        )
        .await
        .unwrap();
        let starts: Vec<LocalDateTime> = entries(&kolkata).iter().map(|e| e.start).collect();
        assert_eq!(
            starts,
            [6, 13, 20, 27]
                .map(|d| on(2026, 10, d, 19 * 60 + 30))
                .to_vec()
        );
        let november = my_calendar(
            &m.db,
            &abroad,
            query(CalendarMode::Month, 2026, 11, 1),
            now(),
        )
        .await
        .unwrap();
        let starts: Vec<LocalDateTime> = entries(&november).iter().map(|e| e.start).collect();
        assert_eq!(
            starts,
            vec![
                on(2026, 11, 3, 20 * 60 + 30),
                on(2026, 11, 10, 20 * 60 + 30)
            ]
        );

        // The program's administrator attends none of them: their calendar shows none.
        let admin = support::admin_scope(&m.db).await;
        let theirs = my_calendar(
            &m.db,
            &admin,
            query(CalendarMode::Month, 2026, 10, 1),
            now(),
        )
        .await
        .unwrap();
        assert!(
            entries(&theirs)
                .iter()
                .all(|e| !ids.contains(&e.meeting_id)),
            "a member never sees meetings they do not attend"
        );
    }
}
