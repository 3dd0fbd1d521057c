//! The admin members table: every filter alone and combined, sorting, paging, the row
//! counts, member admins, saved filters and column choice. SQLite and PostgreSQL.
mod support;

use backend::auth::authz::{self, MemberScope};
use backend::db::Db;
use backend::members::index::MemberIndexes;
use backend::members::service;
use chrono::{Duration, TimeZone, Utc};
use shared::auth::model::Role;
use shared::error::{AppError, ValidationCode};
use shared::members::filter::{parse_query, MemberColumn};

async fn admin_scope(db: &Db) -> MemberScope {
    authz::check(
        authz::Access::Admin,
        Some(support::session_of(db, backend::seed::DEMO_ADMIN).await),
    )
    .unwrap()
    .unwrap()
}

/// The last names shown for a query (always narrowed to this test's members).
async fn names(db: &Db, index: &MemberIndexes, scope: &MemberScope, query: &str) -> Vec<String> {
    let query = match query.strip_prefix("q=") {
        Some(words) => format!("q=table.test+{words}"),
        None => format!("q=table.test&{query}"),
    };
    let filter = parse_query(&query).unwrap();
    service::members_page(db, index, scope, &filter)
        .await
        .unwrap()
        .rows
        .into_iter()
        .map(|r| r.last_name)
        .collect()
}

async fn exec(db: &Db, sql: &'static str, a: i64, b: i64) {
    backend::with_db!(db, pool => sqlx::query(sql).bind(a).bind(b).execute(pool).await.map(|_| ()).unwrap());
}

async fn set_time(db: &Db, sql: &'static str, at: Option<chrono::DateTime<Utc>>, user: i64) {
    backend::with_db!(db, pool => sqlx::query(sql).bind(at).bind(user).execute(pool).await.map(|_| ()).unwrap());
}

