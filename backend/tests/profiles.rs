//! Program lists, profiles, custom fields and completeness. SQLite and PostgreSQL.
mod support;

use backend::profiles::{repo, service};
use shared::error::{AppError, ValidationCode};
use shared::profiles::model::{ListKind, LIST_ITEMS_MAX};

fn labels(items: &[shared::profiles::model::ListItem]) -> Vec<&str> {
    items.iter().map(|i| i.label_en.as_str()).collect()
}

#[tokio::test]
async fn program_lists_keep_order_names_and_their_own_program() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let program = backend::seed::demo_program_id(&db).await.unwrap().unwrap();
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
        let other = backend::seed::circle_program_id(&db)
            .await
            .unwrap()
            .unwrap();
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
        let program = backend::seed::demo_program_id(&db).await.unwrap().unwrap();
        let kind = ListKind::JobFunction;
        let mut tx = db.begin().await.unwrap();
        let have = repo::count_items(&mut tx, program, kind).await.unwrap();
        let now = chrono::Utc::now();
        for n in have..LIST_ITEMS_MAX {
            let label = format!("Function {n}");
            repo::insert_item(&mut tx, program, kind, &label, &label, now)
                .await
                .unwrap();
        }
        tx.commit().await.unwrap();
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
        let program = backend::seed::demo_program_id(&db).await.unwrap().unwrap();
        let used = |items: Vec<shared::profiles::model::ListItem>| {
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
    }
}

