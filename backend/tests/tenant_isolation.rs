//! One program's administrator changes only their program's membership data, on SQLite
//! and PostgreSQL: an import never renames or re-languages someone who belongs to another
//! program, its counts do not tell which addresses other programs know, and deactivating
//! a membership ends only the sessions in that program. Registration through a link never
//! checks an existing account's password (that is the sign-in's job, with its lockout).
//! Deactivated members are hidden from other members, not from administrators.
mod support;

use backend::auth::authz::{check, Access, MemberScope};
use backend::auth::session::RequestSession;
use backend::auth::{registration, repo as auth_repo, service};
use backend::db::Db;
use backend::members::{import, service as members};
use backend::seed::{
    circle_program_id, demo_program_id, CIRCLE_INVITE_TOKEN, DEMO_ADMIN, DEMO_MENTEE, DEMO_PASSWORD,
};
use chrono::Utc;
use shared::auth::model::Role;
use shared::error::{AppError, ValidationCode};
use shared::members::model::{ImportKind, ImportStatus};
use support::{outbox, session_of};

use support::BASE;

/// The demo admin, acting in "Leadership Circle" (they administer both programs).
async fn circle_admin(db: &Db) -> MemberScope {
    let session = session_of(db, DEMO_ADMIN).await;
    let circle = circle_program_id(db).await.unwrap().unwrap();
    service::switch_program(db, &session, circle).await.unwrap();
    let found = auth_repo::find_session(db, &session.token_hash, Utc::now())
        .await
        .unwrap()
        .unwrap();
    let scope = check(
        Access::Admin,
        Some(RequestSession {
            token_hash: session.token_hash,
            viewer: found.viewer,
        }),
    )
    .unwrap()
    .unwrap();
    assert_eq!(scope.program_id, circle);
    scope
}

#[derive(Debug, PartialEq, sqlx::FromRow)]
struct Person {
    first_name: String,
    last_name: String,
    language: String,
    has_password: bool,
}

async fn person(db: &Db, email: &str) -> Person {
    backend::with_db!(db, pool => sqlx::query_as::<_, Person>(
        "SELECT first_name, last_name, language, (password_hash IS NOT NULL) AS has_password
         FROM users WHERE email = $1",
    )
    .bind(email)
    .fetch_one(pool)
    .await
    .unwrap())
}

async fn role_in(db: &Db, program: i64, email: &str) -> Option<String> {
    backend::with_db!(db, pool => sqlx::query_scalar(
        "SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.program_id = $1 AND u.email = $2",
    )
    .bind(program)
    .bind(email)
    .fetch_optional(pool)
    .await
    .unwrap())
}

#[tokio::test]
async fn an_import_never_changes_someone_another_program_knows() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let circle = circle_admin(&db).await;
        let before = person(&db, DEMO_MENTEE).await;
        assert_eq!(role_in(&db, circle.program_id, DEMO_MENTEE).await, None);

        // The Demo program's mentee is added to Circle as they are.
        let header = "first_name,last_name,email,role,language\n";
        let state = support::import_members(
            &db,
            &circle,
            &format!("{header}Renamed,By Circle,{DEMO_MENTEE},mentee,en\n"),
        )
        .await;
        assert_eq!(person(&db, DEMO_MENTEE).await, before, "{}", db.engine());
        assert_eq!(
            role_in(&db, circle.program_id, DEMO_MENTEE)
                .await
                .as_deref(),
            Some("mentee")
        );
        // Counted like a brand-new address: the counts tell nothing about other programs.
        let fresh = support::import_members(
            &db,
            &circle,
            &format!("{header}Nobody,Known,nobody@elsewhere.test,mentee,en\n"),
        )
        .await;
        assert_eq!((state.created, state.updated), (1, 0));
        assert_eq!(
            (fresh.created, fresh.updated),
            (state.created, state.updated)
        );
        // Their welcome is written in the language they chose, not the import's.
        let welcome = outbox(&db)
            .await
            .into_iter()
            .find(|m| m.to_address == DEMO_MENTEE)
            .unwrap();
        assert_eq!(welcome.lang, before.language);

        // A second import changes only their role in Circle.
        let state = support::import_members(
            &db,
            &circle,
            &format!("{header}RENAMED-BY-CIRCLE,ADMIN,{DEMO_MENTEE},mentor,en\n"),
        )
        .await;
        assert_eq!((state.created, state.updated), (0, 1));
        assert_eq!(person(&db, DEMO_MENTEE).await, before);
        assert_eq!(
            role_in(&db, circle.program_id, DEMO_MENTEE)
                .await
                .as_deref(),
            Some("mentor")
        );

        // Someone only this program knows is still renamed by its import.
        support::import_members(
            &db,
            &circle,
            &format!("{header}Now,Renamed,nobody@elsewhere.test,mentee,fr\n"),
        )
        .await;
        let only_here = person(&db, "nobody@elsewhere.test").await;
        assert_eq!(
            (only_here.first_name.as_str(), only_here.language.as_str()),
            ("Now", "fr")
        );
    }
}

