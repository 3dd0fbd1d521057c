//! Accounts, on SQLite and PostgreSQL: lockout and unlock, password links, registration
//! through the invitation link, deactivation, permanent delete, program settings.
mod support;

use backend::auth::{recovery, registration, repo as auth_repo, service};
use backend::members::service as members;
use backend::seed::{
    demo_program_id, DEMO_ADMIN, DEMO_INVITE_TOKEN, DEMO_MENTEE, DEMO_MENTOR, DEMO_PASSWORD,
};
use chrono::Utc;
use shared::auth::model::Role;
use shared::error::{AppError, ValidationCode};
use support::{admin_scope, count, link_token, outbox, registration, session_of, sign_in, user_id};

use support::BASE;

#[tokio::test]
async fn consecutive_failures_lock_the_account_until_the_emailed_link_unlocks_it() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        // A wrong password answers the same before, at and after the lock, and the same
        // as for an address without an account: nobody learns which addresses exist.
        for attempt in 1..=7 {
            for email in [DEMO_MENTOR, "nobody@demo.test"] {
                let err = sign_in(&db, email, "wrong password").await.unwrap_err();
                assert_eq!(
                    err,
                    AppError::InvalidCredentials,
                    "{email}, attempt {attempt}"
                );
            }
        }
        // Only the right password hears that the account is locked.
        assert_eq!(
            sign_in(&db, DEMO_MENTOR, DEMO_PASSWORD).await.unwrap_err(),
            AppError::AccountLocked
        );
        let mail = outbox(&db).await;
        assert_eq!(mail.len(), 1, "one unlock e-mail, not one per attempt");
        assert_eq!(mail[0].template_key.as_deref(), Some("account-unlock"));
        assert_eq!(mail[0].to_address, DEMO_MENTOR);
        let token = link_token(&mail[0].body_text, "/unlock/");

        // "Didn't receive unlock instructions?" sends a fresh link; the old one retires.
        recovery::resend_unlock(&db, BASE, "10.0.0.9", DEMO_MENTOR)
            .await
            .unwrap();
        let mail = outbox(&db).await;
        assert_eq!(mail.len(), 2);
        assert_eq!(
            recovery::unlock_account(&db, &token).await.unwrap_err(),
            AppError::LinkExpired
        );
        let token = link_token(&mail[1].body_text, "/unlock/");
        recovery::unlock_account(&db, &token).await.unwrap();
        assert!(sign_in(&db, DEMO_MENTOR, DEMO_PASSWORD).await.is_ok());
        assert_eq!(
            recovery::unlock_account(&db, &token).await.unwrap_err(),
            AppError::LinkExpired
        );
        // Nobody else is told anything about unknown or unlocked accounts.
        recovery::resend_unlock(&db, BASE, "10.0.0.9", "nobody@demo.test")
            .await
            .unwrap();
        recovery::resend_unlock(&db, BASE, "10.0.0.9", DEMO_MENTOR)
            .await
            .unwrap();
        assert_eq!(outbox(&db).await.len(), 2);
    }
}

#[tokio::test]
async fn failed_sign_ins_are_rate_limited_per_address() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        for _ in 0..20 {
            let err =
                service::sign_in(&db, BASE, "203.0.113.7", "nobody@demo.test", "x", false).await;
            assert_eq!(err.unwrap_err(), AppError::InvalidCredentials);
        }
        let err =
            service::sign_in(&db, BASE, "203.0.113.7", DEMO_MENTOR, DEMO_PASSWORD, false).await;
        assert_eq!(err.unwrap_err(), AppError::RateLimited);
        assert!(
            service::sign_in(&db, BASE, "203.0.113.8", DEMO_MENTOR, DEMO_PASSWORD, false)
                .await
                .is_ok()
        );
    }
}

#[tokio::test]
async fn the_sweep_forgets_the_hits_no_limit_counts_any_more() {
    use backend::auth::{rate_limit, repo};
    for db in support::databases().await {
        let now = chrono::Utc::now();
        let bucket = "sign-in:198.51.100.4";
        for minutes in [3 * 60, 61, 59, 5] {
            repo::insert_hit(&db, bucket, now - chrono::Duration::minutes(minutes))
                .await
                .unwrap();
        }
        assert_eq!(
            rate_limit::prune(&db, now).await.unwrap(),
            2,
            "{}",
            db.engine()
        );
        let kept = repo::count_hits(&db, bucket, now - chrono::Duration::days(1))
            .await
            .unwrap();
        assert_eq!(kept, 2, "the last hour's hits still count");
        assert_eq!(rate_limit::prune(&db, now).await.unwrap(), 0);
    }
}

