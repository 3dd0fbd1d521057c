//! Repository and service tests. Each runs against SQLite and PostgreSQL.
mod support;
use support::session_of;

use backend::admin::repo as admin_repo;
use backend::auth::{repo as auth_repo, service};
use backend::seed::{DEMO_ADMIN, DEMO_MENTEE, DEMO_MENTOR, DEMO_PASSWORD};
use chrono::{Duration, Utc};
use shared::auth::model::Role;
use shared::error::AppError;
use shared::i18n::Lang;

use support::BASE;

#[tokio::test]
async fn demo_seed_is_realistic_and_idempotent() {
    for db in support::databases().await {
        let report = backend::seed::seed_demo(&db).await.unwrap();
        assert_eq!(
            report,
            backend::seed::DemoReport::Created {
                members: 61,
                programs: 2
            },
            "{}",
            db.engine()
        );
        assert_eq!(
            backend::seed::seed_demo(&db).await.unwrap(),
            backend::seed::DemoReport::AlreadyPresent
        );
        let admin = session_of(&db, DEMO_ADMIN).await;
        let program = admin.viewer.program_id().unwrap();
        let stats = admin_repo::program_stats(&db, program).await.unwrap();
        assert_eq!(
            (stats.admins, stats.mentors, stats.mentees),
            (1, 30, 30),
            "{}",
            db.engine()
        );
        assert_eq!(
            (stats.active_relationships, stats.completed_relationships),
            (14, 4)
        );
        assert_eq!(stats.pending_invitations + stats.declined_invitations, 13);
        assert_eq!(stats.accepted_invitations, 18);
        assert_eq!(admin.viewer.program_count, 2);
    }
}

#[tokio::test]
async fn sign_in_accepts_only_the_right_password() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let ok = service::sign_in(
            &db,
            BASE,
            "10.0.0.1",
            "  Mentor@Demo.TEST ",
            DEMO_PASSWORD,
            true,
        )
        .await
        .unwrap();
        assert!(ok.persistent);
        assert_eq!(
            service::sign_in(&db, BASE, "10.0.0.1", DEMO_MENTOR, "wrong", false)
                .await
                .err(),
            Some(AppError::InvalidCredentials)
        );
        assert_eq!(
            service::sign_in(
                &db,
                BASE,
                "10.0.0.1",
                "nobody@demo.test",
                DEMO_PASSWORD,
                false
            )
            .await
            .err(),
            Some(AppError::InvalidCredentials),
            "an unknown e-mail fails exactly like a wrong password"
        );
        assert_eq!(
            service::sign_in(&db, BASE, "10.0.0.1", "", "x", false)
                .await
                .err()
                .and_then(|e| e.field().map(String::from)),
            Some("email".to_string())
        );
        assert_eq!(
            service::sign_in(&db, BASE, "10.0.0.1", DEMO_MENTOR, "", false)
                .await
                .err()
                .and_then(|e| e.field().map(String::from)),
            Some("password".to_string())
        );
    }
}

#[tokio::test]
async fn sessions_expire_end_and_follow_deactivation() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let session = session_of(&db, DEMO_MENTEE).await;
        assert_eq!(session.viewer.role(), Some(Role::Mentee));
        assert_eq!(
            session.viewer.language,
            Lang::Fr,
            "the demo mentee prefers French"
        );

        // Past its expiry the session is gone.
        let later = Utc::now() + Duration::hours(13);
        assert!(auth_repo::find_session(&db, &session.token_hash, later)
            .await
            .unwrap()
            .is_none());
        assert!(
            auth_repo::find_session(&db, &session.token_hash, Utc::now())
                .await
                .unwrap()
                .is_some()
        );
        assert_eq!(
            auth_repo::delete_expired_sessions(&db, later)
                .await
                .unwrap(),
            1
        );

        let session = session_of(&db, DEMO_MENTEE).await;
        service::sign_out(&db, &session).await.unwrap();
        assert!(
            auth_repo::find_session(&db, &session.token_hash, Utc::now())
                .await
                .unwrap()
                .is_none()
        );

        // A deactivated account's sessions stop resolving; signing in says why.
        let session = session_of(&db, DEMO_MENTEE).await;
        backend::with_db!(&db, pool => sqlx::query("UPDATE users SET is_active = FALSE WHERE email = $1")
            .bind(DEMO_MENTEE)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
            .unwrap());
        assert!(
            auth_repo::find_session(&db, &session.token_hash, Utc::now())
                .await
                .unwrap()
                .is_none()
        );
        assert!(matches!(
            service::sign_in(&db, BASE, "10.0.0.1", DEMO_MENTEE, DEMO_PASSWORD, false)
                .await
                .err(),
            Some(AppError::AccountDeactivated { .. })
        ));
    }
}

#[tokio::test]
async fn program_switching_is_limited_to_own_programs() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let mentor = session_of(&db, DEMO_MENTOR).await;
        let programs = service::memberships(&db, &mentor).await.unwrap();
        assert_eq!(programs.len(), 2);
        assert_eq!(programs[0].role, Role::Mentor);
        assert_eq!(programs[1].role, Role::Mentee);
        assert_eq!(programs[1].name_fr, "Cercle de leadership");

        service::switch_program(&db, &mentor, programs[1].program_id)
            .await
            .unwrap();
        let viewer = auth_repo::find_session(&db, &mentor.token_hash, Utc::now())
            .await
            .unwrap()
            .unwrap()
            .viewer;
        assert_eq!(viewer.role(), Some(Role::Mentee));
        assert_eq!(viewer.program_id(), Some(programs[1].program_id));

        let mentee = session_of(&db, DEMO_MENTEE).await;
        assert_eq!(
            service::switch_program(&db, &mentee, programs[1].program_id)
                .await
                .err(),
            Some(AppError::Forbidden),
            "the mentee is not in the Leadership Circle"
        );
    }
}