#[tokio::test]
async fn completeness_follows_the_profile_and_the_program_fields() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let program = backend::seed::demo_program_id(&db).await.unwrap().unwrap();
        let mentee = support::session_of(&db, backend::seed::DEMO_MENTEE)
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
        let field: i64 = backend::with_db!(&db, pool => sqlx::query_scalar(
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
            backend::with_db!(&db, pool => sqlx::query(
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
        backend::with_db!(&db, pool => sqlx::query(
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
        let filter = shared::members::filter::MemberFilter {
            search: backend::seed::DEMO_MENTEE.into(),
            ..Default::default()
        };
        let search = backend::members::index::MemberSearch {
            filter: &filter,
            joined_since: None,
            signed_in_since: None,
            now: chrono::Utc::now(),
            limit: 10,
            offset: 0,
        };
        let (rows, _) = backend::members::index::search_members(
            &db,
            &backend::members::index::MemberIndexes::default(),
            program,
            &search,
        )
        .await
        .unwrap();
        assert_eq!(rows[0].completeness, 68);

        // Not a member of that program: nothing to compute.
        let other = backend::seed::circle_program_id(&db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            service::refresh_completeness(&db, other, mentee).await,
            Err(AppError::NotFound)
        );
    }
}

fn pronouns() -> service::CustomFieldForm {
    service::CustomFieldForm {
        name_en: "Pronouns".into(),
        name_fr: "Pronom".into(),
        options_en: "He/Him, She/Her, They/Them".into(),
        options_fr: "Il/Lui, Elle/Elle, Iel".into(),
        role: "both".into(),
        required: true,
        single_select: true,
        show_on_profile: true,
        in_report: true,
        ..Default::default()
    }
}

async fn mentee_of(db: &backend::db::Db) -> (i64, i64) {
    let program = backend::seed::demo_program_id(db).await.unwrap().unwrap();
    let mentee = support::session_of(db, backend::seed::DEMO_MENTEE)
        .await
        .viewer
        .user_id;
    (program, mentee)
}

fn validation_field(err: AppError) -> (String, ValidationCode) {
    match err {
        AppError::Validation { field, code } => (field, code),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[tokio::test]
async fn custom_fields_keep_answers_and_completeness_is_current_at_once() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let engine = db.engine();
        let (program, mentee) = mentee_of(&db).await;
        let stored = || async { repo::completeness_of(&db, program, mentee).await.unwrap() };
        assert_eq!(stored().await, Some(66), "{engine}");

        // Adding a required field lowers every member's stored figure before returning.
        let field = service::create_custom_field(&db, program, &pronouns())
            .await
            .unwrap();
        assert_eq!(stored().await, Some(62), "{engine}: 10 of 16");

        // The mentee answers it on the Skills tab.
        let created = service::custom_field(&db, program, field).await.unwrap();
        assert_eq!(created.options.len(), 3);
        assert_eq!(created.options[2].label_fr, "Iel");
        let she = created.options[1].id;
        let mut answer = service::SkillsForm::default();
        answer
            .custom
            .insert(format!("f{field}"), vec![she.to_string()]);
        service::save_skills(&db, program, mentee, &answer)
            .await
            .unwrap();
        assert_eq!(stored().await, Some(68), "{engine}: 11 of 16");

        // Two options of a single-select field: refused, naming the field.
        let mut two = answer.clone();
        two.custom.insert(
            format!("f{field}"),
            vec![she.to_string(), created.options[0].id.to_string()],
        );
        let err = service::save_skills(&db, program, mentee, &two)
            .await
            .unwrap_err();
        assert_eq!(
            validation_field(err),
            (format!("custom_{field}"), ValidationCode::InvalidChoice)
        );
        // Leaving the required field empty is refused too.
        let err = service::save_skills(&db, program, mentee, &service::SkillsForm::default())
            .await
            .unwrap_err();
        assert_eq!(
            validation_field(err),
            (format!("custom_{field}"), ValidationCode::Required)
        );

        // Fixing one language's spelling keeps the option and the answer.
        let mut edited = pronouns();
        edited.options_fr = "Il/Lui, Elle, Iel".into();
        service::update_custom_field(&db, program, field, &edited)
            .await
            .unwrap();
        let (_, profile, _) = repo::load_profile(&mut db.read().await.unwrap(), program, mentee)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(profile.answer(field).unwrap().option_ids, vec![she]);
        assert_eq!(stored().await, Some(68), "{engine}");

        // Removing the chosen option removes the answer: completeness drops at once.
        edited.options_en = "He/Him, They/Them".into();
        edited.options_fr = "Il/Lui, Iel".into();
        service::update_custom_field(&db, program, field, &edited)
            .await
            .unwrap();
        assert_eq!(stored().await, Some(62), "{engine}");

        // Options must pair up; bad input changes nothing.
        edited.options_fr = "Il/Lui".into();
        let err = service::update_custom_field(&db, program, field, &edited)
            .await
            .unwrap_err();
        assert_eq!(
            validation_field(err),
            ("options_fr".into(), ValidationCode::OptionsMismatch)
        );
        assert_eq!(
            service::custom_field(&db, program, field)
                .await
                .unwrap()
                .options
                .len(),
            2
        );

        // Another program cannot see or change it.
        let other = backend::seed::circle_program_id(&db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            service::update_custom_field(&db, other, field, &pronouns()).await,
            Err(AppError::NotFound)
        );
        assert_eq!(
            service::delete_custom_field(&db, other, field).await,
            Err(AppError::NotFound)
        );

        // Admin-only: hidden from members, not counted against them.
        let mut private = pronouns();
        private.admin_only = true;
        service::update_custom_field(&db, program, field, &private)
            .await
            .unwrap();
        assert_eq!(stored().await, Some(66), "{engine}");

        service::delete_custom_field(&db, program, field)
            .await
            .unwrap();
        assert_eq!(stored().await, Some(66), "{engine}");
        // Only the demo's own question is left.
        let left = repo::custom_fields(&mut db.read().await.unwrap(), program)
            .await
            .unwrap();
        assert_eq!(
            left.iter().map(|f| f.name_en.as_str()).collect::<Vec<_>>(),
            ["Favourite sport"]
        );
    }
}

#[tokio::test]
async fn profile_tabs_validate_every_field_and_store_what_was_sent() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let engine = db.engine();
        let (program, mentee) = mentee_of(&db).await;
        let basic = service::BasicForm {
            first_name: " Noor ".into(),
            last_name: "Haddad".into(),
            country: "CA".into(),
            province: "Nova Scotia".into(),
            city: "Halifax".into(),
            time_zone: "America/Halifax".into(),
            languages: vec!["ar".into(), "en".into(), "ar".into()],
            gender: "prefer_not".into(),
        };
        for (field, code, change) in [
            (
                "first_name",
                ValidationCode::Required,
                (|b: &mut service::BasicForm| b.first_name = "  ".into())
                    as fn(&mut service::BasicForm),
            ),
            ("country", ValidationCode::InvalidChoice, |b| {
                b.country = "XX".into()
            }),
            ("time_zone", ValidationCode::InvalidChoice, |b| {
                b.time_zone = "Mars/Olympus".into()
            }),
            ("languages", ValidationCode::InvalidChoice, |b| {
                b.languages = vec!["klingon".into()]
            }),
            ("gender", ValidationCode::InvalidChoice, |b| {
                b.gender = "robot".into()
            }),
            ("city", ValidationCode::TooLong, |b| {
                b.city = "x".repeat(101)
            }),
        ] {
            let mut bad = basic.clone();
            change(&mut bad);
            let err = service::save_basic(&db, program, mentee, &bad)
                .await
                .unwrap_err();
            assert_eq!(validation_field(err), (field.to_string(), code), "{engine}");
        }
        service::save_basic(&db, program, mentee, &basic)
            .await
            .unwrap();
        let (_, p, _) = repo::load_profile(&mut db.read().await.unwrap(), program, mentee)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (p.first_name.as_str(), p.city.as_str(), p.time_zone.name()),
            ("Noor", "Halifax", "America/Halifax")
        );
        assert_eq!(p.languages, ["ar", "en"]);

        // Employment: list entries must come from the right list; blank rows are dropped.
        let industries =
            repo::list_entries(&mut db.read().await.unwrap(), program, ListKind::Industry)
                .await
                .unwrap();
        let functions = repo::list_entries(
            &mut db.read().await.unwrap(),
            program,
            ListKind::JobFunction,
        )
        .await
        .unwrap();
        let row = |title: &str, industry: i64, current: bool| service::PositionForm {
            job_title: title.into(),
            company: "Acme".into(),
            industry: industry.to_string(),
            job_function: functions[0].id.to_string(),
            is_current: current,
        };
        let wrong = [row("Analyst", functions[1].id, true)];
        let err = service::save_employment(&db, program, mentee, &wrong, "")
            .await
            .unwrap_err();
        assert_eq!(
            validation_field(err),
            ("industry".into(), ValidationCode::InvalidChoice)
        );
        let rows = [
            row("Analyst", industries[0].id, true),
            row("Intern", industries[1].id, false),
            service::PositionForm {
                is_current: true,
                ..Default::default()
            },
        ];
        let err = service::save_employment(&db, program, mentee, &rows, "99")
            .await
            .unwrap_err();
        assert_eq!(
            validation_field(err),
            ("years_experience".into(), ValidationCode::OutOfRange)
        );
        service::save_employment(&db, program, mentee, &rows, "3")
            .await
            .unwrap();
        let (_, p, _) = repo::load_profile(&mut db.read().await.unwrap(), program, mentee)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(p.positions.len(), 2, "{engine}");
        assert!(p.positions[0].is_current && !p.positions[1].is_current);
        assert_eq!(p.years_experience, Some(3));

        // Skills: a mentor's list entry is not a development area.
        let skills = repo::list_entries(&mut db.read().await.unwrap(), program, ListKind::Skill)
            .await
            .unwrap();
        let areas = repo::list_entries(
            &mut db.read().await.unwrap(),
            program,
            ListKind::DevelopmentArea,
        )
        .await
        .unwrap();
        let cities = repo::list_entries(
            &mut db.read().await.unwrap(),
            program,
            ListKind::MeetingCity,
        )
        .await
        .unwrap();
        let mut form = service::SkillsForm {
            development_areas: vec![skills[0].id.to_string()],
            ..Default::default()
        };
        let err = service::save_skills(&db, program, mentee, &form)
            .await
            .unwrap_err();
        assert_eq!(
            validation_field(err),
            ("development_areas".into(), ValidationCode::InvalidChoice)
        );
        form.development_areas = vec![areas[0].id.to_string(), areas[2].id.to_string()];
        form.linkedin = "<script>".into();
        let err = service::save_skills(&db, program, mentee, &form)
            .await
            .unwrap_err();
        assert_eq!(
            validation_field(err),
            ("linkedin".into(), ValidationCode::InvalidChoice)
        );
        form.linkedin = "linkedin.com/in/noor".into();
        form.meeting_formats = vec!["video".into(), "teleport".into()];
        let err = service::save_skills(&db, program, mentee, &form)
            .await
            .unwrap_err();
        assert_eq!(
            validation_field(err),
            ("meeting_formats".into(), ValidationCode::InvalidChoice)
        );
        form.meeting_formats = vec!["video".into(), "phone".into()];
        form.meeting_cities = vec![cities[0].id.to_string()];
        form.summary = "Analyst learning to lead.".into();
        form.goals = "Lead a team within two years.".into();
        form.max_partners = "2".into();
        service::save_skills(&db, program, mentee, &form)
            .await
            .unwrap();
        let (role, p, stored) = repo::load_profile(&mut db.read().await.unwrap(), program, mentee)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(p.development_areas, [areas[0].id, areas[2].id]);
        assert_eq!(p.meeting_formats, ["video", "phone"]);
        assert_eq!(p.max_partners, Some(2));

        // Everything counted but the photo: 14 of 15 base and required fields.
        assert_eq!(stored, 93, "{engine}");
        // The plain-Rust rule over the loaded profile agrees with the bulk computation.
        let rules = service::completeness_rules(&db, program).await.unwrap();
        assert_eq!(
            shared::profiles::fields::completeness(
                role,
                &rules,
                &shared::profiles::fields::filled_fields(&p)
            ),
            stored
        );
    }
}

#[tokio::test]
async fn bulk_recalculation_agrees_with_each_members_profile() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let program = backend::seed::demo_program_id(&db).await.unwrap().unwrap();
        service::create_custom_field(&db, program, &pronouns())
            .await
            .unwrap();
        let done = service::refresh_program_completeness(&db, program)
            .await
            .unwrap();
        assert!(done.members > 10);
        assert_eq!(done.changed, 0, "already current after the field was added");
        let rules = service::completeness_rules(&db, program).await.unwrap();
        for member in repo::profile_members(&mut db.read().await.unwrap(), program)
            .await
            .unwrap()
        {
            let (role, p, stored) =
                repo::load_profile(&mut db.read().await.unwrap(), program, member)
                    .await
                    .unwrap()
                    .unwrap();
            let expected = shared::profiles::fields::completeness(
                role,
                &rules,
                &shared::profiles::fields::filled_fields(&p),
            );
            assert_eq!(stored, expected, "{}: member {member}", db.engine());
        }
    }
}

/// Pages read in a read-only transaction: a write held open elsewhere (on SQLite, the one
/// write lock) does not hold them up, while a second writer waits for it.
#[tokio::test]
async fn a_page_reads_while_another_request_writes() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let program = backend::seed::demo_program_id(&db).await.unwrap().unwrap();
        let mentee = support::session_of(&db, backend::seed::DEMO_MENTEE)
            .await
            .viewer
            .user_id;
        let mut writer = db.begin().await.unwrap();
        repo::insert_item(
            &mut writer,
            program,
            ListKind::Skill,
            "Held open",
            "Tenu ouvert",
            chrono::Utc::now(),
        )
        .await
        .unwrap();
        let page = tokio::time::timeout(
            std::time::Duration::from_secs(5),
            service::profile_edit(&db, program, mentee),
        )
        .await
        .unwrap_or_else(|_| panic!("the read waited for the writer ({})", db.engine()))
        .unwrap();
        // The page sees the state before the open write.
        assert!(
            !page.skills.iter().any(|s| s.label_en == "Held open"),
            "{}",
            db.engine()
        );
        writer.commit().await.unwrap();
    }
}
