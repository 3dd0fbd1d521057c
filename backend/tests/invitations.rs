//! Invitations on both engines: sending, reading, accepting into a relationship,
//! declining, withdrawing, the reminder and expiry clock, each refusal writing nothing,
//! deactivation withdrawing, and two accepts racing for a mentor's last place.
mod support;

use backend::db::Db;
use backend::relationships::invitations::{self, Sweep};
use backend::relationships::model::{InvitationStatus, RelationshipStatus};
use backend::relationships::relationship as rel;
use backend::with_db;
use chrono::{Duration, Utc};
use shared::error::{AppError, Refusal, ValidationCode};
use support::people::{id, pair};
use support::BASE;

async fn mail_to(db: &Db, email: &str) -> Vec<support::Outbox> {
    support::outbox(db)
        .await
        .into_iter()
        .filter(|m| m.to_address == email)
        .collect()
}

/// Invitations, relationships and e-mails: what a refused action must leave untouched.
async fn written(db: &Db) -> (i64, i64, i64) {
    (
        support::count(db, "SELECT COUNT(*) FROM invitations").await,
        support::count(db, "SELECT COUNT(*) FROM relationships").await,
        support::count(db, "SELECT COUNT(*) FROM emails").await,
    )
}

async fn status_of(db: &Db, invitation: i64) -> InvitationStatus {
    with_db!(db, pool => sqlx::query_scalar("SELECT status FROM invitations WHERE id = $1")
        .bind(invitation)
        .fetch_one(pool)
        .await
        .unwrap())
}

#[tokio::test]
async fn an_accepted_invitation_starts_the_relationship_and_tells_both_in_their_language() {
    for db in support::databases().await {
        let p = pair(db).await;
        let now = Utc::now();
        let sent = invitations::send(
            &p.db,
            BASE,
            &p.mentee,
            id(&p.mentor),
            "  Hello Mona!\nWould you mentor me?  ",
            now,
        )
        .await
        .unwrap();
        let mail = mail_to(&p.db, "mona@invitations.test").await;
        assert_eq!(mail.len(), 1);
        assert_eq!(mail[0].template_key.as_deref(), Some("invitation-received"));
        assert_eq!(mail[0].lang, "fr");
        assert!(
            mail[0].subject.contains("vous invite"),
            "{}",
            mail[0].subject
        );
        assert!(mail[0].body_text.contains("Would you mentor me?"));
        assert!(mail[0]
            .body_text
            .contains(&format!("{BASE}/invitations/{sent}")));

        // Both members read it, each from their side; nobody else can.
        let seen = invitations::view(&p.db, &p.mentor, sent).await.unwrap();
        assert!(seen.viewer_is_recipient && !seen.viewer_is_sender);
        assert_eq!(seen.partner.user_id, id(&p.mentee));
        assert_eq!(seen.message, "Hello Mona!\nWould you mentor me?");
        assert_eq!(seen.status, InvitationStatus::Pending);
        let mine = invitations::view(&p.db, &p.mentee, sent).await.unwrap();
        assert!(mine.viewer_is_sender);
        assert_eq!(
            invitations::view(&p.db, &p.other_mentee, sent).await,
            Err(AppError::NotFound)
        );
        // The sender cannot accept their own invitation.
        assert_eq!(
            invitations::accept(&p.db, BASE, &p.mentee, sent, now).await,
            Err(AppError::Forbidden)
        );

        let relationship = invitations::accept(&p.db, BASE, &p.mentor, sent, now)
            .await
            .unwrap();
        let page = rel::relationship_view(&p.db, &p.mentee, relationship)
            .await
            .unwrap();
        assert_eq!(page.status, RelationshipStatus::Active);
        assert_eq!(page.stage(), 2);
        assert_eq!(page.partner.user_id, id(&p.mentor));
        assert_eq!(page.invitation_id, Some(sent));
        assert_eq!(
            rel::relationship_view(&p.db, &p.other_mentee, relationship).await,
            Err(AppError::NotFound)
        );
        let admin = support::admin_scope(&p.db).await;
        let seen_by_admin = rel::relationship_view(&p.db, &admin, relationship)
            .await
            .unwrap();
        assert_eq!(seen_by_admin.other.map(|o| o.user_id), Some(id(&p.mentor)));

        assert_eq!(status_of(&p.db, sent).await, InvitationStatus::Accepted);
        let to_mentee = mail_to(&p.db, "eli@invitations.test").await;
        assert_eq!(to_mentee.len(), 1);
        assert_eq!(
            to_mentee[0].template_key.as_deref(),
            Some("invitation-accepted")
        );
        assert!(to_mentee[0]
            .body_text
            .contains(&format!("/relationships/{relationship}")));
        let to_mentor = mail_to(&p.db, "mona@invitations.test").await;
        assert_eq!(to_mentor.len(), 2);
        assert_eq!(
            to_mentor[1].template_key.as_deref(),
            Some("relationship-confirmed")
        );
        assert_eq!(to_mentor[1].lang, "fr");

        // Answered once: a second accept is refused and changes nothing.
        let before = written(&p.db).await;
        assert_eq!(
            invitations::accept(&p.db, BASE, &p.mentor, sent, now).await,
            Err(AppError::Refused(Refusal::NoLongerPending))
        );
        assert_eq!(written(&p.db).await, before);
    }
}