#[tokio::test]
async fn language_preference_is_saved() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let admin = session_of(&db, DEMO_ADMIN).await;
        assert_eq!(admin.viewer.language, Lang::En);
        service::set_language(&db, Some(&admin), Lang::Fr)
            .await
            .unwrap();
        let again = session_of(&db, DEMO_ADMIN).await;
        assert_eq!(again.viewer.language, Lang::Fr);
    }
}

#[tokio::test]
async fn connections_are_scoped_to_the_program() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let mentor = session_of(&db, DEMO_MENTOR).await;
        let program = mentor.viewer.program_id().unwrap();
        let connections =
            backend::relationships::repo::list_for_member(&db, program, mentor.viewer.user_id)
                .await
                .unwrap();
        assert_eq!(connections.len(), 2);
        assert!(connections.iter().all(|c| c.viewer_is_mentor));
        assert!(connections
            .iter()
            .any(|c| c.status == shared::relationships::model::RelationshipStatus::Active));
    }
}

#[tokio::test]
async fn synthetic_members_are_inserted_in_batches() {
    for db in support::databases().await {
        let mut seen = Vec::new();
        let report = backend::seed::seed_members(&db, 2_500, |done| seen.push(done))
            .await
            .unwrap();
        assert_eq!(seen, vec![1000, 2000, 2500]);
        let stats = admin_repo::program_stats(&db, report.program_id)
            .await
            .unwrap();
        assert_eq!(stats.mentors + stats.mentees, 2_500, "{}", db.engine());
        // A second run adds more without clashing e-mails.
        backend::seed::seed_members(&db, 10, |_| {}).await.unwrap();
        let stats = admin_repo::program_stats(&db, report.program_id)
            .await
            .unwrap();
        assert_eq!(stats.members(), 2_510);
    }
}

/// Roles and statuses are read as their enums on both engines; a code the enum does not
/// know is an error, never a mentor or a mentee by default.
#[tokio::test]
async fn stored_codes_decode_to_their_enums_and_unknown_codes_are_errors() {
    use shared::relationships::model::RelationshipStatus;
    for db in support::databases().await {
        let engine = db.engine();
        let role: Role = backend::with_db!(&db, pool => sqlx::query_scalar("SELECT 'mentor'")
            .fetch_one(pool)
            .await)
        .unwrap();
        assert_eq!(role, Role::Mentor, "{engine}");
        let bound: String = backend::with_db!(&db, pool => sqlx::query_scalar("SELECT $1 || ''")
            .bind(RelationshipStatus::Completed)
            .fetch_one(pool)
            .await)
        .unwrap();
        assert_eq!(bound, "completed", "{engine}");
        let unknown: Result<Role, sqlx::Error> = backend::with_db!(&db, pool => sqlx::query_scalar("SELECT 'boss'")
            .fetch_one(pool)
            .await);
        let message = unknown.unwrap_err().to_string();
        assert!(
            message.contains("unknown Role \"boss\""),
            "{engine}: {message}"
        );
        // A program's sign-up roles are roles too: an administrator among them does not
        // read back as "the others".
        use shared::auth::model::SignupRoles;
        let roles: SignupRoles =
            backend::with_db!(&db, pool => sqlx::query_scalar("SELECT 'mentee'")
            .fetch_one(pool)
            .await)
            .unwrap();
        assert_eq!(roles.roles(), [Role::Mentee], "{engine}");
        let with_admin: Result<SignupRoles, sqlx::Error> = backend::with_db!(&db, pool => sqlx::query_scalar("SELECT 'mentor,admin'")
            .fetch_one(pool)
            .await);
        assert!(with_admin.is_err(), "{engine}");
    }
}

/// A zone is read once, as a zone: one the zone database does not know is an error (the
/// request fails and the log says why), never silently Toronto.
#[tokio::test]
async fn an_unknown_stored_time_zone_is_an_error_not_another_zone() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let engine = db.engine();
        let session = session_of(&db, DEMO_MENTEE).await;
        backend::with_db!(&db, pool => sqlx::query("UPDATE users SET time_zone = 'Asia/Kolkata' WHERE email = $1")
            .bind(DEMO_MENTEE)
            .execute(pool)
            .await
            .map(|_| ())
            .unwrap());
        let found = auth_repo::find_session(&db, &session.token_hash, Utc::now())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(found.viewer.time_zone.name(), "Asia/Kolkata", "{engine}");
        backend::with_db!(&db, pool => sqlx::query("UPDATE users SET time_zone = 'Mars/Olympus' WHERE email = $1")
            .bind(DEMO_MENTEE)
            .execute(pool)
            .await
            .map(|_| ())
            .unwrap());
        let Err(err) = auth_repo::find_session(&db, &session.token_hash, Utc::now()).await else {
            panic!("{engine}: a session with an unknown zone was read");
        };
        let err = err.to_string();
        assert!(
            err.contains("unknown time zone \"Mars/Olympus\""),
            "{engine}: {err}"
        );
    }
}
