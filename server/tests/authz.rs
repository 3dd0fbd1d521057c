//! The authorization matrix: every server function (and every protected plain route) is
//! called as a visitor, a mentee, a mentor, an administrator of another program and the
//! program's administrator. A server function missing from the table fails the test.
mod common;
#[path = "../../backend/tests/support/mod.rs"]
mod support;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use shared::members::model::ImportKind;
use std::collections::{BTreeMap, BTreeSet};
use tower::ServiceExt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Visitor,
    Mentee,
    Mentor,
    OtherAdmin,
    Admin,
}

#[derive(Clone, Copy, Debug)]
enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in person.
    Session,
    /// A member (any role) of the current program.
    Member,
    /// A mentor or mentee of the current program (administrators have no profile).
    ProfileOwner,
    /// A member, and the arguments name the demo program's data: a member of another
    /// program must get "not found".
    MemberOfThisData,
    /// One of the two members of an invitation, or the program's administrator (the demo
    /// mentor's invitations): any other member must get "not found".
    PartyOrAdmin,
    /// One of the two members of an invitation, acting on it: everyone else, the
    /// administrator included, gets "not found".
    Party,
    /// An administrator of the current program.
    Admin,
    /// Admin, and the arguments name the demo program's data: another program's
    /// administrator must get "not found", never the data.
    AdminOfThisData,
}

/// Ids the argument strings refer to.
struct Ids {
    demo_program: i64,
    other_program: i64,
    mentee: i64,
    doomed: i64,
    run: i64,
    email: i64,
    list_item: i64,
    custom_field: i64,
    saved_filter: i64,
    /// A pending invitation the demo mentor received, and one they sent.
    received_invitation: i64,
    sent_invitation: i64,
    /// The demo mentor and mentee's relationship.
    relationship: i64,
}

type Args = fn(&Ids, Role) -> String;