#[tokio::test]
async fn refused_invitations_name_the_reason_and_write_nothing() {
    for db in support::databases().await {
        let p = pair(db).await;
        let now = Utc::now();
        let before = written(&p.db).await;
        let mentor = id(&p.mentor);
        assert_eq!(
            invitations::send(&p.db, BASE, &p.mentee, mentor, "   ", now).await,
            Err(AppError::validation("message", ValidationCode::Required))
        );
        assert_eq!(
            invitations::send(&p.db, BASE, &p.mentee, mentor, &"x".repeat(2_001), now).await,
            Err(AppError::validation("message", ValidationCode::TooLong))
        );
        // Mentees invite mentors: not other mentees, not themselves.
        for target in [id(&p.other_mentee), id(&p.mentee), 999_999] {
            assert_eq!(
                invitations::send(&p.db, BASE, &p.mentee, target, "Hi", now).await,
                Err(AppError::Refused(Refusal::NotAPartner))
            );
        }
        assert_eq!(written(&p.db).await, before);

        let first = invitations::send(&p.db, BASE, &p.mentee, mentor, "Hi", now)
            .await
            .unwrap();
        let after_first = written(&p.db).await;
        // One pending invitation per pair, whoever sends it.
        assert_eq!(
            invitations::send(&p.db, BASE, &p.mentee, mentor, "Again", now).await,
            Err(AppError::Refused(Refusal::AlreadyInvited))
        );
        assert_eq!(
            invitations::send(&p.db, BASE, &p.mentor, id(&p.mentee), "Hi", now).await,
            Err(AppError::Refused(Refusal::AlreadyInvited))
        );
        assert_eq!(written(&p.db).await, after_first);

        // Once the mentor's one place is taken, nobody else may invite them…
        invitations::accept(&p.db, BASE, &p.mentor, first, now)
            .await
            .unwrap();
        let full = written(&p.db).await;
        assert_eq!(
            invitations::send(&p.db, BASE, &p.other_mentee, mentor, "Hi", now).await,
            Err(AppError::Refused(Refusal::PartnerAtCapacity))
        );
        // …nor they anyone, and partners do not invite each other again.
        assert_eq!(
            invitations::send(&p.db, BASE, &p.mentor, id(&p.other_mentee), "Hi", now).await,
            Err(AppError::Refused(Refusal::YouAreAtCapacity))
        );
        assert_eq!(
            invitations::send(&p.db, BASE, &p.mentee, mentor, "Hi", now).await,
            Err(AppError::Refused(Refusal::AlreadyPartners))
        );
        assert_eq!(written(&p.db).await, full);

        // Where administrators match mentees, a mentee may not invite.
        with_db!(&p.db, pool => sqlx::query("UPDATE programs SET search_access = 'mentors' WHERE id = $1")
            .bind(p.program)
            .execute(pool)
            .await
            .map(|_| ())
            .unwrap());
        assert_eq!(
            invitations::invite_target(&p.db, &p.other_mentee, id(&p.mentor)).await,
            Err(AppError::Refused(Refusal::AdminMatches))
        );
        assert_eq!(written(&p.db).await, full);
    }
}