#[tokio::test]
async fn every_filter_alone_and_combined_sorting_and_paging() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let engine = db.engine();
        let program = backend::seed::demo_program_id(&db).await.unwrap().unwrap();
        let scope = admin_scope(&db).await;
        let index = MemberIndexes::default();
        let add = |email: &'static str, role| {
            let db = db.clone();
            async move { support::add_member(&db, program, email, "en", role).await }
        };
        let ana = add("ana@table.test", Role::Mentor).await;
        let ben = add("ben@table.test", Role::Mentee).await;
        let cleo = add("cleo@table.test", Role::Mentee).await;
        let dan = add("dan@table.test", Role::Mentor).await;

        // A custom field: Ana answers Baseball, Ben Hockey.
        let field = backend::profiles::service::create_custom_field(
            &db,
            program,
            &backend::profiles::service::CustomFieldForm {
                name_en: "Favourite sport".into(),
                name_fr: "Sport préféré".into(),
                options_en: "Baseball, Hockey".into(),
                options_fr: "Baseball, Hockey".into(),
                role: "both".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        let sport = backend::profiles::service::custom_field(&db, program, field)
            .await
            .unwrap();
        let (baseball, hockey) = (sport.options[0].id, sport.options[1].id);
        for (user, option) in [(ana, baseball), (ben, hockey)] {
            backend::with_db!(&db, pool => sqlx::query(
                "INSERT INTO custom_field_values (user_id, program_id, field_id, option_id) VALUES ($1, $2, $3, $4)",
            )
            .bind(user).bind(program).bind(field).bind(option)
            .execute(pool).await.map(|_| ()).unwrap());
        }
        // Positions: Ana works in banking now; Ben did before.
        let banking = backend::profiles::service::add_item(
            &db,
            program,
            shared::profiles::model::ListKind::Industry,
            "Table banking",
            "Banque table",
        )
        .await
        .unwrap();
        for (user, current) in [(ana, true), (ben, false)] {
            backend::with_db!(&db, pool => sqlx::query(
                "INSERT INTO positions (user_id, program_id, job_title, industry_id, is_current) VALUES ($1, $2, 'Analyst', $3, $4)",
            )
            .bind(user).bind(program).bind(banking).bind(current)
            .execute(pool).await.map(|_| ()).unwrap());
        }
        // Completeness, sign-ins, joining dates, a relationship, a deactivation.
        for (user, percent) in [(ana, 90), (ben, 40), (cleo, 20), (dan, 70)] {
            exec(
                &db,
                "UPDATE memberships SET completeness = $1 WHERE user_id = $2",
                percent,
                user,
            )
            .await;
        }
        let now = Utc::now();
        for (user, days) in [
            (ana, Some(3)),
            (ben, Some(40)),
            (cleo, None),
            (dan, Some(100)),
        ] {
            set_time(
                &db,
                "UPDATE users SET last_sign_in_at = $1 WHERE id = $2",
                days.map(|d| now - Duration::days(d)),
                user,
            )
            .await;
        }
        for user in [ana, ben, dan] {
            let joined = Utc.with_ymd_and_hms(2025, 6, 1, 12, 0, 0).unwrap();
            set_time(
                &db,
                "UPDATE memberships SET joined_at = $1 WHERE user_id = $2",
                Some(joined),
                user,
            )
            .await;
        }
        let cleo_joined = Utc.with_ymd_and_hms(2026, 1, 15, 15, 0, 0).unwrap();
        set_time(
            &db,
            "UPDATE memberships SET joined_at = $1 WHERE user_id = $2",
            Some(cleo_joined),
            cleo,
        )
        .await;
        backend::seed::insert_relationship(
            &db,
            program,
            ana,
            ben,
            shared::relationships::model::RelationshipStatus::Active,
            now,
            None,
        )
        .await
        .unwrap();
        backend::seed::insert_relationship(
            &db,
            program,
            dan,
            cleo,
            shared::relationships::model::RelationshipStatus::Completed,
            now,
            Some(now),
        )
        .await
        .unwrap();
        service::set_active(&db, "http://mentora.test", &scope, dan, false)
            .await
            .unwrap();

        let cases: &[(&str, &[&str])] = &[
            ("", &["ana", "ben", "cleo", "dan"]),
            // Each word must match the first name, last name or e-mail.
            ("q=test+AN", &["ana", "dan"]),
            ("q=test%20ana", &["ana"]),
            ("role=mentor", &["ana", "dan"]),
            (&format!("field={field}"), &["ana", "ben"]),
            (&format!("field={field}&option={hockey}"), &["ben"]),
            (&format!("option={baseball}"), &["ana"]),
            (&format!("industry={banking}"), &["ana", "ben"]),
            (&format!("industry={banking}&current=1"), &["ana"]),
            ("current=1", &["ana"]),
            ("below=50", &["ben", "cleo"]),
            ("below=21", &["cleo"]),
            // On or after the day, in the admin's zone (Toronto).
            ("after=2026-01-15", &["cleo"]),
            ("after=2026-01-16", &[]),
            ("active=no", &["dan"]),
            ("active=yes", &["ana", "ben", "cleo"]),
            ("activity=7", &["ana"]),
            ("activity=30", &["ana"]),
            ("activity=90", &["ana", "ben"]),
            ("activity=never", &["cleo"]),
            ("relationship=active", &["ana", "ben"]),
            ("relationship=none", &["cleo", "dan"]),
            // Combined: every filter must hold.
            (
                "role=mentee&relationship=active&below=50&activity=90",
                &["ben"],
            ),
            (
                &format!("role=mentor&field={field}&option={baseball}&below=95&active=yes"),
                &["ana"],
            ),
            (&format!("role=mentee&option={baseball}"), &[]),
        ];
        for (query, expected) in cases {
            assert_eq!(
                &names(&db, &index, &scope, query).await,
                expected,
                "{engine}: {query}"
            );
        }

        // Sorting: NULLs last both ways; a second click reverses.
        assert_eq!(
            names(&db, &index, &scope, "sort=last_sign_in&dir=desc").await,
            ["ana", "ben", "dan", "cleo"]
        );
        assert_eq!(
            names(&db, &index, &scope, "sort=last_sign_in").await,
            ["dan", "ben", "ana", "cleo"]
        );
        assert_eq!(
            names(&db, &index, &scope, "sort=completeness").await,
            ["cleo", "ben", "dan", "ana"]
        );
        assert_eq!(
            names(&db, &index, &scope, "sort=member_since&dir=desc").await[0],
            "cleo"
        );
        assert_eq!(names(&db, &index, &scope, "sort=active").await[0], "dan");

        // The counts and dates of a row.
        let filter = parse_query("q=ana%40table.test").unwrap();
        let page = service::members_page(&db, &index, &scope, &filter)
            .await
            .unwrap();
        let row = &page.rows[0];
        assert_eq!(
            (row.relationships, row.matches, row.completeness),
            (1, 1, 90),
            "{engine}"
        );
        assert_eq!(page.total, 1);
        let filter = parse_query("q=dan%40table.test").unwrap();
        let dan_row = &service::members_page(&db, &index, &scope, &filter)
            .await
            .unwrap()
            .rows[0];
        assert_eq!(
            (dan_row.relationships, dan_row.matches, dan_row.active),
            (0, 1, false)
        );
        assert!(
            dan_row.end_date.is_some(),
            "a deactivated member has an end date"
        );

        // Pages: the total counts every match; pages never overlap.
        let everyone = parse_query("").unwrap();
        let first = service::members_page(&db, &index, &scope, &everyone)
            .await
            .unwrap();
        let all = first.total;
        assert_eq!(all, 61 + 4, "{engine}");
        assert_eq!(first.page_count, (all + 49) / 50);
        let second = service::members_page(&db, &index, &scope, &parse_query("page=2").unwrap())
            .await
            .unwrap();
        assert_eq!(second.total, all);
        assert_eq!(second.rows.len() as i64, all - 50);
        assert!(second
            .rows
            .iter()
            .all(|r| first.rows.iter().all(|f| f.user_id != r.user_id)));

        // Renaming a person (any write path) reaches the table's search and order at once;
        // French capitals fold on both engines.
        backend::with_db!(&db, pool => sqlx::query("UPDATE users SET last_name = 'Émond' WHERE id = $1")
            .bind(cleo)
            .execute(pool)
            .await
            .map(|_| ())
            .unwrap());
        assert_eq!(
            names(&db, &index, &scope, "q=émond").await,
            ["Émond"],
            "{engine}"
        );
        assert_eq!(
            names(&db, &index, &scope, "")
                .await
                .last()
                .map(String::as_str),
            Some("Émond")
        );

        // A bad filter is refused, naming it.
        assert_eq!(
            parse_query("below=0").unwrap_err(),
            AppError::validation("completeness_below", ValidationCode::OutOfRange)
        );
    }
}