/// Every server function: its endpoint, who may call it, and arguments that pass
/// validation (or fail it harmlessly, after the authorization check).
fn table() -> Vec<(&'static str, Access, Args)> {
    vec![
        ("viewer", Access::Public, |_, _| String::new()),
        ("sign_in", Access::Public, |_, _| "email=&password=".into()),
        ("set_language", Access::Public, |_, _| "lang=en".into()),
        ("invitation", Access::Public, |_, _| {
            "token=demo-invitation".into()
        }),
        ("register", Access::Public, |_, _| {
            "token=demo-invitation&first_name=A&last_name=B&email=bad&password=x&password_confirm=x&role=mentee&language=en".into()
        }),
        ("forgot_password", Access::Public, |_, _| "email=".into()),
        ("password_link", Access::Public, |_, _| {
            "token=unknown".into()
        }),
        ("set_password", Access::Public, |_, _| {
            "token=unknown&password=short&password_confirm=short".into()
        }),
        ("unlock", Access::Public, |_, _| "token=unknown".into()),
        ("resend_unlock", Access::Public, |_, _| "email=".into()),
        // A meeting e-mail's answer link: the token is the only key (an unknown one is a
        // dead link for everyone; backend/tests/answer_links.rs uses real ones).
        ("answer_link", Access::Public, |_, _| "token=unknown".into()),
        ("answer_by_link", Access::Public, |_, _| {
            "token=unknown".into()
        }),
        ("program_contact", Access::Public, |_, _| {
            "notice=unknown".into()
        }),
        ("join_program", Access::Session, |_, _| {
            "token=unknown&role=mentee".into()
        }),
        ("my_programs", Access::Session, |_, _| String::new()),
        ("switch_program", Access::Session, |ids, role| {
            let own = if role == Role::OtherAdmin {
                ids.other_program
            } else {
                ids.demo_program
            };
            format!("program_id={own}")
        }),
        ("account_settings", Access::Session, |_, _| String::new()),
        ("update_account_settings", Access::Session, |_, _| {
            "language=en&time_zone=America%2FToronto".into()
        }),
        ("calendar_feed", Access::Session, |_, _| String::new()),
        ("new_calendar_feed", Access::Session, |_, _| String::new()),
        ("turn_off_calendar_feed", Access::Session, |_, _| {
            String::new()
        }),
        ("busy_calendar", Access::Session, |_, _| String::new()),
        // A closed port on loopback (the test state lets loopback through): refused at once.
        ("connect_busy_calendar", Access::Session, |_, _| {
            "address=http%3A%2F%2F127.0.0.1%3A9%2Fcal.ics".into()
        }),
        ("read_busy_calendar", Access::Session, |_, _| String::new()),
        ("remove_busy_calendar", Access::Session, |_, _| {
            String::new()
        }),
        ("member_summary", Access::Member, |_, _| String::new()),
        ("partner_search_setup", Access::Member, |_, _| {
            "looking_for=mentor&query=search%3D1".into()
        }),
        ("partner_search", Access::Member, |_, _| {
            "looking_for=mentor&query=search%3D1".into()
        }),
        ("my_connections", Access::Member, |_, _| String::new()),
        ("invite_target", Access::Member, |ids, _| {
            format!("user_id={}", ids.mentee)
        }),
        ("send_invitation", Access::Member, |ids, _| {
            format!("user_id={}&message=", ids.mentee)
        }),
        ("member_invitation", Access::PartyOrAdmin, |ids, _| {
            format!("id={}", ids.received_invitation)
        }),
        ("decline_invitation", Access::Party, |ids, _| {
            format!(
                "id={}&reason={}",
                ids.received_invitation,
                "x".repeat(1_001)
            )
        }),
        ("accept_invitation", Access::Party, |ids, _| {
            format!("id={}", ids.received_invitation)
        }),
        // A question over the limit: refused after the check, so nothing is sent.
        ("ask_about_invitation", Access::Party, |ids, _| {
            format!(
                "id={}&question={}",
                ids.received_invitation,
                "x".repeat(1_001)
            )
        }),
        ("withdraw_invitation", Access::Party, |ids, _| {
            format!("id={}", ids.sent_invitation)
        }),
        ("my_availability", Access::Member, |_, _| String::new()),
        ("my_calendar", Access::Member, |_, _| "view=week".into()),
        ("my_notifications", Access::Member, |_, _| String::new()),
        ("mark_notifications_read", Access::Member, |_, _| {
            String::new()
        }),
        // An overlap: refused after the check, so nothing is written.
        ("save_availability", Access::Member, |_, _| {
            "window[0][weekday]=monday&window[0][start]=10:00&window[0][end]=12:00&window[1][weekday]=monday&window[1][start]=11:00&window[1][end]=13:00".into()
        }),
        ("add_availability_exception", Access::Member, |_, _| {
            "kind=away&first=2026-12-10&last=2026-12-09".into()
        }),
        ("delete_availability_exception", Access::Member, |_, _| {
            "id=0".into()
        }),
        ("relationship", Access::MemberOfThisData, |ids, _| {
            format!("id={}", ids.relationship)
        }),
        ("end_relationship", Access::MemberOfThisData, |ids, _| {
            format!("id={}&reason={}", ids.relationship, "x".repeat(1_001))
        }),
        ("booking_offer", Access::MemberOfThisData, |ids, _| {
            format!(
                "relationship_id={}&minutes=&frequency=&occurrences=&until=&month=&day=",
                ids.relationship
            )
        }),
        // A duration the dialog does not offer: refused after the relationship check.
        ("book_meeting", Access::MemberOfThisData, |ids, _| {
            format!("relationship_id={}&minutes=25&slot=", ids.relationship)
        }),
        (
            "relationship_meetings",
            Access::MemberOfThisData,
            |ids, _| format!("relationship_id={}", ids.relationship),
        ),
        // "No answer" is not an answer one gives: refused before any meeting is read.
        ("answer_meeting", Access::Member, |ids, _| {
            format!(
                "relationship_id={}&meeting_id=0&answer=none",
                ids.relationship
            )
        }),
        // A choice of occurrences that does not exist: refused before any meeting is read.
        ("cancel_meeting", Access::Member, |ids, _| {
            format!(
                "relationship_id={}&meeting_id=0&scope=some",
                ids.relationship
            )
        }),
        // No date: refused after the relationship check, so another program's administrator
        // is told "not found" and the pair (or its administrator) what is missing.
        ("log_meeting", Access::MemberOfThisData, |ids, _| {
            format!(
                "relationship_id={}&day=&minutes=60&meeting_type=video",
                ids.relationship
            )
        }),
        // No logged meeting is numbered 0: refused after the relationship check, as above.
        (
            "remove_logged_meeting",
            Access::MemberOfThisData,
            |ids, _| format!("relationship_id={}&id=0", ids.relationship),
        ),
        // The same for a move.
        ("reschedule_meeting", Access::Member, |ids, _| {
            format!(
                "relationship_id={}&meeting_id=0&scope=some&minutes=30&slot=",
                ids.relationship
            )
        }),
        ("admin_stats", Access::Admin, |_, _| String::new()),
        ("admin_meetings", Access::Admin, |_, _| {
            "query=size%3D25".into()
        }),
        ("admin_relationships", Access::Admin, |_, _| {
            "query=tab%3Dmatched%26sort%3Dmentor%26dir%3Dasc".into()
        }),
        (
            "admin_relationship_admin",
            Access::AdminOfThisData,
            |ids, _| format!("id={}&admin_id=&back=", ids.relationship),
        ),
        ("admin_end_all_status", Access::Admin, |_, _| String::new()),
        // A reason over the limit: refused after the check, so nothing ends.
        ("admin_end_all", Access::Admin, |_, _| {
            format!("reason={}", "x".repeat(1_001))
        }),
        ("admin_match_page", Access::Admin, |_, _| {
            "query=mentor_q%3Ddemo%26mentee_q%3Ddemo".into()
        }),
        ("admin_match_candidates", Access::Admin, |_, _| {
            "role=mentor&typed=demo".into()
        }),
        // A mentee as the mentor: refused after the check, so nobody is matched.
        ("admin_match_members", Access::Admin, |ids, _| {
            format!("mentor_id={}&mentee_id={}", ids.mentee, ids.mentee)
        }),
        ("admin_invitation_link", Access::Admin, |_, _| String::new()),
        ("admin_invitation_regenerate", Access::Admin, |_, _| {
            String::new()
        }),
        ("admin_invitation_enabled", Access::Admin, |_, _| {
            "enabled=true".into()
        }),
        ("admin_members", Access::Admin, |_, _| {
            "query=role%3Dmentor%26below%3D90".into()
        }),
        ("admin_members_setup", Access::Admin, |_, _| String::new()),
        ("admin_members_active", Access::AdminOfThisData, |ids, _| {
            format!("user_id={}&active=true&back=", ids.mentee)
        }),
        (
            "admin_members_member_admin",
            Access::AdminOfThisData,
            |ids, _| format!("user_id={}&admin_id=&back=", ids.mentee),
        ),
        ("admin_members_columns", Access::Admin, |_, _| {
            "columns[]=email&columns[]=active&back=".into()
        }),
        ("admin_members_save_filter", Access::Admin, |_, _| {
            "name=Mentors&query=role%3Dmentor".into()
        }),
        (
            "admin_members_delete_filter",
            Access::AdminOfThisData,
            |ids, _| format!("id={}&back=", ids.saved_filter),
        ),
        ("admin_member", Access::AdminOfThisData, |ids, _| {
            format!("user_id={}", ids.mentee)
        }),
        ("admin_member_active", Access::AdminOfThisData, |ids, _| {
            format!("user_id={}&active=true", ids.mentee)
        }),
        ("admin_member_delete", Access::AdminOfThisData, |ids, _| {
            format!("user_id={}&confirm=yes", ids.doomed)
        }),
        ("admin_import_run", Access::AdminOfThisData, |ids, _| {
            format!("run_id={}", ids.run)
        }),
        ("admin_email_log", Access::Admin, |_, _| {
            "query[from]=2026-01-01".into()
        }),
        ("admin_email_log_members", Access::Admin, |_, _| {
            "prefix=me".into()
        }),
        ("admin_email", Access::AdminOfThisData, |ids, _| {
            format!("id={}", ids.email)
        }),
        ("admin_system_messages", Access::Admin, |_, _| String::new()),
        ("admin_system_message", Access::Admin, |_, _| {
            "key=welcome".into()
        }),
        ("admin_system_message_save", Access::Admin, |_, _| {
            "key=welcome&subject_en=Hi&body_en=Hi%20{nope}&subject_fr=Salut&body_fr=Salut".into()
        }),
        ("admin_system_message_reset", Access::Admin, |_, _| {
            "key=welcome".into()
        }),
        ("admin_program_settings", Access::Admin, |_, _| {
            String::new()
        }),
        ("admin_program_settings_save", Access::Admin, |_, _| {
            "name_en=&name_fr=&contact_email=&logo_url=&lockout_threshold=5&search_access=both&default_max_partners=1&invitation_days=14".into()
        }),
        ("admin_program_list", Access::Admin, |_, _| {
            "list=skill".into()
        }),
        ("admin_program_list_add", Access::Admin, |_, _| {
            "list=skill&label_en=&label_fr=".into()
        }),
        (
            "admin_program_list_rename",
            Access::AdminOfThisData,
            |ids, _| {
                format!(
                    "list=skill&id={}&label_en=Renamed&label_fr=Renomm%C3%A9",
                    ids.list_item
                )
            },
        ),
        (
            "admin_program_list_move",
            Access::AdminOfThisData,
            |ids, _| format!("list=skill&id={}&direction=up", ids.list_item),
        ),
        (
            "admin_program_list_delete",
            Access::AdminOfThisData,
            |ids, _| format!("list=skill&id={}", ids.list_item),
        ),
        ("my_profile", Access::ProfileOwner, |_, _| String::new()),
        ("save_profile_basic", Access::ProfileOwner, |_, _| {
            "first_name=&last_name=B&time_zone=UTC".into()
        }),
        ("save_profile_employment", Access::ProfileOwner, |_, _| {
            "years_experience=x".into()
        }),
        ("save_profile_skills", Access::ProfileOwner, |_, _| {
            "meeting_formats[]=teleport".into()
        }),
        ("member_profile", Access::MemberOfThisData, |ids, _| {
            format!("user_id={}", ids.mentee)
        }),
        ("admin_custom_fields", Access::Admin, |_, _| String::new()),
        ("admin_custom_field", Access::AdminOfThisData, |ids, _| {
            format!("id={}", ids.custom_field)
        }),
        (
            "admin_custom_field_save",
            Access::AdminOfThisData,
            |ids, _| {
                format!(
                "id={}&label_en=Pronouns&label_fr=Pronom&role=both&options_en=A,B&options_fr=A,B",
                ids.custom_field
            )
            },
        ),
        ("admin_profile_rules", Access::Admin, |_, _| String::new()),
        ("admin_profile_rules_save", Access::Admin, |_, _| {
            "rule[city][mentors]=on&rule[city][base]=on".into()
        }),
        ("admin_recalculate_completeness", Access::Admin, |_, _| {
            String::new()
        }),
        (
            "admin_custom_field_delete",
            Access::AdminOfThisData,
            |ids, _| format!("id={}", ids.custom_field),
        ),
        // Last: it ends the caller's session.
        ("sign_out", Access::Public, |_, _| String::new()),
    ]
}