#[tokio::test]
async fn declining_and_withdrawing_tell_the_other_member_once() {
    for db in support::databases().await {
        let p = pair(db).await;
        let now = Utc::now();
        let mentor = id(&p.mentor);
        let asked = invitations::send(&p.db, BASE, &p.mentee, mentor, "Hi", now)
            .await
            .unwrap();
        // Only the recipient answers; only the sender withdraws.
        assert_eq!(
            invitations::decline(&p.db, BASE, &p.mentee, asked, "no", now).await,
            Err(AppError::Forbidden)
        );
        assert_eq!(
            invitations::withdraw(&p.db, BASE, &p.mentor, asked, now).await,
            Err(AppError::Forbidden)
        );
        assert_eq!(
            invitations::decline(&p.db, BASE, &p.other_mentee, asked, "no", now).await,
            Err(AppError::NotFound)
        );
        invitations::decline(
            &p.db,
            BASE,
            &p.mentor,
            asked,
            " I have no time this term. ",
            now,
        )
        .await
        .unwrap();
        let seen = invitations::view(&p.db, &p.mentee, asked).await.unwrap();
        assert_eq!(seen.status, InvitationStatus::Declined);
        assert_eq!(seen.answer, "I have no time this term.");
        let to_mentee = mail_to(&p.db, "eli@invitations.test").await;
        assert_eq!(to_mentee.len(), 1);
        assert_eq!(
            to_mentee[0].template_key.as_deref(),
            Some("invitation-declined")
        );
        assert!(to_mentee[0].body_text.contains("I have no time this term."));
        assert_eq!(
            invitations::withdraw(&p.db, BASE, &p.mentee, asked, now).await,
            Err(AppError::Refused(Refusal::NoLongerPending))
        );

        // A new invitation after a "no" is allowed, and its sender may take it back.
        let again = invitations::send(&p.db, BASE, &p.mentee, mentor, "Next term?", now)
            .await
            .unwrap();
        invitations::withdraw(&p.db, BASE, &p.mentee, again, now)
            .await
            .unwrap();
        assert_eq!(status_of(&p.db, again).await, InvitationStatus::Withdrawn);
        let to_mentor = mail_to(&p.db, "mona@invitations.test").await;
        assert_eq!(
            to_mentor
                .iter()
                .filter_map(|m| m.template_key.as_deref())
                .collect::<Vec<_>>(),
            [
                "invitation-received",
                "invitation-received",
                "invitation-withdrawn"
            ]
        );
        assert_eq!(
            invitations::accept(&p.db, BASE, &p.mentor, again, now).await,
            Err(AppError::Refused(Refusal::NoLongerPending))
        );
    }
}

#[tokio::test]
async fn the_clock_reminds_once_halfway_and_expires_at_the_deadline() {
    for db in support::databases().await {
        let p = pair(db).await;
        let sent_at = Utc::now() + Duration::days(400);
        let asked = invitations::send(&p.db, BASE, &p.mentee, id(&p.mentor), "Hi", sent_at)
            .await
            .unwrap();
        let sweep = |at| invitations::sweep(&p.db, BASE, at);
        // A day before our halfway point only the demo's older invitations are due.
        let early: Sweep = sweep(sent_at + Duration::days(6)).await.unwrap();
        assert!(
            early.expired > 0,
            "the demo's pending invitations are long past due"
        );
        let to_mentor = || mail_to(&p.db, "mona@invitations.test");
        assert_eq!(to_mentor().await.len(), 1, "no reminder before halfway");
        sweep(sent_at + Duration::days(7) + Duration::minutes(1))
            .await
            .unwrap();
        sweep(sent_at + Duration::days(8)).await.unwrap();
        let mail = to_mentor().await;
        assert_eq!(
            mail.iter()
                .filter_map(|m| m.template_key.as_deref())
                .collect::<Vec<_>>(),
            ["invitation-received", "invitation-reminder"],
            "one reminder, however often the clock runs"
        );
        assert_eq!(status_of(&p.db, asked).await, InvitationStatus::Pending);

        // Past the deadline it can no longer be accepted, even before the clock runs…
        let late = sent_at + Duration::days(14) + Duration::minutes(1);
        assert_eq!(
            invitations::accept(&p.db, BASE, &p.mentor, asked, late).await,
            Err(AppError::Refused(Refusal::Expired))
        );
        // …and the clock expires it once, telling the sender.
        sweep(late).await.unwrap();
        sweep(late + Duration::hours(1)).await.unwrap();
        assert_eq!(status_of(&p.db, asked).await, InvitationStatus::Expired);
        let to_mentee = mail_to(&p.db, "eli@invitations.test").await;
        assert_eq!(
            to_mentee
                .iter()
                .filter_map(|m| m.template_key.as_deref())
                .collect::<Vec<_>>(),
            ["invitation-expired"]
        );
        assert_eq!(
            invitations::accept(&p.db, BASE, &p.mentor, asked, late).await,
            Err(AppError::Refused(Refusal::NoLongerPending))
        );
    }
}

