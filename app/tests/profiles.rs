//! Program lists (and, as they land, profiles and completeness). SQLite and PostgreSQL.
mod support;

use app::error::{AppError, ValidationCode};
use app::profiles::model::{ListKind, LIST_ITEMS_MAX};
use app::profiles::server::{repo, service};

fn labels(items: &[app::profiles::model::ListItem]) -> Vec<&str> {
    items.iter().map(|i| i.label_en.as_str()).collect()
}

#[tokio::test]
async fn program_lists_keep_order_names_and_their_own_program() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let program = app::seed::demo_program_id(&db).await.unwrap().unwrap();
        let kind = ListKind::MeetingCity;
        let before = repo::list_items(&db, program, kind).await.unwrap().len();

        let moncton = service::add_item(&db, program, kind, " Moncton ", "Moncton")
            .await
            .unwrap();
        let saint_john = service::add_item(&db, program, kind, "Saint John", "Saint-Jean")
            .await
            .unwrap();
        let items = repo::list_items(&db, program, kind).await.unwrap();
        assert_eq!(
            labels(&items[before..]),
            ["Moncton", "Saint John"],
            "{}",
            db.engine()
        );
        assert_eq!(items[before + 1].label_fr, "Saint-Jean");

        // Same name in either language, any case: refused, naming the field.
        for (en, fr) in [("MONCTON", "Autre"), ("Other", "saint-jean")] {
            let err = service::add_item(&db, program, kind, en, fr)
                .await
                .unwrap_err();
            assert_eq!(
                err,
                AppError::validation("label_en", ValidationCode::Duplicate)
            );
        }
        // Both languages are required.
        let err = service::add_item(&db, program, kind, "Fredericton", "  ")
            .await
            .unwrap_err();
        assert_eq!(
            err,
            AppError::validation("label_fr", ValidationCode::Required)
        );

        service::move_item(&db, program, kind, saint_john, true)
            .await
            .unwrap();
        let items = repo::list_items(&db, program, kind).await.unwrap();
        assert_eq!(
            items.iter().position(|i| i.id == saint_john).unwrap() + 1,
            items.iter().position(|i| i.id == moncton).unwrap(),
            "moved above Moncton"
        );

        // Renaming to its own name is fine; to another entry's name is not.
        service::rename_item(&db, program, kind, moncton, "Moncton", "Moncton (N.-B.)")
            .await
            .unwrap();
        let err = service::rename_item(&db, program, kind, moncton, "Saint john", "X")
            .await
            .unwrap_err();
        assert_eq!(
            err,
            AppError::validation("label_en", ValidationCode::Duplicate)
        );

        // Another program's administrator reaches none of it.
        let other = app::seed::circle_program_id(&db).await.unwrap().unwrap();
        for result in [
            service::rename_item(&db, other, kind, moncton, "A", "B").await,
            service::move_item(&db, other, kind, moncton, true).await,
            service::remove_item(&db, other, kind, moncton).await,
            // Nor does the wrong list of the same program.
            service::remove_item(&db, program, ListKind::Skill, moncton).await,
        ] {
            assert_eq!(result, Err(AppError::NotFound), "{}", db.engine());
        }

        service::remove_item(&db, program, kind, moncton)
            .await
            .unwrap();
        let items = repo::list_items(&db, program, kind).await.unwrap();
        assert!(items.iter().all(|i| i.id != moncton));
        assert!(items
            .iter()
            .any(|i| i.id == saint_john && i.label_fr == "Saint-Jean"));
    }
}

#[tokio::test]
async fn a_list_stops_at_its_limit() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let program = app::seed::demo_program_id(&db).await.unwrap().unwrap();
        let kind = ListKind::JobFunction;
        let have = repo::count_items(&db, program, kind).await.unwrap();
        let now = chrono::Utc::now();
        for n in have..LIST_ITEMS_MAX {
            let label = format!("Function {n}");
            repo::insert_item(&db, program, kind, &label, &label, now)
                .await
                .unwrap();
        }
        let err = service::add_item(&db, program, kind, "One more", "Encore une")
            .await
            .unwrap_err();
        assert_eq!(
            err,
            AppError::validation("label_en", ValidationCode::ListFull),
            "{}",
            db.engine()
        );
    }
}