fn expected(access: Access, role: Role) -> &'static [u16] {
    const DENIED_VISITOR: &[u16] = &[401];
    const DENIED: &[u16] = &[403];
    const HIDDEN: &[u16] = &[404];
    // 409: allowed to ask, and a matching rule said no (already invited, no room…).
    const ALLOWED: &[u16] = &[200, 302, 303, 400, 409, 410, 422];
    match (access, role) {
        (Access::Public, _) => ALLOWED,
        (_, Role::Visitor) => DENIED_VISITOR,
        (Access::Session, _) | (Access::Member, _) => ALLOWED,
        (Access::ProfileOwner, Role::Mentee | Role::Mentor) => ALLOWED,
        (Access::ProfileOwner, _) => DENIED,
        (Access::PartyOrAdmin, Role::Mentor | Role::Admin) => ALLOWED,
        (Access::Party, Role::Mentor) => ALLOWED,
        (Access::PartyOrAdmin | Access::Party, _) => HIDDEN,
        (Access::MemberOfThisData, Role::OtherAdmin) => HIDDEN,
        (Access::MemberOfThisData, _) => ALLOWED,
        (Access::Admin | Access::AdminOfThisData, Role::Mentee | Role::Mentor) => DENIED,
        (Access::AdminOfThisData, Role::OtherAdmin) => HIDDEN,
        (Access::Admin | Access::AdminOfThisData, _) => ALLOWED,
    }
}