#[tokio::test]
async fn deactivating_a_member_withdraws_their_pending_invitations() {
    for db in support::databases().await {
        let p = pair(db).await;
        let now = Utc::now();
        let mentor = id(&p.mentor);
        let asked = invitations::send(&p.db, BASE, &p.mentee, mentor, "Hi", now)
            .await
            .unwrap();
        let admin = support::admin_scope(&p.db).await;
        backend::members::service::set_active(&p.db, BASE, &admin, id(&p.mentee), false)
            .await
            .unwrap();
        assert_eq!(status_of(&p.db, asked).await, InvitationStatus::Withdrawn);
        let to_mentor = mail_to(&p.db, "mona@invitations.test").await;
        assert_eq!(
            to_mentor.last().unwrap().template_key.as_deref(),
            Some("invitation-withdrawn")
        );
        // The mentor's place is free for someone else.
        let second = invitations::send(&p.db, BASE, &p.other_mentee, mentor, "Hi", now)
            .await
            .unwrap();
        // When the recipient is the one who leaves, the sender hears their invitation
        // closed (not that someone withdrew an invitation sent to them).
        backend::members::service::set_active(&p.db, BASE, &admin, mentor, false)
            .await
            .unwrap();
        assert_eq!(status_of(&p.db, second).await, InvitationStatus::Withdrawn);
        let to_sender = mail_to(&p.db, "ora@invitations.test").await;
        let last = to_sender.last().unwrap();
        assert_eq!(
            last.template_key.as_deref(),
            Some("invitation-partner-left")
        );
        assert!(last.subject.contains("is closed"), "{}", last.subject);
    }
}

#[tokio::test]
async fn two_accepts_racing_for_a_mentors_last_place_give_one_relationship() {
    for db in support::databases().await {
        let p = pair(db).await;
        let now = Utc::now();
        let mentor = id(&p.mentor);
        // The mentor invites two mentees; each accepts at the same moment.
        let first = invitations::send(&p.db, BASE, &p.mentor, id(&p.mentee), "Hi", now)
            .await
            .unwrap();
        // A second pending invitation from the same mentor needs a second place for
        // sending; the race is about accepting, so the place check at sending is met by
        // raising the maximum, then lowering it again.
        with_db!(&p.db, pool => sqlx::query(
            "INSERT INTO profiles (user_id, program_id, max_partners, updated_at) VALUES ($1, $2, 2, $3)
             ON CONFLICT (user_id, program_id) DO UPDATE SET max_partners = 2",
        )
        .bind(mentor)
        .bind(p.program)
        .bind(now)
        .execute(pool)
        .await
        .map(|_| ())
            .unwrap());
        let second = invitations::send(&p.db, BASE, &p.mentor, id(&p.other_mentee), "Hi", now)
            .await
            .unwrap();
        with_db!(&p.db, pool => sqlx::query("UPDATE profiles SET max_partners = 1 WHERE user_id = $1 AND program_id = $2")
            .bind(mentor)
            .bind(p.program)
            .execute(pool)
            .await
            .map(|_| ())
            .unwrap());
        let (a, b) = tokio::join!(
            invitations::accept(&p.db, BASE, &p.mentee, first, now),
            invitations::accept(&p.db, BASE, &p.other_mentee, second, now),
        );
        let outcomes = [a.clone(), b.clone()];
        assert_eq!(
            outcomes.iter().filter(|r| r.is_ok()).count(),
            1,
            "{}: {a:?} {b:?}",
            p.db.engine()
        );
        assert!(
            outcomes.contains(&Err(AppError::Refused(Refusal::PartnerAtCapacity))),
            "{a:?} {b:?}"
        );
        let mentor_relationships: i64 = with_db!(&p.db, pool => sqlx::query_scalar(
            "SELECT COUNT(*) FROM relationships WHERE mentor_id = $1",
        )
        .bind(mentor)
        .fetch_one(pool)
        .await
        .unwrap());
        assert_eq!(mentor_relationships, 1);
    }
}