#[tokio::test]
async fn demo_members_hold_their_job_as_a_position_matched_to_the_lists() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let program = app::seed::demo_program_id(&db).await.unwrap().unwrap();
        let used = |items: Vec<app::profiles::model::ListItem>| {
            items.iter().map(|i| i.in_use).sum::<i64>()
        };
        // 30 mentors and 30 mentees, each with an industry and a job function from the lists.
        let industries = repo::list_items(&db, program, ListKind::Industry)
            .await
            .unwrap();
        let functions = repo::list_items(&db, program, ListKind::JobFunction)
            .await
            .unwrap();
        assert_eq!(
            (used(industries), used(functions)),
            (60, 60),
            "{}",
            db.engine()
        );
        // The directory shows the current position.
        let (cards, total) = app::directory::server::repo::list_by_role(
            &db,
            program,
            app::auth::model::Role::Mentor,
            100,
            0,
        )
        .await
        .unwrap();
        assert_eq!(total, 30);
        assert!(cards
            .iter()
            .all(|c| !c.job_title.is_empty() && !c.company.is_empty()));
    }
}

#[tokio::test]
async fn completeness_follows_the_profile_and_the_program_fields() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let program = app::seed::demo_program_id(&db).await.unwrap().unwrap();
        let mentee = support::session_of(&db, app::seed::DEMO_MENTEE)
            .await
            .viewer
            .user_id;
        // Seeded: names, country, city, time zone, languages and a position with title,
        // company, industry and job function: 10 of the mentee's 15 counted fields.
        assert_eq!(
            service::refresh_completeness(&db, program, mentee)
                .await
                .unwrap(),
            66,
            "{}",
            db.engine()
        );
        assert_eq!(
            repo::completeness_of(&db, program, mentee).await.unwrap(),
            Some(66)
        );

        // A required custom field for both roles: 10 of 16.
        let field: i64 = app::with_db!(&db, pool => sqlx::query_scalar(
            "INSERT INTO custom_fields (program_id, name_en, name_fr, role, required, created_at)
             VALUES ($1, 'Pronouns', 'Pronoms', 'both', TRUE, $2) RETURNING id",
        )
        .bind(program)
        .bind(chrono::Utc::now())
        .fetch_one(pool)
        .await
        .unwrap());
        assert_eq!(
            service::refresh_completeness(&db, program, mentee)
                .await
                .unwrap(),
            62
        );

        // An empty answer does not count; a real one does (11 of 16).
        for text in ["  ", "she/her"] {
            app::with_db!(&db, pool => sqlx::query(
                "INSERT INTO custom_field_values (user_id, program_id, field_id, text_value) VALUES ($1, $2, $3, $4)",
            )
            .bind(mentee)
            .bind(program)
            .bind(field)
            .bind(text)
            .execute(pool)
            .await
            .map(|_| ())
            .unwrap());
        }
        assert_eq!(
            service::refresh_completeness(&db, program, mentee)
                .await
                .unwrap(),
            68
        );

        // Development areas count for mentees (12 of 16); a mentor's skills list does not.
        let area = repo::list_items(&db, program, ListKind::DevelopmentArea)
            .await
            .unwrap()[0]
            .id;
        app::with_db!(&db, pool => sqlx::query(
            "INSERT INTO profile_list_choices (user_id, program_id, item_id) VALUES ($1, $2, $3)",
        )
        .bind(mentee)
        .bind(program)
        .bind(area)
        .execute(pool)
        .await
        .map(|_| ())
        .unwrap());
        assert_eq!(
            service::refresh_completeness(&db, program, mentee)
                .await
                .unwrap(),
            75
        );

        // Deleting the entry takes the choice away, and the stored figure follows at once.
        service::remove_item(&db, program, ListKind::DevelopmentArea, area)
            .await
            .unwrap();
        assert_eq!(
            repo::completeness_of(&db, program, mentee).await.unwrap(),
            Some(68)
        );
        // The admin's members list reads the stored figure.
        let (rows, _) =
            app::members::server::repo::search_members(&db, program, app::seed::DEMO_MENTEE, 10, 0)
                .await
                .unwrap();
        assert_eq!(rows[0].completeness, 68);

        // Not a member of that program: nothing to compute.
        let other = app::seed::circle_program_id(&db).await.unwrap().unwrap();
        assert_eq!(
            service::refresh_completeness(&db, other, mentee).await,
            Err(AppError::NotFound)
        );
    }
}