async fn call(
    router: &Router,
    method: &str,
    path: &str,
    cookie: Option<&str>,
    body: String,
) -> StatusCode {
    let mut request = Request::builder()
        .method(method)
        .uri(path)
        .header(header::ACCEPT, "application/json")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    let response = router
        .clone()
        .oneshot(request.body(Body::from(body)).unwrap())
        .await
        .unwrap();
    response.status()
}

/// Signs in through the router; returns the session cookie.
async fn cookie_for(router: &Router, email: &str) -> String {
    let request = Request::post("/api/sign_in")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .body(Body::from(format!(
            "email={}&password=demo-password",
            email.replace('@', "%40")
        )))
        .unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "sign in {email}");
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("mentora_session="))
        .and_then(|c| c.split(';').next().map(str::to_string))
        .unwrap()
}

/// A second program whose only administrator is `other-admin@elsewhere.test`.
async fn other_program(db: &backend::db::Db) -> i64 {
    let hash = backend::auth::password::hash_password(backend::seed::DEMO_PASSWORD);
    let now = chrono::Utc::now();
    backend::with_db!(db, pool => {
        let org: i64 = sqlx::query_scalar("INSERT INTO organisations (name, created_at) VALUES ('Elsewhere', $1) RETURNING id")
            .bind(now).fetch_one(pool).await.unwrap();
        let program: i64 = sqlx::query_scalar(
            "INSERT INTO programs (organisation_id, slug, name_en, name_fr, contact_email, created_at)
             VALUES ($1, 'elsewhere', 'Elsewhere', 'Ailleurs', 'other-admin@elsewhere.test', $2) RETURNING id")
            .bind(org).bind(now).fetch_one(pool).await.unwrap();
        let user: i64 = sqlx::query_scalar(
            "INSERT INTO users (email, password_hash, first_name, last_name, created_at)
             VALUES ('other-admin@elsewhere.test', $1, 'Other', 'Admin', $2) RETURNING id")
            .bind(&hash).bind(now).fetch_one(pool).await.unwrap();
        sqlx::query("INSERT INTO memberships (user_id, program_id, role, joined_at) VALUES ($1, $2, 'admin', $3)")
            .bind(user).bind(program).bind(now).execute(pool).await.unwrap();
        program
    })
}

/// The demo mentor's pending invitations (one received, one they send to a new mentee,
/// with room made for it) and their relationship with the demo mentee.
async fn mentor_invitations(db: &backend::db::Db, program: i64, mentee: i64) -> (i64, i64, i64) {
    use backend::auth::authz::{check, Access};
    let scope = check(
        Access::Member,
        Some(support::session_of(db, backend::seed::DEMO_MENTOR).await),
    )
    .unwrap()
    .unwrap();
    let mentor = scope.session.viewer.user_id;
    let now = chrono::Utc::now();
    backend::with_db!(db, pool => sqlx::query(
        "INSERT INTO profiles (user_id, program_id, max_partners, updated_at) VALUES ($1, $2, 10, $3)
         ON CONFLICT (user_id, program_id) DO UPDATE SET max_partners = 10")
        .bind(mentor).bind(program).bind(now).execute(pool).await.map(|_| ()).unwrap());
    let invitee = support::add_member(
        db,
        program,
        "invitee@demo.test",
        "en",
        shared::auth::model::Role::Mentee,
    )
    .await;
    let sent =
        backend::relationships::invitations::send(db, "http://t", &scope, invitee, "Hello", now)
            .await
            .unwrap();
    let (received, relationship): (i64, i64) = backend::with_db!(db, pool => sqlx::query_as(
        "SELECT (SELECT id FROM invitations WHERE recipient_id = $1 AND status = 'pending' ORDER BY id LIMIT 1),
                (SELECT id FROM relationships WHERE mentor_id = $1 AND mentee_id = $2)",
    )
    .bind(mentor)
    .bind(mentee)
    .fetch_one(pool)
    .await
    .unwrap());
    (received, sent, relationship)
}

#[tokio::test]
async fn every_server_function_enforces_its_access_rule() {
    let db = support::demo(support::sqlite().await).await;
    let demo_program = backend::seed::demo_program_id(&db).await.unwrap().unwrap();
    let other_program = other_program(&db).await;
    let mentee = support::session_of(&db, backend::seed::DEMO_MENTEE)
        .await
        .viewer
        .user_id;
    let doomed = support::add_member(
        &db,
        demo_program,
        "doomed@demo.test",
        "en",
        shared::auth::model::Role::Mentee,
    )
    .await;
    let admin = backend::auth::authz::check(
        backend::auth::authz::Access::Admin,
        Some(support::session_of(&db, backend::seed::DEMO_ADMIN).await),
    )
    .unwrap()
    .unwrap();
    let run = backend::members::import::start(
        &db,
        "http://t",
        &admin,
        ImportKind::Deactivate,
        "x.csv",
        b"nothing",
    )
    .await
    .unwrap();
    backend::auth::recovery::request_password_reset(
        &db,
        "http://t",
        "ip",
        backend::seed::DEMO_MENTOR,
    )
    .await
    .unwrap();
    let email = support::outbox(&db).await[0].id;
    let list_item = backend::profiles::service::add_item(
        &db,
        demo_program,
        shared::profiles::model::ListKind::Skill,
        "Authorization",
        "Autorisation",
    )
    .await
    .unwrap();
    let custom_field = backend::profiles::service::create_custom_field(
        &db,
        demo_program,
        &backend::profiles::service::CustomFieldForm {
            name_en: "Pronouns".into(),
            name_fr: "Pronom".into(),
            description_en: String::new(),
            description_fr: String::new(),
            options_en: "He/Him, She/Her".into(),
            options_fr: "Il/Lui, Elle/Elle".into(),
            hint_en: String::new(),
            hint_fr: String::new(),
            role: "both".into(),
            position: String::new(),
            required: true,
            in_search: true,
            admin_only: false,
            single_select: true,
            allow_entries: false,
            base_field: false,
            show_on_profile: true,
            in_report: true,
        },
    )
    .await
    .unwrap();
    let saved_filter =
        backend::members::service::save_filter(&db, &admin, "Mentees", "role=mentee")
            .await
            .unwrap()
            .id;
    let (received_invitation, sent_invitation, relationship) =
        mentor_invitations(&db, demo_program, mentee).await;
    let ids = Ids {
        received_invitation,
        sent_invitation,
        relationship,
        demo_program,
        other_program,
        mentee,
        doomed,
        run,
        email,
        list_item,
        custom_field,
        saved_filter,
    };
    let router = common::router_on(db.clone());

    // Every registered server function has a row, and every row a function.
    let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_string())
        .collect();
    let listed: BTreeSet<String> = table()
        .iter()
        .map(|(name, _, _)| name.to_string())
        .collect();
    assert_eq!(
        registered, listed,
        "the authorization table must list every server function"
    );

    let mut failures = BTreeMap::new();
    for role in [
        Role::Visitor,
        Role::Mentee,
        Role::Mentor,
        Role::OtherAdmin,
        Role::Admin,
    ] {
        let cookie = match role {
            Role::Visitor => None,
            Role::Mentee => Some(cookie_for(&router, backend::seed::DEMO_MENTEE).await),
            Role::Mentor => Some(cookie_for(&router, backend::seed::DEMO_MENTOR).await),
            Role::OtherAdmin => Some(cookie_for(&router, "other-admin@elsewhere.test").await),
            Role::Admin => Some(cookie_for(&router, backend::seed::DEMO_ADMIN).await),
        };
        for (name, access, args) in table() {
            let status = call(
                &router,
                "POST",
                &format!("/api/{name}"),
                cookie.as_deref(),
                args(&ids, role),
            )
            .await;
            let allowed = expected(access, role);
            if !allowed.contains(&status.as_u16()) {
                failures.insert(
                    format!("{name} as {role:?}"),
                    format!("got {status}, expected one of {allowed:?}"),
                );
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[tokio::test]
async fn plain_admin_routes_use_the_same_rules() {
    let db = support::demo(support::sqlite().await).await;
    let router = common::router_on(db.clone());
    let routes = [
        ("GET", "/admin/members/import/sample.csv"),
        ("GET", "/admin/members/deactivate/sample.csv"),
        ("POST", "/admin/members/import/upload"),
        ("POST", "/admin/members/deactivate/upload"),
        ("GET", "/admin/messages/log.csv"),
        ("GET", "/admin/relationships/meetings.csv"),
        ("GET", "/admin/messages/system/welcome/preview.html"),
    ];
    let mentee = cookie_for(&router, backend::seed::DEMO_MENTEE).await;
    let admin = cookie_for(&router, backend::seed::DEMO_ADMIN).await;
    for (method, path) in routes {
        let visitor = call(&router, method, path, None, String::new()).await;
        assert_eq!(
            visitor,
            StatusCode::SEE_OTHER,
            "{path} sends visitors to sign in"
        );
        assert_eq!(
            call(&router, method, path, Some(&mentee), String::new()).await,
            StatusCode::FORBIDDEN,
            "{path}"
        );
        let as_admin = call(&router, method, path, Some(&admin), String::new()).await;
        assert!(
            as_admin == StatusCode::OK || as_admin == StatusCode::SEE_OTHER,
            "{path}: {as_admin}"
        );
    }
}

/// Uploads a CSV to a plain import route as `cookie`; returns the run page it redirects to.
async fn upload_csv(router: &Router, path: &str, cookie: &str, csv: &str) -> String {
    let boundary = "mentora-test-boundary";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.csv\"\r\n\
         Content-Type: text/csv\r\n\r\n{csv}\r\n--{boundary}--\r\n"
    );
    let response = router
        .clone()
        .oneshot(
            Request::post(path)
                .header(header::COOKIE, cookie)
                .header(
                    header::CONTENT_TYPE,
                    format!("multipart/form-data; boundary={boundary}"),
                )
                .body(Body::from(body))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    response.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_string()
}

/// Another program's administrator, through the real routes: importing a member of the
/// demo program adds them to their own program only, never renames them or changes their
/// language, and deactivating them there leaves their demo session alone.
#[tokio::test]
async fn another_programs_admin_cannot_change_this_programs_members() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let other = other_program(&db).await;
        let router = common::router_on(db.clone());
        let other_admin = cookie_for(&router, "other-admin@elsewhere.test").await;
        let mentee = cookie_for(&router, backend::seed::DEMO_MENTEE).await;
        let person = || async {
            backend::with_db!(&db, pool => sqlx::query_as::<_, (String, String, String)>(
                "SELECT first_name, last_name, language FROM users WHERE email = $1",
            )
            .bind(backend::seed::DEMO_MENTEE)
            .fetch_one(pool)
            .await
            .unwrap())
        };
        let before = person().await;
        let finished = |location: String| {
            let db = db.clone();
            async move {
                let run: i64 = location.rsplit('/').next().unwrap().parse().unwrap();
                for _ in 0..200 {
                    let state = backend::members::import::run(&db, other, run)
                        .await
                        .unwrap();
                    if state.status != shared::members::model::ImportStatus::Running {
                        return state;
                    }
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                }
                panic!("import did not finish")
            }
        };
        let csv = format!(
            "first_name,last_name,email,role,language\nRENAMED,BY OTHER ADMIN,{},mentor,en\n",
            backend::seed::DEMO_MENTEE
        );
        for _ in 0..2 {
            let location =
                upload_csv(&router, "/admin/members/import/upload", &other_admin, &csv).await;
            let state = finished(location).await;
            assert_eq!(
                state.status,
                shared::members::model::ImportStatus::Done,
                "{state:?}"
            );
        }
        assert_eq!(person().await, before, "{}", db.engine());

        let location = upload_csv(
            &router,
            "/admin/members/deactivate/upload",
            &other_admin,
            &format!("email\n{}\n", backend::seed::DEMO_MENTEE),
        )
        .await;
        finished(location).await;
        let viewer = call(
            &router,
            "POST",
            "/api/member_summary",
            Some(&mentee),
            String::new(),
        )
        .await;
        assert_eq!(viewer, StatusCode::OK, "the demo session goes on");
    }
}