#[tokio::test]
async fn a_reset_link_sets_a_new_password_once_and_ends_other_sessions() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let other = session_of(&db, DEMO_MENTEE).await;
        recovery::request_password_reset(&db, BASE, "10.0.0.9", "NOBODY@demo.test")
            .await
            .unwrap();
        assert!(
            outbox(&db).await.is_empty(),
            "unknown addresses get no e-mail"
        );
        recovery::request_password_reset(&db, BASE, "10.0.0.9", " Mentee@Demo.test ")
            .await
            .unwrap();
        let mail = outbox(&db).await;
        assert_eq!(mail.len(), 1);
        assert_eq!(mail[0].lang, "fr", "the mentee reads French");
        assert!(
            mail[0].subject.starts_with("Réinitialisez"),
            "{}",
            mail[0].subject
        );
        assert!(
            mail[0].body_text.contains("expire le"),
            "expiry in the recipient's words"
        );
        let token = link_token(&mail[0].body_text, "/password/");

        let weak = recovery::complete_password_link(&db, BASE, &token, "short", "short").await;
        assert_eq!(
            weak.unwrap_err(),
            AppError::validation("password", ValidationCode::PasswordTooShort)
        );
        let mismatch =
            recovery::complete_password_link(&db, BASE, &token, "a long new one", "a long new two")
                .await;
        assert_eq!(
            mismatch.unwrap_err(),
            AppError::validation("password_confirm", ValidationCode::Mismatch)
        );
        let signed_in =
            recovery::complete_password_link(&db, BASE, &token, "a long new one", "a long new one")
                .await
                .unwrap();
        assert!(!signed_in.token.is_empty());
        assert!(
            auth_repo::find_session(&db, &other.token_hash, Utc::now())
                .await
                .unwrap()
                .is_none(),
            "the other session ended"
        );
        assert_eq!(
            sign_in(&db, DEMO_MENTEE, DEMO_PASSWORD).await.unwrap_err(),
            AppError::InvalidCredentials
        );
        assert!(sign_in(&db, DEMO_MENTEE, "a long new one").await.is_ok());
        let again = recovery::complete_password_link(
            &db,
            BASE,
            &token,
            "another long one",
            "another long one",
        )
        .await;
        assert_eq!(again.unwrap_err(), AppError::LinkExpired);
        let mail = outbox(&db).await;
        assert_eq!(
            mail.last().unwrap().template_key.as_deref(),
            Some("password-changed")
        );
    }
}

#[tokio::test]
async fn the_invitation_link_registers_members_in_the_program() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let info = registration::invitation(&db, DEMO_INVITE_TOKEN, None)
            .await
            .unwrap();
        assert_eq!(info.roles, vec![Role::Mentor, Role::Mentee]);
        assert_eq!(
            registration::invitation(&db, "nope", None)
                .await
                .unwrap_err(),
            AppError::LinkExpired
        );

        let admin_role = registration::register(
            &db,
            BASE,
            "10.0.0.9",
            DEMO_INVITE_TOKEN,
            registration("zoe@x.ca", "admin"),
        )
        .await;
        assert_eq!(
            admin_role.unwrap_err(),
            AppError::validation("role", ValidationCode::InvalidChoice)
        );
        let signed_in = registration::register(
            &db,
            BASE,
            "10.0.0.9",
            DEMO_INVITE_TOKEN,
            registration("Zoe@X.ca", "mentee"),
        )
        .await
        .unwrap();
        assert_eq!(signed_in.language, shared::i18n::Lang::Fr);
        // The account starts in the zone the browser sent.
        let zone: String = backend::with_db!(&db, pool => sqlx::query_scalar(
            "SELECT time_zone FROM users WHERE email = 'zoe@x.ca'",
        )
        .fetch_one(pool)
        .await
        .unwrap());
        assert_eq!(zone, "Europe/Paris", "{}", db.engine());
        let mail = outbox(&db).await;
        assert_eq!(mail.len(), 1);
        assert_eq!(
            (mail[0].to_address.as_str(), mail[0].template_key.as_deref()),
            ("zoe@x.ca", Some("welcome"))
        );
        assert!(mail[0].subject.starts_with("Bienvenue"));
        let again = registration::register(
            &db,
            BASE,
            "10.0.0.9",
            DEMO_INVITE_TOKEN,
            registration("zoe@x.ca", "mentee"),
        )
        .await;
        assert_eq!(
            again.unwrap_err(),
            AppError::validation("email", ValidationCode::AlreadyRegistered)
        );
        assert!(sign_in(&db, "zoe@x.ca", "a good long password")
            .await
            .is_ok());

        let program = demo_program_id(&db).await.unwrap().unwrap();
        backend::admin::repo::set_invite_enabled(&db, program, false)
            .await
            .unwrap();
        let closed = registration::register(
            &db,
            BASE,
            "10.0.0.9",
            DEMO_INVITE_TOKEN,
            registration("new@x.ca", "mentor"),
        )
        .await;
        assert_eq!(closed.unwrap_err(), AppError::LinkExpired);
    }
}