#[tokio::test]
async fn ending_a_relationship_moves_it_to_stage_three_and_tells_both_once() {
    for db in support::databases().await {
        let p = pair(db).await;
        let now = Utc::now();
        let mentor = id(&p.mentor);
        let asked = invitations::send(&p.db, BASE, &p.mentee, mentor, "Hi", now)
            .await
            .unwrap();
        let relationship = invitations::accept(&p.db, BASE, &p.mentor, asked, now)
            .await
            .unwrap();
        let before = written(&p.db).await;
        // Only its two members and the program's administrator may end it.
        assert_eq!(
            rel::end_relationship(&p.db, BASE, &p.other_mentee, relationship, "", now).await,
            Err(AppError::NotFound)
        );
        assert_eq!(
            rel::end_relationship(
                &p.db,
                BASE,
                &p.mentee,
                relationship,
                &"x".repeat(1_001),
                now
            )
            .await,
            Err(AppError::validation("reason", ValidationCode::TooLong))
        );
        assert_eq!(written(&p.db).await, before);
        let later = now + Duration::days(90);
        rel::end_relationship(
            &p.db,
            BASE,
            &p.mentee,
            relationship,
            " Goals reached! ",
            later,
        )
        .await
        .unwrap();
        let page = rel::relationship_view(&p.db, &p.mentor, relationship)
            .await
            .unwrap();
        assert_eq!(page.stage(), 3);
        assert_eq!(page.status, RelationshipStatus::Completed);
        assert_eq!(page.end_reason, "Goals reached!");
        assert!(page.ended.is_some());
        for email in ["mona@invitations.test", "eli@invitations.test"] {
            let ended: Vec<_> = mail_to(&p.db, email)
                .await
                .into_iter()
                .filter(|m| m.template_key.as_deref() == Some("relationship-ended"))
                .collect();
            assert_eq!(ended.len(), 1, "{email}");
            assert!(ended[0].body_text.contains("Goals reached!"));
        }
        assert!(
            mail_to(&p.db, "mona@invitations.test")
                .await
                .last()
                .unwrap()
                .lang
                == "fr"
        );
        let admin = support::admin_scope(&p.db).await;
        assert_eq!(
            rel::end_relationship(&p.db, BASE, &admin, relationship, "", later).await,
            Err(AppError::Refused(Refusal::AlreadyEnded))
        );
        // The mentor's place is free again.
        invitations::send(&p.db, BASE, &p.other_mentee, mentor, "Hi", later)
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn the_programs_invitation_days_set_the_deadline_of_new_invitations() {
    for db in support::databases().await {
        let p = pair(db).await;
        let now = Utc::now() + Duration::days(400);
        let before = invitations::send(&p.db, BASE, &p.mentee, id(&p.mentor), "Hi", now)
            .await
            .unwrap();
        let current = backend::admin::repo::program_settings(&p.db, p.program)
            .await
            .unwrap();
        let settings = shared::admin::model::ProgramSettings {
            invitation_days: 3,
            ..current
        };
        backend::admin::service::save_settings(&p.db, p.program, settings)
            .await
            .unwrap();
        let after = invitations::send(&p.db, BASE, &p.other_mentee, id(&p.mentor), "Hi", now)
            .await
            .unwrap();
        invitations::sweep(&p.db, BASE, now + Duration::days(3) + Duration::minutes(1))
            .await
            .unwrap();
        assert_eq!(status_of(&p.db, after).await, InvitationStatus::Expired);
        assert_eq!(
            status_of(&p.db, before).await,
            InvitationStatus::Pending,
            "an invitation keeps the deadline it was sent with"
        );
    }
}
