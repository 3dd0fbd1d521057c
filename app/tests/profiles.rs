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