#[tokio::test]
async fn member_admins_saved_filters_and_columns_belong_to_their_admin() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let engine = db.engine();
        let program = backend::seed::demo_program_id(&db).await.unwrap().unwrap();
        let scope = admin_scope(&db).await;
        let index = MemberIndexes::default();
        let admin_id = scope.session.viewer.user_id;
        let mentee = support::session_of(&db, backend::seed::DEMO_MENTEE)
            .await
            .viewer
            .user_id;

        // Member admin: one of the program's administrators, or nobody.
        service::set_member_admin(&db, &scope, mentee, Some(admin_id))
            .await
            .unwrap();
        let row = service::members_page(
            &db,
            &index,
            &scope,
            &parse_query("q=mentee%40demo.test").unwrap(),
        )
        .await
        .unwrap()
        .rows
        .remove(0);
        assert_eq!(row.member_admin_id, Some(admin_id), "{engine}");
        assert_eq!(
            service::set_member_admin(&db, &scope, mentee, Some(mentee)).await,
            Err(AppError::validation(
                "member_admin",
                ValidationCode::InvalidChoice
            ))
        );
        service::set_member_admin(&db, &scope, mentee, None)
            .await
            .unwrap();
        let setup = service::table_setup(&db, &scope).await.unwrap();
        assert!(setup.admins.iter().any(|(id, _)| *id == admin_id));

        // Saved filters are stored canonical; the same name replaces; newest first.
        let saved =
            service::save_filter(&db, &scope, " Mentors ", "below=80&role=mentor&page=3&q=")
                .await
                .unwrap();
        assert_eq!(
            (saved.name.as_str(), saved.query.as_str()),
            ("Mentors", "role=mentor&below=80")
        );
        service::save_filter(&db, &scope, "Quiet", "activity=never")
            .await
            .unwrap();
        let again = service::save_filter(&db, &scope, "Mentors", "role=mentor&below=60")
            .await
            .unwrap();
        assert_eq!(again.id, saved.id, "{engine}");
        let listed = service::table_setup(&db, &scope).await.unwrap().saved;
        assert_eq!(
            listed
                .iter()
                .map(|s| (s.name.as_str(), s.query.as_str()))
                .collect::<Vec<_>>(),
            [
                ("Mentors", "role=mentor&below=60"),
                ("Quiet", "activity=never")
            ]
        );
        assert_eq!(
            service::save_filter(&db, &scope, "  ", "role=mentor")
                .await
                .unwrap_err(),
            AppError::validation("filter_name", ValidationCode::Required)
        );
        assert_eq!(
            service::save_filter(&db, &scope, "Bad", "below=200")
                .await
                .unwrap_err(),
            AppError::validation("completeness_below", ValidationCode::OutOfRange)
        );

        // Another admin of the program sees none of them and cannot delete them.
        let other =
            support::add_member(&db, program, "second-admin@demo.test", "en", Role::Admin).await;
        let mut other_scope = scope.clone();
        other_scope.session.viewer.user_id = other;
        assert!(service::table_setup(&db, &other_scope)
            .await
            .unwrap()
            .saved
            .is_empty());
        assert_eq!(
            service::delete_saved_filter(&db, &other_scope, saved.id).await,
            Err(AppError::NotFound)
        );
        service::delete_saved_filter(&db, &scope, saved.id)
            .await
            .unwrap();

        // Columns: remembered per admin; the name always stays; unknown codes refused.
        let chosen = service::set_columns(&db, &scope, &["active".into(), "email".into()])
            .await
            .unwrap();
        assert_eq!(
            chosen,
            [
                MemberColumn::Name,
                MemberColumn::Email,
                MemberColumn::Active
            ]
        );
        assert_eq!(
            service::table_setup(&db, &scope).await.unwrap().columns,
            chosen
        );
        assert_eq!(
            service::table_setup(&db, &other_scope)
                .await
                .unwrap()
                .columns
                .len(),
            MemberColumn::ALL.len()
        );
        assert_eq!(
            service::set_columns(&db, &scope, &["bogus".into()]).await,
            Err(AppError::validation(
                "columns",
                ValidationCode::InvalidChoice
            ))
        );
    }
}

