//! Member import and bulk deactivation from files, on SQLite and PostgreSQL: all or
//! nothing, every problem reported with its row.
mod support;

use backend::auth::{recovery, repo as auth_repo};
use backend::members::import;
use backend::seed::{DEMO_MENTEE, DEMO_MENTOR, DEMO_PASSWORD};
use chrono::Utc;
use shared::auth::model::Role;
use shared::error::AppError;
use shared::members::model::{ImportIssueCode, ImportKind, ImportStatus};
use support::{admin_scope, count, link_token, outbox, session_of, sign_in};

use support::BASE;

#[tokio::test]
async fn an_import_with_one_bad_row_writes_nothing_and_the_fixed_file_writes_everything() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let scope = admin_scope(&db).await;
        let users_before = count(&db, "SELECT COUNT(*) FROM users").await;
        let bad = "first_name,last_name,email,role,language\n\
                   Ana,Lee,ana@import.test,mentor,en\n\
                   Luc,Roy,luc@import,mentee,fr\n\
                   Mia,Chen,mentee@demo.test,mentor,en\n";
        let run = import::start(
            &db,
            BASE,
            &scope,
            ImportKind::Members,
            "bad.csv",
            bad.as_bytes(),
        )
        .await
        .unwrap();
        let state = support::finished_import(&db, scope.program_id, run).await;
        assert_eq!(state.status, ImportStatus::Invalid);
        assert_eq!(state.issues.len(), 1);
        assert_eq!(
            (state.issues[0].row, state.issues[0].code),
            (3, ImportIssueCode::InvalidEmail)
        );
        assert_eq!(count(&db, "SELECT COUNT(*) FROM users").await, users_before);
        assert!(outbox(&db).await.is_empty());

        let good = bad.replace("luc@import,", "luc@import.test,");
        let run = import::start(
            &db,
            BASE,
            &scope,
            ImportKind::Members,
            "good.csv",
            good.as_bytes(),
        )
        .await
        .unwrap();
        let state = support::finished_import(&db, scope.program_id, run).await;
        assert_eq!(state.status, ImportStatus::Done, "{state:?}");
        assert_eq!((state.created, state.updated), (2, 1));
        assert_eq!(
            count(&db, "SELECT COUNT(*) FROM users").await,
            users_before + 2
        );
        let mail = outbox(&db).await;
        assert_eq!(
            mail.len(),
            2,
            "a set-password e-mail per new member; the existing one is updated"
        );
        let luc = mail
            .iter()
            .find(|m| m.to_address == "luc@import.test")
            .unwrap();
        assert_eq!(
            (luc.lang.as_str(), luc.template_key.as_deref()),
            ("fr", Some("import-login"))
        );
        assert!(luc.subject.starts_with("Votre compte"));
        let token = link_token(&luc.body_text, "/password/");
        assert_eq!(
            recovery::password_link_kind(&db, &token).await.unwrap(),
            shared::auth::model::PasswordLinkKind::SetPassword
        );
        recovery::complete_password_link(
            &db,
            BASE,
            &token,
            "luc's own password",
            "luc's own password",
        )
        .await
        .unwrap();
        assert!(sign_in(&db, "luc@import.test", "luc's own password")
            .await
            .is_ok());
        let mia = session_of(&db, DEMO_MENTEE).await;
        assert_eq!(mia.viewer.first_name, "Mia");
        assert_eq!(mia.viewer.role(), Some(Role::Mentor));

        // Importing the same file again duplicates nobody.
        let run = import::start(
            &db,
            BASE,
            &scope,
            ImportKind::Members,
            "good.csv",
            good.as_bytes(),
        )
        .await
        .unwrap();
        assert_eq!(
            support::finished_import(&db, scope.program_id, run)
                .await
                .updated,
            3
        );
        assert_eq!(
            count(&db, "SELECT COUNT(*) FROM users").await,
            users_before + 2
        );
    }
}

#[tokio::test]
async fn bulk_deactivation_is_all_or_nothing() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let scope = admin_scope(&db).await;
        let bad = "Courriel\nmentor@demo.test\nstranger@elsewhere.test\nadmin@demo.test\n";
        let run = import::start(
            &db,
            BASE,
            &scope,
            ImportKind::Deactivate,
            "d.csv",
            bad.as_bytes(),
        )
        .await
        .unwrap();
        let state = support::finished_import(&db, scope.program_id, run).await;
        let codes: Vec<_> = state.issues.iter().map(|i| (i.row, i.code)).collect();
        assert_eq!(
            codes,
            vec![
                (3, ImportIssueCode::NotAMember),
                (4, ImportIssueCode::IsYou)
            ]
        );
        assert!(
            sign_in(&db, DEMO_MENTOR, DEMO_PASSWORD).await.is_ok(),
            "nothing was deactivated"
        );

        let mentee = session_of(&db, DEMO_MENTEE).await;
        let good = "email\nmentor@demo.test\nMENTEE@demo.test\n";
        let run = import::start(
            &db,
            BASE,
            &scope,
            ImportKind::Deactivate,
            "d.csv",
            good.as_bytes(),
        )
        .await
        .unwrap();
        let state = support::finished_import(&db, scope.program_id, run).await;
        assert_eq!((state.status, state.updated), (ImportStatus::Done, 2));
        assert!(auth_repo::find_session(&db, &mentee.token_hash, Utc::now())
            .await
            .unwrap()
            .is_none());
        assert!(matches!(
            sign_in(&db, DEMO_MENTEE, DEMO_PASSWORD).await,
            Err(AppError::AccountDeactivated { .. })
        ));
        // The mentor is also a member of another program: only this one is closed to him.
        let mentor = session_of(&db, DEMO_MENTOR).await;
        assert_ne!(mentor.viewer.program_id(), Some(scope.program_id));
        assert_eq!(mentor.viewer.program_count, 1);
    }
}
