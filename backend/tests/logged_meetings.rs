//! Meetings logged by hand on both engines: "+" records a meeting held elsewhere, which
//! counts as held in the tile, on the Relationships page and in the members table's hours;
//! each bad field is named and nothing is written; a stranger is told "not found" before
//! any field is read; a wrong entry is removed by the pair or its administrator only.
mod support;

use backend::members::index::{mentoring_minutes, MemberIndexes};
use backend::relationships::admin::RelationshipsQuery;
use backend::scheduling::admin_meetings::relationships_page;
use backend::scheduling::logged::{log_meeting, remove_logged, LogText};
use backend::scheduling::meetings::relationship_meetings;
use backend::scheduling::model::MeetingType;
use chrono::Duration;
use shared::error::{AppError, ValidationCode};
use support::people::id;
use support::scheduling::{now, related};

fn text(day: &str, minutes: &str, kind: &str, note: &str) -> LogText {
    LogText {
        day: day.into(),
        minutes: minutes.into(),
        meeting_type: kind.into(),
        note: note.into(),
    }
}

fn refused(result: Result<i64, AppError>) -> (String, ValidationCode) {
    match result {
        Err(AppError::Validation { field, code }) => (field, code),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_logged_meeting_counts_as_held_everywhere_until_removed() {
    for db in support::databases().await {
        let (m, relationship) = related(db).await;
        let admin = support::admin_scope(&m.db).await;
        // Nine days into the relationship (which started on 1 October, Toronto).
        let at = now() + Duration::days(9);
        let good = text("2026-10-05", "60", "phone", "  Coffee near the office  ");

        let blank = text("", "", "", "");
        let stranger = log_meeting(&m.db, &m.other_mentee, relationship, &blank, at).await;
        assert_eq!(stranger.unwrap_err(), AppError::NotFound);
        let long = "x".repeat(1_001);
        for (bad, field, code) in [
            (text("", "60", "phone", ""), "day", ValidationCode::Required),
            (
                text("5 Oct", "60", "phone", ""),
                "day",
                ValidationCode::InvalidChoice,
            ),
            (
                text("2026-10-11", "60", "phone", ""),
                "day",
                ValidationCode::InFuture,
            ),
            (
                text("2026-09-30", "60", "phone", ""),
                "day",
                ValidationCode::BeforeRelationship,
            ),
            (
                text("2026-10-05", "7", "phone", ""),
                "duration",
                ValidationCode::InvalidChoice,
            ),
            (
                text("2026-10-05", "60", "fax", ""),
                "meeting_type",
                ValidationCode::InvalidChoice,
            ),
            (
                text("2026-10-05", "60", "phone", &long),
                "note",
                ValidationCode::TooLong,
            ),
        ] {
            let err = refused(log_meeting(&m.db, &m.mentee, relationship, &bad, at).await);
            assert_eq!(err, (field.to_string(), code));
        }
        assert_eq!(
            support::count(&m.db, "SELECT COUNT(*) FROM logged_meetings").await,
            0,
            "a refused entry writes nothing"
        );

        let logged = log_meeting(&m.db, &m.mentee, relationship, &good, at)
            .await
            .unwrap();
        // The administrator logs one too, today.
        let by_admin = text("2026-10-10", "30", "in_person", "");
        log_meeting(&m.db, &admin, relationship, &by_admin, at)
            .await
            .unwrap();
        let tile = relationship_meetings(&m.db, &m.mentor, relationship, at)
            .await
            .unwrap();
        assert_eq!((tile.held, tile.held_minutes), (2, 90));
        let first = tile.logged.iter().find(|l| l.id == logged).unwrap();
        assert_eq!(
            (
                first.minutes,
                first.meeting_type,
                first.note.as_str(),
                first.logged_by.as_str()
            ),
            (60, MeetingType::Phone, "Coffee near the office", "Test eli")
        );
        assert_eq!(tile.logged[0].day.to_string(), "2026-10-10", "latest first");

        let query = RelationshipsQuery::parse("q=mona").unwrap();
        let page = relationships_page(&m.db, &admin, &query, at).await.unwrap();
        let row = page.rows.iter().find(|r| r.id == relationship).unwrap();
        assert_eq!((row.held, row.held_minutes), (2, 90));
        let indexes = MemberIndexes::default();
        let minutes = mentoring_minutes(&m.db, &indexes, m.program, id(&m.mentor), at);
        assert_eq!(minutes.await.unwrap(), 90);

        // Removing: a stranger learns nothing; the pair may.
        let err = remove_logged(&m.db, &m.other_mentee, relationship, logged).await;
        assert_eq!(err.unwrap_err(), AppError::NotFound);
        remove_logged(&m.db, &m.mentor, relationship, logged)
            .await
            .unwrap();
        let again = remove_logged(&m.db, &m.mentor, relationship, logged).await;
        assert_eq!(again.unwrap_err(), AppError::NotFound);
        let tile = relationship_meetings(&m.db, &m.mentee, relationship, at)
            .await
            .unwrap();
        assert_eq!(
            (tile.held, tile.held_minutes, tile.logged.len()),
            (1, 30, 1)
        );
        let minutes = mentoring_minutes(&m.db, &indexes, m.program, id(&m.mentee), at);
        assert_eq!(minutes.await.unwrap(), 30);
    }
}