#[tokio::test]
async fn deactivating_a_membership_ends_only_that_programs_sessions() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let circle = circle_admin(&db).await;
        let header = "first_name,last_name,email,role,language\n";
        support::import_members(
            &db,
            &circle,
            &format!("{header}Ana,Lee,{DEMO_MENTEE},mentee,en\n"),
        )
        .await;
        // Signed in to Demo (their first program).
        let in_demo = session_of(&db, DEMO_MENTEE).await;
        let demo = demo_program_id(&db).await.unwrap().unwrap();
        assert_eq!(in_demo.viewer.program_id(), Some(demo));
        // Another device, in Circle.
        let in_circle = session_of(&db, DEMO_MENTEE).await;
        service::switch_program(&db, &in_circle, circle.program_id)
            .await
            .unwrap();

        let user_id = in_demo.viewer.user_id;
        members::set_active(&db, "http://mentora.test", &circle, user_id, false)
            .await
            .unwrap();
        let demo_session = auth_repo::find_session(&db, &in_demo.token_hash, Utc::now())
            .await
            .unwrap()
            .expect("the Demo session goes on");
        assert_eq!(demo_session.viewer.program_id(), Some(demo));
        assert!(
            auth_repo::find_session(&db, &in_circle.token_hash, Utc::now())
                .await
                .unwrap()
                .is_none(),
            "the Circle session ended ({})",
            db.engine()
        );
        // The Demo session cannot be switched into Circle any more.
        assert_eq!(
            service::switch_program(&db, &in_demo, circle.program_id)
                .await
                .unwrap_err(),
            AppError::Forbidden
        );

        // The same through a bulk-deactivation file.
        members::set_active(&db, "http://mentora.test", &circle, user_id, true)
            .await
            .unwrap();
        let again = session_of(&db, DEMO_MENTEE).await;
        let run = import::start(
            &db,
            BASE,
            &circle,
            ImportKind::Deactivate,
            "off.csv",
            format!("email\n{DEMO_MENTEE}\n").as_bytes(),
        )
        .await
        .unwrap();
        for _ in 0..200 {
            if import::run(&db, circle.program_id, run)
                .await
                .unwrap()
                .status
                != ImportStatus::Running
            {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert!(auth_repo::find_session(&db, &again.token_hash, Utc::now())
            .await
            .unwrap()
            .is_some());
        assert!(
            auth_repo::find_session(&db, &in_demo.token_hash, Utc::now())
                .await
                .unwrap()
                .is_some()
        );
    }
}

fn registration_of(email: &str, password: &str) -> registration::Registration {
    registration::Registration {
        first_name: "Guess".into(),
        last_name: "Work".into(),
        email: email.into(),
        password: password.into(),
        password_confirm: password.into(),
        role: "mentee".into(),
        language: "en".into(),
        time_zone: String::new(),
    }
}

