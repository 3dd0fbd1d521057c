//! "Ask a question" on both engines: a pending invitation's two members write to each
//! other without deciding, each message e-mailed once to the other; strangers, closed
//! invitations, empty and endless threads are refused; and a member's response figures
//! reach their search card once they have answered enough invitations.
mod support;

use backend::auth::authz::MemberScope;
use backend::db::Db;
use backend::matching::service::{partner_page, Searcher};
use backend::members::index::MemberIndexes;
use backend::relationships::invitation_questions::ask;
use backend::relationships::invitations;
use backend::relationships::model::{InvitationStatus, INVITATION_THREAD_MAX};
use backend::relationships::response::{ResponseStats, ResponseTime};
use chrono::{DateTime, Duration, Utc};
use shared::auth::model::Role;
use shared::error::{AppError, Refusal, ValidationCode};
use support::people::{id, pair};
use support::BASE;

/// The template keys of the e-mails sent to `email`, oldest first.
async fn mail_keys(db: &Db, email: &str) -> Vec<String> {
    support::outbox(db)
        .await
        .into_iter()
        .filter(|m| m.to_address == email)
        .filter_map(|m| m.template_key)
        .collect()
}

async fn messages(db: &Db) -> i64 {
    support::count(db, "SELECT COUNT(*) FROM invitation_messages").await
}