/// Two app instances on one database: what one writes, the other's table shows at once
/// (its in-memory index catches up on the changes before every search).
#[tokio::test]
async fn another_instance_sees_every_change_at_once() {
    for db in support::databases().await {
        let one = support::demo(db).await;
        // Each instance has its own copy of the table; the database is shared.
        let (index_one, index_two) = (MemberIndexes::default(), MemberIndexes::default());
        let engine = one.engine();
        let program = backend::seed::demo_program_id(&one).await.unwrap().unwrap();
        let scope = admin_scope(&one).await;
        let eve = support::add_member(&one, program, "eve@table.test", "en", Role::Mentee).await;
        let fay = support::add_member(&one, program, "fay@table.test", "en", Role::Mentor).await;
        // Both instances have loaded the program.
        assert_eq!(
            names(&one, &index_one, &scope, "").await,
            ["eve", "fay"],
            "{engine}"
        );
        assert_eq!(
            names(&one, &index_two, &scope, "").await,
            ["eve", "fay"],
            "{engine}"
        );

        // A member joins through instance one.
        let gus = support::add_member(&one, program, "gus@table.test", "en", Role::Mentee).await;
        assert_eq!(
            names(&one, &index_two, &scope, "role=mentee").await,
            ["eve", "gus"]
        );

        // Deactivated on one: the other filters them as inactive.
        service::set_active(&one, "http://mentora.test", &scope, eve, false)
            .await
            .unwrap();
        assert_eq!(
            names(&one, &index_two, &scope, "active=no").await,
            ["eve"],
            "{engine}"
        );

        // Renamed, answered a custom field, matched, completed their profile.
        backend::with_db!(&one, pool => sqlx::query("UPDATE users SET last_name = 'Abel' WHERE id = $1")
            .bind(gus).execute(pool).await.map(|_| ()).unwrap());
        assert_eq!(
            names(&one, &index_two, &scope, "q=abel").await,
            ["Abel"],
            "{engine}"
        );
        let sport_field = backend::profiles::service::custom_fields(&one, program)
            .await
            .unwrap()
            .into_iter()
            .find(|f| f.name_en == "Favourite sport")
            .unwrap()
            .id;
        let option = backend::profiles::service::custom_field(&one, program, sport_field)
            .await
            .unwrap()
            .options[0]
            .id;
        let sport = (sport_field, option);
        backend::with_db!(&one, pool => sqlx::query(
            "INSERT INTO custom_field_values (user_id, program_id, field_id, option_id) VALUES ($1, $2, $3, $4)",
        )
        .bind(fay).bind(program).bind(sport.0).bind(sport.1)
        .execute(pool).await.map(|_| ()).unwrap());
        assert_eq!(
            names(&one, &index_two, &scope, &format!("option={}", sport.1)).await,
            ["fay"]
        );
        backend::seed::insert_relationship(
            &one,
            program,
            fay,
            gus,
            shared::relationships::model::RelationshipStatus::Active,
            Utc::now(),
            None,
        )
        .await
        .unwrap();
        assert_eq!(
            names(&one, &index_two, &scope, "relationship=active").await,
            ["Abel", "fay"],
            "{engine}"
        );
        assert_eq!(
            names(&one, &index_two, &scope, "sort=matches&dir=desc").await,
            ["fay", "Abel", "eve"]
        );
        exec(
            &one,
            "UPDATE memberships SET completeness = $1 WHERE user_id = $2",
            100,
            eve,
        )
        .await;
        assert_eq!(
            names(&one, &index_two, &scope, "sort=completeness&dir=desc").await[0],
            "eve"
        );

        // Deleted for good on one: gone from the other.
        service::delete_member(&one, "http://mentora.test", &scope, fay)
            .await
            .unwrap();
        assert_eq!(
            names(&one, &index_two, &scope, "").await,
            ["Abel", "eve"],
            "{engine}"
        );
        assert_eq!(
            names(&one, &index_one, &scope, "").await,
            ["Abel", "eve"],
            "{engine}"
        );
    }
}