#[tokio::test]
async fn deactivation_ends_sessions_and_reactivation_restores_access() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let scope = admin_scope(&db).await;
        let mentee = session_of(&db, DEMO_MENTEE).await;
        let mentee_id = mentee.viewer.user_id;
        members::set_active(&db, "http://mentora.test", &scope, mentee_id, false)
            .await
            .unwrap();
        assert!(auth_repo::find_session(&db, &mentee.token_hash, Utc::now())
            .await
            .unwrap()
            .is_none());
        // The answer carries a notice the page reads the program's contact through;
        // nothing else (a made-up notice, a program id) gives the contact away.
        let AppError::AccountDeactivated { notice } =
            sign_in(&db, DEMO_MENTEE, DEMO_PASSWORD).await.unwrap_err()
        else {
            panic!("deactivated expected");
        };
        assert_eq!(
            service::notice_contact(&db, &notice).await.unwrap(),
            DEMO_ADMIN,
            "the demo program's contact"
        );
        let program = demo_program_id(&db).await.unwrap().unwrap();
        for made_up in [String::new(), "unknown".to_string(), program.to_string()] {
            assert_eq!(
                service::notice_contact(&db, &made_up).await.unwrap_err(),
                AppError::LinkExpired
            );
        }
        let wrong = sign_in(&db, DEMO_MENTEE, "wrong").await.unwrap_err();
        assert_eq!(
            wrong,
            AppError::InvalidCredentials,
            "the status is only told to the right password"
        );
        members::set_active(&db, "http://mentora.test", &scope, mentee_id, true)
            .await
            .unwrap();
        assert!(sign_in(&db, DEMO_MENTEE, DEMO_PASSWORD).await.is_ok());
        let own = members::set_active(
            &db,
            "http://mentora.test",
            &scope,
            scope.session.viewer.user_id,
            false,
        )
        .await;
        assert_eq!(
            own.unwrap_err(),
            AppError::validation("member", ValidationCode::SelfAction)
        );
        let stranger =
            members::set_active(&db, "http://mentora.test", &scope, 999_999, false).await;
        assert_eq!(stranger.unwrap_err(), AppError::NotFound);
    }
}

