//! The accept / decline / maybe links of meeting e-mails, on both engines: only the
//! invited get them; opening one records nothing; using one records its answer (for the
//! rest of a series when the e-mail was about a series) without a session and tells the
//! others; it answers nothing else, and dies when the meeting changes and when it
//! expires (an unknown token reads the same).
mod support;

use backend::scheduling::answer_links::{answer_by_link, link_view};
use backend::scheduling::meetings::relationship_meetings;
use backend::scheduling::model::{Answer, MeetingType};
use chrono::Duration;
use shared::error::{AppError, Refusal};
use support::scheduling::{at, book_tuesdays, move_alone, now, related};
use support::{Outbox, BASE};

const PREFIX: &str = "/meetings/answer/";

/// The token of the link labelled `label` ("Accept") in an e-mail's text.
fn token(mail: &Outbox, label: &str) -> String {
    let line = mail
        .body_text
        .lines()
        .find(|l| l.starts_with(&format!("{label}: ")))
        .unwrap_or_else(|| panic!("no {label} link in {}", mail.body_text));
    support::link_token(line, PREFIX)
}

fn last_to<'a>(mails: &'a [Outbox], to: &str, template: &str) -> &'a Outbox {
    mails
        .iter()
        .rev()
        .find(|m| m.to_address == to && m.template_key.as_deref() == Some(template))
        .unwrap_or_else(|| panic!("no {template} to {to}"))
}

async fn mentee_answers(m: &support::people::Pair, relationship: i64) -> Vec<Option<Answer>> {
    relationship_meetings(&m.db, &m.mentee, relationship, now())
        .await
        .unwrap()
        .upcoming
        .iter()
        .map(|u| u.viewer_answer)
        .collect()
}

#[tokio::test]
async fn an_emails_links_answer_for_the_invited_without_signing_in() {
    for db in support::databases().await {
        let (m, relationship) = related(db).await;
        let place = (MeetingType::InPerson, "12 Main Street");
        let ids = book_tuesdays(&m, relationship, &m.mentor, 3, place).await;
        let mails = support::outbox(&m.db).await;
        let invitation = last_to(&mails, "eli@invitations.test", "meeting-invitation");
        let copy = last_to(&mails, "mona@invitations.test", "meeting-requested");
        assert!(
            !copy.body_text.contains(PREFIX),
            "the organiser has answered already"
        );
        let (accept, decline) = (token(invitation, "Accept"), token(invitation, "Decline"));
        assert_ne!(accept, decline);

        // Opening a link says what it does and records nothing.
        let view = link_view(&m.db, &decline, now()).await.unwrap();
        assert_eq!(view.answer, Answer::Declined);
        assert_eq!(view.current, Answer::Pending);
        assert_eq!(view.count, 3, "the series' three meetings");
        assert_eq!(view.with, vec!["Test mona".to_string()]);
        assert_eq!((view.start.day, view.start.hour), (6, 10), "on Eli's clock");
        assert_eq!(
            mentee_answers(&m, relationship).await,
            vec![Some(Answer::Pending); 3]
        );

        // Using it answers the whole series, and the organiser hears of it.
        let before = support::outbox(&m.db).await.len();
        let given = answer_by_link(&m.db, BASE, &accept, now()).await.unwrap();
        assert_eq!(given, Answer::Accepted);
        assert_eq!(
            mentee_answers(&m, relationship).await,
            vec![Some(Answer::Accepted); 3]
        );
        let mails = support::outbox(&m.db).await;
        let told: Vec<&str> = mails[before..]
            .iter()
            .filter(|e| e.template_key.as_deref() == Some("meeting-answered"))
            .map(|e| e.to_address.as_str())
            .collect();
        assert_eq!(told.len(), 2, "{told:?}");
        // Again: nothing changes, nobody is told twice.
        answer_by_link(&m.db, BASE, &accept, now()).await.unwrap();
        assert_eq!(support::outbox(&m.db).await.len(), mails.len());
        assert_eq!(
            link_view(&m.db, &accept, now()).await.unwrap().current,
            Answer::Accepted
        );

        // The decline link declines; it never accepts.
        answer_by_link(&m.db, BASE, &decline, now()).await.unwrap();
        assert_eq!(
            mentee_answers(&m, relationship).await,
            vec![Some(Answer::Declined); 3]
        );

        // The mentor moves the second meeting: the old links die, the new e-mail's
        // answer that one meeting only.
        move_alone(&m, &m.mentor, ids[1], at(10, 13, 11, 0)).await;
        assert_eq!(
            answer_by_link(&m.db, BASE, &accept, now())
                .await
                .unwrap_err(),
            AppError::Refused(Refusal::MeetingChanged)
        );
        assert_eq!(
            link_view(&m.db, &decline, now()).await.unwrap_err(),
            AppError::Refused(Refusal::MeetingChanged)
        );
        let mails = support::outbox(&m.db).await;
        let moved = last_to(&mails, "eli@invitations.test", "meeting-rescheduled");
        let mover = last_to(&mails, "mona@invitations.test", "meeting-rescheduled");
        assert!(!mover.body_text.contains(PREFIX), "the mover has accepted");
        let maybe = token(moved, "Maybe");
        assert_eq!(link_view(&m.db, &maybe, now()).await.unwrap().count, 1);
        answer_by_link(&m.db, BASE, &maybe, now()).await.unwrap();
        assert_eq!(
            mentee_answers(&m, relationship).await,
            vec![
                Some(Answer::Declined),
                Some(Answer::Maybe),
                Some(Answer::Declined)
            ]
        );

        // After the meeting it answers, the link has expired; an unknown token reads the same.
        let later = now() + Duration::days(14);
        assert_eq!(
            answer_by_link(&m.db, BASE, &maybe, later)
                .await
                .unwrap_err(),
            AppError::LinkExpired
        );
        assert_eq!(
            link_view(&m.db, "not-a-token", now()).await.unwrap_err(),
            AppError::LinkExpired
        );
    }
}