#[tokio::test]
async fn registration_is_no_password_oracle_and_members_join_by_signing_in() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let circle = circle_program_id(&db).await.unwrap().unwrap();
        // Wrong and right passwords get the same answer, and neither joins the program.
        for guess in ["wrong guess 1", DEMO_PASSWORD] {
            assert_eq!(
                registration::register(
                    &db,
                    BASE,
                    "10.0.0.7",
                    CIRCLE_INVITE_TOKEN,
                    registration_of(DEMO_MENTEE, guess),
                )
                .await
                .map(|_| ())
                .unwrap_err(),
                AppError::validation("email", ValidationCode::AlreadyRegistered),
                "{guess}"
            );
        }
        assert_eq!(role_in(&db, circle, DEMO_MENTEE).await, None);

        // Signed in (the sign-in's lockout applies), the link joins with the account.
        let session = session_of(&db, DEMO_MENTEE).await;
        let info = registration::invitation(&db, CIRCLE_INVITE_TOKEN, Some(&session))
            .await
            .unwrap();
        assert_eq!(info.signed_in_as.as_deref(), Some(DEMO_MENTEE));
        assert!(!info.already_member);
        assert_eq!(
            registration::join_with_account(&db, BASE, &session, CIRCLE_INVITE_TOKEN, "admin")
                .await
                .unwrap_err(),
            AppError::validation("role", ValidationCode::InvalidChoice)
        );
        let before = person(&db, DEMO_MENTEE).await;
        registration::join_with_account(&db, BASE, &session, CIRCLE_INVITE_TOKEN, "mentee")
            .await
            .unwrap();
        assert_eq!(
            role_in(&db, circle, DEMO_MENTEE).await.as_deref(),
            Some(Role::Mentee.as_str())
        );
        assert_eq!(person(&db, DEMO_MENTEE).await, before);
        let now_in = auth_repo::find_session(&db, &session.token_hash, Utc::now())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(now_in.viewer.program_id(), Some(circle));
        // Opening the link again just goes there.
        let info = registration::invitation(&db, CIRCLE_INVITE_TOKEN, Some(&session))
            .await
            .unwrap();
        assert!(info.already_member);
        registration::join_with_account(&db, BASE, &session, CIRCLE_INVITE_TOKEN, "")
            .await
            .unwrap();
        let welcomes = outbox(&db)
            .await
            .into_iter()
            .filter(|m| m.to_address == DEMO_MENTEE)
            .count();
        assert_eq!(welcomes, 1, "one welcome");
    }
}

#[tokio::test]
async fn deactivated_members_are_hidden_from_members_but_not_from_admins() {
    use backend::matching::service::{partner_page, Searcher};
    use backend::members::index::MemberIndexes;
    use backend::profiles::service::member_profile;
    for db in support::databases().await {
        let db = support::demo(db).await;
        let program = demo_program_id(&db).await.unwrap().unwrap();
        let admin = check(Access::Admin, Some(session_of(&db, DEMO_ADMIN).await))
            .unwrap()
            .unwrap();
        let mentor = Searcher {
            program_id: program,
            user_id: session_of(&db, backend::seed::DEMO_MENTOR)
                .await
                .viewer
                .user_id,
            role: Role::Mentor,
        };
        let indexes = MemberIndexes::default();
        let search = |page: usize| {
            let (db, indexes) = (&db, &indexes);
            async move {
                partner_page(
                    db,
                    indexes,
                    mentor,
                    Role::Mentee,
                    &format!("search=1&page={page}"),
                )
                .await
                .unwrap()
            }
        };
        let (first, second) = (search(1).await, search(2).await);
        let total = first.total;
        let mentee = first.cards[0].user_id;
        let listed = |cards: &[shared::matching::model::PartnerCard]| {
            cards.iter().any(|c| c.user_id == mentee)
        };
        assert!(listed(&first.cards) || listed(&second.cards));
        members::set_active(&db, "http://mentora.test", &admin, mentee, false)
            .await
            .unwrap();

        let (first, second) = (search(1).await, search(2).await);
        assert!(
            !listed(&first.cards) && !listed(&second.cards),
            "{}",
            db.engine()
        );
        assert_eq!(first.total, total - 1);
        assert_eq!(
            member_profile(&db, program, mentee, false)
                .await
                .unwrap_err(),
            AppError::NotFound
        );
        assert!(member_profile(&db, program, mentee, true).await.is_ok());
    }
}