#[tokio::test]
async fn permanent_delete_erases_the_person_but_keeps_the_counts() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let scope = admin_scope(&db).await;
        let program = scope.program_id;
        recovery::request_password_reset(&db, BASE, "10.0.0.9", DEMO_MENTEE)
            .await
            .unwrap();
        let before = backend::admin::repo::program_stats(&db, program)
            .await
            .unwrap();
        let mentee_id = user_id(&db, DEMO_MENTEE).await;
        members::delete_member(&db, "http://mentora.test", &scope, mentee_id)
            .await
            .unwrap();
        let after = backend::admin::repo::program_stats(&db, program)
            .await
            .unwrap();
        assert_eq!(after.mentees, before.mentees - 1);
        assert_eq!(
            after.relationships(),
            before.relationships(),
            "relationships still add up"
        );
        assert_eq!(
            count(
                &db,
                "SELECT COUNT(*) FROM users WHERE email = 'mentee@demo.test'"
            )
            .await,
            0
        );
        assert_eq!(
            count(
                &db,
                "SELECT COUNT(*) FROM users WHERE deleted_at IS NOT NULL AND first_name = ''"
            )
            .await,
            1
        );
        let mail = outbox(&db).await;
        assert_eq!(mail.len(), 1, "the log keeps the row");
        assert!(mail[0].to_address.is_empty() && mail[0].body_text.is_empty());
        assert_eq!(
            sign_in(&db, DEMO_MENTEE, DEMO_PASSWORD).await.unwrap_err(),
            AppError::InvalidCredentials
        );

        // Someone who also belongs to another program only leaves this one.
        let mentor_id = user_id(&db, DEMO_MENTOR).await;
        members::delete_member(&db, "http://mentora.test", &scope, mentor_id)
            .await
            .unwrap();
        let mentor = session_of(&db, DEMO_MENTOR).await;
        assert_ne!(mentor.viewer.program_id(), Some(program));
    }
}

#[tokio::test]

async fn program_settings_drive_lockout_registration_and_the_contact() {
    use backend::admin::{repo as admin_repo, service as admin};
    use shared::admin::model::ProgramSettings;
    for db in support::databases().await {
        let db = support::demo(db).await;
        let program = demo_program_id(&db).await.unwrap().unwrap();
        let current = admin_repo::program_settings(&db, program).await.unwrap();
        assert_eq!(
            (
                current.lockout_threshold,
                current.signup_mentors,
                current.signup_mentees
            ),
            (5, true, true)
        );
        let settings =
            |threshold: i64, mentors: bool, mentees: bool, email: &str| ProgramSettings {
                contact_email: email.into(),
                lockout_threshold: threshold,
                signup_mentors: mentors,
                signup_mentees: mentees,
                ..current.clone()
            };
        let bad_email = admin::save_settings(&db, program, settings(5, true, true, "nope")).await;
        assert_eq!(
            bad_email.unwrap_err(),
            AppError::validation("contact_email", ValidationCode::InvalidEmail)
        );
        let bad_threshold =
            admin::save_settings(&db, program, settings(1, true, true, "help@demo.test")).await;
        assert_eq!(
            bad_threshold.unwrap_err().field(),
            Some("lockout_threshold")
        );
        let too_long = ProgramSettings {
            invitation_days: 61,
            ..settings(5, true, true, "help@demo.test")
        };
        assert_eq!(
            admin::save_settings(&db, program, too_long)
                .await
                .unwrap_err(),
            AppError::validation("invitation_days", ValidationCode::OutOfRange)
        );
        let nobody =
            admin::save_settings(&db, program, settings(5, false, false, "help@demo.test")).await;
        assert_eq!(
            nobody.unwrap_err(),
            AppError::validation("signup_roles", ValidationCode::Required)
        );

        admin::save_settings(&db, program, settings(3, true, false, " Help@Demo.test "))
            .await
            .unwrap();
        // Only mentors may now register through the link.
        let info = registration::invitation(&db, DEMO_INVITE_TOKEN, None)
            .await
            .unwrap();
        assert_eq!(info.roles, vec![Role::Mentor]);
        let mentee = registration::register(
            &db,
            BASE,
            "10.0.0.9",
            DEMO_INVITE_TOKEN,
            registration("m@x.ca", "mentee"),
        )
        .await;
        assert_eq!(
            mentee.unwrap_err(),
            AppError::validation("role", ValidationCode::InvalidChoice)
        );
        // Three failures lock an account now (the mentee belongs only to this program).
        for _ in 0..2 {
            assert_eq!(
                sign_in(&db, DEMO_MENTEE, "nope").await.unwrap_err(),
                AppError::InvalidCredentials
            );
        }
        assert_eq!(
            sign_in(&db, DEMO_MENTEE, "nope").await.unwrap_err(),
            AppError::InvalidCredentials
        );
        assert_eq!(
            sign_in(&db, DEMO_MENTEE, DEMO_PASSWORD).await.unwrap_err(),
            AppError::AccountLocked
        );
        assert_eq!(
            auth_repo::program_contact(&db, program)
                .await
                .unwrap()
                .as_deref(),
            Some("help@demo.test")
        );
    }
}