/// Case and accents never matter: imported names are found by what people type, with or
/// without the accents, on both engines; and they sort by their folded spelling.
#[tokio::test]
async fn the_members_search_ignores_case_and_accents() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let engine = db.engine();
        let scope = admin_scope(&db).await;
        let index = MemberIndexes::default();
        support::import_members(
            &db,
            &scope,
            "first_name,last_name,email,role,language\n\
             Mesut,Özil,ozil@fold.test,mentor,en\n\
             ÉLODIE,Brûlé,brule@fold.test,mentee,fr\n\
             Hélène,Lagacé,lagace@fold.test,mentee,fr\n\
             Ærø,Hansen,hansen@fold.test,mentor,en\n\
             İpek,Yılmaz,yilmaz@fold.test,mentee,en\n\
             Jürgen,Straße,strasse@fold.test,mentor,en\n",
        )
        .await;
        let found = |words: &'static str| last_names_found(&db, &index, &scope, words);
        for (typed, last_name) in [
            ("Özil", "Özil"),
            ("ozil", "Özil"),
            ("OZIL", "Özil"),
            ("ÉLODIE", "Brûlé"),
            ("elodie", "Brûlé"),
            ("brule", "Brûlé"),
            ("Brûlé", "Brûlé"),
            ("helene", "Lagacé"),
            ("Hélène lagace", "Lagacé"),
            ("aero", "Hansen"),
            ("Ærø", "Hansen"),
            ("ipek", "Yılmaz"),
            ("İpek yilmaz", "Yılmaz"),
            ("strasse", "Straße"),
            ("Straße", "Straße"),
            ("jurgen", "Straße"),
        ] {
            assert_eq!(found(typed).await, [last_name], "{engine}: {typed}");
        }
        // A rename is searched by its new spelling at once.
        backend::with_db!(&db, pool => sqlx::query("UPDATE users SET first_name = 'Zoë' WHERE email = 'ozil@fold.test'")
            .execute(pool)
            .await
            .map(|_| ())
            .unwrap());
        assert_eq!(found("zoe ozil").await, ["Özil"], "{engine}");
        assert!(found("mesut").await.is_empty(), "{engine}");
        // Sorted by last name, folded: Brûlé, Hansen, Lagacé, Özil, Straße, Yılmaz.
        assert_eq!(
            found("").await,
            ["Brûlé", "Hansen", "Lagacé", "Özil", "Straße", "Yılmaz"],
            "{engine}"
        );
    }
}

/// The last names the members table shows for `words` among this test's members.
async fn last_names_found(
    db: &Db,
    index: &MemberIndexes,
    scope: &MemberScope,
    words: &str,
) -> Vec<String> {
    let words = shared::percent::percent_encode(words);
    let filter = parse_query(&format!("q=fold.test+{words}")).unwrap();
    let rows = service::members_page(db, index, scope, &filter)
        .await
        .unwrap()
        .rows;
    rows.into_iter().map(|r| r.last_name).collect()
}