#[tokio::test]
async fn a_question_and_its_answer_reach_the_other_member_and_leave_the_invitation_pending() {
    for db in support::databases().await {
        let m = pair(db).await;
        let now = Utc::now();
        let asked = invitations::send(&m.db, BASE, &m.mentee, id(&m.mentor), "Hi", now)
            .await
            .unwrap();
        ask(
            &m.db,
            BASE,
            &m.mentor,
            asked,
            "  How many hours a month can you give?  ",
            now + Duration::hours(1),
        )
        .await
        .unwrap();
        ask(
            &m.db,
            BASE,
            &m.mentee,
            asked,
            "Two, mostly evenings.",
            now + Duration::hours(2),
        )
        .await
        .unwrap();

        let seen = invitations::view(&m.db, &m.mentee, asked).await.unwrap();
        assert_eq!(seen.status, InvitationStatus::Pending);
        let thread: Vec<(&str, bool)> = seen
            .thread
            .iter()
            .map(|t| (t.body.as_str(), t.author_is_viewer))
            .collect();
        assert_eq!(
            thread,
            [
                ("How many hours a month can you give?", false),
                ("Two, mostly evenings.", true)
            ]
        );
        assert_eq!(seen.thread[0].author_first_name, "Test");
        let by_mentor = invitations::view(&m.db, &m.mentor, asked).await.unwrap();
        assert!(by_mentor.thread[0].author_is_viewer);

        // Each message is e-mailed once, to the other member, in their language.
        let to_mentee = support::outbox(&m.db)
            .await
            .into_iter()
            .filter(|e| e.to_address == "eli@invitations.test")
            .collect::<Vec<_>>();
        assert_eq!(to_mentee.len(), 1);
        assert_eq!(
            to_mentee[0].template_key.as_deref(),
            Some("invitation-question")
        );
        assert_eq!(to_mentee[0].lang, "en");
        assert!(to_mentee[0]
            .body_text
            .contains("How many hours a month can you give?"));
        assert!(to_mentee[0]
            .body_text
            .contains(&format!("/invitations/{asked}")));
        let to_mentor = support::outbox(&m.db)
            .await
            .into_iter()
            .filter(|e| e.to_address == "mona@invitations.test")
            .collect::<Vec<_>>();
        assert_eq!(
            to_mentor
                .iter()
                .filter_map(|e| e.template_key.as_deref())
                .collect::<Vec<_>>(),
            ["invitation-received", "invitation-question"]
        );
        assert_eq!(to_mentor[1].lang, "fr");
        assert!(to_mentor[1].body_text.contains("Two, mostly evenings."));

        // The question did not decide anything: the mentor can still accept.
        invitations::accept(&m.db, BASE, &m.mentor, asked, now + Duration::hours(3))
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn questions_are_refused_to_strangers_when_empty_or_endless_and_once_closed() {
    for db in support::databases().await {
        let m = pair(db).await;
        let now = Utc::now();
        let asked = invitations::send(&m.db, BASE, &m.mentee, id(&m.mentor), "Hi", now)
            .await
            .unwrap();
        let before = (messages(&m.db).await, support::outbox(&m.db).await.len());
        assert_eq!(
            ask(&m.db, BASE, &m.other_mentee, asked, "Me too?", now).await,
            Err(AppError::NotFound),
            "a stranger cannot tell the invitation exists"
        );
        assert_eq!(
            ask(&m.db, BASE, &m.other_mentee, asked, "", now).await,
            Err(AppError::NotFound),
            "who may ask is checked before what they wrote"
        );
        assert_eq!(
            ask(&m.db, BASE, &m.mentor, asked, "   ", now).await,
            Err(AppError::validation("question", ValidationCode::Required))
        );
        assert!(matches!(
            ask(&m.db, BASE, &m.mentor, asked, &"x".repeat(1_001), now).await,
            Err(AppError::Validation { ref field, .. }) if field == "question"
        ));
        assert_eq!(
            before,
            (messages(&m.db).await, support::outbox(&m.db).await.len()),
            "a refused question writes nothing and sends nothing"
        );

        for n in 0..INVITATION_THREAD_MAX {
            let who = if n % 2 == 0 { &m.mentor } else { &m.mentee };
            ask(&m.db, BASE, who, asked, &format!("Message {n}"), now)
                .await
                .unwrap();
        }
        assert_eq!(
            ask(&m.db, BASE, &m.mentor, asked, "One more", now).await,
            Err(AppError::Refused(Refusal::ThreadFull))
        );

        // Past the deadline, and once answered, the conversation is over.
        let late = now + Duration::days(15);
        assert_eq!(
            ask(&m.db, BASE, &m.mentor, asked, "Still there?", late).await,
            Err(AppError::Refused(Refusal::Expired))
        );
        invitations::decline(&m.db, BASE, &m.mentor, asked, "", now)
            .await
            .unwrap();
        assert_eq!(
            ask(&m.db, BASE, &m.mentee, asked, "Why?", now).await,
            Err(AppError::Refused(Refusal::NoLongerPending))
        );
        assert_eq!(
            messages(&m.db).await,
            before.0 + INVITATION_THREAD_MAX as i64
        );
    }
}

/// The mentor's card as `mentee` finds it among all mentors, paging through.
async fn mentor_card_response(db: &Db, mentee: &MemberScope, mentor: i64) -> Option<ResponseStats> {
    let indexes = MemberIndexes::default();
    let searcher = Searcher {
        program_id: mentee.program_id,
        user_id: id(mentee),
        role: Role::Mentee,
    };
    for page in 1.. {
        let query = format!("search=1&page={page}");
        let found = partner_page(db, &indexes, searcher, Role::Mentor, &query)
            .await
            .unwrap();
        if let Some(card) = found.cards.iter().find(|c| c.user_id == mentor) {
            return card.response;
        }
        assert!(page < found.page_count, "the mentor is on no page");
    }
    unreachable!()
}

#[tokio::test]
async fn a_card_shows_how_readily_a_mentor_answers_once_they_have_answered_three() {
    for db in support::databases().await {
        let m = pair(db).await;
        let mentor = id(&m.mentor);
        let t0: DateTime<Utc> = Utc::now() + Duration::days(400);
        let at = |hours: i64| t0 + Duration::hours(hours);

        // Declined after 2 hours.
        let declined = |from: &'static str, sent: i64, answered: i64| {
            let m = &m;
            async move {
                let sender = if from == "eli" {
                    &m.mentee
                } else {
                    &m.other_mentee
                };
                let sent_id = invitations::send(&m.db, BASE, sender, mentor, "Hi", at(sent))
                    .await
                    .unwrap();
                invitations::decline(&m.db, BASE, &m.mentor, sent_id, "", at(answered))
                    .await
                    .unwrap();
            }
        };
        declined("eli", 0, 2).await;
        // A question after 2 hours is a response, even if the sender then withdraws.
        let second = invitations::send(&m.db, BASE, &m.mentee, mentor, "Again", at(3))
            .await
            .unwrap();
        ask(&m.db, BASE, &m.mentor, second, "Which term?", at(5))
            .await
            .unwrap();
        invitations::withdraw(&m.db, BASE, &m.mentee, second, at(6))
            .await
            .unwrap();
        assert_eq!(
            mentor_card_response(&m.db, &m.other_mentee, mentor).await,
            None,
            "two responses say too little to show"
        );

        // Declined after 50 hours; then one left to expire unanswered.
        declined("ora", 0, 50).await;
        let ignored = invitations::send(&m.db, BASE, &m.mentee, mentor, "Hello?", at(7))
            .await
            .unwrap();
        invitations::sweep(&m.db, BASE, at(7) + Duration::days(15))
            .await
            .unwrap();
        assert_eq!(
            mail_keys(&m.db, "eli@invitations.test")
                .await
                .last()
                .map(String::as_str),
            Some("invitation-expired")
        );
        assert_eq!(
            invitations::view(&m.db, &m.mentee, ignored)
                .await
                .unwrap()
                .status,
            InvitationStatus::Expired
        );

        // Three responses of four invitations that could have had one; the median wait
        // is 2 hours.
        assert_eq!(
            mentor_card_response(&m.db, &m.other_mentee, mentor).await,
            Some(ResponseStats {
                rate_percent: 75,
                typical: ResponseTime::Hours(2),
            })
        );
    }
}
